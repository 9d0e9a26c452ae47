// WorkbookPlan: a host-agnostic description of the workbook the builder wants.
// core/layout.ts produces it; excel/ (Office.js) and xlsx/ (ExcelJS) each render it.
import type { CellValue } from "../snapshot";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string; // "#RRGGBB"
  fill?: string; // "#RRGGBB"
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  /** false = editable when the sheet is protected */
  locked?: boolean;
}

/** One cell: a constant, or a formula (English, A1 or structured references, leading "="). */
export interface PlanCell {
  value?: CellValue;
  formula?: string;
}

/** A rectangle of cells written in one go, starting at `at` (A1 of its top-left cell). */
export interface CellBlock {
  at: string;
  cells: PlanCell[][];
}

/** Number format or style applied to a whole range (A1, e.g. "B2:B40"). */
export interface RangeFormat {
  range: string;
  numberFormat?: string;
  style?: CellStyle;
}

export interface TableColumnPlan {
  header: string;
  /** Calculated column: the same formula on every row (structured references). */
  formula?: string;
}

/** An Excel table over an already-written block: header row at `at`, `rows` data rows below. */
export interface TablePlan {
  name: string;
  at: string;
  columns: TableColumnPlan[];
  rows: number;
  style: string;
  /**
   * The table's own order, by up to three of its columns: rows a later operation adds to an
   * existing table are put in place by sorting the table (rows move with their formats and
   * links), not by rewriting rows.
   */
  sort?: { header: string; ascending: boolean }[];
}

export type ValidationRule =
  | { kind: "list"; source: string } // "=Status_List" or "Yes,No"
  | { kind: "whole"; min: number; max: number }
  | { kind: "decimal"; min: number }
  /** No restriction: only an input prompt. */
  | { kind: "any" }
  | { kind: "date" };

export interface ValidationPlan {
  range: string;
  rule: ValidationRule;
  prompt?: { title: string; message: string };
  error: { title: string; message: string; style: "stop" | "warning" };
}

export type ConditionalFormatPlan =
  | {
      kind: "expression";
      range: string;
      /** Formula relative to the range's top-left cell, A1 references (no structured refs). */
      formula: string;
      style: { fill?: string; fontColor?: string; bold?: boolean };
    }
  | { kind: "dataBar"; range: string; color: string };

export interface ChartPlan {
  name: string;
  type: "columnClustered" | "barClustered" | "line" | "pie";
  title: string;
  /** Source data, A1 on the same sheet: categories in the first column, a series per other
   *  column, headers in the first row unless `headers` is false. */
  source: string;
  headers?: false;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

// How a sheet prints; the shared rules that fill it are in printLayout.ts.
/** Header or footer text in Excel's codes (&P page, &N pages, &A sheet; "&&" a literal &). */
export interface HeaderFooterText {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintPlan {
  /** Always landscape: the tables are wider than they are tall per row. */
  orientation: "landscape";
  /** Fit the printed columns on this many pages wide (rows flow onto as many pages as needed);
   *  absent = print at `scale` (Excel ignores manual page breaks while fitting). */
  fitToWidth?: number;
  /** Several pages wide: each band of rows left to right before the next ("over, then down"). */
  overThenDown?: boolean;
  /** Pages tall when fitting (0 = as many as needed). */
  fitToHeight?: number;
  /** Fixed zoom in percent, when not fitting. */
  scale?: number;
  /** Rows repeated at the top of every page, "4:4". */
  titleRows?: string;
  /** Columns repeated at the left of every page, "A:C". */
  titleColumns?: string;
  /** The printed range, "G4:P97"; absent = the used range. */
  area?: string;
  /** 1-based rows that start a new page (manual page breaks above them). */
  breaks: number[];
  /** Margins in inches. */
  margins: PrintMargins;
  header: HeaderFooterText;
  footer: HeaderFooterText;
}

export interface PrintMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface SheetPlan {
  name: string;
  tabColor?: string;
  /** Column widths in characters, by column letter. */
  widths: Record<string, number>;
  freeze?: { rows: number; columns: number };
  blocks: CellBlock[];
  formats: RangeFormat[];
  merges: string[];
  tables: TablePlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Native charts: Office.js draws them; files get them from xlsx/charts (ExcelJS writes none). */
  charts: ChartPlan[];
  protect: boolean;
  /** Row heights in points (1-based row → height) for rows with wrapped text; Office.js autofits instead. */
  rowHeights: Record<number, number>;
  /** Column letters to hide (e.g. Maturity while maturity mode is off). */
  hiddenColumns?: string[];
  /** How the sheet prints (page setup, titles, area, breaks, header and footer): printLayout.ts. */
  print?: PrintPlan;
}

export interface NamePlan {
  name: string;
  /** "=Settings!$B$4" */
  refersTo: string;
  comment?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  names: NamePlan[];
}

export function emptySheet(name: string): SheetPlan {
  return {
    name,
    widths: {},
    blocks: [],
    formats: [],
    merges: [],
    tables: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    protect: false,
    rowHeights: {},
  };
}
