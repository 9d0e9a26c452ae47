/** Range: cell contents as 2D arrays, derived ranges, clear, merge, select; formats live in rangeFormat.ts. */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  boundingRect,
  colCount,
  inSheet,
  intersect,
  isEntireColumns,
  isEntireRows,
  isUnbounded,
  qualify,
  rect,
  rowCount,
  splitSheet,
} from "./address";
import { ConditionalFormatCollection } from "./conditionalFormat";
import { HyperlinkData, ProtectionOptions, RangeRef } from "./entities";
import {
  invalidArgument,
  invalidOperation,
  itemNotFound,
  mergedRangeConflict,
  notModelled,
} from "./errors";
import { CellInput, ERROR_VALUES, coerceInput } from "./formula";
import { ClientObject, Exec, PropSpec, defineClass } from "./proxy";
import { RangeFormat } from "./rangeFormat";
import { SheetState, matrix, tablesOverlapping } from "./state";
import { checkStructuredRefs } from "./structuredRefs";
import { STYLE_DEFAULTS, StyleProp, cellKey } from "./styles";
import { syncTableHeaders, updateCalculatedColumns } from "./tableModel";
import { DataValidation } from "./validation";
import { RangeAreas, formulaAreas, type AreasEntity } from "./rangeAreas";
import { Worksheet, sheetRange } from "./workbook";

const MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** A Range argument (proxy or address) resolved at sync time on the given sheet. */
export function rangeArg(arg: unknown, sheet: SheetState, x: Exec): RangeRef {
  if (arg instanceof ClientObject) {
    const e = arg._bind(x);
    if (!(e instanceof RangeRef)) throw invalidArgument("Expected a Range.", x.location);
    return e;
  }
  if (typeof arg === "string") {
    // An address may name another sheet ("'Annex A'!B2"); without one it is on the given sheet.
    const { sheet: name } = splitSheet(arg);
    if (name === null) return sheetRange(sheet, arg, x);
    const other = sheet.workbook.findSheet(name);
    if (!other) throw itemNotFound(`No worksheet named '${name}'.`, x.location);
    return sheetRange(other, arg, x);
  }
  throw invalidArgument("Expected a Range or an address.", x.location);
}

/** Accessor for a 2D input or a scalar broadcast to every cell (null as a whole is rejected, as in Excel). */
function shape(input: unknown, r: Rect, location: string): (i: number, j: number) => unknown {
  if (Array.isArray(input)) {
    const rows = rowCount(r);
    const cols = colCount(r);
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw invalidArgument(`${MISMATCH} (range ${rows}x${cols})`, location);
    }
    return (i, j) => (input as unknown[][])[i][j];
  }
  if (input === null || input === undefined)
    throw invalidArgument("null is not a valid input for the whole property.", location);
  return () => input;
}

function assertBounded(r: Rect, location: string): void {
  if (isUnbounded(r)) {
    throw invalidArgument(
      "Cell-level properties cannot be set on an unbounded range (entire columns or rows).",
      location
    );
  }
}

/** values/formulas assignment: Excel parses each input like typed text; null leaves a cell as it is. */
export function writeContents(e: RangeRef, input: unknown, x: Exec): void {
  const { sheet, rect: r } = e;
  assertBounded(r, x.location);
  const at = shape(input, r, x.location);
  sheet.assertEditable(r, x.location);
  const writes: Array<[number, number, CellInput, string]> = [];
  for (let i = 0; i < rowCount(r); i++) {
    for (let j = 0; j < colCount(r); j++) {
      const nf = String(sheet.styles.get("numberFormat", r.r0 + i, r.c0 + j));
      const cell = coerceInput(at(i, j), nf, x.location);
      if (cell?.formula !== undefined)
        checkStructuredRefs(
          sheet.workbook,
          cell.formula,
          { sheet, row: r.r0 + i, col: r.c0 + j },
          x.location
        );
      if (cell) writes.push([r.r0 + i, r.c0 + j, cell, nf]);
    }
  }
  for (const [row, col, cell, nf] of writes) {
    sheet.putCell(
      row,
      col,
      cell.formula !== undefined ? { v: null, f: cell.formula } : { v: cell.value }
    );
    if (cell.autoFormat && nf === "General")
      sheet.styles.setRange("numberFormat", rect(row, col, row, col), cell.autoFormat);
  }
  syncTableHeaders(sheet, r);
  updateCalculatedColumns(sheet, r);
}

function writeNumberFormat(e: RangeRef, input: unknown, x: Exec): void {
  const { sheet, rect: r } = e;
  assertBounded(r, x.location);
  const at = shape(input, r, x.location);
  sheet.assertAllowed("allowFormatCells", x.location);
  const norm = (v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v !== "string")
      throw invalidArgument(`Number formats are strings, got ${typeof v}.`, x.location);
    return v === "" ? "General" : v;
  };
  if (!Array.isArray(input)) {
    sheet.styles.setRange("numberFormat", r, norm(input));
    return;
  }
  sheet.styles.setMatrix(
    "numberFormat",
    r.r0,
    r.c0,
    matrix(r, (row, col) => norm(at(row - r.r0, col - r.c0)))
  );
}

function valueType(sheet: SheetState, row: number, col: number): string {
  const v = sheet.valueAt(row, col);
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return ERROR_VALUES.includes(v) ? "Error" : "String";
}

/** A cell-level property: null for unbounded ranges, as Excel returns. */
function cells(
  read: (s: SheetState, row: number, col: number) => unknown
): (e: RangeRef) => unknown {
  return (e) =>
    isUnbounded(e.rect) ? null : matrix(e.rect, (row, col) => read(e.sheet, row, col));
}

/** Sum of row heights / column widths over an index span, without walking a million defaults. */
function span(sizes: Map<number, number>, def: number, lo: number, hi: number): number {
  let total = (hi - lo + 1) * def;
  for (const [i, v] of sizes) if (i >= lo && i <= hi) total += v - def;
  return total;
}

function specialCells(e: RangeRef, cellType: string, x: Exec): AreasEntity | null {
  if (cellType !== "Formulas") throw notModelled(`getSpecialCells('${cellType}')`, x.location);
  return formulaAreas(e);
}

export class Range extends ClientObject {
  private derive(
    method: string,
    args: unknown[],
    fn: (e: RangeRef, x: Exec) => Rect | null,
    orNull = false
  ): Range {
    return this._child(Range, method, args, (e: RangeRef, x) => {
      const r = fn(e, x);
      if (r === null) {
        if (orNull) return null;
        throw itemNotFound(`${method} found no range.`, x.location);
      }
      if (!inSheet(r)) throw invalidArgument(`${method} goes outside the sheet.`, x.location);
      return new RangeRef(e.sheet, r);
    });
  }

  getCell(row: number, column: number): Range {
    return this.derive("getCell", [row, column], ({ rect: r }) =>
      rect(r.r0 + row, r.c0 + column, r.r0 + row, r.c0 + column)
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derive("getOffsetRange", [rowOffset, columnOffset], ({ rect: r }) =>
      rect(r.r0 + rowOffset, r.c0 + columnOffset, r.r1 + rowOffset, r.c1 + columnOffset)
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derive("getResizedRange", [deltaRows, deltaColumns], ({ rect: r }) =>
      rect(r.r0, r.c0, r.r1 + deltaRows, r.c1 + deltaColumns)
    );
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this.derive("getAbsoluteResizedRange", [numRows, numColumns], ({ rect: r }) =>
      rect(r.r0, r.c0, r.r0 + numRows - 1, r.c0 + numColumns - 1)
    );
  }

  getRow(row: number): Range {
    return this.derive("getRow", [row], ({ rect: r }) =>
      row < 0 || row > r.r1 - r.r0 ? rect(-1, 0, -1, 0) : rect(r.r0 + row, r.c0, r.r0 + row, r.c1)
    );
  }

  getColumn(column: number): Range {
    return this.derive("getColumn", [column], ({ rect: r }) =>
      column < 0 || column > r.c1 - r.c0
        ? rect(0, -1, 0, -1)
        : rect(r.r0, r.c0 + column, r.r1, r.c0 + column)
    );
  }

  getEntireColumn(): Range {
    return this.derive("getEntireColumn", [], ({ rect: r }) => rect(0, r.c0, MAX_ROWS - 1, r.c1));
  }

  getEntireRow(): Range {
    return this.derive("getEntireRow", [], ({ rect: r }) => rect(r.r0, 0, r.r1, MAX_COLS - 1));
  }

  getLastRow(): Range {
    return this.derive("getLastRow", [], ({ rect: r }) => rect(r.r1, r.c0, r.r1, r.c1));
  }

  getLastColumn(): Range {
    return this.derive("getLastColumn", [], ({ rect: r }) => rect(r.r0, r.c1, r.r1, r.c1));
  }

  getLastCell(): Range {
    return this.derive("getLastCell", [], ({ rect: r }) => rect(r.r1, r.c1, r.r1, r.c1));
  }

  getRowsAbove(count = 1): Range {
    return this.derive("getRowsAbove", [count], ({ rect: r }) =>
      rect(r.r0 - count, r.c0, r.r0 - 1, r.c1)
    );
  }

  getRowsBelow(count = 1): Range {
    return this.derive("getRowsBelow", [count], ({ rect: r }) =>
      rect(r.r1 + 1, r.c0, r.r1 + count, r.c1)
    );
  }

  getColumnsBefore(count = 1): Range {
    return this.derive("getColumnsBefore", [count], ({ rect: r }) =>
      rect(r.r0, r.c0 - count, r.r1, r.c0 - 1)
    );
  }

  getColumnsAfter(count = 1): Range {
    return this.derive("getColumnsAfter", [count], ({ rect: r }) =>
      rect(r.r0, r.c1 + 1, r.r1, r.c1 + count)
    );
  }

  getIntersection(anotherRange: Range | string): Range {
    return this.derive("getIntersection", [anotherRange], (e, x) =>
      intersect(e.rect, sameSheet(e, anotherRange, x))
    );
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return this.derive(
      "getIntersectionOrNullObject",
      [anotherRange],
      (e, x) => intersect(e.rect, sameSheet(e, anotherRange, x)),
      true
    );
  }

  getBoundingRect(anotherRange: Range | string): Range {
    return this.derive("getBoundingRect", [anotherRange], (e, x) =>
      boundingRect(e.rect, sameSheet(e, anotherRange, x))
    );
  }

  /** ItemNotFound when nothing in the range is used, as documented. */
  getUsedRange(valuesOnly?: boolean): Range {
    return this.derive("getUsedRange", [valuesOnly], (e) => usedWithin(e, !!valuesOnly));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.derive(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (e) => usedWithin(e, !!valuesOnly),
      true
    );
  }

  /** Only cellType 'Formulas' is modelled (what the add-in asks for). */
  getSpecialCells(cellType: string): RangeAreas {
    return this._child(RangeAreas, "getSpecialCells", [cellType], (e: RangeRef, x) => {
      const areas = specialCells(e, cellType, x);
      if (!areas) throw itemNotFound("No cells were found.", x.location);
      return areas;
    });
  }

  getSpecialCellsOrNullObject(cellType: string): RangeAreas {
    return this._child(RangeAreas, "getSpecialCellsOrNullObject", [cellType], (e: RangeRef, x) =>
      specialCells(e, cellType, x)
    );
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (e: RangeRef, x) => clearRange(e, applyTo, x));
  }

  /** Keeps the top-left value like Excel; cells in a table cannot be merged. */
  merge(across = false): void {
    this._call("merge", [across], ({ sheet, rect: r }: RangeRef, x) => {
      sheet.assertAllowed(null, x.location);
      if (tablesOverlapping(sheet.workbook, sheet, r).length)
        throw mergedRangeConflict("Cells in a table can't be merged.", x.location);
      const pieces = across
        ? [...Array(rowCount(r)).keys()].map((i) => rect(r.r0 + i, r.c0, r.r0 + i, r.c1))
        : [r];
      for (const p of pieces) {
        if (rowCount(p) * colCount(p) < 2) continue;
        for (const key of [...sheet.cells.keys()]) {
          const row = Math.floor(key / MAX_COLS);
          const col = key % MAX_COLS;
          if (
            row >= p.r0 &&
            row <= p.r1 &&
            col >= p.c0 &&
            col <= p.c1 &&
            !(row === p.r0 && col === p.c0)
          )
            sheet.cells.delete(key);
        }
        sheet.mergeList = sheet.mergeList.filter((m) => !intersect(m, p));
        sheet.mergeList.push(p);
      }
    });
  }

  unmerge(): void {
    this._call("unmerge", [], ({ sheet, rect: r }: RangeRef, x) => {
      sheet.assertAllowed(null, x.location);
      sheet.mergeList = sheet.mergeList.filter((m) => !intersect(m, r));
    });
  }

  select(): void {
    this._call("select", [], (e: RangeRef, x) => {
      if (e.sheet.visibility !== "Visible")
        throw invalidOperation("A range on a hidden sheet cannot be selected.", x.location);
      e.sheet.workbook.selected = new RangeRef(e.sheet, e.rect);
      e.sheet.workbook.activeSheet = e.sheet;
    });
  }

  calculate(): void {
    this._call("calculate", [], () => undefined);
  }

  insert(_shift: string): Range {
    throw notModelled("Range.insert");
  }

  delete(_shift: string): void {
    throw notModelled("Range.delete");
  }

  copyFrom(): void {
    throw notModelled("Range.copyFrom");
  }
}

function sameSheet(e: RangeRef, other: Range | string, x: Exec): Rect {
  const o = rangeArg(other, e.sheet, x);
  if (o.sheet !== e.sheet) throw invalidArgument("The ranges are on different sheets.", x.location);
  return o.rect;
}

function usedWithin(e: RangeRef, valuesOnly: boolean): Rect | null {
  const used = e.sheet.usedRect(valuesOnly);
  return used ? intersect(used, e.rect) : null;
}

/** Keys of a map of cells that fall inside a rectangle. */
function keysIn(map: Map<number, unknown>, r: Rect): number[] {
  return [...map.keys()].filter((key) => {
    const row = Math.floor(key / MAX_COLS);
    const col = key % MAX_COLS;
    return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
  });
}

/**
 * Range.clear (Excel.ClearApplyTo): All clears contents, formats and hyperlinks; Contents keeps formats and
 * hyperlinks; Formats keeps values; Hyperlinks keeps contents and formats; RemoveHyperlinks removes links
 * and formatting but keeps contents.
 */
function clearRange(e: RangeRef, applyTo: string, x: Exec): void {
  const { sheet, rect: r } = e;
  const contents = ["All", "Contents", "ResetContents"].includes(applyTo);
  const formats = ["All", "Formats", "RemoveHyperlinks"].includes(applyTo);
  const links = ["All", "Hyperlinks", "RemoveHyperlinks"].includes(applyTo);
  if (!contents && !formats && !links)
    throw invalidArgument(`Bad applyTo '${applyTo}'.`, x.location);
  if (contents) sheet.assertEditable(r, x.location);
  if (formats) sheet.assertAllowed("allowFormatCells", x.location);
  if (contents) {
    for (const key of keysIn(sheet.cells, r)) sheet.cells.delete(key);
    syncTableHeaders(sheet, r);
    updateCalculatedColumns(sheet, r);
  }
  if (formats) {
    for (const prop of Object.keys(STYLE_DEFAULTS) as StyleProp[]) {
      sheet.styles.setRange(prop, r, STYLE_DEFAULTS[prop as keyof typeof STYLE_DEFAULTS]);
    }
    for (const prop of sheet.styles.props())
      if (prop.startsWith("border")) sheet.styles.setRange(prop, r, null);
  }
  if (links) for (const key of keysIn(sheet.hyperlinks, r)) sheet.hyperlinks.delete(key);
}

const LINK_FIELDS = ["address", "documentReference", "screenTip", "textToDisplay"];
/** Office's theme colour for hyperlinks (the Hyperlink cell style). */
const HYPERLINK_COLOR = "#0563C1";

/** The link every cell of the range shares, or null (no link, or cells that differ). */
function readHyperlink(e: RangeRef): HyperlinkData | null {
  if (isUnbounded(e.rect)) return null;
  const first = e.sheet.hyperlinks.get(cellKey(e.rect.r0, e.rect.c0));
  if (!first) return null;
  const json = JSON.stringify(first);
  for (let row = e.rect.r0; row <= e.rect.r1; row++)
    for (let col = e.rect.c0; col <= e.rect.c1; col++)
      if (JSON.stringify(e.sheet.hyperlinks.get(cellKey(row, col))) !== json) return null;
  return { ...first };
}

/**
 * Range.hyperlink (ExcelApi 1.7): the link goes on every cell of the range, textToDisplay into the top-left
 * cell, and the cells take the Hyperlink style's blue underline (Microsoft's range-hyperlink snippet resets
 * both after clear('Hyperlinks'), which "does not update text format").
 */
function writeHyperlink(e: RangeRef, v: unknown, x: Exec): void {
  const { sheet, rect: r } = e;
  assertBounded(r, x.location);
  if (!v || typeof v !== "object" || Array.isArray(v))
    throw invalidArgument(
      "A hyperlink is an object { address, documentReference, … }.",
      x.location
    );
  const link: HyperlinkData = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined || val === null) continue;
    if (!LINK_FIELDS.includes(k) || typeof val !== "string")
      throw invalidArgument(`Bad hyperlink field '${k}'.`, x.location);
    link[k as keyof HyperlinkData] = val;
  }
  if (!link.address && !link.documentReference)
    throw invalidArgument("A hyperlink needs an address or a documentReference.", x.location);
  sheet.assertAllowed("allowInsertHyperlinks", x.location);
  for (let row = r.r0; row <= r.r1; row++)
    for (let col = r.c0; col <= r.c1; col++) sheet.hyperlinks.set(cellKey(row, col), { ...link });
  const topLeft = sheet.getCell(r.r0, r.c0);
  const text =
    link.textToDisplay ??
    (topLeft === undefined ? (link.address ?? link.documentReference) : undefined);
  if (text !== undefined) sheet.putCell(r.r0, r.c0, { v: text });
  sheet.styles.setRange("underline", r, "Single");
  sheet.styles.setRange("fontColor", r, HYPERLINK_COLOR);
  syncTableHeaders(sheet, r);
}

const rangeProps: Record<string, PropSpec<RangeRef>> = {
  address: { get: (e) => qualify(e.sheet.name, e.rect) },
  addressLocal: { get: (e) => qualify(e.sheet.name, e.rect) },
  cellCount: { get: (e) => rowCount(e.rect) * colCount(e.rect) },
  rowCount: { get: (e) => rowCount(e.rect) },
  columnCount: { get: (e) => colCount(e.rect) },
  rowIndex: { get: (e) => e.rect.r0 },
  columnIndex: { get: (e) => e.rect.c0 },
  isEntireColumn: { get: (e) => isEntireColumns(e.rect) },
  isEntireRow: { get: (e) => isEntireRows(e.rect) },
  values: { get: cells((s, r, c) => s.valueAt(r, c)), set: (e, v, x) => writeContents(e, v, x) },
  formulas: {
    get: cells((s, r, c) => s.formulaAt(r, c)),
    set: (e, v, x) => writeContents(e, v, x),
  },
  formulasLocal: {
    get: cells((s, r, c) => s.formulaAt(r, c)),
    set: (e, v, x) => writeContents(e, v, x),
  },
  numberFormat: {
    get: cells((s, r, c) => s.styles.get("numberFormat", r, c)),
    set: (e, v, x) => writeNumberFormat(e, v, x),
  },
  numberFormatLocal: {
    get: cells((s, r, c) => s.styles.get("numberFormat", r, c)),
    set: (e, v, x) => writeNumberFormat(e, v, x),
  },
  text: { get: cells((s, r, c) => s.textAt(r, c)) },
  valueTypes: { get: cells(valueType) },
  hyperlink: { get: (e) => readHyperlink(e), set: (e, v, x) => writeHyperlink(e, v, x) },
  left: { get: (e) => span(e.sheet.colWidths, e.sheet.defaultColWidth, 0, e.rect.c0 - 1) },
  top: { get: (e) => span(e.sheet.rowHeights, e.sheet.defaultRowHeight, 0, e.rect.r0 - 1) },
  width: { get: (e) => span(e.sheet.colWidths, e.sheet.defaultColWidth, e.rect.c0, e.rect.c1) },
  height: { get: (e) => span(e.sheet.rowHeights, e.sheet.defaultRowHeight, e.rect.r0, e.rect.r1) },
  columnHidden: {
    get: (e) => all(e.rect.c0, e.rect.c1, (c) => e.sheet.hiddenCols.has(c)),
    set: (e, v, x) =>
      hide(e.sheet.hiddenCols, e.rect.c0, e.rect.c1, v, e.sheet, "allowFormatColumns", x),
  },
  rowHidden: {
    get: (e) => all(e.rect.r0, e.rect.r1, (r) => e.sheet.hiddenRows.has(r)),
    set: (e, v, x) =>
      hide(e.sheet.hiddenRows, e.rect.r0, e.rect.r1, v, e.sheet, "allowFormatRows", x),
  },
  hidden: {
    get: (e) =>
      all(e.rect.c0, e.rect.c1, (c) => e.sheet.hiddenCols.has(c)) ||
      all(e.rect.r0, e.rect.r1, (r) => e.sheet.hiddenRows.has(r)),
  },
};

function all(lo: number, hi: number, test: (i: number) => boolean): boolean {
  for (let i = lo; i <= hi; i++) if (!test(i)) return false;
  return true;
}

function hide(
  set: Set<number>,
  lo: number,
  hi: number,
  v: unknown,
  sheet: SheetState,
  permission: keyof ProtectionOptions,
  x: Exec
): void {
  if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
  sheet.assertAllowed(permission, x.location);
  for (let i = lo; i <= hi; i++) {
    if (v) set.add(i);
    else set.delete(i);
  }
}

defineClass(Range, {
  name: "Range",
  props: rangeProps,
  nav: {
    format: (p) => p._child(RangeFormat, "format", [], (e) => e),
    dataValidation: (p) => p._child(DataValidation, "dataValidation", [], (e) => e),
    conditionalFormats: (p) =>
      p._child(ConditionalFormatCollection, "conditionalFormats", [], (e) => e),
    worksheet: (p) => p._child(Worksheet, "worksheet", [], (e: RangeRef) => e.sheet),
  },
});
