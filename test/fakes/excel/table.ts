/** Tables (ListObjects): workbook/sheet collections, rows, columns, ranges, resize, delete, convert. */
import { Rect, parseAddress, rect, rowCount } from "./address";
import { RangeRef, TableColumnEntity, TableEntity } from "./entities";
import { invalidArgument, itemNotFound, notModelled } from "./errors";
import { ClientCollection, ClientObject, ClientResult, Exec, defineClass } from "./proxy";
import { Range, rangeArg, writeContents } from "./range";
import { SheetState, WorkbookState, matrix } from "./state";
import { renameTableRefs } from "./structuredRefs";
import {
  addTableColumn,
  addTableRows,
  checkTableName,
  createTable,
  deleteTableColumn,
  deleteTableRows,
  refreshHeaders,
  removeTable,
  resizeTable,
} from "./tableModel";
import { TableSort } from "./tableSort";
import { Worksheet } from "./workbook";

/** Entity of a table collection: the workbook's, or one sheet's. */
interface TableScope {
  wb: WorkbookState;
  sheet: SheetState | null;
}

function inScope(scope: TableScope): TableEntity[] {
  return scope.sheet ? scope.sheet.ownTables() : scope.wb.tableList;
}

function findTable(scope: TableScope, key: unknown): TableEntity | undefined {
  if (typeof key !== "string") return undefined;
  return inScope(scope).find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
}

/** Address or Range for tables.add; workbook.tables needs a sheet-qualified address. */
function tableTarget(scope: TableScope, address: unknown, x: Exec): RangeRef {
  if (scope.sheet) return rangeArg(address, scope.sheet, x);
  if (address instanceof ClientObject) return rangeArg(address, scope.wb.sheetList[0], x);
  if (typeof address !== "string")
    throw invalidArgument("Expected an address or a Range.", x.location);
  const { sheet } = parseAddress(address);
  const target = sheet ? scope.wb.findSheet(sheet) : scope.wb.activeSheet;
  if (!target) throw itemNotFound(`No worksheet named '${String(sheet)}'.`, x.location);
  return rangeArg(address, target, x);
}

export class TableCollection extends ClientCollection<Table> {
  protected _members(scope: TableScope): unknown[] {
    return inScope(scope);
  }

  protected _makeItem(entity: unknown): Table {
    return new Table(this.context, null, null, entity);
  }

  /** Create over an already-filled range; the first row's values become the headers. */
  add(address: Range | string, hasHeaders: boolean): Table {
    return this._child(Table, "add", [address, hasHeaders], (scope: TableScope, x) => {
      const target = tableTarget(scope, address, x);
      return createTable(scope.wb, target.sheet, target.rect, hasHeaders, x.location);
    });
  }

  getItem(key: string): Table {
    return this._child(Table, "getItem", [key], (scope: TableScope, x) => {
      const t = findTable(scope, key);
      if (!t) throw itemNotFound(`No table named '${key}'.`, x.location);
      return t;
    });
  }

  getItemOrNullObject(key: string): Table {
    return this._child(
      Table,
      "getItemOrNullObject",
      [key],
      (scope: TableScope) => findTable(scope, key) ?? null
    );
  }

  getItemAt(index: number): Table {
    return this._child(Table, "getItemAt", [index], (scope: TableScope, x) => {
      const t = inScope(scope)[index];
      if (!t) throw itemNotFound(`No table at ${index}.`, x.location);
      return t;
    });
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (scope: TableScope) => inScope(scope).length);
  }
}
defineClass(TableCollection, {
  name: "TableCollection",
  props: { count: { get: (s: TableScope) => inScope(s).length } },
  nav: {},
});

function tableRange(method: string, pick: (t: TableEntity) => Rect | null) {
  return function (this: Table): Range {
    return this._child(Range, method, [], (t: TableEntity, x) => {
      const r = pick(t);
      if (!r)
        throw itemNotFound(
          `The table has no ${method.replace(/^get|Range$/g, "")} row.`,
          x.location
        );
      return new RangeRef(t.sheet, r);
    });
  };
}

export class Table extends ClientObject {
  getRange = tableRange("getRange", (t) => t.rect);
  getHeaderRowRange = tableRange("getHeaderRowRange", (t) =>
    t.showHeaders ? rect(t.rect.r0, t.rect.c0, t.rect.r0, t.rect.c1) : null
  );
  getDataBodyRange = tableRange("getDataBodyRange", (t) => t.bodyRect);
  getTotalRowRange = tableRange("getTotalRowRange", (t) =>
    t.showTotals ? rect(t.rect.r1, t.rect.c0, t.rect.r1, t.rect.c1) : null
  );

  /** ExcelApi 1.13. */
  resize(newRange: Range | string): void {
    this._call("resize", [newRange], (t: TableEntity, x) => {
      const target = rangeArg(newRange, t.sheet, x);
      if (target.sheet !== t.sheet)
        throw invalidArgument("A table cannot move to another sheet.", x.location);
      resizeTable(t, target.rect, x.location);
    });
  }

  /** Removes the table and its contents. */
  delete(): void {
    this._call("delete", [], (t: TableEntity, x) => {
      t.sheet.assertAllowed(null, x.location);
      removeTable(t, true);
    });
  }

  /** Keeps the cells (values and formats), drops the table; references to it become A1 references. */
  convertToRange(): Range {
    return this._child(Range, "convertToRange", [], (t: TableEntity) => {
      const r = new RangeRef(t.sheet, t.rect);
      removeTable(t, false);
      return r;
    });
  }

  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }

  reapplyFilters(): void {
    this._call("reapplyFilters", [], () => undefined);
  }
}

function flag(
  key:
    | "showBandedRows"
    | "showBandedColumns"
    | "showFilterButton"
    | "highlightFirstColumn"
    | "highlightLastColumn"
) {
  return {
    get: (t: TableEntity) => t[key],
    set: (t: TableEntity, v: unknown, x: Exec) => {
      if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
      t.sheet.assertAllowed(null, x.location);
      t[key] = v;
    },
  };
}

defineClass(Table, {
  name: "Table",
  props: {
    id: { get: (t: TableEntity) => t.id },
    legacyId: { get: (t: TableEntity) => t.id.replace(/\D/g, "").replace(/^0+/, "") },
    name: {
      get: (t: TableEntity) => t.name,
      set: (t: TableEntity, v, x) => {
        const name = checkTableName(t.sheet.workbook, v, t, x.location);
        // Excel follows a renamed table in every formula that refers to it.
        if (name !== t.name) renameTableRefs(t, name);
        t.name = name;
      },
    },
    style: {
      get: (t: TableEntity) => t.style,
      set: (t: TableEntity, v, x) => {
        if (typeof v !== "string" || !/^(TableStyle(Light|Medium|Dark)\d{1,2}|)$/.test(v))
          throw invalidArgument(`Unknown table style '${String(v)}'.`, x.location);
        t.sheet.assertAllowed(null, x.location);
        t.style = v;
      },
    },
    showHeaders: {
      get: (t: TableEntity) => t.showHeaders,
      set: (t: TableEntity, v, x) => {
        if (v !== true) throw notModelled("hiding a table header row", x.location);
      },
    },
    showTotals: {
      get: (t: TableEntity) => t.showTotals,
      set: (t: TableEntity, v, x) => {
        if (v !== false) throw notModelled("a table totals row", x.location);
      },
    },
    showBandedRows: flag("showBandedRows"),
    showBandedColumns: flag("showBandedColumns"),
    showFilterButton: flag("showFilterButton"),
    highlightFirstColumn: flag("highlightFirstColumn"),
    highlightLastColumn: flag("highlightLastColumn"),
  },
  nav: {
    rows: (p) => p._child(TableRowCollection, "rows", [], (t) => t),
    columns: (p) => p._child(TableColumnCollection, "columns", [], (t) => t),
    sort: (p) => p._child(TableSort, "sort", [], (t) => t),
    worksheet: (p) => p._child(Worksheet, "worksheet", [], (t: TableEntity) => t.sheet),
  },
});

/** A body row by position at the time it was bound. */
class RowRef {
  constructor(
    readonly table: TableEntity,
    readonly index: number
  ) {}
  get deleted(): boolean {
    return this.table.deleted || this.index >= rowCount(this.table.bodyRect);
  }
  get rect(): Rect {
    const b = this.table.bodyRect;
    return rect(b.r0 + this.index, b.c0, b.r0 + this.index, b.c1);
  }
}

export class TableRowCollection extends ClientCollection<TableRow> {
  protected _members(t: TableEntity): unknown[] {
    return [...Array(rowCount(t.bodyRect)).keys()].map((i) => new RowRef(t, i));
  }

  protected _makeItem(entity: unknown): TableRow {
    return new TableRow(this.context, null, null, entity);
  }

  /** Appends below (or inserts at index); values is a 2D array of whole rows. */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRow {
    return this._child(
      TableRow,
      "add",
      [index, values, alwaysInsert],
      (t: TableEntity, x) => new RowRef(t, addTableRows(t, index, values, x.location))
    );
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (t: TableEntity) => rowCount(t.bodyRect));
  }

  getItemAt(index: number): TableRow {
    return this._child(TableRow, "getItemAt", [index], (t: TableEntity, x) => {
      if (!Number.isInteger(index) || index < 0 || index >= rowCount(t.bodyRect))
        throw itemNotFound(`No row at ${index}.`, x.location);
      return new RowRef(t, index);
    });
  }

  deleteRowsAt(index: number, count = 1): void {
    this._call("deleteRowsAt", [index, count], (t: TableEntity, x) =>
      deleteTableRows(t, index, count, x.location)
    );
  }
}
defineClass(TableRowCollection, {
  name: "TableRowCollection",
  props: { count: { get: (t: TableEntity) => rowCount(t.bodyRect) } },
  nav: {},
});

export class TableRow extends ClientObject {
  getRange(): Range {
    return this._child(Range, "getRange", [], (r: RowRef) => new RangeRef(r.table.sheet, r.rect));
  }

  delete(): void {
    this._call("delete", [], (r: RowRef, x) => deleteTableRows(r.table, r.index, 1, x.location));
  }
}
defineClass(TableRow, {
  name: "TableRow",
  props: {
    index: { get: (r: RowRef) => r.index },
    values: {
      get: (r: RowRef) => matrix(r.rect, (row, col) => r.table.sheet.valueAt(row, col)),
      set: (r: RowRef, v, x) => writeContents(new RangeRef(r.table.sheet, r.rect), v, x),
    },
  },
  nav: {},
});

function findColumn(t: TableEntity, key: unknown): TableColumnEntity | undefined {
  if (typeof key === "number") return t.columns.find((c) => c.id === key);
  if (typeof key !== "string") return undefined;
  return (
    t.columns.find((c) => c.name.toLowerCase() === key.toLowerCase()) ??
    t.columns.find((c) => String(c.id) === key)
  );
}

export class TableColumnCollection extends ClientCollection<TableColumn> {
  protected _members(t: TableEntity): unknown[] {
    return t.columns;
  }

  protected _makeItem(entity: unknown): TableColumn {
    return new TableColumn(this.context, null, null, entity);
  }

  /** Grows the table one column to the right (or inserts at index); values include the header row. */
  add(index?: number | null, values?: unknown, name?: string): TableColumn {
    return this._child(
      TableColumn,
      "add",
      [index, values, name],
      (t: TableEntity, x) => t.columns[addTableColumn(t, index, values, name, x.location)]
    );
  }

  getItem(key: number | string): TableColumn {
    return this._child(TableColumn, "getItem", [key], (t: TableEntity, x) => {
      const c = findColumn(t, key);
      if (!c) throw itemNotFound(`No column '${String(key)}' in table '${t.name}'.`, x.location);
      return c;
    });
  }

  getItemOrNullObject(key: number | string): TableColumn {
    return this._child(
      TableColumn,
      "getItemOrNullObject",
      [key],
      (t: TableEntity) => findColumn(t, key) ?? null
    );
  }

  getItemAt(index: number): TableColumn {
    return this._child(TableColumn, "getItemAt", [index], (t: TableEntity, x) => {
      const c = t.columns[index];
      if (!c) throw itemNotFound(`No column at ${index}.`, x.location);
      return c;
    });
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (t: TableEntity) => t.columns.length);
  }
}
defineClass(TableColumnCollection, {
  name: "TableColumnCollection",
  props: { count: { get: (t: TableEntity) => t.columns.length } },
  nav: {},
});

function columnRect(c: TableColumnEntity, part: "all" | "header" | "body"): Rect | null {
  const t = c.table;
  const col = t.rect.c0 + c.index;
  if (part === "header") return t.showHeaders ? rect(t.rect.r0, col, t.rect.r0, col) : null;
  if (part === "body") return rect(t.bodyRect.r0, col, t.bodyRect.r1, col);
  return rect(t.rect.r0, col, t.rect.r1, col);
}

function columnRange(method: string, part: "all" | "header" | "body") {
  return function (this: TableColumn): Range {
    return this._child(Range, method, [], (c: TableColumnEntity, x) => {
      const r = columnRect(c, part);
      if (!r) throw itemNotFound("The table has no header row.", x.location);
      return new RangeRef(c.table.sheet, r);
    });
  };
}

export class TableColumn extends ClientObject {
  getRange = columnRange("getRange", "all");
  getHeaderRowRange = columnRange("getHeaderRowRange", "header");
  getDataBodyRange = columnRange("getDataBodyRange", "body");

  delete(): void {
    this._call("delete", [], (c: TableColumnEntity, x) => deleteTableColumn(c, x.location));
  }
}
defineClass(TableColumn, {
  name: "TableColumn",
  props: {
    id: { get: (c: TableColumnEntity) => c.id },
    index: { get: (c: TableColumnEntity) => c.index },
    name: {
      get: (c: TableColumnEntity) => c.name,
      set: (c: TableColumnEntity, v, x) => {
        if (typeof v !== "string" || v === "")
          throw invalidArgument("A column name is required.", x.location);
        const header = columnRect(c, "header");
        if (!header) throw notModelled("renaming a column of a table without headers", x.location);
        writeContents(new RangeRef(c.table.sheet, header), [[`'${v}`]], x);
        refreshHeaders(c.table);
      },
    },
    values: {
      get: (c: TableColumnEntity) =>
        matrix(columnRect(c, "all") as Rect, (row, col) => c.table.sheet.valueAt(row, col)),
      set: (c: TableColumnEntity, v, x) =>
        writeContents(new RangeRef(c.table.sheet, columnRect(c, "all") as Rect), v, x),
    },
  },
  nav: {},
});
