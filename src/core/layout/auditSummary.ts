// The Summary's audit sections, appended below its other sections: documents (with the named
// missing-documents count), the residual-risk heat map of the Risk Register (colours from the
// Settings bands), and the compliance trend from History (a line chart).
import { SHEETS } from "../contract";
import type {
  ChartPlan,
  ConditionalFormatPlan,
  NamePlan,
  PlanCell,
  RangeFormat,
} from "./workbookPlan";
import { documentSummaryRows, MISSING_DOCUMENTS_ROW } from "./documentsSheet";
import { trendChart, trendRows } from "./historySheet";
import { residualHeatMapRows } from "./riskRegisterSheet";
import { COLORS, FORMULA, HEADER, SECTION } from "./styles";

export interface AuditSummary {
  rows: PlanCell[][];
  formats: RangeFormat[];
  conditionalFormats: ConditionalFormatPlan[];
  charts: ChartPlan[];
  names: NamePlan[];
}

const MISSING_DOCUMENTS_NAME = "Documents_Missing";

/** `firstRow`: the Summary row the sections start on; `snapshots`: History rows at build time. */
export function auditSummarySections(firstRow: number, snapshots: number): AuditSummary {
  const out: AuditSummary = {
    rows: [],
    formats: [],
    conditionalFormats: [],
    charts: [],
    names: [],
  };
  const put = (lines: PlanCell[][]): number => {
    const start = firstRow + out.rows.length;
    out.rows.push(...lines, []);
    return start;
  };

  const docs = put(documentSummaryRows());
  const docsLast = docs + documentSummaryRows().length - 1;
  out.formats.push(
    { range: `A${docs}`, style: SECTION },
    { range: `A${docs + 1}:B${docs + 1}`, style: HEADER },
    { range: `B${docs + 2}:B${docsLast}`, style: FORMULA },
    {
      range: `A${docs + MISSING_DOCUMENTS_ROW}:B${docs + MISSING_DOCUMENTS_ROW}`,
      style: { bold: true },
    }
  );
  out.names.push({
    name: MISSING_DOCUMENTS_NAME,
    refersTo: `='${SHEETS.summary}'!$B$${docs + MISSING_DOCUMENTS_ROW}`,
    comment: "Required documents not marked Yes or Partly on the Documents sheet",
  });

  const heat = put(residualHeatMapRows());
  const header = heat + 1;
  const grid = `B${header + 1}:F${header + 5}`;
  out.formats.push(
    { range: `A${heat}`, style: SECTION },
    { range: `A${header}:F${header}`, style: { ...HEADER, hAlign: "center" } },
    { range: grid, style: { hAlign: "center", bold: true } },
    { range: `B${header + 6}`, style: FORMULA }
  );
  // Each cell's level is its likelihood (column A) × impact (header row) on the Settings bands.
  const score = `$A${header + 1}*B$${header}`;
  const bands: [keyof typeof COLORS.risk, string][] = [
    ["Critical", `${score}>=Band_Critical`],
    ["High", `AND(${score}>=Band_High,${score}<Band_Critical)`],
    ["Medium", `AND(${score}>=Band_Medium,${score}<Band_High)`],
    ["Low", `${score}<Band_Medium`],
  ];
  for (const [level, formula] of bands) {
    out.conditionalFormats.push({
      kind: "expression",
      range: grid,
      formula,
      style: { fill: COLORS.risk[level].fill, fontColor: COLORS.risk[level].font },
    });
  }

  const trend = put(trendRows());
  const trendHeader = trend + 1;
  const trendLast = trend + trendRows().length - 1;
  out.formats.push(
    { range: `A${trend}`, style: SECTION },
    { range: `A${trendHeader}:E${trendHeader}`, style: HEADER },
    {
      range: `A${trendHeader + 1}:A${trendLast}`,
      numberFormat: "yyyy-mm-dd",
      style: { ...FORMULA, hAlign: "left" },
    },
    { range: `B${trendHeader + 1}:D${trendLast}`, numberFormat: "0.0%", style: FORMULA },
    { range: `E${trendHeader + 1}:E${trendLast}`, style: FORMULA }
  );
  const chart = trendChart(trendHeader, snapshots);
  if (chart) out.charts.push(chart);
  out.rows.pop(); // no blank line after the last section
  return out;
}
