// Reading and editing .xlsx files in tests: open a workbook, find a table's columns by header and
// its rows by ID. One copy for every suite that checks files the CLI writes.
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(file, wb);
  return wb;
}

/** Header text → 1-based column, from the header row of a table. */
export function headerColumns(ws: ExcelJS.Worksheet, headerRow: number): Map<string, number> {
  const columns = new Map<string, number>();
  ws.getRow(headerRow).eachCell((cell, col) => columns.set(String(cell.value), col));
  return columns;
}

/** 1-based row below `headerRow` whose column A holds `id`; throws when there is none. */
export function rowById(ws: ExcelJS.Worksheet, headerRow: number, id: string): number {
  for (let r = headerRow + 1; r <= ws.rowCount; r++)
    if (String(ws.getCell(r, 1).value) === id) return r;
  throw new Error(`${id} not on ${ws.name}`);
}
