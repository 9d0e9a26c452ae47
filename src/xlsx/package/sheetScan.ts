// Counts a worksheet's rows and cells while its XML is being inflated, so an oversized or
// zip-bombed sheet is refused after the first rows past the limit, never after expanding it, and
// finds the sheet's used extent (last row and column that exist) for clipping ranges later.
// Works on raw chunks: tag names are ASCII, so chunks are read as latin1 and tags cut at a chunk
// boundary are carried to the next chunk.
import { columnNumber } from "./cellRanges";

/** What scanning a sheet found. Rows and columns are 1-based; 0 when the sheet has none. */
export interface SheetExtent {
  rows: number;
  cells: number;
  lastRow: number;
  lastCol: number;
}

// The tags counted: `<row …>` or `<c …>` with any namespace prefix, as the pattern
// /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g finds them (`<col>`, `<cfRule>`, `<cols>`
// do not match), read by character (see tagAt): the pattern cost a third of the scan.
const R_ATTR = /(?:^|\s)r\s*=\s*["']([A-Za-z]*)(\d*)["']/;

/** JavaScript's `\s` among the characters a latin1 string holds. */
function isSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 0x20 || code === 0xa0;
}

function isNameStart(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || code === 0x5f; // A-Z a-z _
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d;
}

/** 1 for `row`, 2 for `c` when `text` names one of them at `at` (followed by space, / or >). */
function tagName(text: string, at: number, end: number): 0 | 1 | 2 {
  let next: number;
  let kind: 1 | 2;
  if (text.startsWith("row", at)) {
    next = at + 3;
    kind = 1;
  } else if (text.charCodeAt(at) === 0x63) {
    next = at + 1;
    kind = 2;
  } else return 0;
  if (next >= end) return 0;
  const code = text.charCodeAt(next);
  return isSpace(code) || code === 0x2f || code === 0x3e ? kind : 0;
}

export class SheetScanner implements SheetExtent {
  rows = 0;
  cells = 0;
  lastRow = 0;
  lastCol = 0;
  private carry = "";
  private row = 0;
  private col = 0;

  /**
   * @param onRow called after each row is counted (may throw to stop)
   * @param onCell called after each cell is counted (may throw to stop)
   */
  constructor(
    private readonly onRow: (rows: number) => void = () => undefined,
    private readonly onCell: () => void = () => undefined
  ) {}

  feed(chunk: Buffer): void {
    const text = this.carry + chunk.toString("latin1");
    // Everything from the last '<' that has no '>' after it waits for the next chunk.
    const open = text.lastIndexOf("<");
    const complete = open > text.lastIndexOf(">") ? open : text.length;
    this.carry = text.slice(complete);
    if (hasPrefixedTag(text, complete)) this.scanEveryTag(text, complete);
    else this.scanPlainTags(text, complete);
  }

  /**
   * Without prefixed `row` or `c` names, only `<row` and `<c` can start a counted tag: each is
   * searched for directly, instead of looking at every `<` (six or so per cell).
   */
  private scanPlainTags(text: string, complete: number): void {
    let row = text.indexOf("<row");
    let cell = text.indexOf("<c");
    for (;;) {
      const isRow = row >= 0 && (cell < 0 || row < cell);
      const lt = isRow ? row : cell;
      if (lt < 0 || lt >= complete) return;
      const attributes = lt + (isRow ? 4 : 2);
      const code = text.charCodeAt(attributes);
      const gt =
        attributes < complete && (isSpace(code) || code === 0x2f || code === 0x3e)
          ? text.indexOf(">", attributes)
          : -1;
      if (gt < 0 || gt >= complete) {
        // Not a counted tag (`<cols`, `<rowBreaks`), or one cut short: look further on.
        if (isRow) row = text.indexOf("<row", attributes);
        else cell = text.indexOf("<c", attributes);
        continue;
      }
      this.count(isRow ? 1 : 2, text, attributes, gt);
      // The next tag starts after this one's '>'.
      if (row >= 0 && row < gt) row = text.indexOf("<row", gt);
      if (cell >= 0 && cell < gt) cell = text.indexOf("<c", gt);
    }
  }

  /** Looks at every `<`: names may carry a prefix. */
  private scanEveryTag(text: string, complete: number): void {
    for (let lt = text.indexOf("<"); lt >= 0 && lt < complete; lt = text.indexOf("<", lt + 1)) {
      // The name, after an optional prefix; a prefix whose name does not follow is no prefix.
      let name = lt + 1;
      let kind: 0 | 1 | 2 = 0;
      if (name < complete && isNameStart(text.charCodeAt(name))) {
        let colon = name + 1;
        while (colon < complete && isNameChar(text.charCodeAt(colon))) colon++;
        if (colon < complete && text.charCodeAt(colon) === 0x3a) {
          kind = tagName(text, colon + 1, complete);
          if (kind !== 0) name = colon + 1;
        }
      }
      if (kind === 0) kind = tagName(text, name, complete);
      if (kind === 0) continue;
      const attributes = name + (kind === 1 ? 3 : 1);
      const gt = text.indexOf(">", attributes);
      if (gt < 0 || gt >= complete) continue;
      lt = gt; // the next tag starts after this one's '>'
      this.count(kind, text, attributes, gt);
    }
  }

  /** Counts a `row` (kind 1) or `c` (kind 2) tag whose attributes are text[attributes, gt). */
  private count(kind: 1 | 2, text: string, attributes: number, gt: number): void {
    // `letters` is the column number (0 without letters), `digits` the number (-1 without).
    let letters: number;
    let digits: number;
    if (plainReference(text, attributes, gt)) {
      letters = found.letters;
      digits = found.digits;
    } else {
      const ref = R_ATTR.exec(text.slice(attributes, gt));
      letters = ref && ref[1] ? columnNumber(ref[1]) : 0;
      digits = ref && ref[2] ? Number(ref[2]) : -1;
    }
    if (kind === 1) {
      this.row = digits >= 0 ? digits : this.row + 1;
      this.col = 0;
      this.rows++;
      if (this.row > this.lastRow) this.lastRow = this.row;
      this.onRow(this.rows);
    } else {
      this.col = letters > 0 ? letters : this.col + 1;
      if (digits > this.lastRow) this.lastRow = digits;
      if (this.col > this.lastCol) this.lastCol = this.col;
      this.cells++;
      this.onCell();
    }
  }
}

/**
 * Whether text[0, complete) holds a `:row` or `:c` name end (the only way a prefixed tag the
 * scan counts can appear); rare in any sheet, so the direct search usually applies.
 */
function hasPrefixedTag(text: string, complete: number): boolean {
  for (const name of [":row", ":c"])
    for (let at = text.indexOf(name); at >= 0 && at < complete; at = text.indexOf(name, at + 1)) {
      const next = at + name.length;
      if (next >= complete) break;
      const code = text.charCodeAt(next);
      if (isSpace(code) || code === 0x2f || code === 0x3e) return true;
    }
  return false;
}

/** What plainReference read: the column number of the letters (0 if none), the number (-1). */
const found = { letters: 0, digits: -1 };

/**
 * What R_ATTR finds when the attributes start ` r="letters digits"` (as every writer puts them,
 * with up to three letters and nine digits), read by character into `found`; false for any other
 * shape, which R_ATTR then reads.
 */
function plainReference(text: string, attributes: number, gt: number): boolean {
  if (!text.startsWith(' r="', attributes)) return false;
  let at = attributes + 4;
  const start = at;
  let letters = 0;
  for (let code = text.charCodeAt(at); at < gt && isLetter(code); code = text.charCodeAt(++at))
    letters = letters * 26 + (code & 0x1f);
  const lettersEnd = at;
  let digits = 0;
  for (let code = text.charCodeAt(at); at < gt && isDigit(code); code = text.charCodeAt(++at))
    digits = digits * 10 + (code - 0x30);
  if (at >= gt || text.charCodeAt(at) !== 0x22) return false;
  if (lettersEnd - start > 3 || at - lettersEnd > 9) return false;
  found.letters = letters;
  found.digits = at > lettersEnd ? digits : -1;
  return true;
}

function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
