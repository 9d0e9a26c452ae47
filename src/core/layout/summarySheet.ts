// The Summary sheet: compliance overall / clauses / Annex A (named), a breakdown per clause and
// theme, assessment progress, a likelihood × impact heat map of open gaps and the top gaps.
// Plain COUNTIFS / SUMIFS / INDEX / MATCH only, so it recalculates in every spreadsheet.
import { THEMES } from "../../catalog";
import { SHEETS, TABLES } from "../contract";
import { emptySheet, type NamePlan, type PlanCell, type SheetPlan } from "./workbookPlan";
import { riskLevel } from "../scoring";
import { clauseAreas } from "./assessmentSheet";
import { remediationSummaryRows } from "./remediationSheet";
import { readinessSection } from "./readinessSection";
import { CLAUSE_ASSESSED_STATUSES } from "../readiness";
import { auditSummarySections } from "./auditSummary";
import { reviewSection } from "./reviewSummary";
import { COLORS, FORMULA, HEADER, SECTION, SUBTITLE, TITLE } from "./styles";
import { estimateRowHeight, sectionedPrint } from "./printLayout";

const C = TABLES.clauses;
const A = TABLES.annexA;
const SCORED_STATUSES = [
  "Compliant",
  "Partially Compliant",
  "Non-Compliant",
  "Not Applicable",
] as const;

/** (n − Σgap) / n over rows with a numeric gap score matching the criteria; blank when n = 0. */
function complianceFormula(table: string, criteria: string): string {
  const n = `COUNTIFS(${criteria ? `${criteria},` : ""}${table}[Gap score],">=0")`;
  const sum = criteria ? `SUMIFS(${table}[Gap score],${criteria})` : `SUM(${table}[Gap score])`;
  return `=IF(${n}=0,"",(${n}-${sum})/${n})`;
}

function overallFormula(): string {
  const n = `(COUNT(${C}[Gap score])+COUNT(${A}[Gap score]))`;
  return `=IF(${n}=0,"",(${n}-SUM(${C}[Gap score])-SUM(${A}[Gap score]))/${n})`;
}

/** Rows assessed: on the clauses Not Applicable does not count (clauses are mandatory; it is a
 *  readiness blocker of its own, see core/readiness.ts). */
function countAssessed(table: string): string {
  const statuses = table === C ? CLAUSE_ASSESSED_STATUSES : SCORED_STATUSES;
  return statuses.map((s) => `COUNTIF(${table}[Status],"${s}")`).join("+");
}

export interface SummaryLayout {
  sheet: SheetPlan;
  names: NamePlan[];
}

const TOP_CLAUSE_GAPS = 5;
const TOP_CONTROL_GAPS = 10;

/** `actionOwners` present = the workbook has a Remediation Plan; its section lists these owners.
 *  `snapshots`: rows on History (the trend chart appears once there is one). */
export function layoutSummary(actionOwners?: string[], snapshots = 0): SummaryLayout {
  const sheet = emptySheet(SHEETS.summary);
  sheet.tabColor = "#2F5597";
  // B holds statuses in the top lists ("Partially Compliant" whole, not cut by column C).
  sheet.widths = { A: 36, B: 19, C: 13, D: 13, E: 13, F: 13, G: 13, H: 10, I: 10 };
  const rows: PlanCell[][] = [];
  const put = (cells: PlanCell[]): number => rows.push(cells);
  const v = (value: string | number): PlanCell => ({ value });
  const f = (formula: string): PlanCell => ({ formula });

  put([v("Summary — ISO/IEC 27001:2022 gap assessment")]);
  put([f('="Organisation: "&Org_Name&"   ·   Scope: "&Assessment_Scope')]);
  put([]);
  put([v("Compliance")]);
  const complianceHeader = put([v("Measure"), v("Compliance"), v("Assessed"), v("Rows")]);
  const overall = put([
    v("Overall"),
    f(overallFormula()),
    f(`=${countAssessed(C)}+${countAssessed(A)}`),
    f(`=ROWS(${C}[ID])+ROWS(${A}[ID])`),
  ]);
  const clauses = put([
    v("Clauses 4-10 (mandatory)"),
    f(complianceFormula(C, "")),
    f(`=${countAssessed(C)}`),
    f(`=ROWS(${C}[ID])`),
  ]);
  const annex = put([
    v("Annex A controls"),
    f(complianceFormula(A, "")),
    f(`=${countAssessed(A)}`),
    f(`=ROWS(${A}[ID])`),
  ]);
  const progress = put([
    v("Assessment progress"),
    f(`=IF(D${overall}=0,"",C${overall}/D${overall})`),
    f(`=C${overall}&" of "&D${overall}`),
  ]);
  put([]);
  put([v("By clause and theme")]);
  const areaHeader = put([
    v("Area"),
    v("Compliance"),
    ...SCORED_STATUSES.map((s) => v(s)),
    v("Not Assessed"),
    v("Total"),
    v("Avg maturity"),
  ]);
  const areaFirst = rows.length + 1;
  const areaRow = (label: string, table: string, criterion: string): void => {
    const r = rows.length + 1;
    put([
      v(label),
      f(complianceFormula(table, criterion)),
      ...SCORED_STATUSES.map((s) => f(`=COUNTIFS(${criterion},${table}[Status],"${s}")`)),
      f(`=H${r}-SUM(C${r}:F${r})`),
      f(`=COUNTIFS(${criterion})`),
      // Maturity mode: the average of the 0–5 levels given (blank when none).
      f(`=IFERROR(AVERAGEIFS(${table}[Maturity],${criterion}),"")`),
    ]);
  };
  for (const area of clauseAreas()) areaRow(`Clause ${area.label}`, C, `${C}[ID],"${area.id}.*"`);
  const clauseLast = rows.length;
  for (const theme of THEMES)
    areaRow(`Annex A ${theme.theme} (${theme.id}.x)`, A, `${A}[Theme],"${theme.theme}"`);
  const areaLast = rows.length;
  put([]);

  put([v("Open gaps by likelihood × impact (Partially or Non-Compliant rows with both scores)")]);
  const heatHeader = put([v("Likelihood ↓ / Impact →"), ...[1, 2, 3, 4, 5].map((i) => v(i))]);
  for (const likelihood of [5, 4, 3, 2, 1]) {
    put([
      v(likelihood),
      ...[1, 2, 3, 4, 5].map((impact) =>
        f(
          `=${[C, A].map((t) => `COUNTIFS(${t}[Likelihood],${likelihood},${t}[Impact],${impact},${t}[Gap score],">0")`).join("+")}`
        )
      ),
    ]);
    const r = rows.length;
    [1, 2, 3, 4, 5].forEach((impact, i) => {
      const colour = COLORS.risk[riskLevel(likelihood * impact) ?? "Low"];
      sheet.formats.push({
        range: `${String.fromCharCode(66 + i)}${r}`,
        style: { fill: colour.fill, fontColor: colour.font, hAlign: "center", bold: true },
      });
    });
  }
  put([]);

  const topList = (title: string, table: string, count: number): number => {
    put([v(title)]);
    sheet.formats.push({ range: `A${rows.length}`, style: SECTION });
    // Title last, so long titles run on into the empty cells to its right.
    const header = put([
      v("ID"),
      v("Status"),
      v("Risk level"),
      v("Priority"),
      v("Table row"),
      v("Title"),
    ]);
    sheet.formats.push({ range: `A${header}:F${header}`, style: HEADER });
    const p = `${table}[Priority]`;
    for (let k = 1; k <= count; k++) {
      const r = rows.length + 1;
      // k-th largest priority (D, blank when none: text "" would compare above any number),
      // then its position in the table (E); ties continue below the previous hit.
      const value = `IFERROR(LARGE(${p},${k}),0)`;
      const position =
        k === 1
          ? `=IF(ISNUMBER(D${r}),MATCH(D${r},${p},0),"")`
          : `=IF(ISNUMBER(D${r}),IF(D${r}=D${r - 1},E${r - 1}+MATCH(D${r},INDEX(${p},E${r - 1}+1):INDEX(${p},ROWS(${p})),0),MATCH(D${r},${p},0)),"")`;
      const pick = (column: string): PlanCell =>
        f(`=IF(ISNUMBER(E${r}),INDEX(${table}[${column}],E${r}),"")`);
      put([
        pick("ID"),
        pick("Status"),
        pick("Risk level"),
        f(`=IF(${value}>0,${value},"")`),
        f(position),
        pick("Title"),
      ]);
    }
    sheet.formats.push({ range: `D${header + 1}:E${header + count}`, style: { hAlign: "center" } });
    // "Table row" is the lookups' helper: never shown, never printed.
    sheet.formats.push({ range: `E${header}:E${header + count}`, numberFormat: ";;;" });
    return header;
  };
  topList(`Top ${TOP_CLAUSE_GAPS} clause gaps by priority`, C, TOP_CLAUSE_GAPS);
  put([]);
  topList(`Top ${TOP_CONTROL_GAPS} Annex A gaps by priority`, A, TOP_CONTROL_GAPS);
  if (actionOwners) {
    put([]);
    const section = rows.length + 1;
    const remediation = remediationSummaryRows(actionOwners);
    for (const line of remediation.rows) put(line);
    sheet.formats.push(
      { range: `A${section}`, style: SECTION },
      { range: `B${section + 1}:E${rows.length}`, style: FORMULA }
    );
    for (const h of remediation.headers)
      sheet.formats.push({ range: `A${section + h}:E${section + h}`, style: HEADER });
    for (const d of remediation.dates)
      sheet.formats.push({ range: `E${section + d}`, numberFormat: "yyyy-mm-dd;;" });
  }
  // Audit sections (documents, residual risk, trend), always last.
  put([]);
  const audit = auditSummarySections(rows.length + 1, snapshots);
  for (const line of audit.rows) put(line);
  sheet.formats.push(...audit.formats);
  sheet.conditionalFormats.push(...audit.conditionalFormats);
  sheet.charts.push(...audit.charts);
  const readiness = readinessSection(rows.length + 1);
  for (const line of readiness.rows) put(line);
  sheet.formats.push(...readiness.formats);
  sheet.conditionalFormats.push(...readiness.conditionalFormats);
  // Status mix of every clause and control: the source of the pie chart (one contiguous block).
  put([]);
  const mixHeader = put([v("Status mix (clauses and Annex A)")]) + 1;
  put([v("Status"), v("Rows")]);
  for (const s of SCORED_STATUSES)
    put([v(s), f(`=${[C, A].map((t) => `COUNTIF(${t}[Status],"${s}")`).join("+")}`)]);
  const mixLast = put([
    v("Not Assessed"),
    f(
      `=ROWS(${C}[ID])+ROWS(${A}[ID])-SUM(B${mixHeader + 1}:B${mixHeader + SCORED_STATUSES.length})`
    ),
  ]);
  sheet.formats.push(
    { range: `A${mixHeader - 1}`, style: SECTION },
    { range: `A${mixHeader}:B${mixHeader}`, style: HEADER },
    { range: `B${mixHeader + 1}:B${mixLast}`, style: FORMULA }
  );

  // Review notes per sheet (issue 18).
  put([]);
  const review = reviewSection(rows.length + 1);
  for (const line of review.rows) put(line);
  sheet.formats.push(...review.formats);

  sheet.blocks.push({ at: "A1", cells: rows });
  sheet.formats.push(
    { range: "A1", style: TITLE },
    { range: "A2", style: SUBTITLE },
    { range: "A4", style: SECTION },
    { range: `A${areaHeader - 1}`, style: SECTION },
    { range: `A${heatHeader - 1}`, style: SECTION },
    { range: `A${complianceHeader}:D${complianceHeader}`, style: HEADER },
    { range: `A${areaHeader}:I${areaHeader}`, style: HEADER },
    { range: `I${areaFirst}:I${areaLast}`, numberFormat: "0.0", style: FORMULA },
    { range: `B${heatHeader}:F${heatHeader}`, style: { hAlign: "center" } },
    { range: `A${heatHeader}:F${heatHeader}`, style: HEADER },
    { range: `B${overall}:B${progress}`, numberFormat: "0.0%", style: { ...FORMULA, bold: true } },
    { range: `C${overall}:D${annex}`, style: FORMULA },
    { range: `B${areaFirst}:B${areaLast}`, numberFormat: "0.0%", style: FORMULA },
    { range: `C${areaFirst}:H${areaLast}`, style: FORMULA }
  );
  sheet.conditionalFormats.push(
    { kind: "dataBar", range: `B${overall}:B${progress}`, color: COLORS.brand },
    { kind: "dataBar", range: `B${areaFirst}:B${areaLast}`, color: COLORS.brand }
  );
  sheet.charts.push(
    {
      // Its name from when it showed clauses and themes: workbooks built then keep one chart.
      name: "ComplianceByArea",
      type: "barClustered",
      title: "Compliance per clause",
      source: `A${areaHeader}:B${clauseLast}`,
      from: "J4",
      to: "Q21",
    },
    {
      name: "ComplianceByTheme",
      type: "barClustered",
      title: "Compliance per Annex A theme",
      source: `A${clauseLast + 1}:B${areaLast}`,
      headers: false,
      from: "J22",
      to: "Q35",
    },
    {
      name: "StatusMix",
      type: "pie",
      title: "Status mix",
      source: `A${mixHeader}:B${mixLast}`,
      from: "J36",
      to: "Q53",
    }
  );
  sheet.rowHeights = { [areaHeader]: 30 };
  // Labels longer than column A wrap where a value stands beside them (they cannot run on).
  rows.forEach((line, i) => {
    const [label, beside] = line;
    if (typeof label?.value !== "string" || !beside) return;
    if ((beside.value ?? null) === null && beside.formula === undefined) return;
    const height = estimateRowHeight([{ text: label.value, width: sheet.widths.A }]);
    if (height === undefined) return;
    sheet.rowHeights[i + 1] = Math.max(sheet.rowHeights[i + 1] ?? 0, height);
    sheet.formats.push({ range: `A${i + 1}`, style: { wrap: true, vAlign: "top" } });
  });
  // Through the charts' columns; each section (readiness included) whole on one page.
  const sections = sheet.formats
    .filter((f) => f.style === SECTION && /^A\d+$/.test(f.range))
    .map((f) => Number(f.range.slice(1)));
  sheet.print = sectionedPrint(sheet, "Q", sections, rows.length);
  const ref = (row: number): string => `='${SHEETS.summary}'!$B$${row}`;
  return {
    sheet,
    names: [
      {
        name: "Compliance_Overall",
        refersTo: ref(overall),
        comment: "Share of assessed, applicable rows met (0–1)",
      },
      { name: "Compliance_Clauses", refersTo: ref(clauses) },
      { name: "Compliance_AnnexA", refersTo: ref(annex) },
      ...audit.names,
      ...readiness.names,
    ],
  };
}
