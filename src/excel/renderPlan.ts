// Applies the work a WorkbookDiff found through Office.js: the add-in twin of xlsx/renderPlan.ts.
// In the order Excel accepts: sheets, then the cells a table is created over, tables and their
// new rows, names, and only then the formulas and validation lists that refer to them; formats,
// rules and charts last. Everything is queued and sent in as few requests as the 5 MB limit
// allows (sized in UTF-8 bytes), with calculation suspended and one recalculation at the end.
import type {
  CellStyle,
  ConditionalFormatPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../core/layout/workbookPlan";
import { cellAddress, columnLetter } from "../core/snapshot";
import type { SheetInventory } from "./readSnapshots";
import {
  hasWrites,
  WorkbookDiff,
  type CellWrite,
  type SheetWork,
  type WorkbookWork,
} from "./workbookDiff";
import { WriteBatch } from "./writeBatch";
import type { PrintPlan } from "../core/layout/printLayout";
import { jsonBytes } from "./cellText";

export { asWritten } from "./cellText";
export { PAYLOAD_BUDGET } from "./writeBatch";

/** Excel column width in points for a width in characters of the default font. */
const charsToPoints = (chars: number): number => Math.round(chars * 5.6 + 5);

export interface RenderProgress {
  (done: number, total: number): void;
}

/** Largest single `formulas` write: big blocks go as several row slices. */
const WRITE_SLICE_BYTES = 1024 * 1024;

/** Cells to write, as rectangles of consecutive rows (null = leave the cell as it is). */
export function cellRuns(
  cells: CellWrite[],
  maxBytes = WRITE_SLICE_BYTES
): { address: string; formulas: (string | number | boolean | null)[][] }[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { address: string; formulas: (string | number | boolean | null)[][] }[] = [];
  let i = 0;
  while (i < sorted.length) {
    // Consecutive rows form a band; a band ends at a gap or when it grows past maxBytes.
    let j = i;
    let left = sorted[i].col;
    let right = sorted[i].col;
    let bytes = 0;
    while (j < sorted.length) {
      const row = sorted[j].row;
      if (j > i && row > sorted[j - 1].row + 1) break;
      let k = j;
      let rowBytes = 0;
      let l = left;
      let r = right;
      while (k < sorted.length && sorted[k].row === row) {
        l = Math.min(l, sorted[k].col);
        r = Math.max(r, sorted[k].col);
        rowBytes += jsonBytes(sorted[k].text) + 1;
        k++;
      }
      if (j > i && bytes + rowBytes + (r - l + 1) * 5 > maxBytes) break;
      left = l;
      right = r;
      bytes += rowBytes + (r - l + 1) * 5;
      j = k;
    }
    const top = sorted[i].row;
    const bottom = sorted[j - 1].row;
    const grid = Array.from({ length: bottom - top + 1 }, () =>
      new Array<string | number | boolean | null>(right - left + 1).fill(null)
    );
    for (let k = i; k < j; k++) grid[sorted[k].row - top][sorted[k].col - left] = sorted[k].text;
    runs.push({
      address:
        top === bottom && left === right
          ? cellAddress(top, left)
          : `${cellAddress(top, left)}:${cellAddress(bottom, right)}`,
      formulas: grid,
    });
    i = j;
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

export interface RenderOptions {
  /** What exists already (from readWorkbook): sheets the plan names are not added twice. */
  sheets: SheetInventory[];
  /** Names defined already (compared without case: they are updated, never added twice). */
  names: string[];
  /** ExcelApi version supported by the host, e.g. isSetSupported('ExcelApi', '1.9'). */
  supportsCharts?: boolean;
  onProgress?: RenderProgress;
}

/** Renders the plan whole into a workbook that has none of its sheets (the first build);
 *  returns the number of syncs used. Later operations go through reconcile.ts instead. */
export async function renderPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: RenderOptions
): Promise<number> {
  const diff = new WorkbookDiff(plan, {
    snapshots: [],
    sheets: options.sheets,
    names: options.names.map((name) => ({ name, formula: "" })),
    tables: [],
    order: options.sheets.filter((s) => s.exists).map((s) => s.name),
  });
  return applyWork(context, diff.work(), options);
}

export interface ApplyOptions {
  supportsCharts?: boolean;
  onProgress?: RenderProgress;
}

const CHART_TYPES = {
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
  line: "Line",
  pie: "Pie",
} as const;

async function writeCells(
  sheet: Excel.Worksheet,
  cells: CellWrite[],
  batch: WriteBatch
): Promise<void> {
  for (const run of cellRuns(cells)) {
    await batch.reserve(run.formulas);
    sheet.getRange(run.address).formulas = run.formulas as unknown as string[][];
  }
}

/** Rows for table.rows.add, in slices that each fit a request. */
export function rowSlices<T>(rows: T[][], maxBytes = 1024 * 1024): T[][][] {
  const slices: T[][][] = [];
  let slice: T[][] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = jsonBytes(row) + 1;
    if (slice.length && bytes + size > maxBytes) {
      slices.push(slice);
      slice = [];
      bytes = 0;
    }
    slice.push(row);
    bytes += size;
  }
  if (slice.length) slices.push(slice);
  return slices;
}

/** Applies the work; returns the number of syncs used (none when there is nothing to do). */
export async function applyWork(
  context: Excel.RequestContext,
  work: WorkbookWork,
  options: ApplyOptions = {}
): Promise<number> {
  const batch = new WriteBatch(context);
  const worksheets = new Map<SheetWork, Excel.Worksheet>();
  const byName = new Map<string, Excel.Worksheet>();
  const total = work.sheets.length;

  // Sheets first, unprotected where we are about to write.
  for (const s of work.sheets) {
    if (!hasAnything(s)) continue;
    await batch.reserve();
    const sheet = s.isNew
      ? context.workbook.worksheets.add(s.plan.name)
      : context.workbook.worksheets.getItem(s.name);
    worksheets.set(s, sheet);
    byName.set(s.plan.name.toLowerCase(), sheet);
    if (s.unprotect) sheet.protection.unprotect();
    if (s.whole && s.plan.tabColor) sheet.tabColor = s.plan.tabColor;
  }
  for (const p of work.positions) {
    const sheet = byName.get(p.sheet.toLowerCase());
    if (!sheet) continue;
    await batch.reserve();
    sheet.position = p.position;
  }

  // Constants, then tables over them (created, grown by rows and columns), then what lands in them.
  for (const [s, sheet] of worksheets) {
    await writeCells(sheet, s.before, batch);
    for (const t of s.tables) {
      if (t.create) {
        await batch.reserve(t.create);
        const created = sheet.tables.add(t.create, true);
        created.name = t.plan.name;
        created.style = t.plan.style;
        continue;
      }
      if (!t.addColumns.length && !t.addRows.length) continue;
      const table = sheet.tables.getItem(t.plan.name);
      for (const c of t.addColumns) {
        await batch.reserve(c);
        table.columns.add(c.index, undefined, c.header);
      }
      for (const slice of rowSlices(t.addRows)) {
        await batch.reserve(slice);
        table.rows.add(undefined, slice);
      }
      const sort = t.sort;
      if (sort) batch.whenCalculated(() => sortTable(sheet, t.plan.name, sort, s.protect));
    }
    await writeCells(sheet, s.after, batch);
  }

  // Names, once the sheets they point at exist; updated in place when they exist in any case.
  for (const n of work.updateNames) {
    await batch.reserve(n);
    context.workbook.names.getItem(n.name).formula = n.refersTo;
  }
  for (const n of work.addNames) {
    await batch.reserve(n);
    context.workbook.names.add(n.name, n.refersTo, n.comment);
  }

  // Formulas: calculated columns as one formula per column, then single cells.
  for (const [s, sheet] of worksheets) {
    for (const t of s.tables) {
      if (!t.columnFormulas.length) continue;
      const table = sheet.tables.getItem(t.plan.name);
      for (const c of t.columnFormulas) {
        await batch.reserve(c.formula);
        table.columns.getItem(c.header).getDataBodyRange().formulas =
          c.formula as unknown as string[][];
      }
    }
    await writeCells(sheet, s.formulas, batch);
  }

  // Layout, formats, rules and charts.
  let done = 0;
  for (const s of work.sheets) {
    const sheet = worksheets.get(s);
    if (sheet) await finishSheet(sheet, s, batch, options);
    options.onProgress?.(++done, total);
  }
  if (work.activate) {
    const first = byName.get(work.activate.toLowerCase());
    if (first) {
      await batch.reserve();
      first.activate();
    }
  }
  await batch.finish();
  return batch.syncs;
}

function hasAnything(s: SheetWork): boolean {
  return (
    hasWrites(s) ||
    s.unprotect ||
    s.charts.length > 0 ||
    s.print !== undefined ||
    Object.keys(s.widths).length > 0 ||
    s.protect
  );
}

async function finishSheet(
  sheet: Excel.Worksheet,
  s: SheetWork,
  batch: WriteBatch,
  options: ApplyOptions
): Promise<void> {
  const plan = s.plan;
  for (const c of s.carry) {
    await batch.reserve();
    const column = sheet.getRange(`${c.letter}:${c.letter}`);
    if (c.width !== null) column.format.columnWidth = c.width;
    column.columnHidden = c.hidden;
  }
  for (const [letter, width] of Object.entries(s.widths)) {
    await batch.reserve();
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(width);
  }
  for (const letter of s.hide) {
    await batch.reserve();
    sheet.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  for (const address of s.resetFormats) {
    await batch.reserve();
    const range = sheet.getRange(address);
    range.format.fill.clear();
    range.format.font.bold = false;
    range.format.font.italic = false;
    range.format.font.color = "#000000";
    range.format.font.size = 11;
    range.format.wrapText = false;
    range.format.horizontalAlignment = "General";
    range.numberFormat = "General" as unknown as string[][];
  }
  // Excel measures wrapped text itself; the file renderer has to estimate heights instead.
  for (const address of s.autofit) {
    await batch.reserve();
    sheet.getRange(address).format.autofitRows();
  }
  for (const format of s.formats) {
    await batch.reserve(format);
    const range = sheet.getRange(format.range);
    if (format.numberFormat) range.numberFormat = format.numberFormat as unknown as string[][];
    if (format.style) styleRange(range, format.style);
  }
  for (const merge of s.merges) {
    await batch.reserve();
    sheet.getRange(merge).merge();
  }
  for (const v of s.validations) {
    await batch.reserve(v);
    const dv = sheet.getRange(v.range).dataValidation;
    if (!s.isNew) dv.clear();
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
  for (const id of s.deleteFormats) {
    await batch.reserve(id);
    sheet.getRange().conditionalFormats.getItem(id).delete();
  }
  for (const cf of s.addFormats) {
    await batch.reserve(cf);
    addConditionalFormat(sheet, cf);
  }
  if (options.supportsCharts !== false) {
    for (const { plan: c, exists } of s.charts) {
      await batch.reserve(c);
      if (exists) {
        const chart = sheet.charts.getItem(c.name);
        chart.setData(sheet.getRange(c.source), "Auto");
        chart.setPosition(c.from, c.to);
        // A chart kept under its name may have changed role (ComplianceByArea: now per clause).
        chart.title.text = c.title;
        continue;
      }
      const chart = sheet.charts.add(CHART_TYPES[c.type], sheet.getRange(c.source), "Auto");
      chart.name = c.name;
      chart.title.text = c.title;
      chart.setPosition(c.from, c.to);
    }
  }
  if (s.whole && plan.freeze) {
    await batch.reserve();
    const { rows, columns } = plan.freeze;
    if (columns > 0)
      sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetter(columns - 1)}${rows}`));
    else sheet.freezePanes.freezeRows(rows);
  }
  if (s.print) await writePrint(sheet, s.print, batch);
  if (s.protect) {
    await batch.reserve();
    sheet.protection.protect(PROTECTION);
  }
}

/** Page setup, print titles and area, header and footer, and page breaks (ExcelApi 1.9). */
async function writePrint(
  sheet: Excel.Worksheet,
  print: PrintPlan,
  batch: WriteBatch
): Promise<void> {
  await batch.reserve(print);
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  if (print.overThenDown) layout.printOrder = "OverThenDown";
  // Pages tall 0: as many as the rows need (Excel's blank "tall" box).
  layout.zoom = print.scale
    ? { scale: print.scale }
    : { horizontalFitToPages: print.fitToWidth ?? 1, verticalFitToPages: print.fitToHeight ?? 0 };
  const points = (inches: number): number => Math.round(inches * 72 * 100) / 100;
  layout.leftMargin = points(print.margins.left);
  layout.rightMargin = points(print.margins.right);
  layout.topMargin = points(print.margins.top);
  layout.bottomMargin = points(print.margins.bottom);
  layout.headerMargin = points(print.margins.header);
  layout.footerMargin = points(print.margins.footer);
  if (print.area) layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.replace(":", ":$")}`);
  if (print.titleColumns) layout.setPrintTitleColumns(`$${print.titleColumns.replace(":", ":$")}`);
  const texts = layout.headersFooters.defaultForAllPages;
  texts.leftHeader = print.header.left ?? "";
  texts.centerHeader = print.header.center ?? "";
  texts.rightHeader = print.header.right ?? "";
  texts.leftFooter = print.footer.left ?? "";
  texts.centerFooter = print.footer.center ?? "";
  texts.rightFooter = print.footer.right ?? "";
  // Breaks only where the plan places them (sections of a sheet we generate whole).
  if (print.breaks.length) {
    sheet.horizontalPageBreaks.removePageBreaks();
    for (const row of print.breaks) sheet.horizontalPageBreaks.add(`A${row}`);
  }
}

/** How a build protects our sheets (no password: formulas locked, inputs open). */
export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};

/**
 * The table's own sort, once its formulas are calculated: rows move with their formats and links.
 * A sheet protected again is opened for it (Excel sorts only unlocked cells of a protected sheet).
 */
function sortTable(
  sheet: Excel.Worksheet,
  table: string,
  fields: Excel.SortField[],
  protectedSheet: boolean
): void {
  if (protectedSheet) sheet.protection.unprotect();
  sheet.tables.getItem(table).sort.apply(fields);
  if (protectedSheet) sheet.protection.protect(PROTECTION);
}
