// The one place both readers (ExcelJS's model in readSnapshots, the package XML in
// streamSnapshots) turn a sheet's content cells into a SheetSnapshot: the grid covers the cells
// with content, not the range a sheet claims, and cells past the row/column cap are reported.
import type { CellValue, SheetSnapshot } from "../core/snapshot";

/** A snapshot plus what the reader had to leave out. */
export interface ReadSnapshot extends SheetSnapshot {
  /** Set when the sheet had content beyond the row/column cap. */
  truncated?: { rows: number; cols: number; keptRows: number; keptCols: number };
  hidden?: boolean;
}

/** What a reader makes of one cell. */
export interface ReadCell {
  value: CellValue;
  text: string;
  formula: string | null;
}

/** Content cells in parallel arrays (no object per cell): row, column, value, text, formula. */
export class CellColumns {
  rows: number[] = [];
  cols: number[] = [];
  values: CellValue[] = [];
  texts: string[] = [];
  formulas: (string | null)[] = [];
  /** Adds a cell (0-based row and column) and returns its index. */
  push(row: number, col: number, cell: ReadCell): number {
    this.rows.push(row);
    this.cols.push(col);
    this.values.push(cell.value);
    this.texts.push(cell.text);
    this.formulas.push(cell.formula);
    return this.rows.length - 1;
  }
}

export interface SheetHead {
  name: string;
  merges: NonNullable<SheetSnapshot["merges"]>;
  tables: NonNullable<SheetSnapshot["tables"]>;
  hidden: boolean;
}

/** The snapshot of `cells` (empty ones skipped), capped at maxRows × maxCols. */
export function gridSnapshot(
  head: SheetHead,
  cells: CellColumns,
  maxRows: number,
  maxCols: number
): ReadSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  let contentRows = 0;
  let contentCols = 0;
  const kept: number[] = [];
  for (let i = 0; i < cells.rows.length; i++) {
    if (cells.values[i] === null && cells.formulas[i] === null && cells.texts[i] === "") continue;
    const r = cells.rows[i];
    const c = cells.cols[i];
    contentRows = Math.max(contentRows, r + 1);
    contentCols = Math.max(contentCols, c + 1);
    if (r >= maxRows || c >= maxCols) continue;
    kept.push(i);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  const snapshot: ReadSnapshot = {
    name: head.name,
    origin: { row: 0, col: 0 },
    values: [],
    text: [],
    formulas: [],
    merges: head.merges,
    tables: head.tables,
  };
  if (head.hidden) snapshot.hidden = true;
  if (contentRows > maxRows || contentCols > maxCols) {
    snapshot.truncated = {
      rows: contentRows,
      cols: contentCols,
      keptRows: maxRows,
      keptCols: maxCols,
    };
  }
  if (kept.length === 0) return snapshot;
  const height = bottom - top + 1;
  const width = right - left + 1;
  snapshot.origin = { row: top, col: left };
  for (let r = 0; r < height; r++) {
    snapshot.values.push(new Array<CellValue>(width).fill(null));
    snapshot.text.push(new Array<string>(width).fill(""));
    snapshot.formulas.push(new Array<string | null>(width).fill(null));
  }
  for (const i of kept) {
    const r = cells.rows[i] - top;
    const c = cells.cols[i] - left;
    snapshot.values[r][c] = cells.values[i];
    snapshot.text[r][c] = cells.texts[i];
    snapshot.formulas[r][c] = cells.formulas[i];
  }
  return snapshot;
}
