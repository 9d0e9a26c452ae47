// The contract between the task pane's components and the workbook: components receive an
// AssessmentActions object as a prop and never touch Excel themselves (officeActions.ts is the
// Office.js implementation; tests pass their own).
import type { AdoptResult } from "../core/adopt/adopt";
import type { ValidationReport } from "../core/validate/validate";
import type { Overview } from "../core/overview";

export type { Overview, Readiness } from "../core/overview";
export type { AdoptResult } from "../core/adopt/adopt";
export type { Problem, ValidationReport } from "../core/validate/validate";

/** Progress of long work: `done` of `total` steps (sheets written, …). */
export type ProgressListener = (done: number, total: number) => void;

export interface BuildSummary {
  /** Assessment rows written (clauses + controls + rows people added). */
  rows: number;
  /** True when an existing assessment was rebuilt (values kept) rather than created. */
  rebuilt: boolean;
}

export interface PlanCounts {
  /** Gaps that get a new plan row. */
  added: number;
  /** Existing plan rows kept with their edits. */
  kept: number;
  /** Rows whose gap is closed now (Progress "Resolved"). */
  resolved: number;
  /** Plan rows after the run. */
  rows: number;
}

export interface SnapshotSummary {
  /** Excel date serial of the snapshot. */
  date: number;
  /** Compliance recorded (fractions 0–1; null when nothing on that side is assessed). */
  overall: number | null;
  clauses: number | null;
  annexA: number | null;
  /** Rows on Snapshot History after the run. */
  snapshots: number;
}

export interface AssessmentActions {
  /** Reads the overview figures from the workbook (one round trip). */
  readOverview(): Promise<Overview>;
  /** True when `Clauses 4-10` or `Annex A` exists (rebuild asks first). */
  hasAssessment(): Promise<boolean>;
  build(onProgress?: ProgressListener): Promise<BuildSummary>;
  check(): Promise<ValidationReport>;
  /** Activates the sheet and selects the cell a problem names. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Remediation plan: `apply: false` previews the counts, `apply: true` writes the plan. */
  plan(apply: boolean): Promise<PlanCounts>;
  /** Sheets a pasted template could be on (not the add-in's own). */
  listTemplateSheets(): Promise<string[]>;
  previewAdoption(sheet: string): Promise<AdoptResult>;
  applyAdoption(preview: AdoptResult, overwrite: boolean): Promise<BuildSummary>;
  /** Adds today's scores as a row of values on Snapshot History (the workbook is laid out again, values kept). */
  recordSnapshot(onProgress?: ProgressListener): Promise<SnapshotSummary>;
  /** The executive summary as Markdown; the workbook is not changed. */
  report(): Promise<string>;
  /**
   * Calls `listener` when the workbook changes (worksheet edits), when the host supports change
   * events. Resolves to an unsubscribe function.
   */
  subscribeToChanges(listener: () => void): Promise<() => void>;
}
