/** Table behaviour on the workbook state: creation over filled cells, header names, growth, resize, removal. */
import {
  Rect,
  colCount,
  intersect,
  isUnbounded,
  looksLikeReference,
  overlaps,
  rect,
  rowCount,
} from "./address";
import { TableColumnEntity, TableEntity } from "./entities";
import { alreadyExists, invalidArgument, invalidOperation, notModelled } from "./errors";
import {
  CellInput,
  CellScalar,
  coerceInput,
  followMovedCells,
  formulaKey,
  shiftFormula,
} from "./formula";
import { SheetState, WorkbookState, tablesOverlapping } from "./state";
import { STYLE_DEFAULTS, StyleProp } from "./styles";

/** Excel's rules for defined names, shared by table names: letter/_/\\ first, no spaces, not a reference. */
export function checkName(name: unknown, what: string, location?: string): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)
  ) {
    throw invalidArgument(`'${String(name)}' is not a valid ${what} name.`, location);
  }
  if (looksLikeReference(name)) {
    throw invalidArgument(
      `'${name}' looks like a cell reference and is not a valid ${what} name.`,
      location
    );
  }
  return name;
}

/** Table names live in the same namespace as defined names. */
export function checkTableName(
  wb: WorkbookState,
  name: unknown,
  self: TableEntity | null,
  location?: string
): string {
  const n = checkName(name, "table", location);
  const other = wb.findTable(n);
  if ((other && other !== self) || wb.findName(n))
    throw alreadyExists(`The name '${n}' is already used.`, location);
  return n;
}

function nextTableName(wb: WorkbookState): string {
  let i = 1;
  while (wb.findTable(`Table${i}`) || wb.findName(`Table${i}`)) i++;
  return `Table${i}`;
}

/** Header texts made unique the way Excel does: blanks become Column1, Column2…, repeats get 2, 3… */
export function uniqueHeaders(raw: CellScalar[]): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  let auto = 1;
  for (const v of raw) {
    let name =
      v === "" || v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    if (name === "") {
      while (used.has(`column${auto}`)) auto++;
      name = `Column${auto++}`;
    } else if (used.has(name.toLowerCase())) {
      let k = 2;
      while (used.has(`${name}${k}`.toLowerCase())) k++;
      name = `${name}${k}`;
    }
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

function headerValues(t: TableEntity): CellScalar[] {
  const out: CellScalar[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const cell = t.sheet.getCell(t.rect.r0, c);
    out.push(cell?.v ?? "");
  }
  return out;
}

/** Re-read header cells into column names and write the unique names back (headers are always text). */
export function refreshHeaders(t: TableEntity): void {
  if (!t.showHeaders) return;
  const names = uniqueHeaders(headerValues(t));
  names.forEach((name, j) => {
    const col = t.columns[j];
    if (col) col.name = name;
    else t.columns.push(new TableColumnEntity(t.nextColumnId++, name, t));
    t.sheet.putCell(t.rect.r0, t.rect.c0 + j, { v: name });
  });
  t.columns.length = names.length;
}

/** After a write, tables whose header row was touched pick up the new names. */
export function syncTableHeaders(sheet: SheetState, r: Rect): void {
  for (const t of sheet.ownTables()) {
    if (t.showHeaders && intersect(r, rect(t.rect.r0, t.rect.c0, t.rect.r0, t.rect.c1)))
      refreshHeaders(t);
  }
}

function isEmptyCell(sheet: SheetState, row: number, col: number): boolean {
  return !sheet.getCell(row, col);
}

function assertFree(
  sheet: SheetState,
  r: Rect,
  self: TableEntity | null,
  what: string,
  location?: string
): void {
  if (tablesOverlapping(sheet.workbook, sheet, r, self ?? undefined).length) {
    throw invalidArgument("A table can't overlap another table.", location);
  }
  for (let row = r.r0; row <= r.r1; row++) {
    for (let col = r.c0; col <= r.c1; col++) {
      if (!isEmptyCell(sheet, row, col))
        throw notModelled(
          `${what} over non-empty cells (Excel would insert cells and shift them)`,
          location
        );
    }
  }
}

/**
 * Move the contents of a block of cells by (dRows, dCols); the caller guarantees the destination is free.
 * Formulas on the sheet that point into the block follow it; other sheets' formulas are not adjusted.
 */
function moveBlock(sheet: SheetState, r: Rect, dRows: number, dCols: number): void {
  const rows = [...Array(rowCount(r)).keys()].map((i) => r.r0 + i);
  const cols = [...Array(colCount(r)).keys()].map((j) => r.c0 + j);
  if (dRows > 0) rows.reverse();
  if (dCols > 0) cols.reverse();
  const props = sheet.styles.props();
  for (const [key, cell] of sheet.cells) {
    if (cell.f !== undefined)
      sheet.cells.set(key, { ...cell, f: followMovedCells(cell.f, r, dRows, dCols) });
  }
  for (const row of rows) {
    for (const col of cols) {
      sheet.putCell(row + dRows, col + dCols, sheet.getCell(row, col) ?? null);
      sheet.putCell(row, col, null);
      sheet.styles.copyCell(row, col, row + dRows, col + dCols, props);
    }
  }
}

export function createTable(
  wb: WorkbookState,
  sheet: SheetState,
  r0: Rect,
  hasHeaders: boolean,
  location?: string
): TableEntity {
  if (isUnbounded(r0))
    throw invalidArgument("A table cannot span entire columns or rows.", location);
  sheet.assertAllowed(null, location);
  let r = r0;
  if (tablesOverlapping(wb, sheet, r).length)
    throw invalidArgument("A table can't overlap another table.", location);
  if (sheet.mergeList.some((m) => overlaps(m, r)))
    throw invalidArgument("A table can't include merged cells.", location);
  if (!hasHeaders) {
    // Excel inserts a header row above the data (cells below shift down within the table's columns).
    const below = sheet.usedRect(true);
    const bottom = below ? Math.max(below.r1, r.r1) : r.r1;
    const block = rect(r.r0, r.c0, bottom, r.c1);
    assertFree(
      sheet,
      rect(bottom + 1, r.c0, bottom + 1, r.c1),
      null,
      "tables.add without headers",
      location
    );
    moveBlock(sheet, block, 1, 0);
    for (let c = r.c0; c <= r.c1; c++) sheet.putCell(r.r0, c, { v: "" });
    r = rect(r.r0, r.c0, r.r1 + 1, r.c1);
  }
  if (rowCount(r) === 1) r = rect(r.r0, r.c0, r.r0 + 1, r.c1); // Excel always keeps one (blank) data row.
  const t = new TableEntity(wb.newId("table"), nextTableName(wb), sheet, r);
  refreshHeaders(t);
  wb.tableList.push(t);
  return t;
}

/** A column is calculated when every body cell holds the same formula (same R1C1 shape). */
function calculatedColumns(t: TableEntity): Map<number, { formula: string; row: number }> {
  const out = new Map<number, { formula: string; row: number }>();
  const body = t.bodyRect;
  for (let c = body.c0; c <= body.c1; c++) {
    const first = t.sheet.getCell(body.r0, c);
    if (first?.f === undefined) continue;
    const key = formulaKey(first.f, body.r0, c);
    let same = true;
    for (let row = body.r0 + 1; row <= body.r1 && same; row++) {
      const f = t.sheet.getCell(row, c)?.f;
      same = f !== undefined && formulaKey(f, row, c) === key;
    }
    if (same) out.set(c, { formula: first.f, row: body.r0 });
  }
  return out;
}

/** Validations and conditional formats that cover a whole table column grow with the table, as in Excel. */
function extendColumnRules(t: TableEntity, oldBody: Rect, added: number): void {
  const grow = (x: Rect): Rect =>
    x.r0 <= oldBody.r0 && x.r1 === oldBody.r1 && x.c0 >= t.rect.c0 && x.c1 <= t.rect.c1
      ? rect(x.r0, x.c0, x.r1 + added, x.c1)
      : x;
  for (const v of t.sheet.dv) v.rect = grow(v.rect);
  for (const cf of t.sheet.cfs) cf.rects = cf.rects.map(grow);
}

function rowInputs(values: unknown, width: number, location?: string): unknown[][] | null {
  if (values === undefined || values === null) return null;
  if (!Array.isArray(values)) return [Array(width).fill(values)];
  if (values.length === 0 || values.some((row) => !Array.isArray(row) || row.length !== width)) {
    throw invalidArgument(
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      location
    );
  }
  return values as unknown[][];
}

/** rows.add: new rows at the bottom (or at index), calculated columns and column formats/rules follow. */
export function addTableRows(
  t: TableEntity,
  index: number | null | undefined,
  values: unknown,
  location?: string
): number {
  const sheet = t.sheet;
  sheet.assertAllowed(null, location);
  const width = colCount(t.rect);
  const inputs = rowInputs(values, width, location);
  const n = inputs ? inputs.length : 1;
  const body = t.bodyRect;
  const count = rowCount(body);
  const at = index === undefined || index === null ? count : index;
  if (!Number.isInteger(at) || at < 0 || at > count)
    throw invalidArgument(`Bad row index '${String(index)}'.`, location);
  assertFree(
    sheet,
    rect(t.rect.r1 + 1, t.rect.c0, t.rect.r1 + n, t.rect.c1),
    t,
    "rows.add",
    location
  );
  const calculated = calculatedColumns(t);
  const firstNew = body.r0 + at;
  if (at < count) moveBlock(sheet, rect(firstNew, t.rect.c0, t.rect.r1, t.rect.c1), n, 0);
  const formatSource = at > 0 ? firstNew - 1 : firstNew + n;
  const props = sheet.styles.props().filter((p) => p in STYLE_DEFAULTS) as StyleProp[];
  const written: Array<[number, number, CellInput | null]> = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < width; j++) {
      const row = firstNew + i;
      const col = t.rect.c0 + j;
      const raw = inputs ? inputs[i][j] : null;
      const calc = calculated.get(col);
      if ((raw === null || raw === undefined) && calc) {
        written.push([
          row,
          col,
          { value: null, formula: shiftFormula(calc.formula, row - calc.row, 0) },
        ]);
      } else {
        written.push([
          row,
          col,
          coerceInput(raw, String(sheet.styles.get("numberFormat", formatSource, col)), location),
        ]);
      }
    }
  }
  for (const [row, col, input] of written) {
    sheet.styles.copyCell(formatSource, col, row, col, props);
    sheet.putCell(
      row,
      col,
      input
        ? input.formula !== undefined
          ? { v: null, f: input.formula }
          : { v: input.value }
        : null
    );
  }
  t.rect = rect(t.rect.r0, t.rect.c0, t.rect.r1 + n, t.rect.c1);
  extendColumnRules(t, body, n);
  return at;
}

/** Remove body rows, shifting later rows up; the last remaining row is cleared instead (tables keep one). */
export function deleteTableRows(
  t: TableEntity,
  index: number,
  count: number,
  location?: string
): void {
  const sheet = t.sheet;
  sheet.assertAllowed(null, location);
  const body = t.bodyRect;
  const total = rowCount(body);
  if (!Number.isInteger(index) || index < 0 || count < 1 || index + count > total)
    throw invalidArgument("Bad row index.", location);
  if (count === total) {
    for (let row = body.r0; row <= body.r1; row++)
      for (let c = body.c0; c <= body.c1; c++) sheet.putCell(row, c, null);
    if (total > 1) t.rect = rect(t.rect.r0, t.rect.c0, body.r0 + (t.rect.r1 - body.r1), t.rect.c1);
    return;
  }
  const first = body.r0 + index;
  for (let row = first; row < first + count; row++)
    for (let c = body.c0; c <= body.c1; c++) sheet.putCell(row, c, null);
  if (first + count <= t.rect.r1)
    moveBlock(sheet, rect(first + count, t.rect.c0, t.rect.r1, t.rect.c1), -count, 0);
  t.rect = rect(t.rect.r0, t.rect.c0, t.rect.r1 - count, t.rect.c1);
}

/** columns.add: values are header + body for the new column; the table grows one column. */
export function addTableColumn(
  t: TableEntity,
  index: number | null | undefined,
  values: unknown,
  name: string | null | undefined,
  location?: string
): number {
  const sheet = t.sheet;
  sheet.assertAllowed(null, location);
  const height = rowCount(t.rect);
  const width = colCount(t.rect);
  const at = index === undefined || index === null ? width : index;
  if (!Number.isInteger(at) || at < 0 || at > width)
    throw invalidArgument(`Bad column index '${String(index)}'.`, location);
  let inputs: unknown[][] | null = null;
  if (values !== undefined && values !== null) {
    if (
      !Array.isArray(values) ||
      values.length !== height ||
      values.some((r) => !Array.isArray(r) || r.length !== 1)
    ) {
      throw invalidArgument(
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        location
      );
    }
    inputs = values as unknown[][];
  }
  assertFree(
    sheet,
    rect(t.rect.r0, t.rect.c1 + 1, t.rect.r1, t.rect.c1 + 1),
    t,
    "columns.add",
    location
  );
  const col = t.rect.c0 + at;
  if (at < width) moveBlock(sheet, rect(t.rect.r0, col, t.rect.r1, t.rect.c1), 0, 1);
  for (let i = 0; i < height; i++) {
    const row = t.rect.r0 + i;
    const raw = inputs ? inputs[i][0] : null;
    const input =
      i === 0 && t.showHeaders
        ? { value: (name ?? raw ?? "") as CellScalar }
        : coerceInput(raw, String(sheet.styles.get("numberFormat", row, col)), location);
    sheet.putCell(
      row,
      col,
      input
        ? input.formula !== undefined
          ? { v: null, f: input.formula }
          : { v: input.value }
        : null
    );
  }
  t.rect = rect(t.rect.r0, t.rect.c0, t.rect.r1, t.rect.c1 + 1);
  t.columns.splice(at, 0, new TableColumnEntity(t.nextColumnId++, "", t));
  refreshHeaders(t);
  return at;
}

export function deleteTableColumn(col: TableColumnEntity, location?: string): void {
  const t = col.table;
  t.sheet.assertAllowed(null, location);
  if (t.columns.length === 1)
    throw invalidOperation("A table must keep at least one column.", location);
  const c = t.rect.c0 + col.index;
  for (let row = t.rect.r0; row <= t.rect.r1; row++) t.sheet.putCell(row, c, null);
  if (c < t.rect.c1) moveBlock(t.sheet, rect(t.rect.r0, c + 1, t.rect.r1, t.rect.c1), 0, -1);
  t.columns.splice(col.index, 1);
  t.rect = rect(t.rect.r0, t.rect.c0, t.rect.r1, t.rect.c1 - 1);
}

/** Table.resize (ExcelApi 1.13): same header row, must overlap the old range, no other table in the way. */
export function resizeTable(t: TableEntity, r: Rect, location?: string): void {
  t.sheet.assertAllowed(null, location);
  if (r.r0 !== t.rect.r0 || !overlaps(r, t.rect) || rowCount(r) < 2) {
    throw invalidArgument(
      "The new range must overlap the table and keep its header row.",
      location
    );
  }
  if (tablesOverlapping(t.sheet.workbook, t.sheet, r, t).length)
    throw invalidArgument("A table can't overlap another table.", location);
  const keep = Math.min(colCount(r), t.columns.length);
  t.columns.length = r.c0 === t.rect.c0 ? keep : 0;
  t.rect = r;
  refreshHeaders(t);
}

/** Drop a table; Table.delete() also clears its cells (direct cell formats stay), convertToRange() keeps them. */
export function removeTable(t: TableEntity, clearCells: boolean): void {
  const wb = t.sheet.workbook;
  if (clearCells) {
    t.sheet.assertEditable(t.rect);
    for (let row = t.rect.r0; row <= t.rect.r1; row++)
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.putCell(row, c, null);
  } else {
    t.sheet.assertAllowed(null);
  }
  t.deleted = true;
  wb.tableList = wb.tableList.filter((x) => x !== t);
}
