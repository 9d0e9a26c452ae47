// Rules about the sheets and table headers themselves: an assessment sheet, its header or a column is gone.
import { ASSESSMENT_SHEETS } from "../contract";
import { quoted } from "./text";
import type { SheetRule, WorkbookRule } from "./types";

export const sheetMissing: WorkbookRule = {
  id: "sheet-missing",
  severity: "error",
  scope: "workbook",
  description: "An assessment sheet, or the header row of its table, is missing",
  check(workbook, report) {
    for (const spec of ASSESSMENT_SHEETS) {
      if (workbook.sheets.get(spec.kind) || workbook.broken.has(spec.kind)) continue;
      const at = { sheet: spec.sheet, row: 0, col: 0, id: "" };
      const snapshot = workbook.snapshots.find((s) => s.name === spec.sheet);
      if (snapshot) {
        report(
          { ...at, row: snapshot.origin.row, col: snapshot.origin.col },
          `The "${spec.sheet}" sheet has no header row with "ID" and "Status" in its first 20 rows. ` +
            `Restore the table header (${spec.columns.join(", ")}), or rebuild the workbook: your entries are kept.`
        );
        continue;
      }
      const lookalike = workbook.snapshots.find(
        (s) => s.name.trim().toLowerCase() === spec.sheet.toLowerCase()
      );
      report(
        at,
        lookalike
          ? `The sheet ${quoted(lookalike.name)} must be named exactly "${spec.sheet}" so the formulas and the add-in find it. Rename it.`
          : `The workbook has no "${spec.sheet}" sheet. Rebuild the workbook (gap-assessor build, or Build in the add-in) to add it; your other sheets and entries are kept.`
      );
    }
  },
};

export const columnMissing: SheetRule = {
  id: "column-missing",
  severity: "error",
  scope: "sheet",
  description: "A column of the workbook contract is missing from an assessment table",
  check(sheet, report) {
    const { snapshot, table, spec } = sheet;
    for (const column of spec.columns) {
      if (table.columns.has(column)) continue;
      report(
        {
          sheet: snapshot.name,
          row: snapshot.origin.row + table.headerRow,
          col: sheet.col("ID"),
          id: "",
        },
        `The "${spec.sheet}" table has no "${column}" column (header row ${snapshot.origin.row + table.headerRow + 1}). ` +
          `Add a column headed exactly "${column}" or rebuild the workbook; checks that need it are skipped until then.`
      );
    }
  },
};
