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
import { invalidArgument, invalidOperation, mergedRangeConflict, notModelled } from "./errors";
import {
  CellInput,
  CellScalar,
  coerceInput,
  followMovedCells,
  formulaKey,
  shiftFormula,
} from "./formula";
import { SheetState, WorkbookState, tablesOverlapping } from "./state";
import {
  breakTableRefs,
  checkStructuredRefs,
  convertTableRefs,
  renameColumnRefs,
} from "./structuredRefs";
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

/**
 * Table names live in the same namespace as defined names, compared without case, across the workbook.
 * Excel answers a taken name with InvalidArgument (OfficeDev/office-js#551), not ItemAlreadyExists.
 */
export function checkTableName(
  wb: WorkbookState,
  name: unknown,
  self: TableEntity | null,
  location?: string
): string {
  const n = checkName(name, "table", location);
  const other = wb.findTable(n);
  if ((other && other !== self) || wb.findName(n))
    throw invalidArgument(
      `The name '${n}' is already used by a table or a defined name.`,
      location
    );
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

/**
 * Re-read header cells into column names and write the unique names back (headers are always text).
 * A renamed column is followed by every structured reference to it, as in Excel.
 */
export function refreshHeaders(t: TableEntity): void {
  if (!t.showHeaders) return;
  const names = uniqueHeaders(headerValues(t));
  const renames = new Map<string, string>();
  names.forEach((name, j) => {
    const col = t.columns[j];
    if (col) {
      if (col.name !== "" && col.name !== name) renames.set(col.name.toLowerCase(), name);
      col.name = name;
    } else t.columns.push(new TableColumnEntity(t.nextColumnId++, name, t));
    t.sheet.putCell(t.rect.r0, t.rect.c0 + j, { v: name });
  });
  t.columns.length = names.length;
  if (!t.deleted && t.sheet.workbook.tableList.includes(t)) renameColumnRefs(t, renames);
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
    throw mergedRangeConflict("The table would run into another table.", location);
  }
  if (sheet.mergeList.some((m) => overlaps(m, r)))
    throw mergedRangeConflict("The table would run into merged cells.", location);
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
  if (dRows === 0) {
    // Calculated-column formulas are kept for the first body row, which moves only with columns.
    for (const t of sheet.ownTables())
      for (const c of t.columns)
        if (c.formula !== null) c.formula = followMovedCells(c.formula, r, dRows, dCols);
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
    throw mergedRangeConflict("The range overlaps another table.", location);
  if (sheet.mergeList.some((m) => overlaps(m, r)))
    throw mergedRangeConflict("The range includes merged cells.", location);
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
  updateCalculatedColumns(sheet, t.bodyRect);
  return t;
}

/** The formula every body cell of a table column holds (same R1C1 shape), or null. */
function uniformFormula(t: TableEntity, c: number): string | null {
  const body = t.bodyRect;
  const first = t.sheet.getCell(body.r0, c)?.f;
  if (first === undefined) return null;
  const key = formulaKey(first, body.r0, c);
  for (let row = body.r0 + 1; row <= body.r1; row++) {
    const f = t.sheet.getCell(row, c)?.f;
    if (f === undefined || formulaKey(f, row, c) !== key) return null;
  }
  return first;
}

/**
 * After cells of a sheet change: a table column whose whole body now holds one formula is a calculated
 * column; one whose whole body was overwritten otherwise is not any more. A write to part of a calculated
 * column leaves an exception and the column stays calculated, as in Excel.
 */
export function updateCalculatedColumns(sheet: SheetState, written: Rect): void {
  for (const t of sheet.ownTables()) {
    const body = t.bodyRect;
    const hit = intersect(body, written);
    if (!hit) continue;
    for (let c = hit.c0; c <= hit.c1; c++) {
      const col = t.columns[c - t.rect.c0];
      if (!col) continue;
      const formula = uniformFormula(t, c);
      if (formula !== null) col.formula = formula;
      else if (hit.r0 === body.r0 && hit.r1 === body.r1) col.formula = null;
    }
  }
}

/** A calculated column's formula for a body row. */
function calculatedAt(t: TableEntity, col: number, row: number): string | null {
  const f = t.columns[col - t.rect.c0]?.formula ?? null;
  return f === null ? null : shiftFormula(f, row - t.bodyRect.r0, 0);
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
      // A calculated column fills its formula into a new row whatever value was passed
      // (OfficeDev/office-js#2093, closed as by design).
      const calc = calculatedAt(t, col, row);
      if (calc !== null) {
        written.push([row, col, { value: null, formula: calc }]);
      } else {
        const input = coerceInput(
          raw,
          String(sheet.styles.get("numberFormat", formatSource, col)),
          location
        );
        if (input?.formula !== undefined)
          checkStructuredRefs(sheet.workbook, input.formula, { sheet, row, col }, location, t);
        written.push([row, col, input]);
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
  if (at < width) {
    const moved = rect(t.rect.r0, col, t.rect.r1, t.rect.c1);
    moveBlock(sheet, moved, 0, 1);
    shiftRules(sheet, moved, 1);
  }
  for (let i = 0; i < height; i++) {
    const row = t.rect.r0 + i;
    const raw = inputs ? inputs[i][0] : null;
    const input =
      i === 0 && t.showHeaders
        ? { value: (name ?? raw ?? "") as CellScalar }
        : coerceInput(raw, String(sheet.styles.get("numberFormat", row, col)), location);
    if (input?.formula !== undefined)
      checkStructuredRefs(sheet.workbook, input.formula, { sheet, row, col }, location, t);
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
  updateCalculatedColumns(sheet, rect(t.bodyRect.r0, col, t.bodyRect.r1, col));
  return at;
}

/**
 * Validations and conditional formats over cells that shifted right move with them, and their
 * formulas follow the moved cells, as Excel does when it inserts cells (a table column included).
 */
function shiftRules(sheet: SheetState, block: Rect, dCols: number): void {
  const within = (r: Rect): boolean =>
    r.r0 >= block.r0 && r.r1 <= block.r1 && r.c0 >= block.c0 && r.c1 <= block.c1;
  const move = (r: Rect): Rect => (within(r) ? rect(r.r0, r.c0 + dCols, r.r1, r.c1 + dCols) : r);
  // Only formula text ("=…") is followed: colours and operators are not references.
  const follow = (value: unknown): unknown =>
    typeof value === "string"
      ? value.startsWith("=")
        ? followMovedCells(value, block, 0, dCols)
        : value
      : Array.isArray(value)
        ? value.map(follow)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, follow(v)]))
          : value;
  for (const v of sheet.dv) {
    v.rect = move(v.rect);
    v.rule = follow(v.rule) as typeof v.rule;
  }
  for (const cf of sheet.cfs) {
    cf.rects = cf.rects.map(move);
    cf.data = follow(cf.data) as typeof cf.data;
  }
}

export function deleteTableColumn(col: TableColumnEntity, location?: string): void {
  const t = col.table;
  t.sheet.assertAllowed(null, location);
  if (t.columns.length === 1)
    throw invalidOperation("A table must keep at least one column.", location);
  const c = t.rect.c0 + col.index;
  // Formulas that named the column now show #REF!.
  renameColumnRefs(t, new Map([[col.name.toLowerCase(), null]]));
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
    throw mergedRangeConflict("The new range overlaps another table.", location);
  if (t.sheet.mergeList.some((m) => overlaps(m, r)))
    throw mergedRangeConflict("The new range includes merged cells.", location);
  const oldBottom = t.bodyRect.r1;
  const keep = Math.min(colCount(r), t.columns.length);
  t.columns.length = r.c0 === t.rect.c0 ? keep : 0;
  t.rect = r;
  refreshHeaders(t);
  // Rows the table grew into get its calculated columns where they are empty.
  for (let row = oldBottom + 1; row <= t.bodyRect.r1; row++) {
    for (let c = r.c0; c <= r.c1; c++) {
      const f = calculatedAt(t, c, row);
      if (f !== null && !t.sheet.getCell(row, c)) t.sheet.putCell(row, c, { v: null, f });
    }
  }
}

/**
 * Drop a table. Table.delete() also clears its cells (direct cell formats stay) and formulas that referred
 * to it show #REF!; convertToRange() keeps the cells and Excel rewrites every structured reference to the
 * table, in every formula of the workbook, as A1 references.
 */
export function removeTable(t: TableEntity, clearCells: boolean): void {
  const wb = t.sheet.workbook;
  if (clearCells) {
    t.sheet.assertEditable(t.rect);
    breakTableRefs(t);
    for (let row = t.rect.r0; row <= t.rect.r1; row++)
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.putCell(row, c, null);
  } else {
    t.sheet.assertAllowed(null);
    convertTableRefs(t);
  }
  t.deleted = true;
  wb.tableList = wb.tableList.filter((x) => x !== t);
}
