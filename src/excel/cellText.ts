// What a cell holds, compared the way Excel stores it: the text we write through `formulas`
// (text Excel would coerce gets an apostrophe), a planned constant against the value read back,
// and formulas compared by a key that ignores how Excel spells them back (case, quotes around
// sheet names, `Table[[#This Row],[Col]]` read back as `[@Col]`).
import type { CellValue } from "../core/snapshot";
import { splitFormulaLiterals } from "../core/formulaText";

const COERCED = [
  /^[=+\-@'.\d]/, // formulas, numbers, dates like 1/2, percentages, ids like 5.10
  /^\s/, // Excel trims and re-parses
  /^(true|false)$/i,
  /^[$€£¥]\s?\d/, // currency
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.]+\d/i, // "May 2025", "Mar-23"
];

/** Text Excel would turn into something else (a formula, number, date, boolean) gets a leading
 *  apostrophe, so "5.10" stays "5.10" and "=cmd" stays text: writing goes through `formulas`. */
export function asWritten(value: string | number | boolean): string | number | boolean {
  if (typeof value !== "string" || value === "") return value;
  return COERCED.some((pattern) => pattern.test(value)) ? `'${value}` : value;
}

/** True when a cell reading `actual` already holds the planned constant. */
export function sameValue(planned: CellValue | undefined, actual: CellValue | undefined): boolean {
  const p = planned ?? null;
  const a = actual === undefined || actual === "" ? null : actual;
  if (p === null || p === "") return a === null;
  if (typeof p === "number")
    return typeof a === "number" && Math.abs(a - p) <= 1e-12 * Math.max(1, Math.abs(p));
  return a === p;
}

/**
 * A comparison key for a formula: code outside string literals lower-cased, quotes dropped from
 * sheet names, this-row references in one spelling, and the host table's own name dropped from
 * references to it (Excel reads `AnnexA[[#This Row],[Status]]` back as `[@Status]` inside AnnexA).
 */
export function formulaKey(formula: string, hostTable?: string): string {
  const text = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
  const host = hostTable?.toLowerCase();
  return splitFormulaLiterals(text)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let code = part
        .toLowerCase()
        .replace(/'((?:[^']|'')+)'!/g, (_, sheet: string) => `${sheet.replace(/''/g, "'")}!`)
        .replace(/\[\[#this row\],\s*\[([^\]]+)\]\]/g, "[@$1]")
        .replace(/\[@\[([^\]]+)\]\]/g, "[@$1]")
        .replace(/\s+/g, " ");
      // Inside its own table Excel drops the table's name from references to it.
      if (host) code = code.split(`${host}[`).join("[");
      return code;
    })
    .join("");
}

/** The key with row numbers of A1 references blanked: the same rule drawn at another position. */
export function formulaShape(formula: string): string {
  return splitFormulaLiterals(formulaKey(formula))
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(\$?[a-z]{1,3}\$?)\d+/g, "$1#")))
    .join("");
}

/** UTF-8 length of a string (what a request's JSON costs on the wire). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes a value costs inside a request (its JSON, UTF-8). */
export const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value) ?? "null");
