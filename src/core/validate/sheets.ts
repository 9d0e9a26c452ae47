// Rules about the sheets and table headers themselves: an assessment sheet, its header or a column is gone.
import { ASSESSMENT_SHEETS, LATER_COLUMNS } from "../contract";
import { findSheet } from "../read/sheets";
import { quoted } from "./text";
import type { SheetRule, WorkbookRule } from "./types";

export const sheetMissing: WorkbookRule = {
  id: "sheet-missing",
  severity: "error",
  scope: "workbook",
  description: "An assessment sheet, or the header row of its table, is missing",
  check(workbook, report) {
    for (const spec of ASSESSMENT_SHEETS) {
      const at = { sheet: spec.sheet, row: 0, col: 0, id: "" };
      // Found by the one matching rule (trimmed, any case), but people and tools that use the
      // exact name (Power Query, links, scripts) do not find it: ask for the exact name.
      const lookalike = findSheet(workbook.snapshots, spec.sheet);
      if (lookalike && lookalike.name !== spec.sheet) {
        report(
          at,
          `The sheet ${quoted(lookalike.name)} must be named exactly "${spec.sheet}" so the formulas and the add-in find it. Rename it.`
        );
        continue;
      }
      if (workbook.sheets.get(spec.kind) || workbook.broken.has(spec.kind)) continue;
      const snapshot = lookalike;
      if (snapshot) {
        report(
          { ...at, row: snapshot.origin.row, col: snapshot.origin.col },
          `The "${spec.sheet}" sheet has no header row with "ID" and "Status" in its first 20 rows. ` +
            `Restore the table header (${spec.columns.join(", ")}), or rebuild the workbook: your entries are kept.`
        );
        continue;
      }
      report(
        at,
        `The workbook has no "${spec.sheet}" sheet. Rebuild the workbook (gap-assessor build, or Build in the add-in) to add it; your other sheets and entries are kept.`
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
      if (table.columns.has(column) || LATER_COLUMNS.includes(column)) continue;
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

export const columnNew: SheetRule = {
  id: "column-new",
  severity: "info",
  scope: "sheet",
  description: "A column added in a later version is not in the table yet (a rebuild adds it)",
  check(sheet, report) {
    const { snapshot, table, spec } = sheet;
    const absent = spec.columns.filter((c) => LATER_COLUMNS.includes(c) && !table.columns.has(c));
    if (absent.length === 0) return;
    const headerRow = snapshot.origin.row + table.headerRow;
    report(
      { sheet: snapshot.name, row: headerRow, col: sheet.col("ID"), id: "" },
      `The "${spec.sheet}" table was built before the ${absent.map((c) => `"${c}"`).join(", ")} column${absent.length === 1 ? "" : "s"} existed (header row ${headerRow + 1}). ` +
        `Rebuild the workbook to add ${absent.length === 1 ? "it" : "them"}; your entries and your own columns are kept.`
    );
  },
};
