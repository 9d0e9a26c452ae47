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
  /** Source data, A1 on the same sheet, headers included. */
  source: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
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
  /** Rendered through Office.js only (ExcelJS cannot write charts); files get data bars instead. */
  charts: ChartPlan[];
  protect: boolean;
  /** Row heights in points (1-based row → height) for rows with wrapped text; Office.js autofits instead. */
  rowHeights: Record<number, number>;
  /** Column letters to hide (e.g. Maturity while maturity mode is off). */
  hiddenColumns?: string[];
  /** Print setup: landscape, fit all columns on one page width. */
  print?: { landscape: boolean; fitToWidth: boolean };
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
