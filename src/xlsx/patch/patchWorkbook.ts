// Updates an existing workbook by editing its package in place: the fast path of build --from,
// plan, snapshot and import --into. From the stream reader's snapshots, the owned cells that
// differ from the plan are rewritten in their worksheet parts; rows a table gains are inserted
// below it (styled like the row above, as the full path does) and the table and the rules over
// its columns grow with it; missing validations, conditional formats, merges, page breaks, names
// and whole sheets are added; every other part is kept byte for byte. Loading the workbook into
// ExcelJS and writing it back (../fullBuild) costs ~1.5 KB per row and tens of seconds at 50,000
// rows; this costs a pass over the XML.
// What it does not do — a column to add to a table, a totals row, a shared formula to rewrite,
// differing print setup or widths, a 1904 date system, prefixed XML — is reported as
// unsupported, before anything changes, and the caller takes the full path, which does that.
import { formulaKey, sameValue } from "../../core/cellCompare";
import { plannedCells, type PlannedTable } from "../../core/layout/plannedCells";
import type {
  PlanCell,
  RangeFormat,
  SheetPlan,
  WorkbookPlan,
} from "../../core/layout/workbookPlan";
import { sheetKey } from "../../core/read/sheets";
import { cellAddress, columnIndex, type CellValue, type SheetSnapshot } from "../../core/snapshot";
import { WORKBOOK_ORDER, sheetEntries } from "../carry/carryOver";
import { insertChildren, rootOf } from "../carry/xmlElements";
import { DeflateSink, type StoredEntry } from "../carry/nativeZip";
import { relKind, type OpcPackage } from "../carry/opcPackage";
import { addPlanCharts } from "../charts/writeCharts";
import type { CellReader } from "../charts/planCharts";
import { attributesOf } from "../package/relationships";
import { sheetFrameOf } from "../package/sheetXml";
import { liftX14Validations } from "../package/x14Validations";
import { decodeXString } from "../package/xstring";
import type { ReconcileResult } from "../reconcile";
import { applyTableFormulas, planTableFormulas } from "../tableFormulas";
import { placeTable, type Rect, type SheetCells, type TablePlacement } from "./rowMatch";
import {
  columnsMatch,
  hasConditionalFormat,
  hasValidation,
  overlaps,
  printMatches,
  sameConditionalRule,
  rangeRules,
  rectOf,
  type RangeRule,
} from "./sheetChecks";
import { addSheet } from "./newSheet";
import { StyleBook } from "./styleBook";
import {
  applySettings,
  conditionalFormatXml,
  hasSettings,
  noSettings,
  rangeText,
  validationXml,
  type SettingsEdits,
} from "./sheetSettings";
import { planNames, printNames, reconcileNames, type WantedName } from "./workbookNames";
import {
  PatchUnsupported,
  lastEditedRow,
  patchRows,
  splitSheet,
  type CellEdit,
  type SheetEdits,
} from "./sheetPatch";

/** Columns the layout shows or hides by a Settings switch (as ../reconcile MODE_COLUMNS). */
const MODE_COLUMNS = ["Maturity"];

export interface PatchOutcome {
  reconciled: ReconcileResult;
}

interface TablePart {
  part: string;
  xml: string;
  name: string;
  rect: Rect;
  columns: (string | undefined)[];
  totals: boolean;
}

function tablesOf(pkg: OpcPackage, sheetPart: string): TablePart[] {
  return pkg.rels(sheetPart).flatMap((rel) => {
    if (relKind(rel.type) !== "table") return [];
    const part = pkg.target(sheetPart, rel);
    const xml = part ? pkg.text(part) : undefined;
    if (!part || xml === undefined) return [];
    const head = /<table\b([^>]*)>/.exec(xml);
    const a = head ? attributesOf(`<x ${head[1]}>`) : {};
    const rect = a.ref ? rectOf(a.ref) : null;
    if (!rect) return [];
    const columns = [...xml.matchAll(/<tableColumn\b([^>]*?)\/?>/g)].map((m) => {
      const name = attributesOf(`<x ${m[1]}>`).name;
      return name === undefined ? undefined : decodeXString(name);
    });
    return [
      {
        part,
        xml,
        name: decodeXString(a.displayName ?? a.name ?? ""),
        rect,
        columns,
        totals: Number(a.totalsRowCount ?? 0) > 0,
      },
    ];
  });
}

const unsupported = (why: string): never => {
  throw new PatchUnsupported(why);
};

function stylesPartOf(pkg: OpcPackage, workbook: string): string {
  const rel = pkg.rels(workbook).find((r) => relKind(r.type) === "styles");
  const part = rel ? pkg.target(workbook, rel) : null;
  return part ?? unsupported("the workbook has no styles part");
}

function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) unsupported("a worksheet is stored as UTF-16");
  return bytes.toString(
    "utf8",
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  );
}

/**
 * A worksheet's XML without its rows (`<sheetData>` emptied): everything the checks read, without
 * decoding the tens of MB of cells of a large sheet that needs no edit.
 */
export function sheetFrame(bytes: Buffer): string {
  return sheetFrameOf(bytes)?.frame ?? xmlText(bytes);
}

/** Plans one sheet's edits; returns them with the table ranges and rule ranges to grow. */
class SheetDiff {
  readonly edits: SheetEdits = { cells: new Map(), newRowAttributes: new Map() };
  readonly placements: { table: TablePart; placed: TablePlacement }[] = [];
  readonly settings: SettingsEdits = noSettings();
  private readonly formatRects: (Rect | null)[];
  private readonly layout: ReturnType<typeof plannedCells>;

  constructor(
    private readonly plan: SheetPlan,
    private readonly snapshot: SheetSnapshot | undefined,
    private readonly xml: string,
    private readonly tables: TablePart[],
    private readonly styles: StyleBook
  ) {
    this.layout = plannedCells(plan);
    this.formatRects = plan.formats.map((f) => rectOf(f.range));
  }

  private actual(row: number, col: number): { value: CellValue; formula: string | null } {
    const s = this.snapshot;
    if (!s) return { value: null, formula: null };
    const r = row - s.origin.row;
    const c = col - s.origin.col;
    return { value: s.values[r]?.[c] ?? null, formula: s.formulas[r]?.[c] ?? null };
  }

  private edit(row: number, col: number, edit: CellEdit): void {
    let line = this.edits.cells.get(row);
    if (!line) this.edits.cells.set(row, (line = new Map()));
    line.set(col, edit);
  }

  /** The full path's write(): only when the planned cell differs from what is there. */
  private write(
    row: number,
    col: number,
    planned: PlanCell | undefined,
    plannedAt: { row: number; col: number },
    host?: string
  ): void {
    const actual = this.actual(row, col);
    const empty = (actual.value === null || actual.value === "") && actual.formula === null;
    if (planned?.formula !== undefined) {
      if (
        actual.formula !== null &&
        (actual.formula === planned.formula ||
          formulaKey(actual.formula, host) === formulaKey(planned.formula, host))
      )
        return;
    } else {
      if (planned?.value === undefined || planned.value === null) if (empty) return;
      if (sameValue(planned?.value, actual.value)) return;
    }
    const formats = empty
      ? this.plan.formats.filter((f, i) => {
          const r = this.formatRects[i];
          return (
            r !== null &&
            plannedAt.row >= r.top &&
            plannedAt.row <= r.bottom &&
            plannedAt.col >= r.left &&
            plannedAt.col <= r.right
          );
        })
      : [];
    this.edit(row, col, { cell: planned, formats });
  }

  run(): void {
    const layout = this.layout;
    const cells: SheetCells = {
      valueAt: (row, col) => this.actual(row, col).value,
      hasFormula: (row, col) => this.actual(row, col).formula !== null,
    };
    for (const planned of layout.tables) this.table(planned, cells);
    const finalRects = this.placements.map((p) => p.placed.rect);
    for (const { row, col, cell } of layout.free) {
      if (
        finalRects.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)
      )
        continue;
      this.write(row, col, cell, { row, col });
    }
    this.planRules(layout.tables);
    this.planMergesAndBreaks();
    const placeColumn = (letter: string): number => this.placeColumn(columnIndex(letter));
    const modeColumns = this.placements.flatMap(({ placed }, i) =>
      layout.tables[i].headers.flatMap((h, j) =>
        MODE_COLUMNS.includes(h) ? [placed.columns[j]] : []
      )
    );
    const why =
      columnsMatch(this.xml, this.plan, placeColumn, modeColumns) ??
      (this.plan.print ? printMatches(this.xml, this.plan.print) : null);
    if (why) unsupported(`sheet "${this.plan.name}": ${why}`);
  }

  private table(planned: PlannedTable, cells: SheetCells): void {
    const key = planned.plan.name.toLowerCase();
    const table = this.tables.find((t) => t.name.toLowerCase() === key);
    if (!table) return unsupported(`sheet "${this.plan.name}" lacks table "${planned.plan.name}"`);
    if (table.totals) return unsupported(`table "${table.name}" has a totals row`);
    const placed = placeTable(planned, table.rect, table.columns, cells);
    if ("unsupported" in placed) return unsupported(placed.unsupported);
    this.placements.push({ table, placed });
    const host = planned.plan.name;
    planned.body.forEach((line, p) => {
      const row = placed.rows[p];
      const isNew = row > placed.lastOld;
      if (isNew) {
        const height = this.plan.rowHeights[planned.row + 2 + p];
        if (height !== undefined)
          this.edits.newRowAttributes.set(row, ` ht="${height}" customHeight="1"`);
      }
      planned.headers.forEach((_h, j) => {
        const col = placed.columns[j];
        const cell = line[j];
        if (isNew) this.edit(row, col, { cell, styleFromRow: placed.lastOld });
        else this.write(row, col, cell, { row: planned.row + 1 + p, col: planned.col + j }, host);
      });
    });
  }

  /** A planned column's place on the sheet (tables may have moved columns). */
  private placeColumn(col: number): number {
    const layout = this.layout;
    for (let i = 0; i < layout.tables.length; i++) {
      const t = layout.tables[i];
      if (col >= t.col && col < t.col + t.headers.length)
        return this.placements[i].placed.columns[col - t.col];
    }
    return col;
  }

  /** A planned range where it is on the sheet, before and after rows are appended. */
  private mapRange(range: string, tables: PlannedTable[]): { now: Rect; final: Rect } | null {
    const r = rectOf(range);
    if (!r) return null;
    for (let i = 0; i < tables.length; i++) {
      const p = tables[i];
      const span = {
        top: p.row,
        left: p.col,
        bottom: p.row + p.plan.rows,
        right: p.col + p.headers.length - 1,
      };
      if (!(
        r.top <= span.bottom &&
        span.top <= r.bottom &&
        r.left <= span.right &&
        span.left <= r.right
      ))
        continue;
      if (r.left !== r.right) return null;
      const placed = this.placements[i].placed;
      const col = placed.columns[r.left - p.col];
      if (r.top === p.row + 1 && r.bottom === p.row + p.plan.rows) {
        const now = {
          top: placed.firstBody,
          left: col,
          bottom: Math.max(placed.firstBody, placed.lastOld),
          right: col,
        };
        return { now, final: { ...now, bottom: Math.max(placed.firstBody, placed.lastBody) } };
      }
      return unsupported(
        `a planned range (${range}) inside table "${p.plan.name}" is not a whole column`
      );
    }
    return { now: r, final: r };
  }

  /** Planned validations and conditional formats missing over their ranges are added. */
  private planRules(tables: PlannedTable[]): void {
    // Excel keeps rules that refer to other sheets in an x14 extension: counted as there, but a
    // sheet with them whose rules must grow or be added goes to the full path, which lifts them.
    const lifted = liftX14Validations(this.xml);
    const x14 = lifted !== this.xml;
    if (x14 && this.placements.some((p) => p.placed.appended > 0))
      unsupported(`sheet "${this.plan.name}" keeps validations in an x14 extension`);
    const validations = rangeRules(lifted, "dataValidation");
    // Overlapping validations (ExcelJS writes them, Excel repairs them): the full path rejoins them.
    const rects = validations.flatMap((r, i) => r.rects.map((rect) => ({ i, rect })));
    for (let a = 0; a < rects.length; a++)
      for (let b = a + 1; b < rects.length; b++)
        if (rects[a].i !== rects[b].i && overlaps(rects[a].rect, rects[b].rect))
          unsupported(`sheet "${this.plan.name}" has validations over the same cells`);
    for (const v of this.plan.validations) {
      const rect = this.mapRange(v.range, tables);
      if (!rect || hasValidation(validations, v, rect.now)) continue;
      const overlapping = validations.some((r) => r.rects.some((a) => overlaps(a, rect.now)));
      if (overlapping)
        unsupported(`sheet "${this.plan.name}": another validation is over ${v.range}`);
      if (x14) unsupported(`sheet "${this.plan.name}" keeps validations in an x14 extension`);
      this.settings.validations.push(validationXml(v, rangeText(rect.final)));
    }
    const formats = rangeRules(this.xml, "conditionalFormatting");
    let priority = Math.max(
      0,
      ...[...this.xml.matchAll(/<cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) => Number(m[1]))
    );
    for (const cf of this.plan.conditionalFormats) {
      const rect = this.mapRange(cf.range, tables);
      if (!rect || hasConditionalFormat(formats, cf, rect.now)) continue;
      const index = formats.findIndex(
        (r) => sameConditionalRule(r, cf) && r.rects.some((a) => overlaps(a, rect.now))
      );
      if (index >= 0) {
        const [only, ...more] = formats[index].rects;
        const sqref =
          only &&
          more.length === 0 &&
          only.left === rect.final.left &&
          only.right === rect.final.right
            ? rangeText({
                ...rect.final,
                top: Math.min(only.top, rect.final.top),
                bottom: Math.max(only.bottom, rect.final.bottom),
              })
            : `${formats[index].rects.map(rangeText).join(" ")} ${rangeText(rect.final)}`;
        this.settings.grow.push({ kind: "conditionalFormatting", index, sqref });
        continue;
      }
      const style = cf.kind === "expression" ? cf.style : {};
      this.settings.conditionalFormats.push(
        conditionalFormatXml(cf, rangeText(rect.final), ++priority, () =>
          this.styles.differential(style)
        )
      );
    }
  }

  /** Planned merges over free cells, and planned page breaks, that the sheet lacks. */
  private planMergesAndBreaks(): void {
    const tail = this.xml.slice(Math.max(0, this.xml.lastIndexOf("</sheetData>")));
    const merged = [...tail.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)].flatMap((m) => {
      const r = rectOf(m[1]);
      return r ? [r] : [];
    });
    for (const m of this.plan.merges) {
      const r = rectOf(m);
      if (
        !r ||
        merged.some(
          (a) =>
            a.top === r.top && a.left === r.left && a.bottom === r.bottom && a.right === r.right
        )
      )
        continue;
      let free = !merged.some((a) => overlaps(a, r));
      for (let row = r.top; row <= r.bottom && free; row++)
        for (let col = r.left; col <= r.right && free; col++) {
          if (row === r.top && col === r.left) continue;
          const edit = this.edits.cells.get(row)?.get(col);
          const planned = edit ? edit.cell : undefined;
          const value = edit
            ? (planned?.formula ?? planned?.value ?? null)
            : this.actual(row, col).value;
          if (value !== null && value !== "") free = false;
        }
      if (free) {
        this.settings.merges.push(rangeText(r));
        merged.push(r);
      }
    }
    if (!this.plan.print) return;
    const have = [...tail.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const want = this.plan.print.breaks.map((row) => row - 1);
    if (have.length !== want.length || want.some((row, i) => have[i] !== row))
      this.settings.breaks = want;
  }
}

/** Grows every rule range that ends on a table's last row with the rows the table gained. */
function growRuleRanges(xml: string, grown: { from: Rect; bottom: number }[]): string {
  if (grown.length === 0) return xml;
  const rules: RangeRule[] = [
    ...rangeRules(xml, "dataValidation"),
    ...rangeRules(xml, "conditionalFormatting"),
  ].sort((a, b) => a.sqrefAt.start - b.sqrefAt.start);
  const out: string[] = [];
  let at = 0;
  for (const rule of rules) {
    const pieces = xml.slice(rule.sqrefAt.start, rule.sqrefAt.end).split(/\s+/);
    let changed = false;
    const next = pieces.map((piece) => {
      const r = rectOf(piece);
      const g =
        r &&
        grown.find(
          (t) =>
            r.bottom === t.from.bottom &&
            r.top > t.from.top &&
            r.left >= t.from.left &&
            r.right <= t.from.right
        );
      if (!r || !g) return piece;
      changed = true;
      return `${cellAddress(r.top, r.left)}:${cellAddress(g.bottom, r.right)}`;
    });
    if (!changed) continue;
    out.push(xml.slice(at, rule.sqrefAt.start), next.join(" "));
    at = rule.sqrefAt.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

function setRef(xml: string, element: string, ref: string): string {
  return xml.replace(new RegExp(`(<${element}\\b[^>]*?\\bref=")[^"]*(")`), `$1${ref}$2`);
}

function markRecalculation(pkg: OpcPackage, workbook: string): void {
  const xml = pkg.text(workbook) ?? "";
  const next = /<calcPr\b/.test(xml)
    ? xml.replace(
        /<calcPr\b([^>]*?)(\/?)>/,
        (_m, attrs: string, end: string) =>
          `<calcPr${attrs.replace(/\s+fullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${end}>`
      )
    : insertChildren(
        xml,
        [{ local: "calcPr", xml: '<calcPr fullCalcOnLoad="1"/>' }],
        WORKBOOK_ORDER
      );
  pkg.set(workbook, next);
  // Excel's calculation chain lists formula cells; a stale one is a repair. Excel rebuilds it.
  for (const rel of pkg.rels(workbook)) {
    if (relKind(rel.type) !== "calcChain") continue;
    const part = pkg.target(workbook, rel);
    if (part) {
      pkg.delete(part);
      pkg.removeContentType(part);
    }
    pkg.setRels(
      workbook,
      pkg.rels(workbook).filter((r) => r !== rel && r.id !== rel.id)
    );
  }
}

function touchCoreProperties(pkg: OpcPackage): void {
  const core = pkg.find("docProps/core.xml");
  const xml = core ? pkg.text(core) : undefined;
  if (!core || xml === undefined) return;
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  pkg.set(
    core,
    xml
      .replace(/(<cp:lastModifiedBy>)[^<]*(<\/cp:lastModifiedBy>)/, "$1gap-assessor$2")
      .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${now}$2`)
  );
}

/** Chart caches read the snapshot (cached results), with the values this run writes. */
function snapshotReader(snapshots: SheetSnapshot[]): CellReader {
  const byName = new Map(snapshots.map((s) => [sheetKey(s.name), s]));
  return (sheet, row, col) => {
    const s = byName.get(sheetKey(sheet));
    if (!s) return null;
    const v = s.values[row - 1 - s.origin.row]?.[col - 1 - s.origin.col] ?? null;
    return typeof v === "number" || typeof v === "string" ? v : null;
  };
}

/**
 * Brings `pkg` (the input's parts) to `plan` in place. Throws PatchUnsupported, before changing
 * anything, when the plan needs what only the full path does.
 */
export function patchWorkbook(
  pkg: OpcPackage,
  snapshots: SheetSnapshot[],
  plan: WorkbookPlan,
  /** Worksheet frames the reader kept (part → frame and the part's size). */
  frames?: Map<string, { frame: string; size: number }>
): PatchOutcome {
  const workbook = pkg.workbookPart() ?? unsupported("the package has no workbook part");
  const workbookXml = pkg.text(workbook) ?? "";
  const entries = sheetEntries(pkg, workbook, workbookXml);
  if ((rootOf(workbookXml)?.name ?? "").includes(":"))
    unsupported("the workbook part uses a namespace prefix");
  if (/<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml))
    unsupported("the workbook counts dates from 1904");
  const byName = new Map(snapshots.map((s) => [sheetKey(s.name), s]));
  const stylesPart = stylesPartOf(pkg, workbook);
  const styles = new StyleBook(pkg.text(stylesPart) ?? "");
  const restyle = (style: string, formats: RangeFormat[]): string =>
    String(styles.cellFormat(style ? Number(style) : null, formats));
  const staged: { part: string; content: string | StoredEntry }[] = [];
  const added: { sheet: SheetPlan; after: string | null }[] = [];
  const result: ReconcileResult = {
    addedSheets: [],
    cellsWritten: 0,
    rowsAppended: 0,
    columnsAdded: 0,
    namesChanged: [],
  };
  for (const sheet of plan.sheets) {
    const entry = entries.find(
      (e) => e.kind === "worksheet" && e.part && sheetKey(e.name) === sheetKey(sheet.name)
    );
    if (!entry?.part) {
      if (entries.some((e) => sheetKey(e.name) === sheetKey(sheet.name)))
        unsupported(`"${sheet.name}" is not a worksheet`);
      const at = plan.sheets.indexOf(sheet);
      const before = plan.sheets
        .slice(0, at)
        .reverse()
        .find((s) => entries.some((e) => sheetKey(e.name) === sheetKey(s.name)));
      added.push({ sheet, after: before?.name ?? null });
      continue;
    }
    const snapshot = byName.get(sheetKey(sheet.name));
    if ((snapshot as { truncated?: unknown } | undefined)?.truncated)
      unsupported(`sheet "${sheet.name}" is larger than a snapshot keeps`);
    // The reader's frame of this part when it read the same bytes (same size); else inflate.
    let bytes: Buffer | undefined;
    const sheetPart = entry.part;
    const load = (): Buffer => (bytes ??= pkg.get(sheetPart) ?? Buffer.alloc(0));
    const known = frames?.get(entry.part);
    const frame =
      known && known.size === pkg.storedSize(entry.part) ? known.frame : sheetFrame(load());
    if (/^(<\?xml[^>]*>)?\s*<\w+:worksheet\b/.test(frame.slice(0, 500)))
      unsupported(`sheet "${sheet.name}" uses a namespace prefix`);
    const tables = tablesOf(pkg, entry.part);
    const diff = new SheetDiff(sheet, snapshot, frame, tables, styles);
    diff.run();
    const grown = diff.placements.filter((p) => p.placed.appended > 0);
    if (diff.edits.cells.size === 0 && grown.length === 0 && !hasSettings(diff.settings)) continue;
    const source = load();
    const split = splitSheet(source, sheet.name);
    const lastRow = lastEditedRow(diff.edits);
    // Rule ranges, settings and the dimension are edited in the XML around the rows, first: the
    // part is then deflated as it is written, rows in the middle.
    let around = growRuleRanges(
      split.head + split.tail,
      grown.map((g) => ({
        from: { ...g.placed.rect, bottom: g.placed.lastOld },
        bottom: g.placed.lastBody,
      }))
    );
    around = applySettings(around, diff.settings);
    if (grown.length) {
      const dim = /<dimension\b[^>]*\bref="([^"]*)"/.exec(around)?.[1];
      const r = dim ? rectOf(dim) : null;
      if (r && lastRow > r.bottom)
        around = setRef(
          around,
          "dimension",
          `${cellAddress(r.top, r.left)}:${cellAddress(lastRow, r.right)}`
        );
      for (const { table, placed } of grown) {
        const ref = `${cellAddress(placed.rect.top, placed.rect.left)}:${cellAddress(placed.rect.bottom, placed.rect.right)}`;
        staged.push({
          part: table.part,
          content: setRef(setRef(table.xml, "table", ref), "autoFilter", ref),
        });
        result.rowsAppended += placed.appended;
      }
    }
    const rowsAt = around.indexOf("</sheetData>");
    const sink = new DeflateSink();
    sink.text(around.slice(0, rowsAt));
    const patched = patchRows(source, split, diff.edits, sheet.name, restyle, sink);
    sink.text(around.slice(rowsAt));
    staged.push({ part: entry.part, content: sink.finish() });
    result.cellsWritten += patched.written;
  }
  // Every check passed: only now is the package changed.
  for (const s of staged) pkg.set(s.part, s.content);
  // New sheets in plan order, each after the plan sheet before it (added ones included).
  for (const { sheet, after } of added) {
    addSheet(pkg, workbook, sheet, after, styles);
    result.addedSheets.push(sheet.name);
  }
  const finalXml = pkg.text(workbook) ?? "";
  const finalEntries = sheetEntries(pkg, workbook, finalXml);
  const wantedNames: WantedName[] = [...planNames(plan)];
  for (const sheet of plan.sheets) {
    const index = finalEntries.findIndex((e) => sheetKey(e.name) === sheetKey(sheet.name));
    wantedNames.push(...printNames(finalEntries[index].name, index, sheet.print));
  }
  const names = reconcileNames(finalXml, wantedNames);
  result.namesChanged = names.changed.filter((n) => !n.startsWith("_xlnm."));
  if (names.changed.length) pkg.set(workbook, names.xml);
  if (styles.changed) pkg.set(stylesPart, styles.toXml());
  applyTableFormulas(pkg, planTableFormulas(plan));
  addPlanCharts(pkg, plan, snapshotReader(snapshots));
  if (result.cellsWritten > 0 || result.rowsAppended > 0 || added.length)
    markRecalculation(pkg, workbook);
  touchCoreProperties(pkg);
  return { reconciled: result };
}
