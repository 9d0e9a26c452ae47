// "Record snapshot" in Excel: one read, the current scores as a new row of values on the Snapshot
// History sheet, and the same batched rebuild as "Build assessment" (nothing people typed is lost).
import { composeWorkbook } from "../core/layout/compose";
import { snapshotRow } from "../core/history";
import type { RowInputs } from "../core/inputs";
import { OWNED_SHEETS } from "./buildAssessment";
import { readWorkbook } from "./readSnapshots";
import { renderPlan, type RenderProgress } from "./renderPlan";
import { todaySerial } from "../core/dates";

export interface RecordSnapshotOptions {
  /** Excel date serial of the snapshot; default today. */
  date?: number;
  note?: string;
  onProgress?: RenderProgress;
}

export interface RecordSnapshotResult {
  /** The row added: Date, Overall, Clauses 4-10, Annex A, counts per status, Open actions, Note. */
  row: RowInputs;
  /** Snapshots on the sheet now. */
  snapshots: number;
  syncs: number;
}

export async function recordSnapshot(
  context: Excel.RequestContext,
  options: RecordSnapshotOptions = {}
): Promise<RecordSnapshotResult> {
  const read = await readWorkbook(context, OWNED_SHEETS, { lean: true });
  const row = snapshotRow(read.snapshots, {
    date: options.date ?? todaySerial(),
    note: options.note,
  });
  const composition = composeWorkbook(read.snapshots, { appendHistory: [row] });
  const supportsCharts =
    typeof Office === "undefined" ||
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.8") !== false;
  const writes = await renderPlan(context, composition.plan, {
    sheets: read.sheets,
    names: read.names,
    supportsCharts,
    onProgress: options.onProgress,
  });
  return { row, snapshots: composition.harvest.audit.history.rows.length + 1, syncs: 1 + writes };
}
