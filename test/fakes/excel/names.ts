/** Workbook-scoped defined names (workbook.names): add, look up, read formula/value/type, delete. */
import { parseAddress, qualify } from "./address";
import { NameEntity, RangeRef } from "./entities";
import { alreadyExists, invalidArgument, invalidOperation, itemNotFound } from "./errors";
import { ClientCollection, ClientObject, ClientResult, Exec, defineClass } from "./proxy";
import { Range, rangeArg } from "./range";
import { WorkbookState } from "./state";
import { checkStructuredRefs } from "./structuredRefs";
import { checkName } from "./tableModel";

/** The formula a reference becomes: a Range is stored as an absolute, sheet-qualified reference. */
function referenceFormula(wb: WorkbookState, reference: unknown, x: Exec): string {
  if (reference instanceof ClientObject) {
    const r = rangeArg(reference, wb.sheetList[0], x);
    return `=${qualify(r.sheet.name, r.rect, true)}`;
  }
  if (typeof reference !== "string" || reference.trim() === "")
    throw invalidArgument("A name needs a reference.", x.location);
  const formula = reference.startsWith("=") ? reference : `=${reference}`;
  checkStructuredRefs(wb, formula, null, x.location);
  return formula;
}

/** Target of a name that is a plain reference (Sheet!$A$1 or 'Annex A'!$A$1:$B$2), else null. */
function rangeOf(wb: WorkbookState, n: NameEntity): RangeRef | null {
  const body = n.formula.slice(1);
  if (!body.includes("!") || body.includes("#REF!")) return null;
  try {
    const { sheet, rect } = parseAddress(body);
    const s = sheet ? wb.findSheet(sheet) : undefined;
    return s ? new RangeRef(s, rect) : null;
  } catch {
    return null;
  }
}

function typeOf(wb: WorkbookState, n: NameEntity): string {
  const body = n.formula.slice(1).trim();
  if (rangeOf(wb, n)) return "Range";
  if (/^[+-]?\d+$/.test(body)) return "Integer";
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return "Double";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (/^"([^"]|"")*"$/.test(body)) return "String";
  // Computed formulas are not evaluated by the fake; Excel would report the result's type.
  return "Error";
}

function valueOf(wb: WorkbookState, n: NameEntity): unknown {
  const body = n.formula.slice(1).trim();
  switch (typeOf(wb, n)) {
    case "Range":
      return body;
    case "Integer":
    case "Double":
      return Number(body);
    case "Boolean":
      return body.toUpperCase() === "TRUE";
    case "String":
      return body.slice(1, -1).replace(/""/g, '"');
    default:
      return body.includes("#REF!") ? "#REF!" : "#N/A";
  }
}

export class NamedItemCollection extends ClientCollection<NamedItem> {
  protected _members(wb: WorkbookState): unknown[] {
    return wb.nameList;
  }

  protected _makeItem(entity: unknown): NamedItem {
    return new NamedItem(this.context, null, null, entity);
  }

  /** Names are compared without case: 'status_list' is taken when 'Status_List' exists (ItemAlreadyExists). */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    return this._child(NamedItem, "add", [name, reference, comment], (wb: WorkbookState, x) => {
      const n = checkName(name, "defined", x.location);
      if (wb.findName(n) || wb.findTable(n))
        throw alreadyExists(`The name '${n}' already exists.`, x.location);
      const item = new NameEntity(n, referenceFormula(wb, reference, x));
      item.comment = comment ?? "";
      wb.nameList.push(item);
      return item;
    });
  }

  getItem(name: string): NamedItem {
    return this._child(NamedItem, "getItem", [name], (wb: WorkbookState, x) => {
      const n = wb.findName(name);
      if (!n) throw itemNotFound(`No name '${name}'.`, x.location);
      return n;
    });
  }

  getItemOrNullObject(name: string): NamedItem {
    return this._child(
      NamedItem,
      "getItemOrNullObject",
      [name],
      (wb: WorkbookState) => wb.findName(name) ?? null
    );
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (wb: WorkbookState) => wb.nameList.length);
  }
}
defineClass(NamedItemCollection, { name: "NamedItemCollection", props: {}, nav: {} });

export class NamedItem extends ClientObject {
  delete(): void {
    this._call("delete", [], (n: NameEntity, x) => {
      n.deleted = true;
      x.wb.nameList = x.wb.nameList.filter((other) => other !== n);
    });
  }

  getRange(): Range {
    return this._child(Range, "getRange", [], (n: NameEntity, x) => {
      const r = rangeOf(x.wb, n);
      if (!r) throw invalidOperation(`The name '${n.name}' does not refer to a range.`, x.location);
      return r;
    });
  }

  getRangeOrNullObject(): Range {
    return this._child(Range, "getRangeOrNullObject", [], (n: NameEntity, x) => rangeOf(x.wb, n));
  }
}

defineClass(NamedItem, {
  name: "NamedItem",
  props: {
    name: { get: (n: NameEntity) => n.name },
    formula: {
      get: (n: NameEntity) => n.formula,
      set: (n: NameEntity, v, x) => {
        if (typeof v !== "string" || v.trim() === "")
          throw invalidArgument("A formula is required.", x.location);
        const formula = v.startsWith("=") ? v : `=${v}`;
        checkStructuredRefs(x.wb, formula, null, x.location);
        n.formula = formula;
      },
    },
    comment: {
      get: (n: NameEntity) => n.comment,
      set: (n: NameEntity, v, x) => {
        if (typeof v !== "string") throw invalidArgument("Expected a string.", x.location);
        n.comment = v;
      },
    },
    visible: {
      get: (n: NameEntity) => n.visible,
      set: (n: NameEntity, v, x) => {
        if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
        n.visible = v;
      },
    },
    scope: { get: () => "Workbook" },
    type: { get: (n: NameEntity, x: Exec) => typeOf(x.wb, n) },
    value: { get: (n: NameEntity, x: Exec) => valueOf(x.wb, n) },
  },
  nav: {},
});
