// The History sheet: one row per recorded snapshot — values, never formulas, so the past stays as
// it was — and the Summary's trend table of the latest snapshots.
import { HISTORY_COLUMNS, SHEETS, TABLES } from "../contract";
import type { ChartPlan, PlanCell, SheetPlan } from "./workbookPlan";

import { layoutRegister, withExtraColumns, type RegisterColumn } from "./registerTable";
import { type RegisterRows } from "../read/register";

const T = TABLES.history;
export const HISTORY_HEADER_ROW = 4;
/** Snapshots the Summary's trend table shows (the latest, oldest first). */
export const TREND_ROWS = 12;

const PERCENT = ["Overall", "Clauses 4-10", "Annex A"];

export function layoutHistorySheet(history: RegisterRows): SheetPlan {
  const headers = withExtraColumns(HISTORY_COLUMNS, history.extraColumns);
  const columns: RegisterColumn[] = headers.map((h) => ({
    header: h,
    role: "input",
    width:
      h === "Date" ? 12 : h === "Note" ? 36 : PERCENT.includes(h) ? 11 : h.length > 12 ? 13 : 11,
    numberFormat: h === "Date" ? "yyyy-mm-dd" : PERCENT.includes(h) ? "0.0%" : undefined,
    wrap: h === "Note",
    style: h === "Note" ? undefined : { hAlign: "center" },
  }));
  const intro: PlanCell[][] = [
    [
      {
        value:
          'Each row is a snapshot of the assessment on that date ("Record snapshot" in the add-in, or gap-assessor snapshot). Values, not formulas: the past stays as it was. Add a note to any row.',
      },
    ],
  ];
  return layoutRegister({
    name: SHEETS.history,
    table: T,
    tabColor: "#7030A0",
    title: "Snapshot History",
    intro,
    columns,
    rows: history.rows,
    spareRows: 0,
    tableStyle: "TableStyleLight13",
    headerRow: HISTORY_HEADER_ROW,
  }).sheet;
}

/** Summary rows: the latest TREND_ROWS snapshots, oldest first, by live INDEX into the History table.
 *  The first header cell stays empty so a chart takes the dates as its categories. */
export function trendRows(): PlanCell[][] {
  const n = `COUNT(${T}[Date])`;
  const rows: PlanCell[][] = [
    [
      {
        value: `Compliance trend (latest ${TREND_ROWS} snapshots from Snapshot History, oldest first)`,
      },
    ],
    [
      { value: "" },
      { value: "Overall" },
      { value: "Clauses 4-10" },
      { value: "Annex A" },
      { value: "Open actions" },
    ],
  ];
  for (let k = 1; k <= TREND_ROWS; k++) {
    const p = `MAX(${n}-${TREND_ROWS},0)+${k}`;
    const pick = (column: string): PlanCell => ({
      formula: `=IF(${p}>${n},"",IF(ISNUMBER(INDEX(${T}[${column}],${p})),INDEX(${T}[${column}],${p}),""))`,
    });
    rows.push([
      pick("Date"),
      pick("Overall"),
      pick("Clauses 4-10"),
      pick("Annex A"),
      pick("Open actions"),
    ]);
  }
  return rows;
}

/** The trend line chart (Office.js and xlsx/charts) over the snapshots that exist when the workbook is built. */
export function trendChart(headerRow: number, snapshots: number): ChartPlan | null {
  if (snapshots === 0) return null;
  return {
    name: "ComplianceTrend",
    type: "line",
    title: "Compliance over time",
    source: `A${headerRow}:D${headerRow + Math.min(snapshots, TREND_ROWS)}`,
    // Below the Summary's other charts (column J), so all four read as one dashboard.
    from: "J54",
    to: "Q71",
  };
}
