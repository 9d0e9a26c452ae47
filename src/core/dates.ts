// Excel date serials: whole days since 1899-12-30 (the 1900 date system, which Excel and every
// file we write use). The one place that knows the epoch.
import type { CellValue } from "./snapshot";

const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Days between the 1904 system's day 0 (1904-01-01) and the 1900 system's. */
const DAYS_1904 = 1462;

/** Serial (with a fraction for the time of day) of a UTC instant in milliseconds. */
export function serialFromUtcMs(ms: number): number {
  return (ms - EPOCH_MS) / DAY_MS;
}

/** Serial of a JavaScript Date that a file reader built in UTC (ExcelJS does), in either system. */
export function serialFromFileDate(date: Date, date1904 = false): number {
  return serialFromUtcMs(date.getTime()) - (date1904 ? DAYS_1904 : 0);
}

/** Today (or `now`) in the local calendar, as a whole-day serial. */
export function todaySerial(now: Date = new Date()): number {
  return Math.floor(serialFromUtcMs(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

/** "2026-03-31" → serial; null when the text is not a real yyyy-mm-dd date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (
    d.getUTCFullYear() !== Number(m[1]) ||
    d.getUTCMonth() !== Number(m[2]) - 1 ||
    d.getUTCDate() !== Number(m[3])
  )
    return null;
  return Math.round(serialFromUtcMs(ms));
}

/** Serial → "2026-03-31". */
export function isoDate(serial: number): string {
  return new Date(EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** A cell read as a whole-day serial: a serial number, or text that starts "2025-03-31". */
export function dateSerial(value: CellValue): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value);
  if (typeof value !== "string" || value.trim() === "") return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value.trim());
  if (!m) return null;
  // Only real calendar days: "2025-02-30" is not a date, as parseIsoDate says too.
  return parseIsoDate(`${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`);
}
