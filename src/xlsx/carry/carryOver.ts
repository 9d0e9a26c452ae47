// The package-level pass after ExcelJS has written a workbook read from a file: everything the
// input held that ExcelJS does not model is carried over from the input package untouched.
// ExcelJS 4.4 drops, among others: charts and every drawing object but pictures, chart sheets,
// pivot tables and caches, slicers and timelines, threaded comments and their persons, external
// links, VBA, custom XML, custom document properties, web extensions (add-in settings), OLE objects
// and controls, sparklines and other worksheet extensions, cell metadata (dynamic arrays, images in
// cells), workbook and password protection, names that are formulas or constants or sheet-scoped,
// a table's filters, calculated-column formulas and totals formulas, custom table styles.
//
// How: the output package (ExcelJS's) stays the base for cells, styles and strings, and
// - every relationship of an input worksheet that ExcelJS does not write (drawings, notes, pivot
//   tables, threaded comments, printer settings, controls, …) is copied with the parts it reaches,
//   and the sheet's elements that point at them are restored from the input sheet, in schema order;
// - each table keeps its input XML, with only its range and new columns changed;
// - the workbook part is the input's, with ExcelJS's sheet list, the names merged (ours replaced
//   when they point elsewhere, everyone else's kept verbatim) and relationship ids renumbered;
// - package and workbook relationships ExcelJS does not write are copied the same way;
// - parts no relationship reaches any more (ExcelJS's own copies of notes and pictures) are removed.
// What cannot be kept (macros in an .xlsx file) is found before anything is written.
import { WorkbookReadError } from "../../core/errors";
import {
  REL,
  REL_TYPES,
  attributesOf,
  relativeTarget,
  type Relationship,
} from "../package/relationships";
import { canonicalizePrefixes, hasExpectedPrefixes, spreadsheetPlan } from "../package/namespaces";
import { LIFTED_EXTENSIONS } from "../package/x14Validations";
import { CONTENT_TYPES, OpcPackage, freePartName, relKind } from "./opcPackage";
import {
  childrenOf,
  declarations,
  declarePrefixes,
  insertChildren,
  remapRelIds,
  rootOf,
  setAttribute,
  splice,
  type Child,
} from "./xmlElements";

/** Input parts that cannot be kept: the command stops before writing, unless told to drop them. */
export class PartsWouldBeLostError extends WorkbookReadError {
  constructor(
    label: string,
    readonly lost: LostPart[]
  ) {
    super(
      `${label} holds ${lost.length === 1 ? "a part" : "parts"} that this command cannot keep: ` +
        lost.map((l) => `${l.what} (${l.part})`).join("; "),
      "Nothing was written. Run the same step with the add-in in Excel, which keeps everything, " +
        "or pass --allow-loss to write the file anyway without them."
    );
  }
}

export interface LostPart {
  part: string;
  what: string;
  /** How to keep it, when there is a way. */
  hint?: string;
}

/** What the input holds beyond ExcelJS's model, before anything is written. */
export interface CarryInventory {
  /** What the pass carries over, one line each ("chart xl/charts/chart1.xml on sheet "Mine""). */
  kept: string[];
  /** What it cannot keep. */
  lost: LostPart[];
  /** The workbook's structure is protected (no sheet may be added). */
  lockStructure: boolean;
}

export interface CarryOptions {
  /** The file to be written: macros are kept only in a macro-enabled file (.xlsm, .xltm). */
  out: string;
  /** Names the plan owns: ExcelJS's version wins for them, the input's for every other name. */
  ownedNames: string[];
  /** A last change to the merged package before it is written (e.g. calculated-column formulas). */
  finish?: (pkg: OpcPackage) => void;
}

/** Relationship kinds of a worksheet that ExcelJS writes itself. */
const MODELED_SHEET_RELS = new Set(["table"]);
/**
 * Relationship kinds of a worksheet whose ExcelJS version is replaced by the input's: ExcelJS
 * keeps only pictures of a drawing, rewrites notes without their authors and shapes, and reads
 * only external links (a link to a place in the workbook, `location`, is lost on reading).
 */
const REPLACED_SHEET_RELS = new Set(["drawing", "vmlDrawing", "comments", "image", "hyperlink"]);
/** Worksheet children ExcelJS writes that are always the input's on a sheet the input had. */
const ALWAYS_INPUT = ["drawing", "legacyDrawing", "legacyDrawingHF", "picture", "hyperlinks"];
/** Relationship kinds of the workbook that ExcelJS writes (calcChain is a cache Excel rebuilds). */
const MODELED_WORKBOOK_RELS = new Set([
  "worksheet",
  "theme",
  "styles",
  "sharedStrings",
  "calcChain",
]);
const MODELED_PACKAGE_RELS = new Set(["officeDocument", "core-properties", "extended-properties"]);
/** Sheet kinds ExcelJS cannot load: carried with their `<sheet>` entry. */
const OTHER_SHEETS = new Set([
  "chartsheet",
  "dialogsheet",
  "macrosheet",
  "xlMacrosheet",
  "xlIntlMacrosheet",
]);

/** Worksheet children in schema order (CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;
/** Worksheet children ExcelJS writes from its model: the output's version stays. */
const EXCELJS_SHEET_CHILDREN = new Set([
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "tableParts",
  "extLst",
]);
/** Worksheet children the input's version replaces (ExcelJS drops their details or their parts). */
const INPUT_WINS = new Set(["sheetProtection", "autoFilter", ...ALWAYS_INPUT]);

export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "AlternateContent",
  "revisionPtr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

export const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

/** A macro-enabled file name (also as the middle of a temp name: `.F.xlsm.123-ab.gap-tmp`). */
const MACRO_FILE = /\.(xlsm|xltm|xlam)(\.|$)/i;

export interface SheetEntry {
  name: string;
  /** The `<sheet>` element as written. */
  xml: string;
  rel: Relationship | undefined;
  part: string | null;
  kind: string;
}

export function sheetEntries(pkg: OpcPackage, workbook: string, xml: string): SheetEntry[] {
  const rels = new Map(pkg.rels(workbook).map((r) => [r.id, r]));
  const sheets = childrenOf(xml).find((c) => c.local === "sheets");
  if (!sheets) return [];
  return (sheets.xml.match(/<(?:[\w.-]+:)?sheet\b[^>]*>/g) ?? []).map((tag) => {
    const a = attributesOf(tag);
    const idKey = Object.keys(a).find((k) => /(^|:)id$/.test(k) && k !== "sheetId");
    const rel = idKey ? rels.get(a[idKey]) : undefined;
    return {
      name: a.name ?? "",
      xml: tag.endsWith("/>") ? tag : tag.replace(/>$/, "/>"),
      rel,
      part: rel ? pkg.target(workbook, rel) : null,
      kind: rel ? relKind(rel.type) : "",
    };
  });
}

const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** The XML with the prefixes ExcelJS and our fragments expect (most parts already have them). */
function canonical(xml: string, root: string): string {
  const plan = spreadsheetPlan(root);
  return hasExpectedPrefixes(xml, plan) ? xml : canonicalizePrefixes(xml, plan);
}

/** Lists what the pass will carry and what it cannot keep, reading the input package only. */
export function inspectPackage(
  original: OpcPackage,
  options: Pick<CarryOptions, "out">
): CarryInventory {
  const inventory: CarryInventory = { kept: [], lost: [], lockStructure: false };
  const workbook = original.workbookPart();
  if (!workbook) return inventory;
  const xml = original.text(workbook) ?? "";
  const protection = /<(?:[\w.-]+:)?workbookProtection\b[^>]*>/.exec(xml);
  if (protection) {
    const a = attributesOf(protection[0]);
    inventory.lockStructure = a.lockStructure === "1" || a.lockStructure === "true";
  }
  for (const entry of sheetEntries(original, workbook, xml)) {
    if (!entry.part) continue;
    if (entry.kind !== "worksheet") {
      inventory.kept.push(`${entry.kind} "${entry.name}" (${entry.part})`);
      continue;
    }
    for (const rel of original.rels(entry.part)) {
      const kind = relKind(rel.type);
      if (MODELED_SHEET_RELS.has(kind) || kind === "hyperlink" || rel.external) continue;
      const target = original.target(entry.part, rel);
      if (target)
        inventory.kept.push(
          `${describe(original, kind, target)} on sheet "${entry.name}" (${target})`
        );
    }
  }
  for (const rel of original.rels(workbook)) {
    const kind = relKind(rel.type);
    if (MODELED_WORKBOOK_RELS.has(kind) || OTHER_SHEETS.has(kind) || rel.external) continue;
    const target = original.target(workbook, rel);
    if (!target) continue;
    if (kind === "vbaProject" && !MACRO_FILE.test(options.out)) {
      inventory.lost.push({
        part: target,
        what: "macros (VBA project)",
        hint: "Write a macro-enabled file (--out NAME.xlsm) to keep them.",
      });
      continue;
    }
    inventory.kept.push(`${kind} (${target})`);
  }
  for (const rel of original.rels("")) {
    const kind = relKind(rel.type);
    const target = original.target("", rel);
    if (!MODELED_PACKAGE_RELS.has(kind) && target) inventory.kept.push(`${kind} (${target})`);
  }
  return inventory;
}

function describe(pkg: OpcPackage, kind: string, part: string): string {
  if (kind !== "drawing") return kind;
  const rels = pkg.rels(part).map((r) => relKind(r.type));
  const charts = rels.filter((k) => k === "chart").length;
  const pictures = rels.filter((k) => k === "image").length;
  const parts = [
    charts && `${charts} chart${charts > 1 ? "s" : ""}`,
    pictures && `${pictures} picture${pictures > 1 ? "s" : ""}`,
  ];
  const what = parts.filter(Boolean).join(", ");
  return what ? `drawing with ${what}` : "drawing";
}

interface NameElement {
  name: string;
  localSheetId: number | null;
  xml: string;
  text: string;
}

function nameElements(definedNames: Child | undefined): NameElement[] {
  if (!definedNames) return [];
  const out: NameElement[] = [];
  const pattern =
    /<(?:[\w.-]+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>)/g;
  for (const m of definedNames.xml.matchAll(pattern)) {
    const a = attributesOf(`<x ${m[1]}>`);
    out.push({
      name: a.name ?? "",
      localSheetId: a.localSheetId === undefined ? null : Number(a.localSheetId),
      xml: m[0],
      text: m[2] ?? "",
    });
  }
  return out;
}

/** The carry-over itself: one instance per write. */
class CarryOver {
  private readonly copied = new Map<string, string>();
  private readonly reserved = new Set<string>();
  readonly kept: string[] = [];

  constructor(
    private readonly original: OpcPackage,
    private readonly out: OpcPackage,
    private readonly options: CarryOptions
  ) {}

  /** Copies an input part, and every part its relationships reach, under names free in the output. */
  private copyPart(part: string): string {
    const done = this.copied.get(part);
    if (done) return done;
    const name = freePartName(part, (n) => this.out.has(n) || this.reserved.has(n.toLowerCase()));
    this.reserved.add(name.toLowerCase());
    this.copied.set(part, name);
    this.out.set(name, this.original.get(part) as Buffer);
    const type = this.original.contentType(part);
    if (type && this.out.contentType(name) !== type) this.out.setContentType(name, type);
    const rels = this.original.rels(part);
    if (rels.length) {
      this.out.setRels(
        name,
        rels.map((r) => {
          const target = this.original.target(part, r);
          return target ? { ...r, target: relativeTarget(name, this.copyPart(target)) } : r;
        })
      );
    }
    return name;
  }

  /** Adds the input relationships `carry` selects to the output part's, with fresh ids. */
  private carryRels(
    source: string,
    target: string,
    keep: (r: Relationship) => boolean,
    carry: (r: Relationship) => boolean
  ): Map<string, string> {
    const rels = this.out.rels(target).filter(keep);
    const ids = new Map<string, string>();
    const used = new Set(rels.map((r) => r.id));
    let n = 0;
    const fresh = (): string => {
      while (used.has(`rId${++n}`));
      used.add(`rId${n}`);
      return `rId${n}`;
    };
    for (const rel of this.original.rels(source)) {
      if (!carry(rel)) continue;
      const id = fresh();
      if (rel.external) rels.push({ ...rel, id });
      else {
        const part = this.original.target(source, rel);
        if (!part) continue;
        rels.push({
          id,
          type: rel.type,
          target: relativeTarget(target, this.copyPart(part)),
          external: false,
        });
      }
      ids.set(rel.id, id);
    }
    if (JSON.stringify(this.out.rels(target)) !== JSON.stringify(rels))
      this.out.setRels(target, rels);
    return ids;
  }

  run(): void {
    const inWorkbook = this.original.workbookPart();
    const outWorkbook = this.out.workbookPart();
    if (!inWorkbook || !outWorkbook) return;
    const inXml = canonical(this.original.text(inWorkbook) ?? "", "workbook");
    const outXml = this.out.text(outWorkbook) ?? "";
    const inSheets = sheetEntries(this.original, inWorkbook, inXml);
    const outSheets = sheetEntries(this.out, outWorkbook, outXml);

    for (const sheet of inSheets) {
      if (sheet.kind !== "worksheet" || !sheet.part) continue;
      const match = outSheets.find((s) => s.part && sameName(s.name, sheet.name));
      if (match?.part) this.mergeSheet(sheet.part, match.part);
    }
    this.mergeTables(inSheets, outSheets);
    this.mergeWorkbook(inWorkbook, outWorkbook, inXml, outXml, inSheets, outSheets);
    this.mergeStyles();
    // Package relationships: custom properties, web extensions (add-in settings), thumbnails.
    this.carryRels(
      "",
      "",
      () => true,
      (r) => !MODELED_PACKAGE_RELS.has(relKind(r.type))
    );
    this.out.collectGarbage();
  }

  private mergeSheet(inPart: string, outPart: string): void {
    const inXml = canonical(this.original.text(inPart) ?? "", "worksheet");
    let outXml = this.out.text(outPart) ?? "";
    const ids = this.carryRels(
      inPart,
      outPart,
      (r) => !REPLACED_SHEET_RELS.has(relKind(r.type)),
      (r) => !MODELED_SHEET_RELS.has(relKind(r.type))
    );
    const relPrefixes = [...declarations(rootOf(inXml)?.tag ?? "")]
      .filter(([, uri]) => uri === REL)
      .map(([p]) => p);
    const remap = (xml: string): string =>
      remapRelIds(xml, ids, relPrefixes.length ? relPrefixes : ["r"]);
    const inChildren = childrenOf(inXml);
    const has = (local: string): boolean => inChildren.some((c) => c.local === local);

    // ExcelJS's versions of what the input's replace go; the input's come back where they belong.
    const outChildren = childrenOf(outXml);
    const removals = outChildren
      .filter((c) => ALWAYS_INPUT.includes(c.local) || (INPUT_WINS.has(c.local) && has(c.local)))
      .map((c) => ({ start: c.start, end: c.end, text: "" }));
    outXml = splice(outXml, removals);
    const fragments = inChildren
      .filter((c) => !EXCELJS_SHEET_CHILDREN.has(c.local))
      .map((c) => ({ local: c.local, xml: remap(c.xml) }));
    outXml = insertChildren(outXml, fragments, WORKSHEET_ORDER);

    // Attributes ExcelJS drops from elements it writes: the printer settings link, the code name.
    const inSetup = inChildren.find((c) => c.local === "pageSetup");
    const setupId = inSetup && /\s([\w.-]+):id\s*=\s*"([^"]*)"/.exec(inSetup.xml);
    if (setupId && ids.has(setupId[2])) {
      const setup = childrenOf(outXml).find((c) => c.local === "pageSetup");
      if (setup) {
        const tag = /^<[^>]*>/.exec(setup.xml)?.[0] ?? "";
        const patched = setAttribute(tag, "r:id", ids.get(setupId[2]) as string);
        outXml = splice(outXml, [
          { start: setup.start, end: setup.start + tag.length, text: patched },
        ]);
      }
    }
    const inPr = inChildren.find((c) => c.local === "sheetPr");
    if (inPr) {
      const outPr = childrenOf(outXml).find((c) => c.local === "sheetPr");
      if (!outPr)
        outXml = insertChildren(outXml, [{ local: "sheetPr", xml: inPr.xml }], WORKSHEET_ORDER);
      else {
        const tag = /^<[^>]*>/.exec(outPr.xml)?.[0] ?? "";
        const have = attributesOf(tag);
        let patched = tag;
        for (const [k, v] of Object.entries(attributesOf(/^<[^>]*>/.exec(inPr.xml)?.[0] ?? "")))
          if (!(k in have) && !k.startsWith("xmlns")) patched = setAttribute(patched, k, v);
        if (patched !== tag)
          outXml = splice(outXml, [
            { start: outPr.start, end: outPr.start + tag.length, text: patched },
          ]);
      }
    }
    outXml = this.mergeExtensions(outXml, inChildren, remap, WORKSHEET_ORDER);
    outXml = restoreCellMetadata(inXml, outXml);
    outXml = declarePrefixes(
      outXml,
      fragments
        .map((f) => f.xml)
        .concat(inChildren.filter((c) => c.local === "extLst").map((c) => c.xml)),
      declarations(rootOf(inXml)?.tag ?? "")
    );
    this.out.set(outPart, outXml);
  }

  /** Adds the input's `<ext>` entries (by uri) that the output's `<extLst>` lacks. */
  private mergeExtensions(
    outXml: string,
    inChildren: Child[],
    remap: (xml: string) => string,
    order: readonly string[]
  ): string {
    const inList = inChildren.find((c) => c.local === "extLst");
    if (!inList) return outXml;
    const exts = (xml: string): { uri: string; xml: string }[] =>
      [...xml.matchAll(/<(?:[\w.-]+:)?ext\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?ext>)/g)].map(
        (m) => ({
          uri: attributesOf(/^<[^>]*>/.exec(m[0])?.[0] ?? "").uri ?? "",
          xml: m[0],
        })
      );
    const outList = childrenOf(outXml).find((c) => c.local === "extLst");
    const have = new Set(outList ? exts(outList.xml).map((e) => e.uri.toUpperCase()) : []);
    // Lifted extensions (x14 data validations) were read by ExcelJS: its output holds them.
    const missing = exts(inList.xml).filter(
      (e) => !have.has(e.uri.toUpperCase()) && !LIFTED_EXTENSIONS.has(e.uri.toUpperCase())
    );
    if (missing.length === 0) return outXml;
    const added = missing.map((e) => remap(e.xml)).join("");
    if (!outList)
      return insertChildren(outXml, [{ local: "extLst", xml: `<extLst>${added}</extLst>` }], order);
    const close = outList.xml.lastIndexOf("</");
    const at = outList.start + close;
    return splice(outXml, [{ start: at, end: at, text: added }]);
  }

  /** Tables keep their input XML: only the range, the filter range and new columns change. */
  private mergeTables(inSheets: SheetEntry[], outSheets: SheetEntry[]): void {
    const tables = (
      pkg: OpcPackage,
      sheets: SheetEntry[]
    ): { name: string; part: string; xml: string }[] =>
      sheets.flatMap((s) =>
        s.part
          ? pkg
              .rels(s.part)
              .filter((r) => relKind(r.type) === "table")
              .flatMap((r) => {
                const part = pkg.target(s.part as string, r);
                const xml = part ? canonical(pkg.text(part) ?? "", "table") : "";
                const name = attributesOf(rootOf(xml)?.tag ?? "").name;
                return part && name ? [{ name, part, xml }] : [];
              })
          : []
      );
    const inTables = tables(this.original, inSheets);
    const outTables = tables(this.out, outSheets);
    let maxId = Math.max(
      0,
      ...inTables.map((t) => Number(attributesOf(rootOf(t.xml)?.tag ?? "").id) || 0)
    );
    for (const table of outTables) {
      const input = inTables.find((t) => sameName(t.name, table.name));
      if (!input) {
        const root = rootOf(table.xml);
        if (root)
          this.out.set(
            table.part,
            table.xml.slice(0, root.start) +
              setAttribute(root.tag, "id", String(++maxId)) +
              table.xml.slice(root.end)
          );
        continue;
      }
      this.out.set(table.part, patchTable(input.xml, table.xml));
      if (this.original.rels(input.part).length)
        this.carryRels(
          input.part,
          table.part,
          () => true,
          () => true
        );
    }
  }

  private mergeWorkbook(
    inPart: string,
    outPart: string,
    inXml: string,
    outXml: string,
    inSheets: SheetEntry[],
    outSheets: SheetEntry[]
  ): void {
    const keepMacros = MACRO_FILE.test(this.options.out);
    const ids = this.carryRels(
      inPart,
      outPart,
      () => true,
      (r) => {
        const kind = relKind(r.type);
        return !MODELED_WORKBOOK_RELS.has(kind) && (kind !== "vbaProject" || keepMacros);
      }
    );
    if (keepMacros && this.original.rels(inPart).some((r) => relKind(r.type) === "vbaProject")) {
      const type = this.original.contentType(inPart);
      if (type) this.out.setContentType(outPart, type);
    }

    // The sheet list: ExcelJS's, with chart sheets (and other sheets it cannot load) where they were.
    const finalSheets: { name: string; xml: string }[] = outSheets.map((s) => ({
      name: s.name,
      xml: s.xml,
    }));
    const usedSheetIds = new Set(outSheets.map((s) => attributesOf(s.xml).sheetId));
    let nextSheetId = Math.max(0, ...[...usedSheetIds].map(Number).filter(Number.isFinite));
    inSheets.forEach((sheet, i) => {
      if (!sheet.rel || sheet.kind === "worksheet" || !ids.has(sheet.rel.id)) return;
      let xml = sheet.xml.replace(/\s[\w.-]+:id\s*=\s*"[^"]*"/, ` r:id="${ids.get(sheet.rel.id)}"`);
      if (usedSheetIds.has(attributesOf(xml).sheetId))
        xml = setAttribute(xml, "sheetId", String(++nextSheetId));
      const before = inSheets
        .slice(0, i)
        .reverse()
        .find((s) => finalSheets.some((f) => sameName(f.name, s.name)));
      const at = before ? finalSheets.findIndex((f) => sameName(f.name, before.name)) + 1 : 0;
      finalSheets.splice(at, 0, { name: sheet.name, xml });
    });
    const position = (name: string): number => finalSheets.findIndex((s) => sameName(s.name, name));

    // Names: the input's as written (scopes moved with their sheets), ours as ExcelJS now has them.
    const inChildren = childrenOf(inXml);
    const outChildren = childrenOf(outXml);
    const inNames = nameElements(inChildren.find((c) => c.local === "definedNames"));
    const outNames = nameElements(outChildren.find((c) => c.local === "definedNames"));
    const owned = new Set(this.options.ownedNames.map((n) => n.toLowerCase()));
    const scope = (localSheetId: number | null, sheets: { name: string }[]): string | null =>
      localSheetId === null ? null : (sheets[localSheetId]?.name ?? null);
    const rescope = (n: NameElement, sheets: { name: string }[]): string => {
      const sheet = scope(n.localSheetId, sheets);
      if (sheet === null) return n.xml;
      const at = position(sheet);
      return at < 0 ? n.xml : n.xml.replace(/(\slocalSheetId\s*=\s*)(["'])\d+\2/, `$1"${at}"`);
    };
    const names: string[] = [];
    for (const n of inNames) {
      const ours = n.localSheetId === null && owned.has(n.name.toLowerCase());
      const written = ours
        ? outNames.find((o) => o.localSheetId === null && sameName(o.name, n.name))
        : undefined;
      if (written && written.text !== n.text)
        names.push(n.xml.replace(`>${n.text}<`, `>${written.text}<`));
      else names.push(rescope(n, inSheets));
    }
    for (const n of outNames) {
      const builtIn = n.name.startsWith("_xlnm.");
      const sheet = scope(n.localSheetId, outSheets);
      const known = inNames.some(
        (i) =>
          sameName(i.name, n.name) &&
          (!builtIn || (sheet !== null && sameName(scope(i.localSheetId, inSheets) ?? "", sheet)))
      );
      if (!known) names.push(rescope(n, outSheets));
    }

    // The input's workbook part with the new sheet list and names, relationship ids renumbered.
    const relPrefixes = [...declarations(rootOf(inXml)?.tag ?? "")]
      .filter(([, uri]) => uri === REL)
      .map(([p]) => p);
    const edits: { start: number; end: number; text: string }[] = [];
    const sheetsXml = `<sheets>${finalSheets.map((s) => s.xml).join("")}</sheets>`;
    const namesXml = names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
    const inserts: { local: string; xml: string }[] = [];
    for (const c of inChildren) {
      let text: string;
      if (c.local === "sheets") text = sheetsXml;
      else if (c.local === "definedNames") text = namesXml;
      else if (c.local === "calcPr")
        text = setAttribute(c.xml.replace(/\/?>[\s\S]*$/, "/>"), "fullCalcOnLoad", "1");
      else if (c.local === "bookViews") text = rescopeViews(c.xml, inSheets, position);
      else text = remapRelIds(c.xml, ids, relPrefixes.length ? relPrefixes : ["r"]);
      if (text !== c.xml) edits.push({ start: c.start, end: c.end, text });
    }
    let xml = splice(inXml, edits);
    if (!inChildren.some((c) => c.local === "definedNames") && namesXml)
      inserts.push({ local: "definedNames", xml: namesXml });
    for (const local of ["bookViews", "calcPr"])
      if (!inChildren.some((c) => c.local === local)) {
        const fromOut = outChildren.find((c) => c.local === local);
        if (fromOut) inserts.push({ local, xml: fromOut.xml });
      }
    xml = insertChildren(xml, inserts, WORKBOOK_ORDER);
    xml = declarePrefixes(xml, [sheetsXml], new Map([["r", REL]]));
    this.out.set(outPart, xml);
    for (const c of inChildren)
      if (
        ["workbookProtection", "fileSharing", "pivotCaches", "externalReferences"].includes(c.local)
      )
        this.kept.push(c.local);
  }

  /** Custom palettes and custom table styles (with the formats they use) from the input's styles. */
  private mergeStyles(): void {
    const find = (pkg: OpcPackage): string | null => {
      const wb = pkg.workbookPart();
      const rel = wb ? pkg.rels(wb).find((r) => r.type === REL_TYPES.styles) : undefined;
      return wb && rel ? pkg.target(wb, rel) : null;
    };
    const inPart = find(this.original);
    const outPart = find(this.out);
    if (!inPart || !outPart) return;
    const inXml = canonical(this.original.text(inPart) ?? "", "styleSheet");
    let outXml = this.out.text(outPart) ?? "";
    const inChildren = childrenOf(inXml);
    const colors = inChildren.find((c) => c.local === "colors");
    if (colors && !childrenOf(outXml).some((c) => c.local === "colors"))
      outXml = insertChildren(outXml, [{ local: "colors", xml: colors.xml }], STYLES_ORDER);
    const tableStyles = inChildren.find((c) => c.local === "tableStyles");
    if (tableStyles && /<(?:[\w.-]+:)?tableStyle\b/.test(tableStyles.xml)) {
      const dxfList = (xml: string | undefined): string[] =>
        xml
          ? [
              ...xml.matchAll(/<(?:[\w.-]+:)?dxf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?dxf>)/g),
            ].map((m) => m[0])
          : [];
      const inDxfs = dxfList(inChildren.find((c) => c.local === "dxfs")?.xml);
      const outDxfsChild = childrenOf(outXml).find((c) => c.local === "dxfs");
      const outDxfs = dxfList(outDxfsChild?.xml);
      const moved = new Map<string, number>();
      const styles = tableStyles.xml.replace(
        /(\sdxfId\s*=\s*)(["'])(\d+)\2/g,
        (whole, lead: string, _q: string, id: string) => {
          const dxf = inDxfs[Number(id)];
          if (dxf === undefined) return whole;
          if (!moved.has(id)) moved.set(id, outDxfs.push(dxf) - 1);
          return `${lead}"${moved.get(id)}"`;
        }
      );
      const dxfsXml = `<dxfs count="${outDxfs.length}">${outDxfs.join("")}</dxfs>`;
      outXml = outDxfsChild
        ? splice(outXml, [{ start: outDxfsChild.start, end: outDxfsChild.end, text: dxfsXml }])
        : insertChildren(outXml, [{ local: "dxfs", xml: dxfsXml }], STYLES_ORDER);
      const outStyles = childrenOf(outXml).find((c) => c.local === "tableStyles");
      outXml = outStyles
        ? splice(outXml, [{ start: outStyles.start, end: outStyles.end, text: styles }])
        : insertChildren(outXml, [{ local: "tableStyles", xml: styles }], STYLES_ORDER);
      this.kept.push("custom table styles");
    }
    this.out.set(outPart, outXml);
  }
}

/** bookViews' activeTab and firstSheet follow their sheets to where they are now. */
function rescopeViews(
  xml: string,
  sheets: SheetEntry[],
  position: (name: string) => number
): string {
  return xml.replace(
    /(\s(?:activeTab|firstSheet)\s*=\s*)(["'])(\d+)\2/g,
    (whole, lead: string, _q: string, n: string) => {
      const sheet = sheets[Number(n)];
      const at = sheet ? position(sheet.name) : -1;
      return at < 0 ? whole : `${lead}"${at}"`;
    }
  );
}

/** A table's input XML with the output's range, filter range and columns. */
function patchTable(input: string, output: string): string {
  const inRoot = rootOf(input);
  const outRoot = rootOf(output);
  if (!inRoot || !outRoot) return output;
  const outAttrs = attributesOf(outRoot.tag);
  const xml =
    input.slice(0, inRoot.start) +
    setAttribute(inRoot.tag, "ref", outAttrs.ref ?? "") +
    input.slice(inRoot.end);
  const children = childrenOf(xml);
  const outChildren = childrenOf(output);
  const edits: { start: number; end: number; text: string }[] = [];
  const filter = children.find((c) => c.local === "autoFilter");
  const outFilter = outChildren.find((c) => c.local === "autoFilter");
  const filterRef = outFilter ? attributesOf(outFilter.xml).ref : undefined;
  if (filter && filterRef) {
    const tag = /^<[^>]*>/.exec(filter.xml)?.[0] ?? "";
    edits.push({
      start: filter.start,
      end: filter.start + tag.length,
      text: setAttribute(tag, "ref", filterRef),
    });
  }
  const columns = children.find((c) => c.local === "tableColumns");
  const outColumns = outChildren.find((c) => c.local === "tableColumns");
  if (columns && outColumns) {
    const list = (x: string): { name: string; id: number; xml: string }[] =>
      [
        ...x.matchAll(
          /<(?:[\w.-]+:)?tableColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?tableColumn>)/g
        ),
      ].map((m) => {
        const a = attributesOf(/^<[^>]*>/.exec(m[0])?.[0] ?? "");
        return { name: a.name ?? "", id: Number(a.id) || 0, xml: m[0] };
      });
    const inList = list(columns.xml);
    const outList = list(outColumns.xml);
    const same =
      inList.length === outList.length && inList.every((c, i) => sameName(c.name, outList[i].name));
    if (!same) {
      let next = Math.max(0, ...inList.map((c) => c.id));
      const rows = outList.map((o) => {
        const kept = inList.find((c) => sameName(c.name, o.name));
        return kept ? kept.xml : setAttribute(o.xml, "id", String(++next));
      });
      const tag = /^<[^>]*>/.exec(columns.xml)?.[0] ?? "<tableColumns>";
      edits.push({
        start: columns.start,
        end: columns.end,
        text: `${setAttribute(tag.replace(/\/>$/, ">"), "count", String(rows.length))}${rows.join("")}</${columns.name}>`,
      });
    }
  }
  // A table style the input lacks (LibreOffice writes none) comes from the output: ours again.
  const outStyle = outChildren.find((c) => c.local === "tableStyleInfo");
  if (outStyle && !children.some((c) => c.local === "tableStyleInfo")) {
    const after = children.find((c) => c.local === "extLst");
    const at = after ? after.start : xml.lastIndexOf(`</${rootOf(xml)?.name ?? "table"}>`);
    edits.push({ start: at, end: at, text: outStyle.xml });
  }
  return splice(xml, edits);
}

/** Cell metadata ExcelJS drops (`cm`: dynamic arrays; `vm`: images in cells, data types). */
function restoreCellMetadata(inXml: string, outXml: string): string {
  if (!/<(?:[\w.-]+:)?c\b[^>]*\s(?:cm|vm)\s*=/.test(inXml)) return outXml;
  const wanted = new Map<string, Record<string, string>>();
  for (const m of inXml.matchAll(/<(?:[\w.-]+:)?c\b[^>]*>/g)) {
    if (!/\s(?:cm|vm)\s*=/.test(m[0])) continue;
    const a = attributesOf(m[0]);
    const keep: Record<string, string> = {};
    if (a.cm !== undefined) keep.cm = a.cm;
    if (a.vm !== undefined) keep.vm = a.vm;
    if (a.r) wanted.set(a.r.toUpperCase(), keep);
  }
  return outXml.replace(/<c\b[^>]*>/g, (tag) => {
    const r = /\sr="([^"]*)"/.exec(tag)?.[1];
    const keep = r ? wanted.get(r.toUpperCase()) : undefined;
    if (!keep) return tag;
    let patched = tag;
    for (const [k, v] of Object.entries(keep)) patched = setAttribute(patched, k, v);
    return patched;
  });
}

/**
 * Carries what ExcelJS dropped from `original` (the input package) into `written` (ExcelJS's
 * output) and returns the bytes to save, and a line per kind of thing carried.
 */
export async function carryOver(
  original: OpcPackage,
  written: Buffer,
  options: CarryOptions
): Promise<{ bytes: Buffer; kept: string[] }> {
  const out = OpcPackage.readOwn(written);
  const pass = new CarryOver(original, out, options);
  pass.run();
  if (!out.has(CONTENT_TYPES)) return { bytes: written, kept: [] };
  options.finish?.(out);
  return { bytes: await out.write(), kept: pass.kept };
}
