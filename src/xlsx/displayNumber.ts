// The text Excel shows for a number in a number format, shared by both .xlsx readers
// (./readSnapshots with ExcelJS, ./stream without it).
import * as numfmt from "numfmt";

type FormatFn = (pattern: string, value: unknown) => string;

// numfmt renders a value through an Excel number format ("yy\\.m\\.d;@" shows a date as 10.1.1).
const numfmtFormat: FormatFn | null = numfmt.format as FormatFn;

/** Excel's "General" display for a number when numfmt is unavailable: up to 10 significant digits. */
function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** The text Excel shows for a number in the given format; falls back to General on odd formats. */
export function displayNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const pattern = numFmt && numFmt.trim() !== "" ? numFmt : "General";
  if (numfmtFormat) {
    try {
      return numfmtFormat(pattern, value);
    } catch {
      try {
        return numfmtFormat("General", value);
      } catch {
        /* fall through */
      }
    }
  }
  return generalNumber(value);
}
