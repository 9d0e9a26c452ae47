// Excel's cell limit: a cell holds at most 32,767 characters. Longer text is cut here, always with
// a warning from the caller, never silently (Excel refuses or truncates such files on its own).

/** The most characters (UTF-16 code units, as Excel counts them) one cell can hold. */
export const MAX_CELL_TEXT = 32_767;

const ELLIPSIS = "…";

/** Text that fits one cell: unchanged when short enough, else cut with "…" at the end (never inside a surrogate pair). */
export function fitCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

/** "40,000 characters, over Excel's limit of 32,767 per cell; cut to 32,767". */
export function overLimitText(length: number): string {
  const n = (v: number): string => v.toLocaleString("en-US");
  return `${n(length)} characters, over Excel's limit of ${n(MAX_CELL_TEXT)} per cell; cut to ${n(MAX_CELL_TEXT)}`;
}
