// The size limits every .xlsx we open must stay within, checked on the zip package before ExcelJS
// expands anything, and the messages that name the file, the part or sheet, the limit and the fix.
// ExcelJS holds a whole workbook in memory (about 1.5 KB per row and 0.4 KB per cell, measured on
// 4.4.0), so these numbers bound what one read can cost: well under 2 GB and a few seconds of
// checking. A gap assessment is a few hundred rows; an imported template a few thousand.
import { WorkbookReadError } from "../../core/errors";

const MiB = 1024 * 1024;

/**
 * Largest .xlsx file (compressed, on disk). Checked with fs.stat before the file is read. An
 * assessment is under 2 MB; a sheet of a million cells is 5 MB; the rest leaves room for pictures
 * (evidence screenshots) which cost little once loaded.
 */
export const MAX_FILE_BYTES = 100 * MiB;

/**
 * Most bytes all parts may hold once inflated. Checked against the sizes the zip declares before
 * anything is inflated, and against the bytes actually produced while inflating (a part that
 * produces more than it declared is refused on the spot). A million cells are about 50 MiB of XML;
 * ExcelJS turns every XML part into one string, and V8 strings stop near 512 MiB.
 */
export const MAX_UNCOMPRESSED_BYTES = 256 * MiB;

/** Most entries in the zip: a workbook of 100 sheets with tables and comments has under 1,000. */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Most `<row>` elements in one sheet. Above the snapshot cap (DEFAULT_MAX_ROWS, 200,000 rows,
 * which readSnapshots keeps and reports as truncated) and below Excel's 1,048,576-row grid:
 * 500,000 rows cost ExcelJS about 750 MB, more is refused instead of read.
 */
export const MAX_SHEET_ROWS = 500_000;

/** Rows and columns a snapshot keeps per sheet by default; more is reported as truncated. */
export const SNAPSHOT_MAX_ROWS = 200_000;
export const SNAPSHOT_MAX_COLS = 1_000;

/** Most `<c>` elements (cells, styled empty ones included) in the whole workbook: ~1 GB in ExcelJS. */
export const MAX_CELLS = 2_000_000;

const number = (n: number): string => n.toLocaleString("en-US");
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;

const TRIM_HINT =
  "Delete unused sheets, rows and pictures (or save a copy with only the sheets you need), " +
  "or export the sheet you want as CSV, then try again.";

export function fileTooLarge(label: string, bytes: number): WorkbookReadError {
  return new WorkbookReadError(
    `${label} is ${mib(bytes)}, more than the ${mib(MAX_FILE_BYTES)} limit for an .xlsx file`,
    TRIM_HINT
  );
}

export function tooManyEntries(label: string, entries: number): WorkbookReadError {
  return new WorkbookReadError(
    `${label} holds ${number(entries)} zip entries, more than the limit of ` +
      `${number(MAX_ZIP_ENTRIES)}; an Excel workbook has far fewer`,
    "The file is damaged or was not written by a spreadsheet program. Open it in Excel and save it again as .xlsx."
  );
}

export function declaredTooLarge(label: string, bytes: number, part: string): WorkbookReadError {
  return new WorkbookReadError(
    `${label} unpacks to ${mib(bytes)} (the largest part is ${part}), more than the ` +
      `${mib(MAX_UNCOMPRESSED_BYTES)} limit for the unpacked contents of an .xlsx file`,
    TRIM_HINT
  );
}

export function inflatedTooLarge(label: string, part: string): WorkbookReadError {
  return new WorkbookReadError(
    `${label} unpacks to more than the ${mib(MAX_UNCOMPRESSED_BYTES)} limit for the unpacked ` +
      `contents of an .xlsx file (reached while unpacking ${part})`,
    TRIM_HINT
  );
}

export function sizeMismatch(label: string, part: string, declared: number): WorkbookReadError {
  return new WorkbookReadError(
    `${label} is damaged or crafted: its part ${part} declares ${number(declared)} bytes but ` +
      `unpacks to more, so it was not read any further`,
    "Open the file in Excel and save it again as .xlsx; do not open files of unknown origin."
  );
}

export function tooManyRows(label: string, sheet: string, part: string): WorkbookReadError {
  return new WorkbookReadError(
    `${label}: sheet "${sheet}" (${part}) has more than ${number(MAX_SHEET_ROWS)} rows, ` +
      `the limit per sheet`,
    `Move the rows you do not need out of "${sheet}" (or delete the sheet), or export it as CSV, then try again.`
  );
}

export function tooManyCells(label: string, sheet: string, part: string): WorkbookReadError {
  return new WorkbookReadError(
    `${label} has more than ${number(MAX_CELLS)} cells, the limit per workbook ` +
      `(reached on sheet "${sheet}", ${part}); formatted empty cells count too`,
    TRIM_HINT
  );
}
