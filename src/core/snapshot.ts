// SheetSnapshot: what an adapter reads from a sheet's used range, host-agnostic.
// validate, remediation and adopt consume it; excel/ and xlsx/ produce it.

export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of values[0][0] on the sheet (the used range may not start at A1). */
  origin: { row: number; col: number };
  /** Raw values; dates are Excel serial numbers; empty cells are null. */
  values: CellValue[][];
  /** The text each cell displays (number format applied): "10.1.1" for a date-mangled id. */
  text: string[][];
  /** Formula text ("=A1*2") where the cell holds a formula, else null. */
  formulas: (string | null)[][];
  /** Merged areas as 0-based sheet coordinates (inclusive). */
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /** Excel tables on the sheet: name and 0-based sheet coordinates, header row included. */
  tables?: { name: string; top: number; left: number; bottom: number; right: number }[];
}

/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of "A", "AA" ... */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based sheet cell. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Parses "B12" to 0-based {row, col}. */
export function parseCellAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not a cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}
