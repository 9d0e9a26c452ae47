// The audit sheets in the plan: Statement of Applicability, Risk Register, Documents, Snapshot
// History — their tables, formulas, protection, and a lossless read-back → layout round trip.
import { CONTROLS, DOCUMENTS } from "../../../src/catalog";
import {
  DOCUMENT_COLUMNS,
  HISTORY_COLUMNS,
  PROTECTED_SHEETS,
  RISK_COLUMNS,
  SHEETS,
  SOA_COLUMNS,
  TABLES,
} from "../../../src/core/contract";
import { harvestWorkbook } from "../../../src/core/read/harvest";
import { emptyInputs } from "../../../src/core/inputs";
import { layoutWorkbook, type LayoutOptions } from "../../../src/core/layout/workbook";
import { documentClause, DOCUMENT_SPARE_ROWS } from "../../../src/core/layout/documentsSheet";
import { RISK_SPARE_ROWS } from "../../../src/core/layout/riskRegisterSheet";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/layout/workbookPlan";
import { planToSnapshots } from "../../support/planSnapshots";
import { documentRequired } from "../../../src/core/read/documents";
import { linkedControls, scoreRisk } from "../../../src/core/read/risks";
import { implementationStatus, soaApplicable } from "../../../src/core/read/soa";
import { emptyAudit, type AuditInputs } from "../../../src/core/read/audit";

const sheetOf = (plan: WorkbookPlan, name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  return s;
};

/** Table rows of a sheet plan as header → value (formula text for formula cells). */
function tableRows(sheet: SheetPlan): Record<string, unknown>[] {
  const table = sheet.tables[0];
  const block = sheet.blocks.find((b) => b.at === table.at);
  if (!block) throw new Error("table block missing");
  const headers = block.cells[0].map((c) => String(c.value));
  return block.cells
    .slice(1)
    .map((line) =>
      Object.fromEntries(headers.map((h, i) => [h, line[i]?.formula ?? line[i]?.value ?? null]))
    );
}

function typedAudit(): AuditInputs {
  const audit = emptyAudit();
  audit.soa = {
    rows: [
      {
        ID: "5.1",
        "Reason type": "Risk assessment",
        Justification: "R-01 and R-04",
        "Board ref": "B-7",
      },
      { ID: "7.4", "Reason type": "Not relevant", Justification: "No premises of our own" },
      { ID: null, Justification: "A note row someone added" },
    ],
    extraColumns: ["Board ref"],
    approval: {
      Version: "1.2",
      "Prepared by": "ISMS lead",
      "Approved by": "CEO",
      "Approval date": 46050,
    },
  };
  audit.documents = {
    rows: [
      {
        ID: "isms-scope",
        Exists: "Yes",
        "Location or link": "https://intranet/scope",
        Owner: "CISO",
        "Last review": 45900,
        "Months between reviews": 24,
        Notes: "v3",
        Audit: "ok",
      },
      { ID: "acceptable-use", Exists: "No" },
      {
        ID: "byod",
        Document: "Bring your own device rules",
        Kind: "Document",
        Clause: "A.6.7",
        Exists: "Partly",
      },
    ],
    extraColumns: ["Audit"],
  };
  audit.risks = {
    rows: [
      {
        ID: "R-01",
        "Asset or process": "Customer database",
        Threat: "Ransomware",
        Likelihood: 4,
        Impact: 5,
        Treatment: "Mitigate",
        "Annex A controls": "8.7, 8.13",
        "Residual likelihood": 2,
        "Residual impact": 5,
        Owner: "Ops",
        "Review date": 46200,
        Cost: 1200,
      },
      { "Asset or process": "Laptops", Threat: "Theft", Likelihood: 3 },
    ],
    extraColumns: ["Cost"],
  };
  audit.history = {
    rows: [
      {
        Date: 45950,
        Overall: 0.4,
        "Clauses 4-10": 0.5,
        "Annex A": 0.375,
        Compliant: 10,
        "Open actions": 3,
        Note: "Kick-off",
        Auditor: "X",
      },
    ],
    extraColumns: ["Auditor"],
  };
  return audit;
}

function options(audit: AuditInputs = typedAudit()): LayoutOptions {
  const inputs = emptyInputs();
  inputs.annexA.set("5.3", {
    Applicable: "No",
    Status: "Not Applicable",
    Justification: "Too small to split duties",
  });
  inputs.annexA.set("X.1", {
    Title: "Our own control",
    Theme: "Organizational",
    Status: "Compliant",
  });
  return { org: "Acme", start: 46000, inputs, audit };
}

describe("audit sheets in the workbook plan", () => {
  const plan = layoutWorkbook(options());

  it("are laid out in the order an auditor reads them, with their tables and exact columns", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      SHEETS.clauses,
      SHEETS.annexA,
      SHEETS.soa,
      SHEETS.risks,
      SHEETS.documents,
      SHEETS.summary,
      SHEETS.history,
      SHEETS.settings,
    ]);
    const headers = (name: string) =>
      sheetOf(plan, name).tables.map((t) => [t.name, t.columns.map((c) => c.header)]);
    // Issue 17: the old "Reason type" stays while a value fits no reason column ("Not relevant"),
    // and a justification Annex A cannot show keeps a column of its own.
    expect(headers(SHEETS.soa)).toEqual([
      [TABLES.soa, [...SOA_COLUMNS, "Board ref", "Reason type", "Earlier SoA justification"]],
    ]);
    expect(headers(SHEETS.documents)).toEqual([[TABLES.documents, [...DOCUMENT_COLUMNS, "Audit"]]]);
    expect(headers(SHEETS.risks)).toEqual([[TABLES.risks, [...RISK_COLUMNS, "Cost"]]]);
    expect(headers(SHEETS.history)).toEqual([[TABLES.history, [...HISTORY_COLUMNS, "Auditor"]]]);
    const withPlan = layoutWorkbook({ ...options(), plan: { rows: [], extraColumns: [] } });
    expect(withPlan.sheets.map((s) => s.name).slice(5, 8)).toEqual([
      SHEETS.summary,
      SHEETS.remediation,
      SHEETS.history,
    ]);
  });

  it("protects the assessment, SoA, register, documents and plan sheets only", () => {
    const withPlan = layoutWorkbook({ ...options(), plan: { rows: [], extraColumns: [] } });
    expect(
      withPlan.sheets
        .filter((s) => s.protect)
        .map((s) => s.name)
        .sort()
    ).toEqual([...PROTECTED_SHEETS].sort());
  });

  it("has one SoA row per control (and per control people added), typed values kept, justification shown from Annex A", () => {
    const rows = tableRows(sheetOf(plan, SHEETS.soa));
    expect(rows.map((r) => r.ID)).toEqual([...CONTROLS.map((c) => c.id), "X.1", null]);
    expect(rows[0]).toMatchObject({
      ID: "5.1",
      Theme: "Organizational",
      Control: CONTROLS[0].title,
      "Risk treatment": "Yes", // the old "Reason type" Risk assessment, moved (issue 17)
      "Board ref": "B-7",
    });
    expect(rows[0]["Reason type"]).toBeNull();
    expect(rows.find((r) => r.ID === "7.4")?.["Reason type"]).toBe("Not relevant");
    // The justification is a lookup of Annex A's, where the SoA's typed one moved.
    for (const id of ["5.1", "5.3"])
      expect(String(rows.find((r) => r.ID === id)?.Justification)).toMatch(
        /^=IFERROR\(INDEX\(AnnexA\[Justification\],MATCH\(SoA\[\[#This Row\],\[ID\]\],AnnexA\[ID\],0\)\)&"",""\)$/
      );
    const annex = tableRows(sheetOf(plan, SHEETS.annexA));
    expect(annex.find((r) => r.ID === "5.1")?.Justification).toBe("R-01 and R-04");
    expect(annex.find((r) => r.ID === "5.3")?.Justification).toBe("Too small to split duties");
    expect(rows.find((r) => r.ID === "X.1")).toMatchObject({
      Theme: "Organizational",
      Control: "Our own control",
    });
    expect(rows[rows.length - 1]["Earlier SoA justification"]).toBe("A note row someone added");
    for (const r of rows) {
      expect(String(r.Applicable)).toMatch(
        /^=IFERROR\(IF\(OR\(INDEX\(AnnexA\[Applicable\],MATCH\(SoA\[\[#This Row\],\[ID\]\],AnnexA\[ID\],0\)\)="No"/
      );
      expect(String(r["Implementation status"])).not.toMatch(/RemediationPlan/); // no plan sheet, no reference to its table
    }
    const soa = sheetOf(plan, SHEETS.soa);
    const approval = soa.blocks
      .find((b) => b.at === "B5")
      ?.cells.map((line) => line.map((c) => c.value));
    expect(approval).toEqual([
      ["Version", "1.2"],
      ["Prepared by", "ISMS lead"],
      ["Approved by", "CEO"],
      ["Approval date", 46050],
    ]);
  });

  it('marks a non-compliant control "Planned" through the Remediation Plan only when the plan exists', () => {
    const withPlan = layoutWorkbook({ ...options(), plan: { rows: [], extraColumns: [] } });
    const status = String(tableRows(sheetOf(withPlan, SHEETS.soa))[0]["Implementation status"]);
    expect(status).toContain(
      'SUMPRODUCT((RemediationPlan[Source]="Annex A")*(RemediationPlan[ID]=SoA[[#This Row],[ID]])'
    );
  });

  it("lists every catalog document (clause items, then Annex A items as A.x), rows people added, and spare rows", () => {
    const rows = tableRows(sheetOf(plan, SHEETS.documents));
    expect(rows).toHaveLength(DOCUMENTS.length + 1 + DOCUMENT_SPARE_ROWS);
    expect(rows.slice(0, DOCUMENTS.length).map((r) => r.ID)).toEqual(DOCUMENTS.map((d) => d.id));
    expect(
      rows
        .slice(0, DOCUMENTS.length)
        .filter((r) => String(r.Clause).startsWith("A."))
        .map((r) => r.ID)
    ).toEqual(DOCUMENTS.slice(17).map((d) => d.id));
    expect(documentClause(DOCUMENTS[16])).toBe("10.2");
    expect(documentClause(DOCUMENTS[17])).toBe("A.5.1");
    expect(rows[0]).toMatchObject({
      Exists: "Yes",
      Owner: "CISO",
      "Months between reviews": 24,
      Audit: "ok",
      Document: "ISMS scope statement",
    });
    expect(rows[1]["Months between reviews"]).toBe(12);
    expect(rows[DOCUMENTS.length]).toMatchObject({
      ID: "byod",
      Document: "Bring your own device rules",
      Clause: "A.6.7",
      Exists: "Partly",
    });
    expect(String(rows[0]["Next review"])).toBe(
      '=IF(ISNUMBER(DocumentList[[#This Row],[Last review]]),EDATE(DocumentList[[#This Row],[Last review]],IF(ISNUMBER(DocumentList[[#This Row],[Months between reviews]]),DocumentList[[#This Row],[Months between reviews]],12)),"")'
    );
  });

  it("keeps every risk in order and leaves spare rows to type into", () => {
    const rows = tableRows(sheetOf(plan, SHEETS.risks));
    expect(rows).toHaveLength(2 + RISK_SPARE_ROWS);
    expect(rows[0]).toMatchObject({
      ID: "R-01",
      Threat: "Ransomware",
      Cost: 1200,
      "Annex A controls": "8.7, 8.13",
    });
    expect(rows[1]).toMatchObject({ "Asset or process": "Laptops", Likelihood: 3, Impact: null });
    expect(rows[0]["Inherent risk"]).toBe(
      '=IF(AND(ISNUMBER(RiskRegister[[#This Row],[Likelihood]]),ISNUMBER(RiskRegister[[#This Row],[Impact]])),RiskRegister[[#This Row],[Likelihood]]*RiskRegister[[#This Row],[Impact]],"")'
    );
    expect(plan.names.find((n) => n.name === "Control_IDs")?.refersTo).toBe(
      "='Annex A'!$A$5:$A$98"
    ); // 93 controls + X.1
  });

  it("appends snapshot rows after the kept ones", () => {
    const appended = layoutWorkbook({
      ...options(),
      appendHistory: [{ Date: 46100, Overall: 0.5 }],
    });
    const rows = tableRows(sheetOf(appended, SHEETS.history));
    expect(rows.map((r) => r.Date)).toEqual([45950, 46100]);
    expect(rows[0]).toMatchObject({ Note: "Kick-off", Auditor: "X" });
    expect(
      sheetOf(appended, SHEETS.summary)
        .charts.map((c) => c.name)
        .sort()
    ).toEqual(["ComplianceByArea", "ComplianceByTheme", "ComplianceTrend", "StatusMix"]);
    expect(
      sheetOf(layoutWorkbook({ start: 46000 }), SHEETS.summary).charts.map((c) => c.name)
    ).toEqual(["ComplianceByArea", "ComplianceByTheme", "StatusMix"]);
  });

  it("writes formulas every spreadsheet understands", () => {
    const audit = [SHEETS.soa, SHEETS.risks, SHEETS.documents, SHEETS.summary].map((n) =>
      sheetOf(plan, n)
    );
    const formulas = audit
      .flatMap((s) => [
        ...s.blocks.flatMap((b) => b.cells.flat().map((c) => c.formula ?? "")),
        ...s.conditionalFormats.map((cf) => (cf.kind === "expression" ? cf.formula : "")),
      ])
      .filter(Boolean);
    expect(formulas.length).toBeGreaterThan(100);
    for (const f of formulas) {
      expect([
        f,
        /\[@|\b(IFS|SWITCH|XLOOKUP|LET|TEXTSPLIT|FILTER|MAXIFS|MINIFS|CONCAT|TEXTJOIN)\(/.test(f),
      ]).toEqual([f, false]);
    }
    for (const s of audit)
      for (const cf of s.conditionalFormats)
        if (cf.kind === "expression")
          expect([cf.formula, /\[/.test(cf.formula)]).toEqual([cf.formula, false]);
    for (const s of audit)
      for (const cf of s.conditionalFormats)
        if (cf.kind === "expression") expect(cf.formula.length).toBeLessThanOrEqual(255);
  });
});

describe("rebuild keeps every value typed on the audit sheets", () => {
  it("reads back what it laid out, and laying that out again changes nothing", () => {
    const first = layoutWorkbook(options());
    const harvest = harvestWorkbook(planToSnapshots(first));
    const second = layoutWorkbook({ ...options(harvest.audit), inputs: harvest.inputs });
    for (const name of [SHEETS.soa, SHEETS.risks, SHEETS.documents, SHEETS.history]) {
      expect([name, sheetOf(second, name).blocks]).toEqual([name, sheetOf(first, name).blocks]);
    }
    expect(harvest.audit.soa.approval).toEqual(typedAudit().soa.approval);
    expect(harvest.audit.risks.rows).toHaveLength(2); // spare rows are not entries
    expect(harvest.audit.risks.extraColumns).toEqual(["Cost"]);
    expect(harvest.audit.history.rows).toEqual([
      {
        ...typedAudit().history.rows[0],
        "Partially Compliant": null,
        "Non-Compliant": null,
        "Not Applicable": null,
        "Not Assessed": null,
      },
    ]);
  });

  it("finds moved tables and approval labels wherever they are above the table", () => {
    const snapshots = planToSnapshots(layoutWorkbook(options()));
    const soa = snapshots.find((s) => s.name === SHEETS.soa)!;
    // Insert a row above everything and move the approval block one column right.
    soa.values.unshift(new Array(soa.values[0].length).fill(null));
    soa.text.unshift(new Array(soa.values[0].length).fill(""));
    soa.formulas.unshift(new Array(soa.values[0].length).fill(null));
    for (const line of soa.values.slice(0, 10)) {
      line.splice(1, 0, null);
      line.pop();
    }
    const audit = harvestWorkbook(snapshots).audit;
    expect(audit.soa.approval["Approved by"]).toBe("CEO");
    // Issue 17: the justification lives on Annex A; the SoA shows it by lookup.
    expect(harvestWorkbook(snapshots).inputs.annexA.get("5.1")?.Justification).toBe(
      "R-01 and R-04"
    );
  });
});

describe("reference models of the audit formulas", () => {
  it.each([
    ["Yes", "Compliant", false, "Implemented"],
    [null, "partially compliant", false, "Partially implemented"],
    ["Yes", "Non-Compliant", true, "Planned"],
    ["Yes", "Non-Compliant", false, "Not implemented"],
    ["no", "Compliant", true, "Excluded"],
    ["Yes", "Not Applicable", false, "Excluded"],
    ["Yes", "Not Assessed", false, ""],
    ["Yes", null, false, ""],
    ["Yes", "Compliant ", false, ""],
  ] as const)(
    "Applicable %p, status %p, open action %p → %p",
    (applicable, status, open, expected) => {
      expect(implementationStatus(applicable, status, open)).toBe(expected);
    }
  );

  it("reads linked control ids leniently and names what is not one", () => {
    expect(linkedControls("5.1, A.8.8,8.34")).toEqual({ ids: ["5.1", "8.8", "8.34"], unknown: [] });
    expect(linkedControls("5.1, 9.9, firewall")).toEqual({
      ids: ["5.1"],
      unknown: ["9.9", "firewall"],
    });
    expect(linkedControls(null)).toEqual({ ids: [], unknown: [] });
  });

  it("scores a risk before and after treatment", () => {
    expect(
      scoreRisk({ Likelihood: 4, Impact: 5, "Residual likelihood": 2, "Residual impact": 2 })
    ).toEqual({ inherent: 20, inherentLevel: "Critical", residual: 4, residualLevel: "Low" });
    expect(scoreRisk({ Likelihood: "4", Impact: 5 })).toEqual({
      inherent: null,
      inherentLevel: null,
      residual: null,
      residualLevel: null,
    });
  });

  it("needs an Annex A document only while its control is applicable", () => {
    const applicable = (id: string) =>
      id === "5.10"
        ? soaApplicable("No", null)
        : id === "5.9"
          ? soaApplicable("Yes", "Compliant")
          : null;
    expect(documentRequired("A.5.10", applicable)).toBe("No");
    expect(documentRequired("A.5.9", applicable)).toBe("Yes");
    expect(documentRequired("A.9.99", applicable)).toBe("Yes");
    expect(documentRequired("4.3", applicable)).toBe("Yes");
  });
});

describe("property: nothing typed on the audit sheets is lost on rebuild", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require("fast-check") as typeof import("fast-check");
  const value = fc.oneof(
    fc.constant(null),
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ""),
    fc.constantFrom("=1+1", "+44 20", "-", "@home", "5.10", "A.8.8, 5.1", "Yes", "No"),
    fc.integer({ min: -5, max: 50000 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.boolean()
  );
  const row = (columns: readonly string[]) =>
    fc.record(Object.fromEntries(columns.map((c) => [c, value])) as Record<string, typeof value>);
  const riskInputs = [
    ...RISK_COLUMNS.filter(
      (c) => !["Inherent risk", "Inherent level", "Residual risk", "Residual level"].includes(c)
    ),
    "Cost",
  ];
  const historyInputs = [...HISTORY_COLUMNS, "Auditor"];

  it("register and history rows come back in order, value for value", () => {
    fc.assert(
      fc.property(
        fc.array(row(riskInputs), { maxLength: 25 }),
        fc.array(row(historyInputs), { maxLength: 6 }),
        (risks, history) => {
          const audit = emptyAudit();
          audit.risks = { rows: risks, extraColumns: ["Cost"] };
          audit.history = { rows: history, extraColumns: ["Auditor"] };
          const snapshots = planToSnapshots(layoutWorkbook({ start: 46000, audit }));
          const back = harvestWorkbook(snapshots).audit;
          const typed = (rows: Record<string, unknown>[]) =>
            rows.filter((r) => Object.values(r).some((v) => v !== null));
          expect(back.risks.rows).toEqual(typed(risks));
          expect(back.history.rows).toEqual(typed(history));
        }
      ),
      { numRuns: 60 }
    );
  });

  it("SoA and Documents entries come back by id", () => {
    const soaRow = fc.record({
      ID: fc.constantFrom(...CONTROLS.slice(0, 10).map((c) => c.id)),
      // Issue 17: inclusion reasons are Yes columns; the justification is typed on Annex A.
      "Legal or regulatory": value,
      "Best practice": value,
      Ref: value,
    });
    const docRow = fc.record({
      ID: fc.constantFrom(...DOCUMENTS.slice(0, 8).map((d) => d.id)),
      Exists: value,
      Owner: value,
      "Last review": value,
      Notes: value,
      Ref: value,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(soaRow, { selector: (r) => r.ID, maxLength: 10 }),
        fc.uniqueArray(docRow, { selector: (r) => r.ID, maxLength: 8 }),
        (soa, docs) => {
          const audit = emptyAudit();
          audit.soa = { rows: soa, extraColumns: ["Ref"], approval: {} };
          audit.documents = { rows: docs, extraColumns: ["Ref"] };
          const back = harvestWorkbook(
            planToSnapshots(layoutWorkbook({ start: 46000, audit }))
          ).audit;
          for (const r of soa) expect(back.soa.rows.find((x) => x.ID === r.ID)).toMatchObject(r);
          for (const r of docs)
            expect(back.documents.rows.find((x) => x.ID === r.ID)).toMatchObject(r);
        }
      ),
      { numRuns: 60 }
    );
  });
});
