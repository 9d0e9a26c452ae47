// Finds an assessment table inside a SheetSnapshot: its header row and which column holds what.
// Tolerant of what people do to sheets: moved tables, extra columns, empty rows in between.
import type { CellValue, SheetSnapshot } from "../snapshot";

export interface LocatedTable<C extends string = string> {
  /** Index into snapshot.values of the header row. */
  headerRow: number;
  /** Header text (as in the contract) → index into the snapshot row; only headers found. */
  columns: Map<C, number>;
  /** Extra headers a person added: text → index. */
  extraColumns: Map<string, number>;
  /** Indices into snapshot.values of rows below the header that are not entirely empty. */
  dataRows: number[];
}

const HEADER_SEARCH_ROWS = 20;
/** Headers that identify an assessment table when a caller names none. */
const DEFAULT_REQUIRED = ["ID", "Status"] as const;

export function normalizeHeader(value: CellValue): string {
  return String(value ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Locates the table of `spec` in the snapshot, or null when no row has the `required` headers. */
export function locateAssessmentTable<C extends string>(
  snapshot: SheetSnapshot,
  spec: { columns: readonly C[] },
  required: readonly NoInfer<C>[] = spec.columns.filter((c) =>
    (DEFAULT_REQUIRED as readonly string[]).includes(c)
  )
): LocatedTable<C> | null {
  const wanted = new Map(spec.columns.map((c) => [normalizeHeader(c), c]));
  const limit = Math.min(snapshot.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = snapshot.values[r] ?? [];
    const columns = new Map<C, number>();
    const extraColumns = new Map<string, number>();
    row.forEach((cell, c) => {
      const key = normalizeHeader(cell);
      if (!key) return;
      const contractName = wanted.get(key);
      if (contractName && !columns.has(contractName)) columns.set(contractName, c);
      else extraColumns.set(String(cell).trim(), c);
    });
    if (!required.every((c) => columns.has(c))) continue;
    const dataRows: number[] = [];
    for (let d = r + 1; d < snapshot.values.length; d++) {
      if (!(snapshot.values[d] ?? []).every(isBlank)) dataRows.push(d);
    }
    return { headerRow: r, columns, extraColumns, dataRows };
  }
  return null;
}

/** The value in `row` of the named contract column, or null when the column is absent. */
export function cellOf<C extends string>(
  snapshot: SheetSnapshot,
  table: LocatedTable<C>,
  row: number,
  column: NoInfer<C>
): CellValue {
  const c = table.columns.get(column);
  return c === undefined ? null : (snapshot.values[row]?.[c] ?? null);
}

/** The same, as trimmed text (numbers as their displayed text). */
export function textOf<C extends string>(
  snapshot: SheetSnapshot,
  table: LocatedTable<C>,
  row: number,
  column: NoInfer<C>
): string {
  const c = table.columns.get(column);
  if (c === undefined) return "";
  const shown = snapshot.text[row]?.[c];
  if (shown !== undefined && shown !== "") return shown.trim();
  const v = snapshot.values[row]?.[c];
  return v === null || v === undefined ? "" : String(v).trim();
}
