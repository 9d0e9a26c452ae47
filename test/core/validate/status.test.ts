// Status rules (src/core/validate/status.ts): status-invalid, status-case, clause-not-applicable, not-assessed.
import { WorkbookBuilder } from "../snapshotBuilder";
import {
  ANNEX,
  CLAUSE,
  CLAUSES_SHEET,
  CONTROL,
  PARTIAL_CLAUSE,
  PARTIAL_CONTROL,
  brief,
  issues,
  only,
  run,
} from "./support";

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
