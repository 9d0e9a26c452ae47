// Snapshots of progress: the assessment's scores and counts on a date, computed with core/scoring
// from SheetSnapshots (never from cached formula results, which a file written without Excel lacks).
// A snapshot becomes one row of values on the History sheet.
import { readAssessmentRows } from "./read/assessment";
import { ASSESSMENT_SHEETS, HISTORY_COLUMNS, SHEETS, type AssessmentSheetSpec } from "./contract";
import { harvestWorkbook } from "./read/harvest";
import type { RowInputs } from "./inputs";

import { remediationSettingsFrom } from "./remediation";
import { compliance, gapScore, sameText, type ScoringSettings } from "./scoring";
import { STATUSES, type Status } from "./scale";
import type { SheetSnapshot } from "./snapshot";
import { findSheet, pickSheets } from "./read/sheets";
import { isOpenAction, readRemediationRows } from "./read/remediation";

export interface SheetStats {
  /** Compliance 0–1; null when nothing is assessed. */
  compliance: number | null;
  /** Rows with an ID, and how many carry each status (Excel's case-insensitive compare; the rest are Not Assessed). */
  rows: number;
  counts: Record<Status, number>;
  gaps: (number | null)[];
}

export interface AssessmentStats {
  overall: number | null;
  clauses: SheetStats;
  annexA: SheetStats;
  counts: Record<Status, number>;
  /** Open Remediation Plan actions; null when the workbook has no plan. */
  openActions: number | null;
  scoring: ScoringSettings;
}

function emptyCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

function sheetStats(
  snapshots: SheetSnapshot[],
  spec: AssessmentSheetSpec,
  scoring: ScoringSettings
): SheetStats {
  const stats: SheetStats = { compliance: null, rows: 0, counts: emptyCounts(), gaps: [] };
  for (const row of readAssessmentRows(snapshots, spec)?.rows ?? []) {
    stats.rows++;
    const status = row.scoreInput.status;
    const known = STATUSES.find((s) => s !== "Not Assessed" && sameText(status, s));
    if (known) stats.counts[known]++;
    stats.gaps.push(gapScore({ ...row.scoreInput, likelihood: null, impact: null }, scoring));
  }
  stats.counts["Not Assessed"] =
    stats.rows -
    STATUSES.filter((s) => s !== "Not Assessed").reduce((n, s) => n + stats.counts[s], 0);
  stats.compliance = compliance(stats.gaps);
  return stats;
}

/** Open actions the way the Summary counts them: an ID, and Progress neither Done nor Resolved. */
function countOpenActions(snapshots: SheetSnapshot[]): number | null {
  const sheet = findSheet(snapshots, SHEETS.remediation);
  if (!sheet) return null;
  return readRemediationRows(sheet).rows.filter(isOpenAction).length;
}

/** Scores and counts of the assessment, with the weights and bands from its Settings sheet. */
export function assessmentStats(snapshots: SheetSnapshot[]): AssessmentStats {
  const settings = harvestWorkbook(pickSheets(snapshots, [SHEETS.settings])).settings;
  const scoring = remediationSettingsFrom(settings, 0).scoring;
  const [clauses, annexA] = ASSESSMENT_SHEETS.map((spec) => sheetStats(snapshots, spec, scoring));
  const counts = emptyCounts();
  for (const s of STATUSES) counts[s] = clauses.counts[s] + annexA.counts[s];
  return {
    overall: compliance([...clauses.gaps, ...annexA.gaps]),
    clauses,
    annexA,
    counts,
    openActions: countOpenActions(snapshots),
    scoring,
  };
}

export interface SnapshotOptions {
  /** Excel date serial of the snapshot (whole days). */
  date: number;
  note?: string;
}

/** One History row (values only) for the workbook as it is now. */
export function snapshotRow(snapshots: SheetSnapshot[], options: SnapshotOptions): RowInputs {
  const stats = assessmentStats(snapshots);
  const row: RowInputs = {
    Date: options.date,
    Overall: stats.overall,
    "Clauses 4-10": stats.clauses.compliance,
    "Annex A": stats.annexA.compliance,
    ...Object.fromEntries(STATUSES.map((s) => [s, stats.counts[s]])),
    "Open actions": stats.openActions,
    Note: options.note?.trim() ? options.note.trim() : null,
  };
  // Keys in the History column order.
  return Object.fromEntries(HISTORY_COLUMNS.map((c) => [c, row[c] ?? null]));
}
