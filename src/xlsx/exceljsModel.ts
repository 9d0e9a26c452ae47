// The one place that reaches into ExcelJS 4.4 state its typings leave out. Each accessor names the
// field it reads or writes and why the public API cannot: a loaded table keeps its range in
// `table.tableRef` (Table.addRow/commit would rewrite every cell of a loaded table from rows it
// never loaded); a worksheet's tab position is `orderNo` (addWorksheet always appends); data
// validations and conditional formats live on the worksheet without being declared.
import type ExcelJS from "exceljs";

/** What ExcelJS keeps of a table it loaded or was given (its `table` model). */
export interface TableModel {
  name: string;
  displayName?: string;
  /** Header, body and totals, e.g. "A4:T97". */
  tableRef: string;
  /** Header and body (the filter range), when the table has a filter. */
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
  /** `<tableStyleInfo>`; missing when the part has none (LibreOffice writes none). */
  style?: TableStyleModel | null;
}

/** A table's `<tableStyleInfo>` as ExcelJS keeps it; `theme` is the style's name. */
export interface TableStyleModel {
  theme?: string | null;
  showFirstColumn?: boolean;
  showLastColumn?: boolean;
  showRowStripes?: boolean;
  showColumnStripes?: boolean;
}

/** The model behind an ExcelJS table; changes to it are what ExcelJS writes. */
export function tableModel(table: ExcelJS.Table): TableModel {
  return (table as unknown as { table: TableModel }).table;
}

/**
 * Gives each table of the sheet that has no `<tableStyleInfo>` an unnamed one (no style, as the
 * part says): ExcelJS's writer reads every table's style without checking that it is there.
 */
export function completeTableStyles(ws: ExcelJS.Worksheet): void {
  for (const table of ws.getTables() as unknown as ExcelJS.Table[]) {
    const model = tableModel(table);
    model.style ??= { theme: null, showRowStripes: false };
  }
}

/** Sets the worksheet's position among the tabs (ExcelJS sorts `workbook.worksheets` by it). */
export function setSheetOrder(ws: ExcelJS.Worksheet, orderNo: number): void {
  (ws as unknown as { orderNo: number }).orderNo = orderNo;
}

/** ExcelJS keeps one entry per cell address (or per range key when added as a range). */
export interface DataValidationStore {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
  find(address: string): ExcelJS.DataValidation | undefined;
}

export function dataValidations(ws: ExcelJS.Worksheet): DataValidationStore {
  return (ws as unknown as { dataValidations: DataValidationStore }).dataValidations;
}

/** The sheet's conditional formats, as loaded or added: `ref` and its rules. */
export function conditionalFormattings(
  ws: ExcelJS.Worksheet
): ExcelJS.ConditionalFormattingOptions[] {
  const holder = ws as unknown as {
    conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  };
  holder.conditionalFormattings ??= [];
  return holder.conditionalFormattings;
}
