// A1-style references as they appear in a sheet's `sqref` lists (`B2:B1048576 D4 F:F 3:3`), and
// clipping them to a sheet's used extent. Pure string work, no XML.

const EXCEL_ROWS = 1_048_576;
const EXCEL_COLS = 16_384;

/** "A" → 1, "XFD" → 16384 (case-insensitive). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) & 0x1f);
  return n;
}

/** 1 → "A", 16384 → "XFD". */
function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A parsed reference; `whole` when it was written as whole columns (`A:C`) or rows (`3:5`). */
export interface RefRect extends Rect {
  whole: boolean;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

function parsePart(part: string): { col: number | null; row: number | null } | null {
  const m = PART.exec(part);
  if (!m || (m[1] === "" && m[2] === "")) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/** `A1`, `A1:B2`, `A:A` (whole columns), `3:5` (whole rows); null when it is none of these. */
export function parseRef(ref: string): RefRect | null {
  const [a, b = a, extra] = ref.split(":");
  if (extra !== undefined) return null;
  const from = parsePart(a);
  const to = parsePart(b);
  if (!from || !to) return null;
  // Both ends must be of the same kind: cell:cell, col:col or row:row.
  if ((from.col === null) !== (to.col === null) || (from.row === null) !== (to.row === null))
    return null;
  const rect = {
    whole: from.col === null || from.row === null,
    top: from.row ?? 1,
    left: from.col ?? 1,
    bottom: to.row ?? EXCEL_ROWS,
    right: to.col ?? EXCEL_COLS,
  };
  if (rect.top < 1 || rect.left < 1 || rect.bottom < rect.top || rect.right < rect.left)
    return null;
  return rect;
}

function formatRect(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top}`;
  const b = `${columnLetters(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/**
 * Clips each reference of a space-separated `sqref` so it ends within `used` (rows 1..bottom,
 * columns 1..right). The top-left corner of every range stays where it is, because relative
 * formulas in validations and conditional formats are anchored there; a range that starts beyond
 * the used extent keeps just its first row (or column). References it cannot parse are kept.
 * Returns the input itself when nothing needed clipping.
 */
export function clipSqref(sqref: string, used: { bottom: number; right: number }): string {
  const refs = sqref.trim().split(/\s+/);
  let changed = false;
  const out = refs.map((ref) => {
    const rect = parseRef(ref);
    if (!rect) return ref;
    const bottom = Math.max(rect.top, Math.min(rect.bottom, used.bottom));
    const right = Math.max(rect.left, Math.min(rect.right, used.right));
    // Whole-column and whole-row forms are rewritten as cells, which every reader understands.
    if (bottom === rect.bottom && right === rect.right && !rect.whole) return ref;
    changed = true;
    return formatRect({ ...rect, bottom, right });
  });
  return changed ? out.join(" ") : sqref;
}
