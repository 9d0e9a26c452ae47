// The workbook's defined names the plan owns, brought to the plan in workbook.xml: the plan's own
// names (Settings cells, Summary figures) and each sheet's print area and print titles. A name
// that already points where the plan says is left exactly as written; one that points elsewhere
// is replaced; every other name (a person's, another sheet's) stays.
import type { PrintPlan, WorkbookPlan } from "../../core/layout/workbookPlan";
import { WORKBOOK_ORDER } from "../carry/carryOver";
import { insertChildren } from "../carry/xmlElements";
import { attributesOf, decodeEntities, encodeAttribute } from "../package/relationships";
import { escapeText } from "./sheetPatch";

export interface WantedName {
  name: string;
  /** 0-based tab position for a sheet's own name (print area, titles). */
  localSheetId?: number;
  value: string;
}

/** A reference as Excel compares it: no `$`, no case, sheet quotes undone, parts in order. */
function referenceKey(value: string): string {
  return value
    .replace(/^=/, "")
    .split(",")
    .map((part) =>
      part
        .trim()
        .replace(/^'((?:[^']|'')*)'!/, (_m, sheet: string) => `${sheet.replace(/''/g, "'")}!`)
        .replace(/\$/g, "")
        .toLowerCase()
    )
    .join(",");
}

const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/** `G4:Q97` → `$G$4:$Q$97`; `4:4` → `$4:$4`; `A:C` → `$A:$C`. */
const absolute = (range: string): string =>
  range
    .split(":")
    .map((a) =>
      a.replace(
        /^([A-Z]*)(\d*)$/i,
        (_m, col: string, row: string) => `${col ? `$${col}` : ""}${row ? `$${row}` : ""}`
      )
    )
    .join(":");

/** The print names a sheet's plan asks for, as ExcelJS writes them. */
export function printNames(
  sheet: string,
  index: number,
  print: PrintPlan | undefined
): WantedName[] {
  if (!print) return [];
  const out: WantedName[] = [];
  if (print.area)
    out.push({
      name: "_xlnm.Print_Area",
      localSheetId: index,
      value: `${quoted(sheet)}!${absolute(print.area)}`,
    });
  const titles = [print.titleColumns, print.titleRows].filter((t): t is string => Boolean(t));
  if (titles.length)
    out.push({
      name: "_xlnm.Print_Titles",
      localSheetId: index,
      value: titles.map((t) => `${quoted(sheet)}!${absolute(t)}`).join(","),
    });
  return out;
}

export function planNames(plan: WorkbookPlan): WantedName[] {
  return plan.names.map((n) => ({ name: n.name, value: n.refersTo.replace(/^=/, "") }));
}

const DEFINED_NAME = /<definedName\b([^>]*)>([^<]*)<\/definedName>|<definedName\b[^>]*\/>/g;

/** Brings the names to `wanted`; returns the new workbook XML and the names changed. */
export function reconcileNames(
  xml: string,
  wanted: WantedName[]
): { xml: string; changed: string[] } {
  const existing = [...xml.matchAll(DEFINED_NAME)].map((m) => {
    const a = attributesOf(`<x ${m[1] ?? ""}>`);
    return {
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      name: (a.name ?? "").toLowerCase(),
      local: a.localSheetId === undefined ? undefined : Number(a.localSheetId),
      value: decodeEntities(m[2] ?? ""),
    };
  });
  const remove = new Set<number>();
  const add: string[] = [];
  const changed: string[] = [];
  for (const w of wanted) {
    const same = existing.filter(
      (e) => e.name === w.name.toLowerCase() && e.local === w.localSheetId
    );
    if (same.length === 1 && referenceKey(same[0].value) === referenceKey(w.value)) continue;
    same.forEach((e) => remove.add(e.start));
    const local = w.localSheetId === undefined ? "" : ` localSheetId="${w.localSheetId}"`;
    add.push(
      `<definedName name="${encodeAttribute(w.name)}"${local}>${escapeText(w.value)}</definedName>`
    );
    changed.push(w.name);
  }
  if (add.length === 0) return { xml, changed };
  let out = "";
  let at = 0;
  for (const e of existing) {
    if (!remove.has(e.start)) continue;
    out += xml.slice(at, e.start);
    at = e.end;
  }
  out += xml.slice(at);
  const close = out.lastIndexOf("</definedNames>");
  if (close >= 0) out = `${out.slice(0, close)}${add.join("")}${out.slice(close)}`;
  else if (/<definedNames\s*\/>/.test(out))
    out = out.replace(/<definedNames\s*\/>/, `<definedNames>${add.join("")}</definedNames>`);
  else
    out = insertChildren(
      out,
      [{ local: "definedNames", xml: `<definedNames>${add.join("")}</definedNames>` }],
      WORKBOOK_ORDER
    );
  return { xml: out, changed };
}
