// Risk rules (src/core/validate/risk.ts): risk-missing, risk-out-of-range.
import type { CellValue } from "../../../src/core/snapshot";
import { WorkbookBuilder } from "../snapshotBuilder";
import {
  ANNEX,
  CLAUSE,
  CLAUSES_SHEET,
  CONTROL,
  NC_CLAUSE,
  brief,
  issues,
  only,
  run,
} from "./support";

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
