// CSV text → SheetSnapshot: papaparse with delimiter detection (comma, semicolon, tab, pipe), quotes and BOM.
// Every field stays text: a CSV has no number formats, and "5.10" must not become 5.1.
import Papa from "papaparse";
import type { CellValue, SheetSnapshot } from "../snapshot";

export interface CsvSnapshotOptions {
  /** Sheet name in the snapshot (the file name is a good choice). */
  name?: string;
  /** Force a delimiter instead of detecting one. */
  delimiter?: string;
}

/** The delimiter papaparse detected (or was given) is handy for reports. */
export interface CsvSnapshot extends SheetSnapshot {
  delimiter: string;
}

/**
 * Decodes file bytes: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text" export);
 * bytes that are not UTF-8 are read as Windows-1252, the usual single-byte Excel CSV encoding.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function csvToSnapshot(text: string, options: CsvSnapshotOptions = {}): CsvSnapshot {
  const source = String(text ?? "").replace(/^\uFEFF/, "");
  // Guess the delimiter on the first lines without blank ones (they would skew the field counts),
  // then parse everything with blank lines kept so row numbers match the file.
  const delimiter =
    options.delimiter ??
    Papa.parse<string[]>(source, {
      delimitersToGuess: [",", ";", "\t", "|"],
      skipEmptyLines: "greedy",
      preview: 50,
    }).meta.delimiter;
  const parsed = Papa.parse<string[]>(source, {
    delimiter: delimiter || ",",
    skipEmptyLines: false,
    dynamicTyping: false,
    header: false,
  });
  const rows = parsed.data.filter((row): row is string[] => Array.isArray(row));
  // Trailing blank lines (a final newline, Excel's padding) are not part of the data.
  let last = rows.length - 1;
  while (last >= 0 && rows[last].every((f) => String(f ?? "").trim() === "")) last--;
  const kept = rows.slice(0, last + 1);
  const width = kept.reduce((w, row) => Math.max(w, row.length), 0);
  const values: CellValue[][] = [];
  const shown: string[][] = [];
  const formulas: (string | null)[][] = [];
  for (const row of kept) {
    const v: CellValue[] = [];
    const t: string[] = [];
    for (let c = 0; c < width; c++) {
      const field = String(row[c] ?? "");
      v.push(field === "" ? null : field);
      t.push(field);
    }
    values.push(v);
    shown.push(t);
    formulas.push(new Array<string | null>(width).fill(null));
  }
  return {
    name: options.name ?? "CSV",
    origin: { row: 0, col: 0 },
    values,
    text: shown,
    formulas,
    merges: [],
    tables: [],
    delimiter: parsed.meta.delimiter || ",",
  };
}
