/** Workbook, worksheets, application, freeze panes, sheet protection and event registration. */
import { PageBreakCollection, PageLayout } from "./pageLayout";
import { MAX_COLS, MAX_ROWS, Rect, parseAddress, rect } from "./address";
import { ChartCollection } from "./chart";
import { normaliseColor } from "./colors";
import { EventHandler, ProtectionOptions, RangeRef } from "./entities";
import { invalidArgument, invalidOperation, itemNotFound } from "./errors";
import { NamedItemCollection } from "./names";
import { ClientCollection, ClientObject, ClientResult, Exec, defineClass } from "./proxy";
import { Range, rangeArg } from "./range";
import { SheetState, WorkbookState } from "./state";
import { TableCollection } from "./table";

const VISIBILITY = ["Visible", "Hidden", "VeryHidden"];
const CALC_MODES = ["Automatic", "AutomaticExceptTables", "Manual"];

/** OfficeExtension.EventHandlers: add/remove take effect at the next sync, like Office.js. */
export class EventHandlers<E = unknown> {
  constructor(
    private readonly owner: ClientObject,
    private readonly member: string,
    private readonly list: (entity: E) => EventHandler[]
  ) {}

  add(handler: EventHandler): { context: unknown; remove(): void } {
    this.owner._call<E>(this.member, [], (e) => this.list(e).push(handler));
    return { context: this.owner.context, remove: () => this.remove(handler) };
  }

  remove(handler: EventHandler): void {
    this.owner._call<E>(this.member, [], (e) => {
      const l = this.list(e);
      const i = l.indexOf(handler);
      if (i >= 0) l.splice(i, 1);
    });
  }
}

export class Workbook extends ClientObject {
  getSelectedRange(): Range {
    return this._child(Range, "getSelectedRange", [], (wb: WorkbookState, x) => {
      if (!wb.selected) throw itemNotFound("Nothing is selected.", x.location);
      return new RangeRef(wb.selected.sheet, wb.selected.rect);
    });
  }

  getActiveCell(): Range {
    return this._child(Range, "getActiveCell", [], (wb: WorkbookState, x) => {
      if (!wb.selected) throw itemNotFound("Nothing is selected.", x.location);
      const r = wb.selected.rect;
      return new RangeRef(wb.selected.sheet, rect(r.r0, r.c0, r.r0, r.c0));
    });
  }

  get worksheets(): WorksheetCollection {
    return this._nav("worksheets");
  }

  get application(): Application {
    return this._nav("application");
  }
}

defineClass(Workbook, {
  name: "Workbook",
  props: { name: { get: () => "Book1.xlsx" } },
  nav: {
    worksheets: (p) => p._child(WorksheetCollection, "worksheets", [], (wb) => wb),
    tables: (p) =>
      p._child(TableCollection, "tables", [], (wb: WorkbookState) => ({ wb, sheet: null })),
    names: (p) => p._child(NamedItemCollection, "names", [], (wb) => wb),
    application: (p) => p._child(Application, "application", [], (wb) => wb),
  },
});

function sheetByKey(wb: WorkbookState, key: unknown): SheetState | undefined {
  if (typeof key !== "string") return undefined;
  return wb.findSheet(key) ?? wb.sheetList.find((s) => s.id === key);
}

export class WorksheetCollection extends ClientCollection<Worksheet> {
  protected _members(wb: WorkbookState): unknown[] {
    return wb.sheetList;
  }

  protected _makeItem(sheet: unknown): Worksheet {
    return new Worksheet(this.context, null, null, sheet);
  }

  add(name?: string): Worksheet {
    return this._child(Worksheet, "add", [name], (wb: WorkbookState, x) =>
      wb.addSheetInternal(name, x.location)
    );
  }

  getItem(key: string): Worksheet {
    return this._child(Worksheet, "getItem", [key], (wb: WorkbookState, x) => {
      const s = sheetByKey(wb, key);
      if (!s) throw itemNotFound(`No worksheet named '${key}'.`, x.location);
      return s;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return this._child(
      Worksheet,
      "getItemOrNullObject",
      [key],
      (wb: WorkbookState) => sheetByKey(wb, key) ?? null
    );
  }

  getActiveWorksheet(): Worksheet {
    return this._child(Worksheet, "getActiveWorksheet", [], (wb: WorkbookState, x) => {
      if (!wb.activeSheet) throw itemNotFound("No active worksheet.", x.location);
      return wb.activeSheet;
    });
  }

  getFirst(visibleOnly?: boolean): Worksheet {
    return this._child(
      Worksheet,
      "getFirst",
      [visibleOnly],
      (wb: WorkbookState) => visible(wb, visibleOnly)[0]
    );
  }

  getLast(visibleOnly?: boolean): Worksheet {
    return this._child(
      Worksheet,
      "getLast",
      [visibleOnly],
      (wb: WorkbookState) => visible(wb, visibleOnly).slice(-1)[0]
    );
  }

  getCount(visibleOnly?: boolean): ClientResult<number> {
    return this._callResult(
      "getCount",
      [visibleOnly],
      (wb: WorkbookState) => visible(wb, visibleOnly).length
    );
  }

  get onChanged(): EventHandlers<WorkbookState> {
    return new EventHandlers(this, "onChanged", (wb: WorkbookState) => wb.changedHandlers);
  }

  get onActivated(): EventHandlers<WorkbookState> {
    return new EventHandlers(this, "onActivated", (wb: WorkbookState) => wb.activatedHandlers);
  }
}

function visible(wb: WorkbookState, visibleOnly?: boolean): SheetState[] {
  return visibleOnly ? wb.sheetList.filter((s) => s.visibility === "Visible") : wb.sheetList;
}

defineClass(WorksheetCollection, { name: "WorksheetCollection", props: {}, nav: {} });

function checkIndex(n: unknown, max: number, what: string, location: string, min = 0): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max)
    throw invalidArgument(`Bad ${what} '${String(n)}'.`, location);
  return n;
}

export class Worksheet extends ClientObject {
  activate(): void {
    this._call("activate", [], (s: SheetState, x) => {
      if (s.visibility !== "Visible")
        throw invalidOperation("A hidden sheet cannot be activated.", x.location);
      s.workbook.activeSheet = s;
      if (s.workbook.selected?.sheet !== s) s.workbook.selected = new RangeRef(s, rect(0, 0, 0, 0));
    });
  }

  delete(): void {
    this._call("delete", [], (s: SheetState, x) => s.workbook.deleteSheet(s, x.location));
  }

  calculate(markAllDirty?: boolean): void {
    this._call("calculate", [markAllDirty], () => undefined);
  }

  /** A1 address, with or without this sheet's name; no address means the whole sheet. */
  getRange(address?: string): Range {
    return this._child(Range, "getRange", [address], (s: SheetState, x) =>
      sheetRange(s, address, x)
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Range {
    return this._child(
      Range,
      "getRangeByIndexes",
      [startRow, startColumn, rowCount, columnCount],
      (s: SheetState, x) => {
        const r0 = checkIndex(startRow, MAX_ROWS - 1, "startRow", x.location);
        const c0 = checkIndex(startColumn, MAX_COLS - 1, "startColumn", x.location);
        const n = checkIndex(rowCount, MAX_ROWS - r0, "rowCount", x.location, 1);
        const m = checkIndex(columnCount, MAX_COLS - c0, "columnCount", x.location, 1);
        return new RangeRef(s, rect(r0, c0, r0 + n - 1, c0 + m - 1));
      }
    );
  }

  getCell(row: number, column: number): Range {
    return this._child(Range, "getCell", [row, column], (s: SheetState, x) => {
      const r = checkIndex(row, MAX_ROWS - 1, "row", x.location);
      const c = checkIndex(column, MAX_COLS - 1, "column", x.location);
      return new RangeRef(s, rect(r, c, r, c));
    });
  }

  /** Excel returns A1 for an empty sheet. */
  getUsedRange(valuesOnly?: boolean): Range {
    return this._child(
      Range,
      "getUsedRange",
      [valuesOnly],
      (s: SheetState) => new RangeRef(s, s.usedRect(!!valuesOnly) ?? rect(0, 0, 0, 0))
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._child(Range, "getUsedRangeOrNullObject", [valuesOnly], (s: SheetState) => {
      const r = s.usedRect(!!valuesOnly);
      return r ? new RangeRef(s, r) : null;
    });
  }

  get onChanged(): EventHandlers<SheetState> {
    return new EventHandlers(this, "onChanged", (s: SheetState) => s.changedHandlers);
  }

  get onActivated(): EventHandlers<SheetState> {
    return new EventHandlers(this, "onActivated", (s: SheetState) => s.activatedHandlers);
  }
}

/** Resolve an address on a sheet (a defined name pointing at this sheet also works, as in Excel). */
export function sheetRange(s: SheetState, address: string | undefined, x: Exec): RangeRef {
  if (address === undefined || address === null || address === "")
    return new RangeRef(s, rect(0, 0, MAX_ROWS - 1, MAX_COLS - 1));
  let parsed;
  try {
    parsed = parseAddress(address);
  } catch {
    const name = s.workbook.findName(address);
    if (name) {
      const target = parseAddress(name.formula.replace(/^=/, ""));
      if (target.sheet && target.sheet.toLowerCase() === s.name.toLowerCase())
        return new RangeRef(s, target.rect);
    }
    throw invalidArgument(`'${address}' is not a valid range address.`, x.location);
  }
  if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) {
    throw invalidArgument(`'${address}' is not on sheet '${s.name}'.`, x.location);
  }
  return new RangeRef(s, parsed.rect);
}

defineClass(Worksheet, {
  name: "Worksheet",
  props: {
    id: { get: (s: SheetState) => s.id },
    name: {
      get: (s: SheetState) => s.name,
      set: (s: SheetState, v, x) => s.workbook.renameSheet(s, v as string, x.location),
    },
    position: {
      get: (s: SheetState) => s.position,
      set: (s: SheetState, v, x) => {
        const list = s.workbook.sheetList;
        const to = checkIndex(v, list.length - 1, "position", x.location);
        list.splice(list.indexOf(s), 1);
        list.splice(to, 0, s);
      },
    },
    visibility: {
      get: (s: SheetState) => s.visibility,
      set: (s: SheetState, v, x) => {
        if (!VISIBILITY.includes(v as string))
          throw invalidArgument(`Bad visibility '${String(v)}'.`, x.location);
        const others = s.workbook.sheetList.filter((o) => o !== s && o.visibility === "Visible");
        if (v !== "Visible" && others.length === 0)
          throw invalidOperation(
            "A workbook must contain at least one visible worksheet.",
            x.location
          );
        s.visibility = v as string;
        if (v !== "Visible" && s.workbook.activeSheet === s) {
          s.workbook.activeSheet = others[0];
          s.workbook.selected = new RangeRef(others[0], rect(0, 0, 0, 0));
        }
      },
    },
    tabColor: {
      get: (s: SheetState) => s.tabColor,
      set: (s: SheetState, v, x) => {
        s.tabColor = v === "" ? "" : normaliseColor(v, x.location);
      },
    },
    showGridlines: {
      get: (s: SheetState) => s.showGridlines,
      set: (s: SheetState, v, x) => {
        if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
        s.showGridlines = v;
      },
    },
  },
  nav: {
    tables: (p) =>
      p._child(TableCollection, "tables", [], (s: SheetState) => ({ wb: s.workbook, sheet: s })),
    charts: (p) => p._child(ChartCollection, "charts", [], (s) => s),
    freezePanes: (p) => p._child(WorksheetFreezePanes, "freezePanes", [], (s) => s),
    protection: (p) => p._child(WorksheetProtection, "protection", [], (s) => s),
    pageLayout: (p) => p._child(PageLayout, "pageLayout", [], (s) => s),
    horizontalPageBreaks: (p) =>
      p._child(PageBreakCollection, "horizontalPageBreaks", [], (s) => s),
  },
});

export class Application extends ClientObject {
  calculate(calculationType: string): void {
    this._call("calculate", [calculationType], (wb: WorkbookState, x) => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
        throw invalidArgument(`Bad calculationType '${calculationType}'.`, x.location);
      wb.calculateCalls.push(calculationType);
      wb.onCalculate?.(wb);
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], (wb: WorkbookState) => {
      wb.calculationSuspended = true;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

defineClass(Application, {
  name: "Application",
  props: {
    calculationMode: {
      get: (wb: WorkbookState) => wb.calculationMode,
      set: (wb: WorkbookState, v, x) => {
        if (!CALC_MODES.includes(v as string))
          throw invalidArgument(`Bad calculationMode '${String(v)}'.`, x.location);
        wb.calculationMode = v as string;
      },
    },
    calculationState: { get: () => "Done" },
  },
  nav: {},
});

export class WorksheetFreezePanes extends ClientObject {
  freezeRows(count = 1): void {
    this._call("freezeRows", [count], (s: SheetState, x) => {
      s.frozen = { rows: checkIndex(count, MAX_ROWS - 1, "count", x.location), columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._call("freezeColumns", [count], (s: SheetState, x) => {
      s.frozen = { rows: 0, columns: checkIndex(count, MAX_COLS - 1, "count", x.location) };
    });
  }

  /** The given range is the top-left pane that stays frozen. */
  freezeAt(frozenRange: Range | string): void {
    this._call("freezeAt", [frozenRange], (s: SheetState, x) => {
      const r = rangeArg(frozenRange, s, x).rect;
      s.frozen = {
        rows: r.r0 === 0 && r.r1 < MAX_ROWS - 1 ? r.r1 + 1 : 0,
        columns: r.c0 === 0 && r.c1 < MAX_COLS - 1 ? r.c1 + 1 : 0,
      };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", [], (s: SheetState) => {
      s.frozen = { rows: 0, columns: 0 };
    });
  }

  getLocation(): Range {
    return this._child(Range, "getLocation", [], (s: SheetState, x) => {
      const r = frozenRect(s);
      if (!r) throw itemNotFound("No panes are frozen.", x.location);
      return new RangeRef(s, r);
    });
  }

  getLocationOrNullObject(): Range {
    return this._child(Range, "getLocationOrNullObject", [], (s: SheetState) => {
      const r = frozenRect(s);
      return r ? new RangeRef(s, r) : null;
    });
  }
}

function frozenRect(s: SheetState): Rect | null {
  const { rows, columns } = s.frozen;
  if (!rows && !columns) return null;
  if (!columns) return rect(0, 0, rows - 1, MAX_COLS - 1);
  if (!rows) return rect(0, 0, MAX_ROWS - 1, columns - 1);
  return rect(0, 0, rows - 1, columns - 1);
}

defineClass(WorksheetFreezePanes, { name: "WorksheetFreezePanes", props: {}, nav: {} });

export class WorksheetProtection extends ClientObject {
  /** Fails when the sheet is already protected, as Excel documents. */
  protect(options?: Partial<ProtectionOptions>, password?: string): void {
    this._call(
      "protect",
      [options, password === undefined ? undefined : "***"],
      (s: SheetState, x) => {
        if (s.prot.protected)
          throw invalidOperation("The worksheet is already protected.", x.location);
        s.protect(options ?? {}, password);
      }
    );
  }

  unprotect(password?: string): void {
    this._call("unprotect", [password === undefined ? undefined : "***"], (s: SheetState, x) => {
      if (s.prot.protected && s.prot.password !== undefined && s.prot.password !== password) {
        throw invalidArgument("The password is incorrect.", x.location);
      }
      s.unprotect();
    });
  }
}

defineClass(WorksheetProtection, {
  name: "WorksheetProtection",
  props: {
    protected: { get: (s: SheetState) => s.prot.protected },
    options: { get: (s: SheetState) => ({ ...s.prot.options }) },
    isPasswordProtected: { get: (s: SheetState) => s.prot.password !== undefined },
  },
  nav: {},
});
