// Evidence rules (src/core/validate/evidence.ts): evidence-missing, evidence-placeholder.
import { WorkbookBuilder } from "../snapshotBuilder";
import {
  ANNEX,
  CLAUSE,
  CLAUSES_SHEET,
  CONTROL,
  NC_CLAUSE,
  NC_CONTROL,
  PARTIAL_CONTROL,
  brief,
  issues,
  only,
  run,
} from "./support";

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
