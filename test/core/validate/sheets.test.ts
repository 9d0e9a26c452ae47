// Rules about the sheets and table headers (src/core/validate/sheets.ts): sheet-missing, column-missing.
import { validateWorkbook } from "../../../src/core/validate/validate";
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CLAUSES_SHEET, brief, only, run } from "./support";

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
            { header: "Auditor", after: "ID" },
            { header: "Status", after: "Notes" },
          ],
        })
      ).problems
    ).toEqual([]);
  });
});
