// OOXML's `_xHHHH_` escapes (ST_Xstring): in cell text, formulas and cached results a character
// may be written as `_x` + four hex digits + `_`, and a literal `_x0041_` is therefore stored as
// `_x005F_x0041_` (Excel, LibreOffice). ExcelJS 4.4 decodes them inside `<t>` only (upper-case hex
// only) and leaves formulas and cached string results (`<v>` of t="str") as written, then writes
// every string back without escaping. So a workbook we open keeps every string in its stored,
// escaped form (`<t>` text is pre-escaped so ExcelJS's decoding gives the stored form back) — a
// rewrite then writes exactly what it read — and readers decode once with `decodeXString`.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
/** An underscore that starts an escape; overlapping on purpose (`_x005F_x0041_` has two). */
const ESCAPE_START = /_(?=x[0-9A-Fa-f]{4}_)/g;

/** The text a person sees: every `_xHHHH_` decoded once, left to right, as Excel reads it. */
export function decodeXString(stored: string): string {
  if (!stored.includes("_x")) return stored;
  return stored.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The inverse of ExcelJS's `<t>` decoding: ExcelJS reading the result yields `stored` again. */
export function escapeForExcelJs(stored: string): string {
  if (!stored.includes("_x")) return stored;
  return stored.replace(ESCAPE_START, "_x005F_");
}

const T_ELEMENT = /(<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?>)([^<]*)(<\/(?:[A-Za-z_][\w.-]*:)?t>)/g;
/** A rich-text run `<r>…</r>` (not `<row>`, `<rPr>`, `<rPh>`). */
const RUN = /<(?:[A-Za-z_][\w.-]*:)?r(?=[\s>])[^>]*>[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?r>/g;
const ANY_ESCAPE = /_x[0-9A-Fa-f]{4}_/;

function escapeTextElements(xml: string): string {
  return xml.replace(T_ELEMENT, (whole, open: string, text: string, close: string) => {
    const escaped = escapeForExcelJs(text);
    return escaped === text ? whole : open + escaped + close;
  });
}

/**
 * Pre-escapes the `<t>` elements ExcelJS decodes, so that after its decoding the workbook holds
 * the stored text: every `<t>` of shared strings and comments (`scope` "all"), but in a worksheet
 * only those inside rich-text runs (`scope` "runs"): ExcelJS takes a plain inline string
 * (`<is><t>`) as written. Returns the input when nothing needed escaping.
 */
export function preEscapeTextElements(xml: string, scope: "all" | "runs"): string {
  if (!ANY_ESCAPE.test(xml)) return xml;
  const out =
    scope === "all"
      ? escapeTextElements(xml)
      : xml.replace(RUN, (run) => (ANY_ESCAPE.test(run) ? escapeTextElements(run) : run));
  return out === xml ? xml : out;
}
