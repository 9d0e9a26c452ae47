/** A1 addresses: parsing, formatting, sheet-name quoting and rectangle arithmetic. */
import {
  columnIndex as lettersToCol,
  columnLetter as colToLetters,
} from "../../../src/core/snapshot";
import { invalidArgument } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Zero-based, inclusive rectangle on one sheet. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0, c0, r1, c1 };
}

// Column letters are the product's own helpers: the fake and the add-in must agree on them.
export {
  columnLetter as colToLetters,
  columnIndex as lettersToCol,
} from "../../../src/core/snapshot";

export function cellName(row: number, col: number, absolute = false): string {
  return absolute ? `$${colToLetters(col)}$${row + 1}` : `${colToLetters(col)}${row + 1}`;
}

export const rowCount = (r: Rect): number => r.r1 - r.r0 + 1;
export const colCount = (r: Rect): number => r.c1 - r.c0 + 1;
export const cellCount = (r: Rect): number => rowCount(r) * colCount(r);
export const isEntireColumns = (r: Rect): boolean => r.r0 === 0 && r.r1 === MAX_ROWS - 1;
export const isEntireRows = (r: Rect): boolean => r.c0 === 0 && r.c1 === MAX_COLS - 1;
/** Entire columns or rows: Excel returns null for cell-level properties and rejects writes. */
export const isUnbounded = (r: Rect): boolean => isEntireColumns(r) || isEntireRows(r);

/** Address of a rectangle as Excel prints it: A1, A1:B2, E:E, 3:5. */
export function formatRect(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isEntireColumns(r) && !isEntireRows(r)) {
    return `${d}${colToLetters(r.c0)}:${d}${colToLetters(r.c1)}`;
  }
  if (isEntireRows(r)) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  const a = cellName(r.r0, r.c0, absolute);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${cellName(r.r1, r.c1, absolute)}`;
}

const CELL_LIKE = /^([A-Za-z]{1,3})(\d+)$/;

/** A1 cell (within the sheet's limits) or R1C1-style text such as R, C, R1C1: not usable as a bare name. */
export function looksLikeReference(name: string): boolean {
  const m = CELL_LIKE.exec(name);
  if (m && lettersToCol(m[1]) < MAX_COLS && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROWS)
    return true;
  return /^[Rr]\d*[Cc]?\d*$/.test(name) || /^[Cc]\d*$/.test(name);
}

/** Sheet names are quoted when they hold non-word characters, start with a digit or dot, or look like a reference. */
export function needsQuotes(name: string): boolean {
  return /[^\p{L}\p{N}_.]/u.test(name) || /^[\d.]/.test(name) || looksLikeReference(name);
}

export function quoteSheetName(name: string): string {
  return needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** Sheet-qualified address, e.g. 'Annex A'!A1:P94 or Settings!$B$5. */
export function qualify(sheetName: string, r: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(r, absolute)}`;
}

export interface ParsedAddress {
  sheet: string | null;
  rect: Rect;
}

/** Split "'Annex A'!B2:C5" into the sheet name (unquoted) and the reference part. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i] !== "'" || s[i + 1] !== "!") throw invalidArgument(`Bad address '${address}'.`);
    return { sheet: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  return bang < 0 ? { sheet: null, ref: s } : { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { col?: number; row?: number } | null {
  const m = PART.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] !== undefined ? lettersToCol(m[1]) : undefined;
  const row = m[2] !== undefined ? Number(m[2]) - 1 : undefined;
  if (col !== undefined && (col < 0 || col >= MAX_COLS)) return null;
  if (row !== undefined && (row < 0 || row >= MAX_ROWS)) return null;
  return { col, row };
}

/** Parse a single-area A1 address; throws InvalidArgument like Excel for anything else. */
export function parseAddress(address: string): ParsedAddress {
  const { sheet, ref } = splitSheet(address);
  const parts = ref.split(":");
  if (parts.length < 1 || parts.length > 2 || ref.includes(","))
    throw invalidArgument(`Bad address '${address}'.`);
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) throw invalidArgument(`Bad address '${address}'.`);
  let r: Rect;
  if (a.col !== undefined && a.row !== undefined && b.col !== undefined && b.row !== undefined) {
    r = rect(a.row, a.col, b.row, b.col);
  } else if (
    a.row === undefined &&
    b.row === undefined &&
    a.col !== undefined &&
    b.col !== undefined &&
    parts.length === 2
  ) {
    r = rect(0, a.col, MAX_ROWS - 1, b.col);
  } else if (
    a.col === undefined &&
    b.col === undefined &&
    a.row !== undefined &&
    b.row !== undefined &&
    parts.length === 2
  ) {
    r = rect(a.row, 0, b.row, MAX_COLS - 1);
  } else {
    throw invalidArgument(`Bad address '${address}'.`);
  }
  return { sheet, rect: normalise(r) };
}

export function normalise(r: Rect): Rect {
  return rect(
    Math.min(r.r0, r.r1),
    Math.min(r.c0, r.c1),
    Math.max(r.r0, r.r1),
    Math.max(r.c0, r.c1)
  );
}

export function inSheet(r: Rect): boolean {
  return (
    r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLS && r.r0 <= r.r1 && r.c0 <= r.c1
  );
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1
  );
}

export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = rect(
    Math.max(a.r0, b.r0),
    Math.max(a.c0, b.c0),
    Math.min(a.r1, b.r1),
    Math.min(a.c1, b.c1)
  );
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

export const overlaps = (a: Rect, b: Rect): boolean => intersect(a, b) !== null;

export function boundingRect(a: Rect, b: Rect): Rect {
  return rect(
    Math.min(a.r0, b.r0),
    Math.min(a.c0, b.c0),
    Math.max(a.r1, b.r1),
    Math.max(a.c1, b.c1)
  );
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

/** a minus b as up to four rectangles (top, bottom, left, right bands). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (i.r0 > a.r0) out.push(rect(a.r0, a.c0, i.r0 - 1, a.c1));
  if (i.r1 < a.r1) out.push(rect(i.r1 + 1, a.c0, a.r1, a.c1));
  if (i.c0 > a.c0) out.push(rect(i.r0, a.c0, i.r1, i.c0 - 1));
  if (i.c1 < a.c1) out.push(rect(i.r0, i.c1 + 1, i.r1, a.c1));
  return out;
}

/** Parse "A1" (no sheet) to row/col; used by the test-facing state API. */
export function parseCell(a1: string): { row: number; col: number } {
  const { rect: r } = parseAddress(a1);
  return { row: r.r0, col: r.c0 };
}
