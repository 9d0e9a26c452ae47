// Reads what the task pane's overview needs in one sync: the values (no formulas, no display
// text) of the overview's sheets. It runs after every action and workbook edit, so it loads a
// third of what readWorkbook loads, which keeps a 10,000-row workbook under Excel on the web's
// 5 MB response limit. The figures themselves come from core/overview.
import { OVERVIEW_SHEETS, overviewOf, type Overview } from "../core/overview";
import type { CellValue, SheetSnapshot } from "../core/snapshot";

function toCell(value: unknown): CellValue {
  if (value === "" || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

/** Snapshots with values only (no formulas, no display text) of the sheets that exist; one sync. */
async function readValueSnapshots(
  context: Excel.RequestContext,
  sheetNames: readonly string[]
): Promise<SheetSnapshot[]> {
  const queued = sheetNames.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { sheet, used };
  });
  await context.sync();
  const snapshots: SheetSnapshot[] = [];
  for (const { sheet, used } of queued) {
    if (sheet.isNullObject || used.isNullObject) continue;
    snapshots.push({
      name: sheet.name,
      origin: { row: used.rowIndex, col: used.columnIndex },
      values: used.values.map((row) => row.map(toCell)),
      text: [],
      formulas: [],
    });
  }
  return snapshots;
}

/** Reads the assessment, plan, settings and documents sheets in one sync and computes the overview. */
export async function readOverview(
  context: Excel.RequestContext,
  today: Date = new Date()
): Promise<Overview> {
  return overviewOf(await readValueSnapshots(context, OVERVIEW_SHEETS), today);
}
