// styles.xml → the number format of each cell style (`<c s="n">`), read as ExcelJS reads it so
// both readers display the same text: style 0 has no format, custom codes lose their backslash
// escapes, and built-in ids map to ExcelJS's table (14 is "mm-dd-yy", not the locale's date).
import { walkXml } from "./xml";

/** ExcelJS 4.4's built-in number formats (xlsx/defaultnumformats.js, the ids with one code). */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Number format per cell style index; undefined where the style has none. */
export type CellFormats = (string | undefined)[];

export function readCellFormats(xml: string | null, label: string, part: string): CellFormats {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  walkXml(
    xml,
    {
      open(name, a) {
        if (name === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined)
          custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, "$1"));
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) xfIds.push(parseInt(a.numFmtId, 10));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    },
    label,
    part
  );
  return xfIds.map((id) => (id ? (custom.get(id) ?? BUILT_IN[id]) : undefined));
}

/** ExcelJS's test for a date format: date or time letters outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}
