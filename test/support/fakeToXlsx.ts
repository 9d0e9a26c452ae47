// Dumps the recording Excel fake's workbook to an .xlsx file with ExcelJS, so a real spreadsheet
// engine (LibreOffice) can recalculate what the add-in left in Excel: every sheet in tab order
// with its values and formulas (no cached results), number formats, fills and hyperlinks, every
// table (name, range, headers) and every defined name that refers to a range. Validations,
// conditional formats and charts are not carried: a recalculation does not need them.
import ExcelJS from "exceljs";
import { cellAddress } from "../../src/core/snapshot";
import type { ExcelFake } from "../fakes/excelFake";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/** Last used row and column (0-based) of an address like "A1:T97", or null. */
function lastCell(used: string | null): { row: number; col: number } | null {
  const last = used?.split("!").pop()?.split(":").pop();
  const m = last ? /^([A-Z]+)(\d+)$/.exec(last) : null;
  if (!m) return null;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** The fake's workbook as an ExcelJS workbook. */
export function fakeToWorkbook(fake: ExcelFake): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheets = (fake.state as unknown as { sheetList: { name: string }[] }).sheetList;
  for (const { name } of sheets) {
    const state = fake.state.sheet(name);
    const ws = workbook.addWorksheet(name);
    const last = lastCell(state.usedRange() as string | null);
    if (!last) continue;
    for (let r = 0; r <= last.row; r++)
      for (let c = 0; c <= last.col; c++) {
        const address = cellAddress(r, c);
        const cell = state.cell(address);
        const target = ws.getCell(address);
        if (cell.formula !== null) target.value = { formula: cell.formula.replace(/^=/, "") };
        else if (cell.value !== "" && cell.value !== null) target.value = cell.value;
        if (cell.hyperlink?.address)
          target.value = {
            text: String(cell.value ?? ""),
            hyperlink: cell.hyperlink.address,
          } as ExcelJS.CellHyperlinkValue;
        if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
        if (cell.format.fill)
          target.fill = {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: argb(cell.format.fill) },
          };
      }
    for (const table of state.tables) {
      const [from, to] = table.address.split(":");
      const a = lastCell(from);
      const b = lastCell(to);
      if (!a || !b) continue;
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = a.row + 1; r <= b.row; r++)
        rows.push(table.headers.map((_, j) => ws.getCell(cellAddress(r, a.col + j)).value ?? null));
      ws.addTable({
        name: table.name,
        ref: from,
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: table.headers.map((h) => ({ name: h, filterButton: true })),
        rows,
      });
    }
  }
  for (const [name, formula] of Object.entries(fake.state.names)) {
    const reference = formula.replace(/^=/, "");
    if (/^('[^']+'|[^'!(]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(reference))
      workbook.definedNames.add(reference, name);
  }
  return workbook;
}

/** Writes the fake's workbook to `file`. */
export async function fakeToXlsx(fake: ExcelFake, file: string): Promise<void> {
  await fakeToWorkbook(fake).xlsx.writeFile(file);
}
