// Shared helpers of the validate suites: run validateWorkbook on a WorkbookBuilder, compact
// problem forms, and row keys with a known fill in the builder's 'complete' workbook.
import { CLAUSES, CONTROLS } from "../../../src/catalog";
import { validateWorkbook, type Problem, type RuleId } from "../../../src/core/validate/validate";
import type { WorkbookBuilder } from "../snapshotBuilder";

export const CLAUSES_SHEET = "Clauses 4-10";
export const ANNEX = "Annex A";

// Compact form for exact comparisons: "rule sheet!cell".
export const brief = (p: Problem) => `${p.rule} ${p.sheet}!${p.cell}`;

export function run(wb: WorkbookBuilder, today?: Date) {
  return validateWorkbook(wb.snapshots(), today ? { today } : undefined);
}

/** Problems other than the not-assessed infos. */
export function issues(wb: WorkbookBuilder): Problem[] {
  return run(wb).problems.filter((p) => p.rule !== "not-assessed");
}

export function only(wb: WorkbookBuilder, rule: RuleId): Problem[] {
  return run(wb).problems.filter((p) => p.rule === rule);
}

// Row keys with a known fill in the builder's 'complete' workbook (index % 5 decides).
export const CLAUSE = CLAUSES[0].id; // 4.1: Compliant
export const PARTIAL_CLAUSE = CLAUSES[1].id; // 4.2: Partially Compliant
export const NC_CLAUSE = CLAUSES[2].id; // 4.3: Non-Compliant
export const CONTROL = CONTROLS[0].id; // 5.1: Compliant, Applicable Yes
export const PARTIAL_CONTROL = CONTROLS[1].id; // 5.2: Partially Compliant
export const NC_CONTROL = CONTROLS[2].id; // 5.3: Non-Compliant
export const EXCLUDED = CONTROLS[4].id; // 5.5: Applicable No, Not Applicable, justified
