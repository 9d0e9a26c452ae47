/** Conditional formats: a collection per range, rule objects stored as plain data on the sheet. */
import { Rect, intersect, subtract } from "./address";
import { normaliseColor } from "./colors";
import { ConditionalFormatEntity, RangeRef, cfDataKey } from "./entities";
import { excelEnums } from "./enums";
import { invalidArgument, invalidOperation, itemNotFound } from "./errors";
import {
  ClassInfo,
  ClientCollection,
  ClientObject,
  ClientResult,
  Exec,
  PropSpec,
  ProxyCtor,
  defineClass,
} from "./proxy";
import { Range } from "./range";

const TYPES: string[] = Object.values(excelEnums.ConditionalFormatType);

/** Defaults Excel gives a new rule of each type (only what the fake reports back). */
function defaults(type: string): Record<string, Record<string, unknown>> {
  switch (type) {
    case "DataBar":
      return {
        dataBar: {
          barDirection: "Context",
          showDataBarOnly: false,
          axisFormat: "Automatic",
          axisColor: "#000000",
          lowerBoundRule: { type: "LowestValue" },
          upperBoundRule: { type: "HighestValue" },
          positiveFormat: { fillColor: "#638EC6", gradientFill: true, borderColor: "" },
          negativeFormat: {
            fillColor: "#FF0000",
            borderColor: "",
            matchPositiveFillColor: false,
            matchPositiveBorderColor: false,
          },
        },
      };
    case "ColorScale":
      return {
        colorScale: {
          criteria: {
            minimum: { type: "LowestValue", formula: null, color: "#F8696B" },
            midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
            maximum: { type: "HighestValue", formula: null, color: "#63BE7B" },
          },
        },
      };
    case "IconSet":
      return {
        iconSet: {
          style: "ThreeTrafficLights1",
          reverseIconOrder: false,
          showIconOnly: false,
          criteria: [],
        },
      };
    case "TopBottom":
      return { topBottom: { rule: { rank: 10, type: "TopItems" }, format: {} } };
    case "PresetCriteria":
      return { preset: { rule: { criterion: "Invalid" }, format: {} } };
    case "ContainsText":
      return { textComparison: { rule: { operator: "Contains", text: "" }, format: {} } };
    case "CellValue":
      return { cellValue: { rule: { formula1: "", operator: "Invalid" }, format: {} } };
    default:
      return { custom: { rule: { formula: "" }, format: {} } };
  }
}

function createCF(e: RangeRef, type: string, x: Exec): ConditionalFormatEntity {
  if (!TYPES.includes(type))
    throw invalidArgument(`Bad conditional format type '${type}'.`, x.location);
  e.sheet.assertAllowed("allowFormatCells", x.location);
  const cf = new ConditionalFormatEntity(e.sheet.workbook.newId("cf"), e.sheet, [e.rect], type);
  cf.data = defaults(type);
  // A new rule goes to the top of the priority list, as in Excel.
  e.sheet.cfs.unshift(cf);
  return cf;
}

function applying(e: RangeRef): ConditionalFormatEntity[] {
  return e.sheet.cfs.filter((cf) => cf.rects.some((r) => intersect(r, e.rect)));
}

export class ConditionalFormatCollection extends ClientCollection<ConditionalFormat> {
  protected _members(e: RangeRef): unknown[] {
    return applying(e);
  }

  protected _makeItem(entity: unknown): ConditionalFormat {
    return new ConditionalFormat(this.context, null, null, entity);
  }

  add(type: string): ConditionalFormat {
    return this._child(ConditionalFormat, "add", [type], (e: RangeRef, x) => createCF(e, type, x));
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (e: RangeRef) => applying(e).length);
  }

  getItem(id: string): ConditionalFormat {
    return this._child(ConditionalFormat, "getItem", [id], (e: RangeRef, x) => {
      const cf = applying(e).find((c) => c.id === id);
      if (!cf) throw itemNotFound(`No conditional format '${id}'.`, x.location);
      return cf;
    });
  }

  getItemOrNullObject(id: string): ConditionalFormat {
    return this._child(
      ConditionalFormat,
      "getItemOrNullObject",
      [id],
      (e: RangeRef) => applying(e).find((c) => c.id === id) ?? null
    );
  }

  getItemAt(index: number): ConditionalFormat {
    return this._child(ConditionalFormat, "getItemAt", [index], (e: RangeRef, x) => {
      const cf = applying(e)[index];
      if (!cf) throw itemNotFound(`No conditional format at ${index}.`, x.location);
      return cf;
    });
  }

  /** Removes the formats from the cells of this range; rules reaching outside it keep the rest. */
  clearAll(): void {
    this._call("clearAll", [], (e: RangeRef, x) => {
      e.sheet.assertAllowed("allowFormatCells", x.location);
      for (const cf of e.sheet.cfs) cf.rects = cf.rects.flatMap((r) => subtract(r, e.rect));
      for (const cf of e.sheet.cfs.filter((c) => c.rects.length === 0)) cf.deleted = true;
      e.sheet.cfs = e.sheet.cfs.filter((c) => !c.deleted);
    });
  }
}
defineClass(ConditionalFormatCollection, {
  name: "ConditionalFormatCollection",
  props: {},
  nav: {},
});

/** A rule sub-object: a path into the conditional format's data. */
class NodeRef {
  constructor(
    readonly cf: ConditionalFormatEntity,
    readonly path: string[]
  ) {}
  get deleted(): boolean {
    return this.cf.deleted;
  }
  read(): Record<string, unknown> {
    let o: unknown = this.cf.data;
    for (const k of this.path)
      o = o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined;
    return (o as Record<string, unknown>) ?? {};
  }
  write(): Record<string, unknown> {
    let o = this.cf.data as Record<string, unknown>;
    for (const k of this.path) o = (o[k] ??= {}) as Record<string, unknown>;
    return o;
  }
  child(key: string): NodeRef {
    return new NodeRef(this.cf, [...this.path, key]);
  }
}

type Check = (v: unknown, x: Exec) => unknown;
/** Plain-data copy so neither the caller nor a later read can alias the stored rule. */
const clone = (v: unknown): unknown =>
  v && typeof v === "object" ? JSON.parse(JSON.stringify(v)) : v;
const any: Check = (v) => clone(v);
const bool: Check = (v, x) => {
  if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
  return v;
};
const str: Check = (v, x) => {
  if (typeof v !== "string") throw invalidArgument("Expected a string.", x.location);
  return v;
};
const color: Check = (v, x) => (v === "" ? "" : normaliseColor(v, x.location));
const oneOf =
  (values: string[]): Check =>
  (v, x) => {
    if (typeof v !== "string" || !values.includes(v))
      throw invalidArgument(`'${String(v)}' is not one of ${values.join(", ")}.`, x.location);
    return v;
  };
const ruleWith =
  (required: string[], operators?: string[]): Check =>
  (v, x) => {
    if (!v || typeof v !== "object") throw invalidArgument("Expected a rule object.", x.location);
    for (const k of required)
      if ((v as Record<string, unknown>)[k] === undefined)
        throw invalidArgument(`The rule needs '${k}'.`, x.location);
    const op = (v as Record<string, unknown>).operator;
    if (operators && !operators.includes(op as string))
      throw invalidArgument(`Bad operator '${String(op)}'.`, x.location);
    return clone(v);
  };

function dataProp(name: string, check: Check = any): PropSpec<NodeRef> {
  return {
    get: (n) => {
      const v = n.read()[name];
      return v === undefined ? null : clone(v);
    },
    set: (n, v, x) => {
      const value = check(v, x);
      n.cf.sheet.assertAllowed("allowFormatCells", x.location);
      n.write()[name] = value;
    },
  };
}

type NodeCtor = ProxyCtor<ClientObject>;

function nodeNav(Ctor: NodeCtor, key: string): (p: ClientObject) => ClientObject {
  return (p) => p._child(Ctor, key, [], (n: NodeRef) => n.child(key));
}

/** Sub-object for one rule type; the plain accessor fails on other types, the OrNullObject one gives a null object. */
function typedNav(
  Ctor: NodeCtor,
  type: string,
  orNull: boolean,
  member: string
): (p: ClientObject) => ClientObject {
  return (p) =>
    p._child(Ctor, member, [], (cf: ConditionalFormatEntity, x) => {
      if (cf.type !== type) {
        if (orNull) return null;
        throw invalidOperation(
          `The conditional format is of type ${cf.type}, not ${type}.`,
          x.location
        );
      }
      return new NodeRef(cf, [cfDataKey(type)]);
    });
}

/** A rule sub-object class that is only data (no methods of its own). */
function nodeClass(
  name: string,
  props: Record<string, PropSpec<NodeRef>>,
  nav: ClassInfo["nav"] = {}
): NodeCtor {
  const C = class extends ClientObject {};
  Object.defineProperty(C, "name", { value: name });
  defineClass(C, { name, props, nav });
  return C;
}

const UNDERLINE = ["None", "Single", "Double"];

export class ConditionalRangeFill extends ClientObject {
  clear(): void {
    this._call("clear", [], (n: NodeRef) => {
      delete n.write().color;
    });
  }
}
defineClass(ConditionalRangeFill, {
  name: "ConditionalRangeFill",
  props: { color: dataProp("color", color) },
  nav: {},
});

export class ConditionalRangeFont extends ClientObject {
  clear(): void {
    this._call("clear", [], (n: NodeRef) => {
      for (const k of Object.keys(n.write())) delete n.write()[k];
    });
  }
}
defineClass(ConditionalRangeFont, {
  name: "ConditionalRangeFont",
  props: {
    bold: dataProp("bold", bool),
    italic: dataProp("italic", bool),
    color: dataProp("color", color),
    strikethrough: dataProp("strikethrough", bool),
    underline: dataProp("underline", oneOf(UNDERLINE)),
  },
  nav: {},
});

export class ConditionalRangeFormat extends ClientObject {
  clearFormat(): void {
    this._call("clearFormat", [], (n: NodeRef) => {
      for (const k of Object.keys(n.write())) delete n.write()[k];
    });
  }
}
defineClass(ConditionalRangeFormat, {
  name: "ConditionalRangeFormat",
  props: { numberFormat: dataProp("numberFormat") },
  nav: { fill: nodeNav(ConditionalRangeFill, "fill"), font: nodeNav(ConditionalRangeFont, "font") },
});

const ConditionalFormatRule = nodeClass("ConditionalFormatRule", {
  formula: dataProp("formula", str),
  formulaLocal: dataProp("formula", str),
  formulaR1C1: dataProp("formulaR1C1", str),
});

const CELL_OPS = Object.values(excelEnums.ConditionalCellValueOperator) as string[];
const TEXT_OPS = Object.values(excelEnums.ConditionalTextOperator) as string[];
const formatNav = { format: nodeNav(ConditionalRangeFormat, "format") };

const CustomConditionalFormat = nodeClass(
  "CustomConditionalFormat",
  {},
  { rule: nodeNav(ConditionalFormatRule, "rule"), ...formatNav }
);
const CellValueConditionalFormat = nodeClass(
  "CellValueConditionalFormat",
  { rule: dataProp("rule", ruleWith(["formula1", "operator"], CELL_OPS)) },
  formatNav
);
const TextConditionalFormat = nodeClass(
  "TextConditionalFormat",
  { rule: dataProp("rule", ruleWith(["operator", "text"], TEXT_OPS)) },
  formatNav
);
const PresetCriteriaConditionalFormat = nodeClass(
  "PresetCriteriaConditionalFormat",
  { rule: dataProp("rule", ruleWith(["criterion"])) },
  formatNav
);
const TopBottomConditionalFormat = nodeClass(
  "TopBottomConditionalFormat",
  { rule: dataProp("rule", ruleWith(["rank", "type"])) },
  formatNav
);
const ConditionalDataBarPositiveFormat = nodeClass("ConditionalDataBarPositiveFormat", {
  borderColor: dataProp("borderColor", color),
  fillColor: dataProp("fillColor", color),
  gradientFill: dataProp("gradientFill", bool),
});
const ConditionalDataBarNegativeFormat = nodeClass("ConditionalDataBarNegativeFormat", {
  borderColor: dataProp("borderColor", color),
  fillColor: dataProp("fillColor", color),
  matchPositiveBorderColor: dataProp("matchPositiveBorderColor", bool),
  matchPositiveFillColor: dataProp("matchPositiveFillColor", bool),
});
const DataBarConditionalFormat = nodeClass(
  "DataBarConditionalFormat",
  {
    axisColor: dataProp("axisColor", color),
    axisFormat: dataProp(
      "axisFormat",
      oneOf(Object.values(excelEnums.ConditionalDataBarAxisFormat))
    ),
    barDirection: dataProp(
      "barDirection",
      oneOf(Object.values(excelEnums.ConditionalDataBarDirection))
    ),
    showDataBarOnly: dataProp("showDataBarOnly", bool),
    lowerBoundRule: dataProp("lowerBoundRule", ruleWith(["type"])),
    upperBoundRule: dataProp("upperBoundRule", ruleWith(["type"])),
  },
  {
    positiveFormat: nodeNav(ConditionalDataBarPositiveFormat, "positiveFormat"),
    negativeFormat: nodeNav(ConditionalDataBarNegativeFormat, "negativeFormat"),
  }
);
const ColorScaleConditionalFormat = nodeClass("ColorScaleConditionalFormat", {
  criteria: dataProp("criteria", ruleWith(["minimum", "maximum"])),
  threeColorScale: {
    get: (n: NodeRef) => !!(n.read().criteria as Record<string, unknown> | undefined)?.midpoint,
  },
});
const IconSetConditionalFormat = nodeClass("IconSetConditionalFormat", {
  style: dataProp("style", str),
  reverseIconOrder: dataProp("reverseIconOrder", bool),
  showIconOnly: dataProp("showIconOnly", bool),
  criteria: dataProp("criteria"),
});

const SUB: Array<[string, NodeCtor, string]> = [
  ["custom", CustomConditionalFormat, "Custom"],
  ["cellValue", CellValueConditionalFormat, "CellValue"],
  ["textComparison", TextConditionalFormat, "ContainsText"],
  ["preset", PresetCriteriaConditionalFormat, "PresetCriteria"],
  ["topBottom", TopBottomConditionalFormat, "TopBottom"],
  ["dataBar", DataBarConditionalFormat, "DataBar"],
  ["colorScale", ColorScaleConditionalFormat, "ColorScale"],
  ["iconSet", IconSetConditionalFormat, "IconSet"],
];

function cfRange(cf: ConditionalFormatEntity, orNull: boolean, x: Exec): RangeRef | null {
  if (cf.rects.length !== 1) {
    if (orNull) return null;
    throw invalidOperation("The conditional format applies to several ranges.", x.location);
  }
  return new RangeRef(cf.sheet, cf.rects[0] as Rect);
}

export class ConditionalFormat extends ClientObject {
  delete(): void {
    this._call("delete", [], (cf: ConditionalFormatEntity, x) => {
      cf.sheet.assertAllowed("allowFormatCells", x.location);
      cf.deleted = true;
      cf.sheet.cfs = cf.sheet.cfs.filter((c) => c !== cf);
    });
  }

  getRange(): Range {
    return this._child(Range, "getRange", [], (cf: ConditionalFormatEntity, x) =>
      cfRange(cf, false, x)
    );
  }

  getRangeOrNullObject(): Range {
    return this._child(Range, "getRangeOrNullObject", [], (cf: ConditionalFormatEntity, x) =>
      cfRange(cf, true, x)
    );
  }
}

defineClass(ConditionalFormat, {
  name: "ConditionalFormat",
  props: {
    id: { get: (cf: ConditionalFormatEntity) => cf.id },
    type: { get: (cf: ConditionalFormatEntity) => cf.type },
    priority: {
      get: (cf: ConditionalFormatEntity) => cf.sheet.cfs.indexOf(cf),
      set: (cf: ConditionalFormatEntity, v, x) => {
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
          throw invalidArgument("Bad priority.", x.location);
        const list = cf.sheet.cfs.filter((c) => c !== cf);
        list.splice(Math.min(v, list.length), 0, cf);
        cf.sheet.cfs = list;
      },
    },
    stopIfTrue: {
      get: (cf: ConditionalFormatEntity) => cf.stopIfTrue,
      set: (cf: ConditionalFormatEntity, v, x) => {
        cf.stopIfTrue = bool(v, x) as boolean;
      },
    },
  },
  nav: Object.fromEntries(
    SUB.flatMap(([member, Ctor, type]) => [
      [member, typedNav(Ctor, type, false, member)],
      [`${member}OrNullObject`, typedNav(Ctor, type, true, `${member}OrNullObject`)],
    ])
  ),
});
