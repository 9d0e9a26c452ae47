// The sheet-level settings the package patch adds to a worksheet part, as the full path's
// reconcile does in ExcelJS: planned validations and conditional formats where they are missing
// (an existing rule of ours grows over the cells it lacks), merges over free cells, and page
// breaks. Nothing a person set is removed or changed.
import { cellAddress } from "../../core/snapshot";
import type { ConditionalFormatPlan, ValidationPlan } from "../../core/layout/workbookPlan";
import { WORKSHEET_ORDER } from "../carry/carryOver";
import { insertChildren } from "../carry/xmlElements";
import { encodeAttribute } from "../package/relationships";
import type { Rect } from "./rowMatch";
import { rangeRules } from "./sheetChecks";
import { escapeText } from "./sheetPatch";

export interface SettingsEdits {
  /** New ranges of an existing rule: kind, its index among the sheet's rules of that kind. */
  grow: { kind: "dataValidation" | "conditionalFormatting"; index: number; sqref: string }[];
  validations: string[];
  conditionalFormats: string[];
  merges: string[];
  /** The sheet's manual page breaks, replaced: 0-based rows a break goes after. */
  breaks?: number[];
}

export const noSettings = (): SettingsEdits => ({
  grow: [],
  validations: [],
  conditionalFormats: [],
  merges: [],
});

export const hasSettings = (s: SettingsEdits): boolean =>
  s.grow.length + s.validations.length + s.conditionalFormats.length + s.merges.length > 0 ||
  s.breaks !== undefined;

export const rangeText = (r: Rect): string =>
  r.top === r.bottom && r.left === r.right
    ? cellAddress(r.top, r.left)
    : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;

/** A `<dataValidation>` as ../renderPlan validation() asks ExcelJS to write it. */
export function validationXml(v: ValidationPlan, sqref: string): string {
  const a: [string, string][] = [];
  const formulas: string[] = [];
  switch (v.rule.kind) {
    case "list":
      a.push(["type", "list"]);
      formulas.push(v.rule.source.startsWith("=") ? v.rule.source.slice(1) : `"${v.rule.source}"`);
      break;
    case "whole":
      a.push(["type", "whole"], ["operator", "between"]);
      formulas.push(String(v.rule.min), String(v.rule.max));
      break;
    case "decimal":
      a.push(["type", "decimal"], ["operator", "greaterThanOrEqual"]);
      formulas.push(String(v.rule.min));
      break;
    case "date":
      // 1900-01-01 as ExcelJS writes the full path's date bound.
      a.push(["type", "date"], ["operator", "greaterThan"]);
      formulas.push("2");
      break;
    case "any":
      break;
  }
  a.push(["allowBlank", "1"]);
  if (v.prompt)
    a.push(
      ["showInputMessage", "1"],
      ["promptTitle", v.prompt.title],
      ["prompt", v.prompt.message]
    );
  if (v.rule.kind !== "any") a.push(["showErrorMessage", "1"]);
  a.push(
    ["errorStyle", v.error.style],
    ["errorTitle", v.error.title],
    ["error", v.error.message],
    ["sqref", sqref]
  );
  const attrs = a.map(([k, val]) => ` ${k}="${encodeAttribute(val)}"`).join("");
  const body = formulas
    .map((f, i) => `<formula${i + 1}>${escapeText(f)}</formula${i + 1}>`)
    .join("");
  return body ? `<dataValidation${attrs}>${body}</dataValidation>` : `<dataValidation${attrs}/>`;
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/** A `<conditionalFormatting>` as ../renderPlan conditionalFormat() asks ExcelJS to write it. */
export function conditionalFormatXml(
  cf: ConditionalFormatPlan,
  sqref: string,
  priority: number,
  dxfId: () => number
): string {
  const rule =
    cf.kind === "dataBar"
      ? `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="${argb(cf.color)}"/></dataBar></cfRule>`
      : `<cfRule type="expression" dxfId="${dxfId()}" priority="${priority}"><formula>${escapeText(cf.formula.replace(/^=/, ""))}</formula></cfRule>`;
  return `<conditionalFormatting sqref="${sqref}">${rule}</conditionalFormatting>`;
}

/** Adds `items` inside the sheet's `container` element (made when missing), updating its count. */
function addToList(xml: string, container: string, child: string, items: string[]): string {
  if (items.length === 0) return xml;
  const re = new RegExp(`<${container}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${container}>)`);
  const tail = xml.lastIndexOf("</sheetData>");
  const m = re.exec(xml.slice(tail < 0 ? 0 : tail));
  if (!m) {
    const element = `<${container} count="${items.length}">${items.join("")}</${container}>`;
    return insertChildren(xml, [{ local: container, xml: element }], WORKSHEET_ORDER);
  }
  const start = (tail < 0 ? 0 : tail) + (m.index ?? 0);
  const inner = m[2] ?? "";
  const count = (inner.match(new RegExp(`<${child}\\b`, "g")) ?? []).length + items.length;
  const attrs = m[1].replace(/\s*count="[^"]*"/, "");
  const element = `<${container}${attrs} count="${count}">${inner}${items.join("")}</${container}>`;
  return xml.slice(0, start) + element + xml.slice(start + m[0].length);
}

/** Applies the settings edits to a worksheet part. */
export function applySettings(xml: string, s: SettingsEdits): string {
  let out = xml;
  // Ranges first, by position in the part (later ones first, so earlier positions hold).
  const positioned = s.grow
    .map((g) => ({ g, at: rangeRules(out, g.kind)[g.index].sqrefAt }))
    .sort((a, b) => b.at.start - a.at.start);
  for (const { g, at } of positioned)
    out = `${out.slice(0, at.start)}${g.sqref}${out.slice(at.end)}`;
  out = addToList(
    out,
    "mergeCells",
    "mergeCell",
    s.merges.map((m) => `<mergeCell ref="${m}"/>`)
  );
  if (s.conditionalFormats.length)
    out = insertChildren(
      out,
      s.conditionalFormats.map((x) => ({ local: "conditionalFormatting", xml: x })),
      WORKSHEET_ORDER
    );
  out = addToList(out, "dataValidations", "dataValidation", s.validations);
  if (s.breaks) {
    // The plan's breaks replace the sheet's, as the full path leaves them (ExcelJS reads none).
    const without = out.replace(/<rowBreaks\b[^>]*?(?:\/>|>[\s\S]*?<\/rowBreaks>)/, "");
    const brk = s.breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("");
    out = s.breaks.length
      ? insertChildren(
          without,
          [
            {
              local: "rowBreaks",
              xml: `<rowBreaks count="${s.breaks.length}" manualBreakCount="${s.breaks.length}">${brk}</rowBreaks>`,
            },
          ],
          WORKSHEET_ORDER
        )
      : without;
  }
  return out;
}
