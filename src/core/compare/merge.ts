// merge: a three-way merge of two copies of a workbook against the copy both started from, keyed
// by sheet, ID and column. A cell changed on one side only takes that change; a cell both sides
// changed to different values is a conflict (MINE's value stays); rows added on either side are
// kept once. Without a base (two-way), every cell that differs is a conflict. Pure: the result
// lists the cells to write into a copy of MINE; an adapter writes them.
import type { CellValue } from "../snapshot";
import { unionColumns } from "./diff";
import {
  addressOf,
  cellKey,
  cellShown,
  COMPARED_SHEETS,
  type CellEntry,
  type ComparableWorkbook,
  type RowEntry,
  type SheetRows,
} from "./model";

export interface MergeTaken {
  sheet: string;
  id: string;
  column: string;
  /** MINE's value (the base's, since MINE left it alone) and THEIRS' value, as shown. */
  before: string | null;
  after: string | null;
  /** The cell in MERGED (A1). */
  address: string;
}

export interface MergeConflict {
  sheet: string;
  id: string;
  column: string;
  base: string | null;
  mine: string | null;
  theirs: string | null;
  /** Cells in MINE (= MERGED) and in THEIRS (A1; null when that side has no such row). */
  mineAddress: string | null;
  theirsAddress: string | null;
  mineSheet: string | null;
  theirsSheet: string | null;
}

/** One cell to write into the copy of MINE (0-based sheet coordinates). */
export interface CellWrite {
  sheetName: string;
  row: number;
  col: number;
  value: CellValue;
  /** A person's own formula (without "="), written as a formula. */
  formula: string | null;
}

/** A row of THEIRS added to MERGED below MINE's table (0-based sheet row). */
export interface AddedRow {
  sheet: string;
  sheetName: string;
  id: string;
  row: number;
}

/** A column of THEIRS that MINE lacks, added right of MINE's table. */
export interface AddedColumn {
  sheet: string;
  sheetName: string;
  header: string;
  headerRow: number;
  col: number;
}

export interface MergeResult {
  taken: MergeTaken[];
  conflicts: MergeConflict[];
  added: AddedRow[];
  columns: AddedColumn[];
  /** Rows THEIRS removed that MINE still has: kept (nothing is deleted by a merge). */
  keptRemoved: { sheet: string; id: string }[];
  /** Sheets of ours THEIRS has and MINE lacks: not merged. */
  missingInMine: string[];
  writes: CellWrite[];
}

function at(
  sheet: SheetRows | undefined,
  row: RowEntry | undefined,
  column: string
): string | null {
  if (!sheet || !row) return null;
  const cell = row.cells.get(column) ?? row.keys.get(column);
  const col = cell?.col ?? sheet.columnAt.get(column);
  return col === undefined ? null : addressOf({ row: row.row, col });
}

/** The write that puts `cell` (a value, or its formula) at row, col of a sheet. */
export function cellWrite(
  sheetName: string,
  row: number,
  col: number,
  cell: CellEntry | undefined
): CellWrite {
  return {
    sheetName,
    row,
    col,
    value: cell && !cell.formula ? cell.value : null,
    formula: cell?.formula ?? null,
  };
}

/**
 * Merges THEIRS into MINE against BASE (null: two-way, every difference a conflict). MINE's
 * geometry decides where writes go; THEIRS' extra columns are added right of MINE's table and
 * THEIRS' new rows below it.
 */
export function mergeWorkbooks(
  base: ComparableWorkbook | null,
  mine: ComparableWorkbook,
  theirs: ComparableWorkbook
): MergeResult {
  const result: MergeResult = {
    taken: [],
    conflicts: [],
    added: [],
    columns: [],
    keptRemoved: [],
    missingInMine: [],
    writes: [],
  };
  for (const name of COMPARED_SHEETS) {
    const b = base?.sheets.get(name);
    const m = mine.sheets.get(name);
    const t = theirs.sheets.get(name);
    if (!t) continue;
    if (!m) {
      result.missingInMine.push(name);
      continue;
    }
    // THEIRS' columns MINE lacks: added right of MINE's table, in THEIRS' order.
    const columnAt = new Map(m.columnAt);
    let right = m.lastCol;
    if (m.table) {
      for (const column of t.columns) {
        if (columnAt.has(column)) continue;
        const used = [...t.rows.values()].some((r) => cellKey(r.cells.get(column)) !== "");
        if (!used) continue;
        right++;
        columnAt.set(column, right);
        result.columns.push({
          sheet: name,
          sheetName: m.actualName,
          header: column,
          headerRow: m.headerRow,
          col: right,
        });
      }
    }
    const columns = unionColumns(m, t, b);
    let below = m.lastRow;
    for (const [id, theirRow] of t.rows) {
      const baseRow = b?.rows.get(id);
      const myRow = m.rows.get(id);
      if (!myRow) {
        if (baseRow) {
          // MINE removed the row: THEIRS' edits to it are conflicts; MINE's removal stands.
          for (const column of columns) {
            const kb = cellKey(baseRow.cells.get(column));
            const kt = cellKey(theirRow.cells.get(column));
            if (kb === kt) continue;
            result.conflicts.push({
              sheet: name,
              id,
              column,
              base: cellShown(baseRow.cells.get(column)),
              mine: null,
              theirs: cellShown(theirRow.cells.get(column)),
              mineAddress: null,
              theirsAddress: at(t, theirRow, column),
              mineSheet: null,
              theirsSheet: t.actualName,
            });
          }
          continue;
        }
        if (!m.table) continue;
        below++;
        result.added.push({ sheet: name, sheetName: m.actualName, id, row: below });
        for (const [column, cell] of [...theirRow.keys, ...theirRow.cells]) {
          const col = columnAt.get(column);
          if (col === undefined || cellKey(cell) === "") continue;
          result.writes.push(cellWrite(m.actualName, below, col, cell));
        }
        continue;
      }
      for (const column of columns) {
        const mc = myRow.cells.get(column);
        const tc = theirRow.cells.get(column);
        const km = cellKey(mc);
        const kt = cellKey(tc);
        if (km === kt) continue;
        // A column THEIRS does not have is no edit of theirs; one only THEIRS has is taken.
        if (t.table && !t.columnAt.has(column)) continue;
        const onlyTheirs = m.table && !m.columnAt.has(column);
        const kb = baseRow ? cellKey(baseRow.cells.get(column)) : "";
        const address =
          at(m, myRow, column) ?? addressOf({ row: myRow.row, col: columnAt.get(column) ?? 0 });
        if ((base && km === kb) || onlyTheirs) {
          result.taken.push({
            sheet: name,
            id,
            column,
            before: cellShown(mc),
            after: cellShown(tc),
            address,
          });
          const col = mc?.col ?? columnAt.get(column);
          if (col !== undefined) result.writes.push(cellWrite(m.actualName, myRow.row, col, tc));
          continue;
        }
        if (base && kt === kb) continue;
        result.conflicts.push({
          sheet: name,
          id,
          column,
          base: baseRow ? cellShown(baseRow.cells.get(column)) : null,
          mine: cellShown(mc),
          theirs: cellShown(tc),
          mineAddress: address,
          theirsAddress: at(t, theirRow, column),
          mineSheet: m.actualName,
          theirsSheet: t.actualName,
        });
      }
    }
    if (b)
      for (const id of m.rows.keys())
        if (b.rows.has(id) && !t.rows.has(id)) result.keptRemoved.push({ sheet: name, id });
  }
  return result;
}
