// What a person typed into the assessment tables, keyed by row id. Rebuild, import and
// re-plan all carry these values through unchanged; the catalog owns everything else.
import type { CellValue } from "./snapshot";

/** Input columns of one row (contract column name → value), plus any extra columns by header. */
export type RowInputs = Record<string, CellValue>;

export interface AssessmentInputs {
  /** Clause id ("6.1.2") → inputs of the Clauses 4-10 row. */
  clauses: Map<string, RowInputs>;
  /** 2022 control id ("5.1") → inputs of the Annex A row. */
  annexA: Map<string, RowInputs>;
}

export function emptyInputs(): AssessmentInputs {
  return { clauses: new Map(), annexA: new Map() };
}

/** Input columns a person fills on each assessment sheet (everything not catalog, not score). */
export const CLAUSE_INPUT_COLUMNS = [
  "Status",
  "Evidence",
  "Owner",
  "Likelihood",
  "Impact",
  "Maturity",
  "Method",
  "Assessed by",
  "Assessed on",
  "Notes",
] as const;
export const ANNEX_A_INPUT_COLUMNS = [
  "Applicable",
  "Justification",
  ...CLAUSE_INPUT_COLUMNS,
] as const;
