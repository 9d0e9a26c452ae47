// Renders a WorkbookPlan into an ExcelJS workbook: the file-side twin of excel/renderPlan.ts.
// Draws whole sheets: the first build of a workbook, and sheets a later run adds (reconcile.ts
// updates the sheets that exist in place). Names go through ExcelJS's definedNames API.
import type ExcelJS from "exceljs";
import type {
  CellBlock,
  CellStyle,
  ConditionalFormatPlan,
  PlanCell,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../core/layout/workbookPlan";
import { parseCellAddress, cellAddress, columnLetter } from "../core/snapshot";
import { headerFooterString, type PrintPlan } from "../core/layout/printLayout";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function cellValue(cell: PlanCell): ExcelJS.CellValue {
  if (cell.formula !== undefined)
    return { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return cell.value ?? null;
}

function forEachCell(range: string, visit: (address: string) => void): void {
  const [from, to = from] = range.split(":");
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) visit(cellAddress(r, c));
}

export function applyStyle(
  cell: ExcelJS.Cell,
  style: CellStyle | undefined,
  numberFormat: string | undefined
): void {
  if (numberFormat) cell.numFmt = numberFormat;
  if (!style) return;
  const font: Partial<ExcelJS.Font> = { ...cell.font };
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  cell.font = font;
  if (style.fill)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.hAlign || style.vAlign) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.hAlign ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign ? { vertical: style.vAlign === "center" ? "middle" : style.vAlign } : {}),
    };
  }
  if (style.locked !== undefined) cell.protection = { locked: style.locked };
}

function writeBlock(ws: ExcelJS.Worksheet, block: CellBlock): void {
  const origin = parseCellAddress(block.at);
  block.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      ws.getCell(cellAddress(origin.row + r, origin.col + c)).value = cellValue(cell);
    })
  );
}

export function validation(plan: ValidationPlan): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: plan.error.style,
    errorTitle: plan.error.title,
    error: plan.error.message,
    ...(plan.prompt
      ? { showInputMessage: true, promptTitle: plan.prompt.title, prompt: plan.prompt.message }
      : {}),
  };
  switch (plan.rule.kind) {
    case "list": {
      const source = plan.rule.source.startsWith("=")
        ? plan.rule.source.slice(1)
        : `"${plan.rule.source}"`;
      return { ...base, type: "list", formulae: [source] };
    }
    case "whole":
      return {
        ...base,
        type: "whole",
        operator: "between",
        formulae: [plan.rule.min, plan.rule.max],
      };
    case "decimal":
      return {
        ...base,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [plan.rule.min],
      };
    case "any":
      return {
        ...base,
        type: "any",
        showErrorMessage: false,
        formulae: [],
      } as unknown as ExcelJS.DataValidation;
    case "date":
      return {
        ...base,
        type: "date",
        operator: "greaterThan",
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
  }
}

export function conditionalFormat(
  plan: ConditionalFormatPlan,
  priority: number
): ExcelJS.ConditionalFormattingOptions {
  if (plan.kind === "dataBar") {
    return {
      ref: plan.range,
      rules: [
        {
          type: "dataBar",
          priority,
          gradient: false,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: { argb: argb(plan.color) },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    };
  }
  const style: Partial<ExcelJS.Style> = {};
  if (plan.style.fill)
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(plan.style.fill) } };
  if (plan.style.fontColor || plan.style.bold) {
    style.font = {
      ...(plan.style.fontColor ? { color: { argb: argb(plan.style.fontColor) } } : {}),
      ...(plan.style.bold ? { bold: true } : {}),
    };
  }
  return {
    ref: plan.range,
    rules: [{ type: "expression", priority, formulae: [plan.formula], style }],
  };
}

function tableRows(
  ws: ExcelJS.Worksheet,
  plan: SheetPlan,
  tableIndex: number
): ExcelJS.CellValue[][] {
  const table = plan.tables[tableIndex];
  const origin = parseCellAddress(table.at);
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= table.rows; r++) {
    rows.push(
      table.columns.map((_, c) => ws.getCell(cellAddress(origin.row + r, origin.col + c)).value)
    );
  }
  return rows;
}

export async function renderSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): Promise<void> {
  const ws = workbook.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: argb(plan.tabColor) } } : {},
    views: plan.freeze
      ? [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }]
      : [],
  });
  for (const [letter, width] of Object.entries(plan.widths)) ws.getColumn(letter).width = width;
  for (const [row, height] of Object.entries(plan.rowHeights))
    ws.getRow(Number(row)).height = height;
  for (const letter of plan.hiddenColumns ?? []) ws.getColumn(letter).hidden = true;
  if (plan.print) applyPrint(ws, plan.print);
  plan.blocks.forEach((block) => writeBlock(ws, block));
  plan.tables.forEach((table, i) => {
    const rows = tableRows(ws, plan, i);
    ws.addTable({
      name: table.name,
      ref: table.at,
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows,
    });
  });
  for (const format of plan.formats)
    forEachCell(format.range, (a) => applyStyle(ws.getCell(a), format.style, format.numberFormat));
  plan.merges.forEach((m) => ws.mergeCells(m));
  // ExcelJS has dataValidations at run time but not in its typings.
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of plan.validations) validations.add(v.range, validation(v));
  plan.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting(conditionalFormat(cf, i + 1))
  );
  if (plan.protect) {
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: true,
    });
  }
}

/** The print plan as ExcelJS page setup, header/footer and row breaks; replaces ours entirely. */
export function applyPrint(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: print.orientation,
    fitToPage: print.fitToWidth !== undefined,
    fitToWidth: print.fitToWidth ?? 1,
    fitToHeight: print.fitToHeight ?? 0,
    scale: print.scale ?? 100,
    pageOrder: print.overThenDown ? "overThenDown" : "downThenOver",
    margins: { ...print.margins },
    // ExcelJS puts "$" before each column only; rows are made absolute here, or the name would
    // move with the active cell in Excel and LibreOffice would not apply it at all.
    printArea: print.area?.replace(/([A-Z]+)\$?(\d+)/g, "$1$$$2"),
    printTitlesRow: print.titleRows,
    printTitlesColumn: print.titleColumns,
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddHeader: headerFooterString(print.header),
    oddFooter: headerFooterString(print.footer),
  };
  // A break's id is the row it follows; a person's own breaks elsewhere stay.
  const breaks = (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks;
  for (const row of print.breaks)
    if (!breaks.some((b) => b.id === row - 1)) ws.getRow(row - 1).addPageBreak();
}

/** Draws the plan into `workbook` (which holds none of the plan's sheets yet) and sets its names. */
export async function renderPlanToWorkbook(
  plan: WorkbookPlan,
  workbook: ExcelJS.Workbook
): Promise<void> {
  const planned = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  for (const ws of [...workbook.worksheets])
    if (planned.has(ws.name.toLowerCase())) workbook.removeWorksheet(ws.id);
  for (const sheet of plan.sheets) await renderSheet(workbook, sheet);
  for (const n of plan.names) setWorkbookName(workbook, n.name, n.refersTo);
}

/** `Sheet!$A$1:$B$2` (sheet quoted or not) → sheet name and 1-based corners, or null. */
function parseNameRange(
  range: string
): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const m =
    /^(?:'((?:[^']|'')*)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(
      range.trim()
    );
  if (!m) return null;
  const a = parseCellAddress(`${m[3]}${m[4]}`);
  const b = m[5] ? parseCellAddress(`${m[5]}${m[6]}`) : a;
  return {
    sheet: m[1] ?? m[2],
    top: Math.min(a.row, b.row) + 1,
    left: Math.min(a.col, b.col) + 1,
    bottom: Math.max(a.row, b.row) + 1,
    right: Math.max(a.col, b.col) + 1,
  };
}

/** A name's reference as Excel compares it: sheet without quotes or case, cells without case. */
export function rangeKey(range: string): string {
  const r = parseNameRange(range.replace(/^=/, ""));
  return r
    ? `${r.sheet.replace(/''/g, "'").toLowerCase()}!${r.top},${r.left}:${r.bottom},${r.right}`
    : range.replace(/^=/, "").trim().toLowerCase();
}

/**
 * Points the workbook name `name` (any letter case) at `refersTo` through ExcelJS's definedNames
 * API, only when it points elsewhere now. True when it changed.
 */
export function setWorkbookName(
  workbook: ExcelJS.Workbook,
  name: string,
  refersTo: string
): boolean {
  const names = workbook.definedNames;
  const want = refersTo.replace(/^=/, "");
  const key = name.toLowerCase();
  const same = names.model.filter((n) => n.name.toLowerCase() === key);
  if (
    same.length === 1 &&
    same[0].name === name &&
    same[0].ranges.length === 1 &&
    rangeKey(same[0].ranges[0]) === rangeKey(want)
  )
    return false;
  for (const n of same) {
    for (const range of n.ranges) {
      const r = parseNameRange(range);
      if (!r) continue;
      const sheet = `'${r.sheet}'`;
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          names.remove(`${sheet}!$${columnLetter(col - 1)}$${row}`, n.name);
    }
  }
  names.add(want, name);
  return true;
}
