// How a reconcile matches a planned table row with a row on the sheet: by its key columns
// (Source + ID, or ID), compared without case or surrounding spaces; a row without a key by its
// content. One definition for the Office.js reconcile, the file reconcile and the package patch.
import { normalizeHeader } from "../read/locate";
import type { CellValue } from "../snapshot";

/** Key columns rows are matched by: Source + ID, ID, or none (by position). */
export function keyColumns(headers: string[]): number[] {
  const at = (h: string): number =>
    headers.findIndex((x) => normalizeHeader(x) === normalizeHeader(h));
  if (at("Source") >= 0 && at("ID") >= 0) return [at("Source"), at("ID")];
  return at("ID") >= 0 ? [at("ID")] : [];
}

/** A value as row content is compared: numbers to 12 digits, text trimmed. */
export const contentText = (v: CellValue): string =>
  v === null || v === ""
    ? ""
    : typeof v === "number"
      ? `n${Number(v.toPrecision(12))}`
      : typeof v === "string"
        ? `s${v.trim()}`
        : `b${String(v)}`;

/** A row's key from its key cells; "" when every key cell is blank. */
export const keyText = (values: CellValue[]): string =>
  values.every((v) => v === null || String(v).trim() === "")
    ? ""
    : values
        .map((v) =>
          String(v ?? "")
            .trim()
            .toLowerCase()
        )
        .join("\u0001");
