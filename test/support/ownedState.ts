// What the add-in owns in a workbook on the recording Excel fake, as plain data: for every sheet of
// a WorkbookPlan its cells (value or formula), the formats we set, tables, validations,
// conditional formats and charts, plus the plan's names. Two fakes that hold the same owned state
// compare equal, whatever else their users added; the reconcile tests compare a reconciled
// workbook with a fresh render of the same plan this way.
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { cellAddress } from "../../src/core/snapshot";
import type { ExcelFake } from "../fakes/excelFake";

export interface OwnedSheet {
  cells: Record<string, unknown>;
  formats: Record<string, string>;
  tables: { name: string; address: string; headers: string[]; calculated: string[] }[];
  validations: string[];
  conditionalFormats: string[];
  charts: string[];
}

export interface OwnedState {
  sheets: Record<string, OwnedSheet>;
  names: Record<string, string>;
}

/** Last row and column (0-based) of a sheet's used range, or -1 when empty. */
function extent(used: string | null): { rows: number; cols: number } {
  if (!used) return { rows: -1, cols: -1 };
  const last = used.split("!").pop()!.split(":").pop()!;
  const m = /^([A-Z]+)(\d+)$/.exec(last);
  if (!m) return { rows: -1, cols: -1 };
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { rows: Number(m[2]) - 1, cols: col };
}

/** Owned state of the fake's workbook for the plan's sheets (cells limited to `columns` if given). */
export function ownedState(fake: ExcelFake, plan: WorkbookPlan): OwnedState {
  const sheets: Record<string, OwnedSheet> = {};
  for (const sheetPlan of plan.sheets) {
    const sheet = fake.state.sheet(sheetPlan.name);
    const { rows, cols } = extent(sheet.usedRange(true) as string | null);
    const cells: Record<string, unknown> = {};
    const formats: Record<string, string> = {};
    for (let r = 0; r <= rows; r++)
      for (let c = 0; c <= cols; c++) {
        const address = cellAddress(r, c);
        const cell = sheet.cell(address);
        const content = cell.formula ?? cell.value;
        if (content !== null && content !== "") cells[address] = content;
        const f = cell.format;
        const look = [
          f.bold ? "b" : "",
          f.italic ? "i" : "",
          f.fill ?? "",
          f.fontColor === "#000000" ? "" : f.fontColor,
          f.fontSize === 11 ? "" : String(f.fontSize),
          cell.numberFormat === "General" ? "" : cell.numberFormat,
        ].join("|");
        if (look !== "|||||") formats[address] = look;
      }
    sheets[sheetPlan.name] = {
      cells,
      formats,
      tables: sheet.tables.map((t) => ({
        name: t.name,
        address: t.address,
        headers: t.headers,
        calculated: t.columns.filter((c) => c.formula !== null).map((c) => c.name),
      })),
      validations: sheet.validations
        .map((v) => `${v.address} ${v.type} ${JSON.stringify(v.rule)}`)
        .sort(),
      conditionalFormats: sheet.conditionalFormats
        .map((cf) => `${cf.address} ${cf.type} ${cf.formula ?? ""}`)
        .sort(),
      charts: sheet.charts.map((c) => `${c.name} ${c.type} ${c.source} ${c.start}:${c.end}`).sort(),
    };
  }
  const names: Record<string, string> = {};
  for (const n of plan.names) names[n.name] = fake.state.names[n.name];
  return { sheets, names };
}
