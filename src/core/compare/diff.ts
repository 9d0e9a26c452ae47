// compare: every input cell that differs between two copies of a workbook, keyed by sheet, ID and
// column, with rows added and removed. Pure: works on what readComparable read.
import {
  addressOf,
  cellKey,
  cellShown,
  COMPARED_SHEETS,
  isBlankCell,
  type ComparableWorkbook,
  type RowEntry,
  type SheetRows,
} from "./model";

export interface CellChange {
  sheet: string;
  id: string;
  column: string;
  before: string | null;
  after: string | null;
  /** The cell in NEW (A1), and the sheet's name there. */
  address: string;
  sheetName: string;
}

export interface RowPresence {
  sheet: string;
  id: string;
  /** The row's non-blank compared cells, as shown. */
  values: Record<string, string>;
  /** The ID cell's row in the workbook that has the row (A1 of its first compared cell). */
  address: string;
  sheetName: string;
}

export interface SheetSummary {
  changes: number;
  added: number;
  removed: number;
}

export interface Comparison {
  changes: CellChange[];
  added: RowPresence[];
  removed: RowPresence[];
  summary: {
    changes: number;
    added: number;
    removed: number;
    bySheet: Record<string, SheetSummary>;
    /** Rows without an ID (in OLD + NEW): they cannot be matched and were not compared. */
    unkeyed: number;
  };
}

function presence(sheet: SheetRows, row: RowEntry): RowPresence {
  const values: Record<string, string> = {};
  for (const [column, cell] of row.cells) {
    const shown = cellShown(cell);
    if (shown !== null) values[column] = shown;
  }
  const firstCol = Math.min(...sheet.columnAt.values());
  return {
    sheet: sheet.sheet,
    id: row.id,
    values,
    address: addressOf({ row: row.row, col: Number.isFinite(firstCol) ? firstCol : 0 }),
    sheetName: sheet.actualName,
  };
}

/** Columns of either side, in NEW's order, then OLD's own. */
export function unionColumns(...sides: (SheetRows | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const side of sides) for (const c of side?.columns ?? []) seen.add(c);
  return [...seen];
}

export function compareWorkbooks(
  before: ComparableWorkbook,
  after: ComparableWorkbook
): Comparison {
  const result: Comparison = {
    changes: [],
    added: [],
    removed: [],
    summary: { changes: 0, added: 0, removed: 0, bySheet: {}, unkeyed: 0 },
  };
  for (const name of COMPARED_SHEETS) {
    const old = before.sheets.get(name);
    const now = after.sheets.get(name);
    if (!old && !now) continue;
    const counts: SheetSummary = { changes: 0, added: 0, removed: 0 };
    result.summary.unkeyed += (old?.unkeyed ?? 0) + (now?.unkeyed ?? 0);
    const columns = unionColumns(now, old);
    for (const [id, row] of now?.rows ?? []) {
      const was = old?.rows.get(id);
      if (!was) {
        result.added.push(presence(now as SheetRows, row));
        counts.added++;
        continue;
      }
      for (const column of columns) {
        const a = was.cells.get(column);
        const b = row.cells.get(column);
        // A column only one side has (catalog rows skip catalog text): blank on the other side.
        if (cellKey(a) === cellKey(b)) continue;
        if (isBlankCell(a) && isBlankCell(b)) continue;
        const col = b?.col ?? now?.columnAt.get(column);
        result.changes.push({
          sheet: name,
          id,
          column,
          before: cellShown(a),
          after: cellShown(b),
          address: addressOf({ row: row.row, col: col ?? 0 }),
          sheetName: now?.actualName ?? name,
        });
        counts.changes++;
      }
    }
    for (const [id, row] of old?.rows ?? []) {
      if (now?.rows.has(id) || !old) continue;
      result.removed.push(presence(old, row));
      counts.removed++;
    }
    if (counts.changes || counts.added || counts.removed) result.summary.bySheet[name] = counts;
    result.summary.changes += counts.changes;
    result.summary.added += counts.added;
    result.summary.removed += counts.removed;
  }
  return result;
}
