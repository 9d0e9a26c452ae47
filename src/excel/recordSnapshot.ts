// "Record snapshot" in Excel: one read, the current scores as a new row of values appended to the
// Snapshots table, and the same reconcile as "Build assessment" (only differences are written).
import { composeWorkbook } from "../core/layout/compose";
import { snapshotRow } from "../core/history";
import type { RowInputs } from "../core/inputs";
import { supportsCharts } from "./buildAssessment";
import { readWorkbook } from "./readSnapshots";
import type { RenderProgress } from "./renderPlan";
import { OWNED_TABLES, reconcilePlan } from "./reconcile";
import { todaySerial } from "../core/dates";
import { OWNED_SHEETS } from "../core/contract";

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
  const read = await readWorkbook(context, OWNED_SHEETS, { lean: true, tables: OWNED_TABLES });
  const row = snapshotRow(read.snapshots, {
    date: options.date ?? todaySerial(),
    note: options.note,
  });
  const composition = composeWorkbook(read.snapshots, { appendHistory: [row] });
  const { syncs: writes } = await reconcilePlan(context, composition.plan, read, {
    supportsCharts: supportsCharts(),
    onProgress: options.onProgress,
  });
  return { row, snapshots: composition.harvest.audit.history.rows.length + 1, syncs: 1 + writes };
}
