// The two assessment sheets: one Excel table each, catalog rows plus whatever a person added,
// score formulas as calculated columns, dropdowns, status and risk colours, in-sheet checks.
import { SCORED_STATUSES } from "../scale";
import { CLAUSES, CONTROLS, CLAUSE_PARENTS } from "../../catalog";
import type { AssessmentSheetSpec } from "../contract";
import {
  ASSESSMENT_METHODS,
  CATALOG_COLUMNS,
  EVIDENCE_HINT,
  MATURITY_LEVELS,
  REVIEW_STATES,
  SCORE_COLUMNS,
  hasColumn,
} from "../contract";
import type { RowInputs } from "../inputs";
import {
  emptySheet,
  type ConditionalFormatPlan,
  type PlanCell,
  type SheetPlan,
  type TableColumnPlan,
} from "./workbookPlan";
import { columnLetter, type CellValue } from "../snapshot";
import { heightOfLines, readableTablePrint, tallestCell } from "./printLayout";
import { CATALOG_TEXT, COLORS, FORMULA, HEADER, INPUT, SUBTITLE, TITLE } from "./styles";

/** Rows above the table: title, hint, blank. The header sits on this 1-based row. */
export const TABLE_HEADER_ROW = 4;

const WIDTHS: Record<string, number> = {
  ID: 8,
  Theme: 14,
  Title: 32,
  Question: 60,
  Applicable: 11,
  Justification: 30,
  Status: 20,
  Evidence: 40,
  [EVIDENCE_HINT]: 36,
  Owner: 16,
  Likelihood: 11,
  Impact: 9,
  "Gap score": 8,
  "Risk score": 8,
  "Risk level": 10,
  Priority: 9,
  Maturity: 10,
  Method: 20,
  "Assessed by": 14,
  "Assessed on": 12,
  Reviewer: 14,
  "Reviewer note": 30,
  Response: 30,
  Review: 11,
  Notes: 30,
};

/** Structured reference to a column in the same row, in the form files require. */
export function thisRow(table: string, column: string): string {
  return `${table}[[#This Row],[${column}]]`;
}

export function scoreFormulas(spec: AssessmentSheetSpec): Record<string, string> {
  const t = (c: string): string => thisRow(spec.table, c);
  // Nested IFs from the scale: IF(Status="Compliant",Weight_Compliant,IF(…,"")).
  const weight = SCORED_STATUSES.reduceRight(
    (otherwise, { status, weight: w }) => `IF(${t("Status")}="${status}",${w.name},${otherwise})`,
    '""'
  );
  return {
    "Gap score":
      spec.kind === "annexA" ? `=IF(${t("Applicable")}="No","",${weight})` : `=${weight}`,
    "Risk score": `=IF(AND(ISNUMBER(${t("Likelihood")}),ISNUMBER(${t("Impact")})),${t("Likelihood")}*${t("Impact")},"")`,
    "Risk level":
      `=IF(ISNUMBER(${t("Risk score")}),IF(${t("Risk score")}>=Band_Critical,"Critical",IF(${t("Risk score")}>=Band_High,"High",` +
      `IF(${t("Risk score")}>=Band_Medium,"Medium","Low"))),"")`,
    Priority: `=IF(AND(ISNUMBER(${t("Gap score")}),ISNUMBER(${t("Risk score")})),${t("Gap score")}*${t("Risk score")},"")`,
  };
}

interface CatalogRow {
  id: string;
  cells: Record<string, string>;
}

function catalogRows(spec: AssessmentSheetSpec): CatalogRow[] {
  if (spec.kind === "clauses") {
    return CLAUSES.map((c) => ({
      id: c.id,
      cells: {
        ID: c.id,
        Title: c.title,
        Question: c.climateQuestion ? `${c.question} ${c.climateQuestion}` : c.question,
        [EVIDENCE_HINT]: c.evidence,
      },
    }));
  }
  return CONTROLS.map((c) => ({
    id: c.id,
    cells: {
      ID: c.id,
      Theme: c.theme,
      Title: c.title,
      Question: c.question,
      [EVIDENCE_HINT]: c.evidence,
    },
  }));
}

export interface AssessmentLayoutInput {
  spec: AssessmentSheetSpec;
  /** Values a person typed, by row id (catalog ids and ids of rows they added). */
  inputs: Map<string, RowInputs>;
  /** Headers of columns a person added to the table, in order. */
  extraColumns: string[];
  /** Maturity mode (Settings): the Maturity column is hidden while off. */
  showMaturity?: boolean;
}

function isScoreColumn(column: string): boolean {
  return (SCORE_COLUMNS as readonly string[]).includes(column);
}

/** A1 range of one table column's data cells. */
function columnRange(columns: string[], column: string, firstRow: number, lastRow: number): string {
  const letter = columnLetter(columns.indexOf(column));
  return `${letter}${firstRow}:${letter}${lastRow}`;
}

export function layoutAssessmentSheet({
  spec,
  inputs,
  extraColumns,
  showMaturity = false,
}: AssessmentLayoutInput): SheetPlan {
  const sheet = emptySheet(spec.sheet);
  sheet.tabColor = spec.kind === "clauses" ? COLORS.header : COLORS.brand;
  const columns = [...spec.columns, ...extraColumns.filter((c) => !hasColumn(spec.columns, c))];
  const formulas = scoreFormulas(spec);

  // Catalog rows first, in catalog order; then rows a person added, in the order they had them.
  const catalog = catalogRows(spec);
  const known = new Set(catalog.map((r) => r.id));
  const rows: { id: string; fixed: Record<string, string> }[] = catalog.map((r) => ({
    id: r.id,
    fixed: r.cells,
  }));
  for (const id of inputs.keys()) if (!known.has(id)) rows.push({ id, fixed: { ID: id } });

  const header = TABLE_HEADER_ROW;
  const first = header + 1;
  const last = header + rows.length;
  const tableColumns: TableColumnPlan[] = columns.map((c) => ({
    header: c,
    formula: isScoreColumn(c) ? formulas[c] : undefined,
  }));

  const grid: PlanCell[][] = [columns.map((c) => ({ value: c }))];
  for (const row of rows) {
    const typed = inputs.get(row.id) ?? {};
    grid.push(
      columns.map((c): PlanCell => {
        if (isScoreColumn(c)) return { formula: formulas[c] };
        if (c in row.fixed) return { value: row.fixed[c] };
        const v: CellValue | undefined = typed[c];
        if (v === undefined || v === null)
          return {
            value:
              c === "Status" && known.has(row.id)
                ? "Not Assessed"
                : c === "Applicable" && known.has(row.id)
                  ? "Yes"
                  : null,
          };
        return { value: v };
      })
    );
  }

  const title =
    spec.kind === "clauses"
      ? "Clauses 4-10 — ISMS requirements (all mandatory)"
      : "Annex A — ISO/IEC 27001:2022 controls";
  const hint =
    "Fill the white columns: Status, Evidence, Owner, Likelihood and Impact (1–5). Grey columns are formulas. " +
    (spec.kind === "annexA"
      ? "Set Applicable to No, with a justification, to exclude a control."
      : "Clauses cannot be Not Applicable.");
  sheet.blocks.push({ at: "A1", cells: [[{ value: title }], [{ value: hint }]] });
  sheet.blocks.push({ at: `A${header}`, cells: grid });
  sheet.formats.push({ range: "A1", style: TITLE }, { range: "A2", style: SUBTITLE });
  sheet.formats.push({
    range: `A${header}:${columnLetter(columns.length - 1)}${header}`,
    style: HEADER,
  });
  sheet.tables.push({
    name: spec.table,
    at: `A${header}`,
    columns: tableColumns,
    rows: rows.length,
    style: "TableStyleLight9",
  });
  sheet.freeze = { rows: header, columns: 1 };
  sheet.rowHeights = estimateRowHeights(grid, columns, header);
  columns.forEach((c, i) => {
    sheet.widths[columnLetter(i)] = WIDTHS[c] ?? 18;
    const range = columnRange(columns, c, first, last);
    if (isScoreColumn(c)) {
      sheet.formats.push({
        range,
        style: FORMULA,
        numberFormat: c === "Gap score" ? "0.0#" : c === "Risk level" ? undefined : "0.##",
      });
    } else if ((CATALOG_COLUMNS as readonly string[]).includes(c)) {
      // Locked in so many words: a column inserted into an existing table takes its
      // neighbour's (open) input format until the plan's own is applied.
      sheet.formats.push({ range, style: { ...CATALOG_TEXT, locked: true } });
    } else {
      sheet.formats.push({
        range,
        style: INPUT,
        numberFormat: c === "Assessed on" ? "yyyy-mm-dd" : undefined,
      });
    }
  });
  if (!showMaturity) sheet.hiddenColumns = [columnLetter(columns.indexOf("Maturity"))];
  // On paper: ID and title at the left of every page, then status through the scores (the
  // question stays on screen; the SoA prints applicability and justifications).
  sheet.print = readableTablePrint(
    sheet,
    columns,
    { headerRow: header, lastRow: last },
    { titleThrough: "Title", from: "Status", through: "Maturity" }
  );

  const range = (c: string): string => columnRange(columns, c, first, last);
  const cell = (c: string): string => `$${columnLetter(columns.indexOf(c))}${first}`;
  sheet.validations.push({
    range: range("Status"),
    rule: { kind: "list", source: "=Status_List" },
    prompt: {
      title: "Status",
      message: "Compliant, Partially Compliant, Non-Compliant, Not Applicable or Not Assessed.",
    },
    error: {
      title: "Not a status",
      message: "Pick a status from the list (the scale is on Settings).",
      style: "stop",
    },
  });
  for (const c of ["Likelihood", "Impact"]) {
    sheet.validations.push({
      range: range(c),
      rule: { kind: "whole", min: 1, max: 5 },
      prompt: {
        title: c,
        message: `A whole number from 1 (lowest) to 5 (highest); see the ${c} scale on Settings.`,
      },
      error: { title: `${c} is 1–5`, message: "Enter a whole number from 1 to 5.", style: "stop" },
    });
  }
  sheet.validations.push({
    range: range("Maturity"),
    rule: { kind: "whole", min: 0, max: 5 },
    prompt: {
      title: "Maturity 0–5",
      message: MATURITY_LEVELS.map((l, i) => `${i} ${l}`).join(", "),
    },
    error: {
      title: "Maturity is 0–5",
      message: "Enter a whole number from 0 (non-existent) to 5 (optimised).",
      style: "stop",
    },
  });
  // People from the team table on Settings; other names are allowed after a warning.
  for (const c of ["Owner", "Assessed by", "Reviewer"]) {
    sheet.validations.push({
      range: range(c),
      rule: { kind: "list", source: "=Team_Names" },
      error: {
        title: "Not on the team list",
        message: "This name is not in the team table on Settings. Keep it anyway?",
        style: "warning",
      },
    });
  }
  sheet.validations.push({
    range: range("Review"),
    rule: { kind: "list", source: REVIEW_STATES.join(",") },
    prompt: {
      title: "Review",
      message:
        "Open while the reviewer's note waits for a response, Answered once it has one, Closed when the reviewer accepts it.",
    },
    error: {
      title: "Not a review state",
      message: `Review is ${REVIEW_STATES.join(", ")}.`,
      style: "stop",
    },
  });
  sheet.validations.push({
    range: range("Method"),
    rule: { kind: "any" },
    prompt: {
      title: "Method",
      message: `${ASSESSMENT_METHODS.join(", ")} — several allowed, separated by commas.`,
    },
    error: { title: "Method", message: "", style: "warning" },
  });
  sheet.validations.push({
    range: range("Assessed on"),
    rule: { kind: "date" },
    error: {
      title: "A date",
      message: "Enter the date the row was assessed, e.g. 2026-11-25.",
      style: "stop",
    },
  });
  if (spec.kind === "annexA") {
    sheet.validations.push({
      range: range("Applicable"),
      rule: { kind: "list", source: "Yes,No" },
      error: { title: "Yes or No", message: "Applicable is Yes or No.", style: "stop" },
    });
  }

  const status = cell("Status");
  const cf = (
    c: string,
    formula: string,
    style: { fill?: string; fontColor?: string; bold?: boolean }
  ): ConditionalFormatPlan => ({
    kind: "expression",
    range: range(c),
    formula,
    style,
  });
  // In-sheet checks first, so a consultant without the add-in sees the same problems.
  sheet.conditionalFormats.push(
    cf(
      "Evidence",
      `AND(OR(${status}="Compliant",${status}="Partially Compliant"),LEN(TRIM(${cell("Evidence")}))=0)`,
      { fill: COLORS.problem.fill }
    ),
    cf(
      "Owner",
      `AND(OR(${status}="Partially Compliant",${status}="Non-Compliant"),LEN(TRIM(${cell("Owner")}))=0)`,
      { fill: COLORS.partial.fill }
    )
  );
  if (spec.kind === "clauses") {
    sheet.conditionalFormats.push(
      cf("Status", `${status}="Not Applicable"`, {
        fill: COLORS.problem.fill,
        fontColor: COLORS.problem.font,
        bold: true,
      })
    );
  } else {
    const applicable = cell("Applicable");
    sheet.conditionalFormats.push(
      cf(
        "Justification",
        `AND(OR(${applicable}="No",${status}="Not Applicable"),LEN(TRIM(${cell("Justification")}))=0)`,
        { fill: COLORS.problem.fill }
      ),
      cf(
        "Applicable",
        `OR(AND(${applicable}="No",${status}<>"Not Applicable"),AND(${applicable}="Yes",${status}="Not Applicable"))`,
        { fill: COLORS.problem.fill }
      )
    );
  }
  const statusColours: [string, { fill: string; font: string }][] = [
    ["Compliant", COLORS.compliant],
    ["Partially Compliant", COLORS.partial],
    ["Non-Compliant", COLORS.nonCompliant],
    ["Not Applicable", COLORS.notApplicable],
  ];
  for (const [value, colour] of statusColours) {
    sheet.conditionalFormats.push(
      cf("Status", `${status}="${value}"`, { fill: colour.fill, fontColor: colour.font })
    );
  }
  const level = cell("Risk level");
  for (const [value, colour] of Object.entries(COLORS.risk)) {
    sheet.conditionalFormats.push(
      cf("Risk level", `${level}="${value}"`, {
        fill: colour.fill,
        fontColor: colour.font,
        bold: value === "Critical",
      })
    );
  }
  sheet.protect = false;
  return sheet;
}

const WRAPPED = [
  "Title",
  "Question",
  "Justification",
  "Evidence",
  EVIDENCE_HINT,
  "Reviewer note",
  "Response",
  "Notes",
  "Finding",
  "Action",
];

/** Files carry no autofit: estimate each data row's height from its longest wrapped text. */
function estimateRowHeights(
  grid: PlanCell[][],
  columns: string[],
  headerRow: number
): Record<number, number> {
  const heights: Record<number, number> = { [headerRow]: 30 };
  const wrapped = columns.flatMap((c, index) =>
    WRAPPED.includes(c) ? [{ index, width: WIDTHS[c] ?? 18 }] : []
  );
  for (let i = 1; i < grid.length; i++) {
    const height = heightOfLines(tallestCell(grid[i], wrapped));
    if (height !== undefined) heights[headerRow + i] = height;
  }
  return heights;
}

/** Labels of the top-level clauses for the Summary ("4 Context of the organization"). */
export function clauseAreas(): { id: number; label: string }[] {
  return CLAUSE_PARENTS.map((p) => ({ id: p.id, label: `${p.id} ${p.title}` }));
}
