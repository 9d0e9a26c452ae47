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

const TOO_BIG = 'ResponsePayloadSizeLimitExceeded';

interface Cells {
  values: unknown[][];
  text: unknown[][];
  formulas: unknown[][];
}

function snapshotOf(name: string, row: number, col: number, cells: Cells): SheetSnapshot {
  return {
    name,
    origin: { row, col },
    values: cells.values.map((r) => r.map(toCell)),
    text: cells.text.map((r) => r.map((t) => String(t ?? ''))),
    formulas: cells.formulas.map((r) => r.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : null))),
  };
}

/** Reads the sheets in one sync; when the answer would pass Excel's 5 MB response limit, reads
 *  the structure first and then each used range in row slices (halved until they fit). */
export async function readWorkbook(context: Excel.RequestContext, sheetNames: string[]): Promise<WorkbookRead> {
  try {
    return await readOnce(context, sheetNames, true);
  } catch (error) {
    if ((error as { code?: string }).code !== TOO_BIG) throw error;
  }
  const structure = await readOnce(context, sheetNames, false);
  const snapshots: SheetSnapshot[] = [];
  for (const area of structure.areas) {
    snapshots.push(snapshotOf(area.name, area.row, area.col, await readSlices(context, area, 0, area.rows, Math.ceil(area.rows / 2))));
  }
  return { snapshots, sheets: structure.sheets, names: structure.names };
}

interface UsedArea {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rows [start, start + count) of the area, `slice` rows per request, halving on overflow. */
async function readSlices(context: Excel.RequestContext, area: UsedArea, start: number, count: number, slice: number): Promise<Cells> {
  if (count <= 0) return { values: [], text: [], formulas: [] };
  const take = Math.min(count, slice);
  const range = context.workbook.worksheets.getItem(area.name).getRangeByIndexes(area.row + start, area.col, take, area.cols);
  range.load('values,formulas,text');
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code !== TOO_BIG || take === 1) throw error;
    return readSlices(context, area, start, count, Math.ceil(take / 2));
  }
  const rest = await readSlices(context, area, start + take, count - take, slice);
  return {
    values: [...range.values, ...rest.values],
    text: [...range.text, ...rest.text],
    formulas: [...range.formulas, ...rest.formulas],
  };
}

async function readOnce(
  context: Excel.RequestContext,
  sheetNames: string[],
  withCells: boolean,
): Promise<WorkbookRead & { areas: UsedArea[] }> {
  const names = context.workbook.names.load('items/name');
  const queued = sheetNames.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject();
    used.load(withCells ? 'values,formulas,text,rowIndex,columnIndex' : 'rowIndex,columnIndex,rowCount,columnCount');
    const tables = sheet.tables.load('items/name');
    const charts = sheet.charts.load('items/name');
    const protection = sheet.protection.load('protected');
    return { name, sheet, used, tables, charts, protection };
  });
  await context.sync();

  const snapshots: SheetSnapshot[] = [];
  const areas: UsedArea[] = [];
  const sheets: SheetInventory[] = queued.map(({ name, sheet, used, tables, charts, protection }) => {
    if (sheet.isNullObject) return { name, exists: false, tables: [], charts: [], protected: false };
    if (!used.isNullObject && withCells) snapshots.push(snapshotOf(sheet.name, used.rowIndex, used.columnIndex, used));
    if (!used.isNullObject && !withCells) {
      areas.push({ name: sheet.name, row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount });
    }
    return { name: sheet.name, exists: true, tables: tables.items.map((t) => t.name), charts: charts.items.map((c) => c.name), protected: protection.protected };
  });
  return { snapshots, sheets, names: names.items.map((n) => n.name), areas };
}
