// Small wording helpers so every rule's message quotes values the same way.
import { STATUSES } from "../scale";

/** A cell value in quotes, shortened so one long paste does not flood the report. */
export function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return `"${oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine}"`;
}

/** The statuses a sheet allows, as a readable list ("A, B or C"). */
export function statusList(kind: "clauses" | "annexA"): string {
  const allowed = STATUSES.filter((s) => kind === "annexA" || s !== "Not Applicable");
  return `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`;
}

/** What is odd about the spaces in a value: "a trailing space", "a leading space", ... */
export function describeSpacing(raw: string): string {
  if (/\u00a0/.test(raw)) return "a non-breaking space";
  if (/[\r\n]/.test(raw)) return "a line break";
  if (/\t/.test(raw)) return "a tab";
  if (/\s$/.test(raw) && /^\s/.test(raw)) return "spaces before and after it";
  if (/\s$/.test(raw)) return /\s\s$/.test(raw) ? "trailing spaces" : "a trailing space";
  if (/^\s/.test(raw)) return "a leading space";
  return "extra spaces inside it";
}
