// core/layout/cellLimit: no plan cell over Excel's 32,767 characters; each cut names sheet, row id
// and column. core/cellLimit: the cut itself.
import { SHEETS } from "../../../src/core/contract";
import { MAX_CELL_TEXT, fitCellText } from "../../../src/core/cellLimit";
import { emptyInputs } from "../../../src/core/inputs";
import { capCellText } from "../../../src/core/layout/cellLimit";
import { layoutWorkbook } from "../../../src/core/layout/workbook";
import type { WorkbookPlan } from "../../../src/core/layout/workbookPlan";

function longestText(plan: WorkbookPlan): number {
  let longest = 0;
  for (const sheet of plan.sheets)
    for (const block of sheet.blocks)
      for (const row of block.cells)
        for (const cell of row)
          if (typeof cell.value === "string") longest = Math.max(longest, cell.value.length);
  return longest;
}

describe("fitCellText", () => {
  it("keeps text up to the limit and cuts longer text to exactly the limit, ending in …", () => {
    const fits = "x".repeat(MAX_CELL_TEXT);
    expect(fitCellText(fits)).toBe(fits);
    const cut = fitCellText("y".repeat(40_000));
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("never splits a surrogate pair (emoji)", () => {
    const text = "a".repeat(MAX_CELL_TEXT - 2) + "😀".repeat(10);
    const cut = fitCellText(text);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("capCellText", () => {
  it("cuts an oversized value in place and names sheet, row id and column", () => {
    const inputs = emptyInputs();
    inputs.annexA.set("5.15", { Status: "Compliant", Notes: "n".repeat(40_000) });
    inputs.clauses.set("6.1.2", { Evidence: "e".repeat(MAX_CELL_TEXT) }); // exactly the limit: kept
    const plan = layoutWorkbook({ start: 46000, inputs });
    expect(longestText(plan)).toBe(40_000);

    const warnings = capCellText(plan);

    expect(longestText(plan)).toBe(MAX_CELL_TEXT);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      sheet: SHEETS.annexA,
      id: "5.15",
      column: "Notes",
      length: 40_000,
    });
    expect(warnings[0].message).toMatch(
      /^"Annex A" row 5\.15, column "Notes" \([A-Z]+\d+\): 40,000 characters, over Excel's limit of 32,767/
    );
    // A second pass finds nothing left to cut.
    expect(capCellText(plan)).toEqual([]);
  });

  it("names the sheet and cell of a value outside the assessment tables (Settings)", () => {
    const plan = layoutWorkbook({ start: 46000, org: "o".repeat(33_000) });
    const warnings = capCellText(plan);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].sheet).toBe(SHEETS.settings);
    expect(warnings[0].message).toMatch(/^"Settings".*\b[A-Z]+\d+\b.*: 33,000 characters/);
  });
});
