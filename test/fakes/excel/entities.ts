/** Workbook objects other than sheets: ranges, tables, names, rules and charts, as the fake stores them. */
import { Rect, intersect, rect } from "./address";
import type { CellScalar } from "./formula";
import type { SheetState } from "./state";

/** A stored cell: a constant, or a formula with its cached result (null until something calculates it). */
export interface CellData {
  v: CellScalar | null;
  f?: string;
}

/** Excel.RangeHyperlink: a URL (address) or a place in the workbook (documentReference). */
export interface HyperlinkData {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const defaultProtectionOptions = (): ProtectionOptions => ({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
});

export type EventHandler = (args: unknown) => unknown;

export interface ValidationEntry {
  rect: Rect;
  rule: Record<string, unknown> | null;
  prompt: { message: string; showPrompt: boolean; title: string };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  ignoreBlanks: boolean;
}

export const defaultPrompt = (): ValidationEntry["prompt"] => ({
  message: "",
  showPrompt: true,
  title: "",
});
export const defaultErrorAlert = (): ValidationEntry["errorAlert"] => ({
  message: "",
  showAlert: true,
  style: "Stop",
  title: "",
});

/** A range handle bound at sync time: a rectangle on a sheet (dies with the sheet). */
export class RangeRef {
  constructor(
    readonly sheet: SheetState,
    readonly rect: Rect
  ) {}
  get deleted(): boolean {
    return this.sheet.deleted;
  }
}

export class TableColumnEntity {
  /** Calculated column: the formula of the first body row (new rows get it, shifted to their row). */
  formula: string | null = null;
  constructor(
    readonly id: number,
    public name: string,
    readonly table: TableEntity
  ) {}
  get index(): number {
    return this.table.columns.indexOf(this);
  }
  get deleted(): boolean {
    return this.table.deleted || this.index < 0;
  }
}

export class TableEntity {
  style = "TableStyleMedium2";
  showHeaders = true;
  showTotals = false;
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  highlightFirstColumn = false;
  highlightLastColumn = false;
  columns: TableColumnEntity[] = [];
  deleted = false;
  nextColumnId = 1;
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetState,
    public rect: Rect
  ) {}
  /** Data body rows (Excel keeps at least one, possibly blank). */
  get bodyRect(): Rect {
    const top = this.showHeaders ? this.rect.r0 + 1 : this.rect.r0;
    const bottom = this.showTotals ? this.rect.r1 - 1 : this.rect.r1;
    return rect(top, this.rect.c0, bottom, this.rect.c1);
  }
}

export class NameEntity {
  comment = "";
  visible = true;
  deleted = false;
  constructor(
    public name: string,
    public formula: string
  ) {}
}

export class ConditionalFormatEntity {
  stopIfTrue = false;
  deleted = false;
  /** The rule and format as nested plain objects, keyed like the Office.js sub-objects (custom, dataBar, ...). */
  data: Record<string, Record<string, unknown>> = {};
  constructor(
    readonly id: string,
    readonly sheet: SheetState,
    public rects: Rect[],
    public type: string
  ) {}
}

export class ChartEntity {
  title = { text: "", visible: false };
  legend = { visible: true, position: "Right" };
  position: { start: string | null; end: string | null } = { start: null, end: null };
  top = 0;
  left = 0;
  width = 360;
  height = 216;
  deleted = false;
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetState,
    public chartType: string,
    public source: RangeRef,
    public seriesBy: string
  ) {}
}

export function validationType(rule: Record<string, unknown> | null): string {
  if (!rule) return "None";
  const key = Object.keys(rule).find((k) => rule[k] !== undefined && rule[k] !== null);
  const map: Record<string, string> = {
    list: "List",
    wholeNumber: "WholeNumber",
    decimal: "Decimal",
    date: "Date",
    time: "Time",
    textLength: "TextLength",
    custom: "Custom",
  };
  return key ? (map[key] ?? "Inconsistent") : "None";
}

/** Cut a validation entry by a rectangle: the part inside and the pieces that stay outside. */
export function splitValidation(
  v: ValidationEntry,
  r: Rect
): { inside: ValidationEntry | null; outside: ValidationEntry[] } {
  const i = intersect(v.rect, r);
  if (!i) return { inside: null, outside: [v] };
  const pieces: Rect[] = [];
  const a = v.rect;
  if (i.r0 > a.r0) pieces.push(rect(a.r0, a.c0, i.r0 - 1, a.c1));
  if (i.r1 < a.r1) pieces.push(rect(i.r1 + 1, a.c0, a.r1, a.c1));
  if (i.c0 > a.c0) pieces.push(rect(i.r0, a.c0, i.r1, i.c0 - 1));
  if (i.c1 < a.c1) pieces.push(rect(i.r0, i.c1 + 1, i.r1, a.c1));
  return { inside: { ...v, rect: i }, outside: pieces.map((p) => ({ ...v, rect: p })) };
}

/** Which Office.js sub-object holds a conditional format's rule. */
export function cfDataKey(type: string): string {
  const map: Record<string, string> = {
    Custom: "custom",
    DataBar: "dataBar",
    ColorScale: "colorScale",
    IconSet: "iconSet",
    TopBottom: "topBottom",
    PresetCriteria: "preset",
    ContainsText: "textComparison",
    CellValue: "cellValue",
  };
  return map[type] ?? type;
}
