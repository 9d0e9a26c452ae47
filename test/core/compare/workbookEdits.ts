// Helpers for the compare and merge tests: build a workbook with the CLI, edit copies with ExcelJS
// by sheet, ID and header (as a person would in Excel), read cells back the same way.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../../src/xlsx/package/openXlsxPackage";
import { main } from "../../../src/cli/main";

export { capture } from "../../support/cliIo";
import { capture } from "../../support/cliIo";

export function tempDir(prefix: string): (name: string) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return (name) => path.join(dir, name);
}

export async function buildWorkbook(out: string): Promise<void> {
  const io = capture();
  const code = await main(["build", "--out", out], io);
  if (code !== 0) throw new Error(`build failed: ${io.stderr}`);
}

/** A sheet's header row (1-based) and column numbers by header text. */
export function headers(ws: ExcelJS.Worksheet): { row: number; at: Map<string, number> } {
  for (let r = 1; r <= 20; r++) {
    const at = new Map<string, number>();
    ws.getRow(r).eachCell((c, i) => {
      if (typeof c.value === "string") at.set(c.value.trim(), i);
    });
    if (at.has("ID")) return { row: r, at };
  }
  throw new Error(`no header row on ${ws.name}`);
}

/** The 1-based row whose ID cell shows `id`. */
export function rowOf(ws: ExcelJS.Worksheet, id: string, idHeader = "ID"): number {
  const { row, at } = headers(ws);
  const c = at.get(idHeader) as number;
  for (let r = row + 1; r <= ws.rowCount; r++) if (ws.getCell(r, c).text.trim() === id) return r;
  throw new Error(`no row ${id} on ${ws.name}`);
}

export function cell(ws: ExcelJS.Worksheet, id: string, header: string): ExcelJS.Cell {
  const { at } = headers(ws);
  const c = at.get(header);
  if (!c) throw new Error(`no column ${header} on ${ws.name}`);
  return ws.getCell(rowOf(ws, id), c);
}

/** The Settings value cell right of a label in column A. */
export function settingCell(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  for (let r = 1; r <= ws.rowCount; r++)
    if (ws.getCell(r, 1).text.trim() === label) return ws.getCell(r, 2);
  throw new Error(`no setting ${label}`);
}

/** Copies `from` to `to`, editing it with ExcelJS in between. */
export async function editCopy(
  from: string,
  to: string,
  edit: (wb: ExcelJS.Workbook) => void
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(from, wb);
  edit(wb);
  await wb.xlsx.writeFile(to);
}

export async function openBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(file, wb);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}
