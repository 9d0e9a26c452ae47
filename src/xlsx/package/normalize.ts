// The package-level pre-pass every .xlsx goes through before ExcelJS sees it: the size limits
// (./limits), then the package rewritten into the layout ExcelJS reads without throwing or
// dropping content. What it fixes, and who writes it that way:
// - part names and relationship targets (openpyxl: absolute targets `/xl/tables/table1.xml`,
//   ExcelJS #1468; comments in `xl/comments/comment1.xml`, legacy drawings in
//   `xl/drawings/commentsDrawing1.vml`): parts renamed to ExcelJS's names, targets made relative;
// - namespace prefixes ExcelJS matches literally (openpyxl drawings, `<x:worksheet>`): ./namespaces;
// - whole-column validation and conditional-format ranges: clipped to the used extent;
// - data validations in an x14 extension (Excel, for rules referring to other sheets): made plain
//   ones (./x14Validations);
// - `_xHHHH_` escapes in text: kept in their stored form (./xstring);
// - UTF-16 parts: re-encoded as UTF-8;
// - formulas inside table columns (Excel's and our calculated columns): dropped for ExcelJS only.
// A package that needs none of this is returned byte for byte.
import JSZip from "jszip";
import { WorkbookReadError } from "../../core/errors";
import {
  MAX_CELLS,
  MAX_FILE_BYTES,
  MAX_SHEET_ROWS,
  fileTooLarge,
  tooManyCells,
  tooManyRows,
} from "./limits";
import {
  DRAWING_PLAN,
  RELS_PLAN,
  canonicalizePrefixes,
  hasExpectedPrefixes,
  spreadsheetPlan,
  type PrefixPlan,
} from "./namespaces";
import {
  REL_TYPES,
  RELATIONSHIP_TAG,
  attributesOf,
  encodeAttribute,
  parseRelationships,
  relativeTarget,
  relsPartOf,
  resolveTarget,
  type Relationship,
} from "./relationships";
import { SheetScanner } from "./sheetScan";
import { clipRangedRules, coverRef, mergedRefs, sheetFrameOf, type UsedExtent } from "./sheetXml";
import { liftX14Validations } from "./x14Validations";
import { preEscapeTextElements } from "./xstring";
import { ZipArchive } from "./zipArchive";

/** The result of the pre-pass: the bytes to give ExcelJS and what was changed, for messages. */
export interface NormalizedPackage {
  bytes: Buffer;
  /** One line per kind of change made ("renamed xl/comments/comment1.xml → xl/comments1.xml"). */
  changes: string[];
  /**
   * The input's parts as inflated, before any rewrite, in archive order: build --from carries
   * parts over from the input package without inflating it a second time.
   */
  inputParts: [string, Buffer][];
}

/** The pre-passed package without repacking it: for readers that parse the XML themselves. */
export interface NormalizedParts {
  /** Part names (no leading slash) in archive order, after renaming. */
  names: string[];
  /** A part's XML as text (UTF-8 or UTF-16 decoded), or null when there is no such part. */
  text(name: string): string | null;
  /** The XML as text when the pre-pass rewrote it, else its UTF-8 bytes (may start with a BOM). */
  source(name: string): string | Buffer | null;
  /** Lets go of a part once it has been read; `text` then returns null for it. */
  drop(name: string): void;
}

/** Where ExcelJS looks for each kind of part (it matches entry names, not relationships). */
const EXPECTED_NAME: Record<string, { pattern: RegExp; make: (n: number) => string }> = {
  [REL_TYPES.worksheet]: {
    pattern: /^xl\/worksheets\/sheet\d+\.xml$/,
    make: (n) => `xl/worksheets/sheet${n}.xml`,
  },
  [REL_TYPES.sharedStrings]: {
    pattern: /^xl\/sharedStrings\.xml$/,
    make: () => "xl/sharedStrings.xml",
  },
  [REL_TYPES.styles]: { pattern: /^xl\/styles\.xml$/, make: () => "xl/styles.xml" },
  [REL_TYPES.theme]: {
    pattern: /^xl\/theme\/[a-zA-Z0-9]+\.xml$/,
    make: (n) => `xl/theme/theme${n}.xml`,
  },
  [REL_TYPES.table]: {
    pattern: /^xl\/tables\/table\d+\.xml$/,
    make: (n) => `xl/tables/table${n}.xml`,
  },
  [REL_TYPES.comments]: { pattern: /^xl\/comments\d+\.xml$/, make: (n) => `xl/comments${n}.xml` },
  [REL_TYPES.vmlDrawing]: {
    pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    make: (n) => `xl/drawings/vmlDrawing${n}.vml`,
  },
  [REL_TYPES.drawing]: {
    pattern: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/,
    make: (n) => `xl/drawings/drawing${n}.xml`,
  },
  [REL_TYPES.coreProperties]: { pattern: /^docProps\/core\.xml$/, make: () => "docProps/core.xml" },
  [REL_TYPES.extendedProperties]: {
    pattern: /^docProps\/app\.xml$/,
    make: () => "docProps/app.xml",
  },
};
const WORKBOOK = "xl/workbook.xml";
/** A calculated-column or totals-row formula of a table column (any prefix, empty or not). */
const TABLE_COLUMN_FORMULA =
  /<((?:[A-Za-z_][\w.-]*:)?)(calculatedColumnFormula|totalsRowFormula)\b[^>]*?(?:\/>|>[^<]*<\/\1\2\s*>)/g;
/** The entry names ExcelJS parses as worksheets (its own, unanchored pattern). */
const EXCELJS_WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** Images: ExcelJS keeps `xl/media/<letters and digits>.<3-4 letter extension>` only. */
const MEDIA = /^xl\/media\/[a-zA-Z0-9]+\.[a-zA-Z0-9]{3,4}$/;

/** Relationship types whose target ExcelJS dereferences without checking that it exists. */
const REQUIRED_TARGETS = new Set<string>([REL_TYPES.table, REL_TYPES.comments, REL_TYPES.drawing]);

/** The prefix plan and `<t>` handling for each kind of XML part ExcelJS parses. */
const PART_KINDS: Record<string, { plan: PrefixPlan; text?: "all" | "runs" }> = {
  [REL_TYPES.officeDocument]: { plan: spreadsheetPlan("workbook") },
  [REL_TYPES.worksheet]: { plan: spreadsheetPlan("worksheet"), text: "runs" },
  [REL_TYPES.sharedStrings]: { plan: spreadsheetPlan("sst"), text: "all" },
  [REL_TYPES.styles]: { plan: spreadsheetPlan("styleSheet") },
  [REL_TYPES.table]: { plan: spreadsheetPlan("table") },
  [REL_TYPES.comments]: { plan: spreadsheetPlan("comments"), text: "all" },
  [REL_TYPES.drawing]: { plan: DRAWING_PLAN },
};

interface Edge {
  source: string;
  rel: Relationship;
  /** The zip entry the target names, if there is one. */
  target: string | null;
}

function decodeXml(bytes: Buffer): { text: string; recoded: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = bytes
      .toString("utf16le", 2)
      .replace(/(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, "$1UTF-8$2");
    return { text, recoded: true };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.toString("utf8", 3), recoded: false };
  return { text: bytes.toString("utf8"), recoded: false };
}

class PackageNormalizer {
  private readonly data = new Map<string, Buffer>();
  private readonly texts = new Map<string, string>();
  private readonly edited = new Set<string>();
  private readonly renames = new Map<string, string>();
  private readonly changes = new Set<string>();
  private readonly byLowerName = new Map<string, string>();
  private readonly edges: Edge[] = [];
  /** Relationship type through which each part is reached (first one wins). */
  private readonly kinds = new Map<string, string>();
  private cells = 0;
  /** What scanning found in each worksheet part while it was inflated. */
  private readonly extents = new Map<string, SheetScanner>();

  constructor(
    private readonly archive: ZipArchive,
    private readonly label: string
  ) {
    // Some writers put a leading "/" on entry names; ExcelJS strips it, and so do lookups here.
    for (const name of archive.names)
      this.byLowerName.set(name.replace(/^\/+/, "").toLowerCase(), name);
  }

  /** The zip entry a part name refers to (part names are case-insensitive in OPC). */
  private entry(name: string): string | null {
    if (this.archive.has(name)) return name;
    return this.byLowerName.get(name.toLowerCase()) ?? null;
  }

  private text(name: string): string {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const { text, recoded } = decodeXml(this.data.get(name) as Buffer);
    this.texts.set(name, text);
    if (recoded) this.edit(name, text, `re-encoded ${name} from UTF-16 to UTF-8`);
    return text;
  }

  private edit(name: string, text: string, change: string): void {
    this.texts.set(name, text);
    this.edited.add(name);
    this.changes.add(change);
  }

  /** Checks and rewrites the package; returns the list of changes made. */
  async run(): Promise<string[]> {
    // 1. Structure first (relationships, content types), so sheets are known before inflating them.
    for (const name of this.archive.names)
      if (name.endsWith(".rels") || name === "[Content_Types].xml")
        this.data.set(name, await this.archive.inflate(name));
    const packageRels = this.entry("_rels/.rels");
    const officeRel = packageRels
      ? parseRelationships(this.text(packageRels)).find((r) => r.type === REL_TYPES.officeDocument)
      : undefined;
    const workbook = officeRel
      ? this.entry(resolveTarget("", officeRel.target))
      : this.entry(WORKBOOK);
    if (!workbook)
      throw new WorkbookReadError(
        `${this.label} is not an Excel workbook: it is a zip archive without a workbook part (xl/workbook.xml)`,
        'Open it in the program that made it and save it as "Excel Workbook (.xlsx)", or export it as CSV.'
      );
    this.kinds.set(workbook, REL_TYPES.officeDocument);
    this.data.set(workbook, await this.archive.inflate(workbook));

    // 2. Sheets by name, then every other part, worksheets scanned against the limits as they inflate.
    const sheetNames = this.sheetNames(workbook);
    for (const name of this.archive.names) {
      if (this.data.has(name)) continue;
      // ExcelJS parses every entry that looks like a worksheet, listed in the workbook or not.
      const sheet = sheetNames.get(name) ?? (EXCELJS_WORKSHEET.test(name) ? name : undefined);
      const visit = sheet === undefined ? undefined : this.scanner(name, sheet);
      this.data.set(name, await this.archive.inflate(name, visit));
    }

    // 3. The relationship graph, part names ExcelJS can find, targets it can look up.
    this.walk(packageRels ? "" : null, workbook);
    this.planRenames(workbook);
    this.rewriteRelationships();
    this.renameContentTypes();

    // 4. The XML of each part ExcelJS parses.
    for (const [part, kind] of this.kinds) {
      const spec = PART_KINDS[kind];
      if (!spec || !this.data.has(part)) continue;
      if (kind === REL_TYPES.worksheet && this.worksheetAsItIs(part, spec.plan)) continue;
      this.normalizePrefixes(part, spec.plan);
      if (kind === REL_TYPES.worksheet) {
        this.liftValidations(part);
        this.clipRanges(part);
      }
      if (kind === REL_TYPES.comments) this.wrapCommentText(part);
      if (kind === REL_TYPES.table) this.dropColumnFormulas(part);
      if (spec.text && this.mayHold(part, "_x")) {
        const before = this.text(part);
        const after = preEscapeTextElements(before, spec.text);
        if (after !== before) this.edit(part, after, `kept _xHHHH_ escapes in ${part} as stored`);
      }
      // A part left as it was is read from its bytes: its text (a sheet's may be 100 MB) goes now.
      if (!this.edited.has(part)) this.texts.delete(part);
    }
    for (const name of this.archive.names)
      if (name.endsWith(".rels") && this.data.has(name)) this.normalizePrefixes(name, RELS_PLAN);

    return [...this.changes];
  }

  /** Worksheet part → sheet name, from the workbook's `<sheet>` elements and relationships. */
  private sheetNames(workbook: string): Map<string, string> {
    const out = new Map<string, string>();
    const relsName = this.entry(relsPartOf(workbook));
    if (!relsName) return out;
    const rels = new Map(parseRelationships(this.text(relsName)).map((r) => [r.id, r]));
    for (const tag of this.text(workbook).match(/<(?:[A-Za-z_][\w.-]*:)?sheet(?=[\s/>])[^>]*>/g) ??
      []) {
      const a = attributesOf(tag);
      const idKey = Object.keys(a).find((k) => /:id$/.test(k));
      const rel = idKey ? rels.get(a[idKey]) : undefined;
      if (!rel || rel.external) continue;
      const part = this.entry(resolveTarget(workbook, rel.target));
      if (part) out.set(part, a.name ?? part);
    }
    return out;
  }

  private scanner(part: string, sheet: string): (chunk: Buffer) => void {
    const scanner = new SheetScanner(
      (rows) => {
        if (rows > MAX_SHEET_ROWS) throw tooManyRows(this.label, sheet, part);
      },
      () => {
        if (++this.cells > MAX_CELLS) throw tooManyCells(this.label, sheet, part);
      }
    );
    this.extents.set(part, scanner);
    return (chunk) => scanner.feed(chunk);
  }

  /** Follows relationships from the package (or the workbook) and records every internal edge. */
  private walk(root: string | null, workbook: string): void {
    const queue: string[] = root === null ? [workbook] : [root];
    const seen = new Set<string>(queue);
    while (queue.length > 0) {
      const source = queue.shift() as string;
      const relsName = this.entry(relsPartOf(source));
      if (!relsName) continue;
      for (const rel of parseRelationships(this.text(relsName))) {
        if (rel.external) continue;
        const target = this.entry(resolveTarget(source, rel.target));
        this.edges.push({ source, rel, target });
        if (!target) {
          if (REQUIRED_TARGETS.has(rel.type))
            throw new WorkbookReadError(
              `${this.label} is damaged: ${source} refers to ${rel.target}, which is not in the file`,
              "Open the file in Excel (it offers to repair it) and save it again as .xlsx."
            );
          continue;
        }
        if (!this.kinds.has(target)) this.kinds.set(target, rel.type);
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
  }

  /** Gives every part ExcelJS finds by name the name it looks for, moving its rels along. */
  private planRenames(workbook: string): void {
    const taken = new Set(this.archive.names.map((n) => n.toLowerCase()));
    const rename = (from: string, to: string): void => {
      this.renames.set(from, to);
      taken.add(to.toLowerCase());
      this.changes.add(`renamed ${from} → ${to}`);
    };
    if (workbook !== WORKBOOK && !taken.has(WORKBOOK.toLowerCase())) rename(workbook, WORKBOOK);
    for (const [part, type] of this.kinds) {
      const expected = EXPECTED_NAME[type];
      if (expected && !expected.pattern.test(part)) {
        // Numbered names take the first free number; a fixed name is used only when free.
        let n = 1;
        while (
          taken.has(expected.make(n).toLowerCase()) &&
          expected.make(n) !== expected.make(n + 1)
        )
          n++;
        if (!taken.has(expected.make(n).toLowerCase())) rename(part, expected.make(n));
      } else if (type === REL_TYPES.image && !MEDIA.test(part)) {
        const ext = /\.([a-zA-Z0-9]{3,4})$/.exec(part)?.[1] ?? "bin";
        let n = 1;
        while (taken.has(`xl/media/image${n}.${ext}`.toLowerCase())) n++;
        rename(part, `xl/media/image${n}.${ext}`);
      }
    }
    // A part's relationships move with it.
    for (const [from, to] of [...this.renames]) {
      const rels = this.entry(relsPartOf(from));
      if (rels) this.renames.set(rels, relsPartOf(to));
    }
  }

  private newName(part: string): string {
    return this.renames.get(part) ?? part;
  }

  /** Rewrites each internal target to the relative path from the (renamed) source. */
  private rewriteRelationships(): void {
    const bySource = new Map<string, Map<string, string>>();
    for (const edge of this.edges) {
      if (!edge.target) continue;
      const wanted = relativeTarget(this.newName(edge.source), this.newName(edge.target));
      if (wanted === edge.rel.target) continue;
      const map = bySource.get(edge.source) ?? new Map<string, string>();
      map.set(edge.rel.id, wanted);
      bySource.set(edge.source, map);
    }
    for (const [source, targets] of bySource) {
      const relsName = this.entry(relsPartOf(source)) as string;
      const xml = this.text(relsName).replace(RELATIONSHIP_TAG, (tag) => {
        const a = attributesOf(tag);
        const wanted = a.Id !== undefined ? targets.get(a.Id) : undefined;
        if (wanted === undefined) return tag;
        return tag.replace(/(\sTarget\s*=\s*)(["'])[^"']*\2/, `$1"${encodeAttribute(wanted)}"`);
      });
      this.edit(relsName, xml, `made relationship targets in ${relsName} relative`);
    }
  }

  private renameContentTypes(): void {
    const name = "[Content_Types].xml";
    if (this.renames.size === 0 || !this.data.has(name)) return;
    const lower = new Map(
      [...this.renames].map(([from, to]) => [`/${from}`.toLowerCase(), `/${to}`])
    );
    const xml = this.text(name).replace(
      /(\sPartName\s*=\s*)(["'])([^"']*)\2/g,
      (whole, lead: string, q: string, part: string) => {
        const to = lower.get(part.toLowerCase());
        return to ? `${lead}${q}${encodeAttribute(to)}${q}` : whole;
      }
    );
    if (xml !== this.text(name))
      this.edit(name, xml, "updated [Content_Types].xml for renamed parts");
  }

  private normalizePrefixes(part: string, plan: PrefixPlan): void {
    const xml = this.text(part);
    if (hasExpectedPrefixes(xml, plan)) return;
    let rewritten: string;
    try {
      rewritten = canonicalizePrefixes(xml, plan);
    } catch (error) {
      throw new WorkbookReadError(
        `${this.label} could not be read as an .xlsx workbook: part ${part} is not well-formed XML (${(error as Error).message})`,
        "The file may be damaged. Open it in Excel and save it again as .xlsx."
      );
    }
    this.edit(part, rewritten, `rewrote namespace prefixes in ${part}`);
  }

  /**
   * Wraps a comment's plain text (`<text><t>…</t></text>`, as openpyxl writes it) in a run:
   * ExcelJS reads comment text from runs (`<r><t>`) only and would show the comment empty.
   */
  private wrapCommentText(part: string): void {
    const xml = this.text(part);
    const wrapped = xml.replace(
      /(<text(?:\s[^>]*)?>\s*)(<t(?:\s[^>]*)?>[^<]*<\/t>|<t(?:\s[^>]*)?\/>)/g,
      "$1<r>$2</r>"
    );
    if (wrapped !== xml) this.edit(part, wrapped, `put the plain comment text in ${part} in runs`);
  }

  /**
   * Drops the formulas inside `<tableColumn>` (calculated-column and totals-row formulas, as Excel
   * and our own files write them): ExcelJS ends a column at the first closing tag inside it, so
   * every later column is lost and reading throws. ExcelJS models neither formula; the cells keep
   * theirs, and writing from an existing file takes its table XML from the input (../carry).
   */
  private dropColumnFormulas(part: string): void {
    const xml = this.text(part);
    const dropped = xml.replace(TABLE_COLUMN_FORMULA, "");
    if (dropped !== xml)
      this.edit(part, dropped, `read ${part} without its column formulas, which ExcelJS misreads`);
  }

  /**
   * False when the part's text cannot contain `ascii`, told from its UTF-8 bytes without decoding
   * them (an ASCII string is in the bytes exactly where it is in the text).
   */
  private mayHold(part: string, ascii: string): boolean {
    const data = this.data.get(part);
    if (this.edited.has(part) || !data || (data[0] === 0xff && data[1] === 0xfe)) return true;
    // Searched from its last three characters, which are rarer in XML than its first.
    const lead = Math.max(0, ascii.length - 3);
    const tail = ascii.slice(lead);
    for (
      let at = data.indexOf(tail, lead, "latin1");
      at >= 0;
      at = data.indexOf(tail, at + 1, "latin1")
    )
      if (data.toString("latin1", at - lead, at) === ascii.slice(0, lead)) return true;
    return false;
  }

  /** Data validations Excel keeps as an x14 extension become plain ones ExcelJS reads. */
  private liftValidations(part: string): void {
    // The extension's uri, in any case, holds "557-97" (digits are the same in every case).
    if (!this.mayHold(part, "557-97")) return;
    const xml = this.text(part);
    const lifted = liftX14Validations(xml);
    if (lifted !== xml) this.edit(part, lifted, `read the x14 data validations of ${part}`);
  }

  /** Clips validation and conditional-format ranges to the cells, tables and merges that exist. */
  private clipRanges(part: string): void {
    const xml = this.text(part);
    const clipped = clipRangedRules(xml, this.usedExtent(part, xml));
    if (clipped !== xml)
      this.edit(part, clipped, `clipped validation and format ranges in ${part} to the used range`);
  }

  /** The cells (as scanned), tables and merges of a worksheet: what its rule ranges may cover. */
  private usedExtent(part: string, xml: string): UsedExtent {
    const scan = this.extents.get(part);
    const used: UsedExtent = {
      bottom: Math.max(1, scan?.lastRow ?? 0),
      right: Math.max(1, scan?.lastCol ?? 0),
    };
    for (const edge of this.edges) {
      if (edge.source !== part || edge.rel.type !== REL_TYPES.table || !edge.target) continue;
      const head = /<(?:[A-Za-z_][\w.-]*:)?table(?=[\s/>])[^>]*>/.exec(this.text(edge.target));
      if (head) coverRef(used, attributesOf(head[0]).ref);
    }
    for (const ref of mergedRefs(xml)) coverRef(used, ref);
    return used;
  }

  /**
   * True when a worksheet needs none of the rewrites, told from its frame (the XML around its cell
   * data) and a search of its bytes, without decoding its cells: a 50,000-row sheet's text is
   * 80 MB more in memory and a third of a second to make.
   */
  private worksheetAsItIs(part: string, plan: PrefixPlan): boolean {
    const data = this.data.get(part);
    const cut = data && !this.texts.has(part) ? sheetFrameOf(data) : null;
    if (!data || !cut) return false;
    if (data.subarray(cut.start, cut.end).indexOf("xmlns") >= 0) return false;
    if (!hasExpectedPrefixes(cut.frame, plan)) return false;
    if (this.mayHold(part, "557-97") || this.mayHold(part, "_x")) return false;
    return clipRangedRules(cut.frame, this.usedExtent(part, cut.frame)) === cut.frame;
  }

  /**
   * Each part by its (renamed) name as the repacked zip would hold it. Ends this normaliser's use
   * for repacking: a part the pre-pass did not change is kept as its bytes only (UTF-8 is half
   * the size of the decoded text), and a reader lets go of each part it is done with (`drop`).
   */
  parts(): NormalizedParts {
    const byNewName = new Map(this.archive.names.map((name) => [this.newName(name), name]));
    for (const name of [...this.texts.keys()])
      if (this.edited.has(name)) this.data.delete(name);
      else this.texts.delete(name);
    const source = (name: string): string | Buffer | null => {
      const original = byNewName.get(name);
      if (original === undefined) return null;
      return this.texts.get(original) ?? this.data.get(original) ?? null;
    };
    return {
      names: [...byNewName.keys()],
      source,
      text: (name) => {
        const found = source(name);
        return typeof found === "string" || found === null ? found : decodeXml(found).text;
      },
      drop: (name) => {
        const original = byNewName.get(name);
        if (original === undefined) return;
        this.texts.delete(original);
        this.data.delete(original);
      },
    };
  }

  /** Every part of the input as inflated (run() inflates them all), in archive order. */
  inputParts(): [string, Buffer][] {
    return this.archive.names.map((name) => [name, this.data.get(name) as Buffer]);
  }

  /** A new zip (stored, not compressed: it only goes to ExcelJS in memory), entries in order. */
  async repack(): Promise<Buffer> {
    const zip = new JSZip();
    for (const name of this.archive.names) {
      const bytes = this.edited.has(name)
        ? Buffer.from(this.texts.get(name) as string, "utf8")
        : (this.data.get(name) as Buffer);
      zip.file(this.newName(name), bytes, { createFolders: false, binary: true });
    }
    return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
  }
}

/**
 * Checks `bytes` (an .xlsx file) against the limits and rewrites the package so that ExcelJS
 * reads it fully; returns the original bytes when nothing needed rewriting. Throws
 * WorkbookReadError, naming `label`, for files over a limit or damaged.
 */
export async function normalizeXlsxPackage(
  bytes: Buffer,
  label = "The workbook"
): Promise<NormalizedPackage> {
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge(label, bytes.length);
  const archive = await ZipArchive.open(bytes, label);
  const normalizer = new PackageNormalizer(archive, label);
  const changes = await normalizer.run();
  const inputParts = normalizer.inputParts();
  if (changes.length === 0) return { bytes, changes: [], inputParts };
  return { bytes: await normalizer.repack(), changes, inputParts };
}

/**
 * The same checks and rewrites as normalizeXlsxPackage, handing back the parts instead of a zip,
 * so a reader that parses the XML itself sees exactly what ExcelJS would.
 */
export async function normalizedXlsxParts(
  bytes: Buffer,
  label = "The workbook"
): Promise<{ parts: NormalizedParts; changes: string[] }> {
  if (bytes.length > MAX_FILE_BYTES) throw fileTooLarge(label, bytes.length);
  const archive = await ZipArchive.open(bytes, label);
  const normalizer = new PackageNormalizer(archive, label);
  const changes = await normalizer.run();
  return { parts: normalizer.parts(), changes };
}
