// "Compare with a copy" in Excel: reads the open workbook's compared sheets, and writes the
// changes a person chose to take from the copy (core/compare/merge decides which cells, rows and
// columns; this module only places them). The write path is the reconcile path's: cells as
// row bands through `formulas` (cellRuns), rows through the table so it grows and its calculated
// columns fill in, everything queued in a WriteBatch — one read sync, then as few requests as
// the 5 MB limit allows and one recalculation, whatever the number of rows.
import { COMPARED_SHEETS } from "../core/compare/model";
import type { AddedColumn, AddedRow, CellWrite as MergeWrite } from "../core/compare/merge";
import { PROTECTED_SHEETS } from "../core/contract";
import type { SheetSnapshot } from "../core/snapshot";
import { asWritten } from "./cellText";
import { readWorkbook, type TableInventory } from "./readSnapshots";
import { OWNED_TABLES } from "./reconcile";
import { cellRuns, PROTECTION, rowSlices } from "./renderPlan";
import type { CellWrite } from "./workbookDiff";
import { WriteBatch } from "./writeBatch";

/** What compare needs of the open workbook: its compared sheets, read in one sync. */
export async function readForCompare(context: Excel.RequestContext): Promise<SheetSnapshot[]> {
  return (await readWorkbook(context, COMPARED_SHEETS)).snapshots;
}

/** The changes to write: the merge's writes plus the conflicts the person decided for theirs. */
export interface ChangesToApply {
  writes: MergeWrite[];
  added: AddedRow[];
  columns: AddedColumn[];
}

export interface AppliedChanges {
  cells: number;
  rows: number;
  columns: number;
  syncs: number;
}

/** Largest rows.add request slice (the batch still decides when to sync). */
const ROWS_SLICE_BYTES = 1024 * 1024;

const sameSheet = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** A merge write as the text `formulas` takes: formulas with "=", coercible text kept as text. */
function written(w: MergeWrite): string | number | boolean {
  if (w.formula) return `=${w.formula}`;
  return w.value === null ? "" : asWritten(w.value);
}

interface SheetChanges {
  name: string;
  table: TableInventory | undefined;
  cells: CellWrite[];
  /** Rows appended through the table (right below it), each a full row in table column order. */
  tableRows: (string | number | boolean)[][];
  /** Headers appended as table columns, in order. */
  tableColumns: string[];
  rows: number;
  columns: number;
}

/** Splits the changes by sheet and decides, per row and column, whether the table takes it. */
function plan(changes: ChangesToApply, tables: TableInventory[]): SheetChanges[] {
  const names = new Set<string>();
  for (const x of [...changes.writes, ...changes.added, ...changes.columns]) names.add(x.sheetName);
  return [...names].map((name) => {
    const columns = changes.columns.filter((c) => c.sheetName === name);
    const added = changes.added.filter((a) => a.sheetName === name);
    // The table whose header row the merge laid its columns against (or the only one there).
    const headerRow = columns[0]?.headerRow;
    const onSheet = tables.filter((t) => sameSheet(t.sheet, name));
    const table =
      onSheet.find((t) => headerRow !== undefined && t.row === headerRow) ??
      (onSheet.length === 1 ? onSheet[0] : undefined);
    const result: SheetChanges = {
      name,
      table,
      cells: [],
      tableRows: [],
      tableColumns: [],
      rows: added.length,
      columns: columns.length,
    };
    let right = table ? table.col + table.columns.length - 1 : -1;
    const appended = new Set<number>();
    for (const c of columns) {
      // The column lands right of the table: append it there so the table grows over it.
      if (table && c.headerRow === table.row && c.col === right + 1) {
        result.tableColumns.push(c.header);
        right++;
      } else result.cells.push({ row: c.headerRow, col: c.col, text: asWritten(c.header) });
    }
    let bottom = table ? table.row + table.rows - 1 : -1;
    const rowsAdded = new Map<number, (string | number | boolean)[]>();
    for (const a of [...added].sort((x, y) => x.row - y.row)) {
      if (table && a.row === bottom + 1) {
        bottom++;
        const row = new Array<string | number | boolean>(right - table.col + 1).fill("");
        rowsAdded.set(a.row, row);
        result.tableRows.push(row);
        appended.add(a.row);
      }
    }
    for (const w of changes.writes) {
      if (w.sheetName !== name) continue;
      const row = rowsAdded.get(w.row);
      if (row && table && w.col >= table.col && w.col <= right) row[w.col - table.col] = written(w);
      else result.cells.push({ row: w.row, col: w.col, text: written(w) });
    }
    return result;
  });
}

/**
 * One sync: where our tables are (position, size, headers) and which of `sheets` are protected —
 * not their cells, so the read stays small however many rows the sheets hold.
 */
async function readLayout(
  context: Excel.RequestContext,
  sheets: readonly string[]
): Promise<{ tables: TableInventory[]; protected: string[] }> {
  const protection = sheets.map((name) => ({
    name,
    state: context.workbook.worksheets.getItem(name).protection.load("protected"),
  }));
  const tables = OWNED_TABLES.map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name).load("name,worksheet/name");
    return {
      table,
      range: table.getRange().load("rowIndex,columnIndex,rowCount"),
      columns: table.columns.load("items/name"),
    };
  });
  await context.sync();
  return {
    protected: protection.filter((p) => p.state.protected).map((p) => p.name),
    tables: tables
      .filter(({ table }) => !table.isNullObject)
      .map(({ table, range, columns }) => ({
        name: table.name,
        sheet: table.worksheet.name,
        row: range.rowIndex,
        col: range.columnIndex,
        rows: range.rowCount,
        columns: columns.items.map((c) => c.name),
        firstRow: [],
      })),
  };
}

/**
 * Writes the chosen changes into the open workbook: one sync reads where the tables are and which
 * sheets are protected, then the writes go in budgeted requests. A protected sheet of ours is
 * unprotected for the write and protected again with the build's options.
 */
export async function applyChanges(
  context: Excel.RequestContext,
  changes: ChangesToApply
): Promise<AppliedChanges> {
  const names = [
    ...new Set([...changes.writes, ...changes.added, ...changes.columns].map((x) => x.sheetName)),
  ];
  if (names.length === 0) return { cells: 0, rows: 0, columns: 0, syncs: 0 };
  const read = await readLayout(context, names);
  const work = plan(changes, read.tables);
  const batch = new WriteBatch(context);
  for (const s of work) {
    const sheet = context.workbook.worksheets.getItem(s.name);
    // Only our own sheets are unprotected (and protected again, with the build's options): a
    // person's protection is theirs to lift, and Excel's refusal then says which sheet.
    const isProtected =
      read.protected.some((name) => sameSheet(name, s.name)) &&
      PROTECTED_SHEETS.some((p) => sameSheet(p, s.name));
    if (isProtected) {
      await batch.reserve();
      sheet.protection.unprotect();
    }
    if (s.table && (s.tableColumns.length || s.tableRows.length)) {
      const table = sheet.tables.getItem(s.table.name);
      for (const header of s.tableColumns) {
        await batch.reserve(header);
        table.columns.add(undefined, undefined, header);
      }
      for (const slice of rowSlices(s.tableRows, ROWS_SLICE_BYTES)) {
        await batch.reserve(slice);
        table.rows.add(undefined, slice);
      }
    }
    for (const run of cellRuns(s.cells)) {
      await batch.reserve(run.formulas);
      sheet.getRange(run.address).formulas = run.formulas as unknown as string[][];
    }
    if (isProtected) {
      await batch.reserve();
      sheet.protection.protect(PROTECTION);
    }
  }
  await batch.finish();
  return {
    cells: changes.writes.length,
    rows: work.reduce((n, s) => n + s.rows, 0),
    columns: work.reduce((n, s) => n + s.columns, 0),
    syncs: 1 + batch.syncs,
  };
}
