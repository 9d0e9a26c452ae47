// .xlsx file or bytes → SheetSnapshot[] straight from the package XML, without ExcelJS's object
// model (one object per cell, ~1.5 KB a row): the same snapshots as ./readSnapshots, at a
// fraction of the time and memory, for commands that only read (validate, compare, report;
// not the task pane, which runs in a browser). The package goes
// through the same pre-pass (./package) and the cells are interpreted as ExcelJS interprets
// them (./stream/cellValues), which test/xlsx/streamSnapshots.test.ts checks against the
// ExcelJS reader. Commands that write the workbook back keep using ./readSnapshots.
import { WorkbookReadError } from "../core/errors";
import type { SheetSnapshot } from "../core/snapshot";
import { cellAddress, parseCellAddress } from "../core/snapshot";
import { SNAPSHOT_MAX_COLS, SNAPSHOT_MAX_ROWS } from "./package/limits";
import type { NormalizedParts } from "./package/normalize";
import { openXlsxParts } from "./package/openXlsxPackage";
import {
  attributesOf,
  parseRelationships,
  relsPartOf,
  resolveTarget,
} from "./package/relationships";
import type { ReadSnapshotsOptions } from "./readSnapshots";
import { CellColumns, gridSnapshot, type ReadSnapshot } from "./snapshotGrid";
import { formulaText, resolveCell, type CellContext } from "./stream/cellValues";
import { readSharedStrings } from "./stream/sharedStrings";
import { fastReadable, scanSheetCells } from "./stream/fastCells";
import { readSheetCells, type RawCell } from "./stream/sheetCells";
import { slideFormula } from "./stream/slideFormula";
import { readCellFormats } from "./stream/styles";
import { walkXml } from "./stream/xml";

/** Where ExcelJS looks for these parts; the pre-pass gives them these names. */
const WORKBOOK = "xl/workbook.xml";
const STYLES = "xl/styles.xml";
const SHARED_STRINGS = "xl/sharedStrings.xml";
/** The worksheet parts ExcelJS reads (its own pattern); others, e.g. chartsheets, it skips. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

interface SheetEntry {
  name: string;
  part: string;
  hidden: boolean;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rangeOf(ref: string): Rect | null {
  const [a, b] = ref.split(":");
  try {
    const tl = parseCellAddress(a);
    const br = b ? parseCellAddress(b) : tl;
    return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
  } catch {
    return null;
  }
}

/** The workbook's worksheets in tab order, and whether dates count from 1904. */
function readWorkbook(
  parts: NormalizedParts,
  label: string
): { sheets: SheetEntry[]; date1904: boolean } {
  const xml = parts.text(WORKBOOK);
  if (xml === null)
    throw new WorkbookReadError(
      `${label} could not be read as an .xlsx workbook: it has no ${WORKBOOK}`,
      "The file may be damaged. Open it in Excel and save it again as .xlsx."
    );
  const relsXml = parts.text(relsPartOf(WORKBOOK));
  const rels = new Map((relsXml ? parseRelationships(relsXml) : []).map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  walkXml(
    xml,
    {
      open(name, a) {
        if (name === "workbookPr") date1904 = a.date1904 === "1";
        if (name !== "sheet") return;
        const id = a["r:id"] ?? Object.entries(a).find(([k]) => /:id$/.test(k))?.[1];
        const rel = id === undefined ? undefined : rels.get(id);
        if (!rel || rel.external) return;
        const part = resolveTarget(WORKBOOK, rel.target);
        if (!WORKSHEET_PART.test(part) || parts.source(part) === null) return;
        const hidden = Boolean(a.state) && a.state !== "visible";
        sheets.push({ name: a.name ?? `sheet${a.sheetId ?? sheets.length + 1}`, part, hidden });
      },
    },
    label,
    WORKBOOK
  );
  return { sheets, date1904 };
}

/** Tables of a sheet, in the order its `<tableParts>` lists them; one entry per name. */
function tablesOf(
  parts: NormalizedParts,
  part: string,
  ids: string[],
  label: string
): NonNullable<SheetSnapshot["tables"]> {
  if (ids.length === 0) return [];
  const relsXml = parts.text(relsPartOf(part));
  const rels = new Map((relsXml ? parseRelationships(relsXml) : []).map((r) => [r.id, r]));
  const byName = new Map<string, { name: string; ref: string | undefined }>();
  for (const id of ids) {
    const rel = rels.get(id);
    if (!rel || rel.external) continue;
    const target = resolveTarget(part, rel.target);
    const xml = parts.text(target);
    if (xml === null) continue;
    let head: Record<string, string> | null = null;
    walkXml(
      xml,
      {
        open(name, a) {
          if (name === "table" && head === null) head = a;
        },
      },
      label,
      target
    );
    const a = (head ?? {}) as Record<string, string>;
    // ExcelJS keys a sheet's tables by name: a repeated name keeps its place, the last one wins.
    byName.set(String(a.name), { name: String(a.name), ref: a.ref });
  }
  const out: NonNullable<SheetSnapshot["tables"]> = [];
  for (const t of byName.values()) {
    const range = typeof t.ref === "string" ? rangeOf(t.ref) : null;
    if (range) out.push({ name: t.name, ...range });
  }
  return out;
}

const HYPERLINK_TAG = /<(?:[A-Za-z_][\w.-]*:)?hyperlink(?=[\s/>])[^>]*>/g;
const MERGE_CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?mergeCell(?=[\s/>])[^>]*>/g;

/** What follows the cells: the pre-pass gave the sheet the default namespace, so no prefix. */
function afterCells(xml: string | Buffer): string {
  const end = Math.max(xml.lastIndexOf("</sheetData>"), xml.lastIndexOf("<sheetData/>"));
  if (end < 0) return "";
  return typeof xml === "string" ? xml.slice(end) : xml.toString("utf8", end);
}

const TABLE_PART_TAG = /<(?:[A-Za-z_][\w.-]*:)?tablePart(?=[\s/>])[^>]*>/g;

/** Relationship ids of the sheet's tables, in the order `<tableParts>` lists them. */
function tablePartIds(tail: string): string[] {
  const out: string[] = [];
  for (const tag of tail.match(TABLE_PART_TAG) ?? []) {
    const a = attributesOf(tag);
    const id = a["r:id"] ?? Object.entries(a).find(([k]) => /:id$/.test(k))?.[1];
    if (id) out.push(id);
  }
  return out;
}

/** Merged ranges, in the order the sheet lists them. */
function mergedRanges(tail: string): Rect[] {
  return (tail.match(MERGE_CELL_TAG) ?? [])
    .map((tag) => rangeOf(attributesOf(tag).ref ?? ""))
    .filter((m): m is Rect => m !== null);
}

/** Cells with an external hyperlink (`ref` and `r:id`), which ExcelJS reads as link values. */
function hyperlinkRefs(tail: string): Set<string> {
  const out = new Set<string>();
  for (const tag of tail.match(HYPERLINK_TAG) ?? []) {
    const a = attributesOf(tag);
    const id = Object.keys(a).some((k) => k === "r:id" || /:id$/.test(k));
    if (a.ref && id) out.add(a.ref);
  }
  return out;
}

/** Tells whether a cell lies in a merged area other than at its top-left corner. */
function mergeShadow(merges: Rect[]): (row: number, col: number) => boolean {
  if (merges.length === 0) return () => false;
  const byRow = new Map<number, Rect[]>();
  const tall: Rect[] = [];
  for (const m of merges) {
    if (m.bottom - m.top > 1_000) tall.push(m);
    else
      for (let r = m.top; r <= m.bottom; r++) {
        const list = byRow.get(r);
        if (list) list.push(m);
        else byRow.set(r, [m]);
      }
  }
  const covers = (m: Rect, row: number, col: number): boolean =>
    row >= m.top &&
    row <= m.bottom &&
    col >= m.left &&
    col <= m.right &&
    (row !== m.top || col !== m.left);
  return (row, col) =>
    (byRow.get(row) ?? []).some((m) => covers(m, row, col)) ||
    tall.some((m) => covers(m, row, col));
}

function snapshotOf(
  parts: NormalizedParts,
  sheet: SheetEntry,
  ctx: Omit<CellContext, "hyperlinks" | "masters" | "formulas">,
  maxRows: number,
  maxCols: number,
  label: string,
  onWorksheet?: ReadSnapshotsOptions["onWorksheet"]
): ReadSnapshot {
  const xml = parts.source(sheet.part) as string | Buffer;
  // Merges and hyperlinks follow the cells in the XML but decide how cells read: found first.
  const tail = afterCells(xml);
  const merges = mergedRanges(tail);
  // A cell inside a merged area other than its top-left one is hidden by the merge: ExcelJS
  // makes it part of the merge and drops its value.
  const shadowed = mergeShadow(merges);
  const cellCtx: CellContext = {
    ...ctx,
    hyperlinks: hyperlinkRefs(tail),
    masters: new Map(),
    formulas: new Map(),
  };
  const cells = new CellColumns();
  /** Shared-formula masters' formula text by address, and children waiting for it. */
  const masterFormula = new Map<string, string>();
  const children: { at: number; from: string }[] = [];
  // The address matters only for a hyperlink or a shared formula: not made for every cell.
  const linked = cellCtx.hyperlinks.size > 0;
  const onCell = (cell: RawCell): void => {
    if (shadowed(cell.row, cell.col)) return;
    const address = linked || cell.formulaType === "shared" ? cellAddress(cell.row, cell.col) : "";
    const read = resolveCell(cell, cellCtx, address);
    if (read === null) return;
    if (cell.formulaType === "shared" && cell.formulaRef && cell.formula)
      masterFormula.set(address, cell.formula);
    const at = cells.push(cell.row, cell.col, read);
    if (read.sharedFrom !== undefined) children.push({ at, from: read.sharedFrom });
  };
  let tableIds: string[];
  if (fastReadable(xml)) {
    scanSheetCells(xml, onCell, label, sheet.part);
    tableIds = tablePartIds(tail);
  } else tableIds = readSheetCells(xml, onCell, label, sheet.part).tableIds;
  onWorksheet?.(sheet.part, xml);
  parts.drop(sheet.part);
  for (const { at, from } of children) {
    const master = masterFormula.get(from);
    const slid =
      master === undefined
        ? ""
        : slideFormula(master, parseCellAddress(from), {
            row: cells.rows[at],
            col: cells.cols[at],
          });
    cells.formulas[at] = slid === "" ? null : formulaText(slid, cellCtx.formulas);
  }
  return gridSnapshot(
    {
      name: sheet.name,
      merges,
      tables: tablesOf(parts, sheet.part, tableIds, label),
      hidden: Boolean(sheet.hidden),
    },
    cells,
    maxRows,
    maxCols
  );
}

/**
 * Reads a workbook into one snapshot per worksheet, as readSnapshots does, without ExcelJS.
 * Throws WorkbookReadError with a message a person can act on for missing, empty, encrypted,
 * non-xlsx, oversized or corrupt files.
 */
export async function streamSnapshots(
  source: string | Buffer,
  options: ReadSnapshotsOptions = {}
): Promise<ReadSnapshot[]> {
  const { parts, label } = await openXlsxParts(source);
  const { sheets, date1904 } = readWorkbook(parts, label);
  if (sheets.length === 0)
    throw new WorkbookReadError(`${label} contains no worksheets; is it really an Excel workbook?`);
  const maxRows = options.maxRows ?? SNAPSHOT_MAX_ROWS;
  const maxCols = options.maxCols ?? SNAPSHOT_MAX_COLS;
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const chosen = sheets.filter((s) => !wanted || wanted.has(s.name));
  if (chosen.length === 0) return [];
  const ctx = {
    formats: readCellFormats(parts.text(STYLES), label, STYLES),
    strings: readSharedStrings(parts.text(SHARED_STRINGS), label, SHARED_STRINGS),
    date1904,
  };
  return chosen.map((sheet) =>
    snapshotOf(parts, sheet, ctx, maxRows, maxCols, label, options.onWorksheet)
  );
}
