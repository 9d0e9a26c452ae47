// Rules about row identity: every catalog item exactly once, and nothing the catalog does not know.
import { CLAUSES, CONTROLS, controlsFrom2013, parseId } from "../../catalog";
import { SHEETS } from "../contract";
import { quoted } from "./text";
import type { RowRule, RowView, SheetRule } from "./types";

// Why an ID is not in this sheet's catalog, in words that say where it belongs.
function unknownReason(row: RowView): string {
  const kind = row.sheet.spec.kind;
  const readings = parseId(row.id);
  if (kind === "annexA") {
    const c2013 = readings.find((m) => m.kind === "control2013");
    if (c2013) {
      const ids = controlsFrom2013(c2013.id);
      const canonical = c2013.id === row.id ? "" : ` (${c2013.id})`;
      return (
        `ID ${quoted(row.id)} is an ISO/IEC 27001:2013 control${canonical}; in 2022 it became ${ids.join(" and ")}. ` +
        `Change the ID to ${ids.length === 1 ? ids[0] : "the 2022 control it covers"} (gap-assessor import converts whole 2013 checklists).`
      );
    }
    if (readings.some((m) => m.kind === "clause")) {
      return `ID ${quoted(row.id)} is a clause, not an Annex A control. Clauses belong on "${SHEETS.clauses}"; move or delete this row.`;
    }
    return `ID ${quoted(row.id)} is not an ISO/IEC 27001:2022 Annex A control (5.1 to 8.34). Correct the ID or delete the row.`;
  }
  if (readings.some((m) => m.kind === "control2022" || m.kind === "control2013")) {
    return `ID ${quoted(row.id)} is an Annex A control, not a clause. Controls belong on "${SHEETS.annexA}"; move or delete this row.`;
  }
  return `ID ${quoted(row.id)} is not a clause of ISO/IEC 27001:2022 (4.1 to 10.2). Correct the ID or delete the row.`;
}

export const idUnknown: RowRule = {
  id: "id-unknown",
  severity: "error",
  scope: "row",
  includeRowsWithoutId: true,
  description: "A row whose ID is empty or not in the catalog for its sheet",
  check(row, report) {
    if (row.catalogId !== null) return;
    const at = row.at("ID");
    if (row.id === "") {
      report(
        at,
        `${row.label} has assessment entries but no ID. Put the catalog ID back in ID, or delete the row if it is not an assessment row.`
      );
      return;
    }
    report(at, `Row ${at.row + 1}: ${unknownReason(row)}`);
  },
};

export const idDuplicate: SheetRule = {
  id: "id-duplicate",
  severity: "error",
  scope: "sheet",
  description: "The same ID appears on more than one row",
  check(sheet, report) {
    const first = new Map<string, RowView>();
    for (const row of sheet.rows) {
      if (row.id === "") continue;
      const key = row.catalogId ?? row.id.toLowerCase();
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, row);
        continue;
      }
      const sheetRow = (r: RowView) => sheet.snapshot.origin.row + r.r + 1;
      // 5.10 typed as a number is 5.1: the likeliest cause of a duplicate in numeric ID columns.
      const numeric =
        typeof row.value("ID") === "number" || typeof earlier.value("ID") === "number"
          ? " The ID is stored as a number, so 5.10 shows as 5.1: format the ID column as Text and retype the IDs."
          : "";
      report(
        row.at("ID"),
        `${row.label} appears more than once (rows ${sheetRow(earlier)} and ${sheetRow(row)}), so it is counted twice. ` +
          `Delete the extra row or correct its ID.${numeric}`
      );
    }
  },
};

export const rowMissing: SheetRule = {
  id: "row-missing",
  severity: "error",
  scope: "sheet",
  description: "A catalog clause or control has no row on its sheet",
  check(sheet, report) {
    const found = new Set(sheet.rows.map((r) => r.catalogId));
    const items = sheet.spec.kind === "clauses" ? CLAUSES : CONTROLS;
    const noun = sheet.spec.kind === "clauses" ? "Clause" : "Control";
    for (const item of items) {
      if (found.has(item.id)) continue;
      report(
        { sheet: sheet.snapshot.name, row: sheet.endRow, col: sheet.col("ID"), id: item.id },
        `${noun} ${item.id} (${item.title}) has no row in the "${sheet.spec.sheet}" table. ` +
          `Add a row with ID ${item.id}, or rebuild the workbook: it adds missing rows and keeps your entries.`
      );
    }
  },
};
