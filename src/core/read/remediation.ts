// The Remediation Plan read back: its rows by header (the builder's lookups left out), and the one
// definition of an open action, the same as the Summary's and SoA's formulas count.
import { REMEDIATION_COLUMNS, REMEDIATION_FORMULA_COLUMNS } from "../contract";
import { dateSerial } from "../dates";
import type { RowInputs } from "../inputs";
import { sameText } from "../scoring";
import type { SheetSnapshot } from "../snapshot";
import { isBlank, locateAssessmentTable } from "./locate";

/** One action of the plan: every column by header. */
export type RemediationRow = RowInputs;

/** Progress values that close an action; anything else (blank too) leaves it open. */
const CLOSED_PROGRESS = ["Done", "Resolved"] as const;

/** An action with an ID whose Progress is not Done or Resolved (Excel's case-insensitive compare). */
export function isOpenAction(row: RemediationRow): boolean {
  if (isBlank(row.ID ?? null)) return false;
  return !CLOSED_PROGRESS.some((closed) => sameText(row.Progress ?? null, closed));
}

/** Open actions, and those of them whose Due date is before `today` (a serial). */
export function openActionCounts(
  rows: readonly RemediationRow[],
  today: number
): { openActions: number; overdue: number } {
  let openActions = 0;
  let overdue = 0;
  for (const row of rows) {
    if (!isOpenAction(row)) continue;
    openActions++;
    const due = dateSerial(row.Due ?? null);
    if (due !== null && due < today) overdue++;
  }
  return { openActions, overdue };
}

/** Headers that identify the plan table. */
export const REMEDIATION_REQUIRED = ["ID", "Progress"] as const;

/** Reads the existing plan's rows (all columns by header, builder formulas left out). */
export function readRemediationRows(snapshot: SheetSnapshot | undefined): {
  rows: RemediationRow[];
  extraColumns: string[];
} {
  const table =
    snapshot &&
    locateAssessmentTable(snapshot, { columns: REMEDIATION_COLUMNS }, REMEDIATION_REQUIRED);
  if (!snapshot || !table) return { rows: [], extraColumns: [] };
  const rows = table.dataRows.map((r) => {
    const row: RemediationRow = {};
    for (const [header, c] of [...table.columns, ...table.extraColumns]) {
      if (
        snapshot.formulas[r]?.[c] &&
        (REMEDIATION_FORMULA_COLUMNS as readonly string[]).includes(header)
      )
        continue;
      row[header] = snapshot.values[r]?.[c] ?? null;
    }
    return row;
  });
  return { rows, extraColumns: [...table.extraColumns.keys()] };
}
