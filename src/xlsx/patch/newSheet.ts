// A plan sheet the workbook lacks, written straight into the package: the worksheet part (cells
// with the plan's formats as cell formats of the workbook's own styles part, widths, frozen panes,
// merges, rules, print setup, protection), its tables, their relationships and content types, and
// its `<sheet>` entry placed after the plan sheet before it (names scoped to later sheets follow).
// The same sheet ../renderPlan draws through ExcelJS, without holding a row of objects per cell.
import type { PlanCell, RangeFormat, SheetPlan, TablePlan } from "../../core/layout/workbookPlan";
import { sheetKey } from "../../core/read/sheets";
import { cellAddress, columnIndex, parseCellAddress } from "../../core/snapshot";
import { DeflateSink, type StoredEntry } from "../carry/nativeZip";
import { freePartName, type OpcPackage } from "../carry/opcPackage";
import { sheetEntries } from "../carry/carryOver";
import { REL, REL_TYPES, encodeAttribute, relativeTarget } from "../package/relationships";
import { rootOf } from "../carry/xmlElements";
import { escapeForExcelJs } from "../package/xstring";
import { headerFooterString } from "../../core/layout/printLayout";
import { rectOf } from "./sheetChecks";
import { cellXml, escapeText, PatchUnsupported, type PartSink } from "./sheetPatch";
import { conditionalFormatXml, rangeText, validationXml } from "./sheetSettings";
import type { StyleBook } from "./styleBook";
import type { Rect } from "./rowMatch";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const attr = (v: string): string => encodeAttribute(v);

/** Cells by row, then column: the plan's blocks. */
function plannedGrid(plan: SheetPlan): Map<number, Map<number, PlanCell>> {
  const grid = new Map<number, Map<number, PlanCell>>();
  for (const block of plan.blocks) {
    const at = parseCellAddress(block.at);
    block.cells.forEach((line, r) => {
      let row = grid.get(at.row + r);
      if (!row) grid.set(at.row + r, (row = new Map()));
      line.forEach((cell, c) => row?.set(at.col + c, cell));
    });
  }
  return grid;
}

function planFormats(plan: SheetPlan): { f: RangeFormat; r: Rect; i: number }[] {
  return plan.formats
    .map((f, i) => ({ f, r: rectOf(f.range), i }))
    .filter((x): x is { f: RangeFormat; r: Rect; i: number } => x.r !== null);
}

/** The last row and column (0-based) sheetRows writes a cell in: for the dimension, written first. */
function sheetExtent(plan: SheetPlan, grid: Map<number, Map<number, PlanCell>>) {
  let bottom = 0;
  let right = 0;
  for (const [row, cells] of grid) {
    bottom = Math.max(bottom, row);
    for (const col of cells.keys()) right = Math.max(right, col);
  }
  for (const { r } of planFormats(plan)) {
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  }
  for (const key of Object.keys(plan.rowHeights)) bottom = Math.max(bottom, Number(key) - 1);
  return { bottom, right };
}

/**
 * Writes the `<row>` elements to `out`: every planned cell and every formatted one, with its cell
 * format.
 */
function sheetRows(
  plan: SheetPlan,
  grid: Map<number, Map<number, PlanCell>>,
  styles: StyleBook,
  out: PartSink
): void {
  const formats = planFormats(plan);
  const rowsWithContent = new Set<number>(grid.keys());
  for (const { r } of formats)
    for (let row = r.top; row <= r.bottom; row++) rowsWithContent.add(row);
  for (const key of Object.keys(plan.rowHeights)) rowsWithContent.add(Number(key) - 1);
  const styleOf = new Map<string, string>();
  /** Rows under the same formats share their columns and styles (a table's body, row after row). */
  const layoutOf = new Map<string, { col: number; style: string }[]>();
  for (const row of [...rowsWithContent].sort((a, b) => a - b)) {
    const onRow = formats.filter(({ r }) => row >= r.top && row <= r.bottom);
    const planned = grid.get(row);
    const signature = `${onRow.map((x) => x.i).join(",")}|${[...(planned?.keys() ?? [])].join(",")}`;
    let layout = layoutOf.get(signature);
    if (!layout) {
      const cols = new Set<number>(planned?.keys() ?? []);
      for (const { r } of onRow) for (let c = r.left; c <= r.right; c++) cols.add(c);
      layout = [...cols]
        .sort((a, b) => a - b)
        .map((col) => {
          const covering = onRow.filter(({ r }) => col >= r.left && col <= r.right);
          const key = covering.map((x) => x.i).join(",");
          let style = styleOf.get(key);
          if (style === undefined) {
            style = covering.length
              ? String(
                  styles.cellFormat(
                    null,
                    covering.map((x) => x.f)
                  )
                )
              : "";
            styleOf.set(key, style);
          }
          return { col, style };
        });
      layoutOf.set(signature, layout);
    }
    const cells = layout.map(({ col, style }) =>
      cellXml(cellAddress(row, col), style, planned?.get(col))
    );
    const height = plan.rowHeights[row + 1];
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    out.text(`<row r="${row + 1}"${ht}>${cells.join("")}</row>`);
  }
}

function columnsXml(plan: SheetPlan): string {
  const hidden = new Set((plan.hiddenColumns ?? []).map(columnIndex));
  const cols = new Map<number, string>();
  for (const [letter, width] of Object.entries(plan.widths)) {
    const c = columnIndex(letter);
    cols.set(c, ` width="${width}" customWidth="1"${hidden.has(c) ? ' hidden="1"' : ""}`);
  }
  for (const c of hidden) if (!cols.has(c)) cols.set(c, ' width="9" hidden="1" customWidth="1"');
  if (cols.size === 0) return "";
  return `<cols>${[...cols.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, a]) => `<col min="${c + 1}" max="${c + 1}"${a}/>`)
    .join("")}</cols>`;
}

function viewXml(plan: SheetPlan): string {
  const f = plan.freeze;
  if (!f || (f.rows === 0 && f.columns === 0))
    return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = f.rows && f.columns ? "bottomRight" : f.rows ? "bottomLeft" : "topRight";
  const split = `${f.columns ? ` xSplit="${f.columns}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${cellAddress(f.rows, f.columns)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

function printXml(plan: SheetPlan): string {
  const p = plan.print;
  if (!p) return "";
  const m = p.margins;
  const setup = `<pageSetup orientation="${p.orientation}"${p.overThenDown ? ' pageOrder="overThenDown"' : ""} scale="${p.scale ?? 100}" fitToWidth="${p.fitToWidth ?? 1}" fitToHeight="${p.fitToHeight ?? 0}"/>`;
  const breaks = p.breaks.length
    ? `<rowBreaks count="${p.breaks.length}" manualBreakCount="${p.breaks.length}">${p.breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`
    : "";
  return (
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    setup +
    `<headerFooter><oddHeader>${escapeText(headerFooterString(p.header))}</oddHeader><oddFooter>${escapeText(headerFooterString(p.footer))}</oddFooter></headerFooter>` +
    breaks
  );
}

function tableXml(table: TablePlan, id: number): string {
  const at = parseCellAddress(table.at);
  const ref = rangeText({
    top: at.row,
    left: at.col,
    bottom: at.row + Math.max(1, table.rows),
    right: at.col + table.columns.length - 1,
  });
  const columns = table.columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${attr(escapeForExcelJs(c.header))}"/>`)
    .join("");
  const name = attr(table.name);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${MAIN}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${attr(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The worksheet part of `plan`; its tables are referenced as rId1, rId2, … */
function worksheetPart(plan: SheetPlan, styles: StyleBook): StoredEntry {
  const grid = plannedGrid(plan);
  const rows = sheetExtent(plan, grid);
  const sheetPr =
    plan.tabColor || plan.print?.fitToWidth !== undefined
      ? `<sheetPr>${plan.tabColor ? `<tabColor rgb="${argb(plan.tabColor)}"/>` : ""}${plan.print?.fitToWidth !== undefined ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
      : "";
  const protection = plan.protect
    ? '<sheetProtection sheet="1" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>'
    : "";
  const merges = plan.merges.length
    ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const cfs = plan.conditionalFormats
    .map((cf, i) =>
      conditionalFormatXml(cf, cf.range, i + 1, () =>
        styles.differential(cf.kind === "expression" ? cf.style : {})
      )
    )
    .join("");
  const validations = plan.validations.length
    ? `<dataValidations count="${plan.validations.length}">${plan.validations.map((v) => validationXml(v, v.range)).join("")}</dataValidations>`
    : "";
  const tables = plan.tables.length
    ? `<tableParts count="${plan.tables.length}">${plan.tables.map((_t, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    sheetPr +
    `<dimension ref="${rangeText({ top: 0, left: 0, bottom: rows.bottom, right: rows.right })}"/>` +
    viewXml(plan) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columnsXml(plan) +
    "<sheetData>";
  const tail =
    "</sheetData>" +
    protection +
    merges +
    cfs +
    validations +
    printXml(plan) +
    tables +
    "</worksheet>";
  // Deflated as it is written: the rows of a large plan are never one buffer.
  const sink = new DeflateSink();
  sink.text(head);
  sheetRows(plan, grid, styles, sink);
  sink.text(tail);
  return sink.finish();
}

/**
 * Adds `plan` as a new worksheet after the sheet named `after` (first when null). Throws
 * PatchUnsupported when the workbook cannot take it here (its structure is locked).
 */
export function addSheet(
  pkg: OpcPackage,
  workbook: string,
  plan: SheetPlan,
  after: string | null,
  styles: StyleBook
): void {
  let xml = pkg.text(workbook) ?? "";
  if (/<workbookProtection\b[^>]*\blockStructure="(1|true)"/.test(xml))
    throw new PatchUnsupported("the workbook structure is protected");

  const existingTables = pkg.names.filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n));
  let tableId = Math.max(
    0,
    ...existingTables.map((n) => Number(/\bid="(\d+)"/.exec(pkg.text(n) ?? "")?.[1] ?? 0))
  );
  const sheetPart = freePartName("xl/worksheets/sheet1.xml", (n) => pkg.has(n));
  const tableRels = plan.tables.map((table, i) => {
    const part = freePartName("xl/tables/table1.xml", (n) => pkg.has(n));
    pkg.set(part, tableXml(table, ++tableId));
    pkg.setContentType(part, TABLE_TYPE);
    return {
      id: `rId${i + 1}`,
      type: REL_TYPES.table,
      target: relativeTarget(sheetPart, part),
      external: false,
    };
  });
  pkg.set(sheetPart, worksheetPart(plan, styles));
  pkg.setContentType(sheetPart, WORKSHEET_TYPE);
  if (tableRels.length) pkg.setRels(sheetPart, tableRels);

  const rels = pkg.rels(workbook);
  const used = new Set(rels.map((r) => r.id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  pkg.setRels(workbook, [
    ...rels,
    {
      id: `rId${n}`,
      type: REL_TYPES.worksheet,
      target: relativeTarget(workbook, sheetPart),
      external: false,
    },
  ]);

  const entries = sheetEntries(pkg, workbook, xml);
  const position =
    after === null ? 0 : entries.findIndex((e) => sheetKey(e.name) === sheetKey(after)) + 1;
  const sheetId =
    Math.max(0, ...[...xml.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]))) +
    1;
  // openpyxl declares the r: prefix on each <sheet>, not on the root: declare it where needed.
  const rootDeclares = (rootOf(xml)?.tag ?? "").includes(`xmlns:r="${REL}"`);
  const tag = `<sheet${rootDeclares ? "" : ` xmlns:r="${REL}"`} name="${attr(plan.name)}" sheetId="${sheetId}" r:id="rId${n}"/>`;
  const sheetTags = [...xml.matchAll(/<sheet\b[^>]*\/>|<sheet\b[^>]*>[\s\S]*?<\/sheet>/g)];
  const anchor =
    position < sheetTags.length ? (sheetTags[position].index ?? 0) : xml.indexOf("</sheets>");
  xml = `${xml.slice(0, anchor)}${tag}${xml.slice(anchor)}`;
  // Tab positions after the new sheet move one along: names scoped to them, the active tab.
  xml = xml.replace(
    /(<definedName\b[^>]*\blocalSheetId=")(\d+)(")/g,
    (_m, a: string, id: string, b: string) =>
      `${a}${Number(id) >= position ? Number(id) + 1 : id}${b}`
  );
  xml = xml.replace(
    /(<workbookView\b[^>]*\bactiveTab=")(\d+)(")/g,
    (_m, a: string, id: string, b: string) =>
      `${a}${Number(id) >= position ? Number(id) + 1 : id}${b}`
  );
  pkg.set(workbook, xml);
}
