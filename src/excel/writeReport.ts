// "Executive summary" in Excel: one read of the workbook, the same Markdown report the CLI writes.
// The task pane shows it or copies it; nothing in the workbook changes.
import { executiveReport } from "../core/report";
import { readWorkbook } from "./readSnapshots";
import { todaySerial } from "../core/dates";
import { OWNED_SHEETS } from "../core/contract";

export async function writeReport(
  context: Excel.RequestContext,
  options: { today?: number; top?: number } = {}
): Promise<string> {
  const read = await readWorkbook(context, OWNED_SHEETS, { lean: true });
  return executiveReport(read.snapshots, {
    today: options.today ?? todaySerial(),
    top: options.top,
  });
}
