// Edits one worksheet part in place, as text: the cells the reconcile writes are replaced (their
// style kept), new rows are inserted in row order, and everything else in the part — other cells,
// row attributes, formats, links, notes, rules — is copied through byte for byte. Only what this
// module can do safely is done; anything else is reported so the full path can take over.
import type { CellValue } from "../../core/snapshot";
import { cellAddress, columnIndex } from "../../core/snapshot";
import type { PlanCell, RangeFormat } from "../../core/layout/workbookPlan";
import { escapeForExcelJs } from "../package/xstring";

/** A cell the reconcile writes: the planned cell (undefined = empty it). */
export interface CellEdit {
  cell: PlanCell | undefined;
  /** For a new row: the sheet row whose cell in this column gives the style. */
  styleFromRow?: number;
  /** The plan's formats over a cell that held nothing before, applied on top of its style. */
  formats?: RangeFormat[];
}

export interface SheetEdits {
  /** 0-based row → 0-based column → edit. */
  cells: Map<number, Map<number, CellEdit>>;
  /** Attributes of rows this run adds (0-based row → e.g. ` ht="30" customHeight="1"`). */
  newRowAttributes: Map<number, string>;
}

export class PatchUnsupported extends Error {}

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text for XML content: markup characters as entities, control characters as `_xHHHH_`. */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[&<>"]/g, (c) => XML_ESCAPES[c])
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
    );
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new PatchUnsupported(`the number ${n} cannot be stored`);
  return String(n);
}

/** Escaped formula texts: a table column repeats one formula on each of its rows. */
const FORMULA_XML = new Map<string, string>();

function formulaXml(formula: string): string {
  let xml = FORMULA_XML.get(formula);
  if (xml === undefined) {
    xml = escapeText(formula.replace(/^=/, ""));
    if (FORMULA_XML.size >= 10_000) FORMULA_XML.clear();
    FORMULA_XML.set(formula, xml);
  }
  return xml;
}

/** The `<c>` element for a planned cell at `address` with style attribute `style`. */
export function cellXml(address: string, style: string, cell: PlanCell | undefined): string {
  const s = style ? ` s="${style}"` : "";
  if (cell?.formula !== undefined)
    return `<c r="${address}"${s}><f>${formulaXml(cell.formula)}</f></c>`;
  const value: CellValue = cell?.value ?? null;
  if (value === null || value === "") return `<c r="${address}"${s}/>`;
  if (typeof value === "number") return `<c r="${address}"${s}><v>${numberText(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${address}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = escapeText(escapeForExcelJs(value));
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${address}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const R_ATTR = /\br="([^"]*)"/;
const S_ATTR = /\bs="(\d+)"/;

interface ParsedCell {
  col: number;
  xml: string;
  style: string;
  attrs: string;
  body: string;
}

function parseCells(rowBody: string, row: number, sheet: string): ParsedCell[] {
  const out: ParsedCell[] = [];
  CELL.lastIndex = 0;
  for (let m = CELL.exec(rowBody); m; m = CELL.exec(rowBody)) {
    const ref = R_ATTR.exec(m[1])?.[1];
    const at = ref ? /^([A-Z]{1,3})(\d+)$/.exec(ref) : null;
    if (!at || Number(at[2]) !== row + 1)
      throw new PatchUnsupported(`sheet "${sheet}" row ${row + 1} has a cell without its address`);
    out.push({
      col: columnIndex(at[1]),
      xml: m[0],
      style: S_ATTR.exec(m[1])?.[1] ?? "",
      attrs: m[1],
      body: m[2] ?? "",
    });
  }
  return out;
}

/** A cell whose formula other cells share, or an array formula: not rewritten here. */
function isSharedOrArrayFormula(cell: ParsedCell): boolean {
  const f = /<f\b([^>]*)>/.exec(cell.body)?.[1] ?? "";
  return /\bt="array"/.test(f) || (/\bt="shared"/.test(f) && /\bref="/.test(f));
}

const CELL_AT = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/y;

/**
 * The row's cells with each edited one replaced, when every edited cell is in the row (found by
 * its `r`); null when one is missing (a new cell must go in column order: the caller parses).
 */
function replaceCells(
  body: string,
  row: number,
  line: Map<number, CellEdit>,
  write: (col: number, edit: CellEdit, existing: ParsedCell) => string
): string | null {
  const found: { start: number; end: number; col: number; cell: ParsedCell }[] = [];
  for (const col of line.keys()) {
    const address = cellAddress(row, col);
    const at = body.indexOf(`<c r="${address}"`);
    if (at < 0 || body.indexOf(`<c r="${address}"`, at + 1) >= 0) return null;
    CELL_AT.lastIndex = at;
    const m = CELL_AT.exec(body);
    if (!m || R_ATTR.exec(m[1])?.[1] !== address) return null;
    found.push({
      start: at,
      end: at + m[0].length,
      col,
      cell: { col, xml: m[0], style: S_ATTR.exec(m[1])?.[1] ?? "", attrs: m[1], body: m[2] ?? "" },
    });
  }
  found.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const f of found) {
    out.push(body.slice(at, f.start), write(f.col, line.get(f.col) as CellEdit, f.cell));
    at = f.end;
  }
  out.push(body.slice(at));
  return out.join("");
}

const ROW_OPEN = "<row";
const ROW_CLOSE = "</row>";
const GREATER = 0x3e;
const SLASH = 0x2f;

/** What `\b` needs after a tag name: a byte that is not a word character (or none). */
function endsName(code: number | undefined): boolean {
  if (code === undefined) return true;
  const lower = code | 0x20;
  return !((lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f);
}

/** Where a worksheet's cell data is, and the XML before and after it as text. */
export interface SheetSplit {
  /** Up to and including the `<sheetData …>` open tag (`<sheetData>` for a self-closed one). */
  head: string;
  /** From `</sheetData>` on. */
  tail: string;
  /** The byte range of the rows: [bodyStart, bodyEnd); empty for a self-closed `<sheetData/>`. */
  bodyStart: number;
  bodyEnd: number;
}

/** Receives a patched part in order, as text and as bytes. */
export interface PartSink {
  text(text: string): void;
  bytes(bytes: Buffer): void;
}

/** Splits a worksheet part (UTF-8 bytes) around its cell data; throws PatchUnsupported. */
export function splitSheet(bytes: Buffer, sheet: string): SheetSplit {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    throw new PatchUnsupported(`sheet "${sheet}" is stored as UTF-16`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const open = bytes.indexOf("<sheetData", bom);
  const close = bytes.lastIndexOf("</sheetData>");
  const openEnd = open < 0 ? -1 : bytes.indexOf(GREATER, open) + 1;
  const selfClosed =
    open >= 0 &&
    close < 0 &&
    openEnd > 0 &&
    /^<sheetData\s*\/>$/.test(bytes.toString("latin1", open, openEnd));
  if (open < 0 || openEnd <= 0 || (close < 0 && !selfClosed))
    throw new PatchUnsupported(`sheet "${sheet}" has no plain <sheetData>`);
  if (selfClosed)
    return {
      head: `${bytes.toString("utf8", bom, open)}<sheetData>`,
      tail: `</sheetData>${bytes.toString("utf8", openEnd)}`,
      bodyStart: openEnd,
      bodyEnd: openEnd,
    };
  return {
    head: bytes.toString("utf8", bom, openEnd),
    tail: bytes.toString("utf8", close),
    bodyStart: openEnd,
    bodyEnd: close,
  };
}

/** The last row `edits` writes (0-based), or -1: what the patch's `lastRow` will be. */
export function lastEditedRow(edits: SheetEdits): number {
  let last = -1;
  for (const row of edits.cells.keys()) last = Math.max(last, row);
  return last;
}

/**
 * Writes the rows of a worksheet part (UTF-8 bytes, split by splitSheet) with `edits` applied
 * to `out`. Rows are found by byte search; only the rows that change are decoded, edited as text
 * and written as text, the rest go out as slices of `bytes`. Throws PatchUnsupported for what it
 * cannot do safely (an address-less layout, a shared-formula master, a new cell with no style).
 */
export function patchRows(
  bytes: Buffer,
  split: SheetSplit,
  edits: SheetEdits,
  sheet: string,
  restyle: (style: string, formats: RangeFormat[]) => string,
  out: PartSink
): { written: number; lastRow: number } {
  const { bodyStart, bodyEnd } = split;
  const rowsWanted = [...edits.cells.keys()].sort((a, b) => a - b);
  // Rows whose styles new rows copy: recorded as they pass.
  const styleRows = new Set<number>();
  for (const line of edits.cells.values())
    for (const e of line.values()) if (e.styleFromRow !== undefined) styleRows.add(e.styleFromRow);
  const stylesOf = new Map<number, Map<number, string>>();
  const text = (xml: string): void => out.text(xml);
  const slice = (start: number, end: number): void => {
    if (end > start) out.bytes(bytes.subarray(start, end));
  };
  let copied = bodyStart;
  let written = 0;
  let lastRow = -1;
  let next = 0; // index into rowsWanted

  const styleFor = (row: number, col: number, edit: CellEdit, existing?: ParsedCell): string => {
    if (edit.styleFromRow !== undefined) return stylesOf.get(edit.styleFromRow)?.get(col) ?? "";
    if (edit.formats?.length) return restyle(existing?.style ?? "", edit.formats);
    return existing?.style ?? "";
  };
  const newRow = (row: number): string => {
    const line = edits.cells.get(row) as Map<number, CellEdit>;
    const cells = [...line.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([col, edit]) => {
        written++;
        return cellXml(cellAddress(row, col), styleFor(row, col, edit), edit.cell);
      });
    lastRow = Math.max(lastRow, row);
    return `<row r="${row + 1}"${edits.newRowAttributes.get(row) ?? ""}>${cells.join("")}</row>`;
  };
  for (let at = bytes.indexOf(ROW_OPEN, bodyStart); at >= 0 && at < bodyEnd;) {
    if (!endsName(bytes[at + ROW_OPEN.length])) {
      at = bytes.indexOf(ROW_OPEN, at + ROW_OPEN.length);
      continue;
    }
    const gt = bytes.indexOf(GREATER, at);
    if (gt < 0 || gt >= bodyEnd)
      throw new PatchUnsupported(`sheet "${sheet}" has a row that is not closed`);
    const selfClosing = bytes[gt - 1] === SLASH;
    const tag = bytes.toString("utf8", at, gt + 1);
    const attrs = tag.slice(ROW_OPEN.length, selfClosing ? -2 : -1);
    const r = R_ATTR.exec(attrs)?.[1];
    if (!r || !/^\d+$/.test(r))
      throw new PatchUnsupported(`sheet "${sheet}" has a row without its number`);
    const row = Number(r) - 1;
    const tagEnd = gt + 1;
    const end = selfClosing ? tagEnd : bytes.indexOf(ROW_CLOSE, tagEnd);
    if (end < 0) throw new PatchUnsupported(`sheet "${sheet}" row ${row + 1} is not closed`);
    const rowEnd = selfClosing ? tagEnd : end + ROW_CLOSE.length;
    // New rows that go before this one.
    while (next < rowsWanted.length && rowsWanted[next] < row) {
      const wanted = rowsWanted[next++];
      slice(copied, at);
      text(newRow(wanted));
      copied = at;
    }
    const edited = next < rowsWanted.length && rowsWanted[next] === row;
    if (edited && !styleRows.has(row) && !selfClosing) {
      // Most edits replace cells that are there: found by address, the rest copied as it is.
      const line = edits.cells.get(row) as Map<number, CellEdit>;
      const cells = replaceCells(
        bytes.toString("utf8", tagEnd, end),
        row,
        line,
        (col, edit, existing) => {
          if (isSharedOrArrayFormula(existing))
            throw new PatchUnsupported(
              `sheet "${sheet}" cell ${cellAddress(row, col)} holds a shared or array formula`
            );
          written++;
          return cellXml(cellAddress(row, col), styleFor(row, col, edit, existing), edit.cell);
        }
      );
      if (cells !== null) {
        next++;
        lastRow = Math.max(lastRow, row);
        slice(copied, tagEnd);
        text(cells);
        copied = end;
        at = bytes.indexOf(ROW_OPEN, rowEnd);
        continue;
      }
    }
    if (styleRows.has(row) || edited) {
      const cells = parseCells(selfClosing ? "" : bytes.toString("utf8", tagEnd, end), row, sheet);
      if (styleRows.has(row)) stylesOf.set(row, new Map(cells.map((c) => [c.col, c.style])));
      if (edited) {
        next++;
        const line = edits.cells.get(row) as Map<number, CellEdit>;
        const byCol = new Map(cells.map((c) => [c.col, c]));
        const cols = [...new Set([...byCol.keys(), ...line.keys()])].sort((a, b) => a - b);
        const parts = cols.map((col) => {
          const edit = line.get(col);
          const existing = byCol.get(col);
          if (!edit) return (existing as ParsedCell).xml;
          if (existing && isSharedOrArrayFormula(existing))
            throw new PatchUnsupported(
              `sheet "${sheet}" cell ${cellAddress(row, col)} holds a shared or array formula`
            );
          written++;
          return cellXml(cellAddress(row, col), styleFor(row, col, edit, existing), edit.cell);
        });
        lastRow = Math.max(lastRow, row);
        // A new cell may fall outside the row's `spans` hint: the hint goes (it is optional).
        const openTag = (selfClosing ? tag.replace(/\/>$/, ">") : tag).replace(
          /\s+spans="[^"]*"/,
          ""
        );
        slice(copied, at);
        text(`${openTag}${parts.join("")}</row>`);
        copied = rowEnd;
      }
    }
    at = bytes.indexOf(ROW_OPEN, rowEnd);
  }
  slice(copied, bodyEnd);
  while (next < rowsWanted.length) text(newRow(rowsWanted[next++]));
  return { written, lastRow };
}
