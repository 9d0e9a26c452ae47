/** Range.text: a small renderer for the number formats the add-in writes (General, 0, 0.0, 0%, dates, @). */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Excel General: integers as-is, otherwise up to 10 significant digits without trailing zeros. */
function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split("e");
    const m = mant.includes(".") ? mant.replace(/0+$/, "").replace(/\.$/, "") : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const s = n.toPrecision(10);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Serial (1900 system, with Excel's phantom 29 Feb 1900) to a UTC calendar date. */
export function serialToDate(serial: number): { y: number; m: number; d: number } {
  const days = Math.floor(serial);
  if (days === 60) return { y: 1900, m: 2, d: 29 };
  const offset = days < 60 ? days : days - 1;
  const t = Date.UTC(1899, 11, 31) + offset * 86400000;
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function dateToSerial(y: number, m: number, d: number): number {
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86400000;
  return days >= 60 ? days + 1 : days;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

const FULL_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function date(serial: number, fmt: string): string {
  const { y, m, d } = serialToDate(serial);
  const render: Record<string, string> = {
    yyyy: String(y),
    yy: pad(y % 100),
    mmmm: FULL_MONTHS[m - 1],
    mmm: MONTHS[m - 1],
    mm: pad(m),
    m: String(m),
    dd: pad(d),
    d: String(d),
  };
  let out = "";
  for (let i = 0; i < fmt.length;) {
    const tok = /^(yyyy|yy|mmmm|mmm|mm|m|dd|d)/.exec(fmt.slice(i));
    if (tok) {
      out += render[tok[1]];
      i += tok[1].length;
    } else {
      out += fmt[i++];
    }
  }
  return out;
}

function fixed(n: number, decimals: number, thousands: boolean): string {
  const s = Math.abs(n).toFixed(decimals);
  const [int, frac] = s.split(".");
  const grouped = thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  const sign = n < 0 && Number(s) !== 0 ? "-" : "";
  return sign + grouped + (frac !== undefined ? `.${frac}` : "");
}

/** The text Excel shows for a cell value under a number format (only the simple formats are modelled). */
export function formatValue(value: unknown, numberFormat: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  const fmt = (numberFormat || "General").split(";")[0].trim();
  if (fmt === "General" || fmt === "@") return general(value);
  const pct = /^(#,##)?0(\.0+)?%$/.exec(fmt);
  if (pct) return `${fixed(value * 100, pct[2] ? pct[2].length - 1 : 0, !!pct[1])}%`;
  const num = /^(#,##)?0(\.0+)?$/.exec(fmt);
  if (num) return fixed(value, num[2] ? num[2].length - 1 : 0, !!num[1]);
  if (/[dmy]/i.test(fmt) && !/[#0]/.test(fmt))
    return date(value, fmt.toLowerCase().replace(/\\|"/g, ""));
  return general(value);
}
