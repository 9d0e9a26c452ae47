// The Remediation Plan sheet: one table of actions; Risk level and Priority follow the
// assessment row live (lookup by ID), dates are real dates, overdue and missing cells light up.
import {
  FINDING_TYPES,
  PHASES,
  REMEDIATION_COLUMNS,
  PROGRESS_VALUES,
  SHEETS,
  TABLES,
  TREATMENTS,
} from "../contract";
import { emptySheet, type PlanCell, type SheetPlan } from "./workbookPlan";
import { columnLetter } from "../snapshot";
import { thisRow } from "./assessmentSheet";
import { heightOfLines, readableTablePrint, tallestCell } from "./printLayout";
import { CATALOG_TEXT, COLORS, FORMULA, HEADER, INPUT, SUBTITLE, TITLE } from "./styles";
import { type RemediationRow } from "../read/remediation";

export const REMEDIATION_HEADER_ROW = 4;
const T = TABLES.remediation;

/**
 * The plan's order as the table's own sort can give it: clause gaps before Annex A ("Clauses 4-10"
 * sorts after "Annex A", so descending), then Priority, highest first. Rows that tie keep their
 * order (core/remediation.ts breaks ties by risk score and natural id, which no column holds).
 * Where Excel differs from that order: an open gap without a Priority shows "", which Excel sorts
 * above numbers when descending, and rows without a Source (typed by hand) go last, being blank.
 */
export const REMEDIATION_SORT = [
  { header: "Source", ascending: false },
  { header: "Priority", ascending: false },
];

const NUMBER_FORMATS: Record<string, string> = {
  Start: "yyyy-mm-dd",
  Due: "yyyy-mm-dd",
  "Effort (days)": "0.0",
  Cost: "#,##0",
};

const WIDTHS: Record<string, number> = {
  ID: 8,
  Source: 13,
  Title: 30,
  Finding: 40,
  Type: 12,
  "Risk level": 10,
  Priority: 9,
  Treatment: 12,
  Action: 40,
  Owner: 16,
  Start: 12,
  Due: 12,
  Progress: 13,
  Phase: 10,
  "Effort (days)": 9,
  Cost: 11,
  Resources: 20,
  Notes: 30,
};

/** Input messages (Excel caps them at 255 characters) on the planned columns. */
const PROMPTS: Record<string, { title: string; message: string }> = {
  "Effort (days)": {
    title: "Effort in person-days",
    message:
      "Suggested from the catalog (half for a partial gap) or the Settings effort per finding type. Your own figure is kept.",
  },
  Cost: {
    title: "Cost",
    message:
      "Effort × the Settings day rate, in the Settings currency, when planned. Your own figure is kept.",
  },
  Start: {
    title: "Start",
    message:
      "Planned when the owner has a free slot (Settings: actions per owner at a time) and any prerequisite is due.",
  },
  Due: {
    title: "Due",
    message:
      "Start + effort in working days (Mon–Fri), never after the SLA of the priority band on Settings.",
  },
};

/** Looks a column of the assessment row up by Source and ID. */
function lookup(column: string): string {
  const find = (table: string): string =>
    `INDEX(${table}[${column}],MATCH(${thisRow(T, "ID")},${table}[ID],0))`;
  return `=IFERROR(IF(${thisRow(T, "Source")}="${SHEETS.annexA}",${find(TABLES.annexA)},IF(${thisRow(T, "Source")}="${SHEETS.clauses}",${find(TABLES.clauses)},"")),"")`;
}

export function layoutRemediationSheet(rows: RemediationRow[], extraColumns: string[]): SheetPlan {
  const sheet = emptySheet(SHEETS.remediation);
  sheet.tabColor = "#C55A11";
  const columns = [
    ...REMEDIATION_COLUMNS,
    ...extraColumns.filter((c) => !(REMEDIATION_COLUMNS as readonly string[]).includes(c)),
  ];
  const formulas: Record<string, string> = {
    "Risk level": lookup("Risk level"),
    Priority: lookup("Priority"),
  };
  const body: PlanCell[][] = rows.map((row) =>
    columns.map((c) => (formulas[c] ? { formula: formulas[c] } : { value: row[c] ?? null }))
  );
  // A table needs at least one data row; an empty plan gets one blank row to type into.
  if (body.length === 0)
    body.push(columns.map((c) => (formulas[c] ? { formula: formulas[c] } : { value: null })));
  const header = REMEDIATION_HEADER_ROW;
  const first = header + 1;
  const last = header + body.length;
  sheet.blocks.push({
    at: "A1",
    cells: [
      [{ value: "Remediation Plan" }],
      [
        {
          value:
            "One row per open gap: a suggested action, effort, cost (effort × the Settings day rate) and dates scheduled per owner in working days. Edit anything freely: regenerating keeps every edit.",
        },
      ],
    ],
  });
  sheet.blocks.push({ at: `A${header}`, cells: [columns.map((c) => ({ value: c })), ...body] });
  sheet.tables.push({
    name: T,
    at: `A${header}`,
    columns: columns.map((c) => ({ header: c, formula: formulas[c] })),
    rows: body.length,
    style: "TableStyleLight10",
    sort: REMEDIATION_SORT,
  });
  sheet.freeze = { rows: header, columns: 1 };
  sheet.formats.push({ range: "A1", style: TITLE }, { range: "A2", style: SUBTITLE });
  sheet.formats.push({
    range: `A${header}:${columnLetter(columns.length - 1)}${header}`,
    style: HEADER,
  });
  const range = (c: string): string => {
    const letter = columnLetter(columns.indexOf(c));
    return `${letter}${first}:${letter}${last}`;
  };
  const cell = (c: string): string => `$${columnLetter(columns.indexOf(c))}${first}`;
  columns.forEach((c, i) => {
    sheet.widths[columnLetter(i)] = WIDTHS[c] ?? 18;
    if (formulas[c]) sheet.formats.push({ range: range(c), style: FORMULA });
    else if (["ID", "Source", "Title"].includes(c))
      sheet.formats.push({ range: range(c), style: CATALOG_TEXT });
    else sheet.formats.push({ range: range(c), style: INPUT, numberFormat: NUMBER_FORMATS[c] });
  });
  // Files carry no autofit: rows as tall as their longest wrapped text.
  sheet.rowHeights = { [header]: 30 };
  const wrapped = columns.flatMap((c, index) =>
    formulas[c] ? [] : [{ index, width: WIDTHS[c] ?? 18 }]
  );
  body.forEach((cells, i) => {
    const height = heightOfLines(tallestCell(cells, wrapped));
    if (height !== undefined) sheet.rowHeights[first + i] = height;
  });
  // On paper: ID, source and title on every page, then the finding through the schedule.
  sheet.print = readableTablePrint(
    sheet,
    columns,
    { headerRow: header, lastRow: last },
    { titleThrough: "Title", from: "Finding", through: "Phase" }
  );
  const list = (c: string, values: readonly string[]): void => {
    sheet.validations.push({
      range: range(c),
      rule: { kind: "list", source: values.join(",") },
      error: { title: c, message: `Choose one of: ${values.join(", ")}.`, style: "stop" },
    });
  };
  list("Type", FINDING_TYPES);
  list("Treatment", TREATMENTS);
  list("Progress", PROGRESS_VALUES);
  list("Phase", PHASES);
  sheet.validations.push({
    range: range("Owner"),
    rule: { kind: "list", source: "=Team_Names" },
    error: {
      title: "Not on the team list",
      message: "This name is not in the team table on Settings. Keep it anyway?",
      style: "warning",
    },
  });
  for (const c of ["Effort (days)", "Cost"]) {
    sheet.validations.push({
      range: range(c),
      rule: { kind: "decimal", min: 0 },
      prompt: PROMPTS[c],
      error: { title: `${c} is a number`, message: "Enter a number of 0 or more.", style: "stop" },
    });
  }
  for (const c of ["Start", "Due"]) {
    sheet.validations.push({
      range: range(c),
      rule: { kind: "date" },
      prompt: PROMPTS[c],
      error: { title: `${c} is a date`, message: "Enter a date, e.g. 2026-12-31.", style: "stop" },
    });
  }
  const due = cell("Due");
  const progress = cell("Progress");
  const open = `${progress}<>"Done",${progress}<>"Resolved"`;
  sheet.conditionalFormats.push(
    {
      kind: "expression",
      range: range("Due"),
      formula: `AND(ISNUMBER(${due}),${due}<TODAY(),${open})`,
      style: { fill: COLORS.problem.fill, fontColor: COLORS.problem.font, bold: true },
    },
    {
      kind: "expression",
      range: range("Due"),
      formula: `AND(LEN(${due})=0,${open})`,
      style: { fill: COLORS.partial.fill },
    },
    {
      kind: "expression",
      range: range("Owner"),
      formula: `AND(LEN(TRIM(${cell("Owner")}))=0,${open})`,
      style: { fill: COLORS.partial.fill },
    },
    {
      kind: "expression",
      range: range("Progress"),
      formula: `OR(${progress}="Done",${progress}="Resolved")`,
      style: { fill: COLORS.compliant.fill, fontColor: COLORS.compliant.font },
    }
  );
  for (const [value, colour] of Object.entries(COLORS.risk)) {
    sheet.conditionalFormats.push({
      kind: "expression",
      range: range("Risk level"),
      formula: `${cell("Risk level")}="${value}"`,
      style: { fill: colour.fill, fontColor: colour.font },
    });
  }
  return sheet;
}

/** Summary rows about the plan: overdue, due soon, then open actions with effort and cost per
 *  phase, owner (owners as of generation) and finding type. */
export function remediationSummaryRows(owners: string[]): {
  rows: PlanCell[][];
  headers: number[];
  dates: number[];
} {
  const open = `${T}[Progress],"<>Done",${T}[Progress],"<>Resolved"`;
  const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;
  const breakdown = (label: string, column: string, values: string[]): PlanCell[][] => [
    [
      { value: label },
      { value: "Open" },
      { value: "Effort (days)" },
      { formula: '="Cost ("&Currency_Code&")"' },
      { value: "Latest due" },
    ],
    ...values.map((v) => {
      const match = `${T}[${column}],${quoted(v)}`;
      return [
        { value: v || "(none)" },
        { formula: `=COUNTIFS(${match},${T}[ID],"<>",${open})` },
        { formula: `=SUMIFS(${T}[Effort (days)],${match},${open})` },
        { formula: `=SUMIFS(${T}[Cost],${match},${open})` },
        // Latest due date of the group's open actions (0 = none); SUMPRODUCT evaluates the array everywhere.
        {
          formula: `=IFERROR(SUMPRODUCT(MAX((${T}[${column}]=${quoted(v)})*(${T}[Progress]<>"Done")*(${T}[Progress]<>"Resolved")*${T}[Due])),"")`,
        },
      ];
    }),
  ];
  const rows: PlanCell[][] = [
    [{ value: "Remediation" }],
    [{ value: "Measure" }, { value: "Actions" }],
    [{ value: "Open actions" }, { formula: `=COUNTIFS(${T}[ID],"<>",${open})` }],
    [
      { value: "Overdue (due before today, not done)" },
      { formula: `=COUNTIFS(${T}[Due],"<"&TODAY(),${open})` },
    ],
    [
      { value: "Due in the next 30 days" },
      { formula: `=COUNTIFS(${T}[Due],">="&TODAY(),${T}[Due],"<="&(TODAY()+30),${open})` },
    ],
    [
      { value: "Estimated effort of open actions (days)" },
      { formula: `=SUMIFS(${T}[Effort (days)],${open})` },
    ],
    [
      { formula: '="Estimated cost of open actions ("&Currency_Code&")"' },
      { formula: `=SUMIFS(${T}[Cost],${open})` },
    ],
    [],
    ...breakdown("By phase", "Phase", [...PHASES]),
    [],
    ...breakdown("By owner", "Owner", [...owners, ""]),
    [],
    ...breakdown("By finding type", "Type", [...FINDING_TYPES]),
  ];
  // Offsets (0-based, within `rows`) of header rows and of rows whose fifth cell is a date.
  const headers = rows.flatMap((r, i) =>
    i === 1 || ["By phase", "By owner", "By finding type"].includes(String(r[0]?.value)) ? [i] : []
  );
  const dates = rows.flatMap((r, i) =>
    typeof r[4]?.formula === "string" && r[4].formula.includes("MAX(") ? [i] : []
  );
  return { rows, headers, dates };
}
