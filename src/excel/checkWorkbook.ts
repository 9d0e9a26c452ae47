// "Check workbook" in Excel: one read of the assessment sheets, the core rules, and a way to
// take the user to the cell a problem names.
import { CHECKED_SHEETS } from "../core/contract";
import { validateWorkbook, type ValidationReport } from "../core/validate/validate";
import { readWorkbook } from "./readSnapshots";

export async function checkWorkbook(
  context: Excel.RequestContext,
  today: Date = new Date()
): Promise<ValidationReport> {
  const read = await readWorkbook(context, CHECKED_SHEETS, { lean: true });
  return validateWorkbook(read.snapshots, { today });
}

/** Activates the sheet and selects the cell (e.g. "E12") a problem points at. */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  cell: string
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}
