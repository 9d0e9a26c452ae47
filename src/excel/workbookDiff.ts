// The desired workbook (a WorkbookPlan) against what a read found: the smallest work that brings
// the workbook to the plan and leaves everything else as it was. Pure: no Office.js here;
// reconcile.ts reads, asks for the inspection this module requests, and applies the work.
//
// Sheets the workbook lacks get the plan whole. An existing sheet without our table (a pasted
// template, a range someone converted) gets its cells rewritten and the table created over them.
// An existing table is reconciled row by row: rows are matched by key (Source + ID, or ID, or
// position), cells compared by header, missing rows added through the table, missing columns
// inserted; formula columns stay calculated columns. Names are compared without case.
import { SHEETS } from "../core/contract";
import type {
  ChartPlan,
  ConditionalFormatPlan,
  NamePlan,
  PlanCell,
  RangeFormat,
  SheetPlan,
  TablePlan,
  ValidationPlan,
  WorkbookPlan,
} from "../core/layout/workbookPlan";
import { normalizeHeader } from "../core/read/locate";
import {
  cellAddress,
  columnIndex,
  columnLetter,
  parseCellAddress,
  type CellValue,
  type SheetSnapshot,
} from "../core/snapshot";
import { asWritten, formulaKey, formulaShape, sameValue } from "./cellText";
import type { DefinedName, SheetInventory, TableInventory } from "./readSnapshots";
import { plannedCells, type PlannedCells, type PlannedTable } from "../core/layout/plannedCells";
import { keyText } from "../core/layout/rowKeys";
import type { PrintMargins, PrintPlan } from "../core/layout/printLayout";

export type Written = string | number | boolean;

/** One cell to write through `formulas` (0-based sheet coordinates). */
export interface CellWrite {
  row: number;
  col: number;
  text: Written;
}

/** What a read found (readWorkbook with `tables`). */
export interface ExistingWorkbook {
  snapshots: SheetSnapshot[];
  sheets: SheetInventory[];
  names: DefinedName[];
  tables: TableInventory[];
  /** Every sheet, in tab order. */
  order: string[];
}

export interface TableWork {
  plan: TablePlan;
  /** tables.add over this range (header + body), once the cells are written. */
  create?: string;
  /** Columns to insert, in this order: position in the table at that moment, header. */
  addColumns: { index: number; header: string }[];
  /** Rows to append through the table, in the table's final column order. */
  addRows: Written[][];
  /** Calculated columns to (re)write over the whole body: header → formula. */
  columnFormulas: { header: string; formula: string }[];
  /** The table's own sort once its formulas are calculated (rows were added): column offset. */
  sort?: { key: number; ascending: boolean }[];
}

export interface ValidationState {
  type: string;
  rule: unknown;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface FormatState {
  id: string;
  type: string;
  /** Custom rules: the formula; other types: null. */
  formula: string | null;
}

/** Reads the diff needs after the plan is known (one more sync, constant in the row count). */
export interface InspectionRequest {
  /** Cells whose formula text is needed: sheet, A1 range. */
  formulas: { sheet: string; range: string }[];
  /** Validations to compare: key, sheet, A1 range. */
  validations: { key: string; sheet: string; range: string }[];
  /** Sheets whose conditional formats are compared. */
  conditionalFormats: string[];
  /** Columns the plan hides: sheet, letter. */
  hidden: { sheet: string; letter: string }[];
  /** Columns of a table that gets columns inserted: their width and hidden state move with them. */
  columns: { sheet: string; letter: string }[];
  /** Sheets whose page layout is compared (read along with the rest, never on its own). */
  pageLayout: string[];
}

/** What a sheet's page layout holds (points; addresses without sheet). */
export interface PageLayoutState {
  orientation: string;
  zoom: {
    scale?: number | null;
    horizontalFitToPages?: number | null;
    verticalFitToPages?: number | null;
  };
  margins: PrintMargins;
  headers: Record<
    "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter",
    string
  >;
  printArea: string | null;
  titleRows: string | null;
  titleColumns: string | null;
}

export interface Inspection {
  /** sheet → cell key → formula text. */
  formulas: Map<string, Map<number, string>>;
  validations: Map<string, ValidationState>;
  conditionalFormats: Map<string, FormatState[]>;
  /** `sheet!letter` → hidden. */
  hidden: Map<string, boolean>;
  /** `sheet!letter` → width in points and hidden state (the `columns` asked for). */
  columns: Map<string, { width: number; hidden: boolean }>;
  pageLayout: Map<string, PageLayoutState>;
}

export const emptyInspection = (): Inspection => ({
  formulas: new Map(),
  validations: new Map(),
  conditionalFormats: new Map(),
  hidden: new Map(),
  columns: new Map(),
  pageLayout: new Map(),
});

export interface SheetWork {
  plan: SheetPlan;
  /** The sheet's name in the workbook (its own spelling when it exists). */
  name: string;
  isNew: boolean;
  /** Layout applied whole: widths, merges, freeze, tab colour, every format and rule. */
  whole: boolean;
  unprotect: boolean;
  protect: boolean;
  /** Constants written before tables change (cells a new table is created over, rows it grows into). */
  before: CellWrite[];
  tables: TableWork[];
  /** Constants written once tables have their final rows and columns. */
  after: CellWrite[];
  /** Formulas, written after tables and names exist. */
  formulas: CellWrite[];
  /** Ranges whose formats go back to the defaults before `formats` (cells whose layout moved). */
  resetFormats: string[];
  formats: RangeFormat[];
  merges: string[];
  validations: ValidationPlan[];
  deleteFormats: string[];
  addFormats: ConditionalFormatPlan[];
  charts: { plan: ChartPlan; exists: boolean }[];
  widths: Record<string, number>;
  /** Sheet columns given the width (points, as read) and hidden state of the table column that
   *  now stands there: a table column inserted moves cells, not the sheet's column settings.
   *  Applied before `widths` and `hide`. */
  carry: { letter: string; width: number | null; hidden: boolean }[];
  hide: string[];
  autofit: string[];
  /** Page setup, titles, area, breaks, header and footer to write (ours is missing or differs). */
  print?: PrintPlan;
}

export interface WorkbookWork {
  sheets: SheetWork[];
  addNames: NamePlan[];
  updateNames: { name: string; refersTo: string }[];
  /** New sheets' positions, in the order to apply them. */
  positions: { sheet: string; position: number }[];
  /** The sheet to show (first build only). */
  activate?: string;
}

const MAX_COLS = 16384;
const key = (row: number, col: number): number => row * MAX_COLS + col;
const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();
const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function rectOf(range: string): Rect {
  const [a, b = a] = range.split(":");
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  return { r0: p.row, c0: p.col, r1: q.row, c1: q.col };
}

const addressOf = (r: Rect): string =>
  r.r0 === r.r1 && r.c0 === r.c1
    ? cellAddress(r.r0, r.c0)
    : `${cellAddress(r.r0, r.c0)}:${cellAddress(r.r1, r.c1)}`;

const intersects = (a: Rect, b: Rect): boolean =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** The plan's cells, with the free ones by position for lookups. */
interface Layout extends Omit<PlannedCells, "free"> {
  free: Map<number, { row: number; col: number; cell: PlanCell }>;
}

function layoutOf(plan: SheetPlan): Layout {
  const cells = plannedCells(plan);
  return { ...cells, free: new Map(cells.free.map((f) => [key(f.row, f.col), f])) };
}

interface Actual {
  value: CellValue;
  /** Formula text, "=" when only its presence is known, or null. */
  formula: string | null;
}

const EMPTY: Actual = { value: null, formula: null };

function reader(snapshot: SheetSnapshot | undefined): (row: number, col: number) => Actual {
  if (!snapshot) return () => EMPTY;
  return (row, col) => {
    const r = row - snapshot.origin.row;
    const c = col - snapshot.origin.col;
    const value = snapshot.values[r]?.[c];
    const formula = snapshot.formulas[r]?.[c];
    return value === undefined && formula === undefined
      ? EMPTY
      : { value: value ?? null, formula: formula ?? null };
  };
}

const isEmpty = (a: Actual): boolean => a.formula === null && (a.value === null || a.value === "");

/** The text a planned constant is written as. */
const constantText = (cell: PlanCell | undefined): Written =>
  cell?.value === null || cell?.value === undefined ? "" : asWritten(cell.value);

/** Key columns a table's rows are matched by: Source + ID, ID, or none (by position). */
function keyColumns(headers: string[]): string[] {
  const has = (h: string): boolean => headers.some((x) => sameName(x, h));
  if (has("Source") && has("ID")) return ["Source", "ID"];
  return has("ID") ? ["ID"] : [];
}

function sameValidation(plan: ValidationPlan, state: ValidationState | undefined): boolean {
  if (!state) return false;
  const rule = (state.rule ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const text = (v: unknown): string => String(v ?? "").trim();
  switch (plan.rule.kind) {
    case "list": {
      const source = text(rule.list?.source);
      const wanted = plan.rule.source;
      if (state.type !== "List") return false;
      if (wanted.startsWith("=") ? formulaKey(source) !== formulaKey(wanted) : source !== wanted)
        return false;
      break;
    }
    case "whole":
      if (
        state.type !== "WholeNumber" ||
        text(rule.wholeNumber?.formula1) !== String(plan.rule.min) ||
        text(rule.wholeNumber?.formula2) !== String(plan.rule.max)
      )
        return false;
      break;
    case "decimal":
      if (state.type !== "Decimal" || text(rule.decimal?.formula1) !== String(plan.rule.min))
        return false;
      break;
    case "date":
      if (state.type !== "Date") return false;
      break;
    case "any":
      break;
  }
  if (plan.rule.kind !== "any") {
    const alert = state.errorAlert ?? {};
    if (
      alert.showAlert === false ||
      text(alert.title) !== plan.error.title ||
      text(alert.message) !== plan.error.message ||
      text(alert.style) !== (plan.error.style === "stop" ? "Stop" : "Warning")
    )
      return false;
  }
  if (plan.prompt) {
    const prompt = state.prompt ?? {};
    if (
      prompt.showPrompt === false ||
      text(prompt.title) !== plan.prompt.title ||
      text(prompt.message) !== plan.prompt.message
    )
      return false;
  }
  return true;
}

/** Sheets we own outright: no input cells, so cells left over from an older layout are ours. */
const GENERATED_SHEETS: readonly string[] = [SHEETS.summary];

interface SheetContext {
  plan: SheetPlan;
  inventory: SheetInventory | undefined;
  at: (row: number, col: number) => Actual;
  snapshot: SheetSnapshot | undefined;
  layout: Layout;
  /** Existing table per planned table (same index), when it is on this sheet. */
  existing: (TableInventory | undefined)[];
  mode: "new" | "whole" | "existing";
}

/** Diff of one plan against one read: `request()` says what to inspect, `work()` what to do. */
export class WorkbookDiff {
  private readonly contexts: SheetContext[];

  constructor(
    private readonly plan: WorkbookPlan,
    private readonly existing: ExistingWorkbook
  ) {
    this.contexts = plan.sheets.map((sheet) => {
      const inventory = existing.sheets.find((s) => s.exists && sameName(s.name, sheet.name));
      const snapshot = inventory && existing.snapshots.find((s) => sameName(s.name, sheet.name));
      const layout = layoutOf(sheet);
      const tables = layout.tables.map((t) =>
        existing.tables.find(
          (x) => inventory && sameName(x.name, t.plan.name) && sameName(x.sheet, inventory.name)
        )
      );
      const mode = !inventory
        ? "new"
        : layout.tables.length > 0 && tables.every((t) => !t)
          ? "whole"
          : "existing";
      return {
        plan: sheet,
        inventory,
        snapshot,
        at: reader(snapshot),
        layout,
        existing: tables,
        mode,
      };
    });
  }

  /** True when none of the plan's sheets exists yet: the first build of an empty workbook. */
  get firstBuild(): boolean {
    return this.contexts.every((c) => c.mode === "new");
  }

  request(): InspectionRequest {
    const request: InspectionRequest = {
      formulas: [],
      validations: [],
      conditionalFormats: [],
      hidden: [],
      columns: [],
      pageLayout: [],
    };
    for (const ctx of this.contexts) {
      if (ctx.mode === "new") continue;
      const name = ctx.inventory?.name ?? ctx.plan.name;
      // Formula cells outside tables whose text the lean read did not bring.
      let box: Rect | null = null;
      for (const { row, col, cell } of ctx.layout.free.values()) {
        if (cell.formula === undefined || ctx.at(row, col).formula !== "=") continue;
        box = box
          ? {
              r0: Math.min(box.r0, row),
              c0: Math.min(box.c0, col),
              r1: Math.max(box.r1, row),
              c1: Math.max(box.c1, col),
            }
          : { r0: row, c0: col, r1: row, c1: col };
      }
      if (box) request.formulas.push({ sheet: name, range: addressOf(box) });
      if (ctx.plan.conditionalFormats.length) request.conditionalFormats.push(name);
      if (ctx.mode !== "existing") continue;
      ctx.plan.validations.forEach((v, i) => {
        const range = this.inspectRange(ctx, v.range);
        if (range) request.validations.push({ key: `${name}#${i}`, sheet: name, range });
      });
      for (const letter of ctx.plan.hiddenColumns ?? [])
        request.hidden.push({ sheet: name, letter });
      // A table that lacks planned columns gets them inserted: its columns' settings are read.
      ctx.layout.tables.forEach((planned, i) => {
        const table = ctx.existing[i];
        const have = new Set(table?.columns.map((h) => normalizeHeader(h)));
        if (!table || planned.headers.every((h) => have.has(normalizeHeader(h)))) return;
        table.columns.forEach((_, e) =>
          request.columns.push({ sheet: name, letter: columnLetter(table.col + e) })
        );
      });
      if (ctx.plan.print) request.pageLayout.push(name);
    }
    return request;
  }

  /** The range a planned rule is checked on: within an existing table, only the rows it has now;
   *  null when the table's columns do not stand where the plan draws them. */
  private inspectRange(ctx: SheetContext, range: string): string | null {
    const r = rectOf(range);
    for (let i = 0; i < ctx.layout.tables.length; i++) {
      const planned = ctx.layout.tables[i];
      const span: Rect = {
        r0: planned.row,
        c0: planned.col,
        r1: planned.row + planned.plan.rows,
        c1: planned.col + planned.headers.length - 1,
      };
      if (!intersects(r, span)) continue;
      const table = ctx.existing[i];
      if (!table || table.row !== planned.row || table.col !== planned.col) return null;
      for (let c = r.c0; c <= r.c1; c++) {
        const want = planned.headers[c - planned.col];
        const have = table.columns[c - table.col];
        if (want === undefined || have === undefined) return null;
        if (normalizeHeader(want) !== normalizeHeader(have)) return null;
      }
      if (r.r0 === planned.row + 1 && r.r1 === planned.row + planned.plan.rows)
        return addressOf({ ...r, r1: table.row + table.rows - 1 });
      return range;
    }
    return range;
  }

  work(inspection: Inspection = emptyInspection()): WorkbookWork {
    const sheets = this.contexts.map((ctx) => this.sheetWork(ctx, inspection));
    // Charts follow their data whenever the workbook changes (Office.js cannot read a chart's source).
    const changed = sheets.some(hasWrites);
    for (const s of sheets) if (!changed) s.charts = s.charts.filter((c) => !c.exists);
    for (const s of sheets) {
      if (s.isNew || !hasWrites(s)) continue;
      const inventory = this.contexts.find((c) => c.plan === s.plan)?.inventory;
      if (inventory?.protected) {
        s.unprotect = true;
        s.protect = true;
      }
    }
    const { addNames, updateNames } = this.names();
    return {
      sheets,
      addNames,
      updateNames,
      positions: this.positions(),
      activate: this.firstBuild ? this.plan.sheets[0]?.name : undefined,
    };
  }

  private names(): Pick<WorkbookWork, "addNames" | "updateNames"> {
    const addNames: NamePlan[] = [];
    const updateNames: { name: string; refersTo: string }[] = [];
    for (const n of this.plan.names) {
      const found = this.existing.names.find((x) => sameName(x.name, n.name));
      if (!found) addNames.push(n);
      else if (formulaKey(found.formula) !== formulaKey(n.refersTo))
        updateNames.push({ name: found.name, refersTo: n.refersTo });
    }
    return { addNames, updateNames };
  }

  /** Positions for new sheets: each right after the sheet the plan puts before it. */
  private positions(): { sheet: string; position: number }[] {
    const order = [...this.existing.order];
    const added: string[] = [];
    let previous: string | null = null;
    for (const ctx of this.contexts) {
      if (ctx.mode === "new") {
        const at = previous === null ? 0 : order.findIndex((n) => sameName(n, previous!)) + 1;
        order.splice(at, 0, ctx.plan.name);
        added.push(ctx.plan.name);
        previous = ctx.plan.name;
      } else previous = ctx.inventory?.name ?? ctx.plan.name;
    }
    return added
      .map((sheet) => ({ sheet, position: order.indexOf(sheet) }))
      .sort((a, b) => a.position - b.position);
  }

  private sheetWork(ctx: SheetContext, inspection: Inspection): SheetWork {
    const plan = ctx.plan;
    const name = ctx.inventory?.name ?? plan.name;
    const whole = ctx.mode !== "existing";
    const work: SheetWork = {
      plan,
      name,
      isNew: ctx.mode === "new",
      whole,
      unprotect: false,
      protect: whole && plan.protect,
      before: [],
      tables: [],
      after: [],
      formulas: [],
      resetFormats: [],
      formats: whole ? [...plan.formats] : [],
      merges: whole ? [...plan.merges] : [],
      validations: [],
      deleteFormats: [],
      addFormats: [],
      charts: [],
      widths: whole ? { ...plan.widths } : {},
      carry: [],
      hide: [],
      autofit: [],
    };
    const knownFormulas = inspection.formulas.get(name);
    const formulaText = (row: number, col: number, actual: Actual): string | null =>
      actual.formula === "=" ? (knownFormulas?.get(key(row, col)) ?? null) : actual.formula;

    // Cells outside tables, by position.
    const relaid = new Set<number>();
    for (const { row, col, cell } of ctx.layout.free.values()) {
      const actual = ctx.at(row, col);
      if (cell.formula !== undefined) {
        const text = actual.formula === null ? null : formulaText(row, col, actual);
        // A formula whose text could not be read is taken as right (it is only ever ours).
        if (actual.formula === "=" && text === null) continue;
        if (text === null || formulaKey(text) !== formulaKey(cell.formula)) {
          work.formulas.push({ row, col, text: cell.formula });
          relaid.add(row);
        }
      } else if (actual.formula !== null || !sameValue(cell.value, actual.value)) {
        work.before.push({ row, col, text: constantText(cell) });
        relaid.add(row);
      }
    }
    // Cells left over from another layout: on a sheet we take over, or on a sheet we generate.
    if (ctx.snapshot && (ctx.mode === "whole" || GENERATED_SHEETS.includes(plan.name))) {
      const s = ctx.snapshot;
      const inTable = (row: number, col: number): boolean =>
        ctx.layout.tables.some(
          (t) =>
            row >= t.row &&
            row <= t.row + t.plan.rows &&
            col >= t.col &&
            col < t.col + t.headers.length
        );
      s.values.forEach((line, r) =>
        line.forEach((_, c) => {
          const row = s.origin.row + r;
          const col = s.origin.col + c;
          if (ctx.mode === "existing" && (col < ctx.layout.minCol || col > ctx.layout.maxCol))
            return;
          if (ctx.layout.free.has(key(row, col)) || inTable(row, col)) return;
          if (isEmpty(ctx.at(row, col))) return;
          work.before.push({ row, col, text: "" });
          relaid.add(row);
        })
      );
    }

    ctx.layout.tables.forEach((planned, i) => {
      const table = ctx.existing[i];
      work.tables.push(
        table
          ? this.reconcileTable(ctx, planned, table, work, formulaText, inspection)
          : this.createTable(ctx, planned, work)
      );
    });

    if (whole) {
      work.validations = [...plan.validations];
      if (ctx.mode === "new") work.addFormats = [...plan.conditionalFormats];
      else this.conditionalFormats(ctx, work, inspection.conditionalFormats.get(name) ?? []);
      work.hide = [...(plan.hiddenColumns ?? [])];
      work.charts = plan.charts.map((c) => ({
        plan: c,
        exists: (ctx.inventory?.charts ?? []).some((n) => sameName(n, c.name)),
      }));
      for (const t of plan.tables) {
        const at = parseCellAddress(t.at);
        work.autofit.push(`${t.at}:${cellAddress(at.row + t.rows, at.col + t.columns.length - 1)}`);
      }
      work.print = plan.print;
      return work;
    }

    // An existing sheet: formats where its layout moved, rules where ours are missing or wrong.
    if (relaid.size) {
      const rows = [...relaid].sort((a, b) => a - b);
      const from = cellAddress(0, ctx.layout.minCol).replace(/\d+$/, "");
      const to = cellAddress(0, ctx.layout.maxCol).replace(/\d+$/, "");
      for (const band of bands(rows))
        work.resetFormats.push(`${from}${band[0] + 1}:${to}${band[1] + 1}`);
      work.formats.push(
        ...plan.formats.filter((f) => {
          const r = rectOf(f.range);
          return rows.some((row) => row >= r.r0 && row <= r.r1);
        })
      );
    }
    plan.validations.forEach((v, i) => {
      const range = this.inspectRange(ctx, v.range);
      if (range === null) return;
      if (!sameValidation(v, inspection.validations.get(`${name}#${i}`))) work.validations.push(v);
    });
    this.conditionalFormats(ctx, work, inspection.conditionalFormats.get(name) ?? []);
    work.hide = (plan.hiddenColumns ?? []).filter(
      (letter) => inspection.hidden.get(`${name}!${letter}`) === false
    );
    // We own how our sheets print; written only when what the sheet has differs from the plan.
    const layout = inspection.pageLayout.get(name);
    if (plan.print && layout && !samePrint(plan.print, layout)) work.print = plan.print;
    work.charts = plan.charts.map((c) => ({
      plan: c,
      exists: (ctx.inventory?.charts ?? []).some((n) => sameName(n, c.name)),
    }));
    return work;
  }

  /** Planned conditional formats the sheet lacks are added; ours drawn for an older layout go. */
  private conditionalFormats(ctx: SheetContext, work: SheetWork, formats: FormatState[]): void {
    const planned = ctx.plan.conditionalFormats.filter(
      (cf) => ctx.mode !== "existing" || this.inspectRange(ctx, cf.range) !== null
    );
    const keys = new Set(
      planned.flatMap((cf) => (cf.kind === "expression" ? [formulaKey(cf.formula)] : []))
    );
    const shapes = new Set(
      planned.flatMap((cf) => (cf.kind === "expression" ? [formulaShape(cf.formula)] : []))
    );
    let bars = formats.filter((f) => f.type === "DataBar").length;
    for (const cf of planned) {
      if (cf.kind === "dataBar") {
        if (bars > 0) bars--;
        else work.addFormats.push(cf);
      } else if (
        !formats.some(
          (f) =>
            f.type === "Custom" &&
            f.formula !== null &&
            formulaKey(f.formula) === formulaKey(cf.formula)
        )
      )
        work.addFormats.push(cf);
    }
    // Ours drawn for an older layout (the same rule at other rows) go; anyone else's stay.
    for (const f of formats) {
      if (f.type !== "Custom" || f.formula === null) continue;
      if (!keys.has(formulaKey(f.formula)) && shapes.has(formulaShape(f.formula)))
        work.deleteFormats.push(f.id);
    }
  }

  /** A table the sheet lacks: its cells, then tables.add over them, then its formulas. */
  private createTable(ctx: SheetContext, planned: PlannedTable, work: SheetWork): TableWork {
    const { plan } = planned;
    const right = planned.col + planned.headers.length - 1;
    const write = (row: number, col: number, cell: PlanCell | undefined): void => {
      const actual = ctx.at(row, col);
      if (actual.formula === null && sameValue(cell?.value, actual.value)) return;
      work.before.push({ row, col, text: constantText(cell) });
    };
    planned.headers.forEach((h, j) => write(planned.row, planned.col + j, { value: h }));
    const columnFormulas: TableWork["columnFormulas"] = [];
    for (const column of plan.columns)
      if (column.formula) columnFormulas.push({ header: column.header, formula: column.formula });
    planned.body.forEach((line, r) =>
      line.forEach((cell, j) => {
        const row = planned.row + 1 + r;
        const col = planned.col + j;
        const columnFormula = plan.columns[j]?.formula;
        if (cell?.formula !== undefined) {
          if (cell.formula !== columnFormula) work.formulas.push({ row, col, text: cell.formula });
          return;
        }
        write(row, col, cell);
      })
    );
    return {
      plan,
      create: `${cellAddress(planned.row, planned.col)}:${cellAddress(planned.row + plan.rows, right)}`,
      addColumns: [],
      addRows: [],
      columnFormulas,
    };
  }

  /** A table that exists: rows matched by key, cells compared by header, missing parts added. */
  private reconcileTable(
    ctx: SheetContext,
    planned: PlannedTable,
    table: TableInventory,
    work: SheetWork,
    formulaText: (row: number, col: number, actual: Actual) => string | null,
    inspection: Inspection
  ): TableWork {
    const { plan } = planned;
    const result: TableWork = { plan, addColumns: [], addRows: [], columnFormulas: [] };
    // Final column order: the table's own, with planned columns it lacks inserted where the plan
    // puts them (before the next planned column the table has).
    const final: { header: string; existing: number | null }[] = table.columns.map((h, e) => ({
      header: h,
      existing: e,
    }));
    const finalIndex = (header: string): number =>
      final.findIndex((f) => normalizeHeader(f.header) === normalizeHeader(header));
    const added = new Set<string>();
    planned.headers.forEach((header, j) => {
      if (finalIndex(header) >= 0) return;
      const next = planned.headers.slice(j + 1).find((h) => finalIndex(h) >= 0);
      const index = next === undefined ? final.length : finalIndex(next);
      final.splice(index, 0, { header, existing: null });
      result.addColumns.push({ index, header });
      added.add(header);
    });
    const columnOf = planned.headers.map((h) => finalIndex(h));
    const existingOf = columnOf.map((f) => final[f].existing);
    const bodyRow = table.row + 1;
    const count = table.rows - 1;
    const formulaColumn = plan.columns.map((c) => c.formula);

    // Match planned rows to the table's rows.
    const keys = keyColumns(planned.headers);
    const keyIndexes = keys.map((k) => planned.headers.findIndex((h) => sameName(h, k)));
    const existingKey = (i: number): string =>
      keyText(
        keyIndexes.map((j) => {
          const e = existingOf[j];
          return e === null ? null : ctx.at(bodyRow + i, table.col + e).value;
        })
      );
    const plannedKey = (p: number): string =>
      keyText(keyIndexes.map((j) => planned.body[p][j]?.value ?? null));
    const blankRow = (i: number): boolean =>
      table.columns.every((_, e) => {
        const j = existingOf.indexOf(e);
        if (j >= 0 && formulaColumn[j]) return true;
        const a = ctx.at(bodyRow + i, table.col + e);
        return a.formula !== null ? false : a.value === null || a.value === "";
      });
    const byKey = new Map<string, number[]>();
    for (let i = 0; i < count; i++) {
      const k = existingKey(i);
      const list = byKey.get(k) ?? [];
      list.push(i);
      byKey.set(k, list);
    }
    const used = new Set<number>();
    const match: (number | null)[] = planned.body.map((_, p) => {
      const queue = byKey.get(plannedKey(p));
      const i = queue?.shift();
      if (i === undefined) return null;
      used.add(i);
      return i;
    });
    const spare = [...Array(count).keys()].filter((i) => !used.has(i) && blankRow(i));
    match.forEach((i, p) => {
      if (i === null && spare.length) match[p] = spare.shift() as number;
    });

    // Rows to append; cells below the table it will grow into are emptied first.
    const appended = planned.body.filter((_, p) => match[p] === null);
    const rewrite = new Set<string>();
    if (appended.length) {
      for (let r = 0; r < appended.length; r++)
        for (let f = 0; f < final.length; f++) {
          const row = table.row + table.rows + r;
          const col = table.col + f;
          if (!isEmpty(ctx.at(row, col))) work.before.push({ row, col, text: "" });
        }
      const plannedOf = final.map((f) =>
        planned.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(f.header))
      );
      result.addRows = appended.map((cells) =>
        plannedOf.map((j) => {
          const cell = j >= 0 ? cells[j] : undefined;
          return cell?.formula !== undefined ? "" : constantText(cell);
        })
      );
      // New rows get the column formulas however the columns stand.
      for (const c of plan.columns) if (c.formula) rewrite.add(c.header);
      // Appended at the bottom, then put in place by the table's own sort: rows move whole.
      const sort = (plan.sort ?? [])
        .map((s) => ({ key: finalIndex(s.header), ascending: s.ascending }))
        .filter((s) => s.key >= 0);
      if (sort.length) result.sort = sort;
    }
    plan.columns.forEach((c, j) => {
      if (!c.formula) return;
      const e = existingOf[j];
      const first = e === null ? null : table.firstRow[e];
      if (
        added.has(c.header) ||
        !isFormula(first) ||
        formulaKey(first, plan.name) !== formulaKey(c.formula, plan.name)
      )
        rewrite.add(c.header);
    });
    result.columnFormulas = plan.columns
      .filter((c) => c.formula && rewrite.has(c.header))
      .map((c) => ({ header: c.header, formula: c.formula as string }));

    // Cells of matched rows, by header.
    match.forEach((i, p) => {
      if (i === null) return;
      const row = bodyRow + i;
      planned.headers.forEach((header, j) => {
        const cell = planned.body[p][j];
        const col = table.col + columnOf[j];
        const e = existingOf[j];
        const actual = e === null ? EMPTY : ctx.at(row, table.col + e);
        if (cell?.formula !== undefined) {
          if (cell.formula === formulaColumn[j] && rewrite.has(header)) return;
          if (actual.formula === null) work.formulas.push({ row, col, text: cell.formula });
          else {
            const text = formulaText(row, col, actual);
            if (
              text !== null &&
              formulaKey(text, plan.name) !== formulaKey(cell.formula, plan.name)
            )
              work.formulas.push({ row, col, text: cell.formula });
          }
        } else if (actual.formula !== null || !sameValue(cell?.value, actual.value)) {
          work.after.push({ row, col, text: constantText(cell) });
        }
      });
    });

    // Columns inserted: their formats, widths and rules as a new table would have them.
    if (added.size) {
      const letters = new Set(
        planned.headers
          .map((h, j) => (added.has(h) ? columnLetter(planned.col + j) : null))
          .filter((l): l is string => l !== null)
      );
      const touches = (range: string): boolean => {
        const r = rectOf(range);
        for (const l of letters) {
          const c = columnIndex(l);
          if (c >= r.c0 && c <= r.c1) return true;
        }
        return false;
      };
      work.formats.push(...ctx.plan.formats.filter((f) => touches(f.range)));
      // Their lists too: the inspection could not check rules of columns the table lacked.
      work.validations.push(...ctx.plan.validations.filter((v) => touches(v.range)));
      // Each sheet column now under a moved or inserted table column takes that column's width
      // and hidden state (an inserted one: shown, the plan's width and hiding follow).
      final.forEach((f, at) => {
        if (f.existing === at) return;
        const letter = columnLetter(table.col + at);
        const was =
          f.existing === null
            ? undefined
            : inspection.columns.get(`${work.name}!${columnLetter(table.col + f.existing)}`);
        if (f.existing !== null && !was) return; // not read: left as it is
        work.carry.push({ letter, width: was?.width ?? null, hidden: was?.hidden ?? false });
      });
      for (const l of letters)
        if (ctx.plan.widths[l] !== undefined) work.widths[l] = ctx.plan.widths[l];
    }
    return result;
  }
}

/** Consecutive runs of sorted numbers: [first, last] pairs. */
function bands(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else if (!last || n > last[1]) out.push([n, n]);
  }
  return out;
}

/** True when the sheet has anything to write. */
const bare = (address: string | null | undefined): string =>
  (address ?? "").replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();

/** Whether the sheet's page layout already is the plan's. */
export function samePrint(plan: PrintPlan, have: PageLayoutState): boolean {
  const near = (inches: number, points: number): boolean => Math.abs(inches * 72 - points) < 0.5;
  const m = plan.margins;
  const zoom = plan.scale
    ? have.zoom.scale === plan.scale
    : !have.zoom.scale &&
      have.zoom.horizontalFitToPages === (plan.fitToWidth ?? 1) &&
      (have.zoom.verticalFitToPages ?? 0) === (plan.fitToHeight ?? 0);
  const texts = {
    leftHeader: plan.header.left ?? "",
    centerHeader: plan.header.center ?? "",
    rightHeader: plan.header.right ?? "",
    leftFooter: plan.footer.left ?? "",
    centerFooter: plan.footer.center ?? "",
    rightFooter: plan.footer.right ?? "",
  };
  return (
    have.orientation === "Landscape" &&
    zoom &&
    near(m.left, have.margins.left) &&
    near(m.right, have.margins.right) &&
    near(m.top, have.margins.top) &&
    near(m.bottom, have.margins.bottom) &&
    near(m.header, have.margins.header) &&
    near(m.footer, have.margins.footer) &&
    Object.entries(texts).every(([k, v]) => have.headers[k as keyof typeof texts] === v) &&
    // Where the plan sets none, a person's own print area or titles stay (none is cleared).
    (plan.area === undefined || bare(have.printArea) === bare(plan.area)) &&
    (plan.titleRows === undefined || bare(have.titleRows) === bare(plan.titleRows)) &&
    (plan.titleColumns === undefined || bare(have.titleColumns) === bare(plan.titleColumns))
  );
}

/** Whether the sheet's work writes cells, tables, formats, rules or new charts. */
export function hasWrites(s: SheetWork): boolean {
  return (
    s.isNew ||
    s.before.length > 0 ||
    s.after.length > 0 ||
    s.formulas.length > 0 ||
    s.tables.some(
      (t) => t.create || t.addColumns.length || t.addRows.length || t.columnFormulas.length
    ) ||
    s.resetFormats.length > 0 ||
    s.formats.length > 0 ||
    s.merges.length > 0 ||
    s.validations.length > 0 ||
    s.deleteFormats.length > 0 ||
    s.addFormats.length > 0 ||
    s.charts.some((c) => !c.exists) ||
    s.carry.length > 0 ||
    s.hide.length > 0
  );
}
