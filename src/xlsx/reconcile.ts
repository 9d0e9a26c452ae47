// Brings an ExcelJS workbook read from a file to the WorkbookPlan by changing only what we own:
// the file-side twin of the Office.js reconcile (excel/workbookDiff.ts). A sheet the workbook
// lacks is rendered whole (renderPlan.ts) and placed after the sheet the plan puts before it. An
// existing sheet is updated in place:
// - cells outside tables by position, table cells by row key (Source + ID, ID, or position) and
//   column header, each written only when its value or formula differs from the plan;
// - rows the plan adds are appended below the table (taking the style of the row above), columns
//   it adds go to the table's right; the table's range grows to cover them;
// - planned validations and conditional formats are added or grown where ours are missing; a
//   person's own rules, styles, widths, heights, notes, links, merges and protection stay;
// - names are replaced only when they point elsewhere, through ExcelJS's definedNames API.
// Everything that is not a planned cell stays as it was, including rows the plan does not know
// (rows without an ID, a second row with the same ID).
import ExcelJS from "exceljs";
import { GapAssessorError } from "../core/errors";
import type {
  ConditionalFormatPlan,
  PlanCell,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from "../core/layout/workbookPlan";
import { normalizeHeader } from "../core/read/locate";
import { sheetKey } from "../core/read/sheets";
import { serialFromFileDate } from "../core/dates";
import { cellAddress, parseCellAddress, type CellValue } from "../core/snapshot";
import { conditionalFormattings, dataValidations, setSheetOrder, tableModel } from "./exceljsModel";
import { decodeXString, escapeForExcelJs } from "./package/xstring";
import {
  applyPrint,
  applyStyle,
  conditionalFormat,
  renderSheet,
  setWorkbookName,
  validation as validationOf,
} from "./renderPlan";
import { formulaKey, sameValue } from "../core/cellCompare";
import { matchRows } from "../core/layout/rowKeys";
import { plannedCells, type PlannedCells, type PlannedTable } from "../core/layout/plannedCells";

/** A planned change that would overwrite something of a person's: the command stops, names it. */
export class WorkbookWriteError extends GapAssessorError {}

export interface ReconcileResult {
  /** Plan sheets the workbook lacked, rendered whole. */
  addedSheets: string[];
  /** Owned cells whose value or formula changed. */
  cellsWritten: number;
  /** Rows appended to tables. */
  rowsAppended: number;
  /** Columns appended to tables. */
  columnsAdded: number;
  /** Names added or pointed elsewhere. */
  namesChanged: string[];
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 0-based rectangle of an A1 range ("B2:D9" or "B2"). */
function rectOf(range: string): Rect {
  const [a, b = a] = range.replace(/^.*!/, "").split(":");
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

const rangeOf = (r: Rect): string =>
  r.top === r.bottom && r.left === r.right
    ? cellAddress(r.top, r.left)
    : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;

const inside = (r: Rect, row: number, col: number): boolean =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** The ExcelJS cell at 0-based coordinates (created when missing: for writing). */
const cellAt = (ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell =>
  ws.getCell(row + 1, col + 1);

/** The cell at 0-based coordinates when it exists (reading creates no row or cell). */
const peek = (ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell | undefined =>
  ws.findCell(row + 1, col + 1);

// ---------------------------------------------------------------------------------------------
// Cell values, compared the way a reader sees them

interface Actual {
  value: CellValue;
  formula: string | null;
}

function scalarOf(raw: unknown, date1904: boolean): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number" || typeof raw === "boolean") return raw;
  if (typeof raw === "string") return decodeXString(raw);
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? null : serialFromFileDate(raw, date1904);
  if (typeof raw === "object") {
    const o = raw as { error?: unknown; richText?: { text?: unknown }[]; text?: unknown };
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText))
      return decodeXString(
        o.richText.map((p) => (typeof p?.text === "string" ? p.text : "")).join("")
      );
    if (o.text !== undefined) return scalarOf(o.text, date1904);
  }
  return null;
}

function actualOf(cell: ExcelJS.Cell, date1904: boolean): Actual {
  const raw = cell.value as unknown;
  if (raw && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)) {
    let formula: string | null = null;
    try {
      formula = typeof cell.formula === "string" && cell.formula !== "" ? cell.formula : null;
    } catch {
      formula = null;
    }
    return { value: scalarOf((raw as { result?: unknown }).result, date1904), formula };
  }
  return { value: scalarOf(raw, date1904), formula: null };
}

/** The value to store for a planned constant: text in ExcelJS's stored form, never a formula. */
function storedValue(value: CellValue | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? escapeForExcelJs(value) : value;
}

/** A shared-formula master about to change: its clones get their own formula text first. */
function unshare(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): void {
  const raw = cell.value as { shareType?: string; ref?: string } | null;
  if (!raw || typeof raw !== "object" || raw.shareType !== "shared" || !raw.ref) return;
  const r = rectOf(raw.ref);
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      const clone = cellAt(ws, row, col);
      const v = clone.value as { sharedFormula?: string; result?: unknown } | null;
      if (clone !== cell && v && typeof v === "object" && v.sharedFormula === cell.address)
        clone.value = { formula: clone.formula, result: v.result } as ExcelJS.CellFormulaValue;
    }
}

/** Writes a planned cell when it differs from what the cell holds; true when it wrote. */
function writeCell(
  ws: ExcelJS.Worksheet,
  cell: ExcelJS.Cell,
  planned: PlanCell | undefined,
  date1904: boolean,
  hostTable?: string
): boolean {
  const actual = actualOf(cell, date1904);
  if (planned?.formula !== undefined) {
    if (
      actual.formula !== null &&
      formulaKey(actual.formula, hostTable) === formulaKey(planned.formula, hostTable)
    )
      return false;
    unshare(ws, cell);
    cell.value = { formula: planned.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    return true;
  }
  // A person's formula in an input cell that gives the planned value stays a formula.
  if (sameValue(planned?.value, actual.value)) return false;
  unshare(ws, cell);
  const link = cell.value as { hyperlink?: string; tooltip?: string } | null;
  const value = storedValue(planned?.value);
  if (
    link &&
    typeof link === "object" &&
    typeof link.hyperlink === "string" &&
    typeof value === "string"
  )
    cell.value = {
      text: value,
      hyperlink: link.hyperlink,
      tooltip: link.tooltip,
    } as ExcelJS.CellHyperlinkValue;
  else cell.value = value;
  return true;
}

const isEmptyCell = (cell: ExcelJS.Cell | undefined): boolean => {
  const v = cell?.value;
  return v === null || v === undefined || v === "";
};

const NOTHING: Actual = { value: null, formula: null };

// ---------------------------------------------------------------------------------------------
// The plan's cells come from core/layout/plannedCells; rows are matched by key

// ---------------------------------------------------------------------------------------------
// Where planned cells land on the sheet as it is

/** Maps a planned cell to where it is on the sheet; null when it has no place there. */
type Placement = (row: number, col: number) => { row: number; col: number } | null;

interface TableState {
  planned: PlannedTable;
  /** Final 0-based range: header, body, totals. */
  rect: Rect;
  /** Planned column → sheet column. */
  columns: number[];
  /** Planned body row → sheet row. */
  rows: number[];
  /** First and last body row on the sheet, after appending. */
  firstBody: number;
  lastBody: number;
}

class SheetReconciler {
  private readonly layout: PlannedCells;
  private readonly tables: TableState[] = [];
  /** Sheet cells created by this run (empty before): they take the plan's formats. */
  private readonly created = new Map<string, { row: number; col: number }>();
  written = 0;
  appended = 0;
  addedColumns = 0;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly plan: SheetPlan,
    private readonly date1904: boolean
  ) {
    this.layout = plannedCells(plan);
  }

  run(): void {
    for (const planned of this.layout.tables) this.tables.push(this.reconcileTable(planned));
    this.reconcileFreeCells();
    this.applyCreatedFormats();
    this.reconcileMerges();
    this.reconcileValidations();
    this.reconcileConditionalFormats();
    this.reconcileColumns();
  }

  /** Where a planned cell is now: inside a table by row and column mapping, else in place. */
  private readonly place: Placement = (row, col) => {
    for (const t of this.tables) {
      const p = t.planned;
      if (col < p.col || col >= p.col + p.headers.length) continue;
      if (row === p.row) return { row: t.rect.top, col: t.columns[col - p.col] };
      if (row > p.row && row <= p.row + p.plan.rows)
        return { row: t.rows[row - p.row - 1], col: t.columns[col - p.col] };
    }
    return { row, col };
  };

  private write(row: number, col: number, planned: PlanCell | undefined, host?: string): void {
    const blankPlan = planned?.formula === undefined && (planned?.value ?? null) === null;
    if (blankPlan && isEmptyCell(peek(this.ws, row, col))) return;
    const cell = cellAt(this.ws, row, col);
    const wasEmpty = isEmptyCell(cell);
    if (writeCell(this.ws, cell, planned, this.date1904, host)) {
      this.written++;
      if (wasEmpty) this.created.set(`${row}:${col}`, { row, col });
    }
  }

  /** What a cell holds, without creating it. */
  private actual(row: number, col: number): Actual {
    const cell = peek(this.ws, row, col);
    return cell ? actualOf(cell, this.date1904) : NOTHING;
  }

  private existingTable(name: string): ExcelJS.Table | undefined {
    const direct = this.ws.getTable(name);
    if (direct) return direct;
    const key = name.toLowerCase();
    return (this.ws.getTables() as unknown as ExcelJS.Table[]).find(
      (t) => tableModel(t).name?.toLowerCase() === key
    );
  }

  private refuse(message: string, hint: string): never {
    throw new WorkbookWriteError(`Sheet "${this.ws.name}": ${message}`, hint);
  }

  private requireEmpty(rect: Rect, why: string): void {
    for (let row = rect.top; row <= rect.bottom; row++)
      for (let col = rect.left; col <= rect.right; col++) {
        const cell = peek(this.ws, row, col);
        if (cell && !isEmptyCell(cell) && cell.type !== ExcelJS.ValueType.Merge)
          this.refuse(
            `${why}, but cell ${cellAddress(row, col)} holds "${String(actualOf(cell, this.date1904).value ?? "")}".`,
            "Move those cells away from the table (or delete them), then run the command again."
          );
      }
  }

  private reconcileTable(planned: PlannedTable): TableState {
    const table = this.existingTable(planned.plan.name);
    return table ? this.growTable(planned, table) : this.createTable(planned);
  }

  /** The table is missing on an existing sheet: its cells by position, then the table over them. */
  private createTable(planned: PlannedTable): TableState {
    const width = planned.headers.length;
    const rect: Rect = {
      top: planned.row,
      left: planned.col,
      bottom: planned.row + planned.plan.rows,
      right: planned.col + width - 1,
    };
    for (const other of this.ws.getTables() as unknown as ExcelJS.Table[]) {
      const r = rectOf(tableModel(other).tableRef);
      if (
        r.top <= rect.bottom &&
        rect.top <= r.bottom &&
        r.left <= rect.right &&
        rect.left <= r.right
      )
        this.refuse(
          `table "${planned.plan.name}" would be created over ${rangeOf(rect)}, where table "${tableModel(other).name}" is.`,
          `Rename or move that table, or rename the sheet if it is not the assessment's "${this.plan.name}".`
        );
    }
    planned.headers.forEach((h, c) => this.write(rect.top, rect.left + c, { value: h }));
    planned.body.forEach((line, r) =>
      line.forEach((cell, c) =>
        this.write(rect.top + 1 + r, rect.left + c, cell, planned.plan.name)
      )
    );
    const rows: ExcelJS.CellValue[][] = planned.body.map((_, r) =>
      planned.headers.map((_h, c) => cellAt(this.ws, rect.top + 1 + r, rect.left + c).value)
    );
    this.ws.addTable({
      name: planned.plan.name,
      ref: cellAddress(rect.top, rect.left),
      headerRow: true,
      style: {
        theme: planned.plan.style as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: true,
      },
      columns: planned.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
    return {
      planned,
      rect,
      columns: planned.headers.map((_, c) => rect.left + c),
      rows: planned.body.map((_, r) => rect.top + 1 + r),
      firstBody: rect.top + 1,
      lastBody: rect.bottom,
    };
  }

  /** An existing table: rows matched by key, columns by header, missing ones appended. */
  private growTable(planned: PlannedTable, table: ExcelJS.Table): TableState {
    const model = tableModel(table);
    // A part without <tableStyleInfo> lost it in another program (LibreOffice keeps none); a
    // person's choice of no style in Excel is kept as an unnamed one.
    model.style ??= { theme: planned.plan.style, showRowStripes: true };
    const rect = rectOf(model.tableRef);
    const totals = model.totalsRow ? 1 : 0;
    const firstBody = rect.top + 1;
    const lastOld = rect.bottom - totals;
    const host = planned.plan.name;
    const textAt = (row: number, col: number): string =>
      normalizeHeader(this.actual(row, col).value);
    const wanted = new Set(planned.headers.map((h) => normalizeHeader(h)));

    // Columns by header. A column a person typed right of the table, with a header the plan
    // counts in, joins it; planned columns still missing are added to its right.
    const existing = new Map<string, number>();
    for (let c = rect.left; c <= rect.right; c++) {
      const name = model.columns[c - rect.left]?.name;
      const key = name === undefined ? textAt(rect.top, c) : normalizeHeader(decodeXString(name));
      if (!existing.has(key)) existing.set(key, c);
    }
    let right = rect.right;
    const joined: number[] = [];
    for (let c = rect.right + 1; !totals; c++) {
      const key = textAt(rect.top, c);
      if (key === "" || existing.has(key) || !wanted.has(key)) break;
      existing.set(key, c);
      joined.push(c);
      right = c;
    }
    const newColumns: number[] = [];
    const columns = planned.headers.map((h) => {
      const found = existing.get(normalizeHeader(h));
      if (found !== undefined) return found;
      right++;
      newColumns.push(right);
      return right;
    });

    // Rows: matched by key or content; typed rows below join, then blank rows, then new rows.
    const {
      matched: rows,
      placed,
      appended,
      lastBody,
    } = matchRows(
      planned,
      { columns, left: rect.left, right, firstBody, lastBody: lastOld, claimBelow: !totals },
      {
        value: (row, col) => this.actual(row, col).value,
        isEmpty: (row, col) => isEmptyCell(peek(this.ws, row, col)),
      }
    );
    const finalLast = lastBody + appended;
    const bottom = Math.max(rect.bottom, lastBody + totals);

    // Room for what grows: new rows (and the totals row below them), new columns.
    if (appended > 0)
      this.requireEmpty(
        { top: bottom + 1, left: rect.left, bottom: bottom + appended, right },
        `table "${model.name}" needs ${appended} more row${appended === 1 ? "" : "s"} below it`
      );
    if (newColumns.length)
      this.requireEmpty(
        { top: rect.top, left: newColumns[0], bottom: bottom, right },
        `table "${model.name}" needs ${newColumns.length} more column${newColumns.length === 1 ? "" : "s"} to its right`
      );
    if (totals && appended > 0) this.moveRow(rect.bottom, rect.bottom + appended, rect.left, right);

    // Headers of joined and new columns, then every planned cell where it now is.
    for (const c of [...joined, ...newColumns].sort((a, b) => a - b)) {
      const j = columns.indexOf(c);
      this.write(rect.top, c, { value: planned.headers[j] });
      model.columns.push({ name: planned.headers[j], filterButton: true });
      this.addedColumns++;
    }
    planned.body.forEach((line, p) => {
      const row = placed[p];
      const isNew = rows[p] === null;
      line.forEach((cell, j) => {
        const col = columns[j];
        if (isNew && firstBody <= lastOld && !newColumns.includes(col)) {
          // A new row looks like the row above it (the table's own formats, a person's too).
          cellAt(this.ws, row, col).style = cloneStyle(cellAt(this.ws, lastOld, col).style);
          this.write(row, col, cell, host);
          this.created.delete(`${row}:${col}`);
        } else this.write(row, col, cell, host);
      });
      const height = this.plan.rowHeights[planned.row + 2 + p];
      if (isNew && height !== undefined && this.ws.getRow(row + 1).height === undefined)
        this.ws.getRow(row + 1).height = height;
    });
    // A column added to the table takes the plan's formats in every row, blank cells too: an
    // input column must be open for typing on a protected sheet.
    for (const col of newColumns)
      for (const row of placed) this.created.set(`${row}:${col}`, { row, col });
    this.appended += appended;

    const finalRect: Rect = { top: rect.top, left: rect.left, bottom: finalLast + totals, right };
    model.tableRef = rangeOf(finalRect);
    if (model.autoFilterRef !== undefined)
      model.autoFilterRef = rangeOf({ ...finalRect, bottom: finalLast });
    return { planned, rect: finalRect, columns, rows: placed, firstBody, lastBody: finalLast };
  }

  /** Moves a row's cells (value and style) down, leaving the old ones empty. */
  private moveRow(from: number, to: number, left: number, right: number): void {
    for (let c = left; c <= right; c++) {
      const source = cellAt(this.ws, from, c);
      const target = cellAt(this.ws, to, c);
      target.value = source.value;
      target.style = cloneStyle(source.style);
      source.value = null;
    }
  }

  private reconcileFreeCells(): void {
    for (const { row, col, cell } of this.layout.free) {
      if (this.tables.some((t) => inside(t.rect, row, col))) continue;
      this.write(row, col, cell);
    }
  }

  /** Cells this run filled where there was nothing take the formats the plan gives them. */
  private applyCreatedFormats(): void {
    if (this.created.size === 0) return;
    const byPosition = new Map<string, { row: number; col: number }>();
    // Planned position of each created cell: free cells sit where planned; table cells by mapping.
    const plannedOf = new Map<string, { row: number; col: number }>();
    for (const t of this.tables) {
      const p = t.planned;
      t.columns.forEach((col, j) => {
        plannedOf.set(`${t.rect.top}:${col}`, { row: p.row, col: p.col + j });
        t.rows.forEach((row, r) =>
          plannedOf.set(`${row}:${col}`, { row: p.row + 1 + r, col: p.col + j })
        );
      });
    }
    for (const [key, at] of this.created) byPosition.set(key, plannedOf.get(key) ?? at);
    for (const format of this.plan.formats) {
      const r = rectOf(format.range);
      for (const [key, at] of this.created) {
        const p = byPosition.get(key) as { row: number; col: number };
        if (inside(r, p.row, p.col))
          applyStyle(cellAt(this.ws, at.row, at.col), format.style, format.numberFormat);
      }
    }
  }

  private reconcileMerges(): void {
    for (const m of this.plan.merges) {
      const r = rectOf(m);
      let free = true;
      for (let row = r.top; row <= r.bottom && free; row++)
        for (let col = r.left; col <= r.right && free; col++) {
          const cell = peek(this.ws, row, col);
          if (cell?.isMerged || ((row !== r.top || col !== r.left) && !isEmptyCell(cell)))
            free = false;
        }
      if (free) this.ws.mergeCells(m);
    }
  }

  /** A planned range where it is on the sheet: a table column's body follows the table. */
  private mapRange(range: string): Rect | null {
    const r = rectOf(range);
    for (const t of this.tables) {
      const p = t.planned;
      const span: Rect = {
        top: p.row,
        left: p.col,
        bottom: p.row + p.plan.rows,
        right: p.col + p.headers.length - 1,
      };
      if (!(
        r.top <= span.bottom &&
        span.top <= r.bottom &&
        r.left <= span.right &&
        span.left <= r.right
      ))
        continue;
      if (r.left !== r.right) return null; // our rules are drawn per column
      const col = t.columns[r.left - p.col];
      if (col === undefined) return null;
      if (r.top === p.row + 1 && r.bottom === p.row + p.plan.rows)
        return {
          top: t.firstBody,
          left: col,
          bottom: Math.max(t.firstBody, t.lastBody),
          right: col,
        };
      const a = this.place(r.top, r.left);
      const b = this.place(r.bottom, r.right);
      return a && b ? { top: a.row, left: a.col, bottom: b.row, right: b.col } : null;
    }
    return r;
  }

  private reconcileValidations(): void {
    const store = dataValidations(this.ws);
    for (const v of this.plan.validations) {
      const rect = this.mapRange(v.range);
      if (!rect) continue;
      const wanted = validationOf(v);
      // A loaded range shares one validation object among its cells: compare each object once.
      const verdicts = new Map<ExcelJS.DataValidation, boolean>();
      const missing: string[] = [];
      // Cells that lack the rule get the one the column already has, so they join its range.
      let existing: ExcelJS.DataValidation | undefined;
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let col = rect.left; col <= rect.right; col++) {
          const address = cellAddress(row, col);
          const actual = store.find(address);
          let same = actual ? verdicts.get(actual) : false;
          if (same === undefined) {
            same = sameValidation(actual, wanted, v);
            verdicts.set(actual as ExcelJS.DataValidation, same);
          }
          if (same) existing ??= actual;
          else missing.push(address);
        }
      for (const address of missing) store.add(address, existing ?? wanted);
    }
  }

  private reconcileConditionalFormats(): void {
    const existing = conditionalFormattings(this.ws);
    let priority = existing.reduce(
      (max, cf) =>
        Math.max(max, ...cf.rules.map((r) => (r as { priority?: number }).priority ?? 0)),
      0
    );
    for (const cf of this.plan.conditionalFormats) {
      const rect = this.mapRange(cf.range);
      if (!rect) continue;
      const ref = rangeOf(rect);
      const found = existing.find(
        (e) => e.rules.some((rule) => sameRule(rule, cf)) && overlaps(e.ref, rect)
      );
      if (found) {
        if (!covers(found.ref, rect)) {
          // Our rule over the column a table grew in: one range over both.
          const [only, ...more] = rectsOf(found.ref);
          found.ref =
            only && more.length === 0 && only.left === rect.left && only.right === rect.right
              ? rangeOf({
                  ...rect,
                  top: Math.min(only.top, rect.top),
                  bottom: Math.max(only.bottom, rect.bottom),
                })
              : `${found.ref} ${ref}`.trim();
        }
        continue;
      }
      this.ws.addConditionalFormatting({ ...conditionalFormat(cf, ++priority), ref });
    }
  }

  /** Widths and hidden columns: set only where the sheet has none (never narrow a person's). */
  private reconcileColumns(): void {
    const placeColumn = (letter: string): number | null => {
      const col = parseCellAddress(`${letter}1`).col;
      for (const t of this.tables) {
        const p = t.planned;
        if (col >= p.col && col < p.col + p.headers.length) return t.columns[col - p.col];
      }
      return col;
    };
    for (const [letter, width] of Object.entries(this.plan.widths)) {
      const col = placeColumn(letter);
      if (col === null) continue;
      if (this.ws.getColumn(col + 1).width === undefined) this.ws.getColumn(col + 1).width = width;
    }
    const hidden = new Set<number>();
    for (const letter of this.plan.hiddenColumns ?? []) {
      const col = placeColumn(letter);
      if (col === null) continue;
      hidden.add(col);
      if (!this.ws.getColumn(col + 1).hidden) this.ws.getColumn(col + 1).hidden = true;
    }
    // A column the plan shows or hides by a setting is shown again when the setting says so.
    for (const t of this.tables)
      t.planned.headers.forEach((h, j) => {
        const col = t.columns[j];
        if (!MODE_COLUMNS.includes(h) || hidden.has(col)) return;
        if (this.ws.getColumn(col + 1).hidden) this.ws.getColumn(col + 1).hidden = false;
      });
  }
}

/**
 * Columns the layout hides or shows by a Settings switch (Maturity, by maturity mode). The plan
 * lists the columns to hide, not the ones it shows, so a column hidden by an earlier run is
 * known by its header. Any other hidden column is a person's choice and stays hidden.
 */
const MODE_COLUMNS: readonly string[] = ["Maturity"];

function cloneStyle(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return JSON.parse(JSON.stringify(style ?? {})) as Partial<ExcelJS.Style>;
}

const text = (v: unknown): string => (v === undefined || v === null ? "" : String(v).trim());

/** A cell's validation already says what the plan says (type, source or bounds, messages). */
function sameValidation(
  actual: ExcelJS.DataValidation | undefined,
  wanted: ExcelJS.DataValidation,
  plan: ValidationPlan
): boolean {
  if (!actual) return false;
  if (actual.type !== wanted.type) return false;
  const formulae = (v: ExcelJS.DataValidation): string[] =>
    (v.formulae ?? []).map((f) =>
      f instanceof Date ? f.toISOString().slice(0, 10) : text(f).replace(/^=/, "")
    );
  if (plan.rule.kind !== "date" && plan.rule.kind !== "any") {
    const a = formulae(actual);
    const w = formulae(wanted);
    if (a.length !== w.length || a.some((f, i) => formulaKey(f) !== formulaKey(w[i]))) return false;
  }
  if (
    plan.rule.kind !== "any" &&
    (text(actual.error) !== text(wanted.error) ||
      text(actual.errorTitle) !== text(wanted.errorTitle))
  )
    return false;
  if (
    plan.prompt &&
    (text(actual.prompt) !== text(wanted.prompt) ||
      text(actual.promptTitle) !== text(wanted.promptTitle))
  )
    return false;
  return true;
}

function sameRule(rule: ExcelJS.ConditionalFormattingRule, plan: ConditionalFormatPlan): boolean {
  if (plan.kind === "dataBar") return rule.type === "dataBar";
  const formulae = (rule as { formulae?: unknown[] }).formulae ?? [];
  return (
    rule.type === "expression" &&
    formulae.length > 0 &&
    formulaKey(String(formulae[0])) === formulaKey(plan.formula)
  );
}

function rectsOf(ref: string): Rect[] {
  return ref
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((part) => {
      try {
        return [rectOf(part)];
      } catch {
        return [];
      }
    });
}

const overlaps = (ref: string, r: Rect): boolean =>
  rectsOf(ref).some(
    (a) => a.top <= r.bottom && r.top <= a.bottom && a.left <= r.right && r.left <= a.right
  );

function covers(ref: string, r: Rect): boolean {
  const rects = rectsOf(ref);
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++)
      if (!rects.some((a) => inside(a, row, col))) return false;
  return true;
}

/**
 * ExcelJS reads a validation's range into one entry per cell and, writing them back, joins the
 * cells again starting from addresses sorted as text ("D10" before "D5"), which gives ranges that
 * overlap (D10:D34 and D5:D34): Excel repairs such a file. Joins them here instead: each column's
 * runs of cells with the same validation become one range key, which ExcelJS writes as it is.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const store = dataValidations(ws);
  const cells = Object.entries(store.model).filter(
    (e): e is [string, ExcelJS.DataValidation] => e[1] !== undefined && !e[0].includes(":")
  );
  if (cells.length === 0) return;
  const ids = new Map<string, number>();
  const groups = new Map<
    number,
    { validation: ExcelJS.DataValidation; at: { row: number; col: number }[] }
  >();
  // Cells of one loaded range share one object: its text is made once, not once per cell.
  const keys = new Map<ExcelJS.DataValidation, string>();
  for (const [address, validation] of cells) {
    let key = keys.get(validation);
    if (key === undefined) keys.set(validation, (key = JSON.stringify(validation)));
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      groups.set(id, { validation, at: [] });
    }
    (groups.get(id) as { at: { row: number; col: number }[] }).at.push(parseCellAddress(address));
    delete store.model[address];
  }
  for (const { validation, at } of groups.values()) {
    at.sort((a, b) => a.col - b.col || a.row - b.row);
    let run: Rect | null = null;
    const flush = (): void => {
      if (run) store.model[rangeOf(run)] = validation;
    };
    for (const { row, col } of at) {
      if (run && run.left === col && run.bottom === row - 1) run.bottom = row;
      else {
        flush();
        run = { top: row, left: col, bottom: row, right: col };
      }
    }
    flush();
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook: sheets in place, new ones after their neighbour, names

function findWorksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const key = sheetKey(name);
  return workbook.worksheets.find((ws) => sheetKey(ws.name) === key);
}

/** Puts `ws` right after `previous` (or first), shifting the tabs behind it. */
function placeAfter(
  workbook: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  previous: ExcelJS.Worksheet | null
): void {
  const others = workbook.worksheets.filter((s) => s !== ws);
  const at = previous ? others.indexOf(previous) + 1 : 0;
  others.splice(at, 0, ws);
  others.forEach((s, i) => setSheetOrder(s, i));
}

/** True when no sheet of the plan exists in the workbook yet (a first build renders whole). */
export function isFirstBuild(plan: WorkbookPlan, workbook: ExcelJS.Workbook): boolean {
  return plan.sheets.every((s) => !findWorksheet(workbook, s.name));
}

/** The plan's sheets that the workbook lacks. */
export function missingSheets(plan: WorkbookPlan, workbook: ExcelJS.Workbook): string[] {
  return plan.sheets.filter((s) => !findWorksheet(workbook, s.name)).map((s) => s.name);
}

function date1904Of(workbook: ExcelJS.Workbook): boolean {
  return Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
}

/**
 * Brings `workbook` (read from a file) to `plan`, changing only what the plan owns. Throws
 * WorkbookWriteError, naming sheet and cells, when growing a table would overwrite a person's cells.
 */
export async function reconcilePlanInWorkbook(
  plan: WorkbookPlan,
  workbook: ExcelJS.Workbook
): Promise<ReconcileResult> {
  const result: ReconcileResult = {
    addedSheets: [],
    cellsWritten: 0,
    rowsAppended: 0,
    columnsAdded: 0,
    namesChanged: [],
  };
  const date1904 = date1904Of(workbook);
  let previous: ExcelJS.Worksheet | null = null;
  for (const sheet of plan.sheets) {
    let ws = findWorksheet(workbook, sheet.name);
    if (!ws) {
      await renderSheet(workbook, sheet);
      ws = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet;
      placeAfter(workbook, ws, previous);
      result.addedSheets.push(sheet.name);
    } else {
      const reconciler = new SheetReconciler(ws, sheet, date1904);
      reconciler.run();
      result.cellsWritten += reconciler.written;
      result.rowsAppended += reconciler.appended;
      result.columnsAdded += reconciler.addedColumns;
      // Print setup of our sheets is ours: brought to the plan (the same values write the same XML).
      if (sheet.print) applyPrint(ws, sheet.print);
    }
    previous = ws;
  }
  // Keep ExcelJS's own bookkeeping of positions dense (0..n-1) for the writer.
  workbook.worksheets.forEach((s, i) => setSheetOrder(s, i));
  for (const n of plan.names)
    if (setWorkbookName(workbook, n.name, n.refersTo)) result.namesChanged.push(n.name);
  return result;
}
