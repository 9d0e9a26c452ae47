// The task pane's overview: compliance, assessed rows, open and overdue actions and certification
// readiness, computed from the sheets' values with the core model (never from formula results,
// which may be stale or absent when Excel has not recalculated).
import { ASSESSMENT_SHEETS, DOCUMENT_COLUMNS, SHEETS } from "./contract";
import { todaySerial } from "./dates";
import { readAssessmentRows } from "./read/assessment";
import { harvestWorkbook } from "./read/harvest";
import { locateAssessmentTable } from "./read/locate";
import { openActionCounts, readRemediationRows } from "./read/remediation";
import { findSheet, pickSheets } from "./read/sheets";
import { blockerCounts, clauseAssessed, readinessBlockers } from "./readiness";
import { asStatus } from "./scale";
import { compliance, gapScore, scoringFromSettings } from "./scoring";
import type { SheetSnapshot } from "./snapshot";

export interface Overview {
  /** True when `Clauses 4-10` or `Annex A` holds an assessment table. */
  found: boolean;
  /** Fractions 0–1; null when nothing on that side is assessed yet. */
  compliance: { overall: number | null; clauses: number | null; annexA: number | null };
  /** Rows with a status other than Not Assessed: on Annex A, Not Applicable counts as assessed;
   *  on the clauses it does not (clauses are mandatory: a readiness blocker of its own). */
  assessed: number;
  /** Assessment rows with an ID. */
  total: number;
  /** Remediation Plan rows not Done or Resolved. */
  openActions: number;
  /** Open actions whose Due date is before today. */
  overdue: number;
  /**
   * Blockers of a Stage 1 and a Stage 2 certification audit (0 = ready), counted as the Summary's
   * readiness formulas count them; Stage 1 blockers block Stage 2 too. Null when there is no
   * assessment or no Documents sheet to judge the mandatory documents by.
   */
  readiness: Readiness | null;
}

export interface Readiness {
  stage1: number;
  stage2: number;
}

/** The sheets the overview reads (an adapter loads their values, nothing else). */
export const OVERVIEW_SHEETS: readonly string[] = [
  SHEETS.clauses,
  SHEETS.annexA,
  SHEETS.remediation,
  SHEETS.settings,
  SHEETS.documents,
  // Readiness reads the SoA's approval block (an unapproved SoA blocks Stage 1, issue 17).
  SHEETS.soa,
];

/** Overview figures from snapshots of OVERVIEW_SHEETS. */
export function overviewOf(snapshots: SheetSnapshot[], today: Date = new Date()): Overview {
  const scoring = scoringFromSettings(
    harvestWorkbook(pickSheets(snapshots, [SHEETS.settings])).settings
  );
  const overview: Overview = {
    found: false,
    compliance: { overall: null, clauses: null, annexA: null },
    assessed: 0,
    total: 0,
    openActions: 0,
    overdue: 0,
    readiness: null,
  };
  const allGaps: (number | null)[] = [];
  for (const spec of ASSESSMENT_SHEETS) {
    const sheet = readAssessmentRows(snapshots, spec);
    if (!sheet) continue;
    overview.found = true;
    const gaps: (number | null)[] = [];
    for (const row of sheet.rows) {
      overview.total++;
      const status = asStatus(row.scoreInput.status);
      if (
        spec.kind === "clauses"
          ? clauseAssessed(status)
          : status !== null && status !== "Not Assessed"
      )
        overview.assessed++;
      gaps.push(gapScore({ ...row.scoreInput, likelihood: null, impact: null }, scoring));
    }
    overview.compliance[spec.kind] = compliance(gaps);
    for (const gap of gaps) allGaps.push(gap);
  }
  overview.compliance.overall = compliance(allGaps);
  const actions = openActionCounts(
    readRemediationRows(findSheet(snapshots, SHEETS.remediation)).rows,
    todaySerial(today)
  );
  overview.openActions = actions.openActions;
  overview.overdue = actions.overdue;
  overview.readiness = overview.found ? readinessOf(snapshots, today) : null;
  return overview;
}

/** Blocker counts per stage; null without a Documents table (mandatory documents cannot be judged). */
export function readinessOf(
  snapshots: SheetSnapshot[],
  today: Date = new Date()
): Readiness | null {
  const documents = findSheet(snapshots, SHEETS.documents);
  if (
    !documents ||
    !locateAssessmentTable(documents, { columns: DOCUMENT_COLUMNS }, ["ID", "Document", "Exists"])
  )
    return null;
  return blockerCounts(readinessBlockers(snapshots, { today: todaySerial(today) }));
}
