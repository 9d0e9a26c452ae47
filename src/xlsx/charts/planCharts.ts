// A ChartPlan (core/layout) as a ChartSpec for the chart writer: its source range split into
// categories (first column), one series per further column (named by the header row unless the
// plan says the source has none), absolute references on the sheet, and the values the cells
// hold now for the caches.
import type { ChartPlan, SheetPlan } from "../../core/layout/workbookPlan";
import { columnLetter } from "../../core/snapshot";
import { COLORS } from "../../core/layout/styles";
import { parseRef } from "../package/cellRanges";
import type { ChartSpec, NumberData, SeriesSpec, TextData } from "./chartXml";

/** What a cell holds now (1-based row and column): a value, a calculated result, or nothing. */
export type CellReader = (sheet: string, row: number, col: number) => string | number | null;

/** Pie slices in the colours people read as these statuses (by category label). */
const STATUS_COLORS: Record<string, string> = {
  compliant: "548235",
  "partially compliant": "FFC000",
  "non-compliant": "C00000",
  "not applicable": "A6A6A6",
  "not assessed": "D9D9D9",
};

const KINDS: Record<ChartPlan["type"], ChartSpec["kind"]> = {
  barClustered: "bar",
  columnClustered: "column",
  line: "line",
  pie: "pie",
};

/** `'Sheet'!$A$1:$A$9` (quotes always: every reader accepts them, names with spaces need them). */
export function absoluteRef(sheet: string, top: number, left: number, bottom: number): string {
  const col = `$${columnLetter(left - 1)}$`;
  const name = `'${sheet.replace(/'/g, "''")}'`;
  return top === bottom ? `${name}!${col}${top}` : `${name}!${col}${top}:${col}${bottom}`;
}

/** The number format the plan gives a cell (the last format covering it wins), else General. */
function formatAt(sheet: SheetPlan, row: number, col: number): string {
  let found = "General";
  for (const f of sheet.formats) {
    const r = f.numberFormat ? parseRef(f.range) : null;
    if (r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)
      found = f.numberFormat as string;
  }
  return found;
}

/** The chart's spec, or null when its source is not a range of at least two columns. */
export function chartSpec(sheet: SheetPlan, chart: ChartPlan, read: CellReader): ChartSpec | null {
  const rect = parseRef(chart.source);
  if (!rect || rect.whole || rect.right <= rect.left) return null;
  const first = chart.headers === false ? rect.top : rect.top + 1;
  if (first > rect.bottom) return null;
  const rows = Array.from({ length: rect.bottom - first + 1 }, (_, i) => first + i);
  const text = (c: number): TextData => ({
    ref: absoluteRef(sheet.name, first, c, rect.bottom),
    values: rows.map((r) => {
      const v = read(sheet.name, r, c);
      return v === null || v === "" ? null : String(v);
    }),
  });
  const numbers = (c: number): NumberData => ({
    ref: absoluteRef(sheet.name, first, c, rect.bottom),
    values: rows.map((r) => {
      const v = read(sheet.name, r, c);
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    }),
    format: formatAt(sheet, first, c),
  });
  const kind = KINDS[chart.type];
  // A line chart's categories are dates (the trend): numbers, shown in the cells' date format.
  const categories = kind === "line" ? numbers(rect.left) : text(rect.left);
  const series: SeriesSpec[] = [];
  for (let c = rect.left + 1; c <= rect.right; c++) {
    const name: TextData | undefined =
      chart.headers === false
        ? undefined
        : {
            ref: absoluteRef(sheet.name, rect.top, c, rect.top),
            values: [String(read(sheet.name, rect.top, c) ?? "")],
          };
    series.push({ name, categories, values: numbers(c) });
  }
  return {
    kind,
    title: chart.title,
    series: kind === "pie" ? series.slice(0, 1) : series,
    color: COLORS.brand.slice(1),
    pointColors:
      kind === "pie"
        ? categories.values.map((v) => STATUS_COLORS[String(v ?? "").toLowerCase()] ?? null)
        : undefined,
  };
}
