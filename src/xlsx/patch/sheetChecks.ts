// Whether an existing sheet's own settings already say what the plan says — validations and
// conditional formats over the planned ranges, widths, hidden columns, merges, print setup and
// the workbook's names. The package patch changes cells, rows and table ranges only; where any
// of these would need a change, it hands the work to the full path, which makes it.
import { formulaKey } from "../../core/cellCompare";
import { headerFooterString } from "../../core/layout/printLayout";
import type {
  ConditionalFormatPlan,
  PrintPlan,
  SheetPlan,
  ValidationPlan,
} from "../../core/layout/workbookPlan";
import { parseCellAddress } from "../../core/snapshot";
import { attributesOf, decodeEntities } from "../package/relationships";
import { decodeXString } from "../package/xstring";
import type { Rect } from "./rowMatch";

export interface RangeRule {
  attrs: Record<string, string>;
  rects: Rect[];
  formulas: string[];
  /** Where the sqref attribute's value starts and ends in the sheet XML. */
  sqrefAt: { start: number; end: number };
}

export function rectOf(range: string): Rect | null {
  const [a, b = a] = range.replace(/^.*!/, "").replace(/\$/g, "").split(":");
  try {
    const p = parseCellAddress(a);
    const q = parseCellAddress(b);
    return {
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    };
  } catch {
    return null;
  }
}

/** The sheet's rules of one kind with their ranges and formulas (plain elements, no prefix). */
export function rangeRules(
  xml: string,
  kind: "dataValidation" | "conditionalFormatting"
): RangeRule[] {
  const out: RangeRule[] = [];
  const tag = new RegExp(`<${kind}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${kind}>)`, "g");
  const tail = xml.lastIndexOf("</sheetData>");
  tag.lastIndex = tail < 0 ? 0 : tail;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const attrs = attributesOf(`<x ${m[1]}>`);
    const sqref = /\bsqref="([^"]*)"/.exec(m[1]);
    if (!sqref) continue;
    const start = m.index + `<${kind}`.length + (sqref.index ?? 0) + 'sqref="'.length;
    const rects = sqref[1].split(/\s+/).flatMap((p) => {
      const r = p ? rectOf(p) : null;
      return r ? [r] : [];
    });
    const formulas = [...(m[2] ?? "").matchAll(/<(?:formula1?|formula2)\b[^>]*>([^<]*)</g)].map(
      (f) => decodeXString(decodeEntities(f[1]))
    );
    const rule = /<cfRule\b([^>]*)>/.exec(m[2] ?? "");
    if (rule) Object.assign(attrs, { ruleType: attributesOf(`<x ${rule[1]}>`).type ?? "" });
    out.push({ attrs, rects, formulas, sqrefAt: { start, end: start + sqref[1].length } });
  }
  return out;
}

const inside = (r: Rect, row: number, col: number): boolean =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

export function covers(rects: Rect[], r: Rect): boolean {
  for (let col = r.left; col <= r.right; col++) {
    // Rows of one column, walked by the ranges that cover them (no cell-by-cell loop).
    let row = r.top;
    while (row <= r.bottom) {
      const hit = rects.find((a) => inside(a, row, col));
      if (!hit) return false;
      row = hit.bottom + 1;
    }
  }
  return true;
}

const VALIDATION_TYPE: Record<ValidationPlan["rule"]["kind"], string> = {
  list: "list",
  whole: "whole",
  decimal: "decimal",
  any: "",
  date: "date",
};

function validationFormula(v: ValidationPlan): string | null {
  if (v.rule.kind === "list")
    return v.rule.source.startsWith("=") ? v.rule.source.slice(1) : `"${v.rule.source}"`;
  if (v.rule.kind === "whole") return String(v.rule.min);
  if (v.rule.kind === "decimal") return String(v.rule.min);
  return null;
}

/** The sheet already has the planned validation over `rect` (type, source, messages). */
export function hasValidation(
  rules: RangeRule[],
  v: ValidationPlan,
  rect: Rect
): RangeRule[] | null {
  const wanted = validationFormula(v);
  const same = rules.filter((r) => {
    if ((r.attrs.type ?? "") !== VALIDATION_TYPE[v.rule.kind]) return false;
    if (
      wanted !== null &&
      (r.formulas.length === 0 || formulaKey(r.formulas[0]) !== formulaKey(wanted))
    )
      return false;
    if (
      v.rule.kind === "whole" &&
      formulaKey(r.formulas[1] ?? "") !== formulaKey(String(v.rule.max))
    )
      return false;
    const text = (s: string | undefined): string => decodeXString(s ?? "").trim();
    if (
      v.rule.kind !== "any" &&
      (text(r.attrs.error) !== v.error.message.trim() ||
        text(r.attrs.errorTitle) !== v.error.title.trim())
    )
      return false;
    if (
      v.prompt &&
      (text(r.attrs.prompt) !== v.prompt.message.trim() ||
        text(r.attrs.promptTitle) !== v.prompt.title.trim())
    )
      return false;
    return true;
  });
  return covers(
    same.flatMap((r) => r.rects),
    rect
  )
    ? same
    : null;
}

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

export function sameConditionalRule(r: RangeRule, cf: ConditionalFormatPlan): boolean {
  return cf.kind === "dataBar"
    ? r.attrs.ruleType === "dataBar"
    : r.attrs.ruleType === "expression" &&
        r.formulas.length > 0 &&
        formulaKey(r.formulas[0]) === formulaKey(cf.formula);
}

export function hasConditionalFormat(
  rules: RangeRule[],
  cf: ConditionalFormatPlan,
  rect: Rect
): RangeRule[] | null {
  const same = rules.filter((r) => sameConditionalRule(r, cf));
  return covers(
    same.flatMap((r) => r.rects),
    rect
  )
    ? same
    : null;
}

/** `<col>` elements: 0-based column → width set, hidden. */
function columnsOf(xml: string): Map<number, { width: boolean; hidden: boolean }> {
  const cols = new Map<number, { width: boolean; hidden: boolean }>();
  const head = xml.slice(0, Math.max(0, xml.indexOf("<sheetData")));
  for (const m of head.matchAll(/<col\b([^>]*)\/?>/g)) {
    const a = attributesOf(`<x ${m[1]}>`);
    const min = Number(a.min);
    const max = Number(a.max);
    if (!(min >= 1 && max >= min) || max - min > 16384) continue;
    for (let c = min; c <= max; c++)
      cols.set(c - 1, {
        width: a.width !== undefined,
        hidden: a.hidden === "1" || a.hidden === "true",
      });
  }
  return cols;
}

/** ExcelJS writes no `<col>` for this width (its default), so the full path leaves none either. */
const EXCELJS_DEFAULT_WIDTH = 9;

/** Widths set where the plan sets them, and hidden columns as the plan hides them. */
export function columnsMatch(
  xml: string,
  plan: SheetPlan,
  placeColumn: (letter: string) => number,
  modeColumns: number[]
): string | null {
  const cols = columnsOf(xml);
  for (const [letter, width] of Object.entries(plan.widths))
    if (width !== EXCELJS_DEFAULT_WIDTH && !cols.get(placeColumn(letter))?.width)
      return `column ${letter} has no width`;
  const hidden = new Set((plan.hiddenColumns ?? []).map(placeColumn));
  for (const col of hidden) if (!cols.get(col)?.hidden) return "a column the plan hides is shown";
  for (const col of modeColumns)
    if (!hidden.has(col) && cols.get(col)?.hidden) return "a column the plan shows is hidden";
  return null;
}

function elementAttrs(tail: string, name: string): Record<string, string> | null {
  const m = new RegExp(`<${name}\\b([^>]*?)\\/?>`).exec(tail);
  return m ? attributesOf(`<x ${m[1]}>`) : null;
}

const num = (v: string | undefined, fallback: number): number =>
  v === undefined || v === "" ? fallback : Number(v);

/** The sheet prints as the plan says (page setup, margins, header, footer, breaks). */
export function printMatches(xml: string, print: PrintPlan): string | null {
  const tail = xml.slice(Math.max(0, xml.lastIndexOf("</sheetData>")));
  const head = xml.slice(0, Math.max(0, xml.indexOf("<sheetData")));
  const setup = elementAttrs(tail, "pageSetup") ?? {};
  if ((setup.orientation ?? "default") !== print.orientation) return "page orientation differs";
  const fit = elementAttrs(head, "pageSetUpPr")?.fitToPage;
  const fits = fit === "1" || fit === "true";
  if (fits !== (print.fitToWidth !== undefined)) return "fit to page differs";
  if (fits) {
    if (num(setup.fitToWidth, 1) !== print.fitToWidth) return "pages wide differ";
    if (num(setup.fitToHeight, 1) !== (print.fitToHeight ?? 0)) return "pages tall differ";
  } else if (num(setup.scale, 100) !== (print.scale ?? 100)) return "print scale differs";
  if (
    (setup.pageOrder ?? "downThenOver") !== (print.overThenDown ? "overThenDown" : "downThenOver")
  )
    return "page order differs";
  const margins = elementAttrs(tail, "pageMargins") ?? {};
  for (const [k, v] of Object.entries(print.margins))
    if (Math.abs(num(margins[k], -1) - v) > 1e-9) return `the ${k} margin differs`;
  const text = (name: string): string =>
    decodeEntities(new RegExp(`<${name}>([^<]*)</${name}>`).exec(tail)?.[1] ?? "");
  if (text("oddHeader") !== headerFooterString(print.header)) return "the page header differs";
  if (text("oddFooter") !== headerFooterString(print.footer)) return "the page footer differs";
  return null;
}
