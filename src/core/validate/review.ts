// Review rules (issue 18): a Review value off its list, review notes still open, and notes
// answered but not yet closed by the reviewer. The Summary counts the same (layout/reviewSummary.ts).
import { REVIEW_STATES } from "../contract";
import type { CellValue } from "../snapshot";
import { isBlankValue } from "./readings";
import { closest, looseKey } from "./suggest";
import { describeSpacing, quoted } from "./text";
import type { RowRule, RowView } from "./types";

export type ReviewState = (typeof REVIEW_STATES)[number];

export type ReviewReading =
  | { kind: "blank" }
  | { kind: "exact"; state: ReviewState }
  /** The right word with other letter case or stray spaces: the list and the Summary miss it. */
  | { kind: "near"; state: ReviewState; raw: string }
  | { kind: "invalid"; raw: string; suggestion: ReviewState | null };

const CANDIDATES: ReadonlyMap<string, ReviewState> = new Map<string, ReviewState>([
  ...REVIEW_STATES.map((s): [string, ReviewState] => [looseKey(s), s]),
  ["answer", "Answered"],
  ["responded", "Answered"],
  ["replied", "Answered"],
  ["done", "Closed"],
  ["resolved", "Closed"],
  ["accepted", "Closed"],
  ["new", "Open"],
  ["pending", "Open"],
]);

/** Reads a Review cell the way its list validation does: exact words only. */
export function readReview(value: CellValue): ReviewReading {
  if (isBlankValue(value)) return { kind: "blank" };
  const raw = String(value);
  const exact = REVIEW_STATES.find((s) => s === raw);
  if (exact) return { kind: "exact", state: exact };
  const near = REVIEW_STATES.find((s) => s.toLowerCase() === raw.trim().toLowerCase());
  if (near) return { kind: "near", state: near, raw };
  return { kind: "invalid", raw, suggestion: closest(raw, CANDIDATES) };
}

const allowed = `Pick one from the cell's list: ${REVIEW_STATES.slice(0, -1).join(", ")} or ${REVIEW_STATES[REVIEW_STATES.length - 1]}.`;

export const reviewInvalid: RowRule = {
  id: "review-invalid",
  severity: "error",
  scope: "row",
  description: "A Review value other than Open, Answered or Closed",
  check(row, report) {
    if (!row.has("Review")) return;
    const review = readReview(row.value("Review"));
    if (review.kind === "near") {
      const what =
        review.raw.trim() === review.raw
          ? "differs in letter case"
          : `has ${describeSpacing(review.raw)}`;
      report(
        row.at("Review"),
        `${row.label}: Review ${quoted(review.raw)} ${what}, so the Summary's review counts miss it. Change it to "${review.state}".`
      );
    } else if (review.kind === "invalid") {
      const hint = review.suggestion ? `Did you mean "${review.suggestion}"? ` : "";
      report(
        row.at("Review"),
        `${row.label}: Review ${quoted(review.raw)} is not a review state. ${hint}${allowed}`
      );
    }
  },
};

/** Who wrote the note, for messages: " (reviewer Ann)" or "". */
function byReviewer(row: RowView): string {
  const name = row.has("Reviewer") ? row.shown("Reviewer") : "";
  return name ? ` (reviewer ${quoted(name)})` : "";
}

export const reviewOpen: RowRule = {
  id: "review-open",
  severity: "info",
  scope: "row",
  description: "A review note still open (Review = Open, or a Reviewer note with no Review)",
  check(row, report) {
    if (!row.has("Review") && !row.has("Reviewer note")) return;
    const note = row.has("Reviewer note") ? row.shown("Reviewer note") : "";
    const review = row.has("Review") ? readReview(row.value("Review")) : { kind: "blank" as const };
    const open =
      (review.kind === "exact" && review.state === "Open") || (review.kind === "blank" && note);
    if (!open) return;
    const what = note ? `the review note ${quoted(note)}` : "a review note";
    report(
      note ? row.at("Reviewer note") : row.at("Review"),
      `${row.label}: ${what}${byReviewer(row)} is open. Answer it in Response and set Review to Answered.`
    );
  },
};

export const reviewAnswered: RowRule = {
  id: "review-answered",
  severity: "info",
  scope: "row",
  description: "A review note answered but not closed by the reviewer",
  check(row, report) {
    if (!row.has("Review")) return;
    const review = readReview(row.value("Review"));
    if (review.kind !== "exact" || review.state !== "Answered") return;
    report(
      row.at("Review"),
      `${row.label}: the review note${byReviewer(row)} is answered but not closed. The reviewer checks the Response and sets Review to Closed.`
    );
  },
};
