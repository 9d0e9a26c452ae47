// Rules over the `Remediation Plan` sheet: owner or due date missing, due before start,
// overdue and not done. The same checks light up in the sheet as conditional formats.
import { REMEDIATION_COLUMNS, type RemediationColumn } from "../contract";
import { locateAssessmentTable } from "../read/locate";
import type { SheetSnapshot } from "../snapshot";
import type { CellRef, RemediationRule, RemediationRuleId, Report } from "./types";

import { REMEDIATION_REQUIRED, isOpenAction } from "../read/remediation";
import { dateSerial, todaySerial } from "../dates";
import { type CellValue } from "../snapshot";

interface RemediationRowView {
  id: string;
  row: number;
  at(column: RemediationColumn): CellRef;
  value(column: RemediationColumn): CellValue;
  open: boolean;
}

function planRows(snapshot: SheetSnapshot): RemediationRowView[] {
  const table = locateAssessmentTable(
    snapshot,
    { columns: REMEDIATION_COLUMNS },
    REMEDIATION_REQUIRED
  );
  if (!table) return [];
  const col = (c: RemediationColumn): number | undefined => table.columns.get(c);
  return table.dataRows.map((r) => {
    const value = (c: RemediationColumn): CellValue => {
      const i = col(c);
      return i === undefined ? null : (snapshot.values[r]?.[i] ?? null);
    };
    const id = String(value("ID") ?? "").trim();
    return {
      id,
      row: r,
      value,
      open: isOpenAction({ ID: value("ID"), Progress: value("Progress") }),
      at: (c: RemediationColumn) => ({
        sheet: snapshot.name,
        row: snapshot.origin.row + r,
        col: snapshot.origin.col + (col(c) ?? 0),
        id,
      }),
    };
  });
}

const blank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function rule(
  id: RemediationRuleId,
  severity: RemediationRule["severity"],
  description: string,
  check: (row: RemediationRowView, today: number, report: Report) => void
): RemediationRule {
  return {
    id,
    severity,
    description,
    scope: "plan",
    check({ snapshot, today }, report) {
      const now = todaySerial(today);
      for (const row of planRows(snapshot)) if (row.id) check(row, now, report);
    },
  };
}

export const REMEDIATION_RULES: readonly RemediationRule[] = [
  rule("plan-owner-missing", "warning", "An open action has no owner", (row, _today, report) => {
    if (row.open && blank(row.value("Owner")))
      report(
        row.at("Owner"),
        `Action for ${row.id} has no owner. Name the person who will close it.`
      );
  }),
  rule("plan-due-missing", "warning", "An open action has no due date", (row, _today, report) => {
    if (row.open && blank(row.value("Due")))
      report(
        row.at("Due"),
        `Action for ${row.id} has no due date. Enter a date (Settings has the default days per risk level).`
      );
  }),
  rule(
    "plan-due-before-start",
    "error",
    "Due date before the start date",
    (row, _today, report) => {
      // Dates as the overview reads them: serials, or ISO text such as "2026-03-31".
      const start = dateSerial(row.value("Start"));
      const due = dateSerial(row.value("Due"));
      if (start !== null && due !== null && due < start) {
        report(
          row.at("Due"),
          `Action for ${row.id} is due before it starts. Move the due date after the start date.`
        );
      }
    }
  ),
  rule("plan-overdue", "warning", "An open action is past its due date", (row, today, report) => {
    const due = dateSerial(row.value("Due"));
    if (row.open && due !== null && due < today) {
      report(
        row.at("Due"),
        `Action for ${row.id} is overdue. Finish it, set Progress to Done, or agree a new due date.`
      );
    }
  }),
];
