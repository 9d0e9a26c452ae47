// The common case of ./sheetCells without a general XML parser: cells that hold only `<v>` and
// `<f>` (what Excel, LibreOffice, openpyxl and our own files write for numbers, shared strings,
// booleans, errors and formulas) are read with a few regular expressions, 32 KB of the part at
// a time; any other cell (inline strings, rich text) goes through ./sheetCells. Parts with
// comments, CDATA or carriage returns inside are left to ./sheetCells entirely (the XML rules for
// those are saxes's job).
import { StringDecoder } from "string_decoder";
import { WorkbookReadError } from "../../core/errors";
import { parseCellAddress } from "../../core/snapshot";
import { attributesOf } from "../package/relationships";
import { readSheetCells, type RawCell } from "./sheetCells";

/** Small enough that each decoded piece is a young-generation string, freed at once (1 MB
 * pieces went to V8's large-object space and took peak memory on a 50,000-row file past 1 GB). */
const CHUNK_BYTES = 1 << 15;
const TOKEN = /<(row|c)(?=[\s/>])([^>]*?)(\/?)>|<\/sheetData\s*>/g;
const CONTENT = /\s*<(f|v)(?=[\s/>])([^>]*?)(?:\/>|>([^<]*)<\/\1\s*>)\s*/y;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_m, hex?: string, dec?: string, name?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : NAMED[name as string]
  );
}

const NO_ATTRIBUTES: Record<string, string> = {};
const CELL_ATTRIBUTE = /(?:^|\s)(r|s|t)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

interface CellAttributes {
  r?: string;
  s?: string;
  t?: string;
}

const SPACE = 0x20;
const QUOTE = 0x22;
const EQUALS = 0x3d;
const APOSTROPHE = 0x27;

/** Where simpleCellAttributes found the `r`, `s` and `t` values: [start, end), start -1 if absent. */
const found = { rStart: -1, rEnd: -1, sStart: -1, sEnd: -1, tStart: -1, tEnd: -1 };

/**
 * The common shape of a cell's attributes, ` name="value"` pairs split by single spaces, read by
 * character into `found` (no strings made); false for any other shape (other white space,
 * single quotes, a value holding `=` or `'`, where CELL_ATTRIBUTE could match inside it), which
 * CELL_ATTRIBUTE then reads. As with CELL_ATTRIBUTE, a repeated name keeps its last value.
 */
function simpleCellAttributes(attrs: string): boolean {
  found.rStart = found.rEnd = found.sStart = found.sEnd = found.tStart = found.tEnd = -1;
  const end = attrs.length;
  let at = 0;
  while (at < end) {
    if (attrs.charCodeAt(at) !== SPACE) return false;
    at++;
    if (at === end) return true;
    const nameStart = at;
    let code = attrs.charCodeAt(at);
    while (code !== EQUALS && code !== SPACE && code !== QUOTE && code !== APOSTROPHE && at < end)
      code = attrs.charCodeAt(++at);
    if (code !== EQUALS || at === nameStart || attrs.charCodeAt(at + 1) !== QUOTE) return false;
    const nameEnd = at;
    const valueStart = at + 2;
    at = valueStart;
    code = attrs.charCodeAt(at);
    while (code !== QUOTE && at < end) {
      if (code === EQUALS || code === APOSTROPHE) return false;
      code = attrs.charCodeAt(++at);
    }
    if (at === end) return false;
    if (nameEnd - nameStart === 1) {
      const name = attrs.charCodeAt(nameStart);
      if (name === 0x72) {
        found.rStart = valueStart;
        found.rEnd = at;
      } else if (name === 0x73) {
        found.sStart = valueStart;
        found.sEnd = at;
      } else if (name === 0x74) {
        found.tStart = valueStart;
        found.tEnd = at;
      }
    }
    at++;
  }
  return true;
}

/** The `r`, `s` and `t` of a `<c>` (their values never hold entities). */
function cellAttributes(attrs: string): CellAttributes {
  const out: CellAttributes = {};
  if (simpleCellAttributes(attrs)) {
    if (found.rStart >= 0) out.r = attrs.slice(found.rStart, found.rEnd);
    if (found.sStart >= 0) out.s = attrs.slice(found.sStart, found.sEnd);
    if (found.tStart >= 0) out.t = attrs.slice(found.tStart, found.tEnd);
    return out;
  }
  CELL_ATTRIBUTE.lastIndex = 0;
  for (let m = CELL_ATTRIBUTE.exec(attrs); m; m = CELL_ATTRIBUTE.exec(attrs))
    out[m[1] as "r" | "s" | "t"] = m[2] ?? m[3];
  return out;
}

/**
 * 0-based column of the A1 reference in text[start, end), or -1 when it is not one to three
 * letters and one to nine digits (with `$`, spaces or more digits parseCellAddress decides).
 */
function simpleColumn(text: string, start: number, end: number): number {
  let col = 0;
  let at = start;
  for (; at < end && at < start + 4; at++) {
    const code = text.charCodeAt(at) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (at === start || at > start + 3) return -1;
  const digits = end - at;
  if (digits < 1 || digits > 9) return -1;
  for (; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x30 || code > 0x39) return -1;
  }
  return col - 1;
}

/** The number the digits of text[start, end) make (letters skipped), less one. */
function digitsLessOne(text: string, start: number, end: number): number {
  let n = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 0x30 && code <= 0x39) n = n * 10 + (code - 0x30);
  }
  return n - 1;
}

/** parseInt(text[start, end), 10), by character when it is one to nine digits. */
function styleIndex(text: string, start: number, end: number): number {
  if (end - start > 9) return parseInt(text.slice(start, end), 10);
  let n = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x30 || code > 0x39) return parseInt(text.slice(start, end), 10);
    n = n * 10 + (code - 0x30);
  }
  return n;
}

/** Cell types as one string each (not a slice of the sheet per cell). */
const CELL_TYPES = new Map(["s", "str", "n", "b", "e", "inlineStr", "d"].map((t) => [t, t]));

function cellType(text: string, start: number, end: number): string {
  const t = text.slice(start, end);
  return CELL_TYPES.get(t) ?? t;
}

/** True when the fast reader can take the part: no comments, CDATA or carriage returns. */
export function fastReadable(xml: string | Buffer): boolean {
  return !hasCommentOrCData(xml) && !xml.includes("\r");
}

/** Whether `xml` holds `<!--` or `<![CDATA[`, looked for from the rare `!` (`<` is everywhere). */
function hasCommentOrCData(xml: string | Buffer): boolean {
  const text = typeof xml === "string";
  const at = (i: number): number => (text ? xml.charCodeAt(i) : xml[i]);
  const follows = (i: number, what: string): boolean =>
    text ? xml.startsWith(what, i) : xml.toString("latin1", i, i + what.length) === what;
  for (let bang = xml.indexOf("!"); bang >= 0; bang = xml.indexOf("!", bang + 1))
    if (
      bang > 0 &&
      at(bang - 1) === 0x3c &&
      (follows(bang + 1, "--") || follows(bang + 1, "[CDATA["))
    )
      return true;
  return false;
}

/** Reads the cells of a worksheet part that passes `fastReadable`, in document order. */
export function scanSheetCells(
  xml: string | Buffer,
  onCell: (cell: RawCell) => void,
  label: string,
  part: string
): void {
  let phase = "before" as "before" | "cells" | "after";
  let row = 0;
  let col = -1;
  let carry = "";

  /** Per column, the last formula as stored and decoded: a table repeats it on every row. */
  const lastStored: string[] = [];
  const lastDecoded: string[] = [];
  const cellOf = (attrs: string, content: string): RawCell | null => {
    let at: { row: number; col: number };
    let type: string | undefined;
    let style: number;
    if (simpleCellAttributes(attrs)) {
      const { rStart, rEnd, sStart, sEnd, tStart, tEnd } = found;
      const simple = rEnd > rStart ? simpleColumn(attrs, rStart, rEnd) : -1;
      if (simple >= 0) at = { row: digitsLessOne(attrs, rStart, rEnd), col: simple };
      else if (rEnd > rStart) at = parseCellAddress(attrs.slice(rStart, rEnd));
      else at = { row, col: col + 1 };
      type = tStart >= 0 ? cellType(attrs, tStart, tEnd) : undefined;
      style = sEnd > sStart ? styleIndex(attrs, sStart, sEnd) : 0;
    } else {
      const a = cellAttributes(attrs);
      at = a.r ? parseCellAddress(a.r) : { row, col: col + 1 };
      type = a.t;
      style = a.s ? parseInt(a.s, 10) : 0;
    }
    col = at.col;
    const cell: RawCell = {
      row: at.row,
      col: at.col,
      type,
      style,
      value: undefined,
      runs: null,
      formula: undefined,
      formulaType: undefined,
      sharedIndex: undefined,
      formulaRef: undefined,
    };
    CONTENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (CONTENT.lastIndex < content.length && (m = CONTENT.exec(content))) {
      if (m[1] === "v") {
        if (m[3]) cell.value = (cell.value ?? "") + decodeText(m[3]);
      } else {
        let text: string | undefined;
        if (m[3] && m[3] === lastStored[at.col]) text = lastDecoded[at.col];
        else if (m[3]) {
          text = decodeText(m[3]);
          lastStored[at.col] = m[3];
          lastDecoded[at.col] = text;
        }
        const fa = m[2] ? attributesOf(m[2]) : NO_ATTRIBUTES;
        cell.formulaType = fa.t;
        cell.sharedIndex = fa.si;
        cell.formulaRef = fa.ref;
        if (text !== undefined) cell.formula = (cell.formula ?? "") + text;
      }
    }
    return CONTENT.lastIndex >= content.length || content.trim() === "" ? cell : null;
  };

  /** A cell with other content: read by the general reader, as a one-cell sheet. */
  const general = (attrs: string, content: string): void => {
    readSheetCells(
      `<worksheet><sheetData><row r="${row + 1}"><c${attrs}>${content}</c></row></sheetData></worksheet>`,
      (cell) => {
        col = cell.col;
        onCell(cell);
      },
      label,
      part
    );
  };

  /** Handles what `text` holds completely; returns where the unfinished rest starts. */
  const take = (text: string): number => {
    let pos = 0;
    if (phase === "before") {
      const open = text.search(/<sheetData(?=[\s/>])/);
      if (open < 0) return Math.max(0, text.length - 16);
      const close = text.indexOf(">", open);
      if (close < 0) return open;
      phase = text[close - 1] === "/" ? "after" : "cells";
      pos = close + 1;
    }
    if (phase !== "cells") return text.length;
    TOKEN.lastIndex = pos;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      if (m[1] === undefined) {
        phase = "after";
        return text.length;
      }
      if (m[1] === "row") {
        const r = /(?:^|\s)r\s*=\s*["'](\d+)["']/.exec(m[2]);
        row = r ? Number(r[1]) - 1 : row + 1;
        col = -1;
        pos = TOKEN.lastIndex;
        continue;
      }
      if (m[3] === "/") {
        // An empty (styled) cell has no value: only its column matters, for cells without `r`.
        const attrs = m[2];
        if (simpleCellAttributes(attrs) && found.rEnd > found.rStart) {
          const simple = simpleColumn(attrs, found.rStart, found.rEnd);
          col = simple >= 0 ? simple : parseCellAddress(attrs.slice(found.rStart, found.rEnd)).col;
        } else {
          const r = cellAttributes(attrs).r;
          col = r ? parseCellAddress(r).col : col + 1;
        }
        pos = TOKEN.lastIndex;
        continue;
      }
      const end = text.indexOf("</c>", TOKEN.lastIndex);
      if (end < 0) return m.index;
      const content = text.slice(TOKEN.lastIndex, end);
      const cell = cellOf(m[2], content);
      if (cell) onCell(cell);
      else general(m[2], content);
      TOKEN.lastIndex = end + 4;
      pos = TOKEN.lastIndex;
    }
    // Keep an unfinished tag for the next piece.
    const lastOpen = text.lastIndexOf("<");
    return lastOpen >= pos ? lastOpen : text.length;
  };

  const feed = (piece: string): void => {
    const text = carry + piece;
    carry = text.slice(take(text));
  };
  if (typeof xml === "string") feed(xml);
  else {
    const decoder = new StringDecoder("utf8");
    const bom = xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? 3 : 0;
    for (let at = bom; at < xml.length && phase !== "after"; at += CHUNK_BYTES)
      feed(decoder.write(xml.subarray(at, Math.min(xml.length, at + CHUNK_BYTES))));
  }
  if (phase === "cells")
    throw new WorkbookReadError(
      `${label} could not be read as an .xlsx workbook: part ${part} is not well-formed XML (its cell data does not end)`,
      "The file may be damaged. Open it in Excel and save it again as .xlsx."
    );
}
