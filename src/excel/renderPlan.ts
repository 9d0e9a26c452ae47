// Renders a WorkbookPlan through Office.js: the add-in twin of xlsx/renderPlan.ts.
// Everything is queued and sent in as few syncs as the 5 MB request limit allows; uniform
// columns (calculated formulas, one number format) go as one scalar instead of a cell per row.
import type {
  CellBlock,
  CellStyle,
  ConditionalFormatPlan,
  PlanCell,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../core/layout/workbookPlan";
import { cellAddress, columnLetter, parseCellAddress } from "../core/snapshot";
import type { SheetInventory } from "./readSnapshots";

/** Stay well under Excel on the web's 5 MB request limit. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Excel column width in points for a width in characters of the default font. */
export const charsToPoints = (chars: number): number => Math.round(chars * 5.6 + 5);

export interface RenderProgress {
  (done: number, total: number): void;
}

/** Queues work and syncs when the queued payload would pass the budget. */
class Batcher {
  private pending = 0;
  syncs = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  async add(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > PAYLOAD_BUDGET) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}

const COERCED = [
  /^[=+\-@'.\d]/, // formulas, numbers, dates like 1/2, percentages, ids like 5.10
  /^\s/, // Excel trims and re-parses
  /^(true|false)$/i,
  /^[$€£¥]\s?\d/, // currency
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.]+\d/i, // "May 2025", "Mar-23"
];

/** Text Excel would turn into something else (a formula, number, date, boolean) gets a leading
 *  apostrophe, so "5.10" stays "5.10" and "=cmd" stays text: writing goes through `formulas`. */
export function asWritten(value: string | number | boolean): string | number | boolean {
  if (typeof value !== "string" || value === "") return value;
  return COERCED.some((pattern) => pattern.test(value)) ? `'${value}` : value;
}

const cellText = (cell: PlanCell | undefined): string | number | boolean =>
  cell?.formula ?? (cell?.value === null || cell?.value === undefined ? "" : asWritten(cell.value));

interface Run {
  range: string;
  formulas: (string | number | boolean)[][] | string | number | boolean;
  bytes: number;
}

/** Splits a block into column runs: a uniform formula column below its header becomes one scalar. */
export function blockRuns(block: CellBlock, maxBytes = PAYLOAD_BUDGET): Run[] {
  const origin = parseCellAddress(block.at);
  const height = block.cells.length;
  const width = Math.max(0, ...block.cells.map((r) => r.length));
  const runs: Run[] = [];
  const grid = (top: number, left: number, bottom: number, right: number): void => {
    // Rows in slices that fit the budget, so one huge sheet still writes.
    let start = top;
    while (start <= bottom) {
      let bytes = 0;
      let end = start;
      const rows: (string | number | boolean)[][] = [];
      while (end <= bottom) {
        const row = [];
        for (let c = left; c <= right; c++) row.push(cellText(block.cells[end]?.[c]));
        const size = JSON.stringify(row).length;
        if (rows.length && bytes + size > maxBytes) break;
        rows.push(row);
        bytes += size;
        end++;
      }
      runs.push({
        range: `${cellAddress(origin.row + start, origin.col + left)}:${cellAddress(origin.row + end - 1, origin.col + right)}`,
        formulas: rows,
        bytes,
      });
      start = end;
    }
  };
  const uniformFormula = (c: number): string | null => {
    if (height < 3) return null;
    const f = block.cells[1]?.[c]?.formula;
    if (!f) return null;
    for (let r = 2; r < height; r++) if (block.cells[r]?.[c]?.formula !== f) return null;
    return f;
  };
  let runStart = 0;
  for (let c = 0; c <= width; c++) {
    const uniform = c < width ? uniformFormula(c) : null;
    if (c === width || uniform) {
      if (c > runStart) grid(0, runStart, height - 1, c - 1);
      if (uniform) {
        grid(0, c, 0, c); // header cell
        const letter = columnLetter(origin.col + c);
        runs.push({
          range: `${letter}${origin.row + 2}:${letter}${origin.row + height}`,
          formulas: uniform,
          bytes: uniform.length + 40,
        });
      }
      runStart = c + 1;
    }
  }
  return runs;
}

function styleRange(range: Excel.Range, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fill) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.hAlign)
    format.horizontalAlignment = ({ left: "Left", center: "Center", right: "Right" } as const)[
      style.hAlign
    ];
  if (style.vAlign)
    format.verticalAlignment = ({ top: "Top", center: "Center", bottom: "Bottom" } as const)[
      style.vAlign
    ];
  if (style.locked !== undefined) format.protection.locked = style.locked;
}

function validationRule(plan: ValidationPlan): Excel.DataValidationRule {
  switch (plan.rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: plan.rule.source } };
    case "whole":
      return {
        wholeNumber: { formula1: plan.rule.min, formula2: plan.rule.max, operator: "Between" },
      };
    case "decimal":
      return { decimal: { formula1: plan.rule.min, operator: "GreaterThanOrEqualTo" } };
    case "any":
      return {};
    case "date":
      return { date: { formula1: "1900-01-01", operator: "GreaterThan" } };
  }
}

function addConditionalFormat(sheet: Excel.Worksheet, plan: ConditionalFormatPlan): void {
  const range = sheet.getRange(plan.range);
  if (plan.kind === "dataBar") {
    const cf = range.conditionalFormats.add("DataBar");
    cf.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
    cf.dataBar.upperBoundRule = { type: "Number", formula: "1" };
    cf.dataBar.positiveFormat.fillColor = plan.color;
    cf.dataBar.positiveFormat.gradientFill = false;
    return;
  }
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = `=${plan.formula}`;
  if (plan.style.fill) cf.custom.format.fill.color = plan.style.fill;
  if (plan.style.fontColor) cf.custom.format.font.color = plan.style.fontColor;
  if (plan.style.bold) cf.custom.format.font.bold = true;
}

/** Empties a sheet the plan owns without deleting it, so references from other sheets survive. */
function resetSheet(sheet: Excel.Worksheet, inventory: SheetInventory | undefined): void {
  if (inventory?.protected) sheet.protection.unprotect();
  for (const table of inventory?.tables ?? []) sheet.tables.getItem(table).convertToRange();
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  all.dataValidation.clear();
  all.clear("All");
  for (const chart of inventory?.charts ?? []) sheet.charts.getItem(chart).delete();
  sheet.freezePanes.unfreeze();
}

export interface RenderOptions {
  /** What exists already (from readWorkbook), so the plan's sheets are reset, not duplicated. */
  sheets: SheetInventory[];
  names: string[];
  /** ExcelApi version supported by the host, e.g. isSetSupported('ExcelApi', '1.9'). */
  supportsCharts?: boolean;
  onProgress?: RenderProgress;
}

/** Writes the plan; returns the number of syncs used. */
export async function renderPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: RenderOptions
): Promise<number> {
  const batch = new Batcher(context);
  context.workbook.application.suspendApiCalculationUntilNextSync();
  const total = plan.sheets.length;
  const worksheets: Excel.Worksheet[] = [];
  for (const name of options.names)
    if (plan.names.some((n) => n.name === name)) context.workbook.names.getItem(name).delete();

  for (const sheetPlan of plan.sheets) {
    const inventory = options.sheets.find(
      (s) => s.name.toLowerCase() === sheetPlan.name.toLowerCase() && s.exists
    );
    const sheet = inventory
      ? context.workbook.worksheets.getItem(inventory.name)
      : context.workbook.worksheets.add(sheetPlan.name);
    if (inventory) resetSheet(sheet, inventory);
    worksheets.push(sheet);
    await renderSheet(sheet, sheetPlan, batch, options);
    options.onProgress?.(worksheets.length, total);
  }
  for (const n of plan.names) {
    await batch.add(n.refersTo.length + n.name.length + 60);
    context.workbook.names.add(n.name, n.refersTo, n.comment);
  }
  worksheets.forEach((sheet, i) => {
    sheet.position = i;
  });
  worksheets[0]?.activate();
  await batch.flush();
  return batch.syncs;
}

async function renderSheet(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  batch: Batcher,
  options: RenderOptions
): Promise<void> {
  if (plan.tabColor) sheet.tabColor = plan.tabColor;
  for (const [letter, width] of Object.entries(plan.widths))
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(width);
  for (const letter of plan.hiddenColumns ?? [])
    sheet.getRange(`${letter}:${letter}`).columnHidden = true;
  for (const block of plan.blocks) {
    for (const run of blockRuns(block)) {
      await batch.add(run.bytes + 80);
      sheet.getRange(run.range).formulas = run.formulas as unknown as string[][];
    }
  }
  // Excel measures wrapped text itself; the file renderer has to estimate heights instead.
  for (const table of plan.tables) {
    const origin = parseCellAddress(table.at);
    sheet
      .getRange(
        `${table.at}:${cellAddress(origin.row + table.rows, origin.col + table.columns.length - 1)}`
      )
      .format.autofitRows();
  }
  for (const table of plan.tables) {
    const origin = parseCellAddress(table.at);
    const address = `${table.at}:${cellAddress(origin.row + table.rows, origin.col + table.columns.length - 1)}`;
    const created = sheet.tables.add(address, true);
    created.name = table.name;
    created.style = table.style;
  }
  for (const format of plan.formats) {
    await batch.add(200);
    const range = sheet.getRange(format.range);
    if (format.numberFormat) range.numberFormat = format.numberFormat as unknown as string[][];
    if (format.style) styleRange(range, format.style);
  }
  for (const merge of plan.merges) sheet.getRange(merge).merge();
  for (const v of plan.validations) {
    await batch.add(400);
    const dv = sheet.getRange(v.range).dataValidation;
    if (v.rule.kind !== "any") dv.rule = validationRule(v);
    dv.errorAlert = {
      showAlert: true,
      style: v.error.style === "stop" ? "Stop" : "Warning",
      title: v.error.title,
      message: v.error.message,
    };
    if (v.prompt)
      dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  }
  for (const cf of plan.conditionalFormats) {
    await batch.add(300);
    addConditionalFormat(sheet, cf);
  }
  if (options.supportsCharts !== false) {
    for (const c of plan.charts) {
      const chart = sheet.charts.add(
        (
          {
            columnClustered: "ColumnClustered",
            barClustered: "BarClustered",
            line: "Line",
            pie: "Pie",
          } as const
        )[c.type],
        sheet.getRange(c.source),
        "Auto"
      );
      chart.name = c.name;
      chart.title.text = c.title;
      chart.setPosition(c.from, c.to);
    }
  }
  if (plan.freeze) {
    const { rows, columns } = plan.freeze;
    if (columns > 0)
      sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetter(columns - 1)}${rows}`));
    else sheet.freezePanes.freezeRows(rows);
  }
  if (plan.protect)
    sheet.protection.protect({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowAutoFilter: true,
      allowSort: true,
    });
}
