// Formula rule (src/core/validate/formulas.ts): formula-overwritten.
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CLAUSE, NC_CONTROL, brief, issues, only } from "./support";

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
