// Assessment rows read as typed records: the one reader of `Clauses 4-10` and `Annex A` rows for
// scoring, history, readiness, the overview and the report. Rows without an ID are left out.
import type { AssessmentColumn, AssessmentSheetSpec } from "../contract";
import type { RowScoreInput } from "../scoring";
import { cellAddress, type CellValue, type SheetSnapshot } from "../snapshot";
import { locateAssessmentTable, textOf } from "./locate";
import { findSheet } from "./sheets";

export interface AssessmentRow {
  /** Index into the snapshot's values. */
  r: number;
  /** The ID as it shows, trimmed. */
  id: string;
  /** The raw value of a contract column (null when the column is absent). */
  value(column: AssessmentColumn): CellValue;
  /** A1 address of a column's cell in this row (the ID cell when the column is absent). */
  at(column: AssessmentColumn): string;
  /** What the score formulas read: Status, Likelihood, Impact and, on Annex A, Applicable. */
  scoreInput: RowScoreInput;
}

export interface AssessmentRows {
  spec: AssessmentSheetSpec;
  snapshot: SheetSnapshot;
  rows: AssessmentRow[];
}

/** The rows of one assessment sheet, or null when the workbook has no such table. */
export function readAssessmentRows(
  snapshots: readonly SheetSnapshot[],
  spec: AssessmentSheetSpec
): AssessmentRows | null {
  const snapshot = findSheet(snapshots, spec.sheet);
  const table = snapshot && locateAssessmentTable(snapshot, spec);
  if (!snapshot || !table) return null;
  const column = (name: AssessmentColumn): number | undefined => table.columns.get(name);
  const rows: AssessmentRow[] = [];
  for (const r of table.dataRows) {
    const id = textOf(snapshot, table, r, "ID");
    if (!id) continue;
    const value = (name: AssessmentColumn): CellValue => {
      const c = column(name);
      return c === undefined ? null : (snapshot.values[r]?.[c] ?? null);
    };
    rows.push({
      r,
      id,
      value,
      at: (name) =>
        cellAddress(
          snapshot.origin.row + r,
          snapshot.origin.col + (column(name) ?? column("ID") ?? 0)
        ),
      scoreInput: {
        status: value("Status"),
        likelihood: value("Likelihood"),
        impact: value("Impact"),
        applicable: spec.kind === "annexA" ? value("Applicable") : undefined,
      },
    });
  }
  return { spec, snapshot, rows };
}
