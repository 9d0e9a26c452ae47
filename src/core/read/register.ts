// Reads a register table (SoA, Documents, Risk Register, History) back from a snapshot: every
// column by header, the builder's formula columns left out, rows in sheet order.
import type { RowInputs } from "../inputs";
import { isBlank, locateAssessmentTable } from "./locate";
import type { SheetSnapshot } from "../snapshot";

/** Rows read back from a register table: every column by header (builder formulas left out). */
export interface RegisterRows {
  rows: RowInputs[];
  /** Headers people added to the table, in order. */
  extraColumns: string[];
}

export function emptyRegister(): RegisterRows {
  return { rows: [], extraColumns: [] };
}

export interface RegisterSpec {
  columns: readonly string[];
  /** Headers that identify the table's header row. */
  required: readonly string[];
  /** Columns whose cells are the builder's formulas: never read back. */
  formulaColumns: readonly string[];
}

/** Every row of the table that holds something a person typed, in sheet order, values as typed. */
export function readRegister(
  snapshot: SheetSnapshot | undefined,
  spec: RegisterSpec
): RegisterRows {
  const table =
    snapshot && locateAssessmentTable(snapshot, { columns: spec.columns }, spec.required);
  if (!snapshot || !table) return emptyRegister();
  const formulaColumns = new Set(spec.formulaColumns);
  const rows: RowInputs[] = [];
  // A value typed over a builder formula is not an entry: the formula comes back.
  const columns = [...table.columns, ...table.extraColumns].filter(([h]) => !formulaColumns.has(h));
  for (const r of table.dataRows) {
    const row: RowInputs = {};
    for (const [header, c] of columns) {
      const value = snapshot.values[r]?.[c] ?? null;
      // A formula someone put in an input column keeps its current result (when there is one).
      if (snapshot.formulas[r]?.[c] && isBlank(value)) continue;
      row[header] = value;
    }
    if (Object.values(row).some((v) => !isBlank(v))) rows.push(row);
  }
  return { rows, extraColumns: [...table.extraColumns.keys()] };
}
