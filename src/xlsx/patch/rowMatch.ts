// Where a planned table's rows and columns are on the sheet as it is, decided from the sheet's
// snapshot: the same rules as the ExcelJS reconcile (../reconcile.ts growTable) — columns by
// header, rows by key (Source + ID, or ID), keyless rows by content, blank rows reused, the rest
// appended — for the package patch, which must land every planned cell where the full path would.
// Anything the patch does not do (a totals row, columns joined or added) is reported, not guessed.
import { normalizeHeader } from "../../core/read/locate";
import type { CellValue } from "../../core/snapshot";
import type { PlannedTable } from "../../core/layout/plannedCells";
import { matchRows } from "../../core/layout/rowKeys";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What the sheet holds at 0-based coordinates (value null when empty). */
export interface SheetCells {
  valueAt(row: number, col: number): CellValue;
  /** True when the cell has a formula. */
  hasFormula(row: number, col: number): boolean;
}

export interface TablePlacement {
  /** Planned column → sheet column. */
  columns: number[];
  /** Planned body row → sheet row. */
  rows: number[];
  /** Planned rows that had no row on the sheet (they take new rows below the table). */
  appended: number;
  /** Last body row before and after appending. */
  lastOld: number;
  lastBody: number;
  firstBody: number;
  /** The table's range after appending. */
  rect: Rect;
}

const isEmpty = (v: CellValue): boolean => v === null || v === "";

/**
 * Places a planned table over the existing one (`rect`, `columnNames` as the table part names
 * them). Returns a reason instead when the patch cannot do what the full path would.
 */
export function placeTable(
  planned: PlannedTable,
  rect: Rect,
  columnNames: (string | undefined)[],
  cells: SheetCells
): TablePlacement | { unsupported: string } {
  const firstBody = rect.top + 1;
  const textAt = (row: number, col: number): string => normalizeHeader(cells.valueAt(row, col));
  const existing = new Map<string, number>();
  for (let c = rect.left; c <= rect.right; c++) {
    const name = columnNames[c - rect.left];
    const key = name === undefined ? textAt(rect.top, c) : normalizeHeader(name);
    if (!existing.has(key)) existing.set(key, c);
  }
  const wanted = new Set(planned.headers.map((h) => normalizeHeader(h)));
  const joining = textAt(rect.top, rect.right + 1);
  if (joining !== "" && !existing.has(joining) && wanted.has(joining))
    return { unsupported: `a column joins table "${planned.plan.name}"` };
  const columns: number[] = [];
  for (const h of planned.headers) {
    const found = existing.get(normalizeHeader(h));
    if (found === undefined)
      return { unsupported: `table "${planned.plan.name}" lacks column "${h}"` };
    columns.push(found);
  }

  const right = rect.right;
  const emptyAt = (row: number, col: number): boolean =>
    isEmpty(cells.valueAt(row, col)) && !cells.hasFormula(row, col);
  const { placed, appended, lastBody } = matchRows(
    planned,
    { columns, left: rect.left, right, firstBody, lastBody: rect.bottom, claimBelow: true },
    { value: (row, col) => cells.valueAt(row, col), isEmpty: emptyAt }
  );
  const bottom = Math.max(rect.bottom, lastBody);
  // Room below for the new rows: the full path refuses (naming the cell) when a person's cell is
  // in the way; the patch leaves that to it.
  for (let row = bottom + 1; row <= bottom + appended; row++)
    for (let c = rect.left; c <= right; c++)
      if (!emptyAt(row, c))
        return { unsupported: `a cell below table "${planned.plan.name}" is in the way` };
  const finalLast = lastBody + appended;
  return {
    columns,
    rows: placed,
    appended,
    lastOld: rect.bottom,
    lastBody: finalLast,
    firstBody,
    rect: { top: rect.top, left: rect.left, bottom: finalLast, right },
  };
}
