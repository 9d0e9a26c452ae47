// Issue 17, "An SoA an auditor accepts": inclusion reasons as Yes columns (an old "Reason type"
// migrated), the justification typed once on Annex A and shown on the SoA, the risks each control
// treats, a warning when a risk relies on an excluded control, and an unapproved SoA as a Stage 1
// blocker that the model, validate and the report name alike.
import { CONTROLS } from "../../src/catalog";
import { SHEETS, SOA_COLUMNS, SOA_REASON_COLUMNS, TABLES } from "../../src/core/contract";
import { emptyInputs, type RowInputs } from "../../src/core/inputs";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import { SOA_APPROVAL_ROW } from "../../src/core/layout/soaSheet";
import type { SheetPlan } from "../../src/core/layout/workbookPlan";
import { emptyAudit, type AuditInputs } from "../../src/core/read/audit";
import { harvestWorkbook } from "../../src/core/read/harvest";
import {
  carrySoaJustifications,
  legacyReasonColumn,
  migrateReasonType,
  missingApproval,
  risksByControl,
} from "../../src/core/read/soa";
import { BLOCKER_KINDS, assessReadiness, blockerCounts } from "../../src/core/readiness";
import { executiveReport } from "../../src/core/report";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { validateWorkbook } from "../../src/core/validate/validate";
import { RULES } from "../../src/core/validate/rules";
import { planToSnapshots } from "../support/planSnapshots";

const TODAY = 46100;

function soaRows(sheet: SheetPlan): Record<string, unknown>[] {
  const table = sheet.tables[0];
  const block = sheet.blocks.find((b) => b.at === table.at);
  if (!block) throw new Error("table block missing");
  const [header, ...rows] = block.cells;
  const names = header.map((c) => String(c.value));
  return rows.map((line) =>
    Object.fromEntries(names.map((n, i) => [n, line[i]?.formula ?? line[i]?.value ?? null]))
  );
}
const sheetOf = (plan: ReturnType<typeof layoutWorkbook>, name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

function auditWithRisks(): AuditInputs {
  const audit = emptyAudit();
  audit.risks.rows = [
    { ID: "R-01", "Asset or process": "CRM", "Annex A controls": "8.8, A.8.13" },
    { ID: "R-02", "Asset or process": "Office", "Annex A controls": "7.4" },
    { ID: "R-03", "Asset or process": "Policies", "Annex A controls": "5.10, 8.8" },
  ];
  return audit;
}

describe("SoA columns an auditor expects", () => {
  it("lists the inclusion reasons side by side, the justification, the status and the risks treated", () => {
    expect(SOA_COLUMNS).toEqual([
      "ID",
      "Theme",
      "Control",
      "Applicable",
      "Legal or regulatory",
      "Contractual",
      "Business requirement",
      "Risk treatment",
      "Best practice",
      "Justification",
      "Implementation status",
      "Treats risks",
      "Evidence or document reference",
      "Owner",
    ]);
    const soa = sheetOf(layoutWorkbook({ start: 46000 }), SHEETS.soa);
    expect(soa.tables[0].columns.map((c) => c.header)).toEqual([...SOA_COLUMNS]);
    // Each reason column offers Yes (blank allowed: a list validation does not force a value).
    for (const reason of SOA_REASON_COLUMNS) {
      const v = soa.validations.find(
        (x) => x.prompt?.title === reason || x.error?.title === reason
      );
      expect([reason, v?.rule]).toEqual([reason, { kind: "list", source: "Yes" }]);
    }
  });

  it("shows Annex A's justification by lookup: typed once, on Annex A", () => {
    const inputs = emptyInputs();
    inputs.annexA.set("7.4", { Applicable: "No", Justification: "No premises of our own" });
    const plan = layoutWorkbook({ start: 46000, inputs });
    const row = soaRows(sheetOf(plan, SHEETS.soa)).find((r) => r.ID === "7.4");
    expect(row?.Justification).toBe(
      `=IFERROR(INDEX(${TABLES.annexA}[Justification],MATCH(${TABLES.soa}[[#This Row],[ID]],${TABLES.annexA}[ID],0))&"","")`
    );
    const col = sheetOf(plan, SHEETS.soa).tables[0].columns.find(
      (c) => c.header === "Justification"
    );
    expect(col?.formula).toBeDefined(); // a calculated (locked) column, not an input
  });

  it("moves a justification typed on an earlier SoA to Annex A when Annex A's is blank", () => {
    const annexA = new Map<string, RowInputs>([
      ["5.1", { Justification: "Annex A says this" }],
      ["5.2", { Status: "Compliant" }],
    ]);
    const soa = {
      rows: [
        { ID: "5.1", Justification: "The SoA said that" },
        { ID: "A.5.2", Justification: "Roles are set by HR" },
        { ID: "5.3", Justification: "Too small to split duties" },
        { ID: "Z.9", Justification: "Not a control" },
      ],
      extraColumns: [],
      approval: {},
    };
    const carried = carrySoaJustifications(annexA, soa);
    expect(carried.get("5.1")?.Justification).toBe("Annex A says this");
    expect(carried.get("5.2")).toEqual({
      Status: "Compliant",
      Justification: "Roles are set by HR",
    });
    expect(carried.get("5.3")?.Justification).toBe("Too small to split duties");
    expect(carried.has("Z.9")).toBe(false);
    expect(annexA.get("5.2")).toEqual({ Status: "Compliant" }); // the input is not changed
  });

  it("keeps a different SoA justification in a column of its own, and rebuilds stably", () => {
    const inputs = emptyInputs();
    inputs.annexA.set("5.1", { Justification: "Annex A says this" });
    const audit = emptyAudit();
    audit.soa.rows = [{ ID: "5.1", Justification: "The SoA said that" }];
    const first = layoutWorkbook({ start: 46000, inputs, audit });
    const row = soaRows(sheetOf(first, SHEETS.soa)).find((r) => r.ID === "5.1");
    expect(row?.["Earlier SoA justification"]).toBe("The SoA said that");
    const harvest = harvestWorkbook(planToSnapshots(first));
    const second = layoutWorkbook({ start: 46000, inputs: harvest.inputs, audit: harvest.audit });
    expect(sheetOf(second, SHEETS.soa).blocks).toEqual(sheetOf(first, SHEETS.soa).blocks);
    expect(sheetOf(second, SHEETS.annexA).blocks).toEqual(sheetOf(first, SHEETS.annexA).blocks);
  });

  it.each([
    ["Legal", "Legal or regulatory"],
    ["legal or regulatory", "Legal or regulatory"],
    ["Contractual", "Contractual"],
    ["Business requirement", "Business requirement"],
    ["Risk assessment", "Risk treatment"],
    ["Best practice", "Best practice"],
    ["Not relevant", null],
    [null, null],
  ])("moves the old reason type %p to %p", (value, column) => {
    expect(legacyReasonColumn(value)).toBe(column);
  });

  it("migrates an old Reason type on rebuild, keeping the old column only for values that fit none", () => {
    expect(migrateReasonType([{ ID: "5.1", "Reason type": "Legal", Contractual: "Yes" }])).toEqual({
      rows: [{ ID: "5.1", "Legal or regulatory": "Yes", Contractual: "Yes" }],
      keepLegacy: false,
    });
    expect(migrateReasonType([{ ID: "7.4", "Reason type": "Not relevant" }]).keepLegacy).toBe(true);

    const audit = emptyAudit();
    audit.soa = {
      rows: [
        { ID: "5.1", "Reason type": "Risk assessment" },
        { ID: "5.2", "Reason type": "Contractual" },
      ],
      extraColumns: ["Reason type"],
      approval: {},
    };
    const soa = sheetOf(layoutWorkbook({ start: 46000, audit }), SHEETS.soa);
    expect(soa.tables[0].columns.map((c) => c.header)).toEqual([...SOA_COLUMNS]);
    const rows = soaRows(soa);
    expect(rows.find((r) => r.ID === "5.1")?.["Risk treatment"]).toBe("Yes");
    expect(rows.find((r) => r.ID === "5.2")?.Contractual).toBe("Yes");
  });
});

describe("the risks each control treats", () => {
  it("lists the Risk Register ids whose Annex A controls name the control (5.1 is not 5.10)", () => {
    const byControl = risksByControl(auditWithRisks().risks.rows);
    expect(byControl.get("8.8")).toEqual(["R-01", "R-03"]);
    expect(byControl.get("8.13")).toEqual(["R-01"]);
    expect(byControl.get("5.1")).toBeUndefined();
    expect(byControl.get("5.10")).toEqual(["R-03"]);
  });

  it("fills Treats risks on the SoA when the workbook is built", () => {
    const rows = soaRows(
      sheetOf(layoutWorkbook({ start: 46000, audit: auditWithRisks() }), SHEETS.soa)
    );
    expect(rows.find((r) => r.ID === "8.8")?.["Treats risks"]).toBe("R-01, R-03");
    expect(rows.find((r) => r.ID === "7.4")?.["Treats risks"]).toBe("R-02");
    expect(rows.find((r) => r.ID === "5.1")?.["Treats risks"]).toBeNull();
    expect(rows).toHaveLength(CONTROLS.length);
  });

  it("warns when a risk relies on a control the SoA excludes", () => {
    const rule = RULES.find((r) => r.id === "soa-risk-excluded");
    expect(rule?.severity).toBe("warning");
    const inputs = emptyInputs();
    inputs.annexA.set("7.4", { Applicable: "No", Justification: "No premises of our own" });
    inputs.annexA.set("8.13", {
      Status: "Not Applicable",
      Justification: "Cloud backups by vendor",
    });
    const snapshots = planToSnapshots(
      layoutWorkbook({ start: 46000, inputs, audit: auditWithRisks() })
    );
    const found = validateWorkbook(snapshots, { today: new Date(2026, 2, 19) }).problems.filter(
      (p) => p.rule === "soa-risk-excluded"
    );
    expect(found.map((p) => [p.sheet, p.id, p.severity])).toEqual([
      [SHEETS.risks, "R-01", "warning"],
      [SHEETS.risks, "R-02", "warning"],
    ]);
    expect(found[0].message).toContain("8.13");
    expect(found[1].message).toContain("7.4");
    // Nothing excluded: no warning.
    const none = planToSnapshots(layoutWorkbook({ start: 46000, audit: auditWithRisks() }));
    expect(
      validateWorkbook(none, { today: new Date(2026, 2, 19) }).problems.filter(
        (p) => p.rule === "soa-risk-excluded"
      )
    ).toEqual([]);
  });
});

describe("an unapproved SoA blocks Stage 1", () => {
  const build = (approval: Record<string, string | number>): SheetSnapshot[] => {
    const audit = emptyAudit();
    audit.soa.approval = approval;
    return planToSnapshots(layoutWorkbook({ start: 46000, audit }));
  };
  const soaBlockers = (snapshots: SheetSnapshot[]) =>
    assessReadiness(snapshots, { today: TODAY }).blockers.filter(
      (b) => b.kind === "soa-unapproved"
    );

  it("is a blocker kind with a Summary line", () => {
    expect(BLOCKER_KINDS.map((k) => k.kind)).toContain("soa-unapproved");
    const summary = sheetOf(layoutWorkbook({ start: 46000 }), SHEETS.summary);
    const line = summary.blocks
      .flatMap((b) => b.cells)
      .find((row) => row[0]?.value === "Statement of Applicability not approved");
    expect(line?.[1].formula).toContain(`VLOOKUP("Approved by",'${SHEETS.soa}'!$B$1:$C$9,2,FALSE)`);
    expect(line?.[1].formula).toContain(`VLOOKUP("Approval date"`);
    expect(line?.[2].formula).toBe(line?.[1].formula); // Stage 1 blockers block Stage 2 too
  });

  it.each([
    [{}, 1, `C${SOA_APPROVAL_ROW + 2}`, "Approved by and Approval date are blank"],
    [{ "Approved by": "CEO" }, 1, `C${SOA_APPROVAL_ROW + 3}`, "Approval date is blank"],
    [{ "Approval date": 46050 }, 1, `C${SOA_APPROVAL_ROW + 2}`, "Approved by is blank"],
    [
      { "Approved by": "   ", "Approval date": 46050 },
      1,
      `C${SOA_APPROVAL_ROW + 2}`,
      "Approved by is blank",
    ],
    [{ "Approved by": "CEO", "Approval date": 46050 }, 0, "", ""],
  ])("approval %p: %p blocker(s)", (approval, count, cell, words) => {
    const found = soaBlockers(build(approval));
    expect(found).toHaveLength(count);
    if (count) {
      expect(found[0]).toMatchObject({ stage: 1, sheet: SHEETS.soa, cell });
      expect(found[0].message).toContain(words);
    }
  });

  it("counts in Readiness_Stage1_Blockers, validate --readiness and the report alike", () => {
    const snapshots = build({ "Prepared by": "ISMS lead" });
    const model = assessReadiness(snapshots, { today: TODAY });
    const approvedModel = assessReadiness(build({ "Approved by": "CEO", "Approval date": 46050 }), {
      today: TODAY,
    });
    expect(blockerCounts(model.blockers).stage1).toBe(
      blockerCounts(approvedModel.blockers).stage1 + 1
    );
    const infos = validateWorkbook(snapshots, {
      today: new Date(2026, 2, 19),
      readiness: true,
    }).problems.filter((p) => p.rule === "readiness-blocker" && p.sheet === SHEETS.soa);
    expect(infos).toHaveLength(1);
    expect(infos[0].message).toContain(
      "Stage 1 and 2 blocker: The Statement of Applicability is not approved"
    );
    const md = executiveReport(snapshots, { today: TODAY });
    expect(md).toContain("Statement of Applicability is not approved");
  });

  it("reads the approval block's blanks as the Summary's LEN(TRIM(…))=0 does", () => {
    expect(missingApproval({ "Approved by": " ", "Approval date": 0 })).toEqual(["Approved by"]);
    expect(missingApproval({ "Approved by": "CEO", "Approval date": "" })).toEqual([
      "Approval date",
    ]);
  });
});
