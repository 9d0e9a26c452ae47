/** Range.format: fonts, fills, alignment, widths, locking and borders over the sheet's style layers. */
import { MAX_COLS, isEntireColumns, isEntireRows } from "./address";
import { normaliseColor } from "./colors";
import { ProtectionOptions, RangeRef } from "./entities";
import { invalidArgument } from "./errors";
import { ClientCollection, ClientObject, PropSpec, defineClass } from "./proxy";
import { StyleProp } from "./styles";

type Check = (v: unknown, location: string) => unknown;
const bool: Check = (v, l) => {
  if (typeof v !== "boolean") throw invalidArgument(`Expected a boolean, got '${String(v)}'.`, l);
  return v;
};
const oneOf =
  (values: string[]): Check =>
  (v, l) => {
    if (typeof v !== "string" || !values.includes(v))
      throw invalidArgument(`'${String(v)}' is not one of ${values.join(", ")}.`, l);
    return v;
  };
const num =
  (min: number, max: number): Check =>
  (v, l) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max)
      throw invalidArgument(`'${String(v)}' is out of range.`, l);
    return v;
  };
const text: Check = (v, l) => {
  if (typeof v !== "string" || v === "") throw invalidArgument("Expected a non-empty string.", l);
  return v;
};
const color: Check = (v, l) => normaliseColor(v, l);

/** A format property stored in the sheet's style layers; reads report null when cells differ. */
function styleProp(
  prop: StyleProp,
  check: Check,
  permission: keyof ProtectionOptions | null = "allowFormatCells",
  read?: (v: unknown) => unknown
): PropSpec<RangeRef> {
  return {
    get: (e) => {
      const v = e.sheet.styles.uniform(prop, e.rect);
      return v === undefined ? null : read ? read(v) : v;
    },
    set: (e, v, x) => {
      const value = check(v, x.location);
      e.sheet.assertAllowed(permission, x.location);
      e.sheet.styles.setRange(prop, e.rect, value);
    },
  };
}

/** Column widths apply to whole columns; an entire-row range means every column (the sheet default). */
function sizeProp(which: "col" | "row"): PropSpec<RangeRef> {
  return {
    get: ({ sheet, rect: r }) => {
      const [lo, hi, map, def] =
        which === "col"
          ? [r.c0, r.c1, sheet.colWidths, sheet.defaultColWidth]
          : [r.r0, r.r1, sheet.rowHeights, sheet.defaultRowHeight];
      const values = new Set<number>();
      let explicit = 0;
      for (const [i, v] of map) {
        if (i >= lo && i <= hi) {
          values.add(v);
          explicit++;
        }
      }
      if (explicit < hi - lo + 1) values.add(def);
      return values.size === 1 ? [...values][0] : null;
    },
    set: ({ sheet, rect: r }, v, x) => {
      const size = num(0, which === "col" ? 1789.5 : 409.5)(v, x.location) as number;
      sheet.assertAllowed(which === "col" ? "allowFormatColumns" : "allowFormatRows", x.location);
      const whole = which === "col" ? isEntireRows(r) : isEntireColumns(r);
      const map = which === "col" ? sheet.colWidths : sheet.rowHeights;
      if (whole) {
        map.clear();
        if (which === "col") sheet.defaultColWidth = size;
        else sheet.defaultRowHeight = size;
        return;
      }
      const [lo, hi] = which === "col" ? [r.c0, r.c1] : [r.r0, r.r1];
      for (let i = lo; i <= hi; i++) map.set(i, size);
    },
  };
}

const H_ALIGN = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];

/** Rough points per character of Calibri 11, for autofit. */
const POINTS_PER_CHAR = 5.25;

export class RangeFormat extends ClientObject {
  /** Width from the longest displayed text in each column (cells of the range, or the used rows for whole columns). */
  autofitColumns(): void {
    this._call("autofitColumns", [], ({ sheet, rect: r }: RangeRef, x) => {
      sheet.assertAllowed("allowFormatColumns", x.location);
      const longest = new Map<number, number>();
      for (const key of sheet.cells.keys()) {
        const row = Math.floor(key / MAX_COLS);
        const col = key % MAX_COLS;
        if (row < r.r0 || row > r.r1 || col < r.c0 || col > r.c1) continue;
        const len = Math.max(
          ...sheet
            .textAt(row, col)
            .split("\n")
            .map((l) => l.length)
        );
        longest.set(col, Math.max(longest.get(col) ?? 0, len));
      }
      for (const [col, len] of longest)
        sheet.colWidths.set(col, Math.min(1789.5, Math.round(len * POINTS_PER_CHAR + 7.5)));
    });
  }

  /** Height from line breaks and wrapping against the column width. */
  autofitRows(): void {
    this._call("autofitRows", [], ({ sheet, rect: r }: RangeRef, x) => {
      sheet.assertAllowed("allowFormatRows", x.location);
      const lines = new Map<number, number>();
      for (const key of sheet.cells.keys()) {
        const row = Math.floor(key / MAX_COLS);
        const col = key % MAX_COLS;
        if (row < r.r0 || row > r.r1 || col < r.c0 || col > r.c1) continue;
        const wrap = sheet.styles.get("wrap", row, col) === true;
        const perLine = Math.max(1, Math.floor(sheet.columnWidthAt(col) / POINTS_PER_CHAR));
        const n = sheet
          .textAt(row, col)
          .split("\n")
          .reduce((acc, l) => acc + (wrap ? Math.max(1, Math.ceil(l.length / perLine)) : 1), 0);
        lines.set(row, Math.max(lines.get(row) ?? 1, n));
      }
      for (const [row, n] of lines) sheet.rowHeights.set(row, Math.min(409.5, 15 * n));
    });
  }
}

defineClass(RangeFormat, {
  name: "RangeFormat",
  props: {
    columnWidth: sizeProp("col"),
    rowHeight: sizeProp("row"),
    wrapText: styleProp("wrap", bool),
    horizontalAlignment: styleProp("hAlign", oneOf(H_ALIGN)),
    verticalAlignment: styleProp("vAlign", oneOf(V_ALIGN)),
    indentLevel: styleProp("indentLevel", num(0, 250)),
  },
  nav: {
    font: (p) => p._child(RangeFont, "font", [], (e) => e),
    fill: (p) => p._child(RangeFill, "fill", [], (e) => e),
    protection: (p) => p._child(FormatProtection, "protection", [], (e) => e),
    borders: (p) => p._child(RangeBorderCollection, "borders", [], (e) => e),
  },
});

export class RangeFont extends ClientObject {}
defineClass(RangeFont, {
  name: "RangeFont",
  props: {
    bold: styleProp("bold", bool),
    italic: styleProp("italic", bool),
    color: styleProp("fontColor", color),
    name: styleProp("fontName", text),
    size: styleProp("fontSize", num(1, 409)),
    underline: styleProp("underline", oneOf(UNDERLINE)),
    strikethrough: styleProp("strikethrough", bool),
  },
  nav: {},
});

export class RangeFill extends ClientObject {
  clear(): void {
    this._call("clear", [], ({ sheet, rect: r }: RangeRef, x) => {
      sheet.assertAllowed("allowFormatCells", x.location);
      sheet.styles.setRange("fill", r, null);
    });
  }
}
defineClass(RangeFill, {
  // No fill reads as white, like Excel; use clear() to remove a fill (null is rejected).
  name: "RangeFill",
  props: { color: styleProp("fill", color, "allowFormatCells", (v) => v ?? "#FFFFFF") },
  nav: {},
});

/** Locking cannot change while the sheet is protected. */
export class FormatProtection extends ClientObject {}
defineClass(FormatProtection, {
  name: "FormatProtection",
  props: {
    locked: styleProp("locked", bool, null),
    formulaHidden: styleProp("formulaHidden", bool, null),
  },
  nav: {},
});

const BORDER_SIDES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
const BORDER_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/** Borders are recorded per side of the range (not resolved to cell edges). */
class BorderRef {
  constructor(
    readonly range: RangeRef,
    readonly side: string
  ) {}
  get deleted(): boolean {
    return this.range.deleted;
  }
}

export class RangeBorderCollection extends ClientCollection<RangeBorder> {
  protected _members(e: RangeRef): unknown[] {
    return BORDER_SIDES.map((s) => new BorderRef(e, s));
  }

  protected _makeItem(entity: unknown): RangeBorder {
    return new RangeBorder(this.context, null, null, entity);
  }

  getItem(index: string): RangeBorder {
    return this._child(RangeBorder, "getItem", [index], (e: RangeRef, x) => {
      if (!BORDER_SIDES.includes(index))
        throw invalidArgument(`Bad border index '${index}'.`, x.location);
      return new BorderRef(e, index);
    });
  }
}
defineClass(RangeBorderCollection, {
  name: "RangeBorderCollection",
  props: { count: { get: () => BORDER_SIDES.length } },
  nav: {},
});

function borderProp(attr: string, check: Check, def: unknown): PropSpec<BorderRef> {
  const prop = (b: BorderRef): StyleProp => `border${b.side}.${attr}`;
  return {
    get: (b) => {
      const v = b.range.sheet.styles.uniform(prop(b), b.range.rect);
      return v === undefined ? null : (v ?? def);
    },
    set: (b, v, x) => {
      const value = check(v, x.location);
      b.range.sheet.assertAllowed("allowFormatCells", x.location);
      b.range.sheet.styles.setRange(prop(b), b.range.rect, value);
    },
  };
}

export class RangeBorder extends ClientObject {}
defineClass(RangeBorder, {
  name: "RangeBorder",
  props: {
    sideIndex: { get: (b: BorderRef) => b.side },
    style: borderProp("style", oneOf(BORDER_STYLES), "None"),
    color: borderProp("color", color, "#000000"),
    weight: borderProp("weight", oneOf(BORDER_WEIGHTS), "Thin"),
  },
  nav: {},
});
