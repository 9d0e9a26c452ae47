// Edits to a worksheet's XML that must happen before ExcelJS parses it: ranges of data
// validations and conditional formats clipped to the sheet's used extent (ExcelJS stores a
// validation once per cell, so `B2:B1048576` becomes a million entries), and the extent itself.
import { attributesOf } from "./relationships";
import { clipSqref, parseRef, type Rect } from "./cellRanges";

/** The bottom-right corner of what a sheet really uses; both at least 1. */
export interface UsedExtent {
  bottom: number;
  right: number;
}

/** Grows `extent` to cover `ref` (an A1 range) when it parses and is not a whole row/column. */
export function coverRef(extent: UsedExtent, ref: string | undefined): void {
  const rect: Rect | null = ref ? parseRef(ref.split(/\s+/)[0]) : null;
  if (!rect || ("whole" in rect && rect.whole)) return;
  extent.bottom = Math.max(extent.bottom, rect.bottom);
  extent.right = Math.max(extent.right, rect.right);
}

const SHEET_DATA_END =
  /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>|<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/g;
const MERGE_CELL = /<(?:[A-Za-z_][\w.-]*:)?mergeCell(?=[\s/>])[^>]*>/g;
const RANGED_TAG =
  /<(?:[A-Za-z_][\w.-]*:)?(?:dataValidation|conditionalFormatting)(?=[\s/>])[^>]*>/g;
const SQREF_ATTR = /(\ssqref\s*=\s*)(["'])([^"']*)\2/;
const SQREF_ELEMENT = /(<(?:[A-Za-z_][\w.-]*:)?sqref>)([^<]*)(<\/(?:[A-Za-z_][\w.-]*:)?sqref>)/g;

/** SHEET_DATA_END tried at one position. */
const SHEET_DATA_END_AT = new RegExp(SHEET_DATA_END.source, "y");

/**
 * Where the sheet's cell data ends (the last SHEET_DATA_END, or 0): validations, formats and
 * merges all come after it. Searched from the end: a match holds one `<`, at its start, just
 * before the `sheetData` it names, so the last `sheetData` that one starts before is the answer.
 */
function tailStart(xml: string): number {
  for (let at = xml.lastIndexOf("sheetData"); at >= 0; at = xml.lastIndexOf("sheetData", at - 1)) {
    const open = xml.lastIndexOf("<", at);
    if (open < 0) return 0;
    SHEET_DATA_END_AT.lastIndex = open;
    if (SHEET_DATA_END_AT.test(xml)) return open;
    if (at === 0) break;
  }
  return 0;
}

/** A worksheet's XML with its rows left out, and where the rows were in its bytes. */
export interface SheetFrame {
  /** The XML with `<sheetData></sheetData>` in place of the cell data. */
  frame: string;
  /** The byte range [start, end) left out: from `<sheetData` to the end of `</sheetData>`. */
  start: number;
  end: number;
}

const SHEET_DATA_CLOSE = "</sheetData>";

/**
 * The frame of a worksheet stored as UTF-8 (BOM or not), decoding only what is outside its cell
 * data; null when the bytes hold no unprefixed `<sheetData>…</sheetData>` (or are UTF-16).
 */
export function sheetFrameOf(bytes: Buffer): SheetFrame | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return null;
  const start = bytes.indexOf("<sheetData");
  const close = bytes.lastIndexOf(SHEET_DATA_CLOSE);
  if (start < 0 || close < start) return null;
  const end = close + SHEET_DATA_CLOSE.length;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const frame = `${bytes.toString("utf8", bom, start)}<sheetData></sheetData>${bytes.toString("utf8", end)}`;
  return { frame, start, end };
}

/** Merged ranges of a sheet (they may reach below the last row that has cells). */
export function mergedRefs(xml: string): string[] {
  const tail = xml.slice(tailStart(xml));
  return (tail.match(MERGE_CELL) ?? []).map((tag) => attributesOf(tag).ref).filter(Boolean);
}

/**
 * Clips the `sqref` of every `<dataValidation>` and `<conditionalFormatting>` (and the
 * `<xm:sqref>` of their x14 forms in extLst) to `used`. Returns the XML unchanged when every range
 * already fits.
 */
export function clipRangedRules(xml: string, used: UsedExtent): string {
  const start = tailStart(xml);
  const tail = xml.slice(start);
  if (!/sqref/.test(tail)) return xml;
  const clippedTags = tail.replace(RANGED_TAG, (tag) =>
    tag.replace(SQREF_ATTR, (whole, lead: string, quote: string, refs: string) => {
      const clipped = clipSqref(refs, used);
      return clipped === refs ? whole : `${lead}${quote}${clipped}${quote}`;
    })
  );
  const clipped = clippedTags.replace(
    SQREF_ELEMENT,
    (whole, open: string, refs: string, close: string) => {
      const out = clipSqref(refs, used);
      return out === refs ? whole : open + out + close;
    }
  );
  return clipped === tail ? xml : xml.slice(0, start) + clipped;
}
