/**
 * Table.sort (Excel.TableSort, ExcelApi 1.2): `apply(fields, matchCase?, method?)` reorders the
 * table's body rows by up to 64 fields; whole rows move with their values, formulas, formats and
 * hyperlinks. Excel's default order: ascending is numbers, then text (without case unless
 * matchCase), then FALSE before TRUE, then errors; descending reverses it; blank cells come last
 * either way. A formula that shows "" is text, not blank. Rows that compare equal keep their order.
 */
import { rect, rowCount } from "./address";
import type { CellData, HyperlinkData, TableEntity } from "./entities";
import { invalidArgument, notModelled } from "./errors";
import { ERROR_VALUES, shiftFormula } from "./formula";
import { ClientObject, Exec, defineClass } from "./proxy";
import { cellKey } from "./styles";

export interface SortField {
  key: number;
  ascending?: boolean;
  sortOn?: string;
  dataOption?: string;
  color?: string;
  icon?: unknown;
  subField?: string;
}

interface SortState {
  fields: SortField[];
  matchCase: boolean;
  method: string;
}

/** What the table's last sort was (TableSort.fields, matchCase, method). */
const lastSort = new WeakMap<TableEntity, SortState>();

/** Excel's rank of a value's kind in an ascending sort; blanks are handled apart. */
function kindRank(v: unknown): number {
  if (typeof v === "number") return 0;
  if (typeof v === "boolean") return 2;
  if (typeof v === "string" && ERROR_VALUES.includes(v.toUpperCase())) return 3;
  return 1;
}

function compareValues(a: unknown, b: unknown, matchCase: boolean): number {
  const ka = kindRank(a);
  const kb = kindRank(b);
  if (ka !== kb) return ka - kb;
  if (ka === 0) return (a as number) - (b as number);
  if (ka === 2) return Number(a) - Number(b);
  if (ka === 3) return 0; // All errors are equal.
  const x = matchCase ? String(a) : String(a).toLowerCase();
  const y = matchCase ? String(b) : String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function checkFields(
  t: TableEntity,
  fields: unknown,
  location?: string
): Required<Pick<SortField, "key" | "ascending">>[] {
  if (!Array.isArray(fields) || fields.length === 0 || fields.length > 64)
    throw invalidArgument("A sort needs 1 to 64 fields.", location);
  return fields.map((f: SortField) => {
    if (!f || !Number.isInteger(f.key) || f.key < 0 || f.key >= t.columns.length)
      throw invalidArgument(`Sort key ${String(f?.key)} is outside the table.`, location);
    if (f.sortOn !== undefined && f.sortOn !== "Value")
      throw notModelled(`sorting on ${String(f.sortOn)}`, location);
    if (f.dataOption !== undefined && f.dataOption !== "Normal")
      throw notModelled(`the sort data option ${String(f.dataOption)}`, location);
    return { key: f.key, ascending: f.ascending ?? true };
  });
}

/** Sorts the table's body rows in place; returns the new order (old row index per new position). */
export function sortTable(
  t: TableEntity,
  rawFields: unknown,
  matchCase = false,
  method = "PinYin",
  location?: string
): number[] {
  const sheet = t.sheet;
  sheet.assertAllowed("allowSort", location);
  const fields = checkFields(t, rawFields, location);
  const body = t.bodyRect;
  const n = rowCount(body);
  const keyOf = (i: number, col: number): unknown => {
    const c = sheet.getCell(body.r0 + i, body.c0 + col);
    if (!c) return null;
    if (c.f !== undefined) return c.v ?? ""; // an uncalculated formula shows ""
    return c.v === "" ? null : c.v;
  };
  const order = [...Array(n).keys()].sort((a, b) => {
    for (const f of fields) {
      const x = keyOf(a, f.key);
      const y = keyOf(b, f.key);
      if (x === null || y === null) {
        if (x === null && y === null) continue;
        return x === null ? 1 : -1; // blanks last, whatever the direction
      }
      const d = compareValues(x, y, matchCase);
      if (d !== 0) return f.ascending ? d : -d;
    }
    return a - b;
  });
  lastSort.set(t, { fields: rawFields as SortField[], matchCase, method });
  if (order.every((from, to) => from === to)) return order;

  // Everything a row carries, read before anything is written.
  const props = sheet.styles.props();
  const rows = order.map((from) => {
    const row = body.r0 + from;
    const cells: {
      data: CellData | undefined;
      link: HyperlinkData | undefined;
      styles: unknown[];
    }[] = [];
    for (let col = body.c0; col <= body.c1; col++)
      cells.push({
        data: sheet.getCell(row, col),
        link: sheet.hyperlinks.get(cellKey(row, col)),
        styles: props.map((p) => sheet.styles.get(p, row, col)),
      });
    return { from, cells };
  });
  rows.forEach(({ from, cells }, to) => {
    if (from === to) return;
    const row = body.r0 + to;
    cells.forEach(({ data, link, styles }, j) => {
      const col = body.c0 + j;
      // A moved formula behaves as if copied there: relative references follow the row.
      sheet.putCell(
        row,
        col,
        data && data.f !== undefined
          ? { ...data, f: shiftFormula(data.f, to - from, 0) }
          : (data ?? null)
      );
      if (link) sheet.hyperlinks.set(cellKey(row, col), { ...link });
      else sheet.hyperlinks.delete(cellKey(row, col));
      props.forEach((p, k) => {
        if (sheet.styles.get(p, row, col) !== styles[k])
          sheet.styles.setRange(p, rect(row, col, row, col), styles[k]);
      });
    });
  });
  return order;
}

export class TableSort extends ClientObject {
  apply(fields: SortField[], matchCase?: boolean, method?: string): void {
    this._call("apply", [fields, matchCase, method], (t: TableEntity, x: Exec) => {
      sortTable(t, fields, matchCase ?? false, method ?? "PinYin", x.location);
    });
  }

  /** Forgets the last sort (the rows stay where they are). */
  clear(): void {
    this._call("clear", [], (t: TableEntity) => {
      lastSort.delete(t);
    });
  }

  /** Sorts again by the last sort's fields. */
  reapply(): void {
    this._call("reapply", [], (t: TableEntity, x: Exec) => {
      const last = lastSort.get(t);
      if (last) sortTable(t, last.fields, last.matchCase, last.method, x.location);
    });
  }
}
defineClass(TableSort, {
  name: "TableSort",
  props: {
    fields: { get: (t: TableEntity) => lastSort.get(t)?.fields ?? [] },
    matchCase: { get: (t: TableEntity) => lastSort.get(t)?.matchCase ?? false },
    method: { get: (t: TableEntity) => lastSort.get(t)?.method ?? "PinYin" },
  },
  nav: {},
});
