// The contract between the task pane's components and the workbook: components receive an
// AssessmentActions object as a prop and never touch Excel themselves (officeActions.ts is the
// Office.js implementation; tests pass their own).
import type { AdoptResult } from "../core/adopt/adopt";
import type { AddedColumn, AddedRow, CellWrite as CompareWrite } from "../core/compare/merge";
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
  /** Preview only: the gaps behind the counts, as "ID Title". */
  gaps?: { added: string[]; kept: string[]; resolved: string[] };
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

/** One cell where the copy differs from the open workbook (A1 `address` in the open workbook). */
export interface CopyCell {
  /** Stable key of the cell (sheet, row ID, column) for a decision. */
  key: string;
  id: string;
  column: string;
  /** As shown; null when blank. */
  mine: string | null;
  theirs: string | null;
  address: string;
  /** What taking theirs writes (conflicts only; cells only theirs has are in the merge's writes). */
  write: CompareWrite | null;
}

/** A row only the copy has: added below the table when their changes are taken. */
export interface CopyRow {
  id: string;
  values: Record<string, string>;
}

export interface CopySheet {
  /** The contract's sheet name, and its name in the open workbook. */
  sheet: string;
  sheetName: string;
  /** Cells that differ: a person decides (mine is kept until they take theirs). */
  conflicts: CopyCell[];
  /** Cells of columns only the copy has: taken. */
  taken: CopyCell[];
  added: CopyRow[];
  /** Rows only the open workbook has (kept). */
  onlyMine: number;
  /** Columns only the copy has, added right of the table. */
  newColumns: string[];
}

/** What "Take their changes" writes. */
export interface CopyChangesToApply {
  writes: CompareWrite[];
  added: AddedRow[];
  columns: AddedColumn[];
}

export interface CopyComparison {
  fileName: string;
  sheets: CopySheet[];
  /** Sheets of ours only the copy has: not merged. */
  missingHere: string[];
  /** The copy's one-sided changes (always taken). */
  merge: CopyChangesToApply;
}

export interface AppliedCopy {
  cells: number;
  rows: number;
  columns: number;
}

/** A copy of the workbook someone sent back, as the file picker gives it. */
export interface CopyFile {
  name: string;
  bytes: ArrayBuffer;
}

/** Sheets a pasted template could be on, and the active one when it is among them. */
export interface TemplateSheets {
  sheets: string[];
  active: string | null;
}

/** The report downloads the pane offers, as the CLI's `report --out report.html|report.docx`. */
export type ReportFormat = "html" | "docx";

/** A check's report with each rule's plain-language description, by rule id. */
export interface CheckReport extends ValidationReport {
  descriptions: Record<string, string>;
}

export interface AssessmentActions {
  /** Reads the overview figures from the workbook (one round trip). */
  readOverview(): Promise<Overview>;
  /** True when `Clauses 4-10` or `Annex A` exists (rebuild asks first). */
  hasAssessment(): Promise<boolean>;
  build(onProgress?: ProgressListener): Promise<BuildSummary>;
  check(): Promise<CheckReport>;
  /** Activates the sheet and selects the cell a problem names. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Remediation plan: `apply: false` previews the counts, `apply: true` writes the plan. */
  plan(apply: boolean): Promise<PlanCounts>;
  /** Sheets a pasted template could be on (not the add-in's own). */
  listTemplateSheets(): Promise<TemplateSheets>;
  previewAdoption(sheet: string): Promise<AdoptResult>;
  applyAdoption(preview: AdoptResult, overwrite: boolean): Promise<BuildSummary>;
  /** Adds today's scores as a row of values on Snapshot History (the workbook is laid out again, values kept). */
  recordSnapshot(onProgress?: ProgressListener): Promise<SnapshotSummary>;
  /** The executive summary as Markdown; the workbook is not changed. */
  report(): Promise<string>;
  /** The report as a file to download: one self-contained HTML page (charts) or a Word document. */
  reportFile(format: ReportFormat): Promise<Blob>;
  /** Compares the open workbook with a copy (an .xlsx file); the workbook is not changed. */
  compareWithCopy(copy: CopyFile): Promise<CopyComparison>;
  /** Writes the copy's one-sided changes and the conflicts whose key is in `takeTheirs`. */
  applyCopyChanges(
    comparison: CopyComparison,
    takeTheirs: ReadonlySet<string>
  ): Promise<AppliedCopy>;
  /**
   * Calls `listener` when the workbook changes (worksheet edits), when the host supports change
   * events. Resolves to an unsubscribe function.
   */
  subscribeToChanges(listener: () => void): Promise<() => void>;
}
