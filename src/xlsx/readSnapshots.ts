// .xlsx file or bytes → SheetSnapshot[] with ExcelJS: raw values, displayed text (number format
// applied, so ids Excel turned into dates read as typed), formulas, merges and tables.
// Used by import (templates) and by build/validate (assessment workbooks).
import type ExcelJS from "exceljs";
import { WorkbookReadError } from "../core/errors";
import type { CellValue, SheetSnapshot } from "../core/snapshot";
import { parseCellAddress } from "../core/snapshot";
import { SNAPSHOT_MAX_COLS, SNAPSHOT_MAX_ROWS } from "./package/limits";
import { excelJs } from "./package/loadExcelJs";
import { openXlsxPackage } from "./package/openXlsxPackage";
import { decodeXString } from "./package/xstring";
import { displayNumber } from "./displayNumber";
import { CellColumns, gridSnapshot, type ReadCell, type ReadSnapshot } from "./snapshotGrid";

export { displayNumber };

export interface ReadSnapshotsOptions {
  /** Only these sheets (exact names), in workbook order; names that do not exist are left out. */
  sheets?: string[];
  /** Rows and columns kept per sheet; cells beyond are dropped and reported in `truncated`. */
  maxRows?: number;
  maxCols?: number;
  /**
   * Stream reader only: each worksheet part as read (its XML as the pre-pass left it: the
   * input's own bytes when it changed nothing), before the reader lets go of it.
   */
  onWorksheet?: (part: string, xml: string | Buffer) => void;
}

export type { ReadSnapshot } from "./snapshotGrid";

const DEFAULT_MAX_ROWS = SNAPSHOT_MAX_ROWS;
const DEFAULT_MAX_COLS = SNAPSHOT_MAX_COLS;

const DAY_MS = 86_400_000;

function serialOf(date: Date, date1904: boolean): number {
  return date.getTime() / DAY_MS + (date1904 ? 24107 : 25569);
}

function errorText(value: unknown): string {
  const e = (value as { error?: unknown } | null)?.error;
  return typeof e === "string" ? e : "#VALUE!";
}

function richText(value: unknown): string {
  const parts = (value as { richText?: { text?: unknown }[] } | null)?.richText;
  return Array.isArray(parts)
    ? parts.map((p) => (typeof p?.text === "string" ? decodeXString(p.text) : "")).join("")
    : "";
}

/** A formula result, a plain value or a date → snapshot value and displayed text. */
function scalar(
  raw: unknown,
  numFmt: string | undefined,
  date1904: boolean
): { value: CellValue; text: string } {
  if (raw === null || raw === undefined) return { value: null, text: "" };
  if (typeof raw === "number") return { value: raw, text: displayNumber(raw, numFmt) };
  if (typeof raw === "string") {
    // Strings come as stored in the file; the cell shows them with `_xHHHH_` escapes decoded.
    const text = decodeXString(raw);
    return { value: text, text };
  }
  if (typeof raw === "boolean") return { value: raw, text: raw ? "TRUE" : "FALSE" };
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { value: null, text: "" };
    const serial = serialOf(raw, date1904);
    // numfmt counts days in the 1900 system; a 1904 workbook's serials start 1462 days later.
    const shown = displayNumber(date1904 ? serial + 1462 : serial, numFmt || "yyyy-mm-dd");
    return { value: serial, text: shown };
  }
  if (typeof raw === "object") {
    if ("error" in raw) {
      const e = errorText(raw);
      return { value: e, text: e };
    }
    if ("richText" in raw) {
      const t = richText(raw);
      return { value: t === "" ? null : t, text: t };
    }
    if ("text" in raw) {
      // Hyperlink: the text shown, not the target.
      const t = (raw as { text?: unknown }).text;
      const s = typeof t === "string" ? decodeXString(t) : richText(t);
      return { value: s === "" ? null : s, text: s };
    }
  }
  return { value: null, text: "" };
}

function readCell(cell: ExcelJS.Cell, date1904: boolean): ReadCell {
  const raw = cell.value as unknown;
  const numFmt = typeof cell.numFmt === "string" ? cell.numFmt : undefined;
  if (
    raw !== null &&
    typeof raw === "object" &&
    !(raw instanceof Date) &&
    ("formula" in raw || "sharedFormula" in raw)
  ) {
    let formula: string | null = null;
    try {
      const f = cell.formula;
      formula = typeof f === "string" && f !== "" ? `=${decodeXString(f)}` : null;
    } catch {
      formula = null;
    }
    const { value, text } = scalar((raw as { result?: unknown }).result, numFmt, date1904);
    return { value, text, formula };
  }
  return { ...scalar(raw, numFmt, date1904), formula: null };
}

function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = ref.split(":");
  try {
    const tl = parseCellAddress(a);
    const br = b ? parseCellAddress(b) : tl;
    return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
  } catch {
    return null;
  }
}

function mergesOf(ws: ExcelJS.Worksheet): NonNullable<SheetSnapshot["merges"]> {
  // `_merges` is ExcelJS's own index (master address → range); reading `ws.model` instead would
  // serialise every cell of the sheet, which is slow on sheets with huge styled ranges.
  const index = (
    ws as unknown as {
      _merges?: Record<
        string,
        { model?: { top: number; left: number; bottom: number; right: number } }
      >;
    }
  )._merges;
  if (!index) return [];
  const out: NonNullable<SheetSnapshot["merges"]> = [];
  for (const range of Object.values(index)) {
    const m = range?.model;
    if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return out;
}

function tablesOf(ws: ExcelJS.Worksheet): NonNullable<SheetSnapshot["tables"]> {
  const out: NonNullable<SheetSnapshot["tables"]> = [];
  const tables = (
    ws as unknown as {
      tables?: Record<
        string,
        { name?: string; table?: { name?: string; tableRef?: string; ref?: string } }
      >;
    }
  ).tables;
  for (const [key, t] of Object.entries(tables ?? {})) {
    const ref = t?.table?.tableRef ?? t?.table?.ref;
    const range = typeof ref === "string" ? rangeOf(ref) : null;
    if (range) out.push({ name: t?.name ?? t?.table?.name ?? key, ...range });
  }
  return out;
}

function snapshotOf(
  ws: ExcelJS.Worksheet,
  date1904: boolean,
  maxRows: number,
  maxCols: number
): ReadSnapshot {
  // Collect only cells with content: a sheet whose dimension claims A1:XEZ301 of styled empty
  // cells yields a handful of entries, and the grid covers the content, not the claim.
  const cells = new CellColumns();
  const merge = excelJs().ValueType.Merge;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === merge) return;
      cells.push(rowNumber - 1, colNumber - 1, readCell(cell, date1904));
    });
  });
  const head = {
    name: ws.name,
    merges: mergesOf(ws),
    tables: tablesOf(ws),
    hidden: Boolean(ws.state && ws.state !== "visible"),
  };
  return gridSnapshot(head, cells, maxRows, maxCols);
}

/**
 * Reads a workbook into one snapshot per worksheet. Each snapshot covers the cells with content
 * (its `origin` says where that block starts), so huge claimed ranges cost nothing.
 * The file goes through the package pre-pass (./package: limits, other writers' layouts) first.
 * Throws WorkbookReadError with a message a person can act on for missing, empty, encrypted,
 * non-xlsx, oversized or corrupt files.
 */
export async function readSnapshots(
  source: string | Buffer,
  options: ReadSnapshotsOptions = {}
): Promise<ReadSnapshot[]> {
  const { workbook, label } = await openXlsxPackage(source);
  return snapshotsOfWorkbook(workbook, label, options);
}

/**
 * The snapshots of a workbook already opened with openXlsxPackage (build --from reads the file
 * once and updates the same workbook). Reading leaves the workbook as it was.
 */
export function snapshotsOfWorkbook(
  workbook: ExcelJS.Workbook,
  label: string,
  options: ReadSnapshotsOptions = {}
): ReadSnapshot[] {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxCols = options.maxCols ?? DEFAULT_MAX_COLS;
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const sheets = workbook.worksheets.filter((ws) => !wanted || wanted.has(ws.name));
  if (workbook.worksheets.length === 0) {
    throw new WorkbookReadError(`${label} contains no worksheets; is it really an Excel workbook?`);
  }
  return sheets.map((ws) => snapshotOf(ws, date1904, maxRows, maxCols));
}
