// Formula rule: score cells belong to the workbook's formulas; a typed value there stops following the inputs.
import { SCORE_COLUMNS } from "../contract";
import { isBlankValue } from "./readings";
import { quoted } from "./text";
import type { RowRule } from "./types";

export const formulaOverwritten: RowRule = {
  id: "formula-overwritten",
  severity: "warning",
  scope: "row",
  description:
    "A Gap score, Risk score, Risk level or Priority cell whose formula was replaced or deleted",
  check(row, report) {
    for (const column of SCORE_COLUMNS) {
      if (!row.has(column) || row.isFormula(column)) continue;
      const value = row.value(column);
      const what = isBlankValue(value)
        ? `${column} is empty: its formula was deleted`
        : `${column} holds the typed value ${quoted(String(value))} instead of its formula, so it no longer follows the row's inputs`;
      report(
        row.at(column),
        `${row.label}: ${what}. Rebuild the workbook (your entries are kept) or copy the formula down from a row that still has it.`
      );
    }
  },
};
