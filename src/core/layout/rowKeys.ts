// How a reconcile matches a planned table row with a row on the sheet: by its key columns
// (Source + ID, or ID), compared without case or surrounding spaces; a row without a key by its
// content. One definition for the Office.js reconcile, the file reconcile and the package patch.
import { normalizeHeader } from "../read/locate";
import type { CellValue } from "../snapshot";
import type { PlannedTable } from "./plannedCells";

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

/** Where each planned body row of a table goes on the sheet (matchRows). */
export interface RowMatch {
  /** Per planned row: the sheet row it matched, or null when it takes a new row. */
  matched: (number | null)[];
  /** Per planned row: its sheet row, new rows numbered on from below the body. */
  placed: number[];
  /** Planned rows that take new rows below the body. */
  appended: number;
  /** The body's last row before appending, with the rows typed right below it that matched. */
  lastBody: number;
}

/**
 * Matches a planned table's body rows with the rows of the table on the sheet: by key (Source +
 * ID, or ID), rows without one by their content, then in order. Rows a person typed right below
 * the table that the plan counts in join it (unless `claimBelow` is false: a totals row is in the
 * way); planned rows still unmatched take blank rows, then new rows below. One rule for the file
 * reconcile (ExcelJS) and the package patch, so both land every planned cell in the same place.
 */
export function matchRows(
  planned: PlannedTable,
  table: {
    /** Planned column → sheet column. */
    columns: number[];
    left: number;
    right: number;
    firstBody: number;
    lastBody: number;
    claimBelow: boolean;
  },
  sheet: { value(row: number, col: number): CellValue; isEmpty(row: number, col: number): boolean }
): RowMatch {
  const { columns, left, right, firstBody } = table;
  let lastBody = table.lastBody;
  const keys = keyColumns(planned.headers);
  const formulaColumn = planned.plan.columns.map((c) => c.formula);
  const valueAt = (row: number, j: number): CellValue => sheet.value(row, columns[j]);
  const existingKey = (row: number): string => keyText(keys.map((j) => valueAt(row, j)));
  const plannedKey = (p: number): string =>
    keyText(keys.map((j) => planned.body[p][j]?.value ?? null));
  const contentOf = (value: (j: number) => CellValue): string =>
    planned.headers.map((_, j) => (formulaColumn[j] ? "" : contentText(value(j)))).join("\u0001");
  const byKey = new Map<string, number[]>();
  const byContent = new Map<string, number[]>();
  planned.body.forEach((line, p) => {
    const k = plannedKey(p);
    const map = k === "" ? byContent : byKey;
    const at = k === "" ? contentOf((j) => line[j]?.value ?? null) : k;
    const list = map.get(at);
    if (list) list.push(p);
    else map.set(at, [p]);
  });
  const matched: (number | null)[] = planned.body.map(() => null);
  const claim = (row: number): boolean => {
    const k = existingKey(row);
    const p =
      k === "" ? byContent.get(contentOf((j) => valueAt(row, j)))?.shift() : byKey.get(k)?.shift();
    if (p === undefined) return false;
    matched[p] = row;
    return true;
  };
  const blank = (row: number): boolean => {
    for (let c = left; c <= right; c++) {
      const j = columns.indexOf(c);
      if (j >= 0 && formulaColumn[j]) continue;
      if (!sheet.isEmpty(row, c)) return false;
    }
    return true;
  };
  const unclaimed: number[] = [];
  for (let row = firstBody; row <= lastBody; row++) if (!claim(row)) unclaimed.push(row);
  for (let row = lastBody + 1; table.claimBelow && !blank(row) && claim(row); row++) lastBody = row;
  // Rows without a key whose content the plan changed: the rest of each side, in order.
  const loose = unclaimed.filter((row) => existingKey(row) === "" && !blank(row));
  const spare = unclaimed.filter((row) => blank(row));
  matched.forEach((row, p) => {
    if (row === null && plannedKey(p) === "" && loose.length) matched[p] = loose.shift() as number;
  });
  matched.forEach((row, p) => {
    if (row === null && spare.length) matched[p] = spare.shift() as number;
  });
  const appended = matched.filter((r) => r === null).length;
  let next = lastBody + 1;
  const placed = matched.map((r) => (r === null ? next++ : r));
  return { matched, placed, appended, lastBody };
}
