// The workbook's styles part, grown as the package patch needs: a cell format (xf) made from a
// cell's current one with the plan's formats applied on top — as ../renderPlan applyStyle does in
// ExcelJS: number format, font bold/italic/size/colour, solid fill, alignment, locked — and a
// differential format (dxf) for a conditional format. Existing entries are never changed, only
// appended to, so every cell that uses them looks as it did.
import type { CellStyle, RangeFormat } from "../../core/layout/workbookPlan";
import { STYLES_ORDER } from "../carry/carryOver";
import { insertChildren } from "../carry/xmlElements";
import { attributesOf, encodeAttribute } from "../package/relationships";
import { PatchUnsupported } from "./sheetPatch";

/** Excel's built-in number formats the plan uses (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};

interface Section {
  name: string;
  /** Child elements as written. */
  items: string[];
  /** Items appended by this run. */
  added: string[];
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

function section(xml: string, name: string, item: string): Section | null {
  const m = new RegExp(`<${name}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${name}>)`).exec(xml);
  if (!m) return null;
  const items = [
    ...(m[1] ?? "").matchAll(new RegExp(`<${item}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${item}>)`, "g")),
  ].map((x) => x[0]);
  return { name, items, added: [] };
}

/** The child elements of an element (`<x ...>children</x>`), by local name, as written. */
function childrenOf(xml: string): Map<string, string> {
  const inner = /^<[^>]*?(?:\/>|>([\s\S]*)<\/[^>]+>)$/.exec(xml)?.[1] ?? "";
  const out = new Map<string, string>();
  for (const m of inner.matchAll(/<([A-Za-z]+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g))
    out.set(m[1], m[0]);
  return out;
}

const startTag = (xml: string): string => /^<[^>]*?(?=\/?>)/.exec(xml)?.[0] ?? "";

export class StyleBook {
  private readonly numFmts: Section;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly xfs: Section;
  private readonly dxfs: Section;
  private readonly cache = new Map<string, number>();
  private nextFormatId: number;

  constructor(private readonly xml: string) {
    const need = (s: Section | null, what: string): Section =>
      s ??
      (() => {
        throw new PatchUnsupported(`the styles part has no ${what}`);
      })();
    this.numFmts = section(xml, "numFmts", "numFmt") ?? { name: "numFmts", items: [], added: [] };
    this.fonts = need(section(xml, "fonts", "font"), "fonts");
    this.fills = need(section(xml, "fills", "fill"), "fills");
    this.xfs = need(section(xml, "cellXfs", "xf"), "cell formats");
    this.dxfs = section(xml, "dxfs", "dxf") ?? { name: "dxfs", items: [], added: [] };
    this.nextFormatId =
      Math.max(163, ...this.numFmts.items.map((f) => Number(attributesOf(f).numFmtId) || 0)) + 1;
  }

  get changed(): boolean {
    return [this.numFmts, this.fonts, this.fills, this.xfs, this.dxfs].some(
      (s) => s.added.length > 0
    );
  }

  private append(s: Section, item: string): number {
    s.added.push(item);
    return s.items.length + s.added.length - 1;
  }

  private numberFormatId(code: string): number {
    if (BUILT_IN_FORMATS[code] !== undefined) return BUILT_IN_FORMATS[code];
    for (const f of [...this.numFmts.items, ...this.numFmts.added]) {
      const a = attributesOf(f);
      if (a.formatCode === code) return Number(a.numFmtId);
    }
    const id = this.nextFormatId++;
    this.append(this.numFmts, `<numFmt numFmtId="${id}" formatCode="${encodeAttribute(code)}"/>`);
    return id;
  }

  private fontWith(fontId: number, style: CellStyle): number {
    const base = [...this.fonts.items, ...this.fonts.added][fontId] ?? "<font/>";
    const children = childrenOf(base);
    if (style.bold === true) children.set("b", "<b/>");
    if (style.bold === false) children.delete("b");
    if (style.italic === true) children.set("i", "<i/>");
    if (style.italic === false) children.delete("i");
    if (style.fontSize !== undefined) children.set("sz", `<sz val="${style.fontSize}"/>`);
    if (style.fontColor) children.set("color", `<color rgb="${argb(style.fontColor)}"/>`);
    return this.append(this.fonts, `<font>${[...children.values()].join("")}</font>`);
  }

  /** An empty font (no name, size or colour): what ExcelJS gives a cell it creates. */
  private emptyFont(): number {
    const all = [...this.fonts.items, ...this.fonts.added];
    const at = all.findIndex((f) => /^<font\s*\/>$|^<font>\s*<\/font>$/.test(f));
    return at >= 0 ? at : this.append(this.fonts, "<font/>");
  }

  /**
   * The xf of a cell with style `base` after the plan's `formats`, applied in order; `base` null
   * for a cell that did not exist (it starts from no format at all, as ExcelJS creates one).
   */
  cellFormat(base: number | null, formats: RangeFormat[]): number {
    const key = `${base}\u0000${JSON.stringify(formats)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const all = [...this.xfs.items, ...this.xfs.added];
    const xf =
      base === null
        ? `<xf numFmtId="0" fontId="${this.emptyFont()}" fillId="0" borderId="0" xfId="0"/>`
        : (all[base] ?? all[0]);
    const attrs = attributesOf(startTag(xf));
    const children = childrenOf(xf);
    const alignment = attributesOf(children.get("alignment") ?? "<alignment/>");
    let protection = children.get("protection");
    for (const { numberFormat, style } of formats) {
      if (numberFormat) {
        attrs.numFmtId = String(this.numberFormatId(numberFormat));
        attrs.applyNumberFormat = "1";
      }
      if (!style) continue;
      if (
        style.bold !== undefined ||
        style.italic !== undefined ||
        style.fontSize !== undefined ||
        style.fontColor
      ) {
        attrs.fontId = String(this.fontWith(Number(attrs.fontId ?? 0), style));
        attrs.applyFont = "1";
      }
      if (style.fill) {
        attrs.fillId = String(
          this.append(
            this.fills,
            `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`
          )
        );
        attrs.applyFill = "1";
      }
      if (style.wrap !== undefined || style.hAlign || style.vAlign) {
        if (style.wrap !== undefined) alignment.wrapText = style.wrap ? "1" : "0";
        if (style.hAlign) alignment.horizontal = style.hAlign;
        if (style.vAlign) alignment.vertical = style.vAlign;
        attrs.applyAlignment = "1";
      }
      if (style.locked !== undefined) {
        protection = `<protection locked="${style.locked ? 1 : 0}"/>`;
        attrs.applyProtection = "1";
      }
    }
    const attrText = Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${encodeAttribute(v)}"`)
      .join("");
    const alignText = Object.keys(alignment).length
      ? `<alignment${Object.entries(alignment)
          .map(([k, v]) => ` ${k}="${encodeAttribute(v)}"`)
          .join("")}/>`
      : "";
    const inner = alignText + (protection ?? "") + (children.get("extLst") ?? "");
    const id = this.append(this.xfs, inner ? `<xf${attrText}>${inner}</xf>` : `<xf${attrText}/>`);
    this.cache.set(key, id);
    return id;
  }

  /** A differential format for a conditional format's look (fill, font colour, bold). */
  differential(style: { fill?: string; fontColor?: string; bold?: boolean }): number {
    const font =
      style.fontColor || style.bold
        ? `<font>${style.bold ? "<b/>" : ""}${style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : ""}</font>`
        : "";
    const fill = style.fill
      ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>`
      : "";
    return this.append(this.dxfs, `<dxf>${font}${fill}</dxf>`);
  }

  /** The styles part with what was added (counts updated). */
  toXml(): string {
    let xml = this.xml;
    for (const s of [this.numFmts, this.fonts, this.fills, this.xfs, this.dxfs]) {
      if (s.added.length === 0) continue;
      const items = [...s.items, ...s.added];
      const re = new RegExp(`<${s.name}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${s.name}>)`);
      const existing = re.exec(xml);
      const open = existing ? startTag(existing[0]).replace(/\s+count="\d*"/, "") : `<${s.name}`;
      const element = `${open} count="${items.length}">${items.join("")}</${s.name}>`;
      if (existing) xml = xml.replace(re, () => element);
      else xml = insertChildren(xml, [{ local: s.name, xml: element }], STYLES_ORDER);
    }
    return xml;
  }
}
