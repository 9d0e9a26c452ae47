// How every sheet prints: landscape on A4 and on Letter alike, the table's header row repeated on
// each page, a running header (classification, version) and footer (organisation, sheet, page
// N of M), and a readable set of columns on the wide assessment sheets. Both renderers draw the
// PrintPlan; the numbers here (paper, margins, column widths in points) are the shared rules.
import { columnIndex, columnLetter } from "../snapshot";
import type { HeaderFooterText, PrintMargins, PrintPlan, SheetPlan } from "./workbookPlan";

export type { HeaderFooterText, PrintMargins, PrintPlan } from "./workbookPlan";

/** Narrow sides, room above and below for the running header and footer. */
export const PRINT_MARGINS: PrintMargins = {
  left: 0.25,
  right: 0.25,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/** Smallest zoom we accept for a printed page: below it table text is too small to read. */
export const MIN_PRINT_SCALE = 0.6;

/** Landscape page, the smaller of A4 (11.69 × 8.27 in) and Letter (11 × 8.5 in) each way. */
const PAGE = { width: 11, height: 8.27 };

/** Printable width and height in points once the margins are taken. */
export function printableSize(margins: PrintMargins = PRINT_MARGINS): {
  width: number;
  height: number;
} {
  return {
    width: (PAGE.width - margins.left - margins.right) * 72,
    height: (PAGE.height - margins.top - margins.bottom) * 72,
  };
}

/** Excel's column width (characters of the default font) in points: 7 px a character plus 5 px
 *  padding, at 96 px an inch. */
export function columnPoints(chars: number): number {
  return chars <= 0 ? 0 : (Math.trunc(chars * 7 + 0.5) + 5) * 0.75;
}

/** Excel's default column width (8.43 characters) for columns without a planned width. */
const DEFAULT_WIDTH = 8.43;

/** Points the given 0-based columns take on paper (hidden columns take none). */
export function columnsWidth(sheet: SheetPlan, first: number, last: number): number {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  let points = 0;
  for (let c = first; c <= last; c++) {
    const letter = columnLetter(c);
    if (!hidden.has(letter)) points += columnPoints(sheet.widths[letter] ?? DEFAULT_WIDTH);
  }
  return points;
}

/** The zoom that fits `points` of columns on one page width (at most 100%). */
export function fitScale(points: number): number {
  return Math.min(1, printableSize().width / Math.max(points, 1));
}

function basePrint(): PrintPlan {
  return {
    orientation: "landscape",
    fitToWidth: 1,
    fitToHeight: 0,
    breaks: [],
    margins: { ...PRINT_MARGINS },
    header: {},
    footer: {},
  };
}

/** A sheet whose columns fit one page width; `headerRow` (1-based) repeats on every page. */
export function fitWidthPrint(headerRow?: number): PrintPlan {
  return { ...basePrint(), ...(headerRow ? { titleRows: `${headerRow}:${headerRow}` } : {}) };
}

/** The rightmost column of a table sheet (its widths and blocks) for width sums. */
function lastColumn(sheet: SheetPlan): number {
  return Math.max(0, ...Object.keys(sheet.widths).map((l) => columnIndex(l)));
}

/**
 * A table too wide for one page at 60%: print the identifying columns (A through `titleThrough`)
 * at the left of every page, then the columns from `from` through `through` — as many of them as
 * keep the zoom at or above 60%. The long text columns between (the question) stay on screen and
 * out of print. When the whole sheet fits at 60% or more it prints whole.
 */
export function readableTablePrint(
  sheet: SheetPlan,
  columns: string[],
  table: { headerRow: number; lastRow: number },
  set: { titleThrough: string; from: string; through: string }
): PrintPlan {
  const print = fitWidthPrint(table.headerRow);
  const last = Math.max(columns.length - 1, lastColumn(sheet));
  if (fitScale(columnsWidth(sheet, 0, last)) >= MIN_PRINT_SCALE) return print;
  const titleEnd = columns.indexOf(set.titleThrough);
  const from = columns.indexOf(set.from);
  let to = columns.indexOf(set.through);
  if (titleEnd < 0 || from <= titleEnd || to < from) return print;
  const titles = columnsWidth(sheet, 0, titleEnd);
  while (to > from && fitScale(titles + columnsWidth(sheet, from, to)) < MIN_PRINT_SCALE) to--;
  return {
    ...print,
    titleColumns: `A:${columnLetter(titleEnd)}`,
    area: `${columnLetter(from)}${table.headerRow}:${columnLetter(to)}${table.lastRow}`,
  };
}

/**
 * A register too wide for one page at 60% whose columns all matter (the SoA): the identifying
 * columns (A through `titleThrough`) repeat at the left of every page and the rest spreads over
 * as few pages wide as keep 60%, read left to right before going down.
 */
export function widePagesPrint(
  sheet: SheetPlan,
  columns: string[],
  headerRow: number,
  titleThrough: string
): PrintPlan {
  const print = fitWidthPrint(headerRow);
  const last = columns.length - 1;
  if (fitScale(columnsWidth(sheet, 0, last)) >= MIN_PRINT_SCALE) return print;
  const titleEnd = columns.indexOf(titleThrough);
  if (titleEnd < 0 || titleEnd >= last) return print;
  const titles = columnsWidth(sheet, 0, titleEnd);
  const rest = columnsWidth(sheet, titleEnd + 1, last);
  let pages = 2;
  while (pages < 4 && widePagesScale(titles, rest, pages) < MIN_PRINT_SCALE + 0.05) pages++;
  return {
    ...print,
    fitToWidth: pages,
    overThenDown: true,
    titleColumns: `A:${columnLetter(titleEnd)}`,
  };
}

/** Zoom when `rest` spreads over `pages` pages wide with `titles` repeated on each (columns
 *  break whole, hence the spare 5% in the caller). */
function widePagesScale(titles: number, rest: number, pages: number): number {
  return Math.min(1, (pages * printableSize().width) / (pages * titles + rest));
}

/** The zoom a print plan gives on the narrower paper (for checks and for fixed-scale sheets). */
export function printScale(sheet: SheetPlan): number {
  const print = sheet.print;
  if (print?.scale) return print.scale / 100;
  if (print?.fitToWidth && print.fitToWidth > 1 && print.titleColumns) {
    const titleEnd = columnIndex(print.titleColumns.split(":")[1]);
    const titles = columnsWidth(sheet, 0, titleEnd);
    return widePagesScale(
      titles,
      columnsWidth(sheet, titleEnd + 1, lastColumn(sheet)),
      print.fitToWidth
    );
  }
  if (print?.area) {
    const [from, to] = print.area.split(":").map((a) => columnIndex(a.replace(/\d+$/, "")));
    const titles = print.titleColumns
      ? columnsWidth(sheet, 0, columnIndex(print.titleColumns.split(":")[1]))
      : 0;
    return fitScale(titles + columnsWidth(sheet, from, to));
  }
  return fitScale(columnsWidth(sheet, 0, lastColumn(sheet)));
}

/**
 * A sheet of stacked sections (the Summary): a fixed zoom that fits columns A..`lastLetter` on
 * one page width (Excel ignores manual breaks while fitting to a page), and a page break before
 * each section that would not fit whole on the page it starts on. `sections` are the 1-based
 * first rows of the sections, `lastRow` the sheet's last row.
 */
export function sectionedPrint(
  sheet: SheetPlan,
  lastLetter: string,
  sections: number[],
  lastRow: number
): PrintPlan {
  const zoom = fitScale(columnsWidth(sheet, 0, columnIndex(lastLetter)));
  const scale = Math.max(10, Math.floor(zoom * 100));
  const { fitToWidth: _fit, fitToHeight: _height, ...rest } = basePrint();
  return { ...rest, scale, breaks: sectionBreaks(sheet, scale / 100, sections, lastRow) };
}

/** Rows a page holds at `scale`, counted with a little to spare (heights are estimates). */
export function sectionBreaks(
  sheet: SheetPlan,
  scale: number,
  sections: number[],
  lastRow: number
): number[] {
  const capacity = (printableSize().height / scale) * 0.95;
  const height = (row: number): number => sheet.rowHeights[row] ?? LINE_POINTS + 1;
  const starts = [...new Set(sections)].filter((r) => r > 1 && r <= lastRow).sort((a, b) => a - b);
  const bounds = [1, ...starts, lastRow + 1];
  const breaks: number[] = [];
  let used = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    let size = 0;
    for (let r = bounds[i]; r < bounds[i + 1]; r++) size += height(r);
    if (used > 0 && used + size > capacity) {
      breaks.push(bounds[i]);
      used = size % capacity;
    } else used = (used + size) % capacity;
  }
  return breaks;
}

/** Text for a header or footer: Excel reads "&" as the start of a code, so it is doubled. */
export function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

export interface PrintStamp {
  org: string;
  classification: string;
  version: string;
}

/** The running header and footer every sheet carries (from Settings' values). */
export function stampHeaderFooter(sheets: SheetPlan[], stamp: PrintStamp): void {
  // Excel holds at most 255 characters per header or footer: long values are cut.
  const org = stamp.org.trim().slice(0, 120);
  const version = stamp.version.trim().slice(0, 40);
  for (const sheet of sheets) {
    sheet.print ??= fitWidthPrint();
    sheet.print.header = {
      left: headerText(stamp.classification.trim().slice(0, 120)),
      right: version ? `Version ${headerText(version)}` : "",
    };
    sheet.print.footer = {
      center: [org ? headerText(org) : "", "&A", "Page &P of &N"].filter(Boolean).join(" · "),
    };
  }
}

/** Excel's single header/footer string ("&L…&C…&R…") for files. */
export function headerFooterString(text: HeaderFooterText): string {
  return (
    (text.left ? `&L${text.left}` : "") +
    (text.center ? `&C${text.center}` : "") +
    (text.right ? `&R${text.right}` : "")
  );
}

/** Points one line of 11-point text takes in a row. */
export const LINE_POINTS = 15;
/** Excel's tallest row. */
export const MAX_ROW_POINTS = 409;

/**
 * Lines a text wraps to in a column `width` characters wide: words fill each line, a word longer
 * than a line breaks across lines, explicit line breaks start new ones. Characters of the body
 * font run a little narrower than the "0" a width counts, so a line holds about 1.1 of them;
 * we count 1.0 to err on the tall side (a row a little too tall never cuts text).
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.0) - 1);
  // Most cells are one short line.
  if (text.length <= perLine && !text.includes("\n")) return 1;
  // Read by character (no split strings: this runs for every wrapped cell of 50,000 rows).
  let lines = 0;
  let used = 0;
  let count = 1;
  let length = 0;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : LINE_FEED;
    if (code !== LINE_FEED && !isWhiteSpace(code)) {
      length++;
      continue;
    }
    if (length > 0) {
      if (used === 0) {
        count += Math.floor((length - 1) / perLine);
        used = length % perLine || perLine;
      } else if (used + 1 + length <= perLine) used += 1 + length;
      else {
        count += 1 + Math.floor((length - 1) / perLine);
        used = length % perLine || perLine;
      }
      length = 0;
    }
    if (code === LINE_FEED) {
      lines += count;
      used = 0;
      count = 1;
    }
  }
  return Math.max(1, lines);
}

const LINE_FEED = 0x0a;

/** What `\s` matches in a JavaScript regular expression. */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Height in points a row needs for its wrapped cells (text by column width); undefined when one
 *  line is enough (the default height stays). */
export function estimateRowHeight(cells: { text: string; width: number }[]): number | undefined {
  let lines = 1;
  for (const cell of cells) lines = Math.max(lines, wrappedLines(cell.text, cell.width));
  return heightOfLines(lines);
}

/** Height in points of a row whose tallest cell wraps to `lines` lines; undefined for one. */
export function heightOfLines(lines: number): number | undefined {
  if (lines <= 1) return undefined;
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 2);
}

/**
 * Lines the tallest of a table row's wrapped cells takes; `wrapped` lists each wrapped column
 * (index in `cells`, width) once per table, not once per row.
 */
export function tallestCell(
  cells: { value?: unknown }[] | undefined,
  wrapped: { index: number; width: number }[],
  text: (index: number) => unknown = (index) => cells?.[index]?.value
): number {
  let lines = 1;
  for (const { index, width } of wrapped) {
    const value = text(index);
    if (typeof value === "string") lines = Math.max(lines, wrappedLines(value, width));
  }
  return lines;
}
