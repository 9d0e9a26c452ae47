// What a person typed into the assessment tables, keyed by row id. Rebuild, import and
// re-plan all carry these values through unchanged; the catalog owns everything else.
import { ANNEX_A_COLUMNS, CATALOG_COLUMNS, CLAUSE_COLUMNS, SCORE_COLUMNS } from "./contract";
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

/** Input columns a person fills on each assessment sheet: every contract column that is neither
 *  catalog text nor a score formula, derived from the contract so the lists cannot drift apart. */
export const CLAUSE_INPUT_COLUMNS = inputColumns(CLAUSE_COLUMNS);
export const ANNEX_A_INPUT_COLUMNS = inputColumns(ANNEX_A_COLUMNS);

function inputColumns<C extends string>(columns: readonly C[]): readonly C[] {
  const owned: readonly string[] = [...CATALOG_COLUMNS, ...SCORE_COLUMNS];
  return columns.filter((c) => !owned.includes(c));
}
