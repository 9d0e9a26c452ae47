// A raw cell (./sheetCells) → the snapshot's value, displayed text and formula, following the
// path the ExcelJS reader takes (ExcelJS's cell model, then ../readSnapshots) step by step, so
// the two readers agree cell for cell. Where ExcelJS differs from Excel the difference is kept
// and named here, for the sake of that agreement:
// - a formula's cached result that is falsy (0, FALSE, "") is dropped: the cell reads empty;
// - a number with an external hyperlink reads empty, a formula with one reads without formula;
// - dates go through a millisecond-rounded Date and back.
import type { CellValue } from "../../core/snapshot";
import { displayNumber } from "../displayNumber";
import { decodeXString } from "../package/xstring";
import type { SharedString } from "./sharedStrings";
import type { RawCell } from "./sheetCells";
import { isDateFormat, type CellFormats } from "./styles";

const DAY_MS = 86_400_000;

/** What ExcelJS holds for a cell's value or a formula's result. */
type Raw =
  | undefined
  | number
  | string
  | boolean
  | { date: number }
  | { error: string }
  | { runs: string[] }
  | { empty: true };

export interface ResolvedCell {
  value: CellValue;
  text: string;
  formula: string | null;
  /** A shared formula's child: the master's address, whose formula is moved here later. */
  sharedFrom?: string;
}

export interface CellContext {
  formats: CellFormats;
  strings: SharedString[];
  date1904: boolean;
  hyperlinks: Set<string>;
  /** Shared-formula index → master address, filled in document order as ExcelJS does. */
  masters: Map<string, string>;
  /** Formula text as stored → as shown, so a table's formula repeated on every row is one string. */
  formulas: Map<string, string>;
}

/** "=" and the decoded stored formula, one string per distinct formula. */
export function formulaText(stored: string, seen: Map<string, string>): string {
  let shown = seen.get(stored);
  if (shown === undefined) {
    shown = `=${decodeXString(stored)}`;
    seen.set(stored, shown);
  }
  return shown;
}

/** ExcelJS's second entity pass over `str` values (utils.xmlDecode). */
function xmlDecode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

function asDate(serial: number, date1904: boolean): { date: number } {
  return { date: Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS) };
}

function joinRuns(runs: string[]): string {
  return runs.map((r) => decodeXString(r)).join("");
}

/**
 * ../readSnapshots `scalar`: a value or result → snapshot value and displayed text, with the
 * cell's formula (one object per cell, built once).
 */
function scalar(
  raw: Raw,
  numFmt: string | undefined,
  date1904: boolean,
  formula: string | null
): ResolvedCell {
  if (raw === undefined) return { value: null, text: "", formula };
  if (typeof raw === "number") return { value: raw, text: displayNumber(raw, numFmt), formula };
  if (typeof raw === "string") {
    const text = decodeXString(raw);
    return { value: text, text, formula };
  }
  if (typeof raw === "boolean") return { value: raw, text: raw ? "TRUE" : "FALSE", formula };
  if ("date" in raw) {
    if (Number.isNaN(raw.date)) return { value: null, text: "", formula };
    const serial = raw.date / DAY_MS + (date1904 ? 24107 : 25569);
    const shown = displayNumber(date1904 ? serial + 1462 : serial, numFmt || "yyyy-mm-dd");
    return { value: serial, text: shown, formula };
  }
  if ("error" in raw) return { value: raw.error, text: raw.error, formula };
  if ("runs" in raw) {
    const t = joinRuns(raw.runs);
    return { value: t === "" ? null : t, text: t, formula };
  }
  return { value: null, text: "", formula };
}

/** A hyperlink cell's shown text (ExcelJS keeps the value as `text`). */
function linkText(raw: Raw): string {
  if (typeof raw === "string") return decodeXString(raw);
  if (raw !== undefined && typeof raw === "object" && "runs" in raw) return joinRuns(raw.runs);
  return "";
}

function sharedString(entry: SharedString | undefined): Raw {
  if (entry === undefined || entry === null) return { empty: true };
  return "plain" in entry ? entry.plain : { runs: entry.runs };
}

/**
 * Null when ExcelJS has no value for the cell (empty or styled-only). `address` is looked at only
 * when the sheet has hyperlinks or the cell a shared formula.
 */
export function resolveCell(cell: RawCell, ctx: CellContext, address: string): ResolvedCell | null {
  const style = cell.style ? ctx.formats[cell.style] : undefined;
  const isDate = isDateFormat(style);
  const linked = ctx.hyperlinks.has(address);
  if ((cell.formula !== undefined && cell.formula !== "") || cell.formulaType) {
    let result: Raw;
    if (cell.value) {
      if (cell.type === "str") result = xmlDecode(cell.value);
      else if (cell.type === "b") result = parseInt(cell.value, 10) !== 0;
      else if (cell.type === "e") result = { error: cell.value };
      else result = parseFloat(cell.value);
    }
    if (typeof result === "number" && isDate) result = asDate(result, ctx.date1904);
    let sharedFrom: string | undefined;
    if (cell.formulaType === "shared") {
      if (cell.formulaRef) ctx.masters.set(cell.sharedIndex as string, address);
      else sharedFrom = ctx.masters.get(cell.sharedIndex as string);
    }
    if (linked) {
      const t = linkText(result);
      return { value: t === "" ? null : t, text: t, formula: null };
    }
    // ExcelJS copies only truthy fields of a formula value: a 0, FALSE or "" result is lost.
    if (result === 0 || result === false || result === "" || Number.isNaN(result))
      result = undefined;
    const formula = cell.formula ? formulaText(cell.formula, ctx.formulas) : null;
    const shown = scalar(result, style, ctx.date1904, formula);
    if (formula === null && sharedFrom !== undefined) shown.sharedFrom = sharedFrom;
    return shown;
  }
  let raw: Raw;
  if (cell.runs) raw = { runs: cell.runs };
  else if (cell.value === undefined) return null;
  else if (cell.type === "s") raw = sharedString(ctx.strings[parseInt(cell.value, 10)]);
  else if (cell.type === "str") raw = xmlDecode(cell.value);
  else if (cell.type === "inlineStr") raw = cell.value;
  else if (cell.type === "b") raw = parseInt(cell.value, 10) !== 0;
  else if (cell.type === "e") raw = { error: cell.value };
  else {
    const n = parseFloat(cell.value);
    raw = isDate ? asDate(n, ctx.date1904) : n;
  }
  if (linked) {
    const t = linkText(raw);
    return { value: t === "" ? null : t, text: t, formula: null };
  }
  return scalar(raw, style, ctx.date1904, null);
}
