// Review notes on the Summary (issue 18): per assessment sheet, how many reviewer notes are
// open, answered or closed, as live COUNTIFS over the tables' Review and Reviewer note columns.
// The same reading as the validate rule (core/validate/review.ts): a note with a blank Review
// is still open.
import { ASSESSMENT_SHEETS } from "../contract";
import type { PlanCell, RangeFormat } from "./workbookPlan";
import { FORMULA, HEADER, SECTION } from "./styles";

export const REVIEW_SECTION_TITLE = "Review notes";

export interface ReviewSection {
  rows: PlanCell[][];
  formats: RangeFormat[];
}

/**
 * Open: Review = Open, or a Reviewer note typed and Review left blank. The blank Review is
 * counted as "notes" minus "notes with any Review": a "" criterion matches an empty cell in Excel
 * but not in LibreOffice, while "<>" (not empty) reads the same in both.
 */
export function reviewCountFormulas(table: string): {
  open: string;
  answered: string;
  closed: string;
} {
  const note = `${table}[Reviewer note],"<>"`;
  return {
    open: `=COUNTIFS(${table}[Review],"Open")+COUNTIFS(${note})-COUNTIFS(${note},${table}[Review],"<>")`,
    answered: `=COUNTIFS(${table}[Review],"Answered")`,
    closed: `=COUNTIFS(${table}[Review],"Closed")`,
  };
}

/** The section from 1-based row `first`: title, header, one line per sheet, total. */
export function reviewSection(first: number): ReviewSection {
  const header = first + 1;
  const lines = ASSESSMENT_SHEETS.map((spec): PlanCell[] => {
    const f = reviewCountFormulas(spec.table);
    return [
      { value: spec.sheet },
      { formula: f.open },
      { formula: f.answered },
      { formula: f.closed },
    ];
  });
  const last = header + lines.length + 1;
  const sum = (col: string): PlanCell => ({
    formula: `=SUM(${col}${header + 1}:${col}${last - 1})`,
  });
  return {
    rows: [
      [{ value: REVIEW_SECTION_TITLE }],
      [{ value: "Sheet" }, { value: "Open" }, { value: "Answered" }, { value: "Closed" }],
      ...lines,
      [{ value: "Total" }, sum("B"), sum("C"), sum("D")],
    ],
    formats: [
      { range: `A${first}`, style: SECTION },
      { range: `A${header}:D${header}`, style: HEADER },
      { range: `B${header + 1}:D${last}`, style: FORMULA },
    ],
  };
}
