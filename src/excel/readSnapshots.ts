// Reads sheets into SheetSnapshots with one load of each used range and a single sync.
import { parseCellAddress, type CellValue, type SheetSnapshot } from "../core/snapshot";

export interface SheetInventory {
  name: string;
  exists: boolean;
  tables: string[];
  charts: string[];
  protected: boolean;
}

/** One of our tables as it stands: where, how big, its headers and its first body row. */
export interface TableInventory {
  name: string;
  sheet: string;
  /** 0-based sheet row of the header row and column of the first column. */
  row: number;
  col: number;
  /** Rows including the header row. */
  rows: number;
  columns: string[];
  /** `formulas` of the first body row (formula text, or the constant), in column order. */
  firstRow: unknown[];
}

export interface DefinedName {
  name: string;
  formula: string;
}

export interface WorkbookRead {
  snapshots: SheetSnapshot[];
  sheets: SheetInventory[];
  /** Names defined in the workbook. */
  names: string[];
  /** With `tables`: the names with their formulas, the tables found and every sheet in tab order. */
  definedNames?: DefinedName[];
  tables?: TableInventory[];
  order?: string[];
}

function toCell(value: unknown): CellValue {
  if (value === "" || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

const TOO_BIG = "ResponsePayloadSizeLimitExceeded";

interface Cells {
  values?: unknown[][];
  text?: unknown[][];
  formulas: unknown[][];
}

export interface ReadOptions {
  /** For our own sheets, where ids are text and only the presence of a formula matters: load
   *  `values` plus the addresses of formula cells (ExcelApi 1.9 getSpecialCells) — a fraction of
   *  the answer; formulas then read as "=" markers. Without 1.9: `formulas` only. */
  lean?: boolean;
  /** Also read, in the same sync, where these tables are (a reconcile diffs against them), the
   *  defined names' formulas and the order of all sheets. */
  tables?: readonly string[];
}

/** The sheet-less A1 ranges of a (Range or RangeAreas) address: "'A b'!L5:L9,'A b'!M5" → [L5:L9, M5]. */
export function addressRanges(address: string): string[] {
  return [
    ...address.matchAll(/(?:'(?:[^']|'')*'|[^',!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g),
  ].map((m) => m[1].replace(/\$/g, ""));
}

function markFormulas(
  rows: number,
  cols: number,
  origin: { row: number; col: number },
  address: string | null
): (string | null)[][] {
  const marks: (string | null)[][] = Array.from({ length: rows }, () =>
    new Array<string | null>(cols).fill(null)
  );
  for (const range of address ? addressRanges(address) : []) {
    const [from, to = from] = range.split(":");
    const a = parseCellAddress(from);
    const b = parseCellAddress(to);
    for (let r = Math.max(a.row, origin.row); r <= Math.min(b.row, origin.row + rows - 1); r++) {
      for (let c = Math.max(a.col, origin.col); c <= Math.min(b.col, origin.col + cols - 1); c++)
        marks[r - origin.row][c - origin.col] = "=";
    }
  }
  return marks;
}

function specialCellsSupported(): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.9") === true
  );
}

const isFormula = (f: unknown): f is string => typeof f === "string" && f.startsWith("=");

function snapshotOf(name: string, row: number, col: number, cells: Cells): SheetSnapshot {
  const formulas = cells.formulas.map((r) => r.map((f) => (isFormula(f) ? f : null)));
  const values = cells.values ?? cells.formulas.map((r) => r.map((f) => (isFormula(f) ? null : f)));
  return {
    name,
    origin: { row, col },
    values: values.map((r) => r.map(toCell)),
    text: (cells.text ?? values).map((r) =>
      r.map((t) => (t === null || t === undefined ? "" : String(t)))
    ),
    formulas,
  };
}

/** Reads the sheets in one sync; when the answer would pass Excel's 5 MB response limit, reads
 *  the structure first and then each used range in row slices (halved until they fit). */
export async function readWorkbook(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  options: ReadOptions = {}
): Promise<WorkbookRead> {
  const properties = options.lean
    ? specialCellsSupported()
      ? "values+special"
      : "formulas"
    : "values,formulas,text";
  try {
    return await readOnce(context, sheetNames, properties, options.tables);
  } catch (error) {
    if ((error as { code?: string }).code !== TOO_BIG) throw error;
  }
  const structure = await readOnce(context, sheetNames, null, options.tables);
  const snapshots: SheetSnapshot[] = [];
  for (const area of structure.areas) {
    const slices = properties === "values+special" ? "formulas" : properties;
    const cells = await readSlices(context, area, slices, 0, area.rows, Math.ceil(area.rows / 2));
    snapshots.push(snapshotOf(area.name, area.row, area.col, cells));
  }
  return {
    snapshots,
    sheets: structure.sheets,
    names: structure.names,
    definedNames: structure.definedNames,
    tables: structure.tables,
    order: structure.order,
  };
}

interface UsedArea {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rows [start, start + count) of the area, `slice` rows per request, halving on overflow. */
async function readSlices(
  context: Excel.RequestContext,
  area: UsedArea,
  properties: string,
  start: number,
  count: number,
  slice: number
): Promise<Cells> {
  const full = properties !== "formulas";
  if (count <= 0) return full ? { values: [], text: [], formulas: [] } : { formulas: [] };
  const take = Math.min(count, slice);
  const range = context.workbook.worksheets
    .getItem(area.name)
    .getRangeByIndexes(area.row + start, area.col, take, area.cols);
  if (full) range.load("values,formulas,text");
  else range.load("formulas");
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code !== TOO_BIG || take === 1) throw error;
    return readSlices(context, area, properties, start, count, Math.ceil(take / 2));
  }
  const rest = await readSlices(context, area, properties, start + take, count - take, slice);
  const formulas = [...range.formulas, ...rest.formulas];
  return full
    ? {
        values: [...range.values, ...(rest.values ?? [])],
        text: [...range.text, ...(rest.text ?? [])],
        formulas,
      }
    : { formulas };
}

/** One sync: the sheets' structure, plus the cells' `properties` (null = only the used area's size). */
async function readOnce(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  properties: string | null,
  tableNames?: readonly string[]
): Promise<WorkbookRead & { areas: UsedArea[] }> {
  const names = context.workbook.names.load(tableNames ? "items/name,items/formula" : "items/name");
  const order = tableNames ? context.workbook.worksheets.load("items/name") : null;
  const tables = (tableNames ?? []).map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name).load("name,worksheet/name");
    return {
      table,
      range: table.getRange().load("rowIndex,columnIndex,rowCount"),
      columns: table.columns.load("items/name"),
      first: table.getDataBodyRange().getRow(0).load("formulas"),
    };
  });
  const queued = sheetNames.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject();
    const special = properties === "values+special";
    if (special) used.load("values,rowIndex,columnIndex,rowCount,columnCount");
    else
      used.load(
        properties
          ? `${properties},rowIndex,columnIndex`
          : "rowIndex,columnIndex,rowCount,columnCount"
      );
    const formulaCells = special
      ? used.getSpecialCellsOrNullObject("Formulas").load("address")
      : null;
    const tables = sheet.tables.load("items/name");
    const charts = sheet.charts.load("items/name");
    const protection = sheet.protection.load("protected");
    return { name, sheet, used, formulaCells, tables, charts, protection };
  });
  await context.sync();

  const snapshots: SheetSnapshot[] = [];
  const areas: UsedArea[] = [];
  const sheets: SheetInventory[] = queued.map(
    ({ name, sheet, used, formulaCells, tables, charts, protection }) => {
      if (sheet.isNullObject)
        return { name, exists: false, tables: [], charts: [], protected: false };
      if (!used.isNullObject && properties) {
        const origin = { row: used.rowIndex, col: used.columnIndex };
        const cells =
          properties === "formulas"
            ? { formulas: used.formulas }
            : formulaCells
              ? {
                  values: used.values,
                  formulas: markFormulas(
                    used.rowCount,
                    used.columnCount,
                    origin,
                    formulaCells.isNullObject ? null : formulaCells.address
                  ),
                }
              : { values: used.values, text: used.text, formulas: used.formulas };
        snapshots.push(snapshotOf(sheet.name, used.rowIndex, used.columnIndex, cells));
      }
      if (!used.isNullObject && !properties) {
        areas.push({
          name: sheet.name,
          row: used.rowIndex,
          col: used.columnIndex,
          rows: used.rowCount,
          cols: used.columnCount,
        });
      }
      return {
        name: sheet.name,
        exists: true,
        tables: tables.items.map((t) => t.name),
        charts: charts.items.map((c) => c.name),
        protected: protection.protected,
      };
    }
  );
  return {
    snapshots,
    sheets,
    names: names.items.map((n) => n.name),
    areas,
    ...(tableNames && {
      definedNames: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
      order: order?.items.map((s) => s.name),
      tables: tables
        .filter(({ table }) => !table.isNullObject)
        .map(({ table, range, columns, first }) => ({
          name: table.name,
          sheet: table.worksheet.name,
          row: range.rowIndex,
          col: range.columnIndex,
          rows: range.rowCount,
          columns: columns.items.map((c) => c.name),
          firstRow: first.formulas[0] ?? [],
        })),
    }),
  };
}
