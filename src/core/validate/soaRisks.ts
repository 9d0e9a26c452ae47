// A risk that relies on a control the Statement of Applicability excludes (issue 17): the Risk
// Register's "Annex A controls" name a control whose Annex A row says Applicable No (or Status Not
// Applicable). The treatment then rests on nothing, and an auditor raises it.
import { normalizeControlId } from "../../catalog";
import { RISK_COLUMNS, SHEETS } from "../contract";
import { isBlank, locateAssessmentTable } from "../read/locate";
import { linkedControls } from "../read/risks";
import { findSheet } from "../read/sheets";
import { soaApplicable } from "../read/soa";
import type { WorkbookRule } from "./types";

export const soaRiskExcluded: WorkbookRule = {
  id: "soa-risk-excluded",
  severity: "warning",
  scope: "workbook",
  description: "A risk relies on a control the Statement of Applicability excludes",
  check(workbook, report) {
    const annex = workbook.sheets.get("annexA");
    const register = findSheet([...workbook.snapshots], SHEETS.risks);
    if (!annex || !register) return;
    const excluded = new Set<string>();
    for (const row of annex.rows) {
      const id = row.catalogId ?? normalizeControlId(row.id) ?? row.id;
      if (id && soaApplicable(row.value("Applicable"), row.value("Status")) === "No")
        excluded.add(id);
    }
    if (excluded.size === 0) return;
    const table = locateAssessmentTable(register, { columns: RISK_COLUMNS }, [
      "ID",
      "Annex A controls",
    ]);
    const links = table?.columns.get("Annex A controls");
    if (!table || links === undefined) return;
    const idColumn = table.columns.get("ID");
    for (const r of table.dataRows) {
      const line = register.values[r] ?? [];
      const hit = linkedControls(line[links] ?? null).ids.filter((c) => excluded.has(c));
      if (hit.length === 0) continue;
      const raw = idColumn === undefined ? null : (line[idColumn] ?? null);
      const id = isBlank(raw) ? "" : String(raw).trim();
      const who = id ? `Risk ${id}` : `The risk on row ${register.origin.row + r + 1}`;
      const list = [...new Set(hit)];
      report(
        { sheet: SHEETS.risks, row: register.origin.row + r, col: register.origin.col + links, id },
        `${who} relies on control${list.length === 1 ? "" : "s"} ${list.join(", ")}, which the Statement of Applicability excludes: include the control or link another one.`
      );
    }
  },
};
