// Makes the formula columns of our tables real calculated columns in the written package, so a
// row a person adds to the table in Excel gets the formulas. ExcelJS writes the formula into each
// cell but never the table column's `<calculatedColumnFormula>` (ECMA-376 Part 1 §18.5.1.1), which
// is what Excel fills a new row from. A last pass over the package, after ExcelJS (and the
// carry-over pass, which keeps the input's table XML) has written it: each table the plan owns
// gets, on each column the plan gives a formula, that formula — the form cells hold
// (`Table[[#This Row],[Col]]`), without the leading "=". Every other column, and every table the
// plan does not name, is left as it is. ExcelJS cannot read them back (it ends a column at the
// first closing tag inside it), so the package pre-pass (./package/normalize) drops them for it.
import type { WorkbookPlan } from "../core/layout/workbookPlan";
import { attributesOf } from "./package/relationships";
import { childrenOf, rootOf, splice } from "./carry/xmlElements";
import { OpcPackage, relKind } from "./carry/opcPackage";

/** Formulas by table name (lower case), then by column header (lower case). */
export type TableFormulas = Map<string, Map<string, string>>;

/** The calculated-column formulas the plan gives its tables' columns. */
export function planTableFormulas(plan: WorkbookPlan): TableFormulas {
  const out: TableFormulas = new Map();
  for (const sheet of plan.sheets)
    for (const table of sheet.tables) {
      const columns = new Map<string, string>();
      for (const c of table.columns)
        if (c.formula) columns.set(c.header.toLowerCase(), c.formula.replace(/^=/, ""));
      if (columns.size) out.set(table.name.toLowerCase(), columns);
    }
  return out;
}

function encodeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const TABLE_COLUMN =
  /<((?:[\w.-]+:)?)tableColumn\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)<\/\1tableColumn>)/g;
const CALCULATED =
  /<((?:[\w.-]+:)?)calculatedColumnFormula\b[^>]*?(?:\/>|>[\s\S]*?<\/\1calculatedColumnFormula>)/;

/**
 * One table part with the formulas set: `<calculatedColumnFormula>` is the first child of
 * `<tableColumn>` (CT_TableColumn: calculatedColumnFormula, totalsRowFormula, xmlColumnPr,
 * extLst), replacing one it had. Returns the XML unchanged when nothing differs.
 */
export function setTableFormulas(xml: string, formulas: Map<string, string>): string {
  const columns = childrenOf(xml).find((c) => c.local === "tableColumns");
  if (!columns) return xml;
  const body = columns.xml.replace(
    TABLE_COLUMN,
    (whole, prefix: string, attrs: string, _end: string, inner: string | undefined) => {
      const name = attributesOf(`<x${attrs}>`).name;
      const formula = name === undefined ? undefined : formulas.get(name.toLowerCase());
      if (formula === undefined) return whole;
      const element = `<${prefix}calculatedColumnFormula>${encodeText(formula)}</${prefix}calculatedColumnFormula>`;
      const rest = (inner ?? "").replace(CALCULATED, "");
      return `<${prefix}tableColumn${attrs}>${element}${rest}</${prefix}tableColumn>`;
    }
  );
  if (body === columns.xml) return xml;
  return splice(xml, [{ start: columns.start, end: columns.end, text: body }]);
}

/** Table parts of the package, through each part's relationships of kind `table`. */
function tableParts(pkg: OpcPackage): string[] {
  const found = new Set<string>();
  for (const part of pkg.names) {
    if (part.endsWith(".rels")) continue;
    for (const rel of pkg.rels(part)) {
      if (relKind(rel.type) !== "table") continue;
      const target = pkg.target(part, rel);
      if (target) found.add(target);
    }
  }
  return [...found];
}

/** Sets the plan's calculated-column formulas on its tables in `pkg`; returns the parts changed. */
export function applyTableFormulas(pkg: OpcPackage, formulas: TableFormulas): string[] {
  if (formulas.size === 0) return [];
  const changed: string[] = [];
  for (const part of tableParts(pkg)) {
    const xml = pkg.text(part);
    if (xml === undefined) continue;
    const root = attributesOf(rootOf(xml)?.tag ?? "");
    const columns = [root.displayName, root.name]
      .map((n) => (n === undefined ? undefined : formulas.get(n.toLowerCase())))
      .find((c) => c !== undefined);
    if (!columns) continue;
    const patched = setTableFormulas(xml, columns);
    if (patched === xml) continue;
    pkg.set(part, patched);
    changed.push(part);
  }
  return changed;
}
