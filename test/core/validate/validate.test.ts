import fc from "fast-check";
import { CLAUSES, CONTROLS } from "../../src/catalog";
import {
  RULES,
  validateWorkbook,
  type Problem,
  type RuleId,
} from "../../src/core/validate/validate";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { SheetBuilder, WorkbookBuilder } from "./snapshotBuilder";

const CLAUSES_SHEET = "Clauses 4-10";
const ANNEX = "Annex A";

// Compact form for exact comparisons: "rule sheet!cell".
const brief = (p: Problem) => `${p.rule} ${p.sheet}!${p.cell}`;

function run(wb: WorkbookBuilder, today?: Date) {
  return validateWorkbook(wb.snapshots(), today ? { today } : undefined);
}

/** Problems other than the not-assessed infos. */
function issues(wb: WorkbookBuilder): Problem[] {
  return run(wb).problems.filter((p) => p.rule !== "not-assessed");
}

function only(wb: WorkbookBuilder, rule: RuleId): Problem[] {
  return run(wb).problems.filter((p) => p.rule === rule);
}

// Row keys with a known fill in the builder's 'complete' workbook (index % 5 decides).
const CLAUSE = CLAUSES[0].id; // 4.1: Compliant
const PARTIAL_CLAUSE = CLAUSES[1].id; // 4.2: Partially Compliant
const NC_CLAUSE = CLAUSES[2].id; // 4.3: Non-Compliant
const CONTROL = CONTROLS[0].id; // 5.1: Compliant, Applicable Yes
const PARTIAL_CONTROL = CONTROLS[1].id; // 5.2: Partially Compliant
const NC_CONTROL = CONTROLS[2].id; // 5.3: Non-Compliant
const EXCLUDED = CONTROLS[4].id; // 5.5: Applicable No, Not Applicable, justified

describe("validateWorkbook: whole workbooks", () => {
  it("reports nothing on a correctly completed workbook", () => {
    const report = run(new WorkbookBuilder());
    expect(report.problems).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it("reports only one not-assessed info per row on a freshly built workbook", () => {
    const report = run(new WorkbookBuilder({ fill: "blank" }));
    expect(report.summary).toEqual({
      errors: 0,
      warnings: 0,
      infos: CLAUSES.length + CONTROLS.length,
    });
    expect(new Set(report.problems.map((p) => p.rule))).toEqual(new Set(["not-assessed"]));
    expect(report.problems[0]).toMatchObject({ sheet: CLAUSES_SHEET, cell: "D2", id: "4.1" });
  });

  it("reports each planted defect at its cell, and nothing else", () => {
    const wb = new WorkbookBuilder({
      origin: { row: 2, col: 1 },
      titleRows: 1,
      extraColumns: [{ header: "Auditor comment", after: "Evidence" }],
    });
    const c = wb.clauses;
    const a = wb.annexA;
    c.set(CLAUSE, "Status", "Compliant ");
    c.set(PARTIAL_CLAUSE, "Evidence", null);
    c.set(NC_CLAUSE, "Status", "Not Applicable");
    c.set("4.4", "Likelihood", "3");
    c.set("5.1", "Risk score", 12);
    c.remove("10.2");
    a.set(CONTROL, "Status", "compliant");
    a.set(PARTIAL_CONTROL, "Owner", null);
    a.set(NC_CONTROL, "Impact", null);
    a.set(EXCLUDED, "Justification", "  ");
    a.set("5.6", "Evidence", "TBD");
    a.set("5.7", "Applicable", "No");
    a.set("5.8", "Status", "Not Assessed");
    a.addRow("dup", {
      ID: "5.9",
      Status: "Compliant",
      Evidence: "Asset inventory export",
      Owner: "IT",
      Applicable: "Yes",
      Justification: "Risk R-3",
    });
    a.addRow("unknown", {
      ID: "9.9",
      Status: "Compliant",
      Evidence: "Doc",
      Owner: "IT",
      Applicable: "Yes",
      Justification: "Risk R-3",
    });
    const got = run(wb).problems.map(brief);
    const expected = [
      `status-invalid ${CLAUSES_SHEET}!${c.address(CLAUSE, "Status")}`,
      `evidence-missing ${CLAUSES_SHEET}!${c.address(PARTIAL_CLAUSE, "Evidence")}`,
      `clause-not-applicable ${CLAUSES_SHEET}!${c.address(NC_CLAUSE, "Status")}`,
      `risk-out-of-range ${CLAUSES_SHEET}!${c.address("4.4", "Likelihood")}`,
      `formula-overwritten ${CLAUSES_SHEET}!${c.address("5.1", "Risk score")}`,
      `row-missing ${CLAUSES_SHEET}!${c.endAddress()}`,
      `status-case ${ANNEX}!${a.address(CONTROL, "Status")}`,
      `owner-missing ${ANNEX}!${a.address(PARTIAL_CONTROL, "Owner")}`,
      `risk-missing ${ANNEX}!${a.address(NC_CONTROL, "Impact")}`,
      `justification-missing ${ANNEX}!${a.address(EXCLUDED, "Justification")}`,
      `evidence-placeholder ${ANNEX}!${a.address("5.6", "Evidence")}`,
      `applicable-conflict ${ANNEX}!${a.address("5.7", "Status")}`,
      `not-assessed ${ANNEX}!${a.address("5.8", "Status")}`,
      `id-duplicate ${ANNEX}!${a.address("dup", "ID")}`,
      `id-unknown ${ANNEX}!${a.address("unknown", "ID")}`,
    ];
    expect(got).toEqual(expected);
    expect(run(wb).summary).toEqual({ errors: 9, warnings: 5, infos: 1 });
  });

  it("sorts by sheet order, then row, then column", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.2", "Owner", null).set("5.2", "Evidence", null).set("5.1", "Priority", 3);
    wb.clauses.set("4.3", "Owner", "").set("4.1", "Evidence", "");
    const cells = run(wb).problems.map((p) => `${p.sheet}!${p.cell}`);
    expect(cells).toEqual([
      `${CLAUSES_SHEET}!${wb.clauses.address("4.1", "Evidence")}`,
      `${CLAUSES_SHEET}!${wb.clauses.address("4.3", "Owner")}`,
      `${ANNEX}!${wb.annexA.address("5.1", "Priority")}`,
      `${ANNEX}!${wb.annexA.address("5.2", "Evidence")}`,
      `${ANNEX}!${wb.annexA.address("5.2", "Owner")}`,
    ]);
  });

  it("follows the workbook order of sheets", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set("4.1", "Evidence", null);
    wb.annexA.set("5.1", "Evidence", null);
    const [clauses, annex, ...rest] = wb.snapshots();
    const report = validateWorkbook([annex, ...rest, clauses]);
    expect(report.problems.map((p) => p.sheet)).toEqual([ANNEX, CLAUSES_SHEET]);
  });

  it("returns problems with exactly the contract keys", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.1", "Status", "Yes");
    const [p] = run(wb).problems;
    expect(Object.keys(p)).toEqual(["sheet", "cell", "id", "rule", "severity", "message"]);
  });

  it("describes every rule in the declarative table once", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(10);
  });
});

describe("sheet-missing and column-missing", () => {
  it("reports a missing assessment sheet at A1", () => {
    const wb = new WorkbookBuilder();
    const report = validateWorkbook(wb.snapshots().filter((s) => s.name !== ANNEX));
    expect(report.problems.map(brief)).toEqual([`sheet-missing ${ANNEX}!A1`]);
    expect(report.problems[0].message).toMatch(/no "Annex A" sheet/);
  });

  it("names a sheet that is only misnamed", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.name = "annex a ";
    const [p] = only(wb, "sheet-missing");
    expect(p.message).toMatch(/"annex a " must be named exactly "Annex A"/);
  });

  it("reports a sheet whose header row is gone", () => {
    const wb = new WorkbookBuilder();
    const snaps = wb.snapshots();
    snaps[0] = {
      ...snaps[0],
      values: snaps[0].values.slice(1),
      text: snaps[0].text.slice(1),
      formulas: snaps[0].formulas.slice(1),
      origin: { row: 1, col: 0 },
    };
    const problems = validateWorkbook(snaps).problems;
    expect(problems.map(brief)).toEqual([`sheet-missing ${CLAUSES_SHEET}!A2`]);
    expect(problems[0].message).toMatch(/no header row with "ID" and "Status"/);
  });

  it("reports a deleted contract column and skips the checks that need it", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.dropColumn("Evidence");
    const problems = run(wb).problems;
    expect(problems.map(brief)).toEqual([`column-missing ${CLAUSES_SHEET}!A1`]);
    expect(problems[0].message).toMatch(/no "Evidence" column/);
  });

  it("does not report a complete header with extra user columns", () => {
    expect(
      run(
        new WorkbookBuilder({
          extraColumns: [
            { header: "Reviewer", after: "ID" },
            { header: "Status", after: "Notes" },
          ],
        })
      ).problems
    ).toEqual([]);
  });
});

describe("status-invalid", () => {
  it.each([
    ["Yes", "Compliant"],
    ["partial", "Partially Compliant"],
    ["Complaint", "Compliant"],
    ["Partialy Compliant", "Partially Compliant"],
    ["Non Compliant", "Non-Compliant"],
    ["no", "Non-Compliant"],
    ["Not Assesed", "Not Assessed"],
  ])("rejects %j and suggests %j", (typed, suggestion) => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Status", typed);
    const problems = only(wb, "status-invalid");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      sheet: ANNEX,
      cell: wb.annexA.address(CONTROL, "Status"),
      id: CONTROL,
      severity: "error",
    });
    expect(problems[0].message).toContain(`Did you mean "${suggestion}"?`);
    expect(problems[0].message).toContain("Control 5.1");
  });

  it("rejects a trailing space, which the formulas do not score", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Status", "Compliant ");
    const [p] = only(wb, "status-invalid");
    expect(p.cell).toBe(wb.clauses.address(CLAUSE, "Status"));
    expect(p.message).toMatch(/"Compliant " has a trailing space.*Change it to "Compliant"/);
  });

  it("rejects non-breaking and doubled spaces", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Status", "Compliant\u00a0");
    wb.clauses.set(PARTIAL_CLAUSE, "Status", "Partially  Compliant");
    const problems = only(wb, "status-invalid");
    expect(problems.map((p) => p.id)).toEqual([CLAUSE, PARTIAL_CLAUSE]);
    expect(problems[1].message).toMatch(/extra spaces inside it.*"Partially Compliant"/);
  });

  it("lists the scale when nothing is close, and rejects numbers", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Status", "Banana").set(PARTIAL_CLAUSE, "Status", 1);
    const problems = only(wb, "status-invalid");
    expect(problems).toHaveLength(2);
    expect(problems[0].message).not.toMatch(/Did you mean/);
    expect(problems[0].message).toMatch(
      /Compliant, Partially Compliant, Non-Compliant or Not Assessed/
    );
    expect(problems[1].message).toMatch(/Status "1" is not on the scale/);
  });

  it("does not offer Not Applicable on a clause", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Status", "n/a");
    const [p] = only(wb, "status-invalid");
    expect(p.message).toMatch(/clauses 4-10 are mandatory/);
    expect(p.message).not.toMatch(/Did you mean/);
  });

  it("accepts every exact scale value", () => {
    const wb = new WorkbookBuilder();
    expect(only(wb, "status-invalid")).toEqual([]);
  });
});

describe("status-case", () => {
  it("warns on a different letter case, which still scores", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(PARTIAL_CONTROL, "Status", "PARTIALLY compliant");
    const problems = run(wb).problems;
    expect(problems.map(brief)).toEqual([
      `status-case ${ANNEX}!${wb.annexA.address(PARTIAL_CONTROL, "Status")}`,
    ]);
    expect(problems[0].severity).toBe("warning");
    expect(problems[0].message).toMatch(/Change it to "Partially Compliant"/);
  });

  it("still applies the status rules to a case variant", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Status", "compliant").set(CONTROL, "Evidence", null);
    expect(issues(wb).map((p) => p.rule)).toEqual(["status-case", "evidence-missing"]);
  });
});

describe("evidence-missing", () => {
  it.each(["Compliant", "Partially Compliant"])("requires evidence for %s", (status) => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Status", status).set(CLAUSE, "Evidence", "   ");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `evidence-missing ${CLAUSES_SHEET}!${wb.clauses.address(CLAUSE, "Evidence")}`,
    ]);
    expect(problems[0].message).toMatch(
      new RegExp(`Clause ${CLAUSE} is ${status} but its Evidence is empty`)
    );
  });

  it("does not require evidence for a Non-Compliant row", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(NC_CLAUSE, "Evidence", null);
    expect(only(wb, "evidence-missing")).toEqual([]);
  });

  it("accepts evidence shown by a merged cell above (blank continuation cell)", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.mergeDown("5.11", "Evidence", 1); // 5.11 and 5.12 share one evidence cell
    expect(run(wb).problems).toEqual([]);
  });
});

describe("evidence-placeholder", () => {
  it.each([
    "TBD",
    "n/a",
    "-",
    "see above",
    "yes",
    "?",
    "tba",
    "todo",
    "None",
    "x",
    "Yes.",
    "—",
    " TBD ",
  ])("flags %j", (text) => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Evidence", text);
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `evidence-placeholder ${ANNEX}!${wb.annexA.address(CONTROL, "Evidence")}`,
    ]);
    expect(problems[0].severity).toBe("warning");
  });

  it("accepts real evidence, including short document codes", () => {
    const wb = new WorkbookBuilder();
    wb.annexA
      .set(CONTROL, "Evidence", "POL-01")
      .set(PARTIAL_CONTROL, "Evidence", "See SoA v3 tab 2");
    expect(only(wb, "evidence-placeholder")).toEqual([]);
  });

  it('leaves a Non-Compliant row saying "none" alone', () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(NC_CONTROL, "Evidence", "none");
    expect(only(wb, "evidence-placeholder")).toEqual([]);
  });
});

describe("clause-not-applicable", () => {
  it("rejects Not Applicable on a clause", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set("6.1.2", "Status", "Not Applicable");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `clause-not-applicable ${CLAUSES_SHEET}!${wb.clauses.address("6.1.2", "Status")}`,
    ]);
    expect(problems[0].message).toMatch(
      /Clause 6.1.2 is marked Not Applicable, but clauses 4-10 are mandatory/
    );
  });

  it("also catches a case variant", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set("6.1.2", "Status", "not applicable");
    expect(only(wb, "clause-not-applicable")).toHaveLength(1);
  });

  it("allows Not Applicable on Annex A", () => {
    const wb = new WorkbookBuilder();
    expect(only(wb, "clause-not-applicable")).toEqual([]);
  });
});

describe("justification-missing", () => {
  it("requires a justification when Applicable = No", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Justification", null);
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `justification-missing ${ANNEX}!${wb.annexA.address(EXCLUDED, "Justification")}`,
    ]);
    expect(problems[0].message).toMatch(
      /Control 5.5 is excluded \(Applicable = No\) but has no Justification/
    );
  });

  it("requires a justification for Not Applicable when Applicable is blank", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(EXCLUDED, { Applicable: null, Justification: null });
    expect(issues(wb).map((p) => p.rule)).toEqual(["justification-missing"]);
  });

  it('treats "n/a" as no justification', () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Justification", "N/A");
    expect(only(wb, "justification-missing")[0].message).toMatch(
      /Justification "N\/A" does not say why/
    );
  });

  it("accepts a justified exclusion", () => {
    expect(only(new WorkbookBuilder(), "justification-missing")).toEqual([]);
  });
});

describe("applicable-conflict and applicable-invalid", () => {
  it("flags Applicable = No with a scored status, at the Status cell", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, { Applicable: "No", Justification: "Cloud only" });
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `applicable-conflict ${ANNEX}!${wb.annexA.address(CONTROL, "Status")}`,
    ]);
    expect(problems[0].message).toMatch(/Applicable = No but its Status is "Compliant"/);
  });

  it("flags Applicable = No with an empty status (and does not call it not assessed)", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, { Applicable: "No", Status: null, Justification: "Cloud only" });
    expect(run(wb).problems.map((p) => p.rule)).toEqual(["applicable-conflict"]);
  });

  it("flags Not Applicable with Applicable = Yes, at the Applicable cell", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Applicable", "Yes");
    expect(issues(wb).map(brief)).toEqual([
      `applicable-conflict ${ANNEX}!${wb.annexA.address(EXCLUDED, "Applicable")}`,
    ]);
  });

  it("accepts consistent pairs, in any letter case", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Applicable", "no").set(CONTROL, "Applicable", "YES");
    expect(run(wb).problems).toEqual([]);
  });

  it("rejects an Applicable value other than Yes/No, with a suggestion", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Applicable", "Y").set(EXCLUDED, "Applicable", "No ");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `applicable-invalid ${ANNEX}!${wb.annexA.address(CONTROL, "Applicable")}`,
      `applicable-invalid ${ANNEX}!${wb.annexA.address(EXCLUDED, "Applicable")}`,
    ]);
    expect(problems[0].message).toMatch(/Did you mean "Yes"\?/);
    expect(problems[1].message).toMatch(/trailing space/);
  });
});

describe("risk-missing", () => {
  it.each(["Partially Compliant", "Non-Compliant"])(
    "warns when a %s row has no ratings",
    (status) => {
      const wb = new WorkbookBuilder();
      wb.clauses.setRow(CLAUSE, {
        Status: status,
        Likelihood: null,
        Impact: null,
        Evidence: "Draft policy",
      });
      const problems = issues(wb);
      expect(problems.map(brief)).toEqual([
        `risk-missing ${CLAUSES_SHEET}!${wb.clauses.address(CLAUSE, "Likelihood")}`,
      ]);
      expect(problems[0].message).toMatch(/no Likelihood and no Impact/);
    }
  );

  it("points at the Impact cell when only Impact is missing", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(NC_CLAUSE, "Impact", "");
    expect(issues(wb).map(brief)).toEqual([
      `risk-missing ${CLAUSES_SHEET}!${wb.clauses.address(NC_CLAUSE, "Impact")}`,
    ]);
  });

  it("does not ask a Compliant row for ratings", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.setRow(CLAUSE, { Likelihood: null, Impact: null });
    expect(run(wb).problems).toEqual([]);
  });
});

describe("risk-out-of-range", () => {
  it("explains a number stored as text", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Impact", "3");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `risk-out-of-range ${ANNEX}!${wb.annexA.address(CONTROL, "Impact")}`,
    ]);
    expect(problems[0].message).toMatch(
      /Impact "3" is stored as text, not as a number.*type the number 3/
    );
  });

  it.each([[0], [6], [2.5], [-1], ["High"], ["7"], [true]] as [CellValue][])(
    "rejects %j",
    (value) => {
      const wb = new WorkbookBuilder();
      wb.annexA.set(CONTROL, "Likelihood", value);
      const problems = only(wb, "risk-out-of-range");
      expect(problems).toHaveLength(1);
      expect(problems[0].cell).toBe(wb.annexA.address(CONTROL, "Likelihood"));
      expect(problems[0].message).toMatch(/1 \(Rare\) to 5 \(Almost certain\)/);
    }
  );

  it("turns a scale label into its number", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Likelihood", "Likely");
    expect(only(wb, "risk-out-of-range")[0].message).toMatch(/Enter 4/);
  });

  it("accepts whole numbers 1 to 5", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, { Likelihood: 1, Impact: 5 });
    expect(run(wb).problems).toEqual([]);
  });
});

describe("owner-missing", () => {
  it("warns on a gap without an owner", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(NC_CONTROL, "Owner", null);
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `owner-missing ${ANNEX}!${wb.annexA.address(NC_CONTROL, "Owner")}`,
    ]);
    expect(problems[0]).toMatchObject({ severity: "warning", id: NC_CONTROL });
  });

  it('treats "TBD" as no owner', () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(PARTIAL_CONTROL, "Owner", "TBD");
    expect(only(wb, "owner-missing")[0].message).toMatch(/"TBD", which names nobody/);
  });

  it("does not ask a Compliant row for an owner", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Owner", null);
    expect(run(wb).problems).toEqual([]);
  });
});

describe("not-assessed", () => {
  it("counts blank and Not Assessed rows as infos at the Status cell", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Status", null).set(PARTIAL_CLAUSE, "Status", "Not Assessed");
    const report = run(wb);
    expect(report.problems.map(brief)).toEqual([
      `not-assessed ${CLAUSES_SHEET}!${wb.clauses.address(CLAUSE, "Status")}`,
      `not-assessed ${CLAUSES_SHEET}!${wb.clauses.address(PARTIAL_CLAUSE, "Status")}`,
    ]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 2 });
    expect(report.problems[0].message).toMatch(/Status is empty/);
  });

  it("is silent once every row is assessed", () => {
    expect(only(new WorkbookBuilder(), "not-assessed")).toEqual([]);
  });
});

describe("id-duplicate, id-unknown, row-missing", () => {
  it("reports the second occurrence of an id, naming both rows", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("again", {
      ID: "6.1.2 ",
      Status: "Compliant",
      Evidence: "Risk method v1",
      Owner: "CISO",
      Likelihood: 1,
      Impact: 1,
    });
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `id-duplicate ${CLAUSES_SHEET}!${wb.clauses.address("again", "ID")}`,
    ]);
    const firstRow = wb.clauses.address("6.1.2", "ID").slice(1);
    expect(problems[0].message).toContain(
      `Clause 6.1.2 appears more than once (rows ${firstRow} and ${CLAUSES.length + 2})`
    );
  });

  it("explains that numeric ids collapse 5.10 into 5.1", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.10", "ID", 5.1);
    const problems = issues(wb);
    expect(problems.map((p) => p.rule)).toEqual(["id-duplicate", "row-missing"]);
    expect(problems[0].message).toMatch(/stored as a number, so 5.10 shows as 5.1/);
    expect(problems[1].message).toMatch(/^Control 5.10 \(/);
  });

  it('treats "A.5.1" and "5.1" as the same control', () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.1", "ID", "A.5.1");
    expect(run(wb).problems).toEqual([]);
  });

  it("reports an unknown id and says where a 2013 id went", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("8.8", "ID", "A.12.6.1");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `id-unknown ${ANNEX}!${wb.annexA.address("8.8", "ID")}`,
      `row-missing ${ANNEX}!${wb.annexA.endAddress()}`,
    ]);
    expect(problems[0].message).toMatch(
      /^Row \d+: ID "A.12.6.1" is an ISO\/IEC 27001:2013 control; in 2022 it became 8.8. Change the ID to 8.8/
    );
    expect(problems[1]).toMatchObject({ id: "8.8" });
    expect(problems[1].message).toMatch(
      /Control 8.8 \(Management of technical vulnerabilities\) has no row/
    );
  });

  it("names the 2013 id it read in a bare id, and both 2022 controls of a split one", () => {
    const wb = new WorkbookBuilder();
    wb.annexA
      .addRow("bare", { ID: "12.6.1", Applicable: "Yes" })
      .addRow("split", { ID: "A.18.2.3", Applicable: "Yes" });
    const messages = only(wb, "id-unknown").map((p) => p.message);
    expect(messages[0]).toMatch(/ID "12.6.1" is an ISO\/IEC 27001:2013 control \(A.12.6.1\)/);
    expect(messages[1]).toMatch(
      /ID "A.18.2.3" is an ISO\/IEC 27001:2013 control; in 2022 it became 5.36 and 8.8/
    );
  });

  it("says an Annex A control does not belong on the clauses sheet", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("ctl", {
      ID: "5.23",
      Status: "Compliant",
      Evidence: "Cloud policy",
      Owner: "IT",
      Likelihood: 1,
      Impact: 1,
    });
    const [p] = issues(wb);
    expect(p.rule).toBe("id-unknown");
    expect(p.message).toMatch(/is an Annex A control, not a clause/);
  });

  it("reports a row with entries but no id", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("noid", { ID: null, Status: "Compliant", Evidence: "x" }, "4.2");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `id-unknown ${CLAUSES_SHEET}!${wb.clauses.address("noid", "ID")}`,
    ]);
    expect(problems[0].message).toMatch(/^Row 4 has assessment entries but no ID/);
  });

  it("ignores a note-only row without id", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("note", { Title: "Section 5: Leadership", Notes: "reviewed by CISO" }, "4.4");
    expect(run(wb).problems).toEqual([]);
  });

  it("reports each missing catalog row where it would go, naming it", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.remove("9.3.1").remove("4.1");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `row-missing ${CLAUSES_SHEET}!${wb.clauses.endAddress()}`,
      `row-missing ${CLAUSES_SHEET}!${wb.clauses.endAddress()}`,
    ]);
    expect(problems.map((p) => p.id)).toEqual(["4.1", "9.3.1"]);
    expect(problems[0].message).toMatch(
      /Clause 4.1 \(Understanding the organization and its context\) has no row/
    );
  });
});

describe("formula-overwritten", () => {
  it.each(["Gap score", "Risk score", "Risk level", "Priority"])(
    "warns when %s holds a typed value",
    (column) => {
      const wb = new WorkbookBuilder();
      wb.annexA.set(NC_CONTROL, column, 4);
      const problems = issues(wb);
      expect(problems.map(brief)).toEqual([
        `formula-overwritten ${ANNEX}!${wb.annexA.address(NC_CONTROL, column)}`,
      ]);
      expect(problems[0].severity).toBe("warning");
      expect(problems[0].message).toMatch(
        new RegExp(`${column} holds the typed value "4" instead of its formula`)
      );
    }
  );

  it("warns when a score formula was cleared", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Gap score", null);
    expect(issues(wb)[0].message).toMatch(/Gap score is empty: its formula was deleted/);
  });

  it("accepts formula cells whatever their result", () => {
    expect(only(new WorkbookBuilder({ fill: "blank" }), "formula-overwritten")).toEqual([]);
  });
});

describe("messy real-world input", () => {
  it("finds a table moved down and right, below a title block", () => {
    const wb = new WorkbookBuilder({ origin: { row: 5, col: 3 }, titleRows: 3 });
    expect(run(wb).problems).toEqual([]);
    wb.annexA.set(CONTROL, "Evidence", null);
    const [p] = run(wb).problems;
    expect(p.cell).toBe(wb.annexA.address(CONTROL, "Evidence"));
    expect(p.cell).toBe("K10"); // header on sheet row 9, column D + 7 = K
  });

  it("skips empty rows in between and still points at the right cells", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.blankRowAfter("5.1").blankRowAfter("5.1").blankRowAfter("8.34");
    wb.annexA.set("5.2", "Owner", null);
    expect(run(wb).problems.map(brief)).toEqual([
      `owner-missing ${ANNEX}!${wb.annexA.address("5.2", "Owner")}`,
    ]);
    expect(wb.annexA.address("5.2", "Owner")).toBe("I5");
  });

  it("treats a merged ID cell as one record, not a row without id", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("cont", { Notes: "second line of notes", Status: "Compliant" }, "4.1");
    wb.clauses.mergeDown("4.1", "ID", 1);
    expect(run(wb).problems).toEqual([]);
  });

  it("does not let a merged Status cell score the rows below it", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.mergeDown("4.1", "Status", 1); // 4.2's own Status cell is now blank
    const problems = run(wb).problems;
    expect(problems.map(brief)).toEqual([
      `not-assessed ${CLAUSES_SHEET}!${wb.clauses.address("4.2", "Status")}`,
    ]);
  });

  it("reads ids with stray spaces and the date-mangled text Excel shows", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set("6.1.2", "ID", " 6.1.2 ");
    wb.clauses.set("9.3.1", "ID", 46000, "9.3.1"); // displayed text wins over the serial number
    expect(run(wb).problems).toEqual([]);
  });

  it("handles extra user columns between contract columns", () => {
    const wb = new WorkbookBuilder({
      extraColumns: [
        { header: "Risk ref", after: "Status" },
        { header: "Audit note", after: "Priority" },
      ],
    });
    wb.clauses.set(CLAUSE, "Evidence", null);
    expect(run(wb).problems.map(brief)).toEqual([
      `evidence-missing ${CLAUSES_SHEET}!${wb.clauses.address(CLAUSE, "Evidence")}`,
    ]);
    expect(wb.clauses.address(CLAUSE, "Evidence")).toBe("F2");
  });
});

describe("robustness", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -10, max: 10 }),
    fc.string(),
    fc.constantFrom(
      "Compliant",
      "Compliant ",
      "yes",
      "No",
      "Not Applicable",
      "5.1",
      "A.5.1",
      "6.1.2",
      "3",
      "TBD",
      ""
    )
  );
  const header = fc.shuffledSubarray(
    [
      "ID",
      "Theme",
      "Title",
      "Question",
      "Applicable",
      "Justification",
      "Status",
      "Evidence",
      "Owner",
      "Likelihood",
      "Impact",
      "Gap score",
      "Risk score",
      "Risk level",
      "Priority",
      "Notes",
      "Extra",
    ],
    { minLength: 0 }
  ) as fc.Arbitrary<CellValue[]>;
  const grid = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 18 }), { maxLength: 30 }))
    .map(([h, rows]) => [h, ...rows]);
  const snapshot: fc.Arbitrary<SheetSnapshot> = fc.record({
    name: fc.constantFrom("Clauses 4-10", "Annex A", "Remediation Plan", "Other", ""),
    origin: fc.record({
      row: fc.integer({ min: -3, max: 1_048_576 }),
      col: fc.integer({ min: -3, max: 16_384 }),
    }),
    values: grid,
    text: fc.array(fc.array(fc.string(), { maxLength: 18 }), { maxLength: 30 }),
    formulas: fc.array(fc.array(fc.option(fc.string()), { maxLength: 18 }), { maxLength: 30 }),
    merges: fc.array(
      fc.record({
        top: fc.integer({ min: -2, max: 40 }),
        left: fc.integer({ min: -2, max: 20 }),
        bottom: fc.integer({ min: -2, max: 1_048_576 }),
        right: fc.integer({ min: -2, max: 20 }),
      }),
      { maxLength: 3 }
    ),
  });

  it("never throws and always returns a consistent report (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 4 }), (snaps) => {
        const report = validateWorkbook(snaps);
        const counted = report.summary.errors + report.summary.warnings + report.summary.infos;
        expect(counted).toBe(report.problems.length);
        for (const p of report.problems) expect(p.cell).toMatch(/^[A-Z]+[0-9]+$/);
      }),
      { numRuns: 300 }
    );
  });

  it("never throws on malformed snapshots", () => {
    const bad = [
      null,
      undefined,
      42,
      "sheet",
      {},
      { name: "Annex A" },
      { name: "Annex A", values: "x" },
      {
        name: "Annex A",
        origin: { row: NaN, col: -1 },
        values: [null, "row", [{}], [["ID", "Status"]]],
        text: null,
        formulas: [1],
      },
      {
        name: "Clauses 4-10",
        origin: { row: 0, col: 0 },
        values: [
          ["ID", "Status"],
          [Symbol.iterator.toString(), {}],
        ],
        text: [],
        formulas: [],
        merges: "all",
      },
    ];
    expect(() => validateWorkbook(bad as unknown as SheetSnapshot[])).not.toThrow();
    expect(() => validateWorkbook(null as unknown as SheetSnapshot[])).not.toThrow();
    expect(
      validateWorkbook(null as unknown as SheetSnapshot[]).problems.map((p) => p.rule)
    ).toEqual(["sheet-missing", "sheet-missing"]);
  });

  // Speed is measured by `npm run bench` ("validate (core)"); here only the result, with a hang guard.
  it("checks 10,000 rows with mixed content and finds their problems", () => {
    const sheet = new SheetBuilder("annexA");
    const template = sheet.snapshot();
    const rows = template.values.length - 1;
    const big: SheetSnapshot = {
      ...template,
      values: [template.values[0]],
      text: [template.text[0]],
      formulas: [template.formulas[0]],
    };
    const statusCol = template.values[0].indexOf("Status");
    const ownerCol = template.values[0].indexOf("Owner");
    for (let i = 0; i < 10_000; i++) {
      const src = 1 + (i % rows);
      const values = [...template.values[src]];
      // Mixed content, so the slow paths (typos, suggestions, placeholders) run too.
      if (i % 7 === 0)
        values[statusCol] = ["Complaint", "yes", "Partially  Compliant", "compliant"][i % 4];
      if (i % 11 === 0) values[ownerCol] = null;
      big.values.push(values);
      big.text.push(values.map((v) => (v === null ? "" : String(v))));
      big.formulas.push(template.formulas[src]);
    }
    const clauses = new SheetBuilder("clauses").snapshot();
    const problems = validateWorkbook([clauses, big]).problems.length;
    expect(problems).toBeGreaterThan(9_000);
  }, 30_000);
});

describe("Remediation Plan extension point", () => {
  it("runs REMEDIATION_RULES over the plan sheet with today, and sorts their problems with the rest", () => {
    const calls: { sheet: string; today: Date }[] = [];
    jest.isolateModules(() => {
      jest.doMock("../../src/core/validate/remediationPlan", () => ({
        REMEDIATION_RULES: [
          {
            id: "plan-test",
            severity: "warning",
            scope: "plan",
            description: "test rule for the extension point",
            check(
              plan: { snapshot: SheetSnapshot; today: Date },
              report: (at: object, message: string) => void
            ) {
              calls.push({ sheet: plan.snapshot.name, today: plan.today });
              report(
                { sheet: plan.snapshot.name, row: 1, col: 2, id: "R-1" },
                "Action R-1 has no owner."
              );
            },
          },
        ],
      }));
      const isolated =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../src/core/validate/validate") as typeof import("../../src/core/validate/validate");
      const wb = new WorkbookBuilder();
      wb.annexA.set("5.1", "Evidence", null);
      const plan: SheetSnapshot = {
        name: "Remediation Plan",
        origin: { row: 0, col: 0 },
        values: [["ID"]],
        text: [["ID"]],
        formulas: [[null]],
      };
      const [clauses, annex, ...rest] = wb.snapshots();
      const today = new Date("2025-01-31T00:00:00Z");
      const report = isolated.validateWorkbook([clauses, annex, plan, ...rest], { today });
      expect(report.problems.map(brief)).toEqual([
        `evidence-missing ${ANNEX}!H2`,
        "plan-test Remediation Plan!C2",
      ]);
      expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
      expect(isolated.validateWorkbook(wb.snapshots()).problems).toHaveLength(1); // no plan sheet: not called
    });
    expect(calls).toEqual([{ sheet: "Remediation Plan", today: new Date("2025-01-31T00:00:00Z") }]);
  });

  it("registers the Remediation Plan rules in the rule table", () => {
    expect(RULES.filter((r) => r.scope === "plan").map((r) => r.id)).toEqual([
      "plan-owner-missing",
      "plan-due-missing",
      "plan-due-before-start",
      "plan-overdue",
    ]);
  });
});
