// A register sheet: a title, a hint, one Excel table whose rows people type (builder formulas as
// calculated columns, locked; input columns unlocked), and the reverse — reading its rows back.
// Shared by the Statement of Applicability, Documents, Risk Register and History sheets.
import type { RowInputs } from "../inputs";

import { emptySheet, type CellStyle, type PlanCell, type SheetPlan } from "./workbookPlan";
import { columnLetter, type CellValue } from "../snapshot";
import { heightOfLines, tallestCell, widePagesPrint } from "./printLayout";
import { CATALOG_TEXT, FORMULA, HEADER, INPUT, SUBTITLE, TITLE } from "./styles";

/** Structured reference to a column in the same row, in the form files require. */
export function thisRowRef(table: string, column: string): string {
  return `${table}[[#This Row],[${column}]]`;
}

export type ColumnRole = "formula" | "fixed" | "input";

export interface RegisterColumn {
  header: string;
  role: ColumnRole;
  /** Calculated-column formula (role 'formula'). */
  formula?: string;
  width?: number;
  numberFormat?: string;
  /** Wrapped text: row heights grow with its length. */
  wrap?: boolean;
  style?: CellStyle;
}

export interface RegisterLayoutInput {
  name: string;
  table: string;
  tabColor: string;
  title: string;
  /** Lines under the title (text or formulas); the table header follows after a blank row. */
  intro: PlanCell[][];
  columns: RegisterColumn[];
  /** Data rows: header → value for the non-formula columns. */
  rows: RowInputs[];
  /** Blank rows left at the end of the table to type into (a protected sheet cannot grow a table). */
  spareRows: number;
  tableStyle: string;
  /** Extra rows to leave between the intro and the header row (e.g. an approval block). */
  headerRow?: number;
  freezeColumns?: number;
  /** Columns repeated at the left of every printed page across (default: the frozen ones). */
  printTitlesThrough?: string;
  /** The text a formula cell will show (for row heights: files carry no autofit). */
  shownText?: (row: RowInputs, header: string) => CellValue | undefined;
}

export interface RegisterLayout {
  sheet: SheetPlan;
  columns: RegisterColumn[];
  header: number;
  first: number;
  last: number;
  /** A1 range of a column's data cells. */
  range(column: string): string;
  /** A1 reference of a column's first data cell, column absolute ("$D5"): for conditional formats. */
  cell(column: string): string;
}

const DEFAULT_WIDTH = 16;

/** Lays out the sheet and its table; conditional formats and validations are the caller's. */
export function layoutRegister(input: RegisterLayoutInput): RegisterLayout {
  const sheet = emptySheet(input.name);
  sheet.tabColor = input.tabColor;
  const { columns } = input;
  const header = input.headerRow ?? input.intro.length + 3;
  const body: PlanCell[][] = input.rows.map((row) =>
    columns.map((c): PlanCell =>
      c.role === "formula" ? { formula: c.formula } : { value: row[c.header] ?? null }
    )
  );
  const blank = (): PlanCell[] =>
    columns.map((c): PlanCell => (c.role === "formula" ? { formula: c.formula } : { value: null }));
  for (let i = 0; i < input.spareRows; i++) body.push(blank());
  // A table needs at least one data row.
  if (body.length === 0) body.push(blank());
  const first = header + 1;
  const last = header + body.length;

  sheet.blocks.push({ at: "A1", cells: [[{ value: input.title }], ...input.intro] });
  sheet.blocks.push({
    at: `A${header}`,
    cells: [columns.map((c) => ({ value: c.header })), ...body],
  });
  sheet.tables.push({
    name: input.table,
    at: `A${header}`,
    columns: columns.map((c) => ({
      header: c.header,
      formula: c.role === "formula" ? c.formula : undefined,
    })),
    rows: body.length,
    style: input.tableStyle,
  });
  sheet.formats.push({ range: "A1", style: TITLE });
  input.intro.forEach((_, i) => sheet.formats.push({ range: `A${i + 2}`, style: SUBTITLE }));
  sheet.formats.push({
    range: `A${header}:${columnLetter(columns.length - 1)}${header}`,
    style: HEADER,
  });
  sheet.freeze = { rows: header, columns: input.freezeColumns ?? 1 };

  const index = new Map(columns.map((c, i) => [c.header, i]));
  const letter = (column: string): string => {
    const i = index.get(column);
    if (i === undefined) throw new Error(`No column "${column}" on ${input.name}`);
    return columnLetter(i);
  };
  const range = (column: string): string => `${letter(column)}${first}:${letter(column)}${last}`;
  columns.forEach((c, i) => {
    sheet.widths[columnLetter(i)] = c.width ?? DEFAULT_WIDTH;
    const base = c.role === "formula" ? FORMULA : c.role === "fixed" ? CATALOG_TEXT : INPUT;
    sheet.formats.push({
      range: range(c.header),
      style: { ...base, ...(c.wrap ? { wrap: true } : {}), ...c.style },
      numberFormat: c.numberFormat,
    });
  });
  // Too wide for one page at 60%: the frozen identifying columns repeat on each page across.
  const frozen = Math.max(1, input.freezeColumns ?? 1);
  sheet.print = widePagesPrint(
    sheet,
    columns.map((c) => c.header),
    header,
    input.printTitlesThrough ?? columns[Math.min(frozen, columns.length) - 1].header
  );
  sheet.rowHeights = { [header]: 30 };
  const wrapped = columns.flatMap((c, index) =>
    c.wrap || c.style?.wrap ? [{ index, width: c.width ?? DEFAULT_WIDTH }] : []
  );
  body.forEach((cells, i) => {
    const row = input.rows[i];
    const text = (j: number): unknown => {
      const c = columns[j];
      return c.role === "formula" && row ? input.shownText?.(row, c.header) : cells[j]?.value;
    };
    const height = heightOfLines(tallestCell(cells, wrapped, text));
    if (height !== undefined) sheet.rowHeights[first + i] = height;
  });
  return {
    sheet,
    columns,
    header,
    first,
    last,
    range,
    cell: (column) => `$${letter(column)}${first}`,
  };
}

/** The contract columns followed by the columns people added (in their order, no duplicates). */
export function withExtraColumns(contract: readonly string[], extra: string[]): string[] {
  const seen = new Set(contract.map((c) => c.toLowerCase()));
  const out = [...contract];
  for (const c of extra) {
    if (!c.trim() || seen.has(c.toLowerCase())) continue;
    seen.add(c.toLowerCase());
    out.push(c);
  }
  return out;
}

/** Risk level from a risk score reference, with the Settings bands (blank when not a number). */
export function levelFormula(score: string): string {
  return (
    `IF(ISNUMBER(${score}),IF(${score}>=Band_Critical,"Critical",IF(${score}>=Band_High,"High",` +
    `IF(${score}>=Band_Medium,"Medium","Low"))),"")`
  );
}
