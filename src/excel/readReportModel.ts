// The report's model read from the open workbook (one read, as the Markdown summary reads it),
// for the task pane's HTML and Word downloads. Nothing in the workbook changes.
import { OWNED_SHEETS } from "../core/contract";
import { todaySerial } from "../core/dates";
import { buildReportModel, type ReportModel } from "../core/report/model";
import { readWorkbook } from "./readSnapshots";

export async function readReportModel(
  context: Excel.RequestContext,
  options: { today?: number; top?: number } = {}
): Promise<ReportModel> {
  const read = await readWorkbook(context, OWNED_SHEETS, { lean: true });
  return buildReportModel(read.snapshots, {
    today: options.today ?? todaySerial(),
    top: options.top ?? 10,
  });
}
