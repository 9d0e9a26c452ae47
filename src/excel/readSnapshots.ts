// Reads sheets into SheetSnapshots with one load of each used range and a single sync.
import type { CellValue, SheetSnapshot } from '../core/snapshot';

export interface SheetInventory {
  name: string;
  exists: boolean;
  tables: string[];
  charts: string[];
  protected: boolean;
}

export interface WorkbookRead {
  snapshots: SheetSnapshot[];
  sheets: SheetInventory[];
  /** Names defined in the workbook. */
  names: string[];
}

function toCell(value: unknown): CellValue {
  if (value === '' || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Queues the loads for `sheetNames`, syncs once, and returns snapshots of those that exist. */
export async function readWorkbook(context: Excel.RequestContext, sheetNames: string[]): Promise<WorkbookRead> {
  const names = context.workbook.names.load('items/name');
  const queued = sheetNames.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject();
    used.load('values,formulas,text,rowIndex,columnIndex');
    const tables = sheet.tables.load('items/name');
    const charts = sheet.charts.load('items/name');
    const protection = sheet.protection.load('protected');
    return { name, sheet, used, tables, charts, protection };
  });
  await context.sync();

  const snapshots: SheetSnapshot[] = [];
  const sheets: SheetInventory[] = queued.map(({ name, sheet, used, tables, charts, protection }) => {
    if (sheet.isNullObject) return { name, exists: false, tables: [], charts: [], protected: false };
    if (!used.isNullObject) {
      snapshots.push({
        name: sheet.name,
        origin: { row: used.rowIndex, col: used.columnIndex },
        values: used.values.map((row) => row.map(toCell)),
        text: used.text.map((row) => row.map((t) => String(t ?? ''))),
        formulas: used.formulas.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null))),
      });
    }
    return { name: sheet.name, exists: true, tables: tables.items.map((t) => t.name), charts: charts.items.map((c) => c.name), protected: protection.protected };
  });
  return { snapshots, sheets, names: names.items.map((n) => n.name) };
}
