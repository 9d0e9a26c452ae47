// Shapes shared by the validation rules: problems, rule-table entries and the views rules read.
import type { AssessmentSheetSpec } from "../contract";
import type { LocatedTable } from "../read/locate";
import type { Status } from "../scale";
import type { CellValue, SheetSnapshot } from "../snapshot";

export type Severity = "error" | "warning" | "info";

/** Rules over the two assessment sheets, `Clauses 4-10` and `Annex A`. */
export type AssessmentRuleId =
  | "sheet-missing"
  | "column-missing"
  | "column-new"
  | "id-unknown"
  | "id-duplicate"
  | "row-missing"
  | "status-invalid"
  | "status-case"
  | "clause-not-applicable"
  | "applicable-invalid"
  | "applicable-conflict"
  | "justification-missing"
  | "evidence-missing"
  | "evidence-placeholder"
  | "risk-out-of-range"
  | "risk-missing"
  | "owner-missing"
  | "formula-overwritten"
  | "not-assessed"
  | "compliant-interview-only"
  | "owner-not-in-team"
  | "readiness-blocker"
  | "soa-risk-excluded"
  | "review-invalid"
  | "review-open"
  | "review-answered"
  // A rule's check itself failed on odd input: reported, never thrown.
  | "check-failed";

/** Rules over the Remediation Plan sheet. */
export type RemediationRuleId =
  "plan-owner-missing" | "plan-due-missing" | "plan-due-before-start" | "plan-overdue";

export type RuleId = AssessmentRuleId | RemediationRuleId;

export interface Problem {
  sheet: string;
  /** A1 address, e.g. "E12". */
  cell: string;
  /** The row's ID as typed (trimmed), or "" when the problem is not about one row. */
  id: string;
  rule: RuleId;
  severity: Severity;
  message: string;
}

export interface ValidationReport {
  problems: Problem[];
  summary: { errors: number; warnings: number; infos: number };
}

/** Where a check points: a sheet cell (0-based sheet coordinates) and the row's ID. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
  id: string;
}

/** What a check calls for each finding; the engine adds the rule id and severity. */
export type Report = (at: CellRef, message: string) => void;

/** How a Status cell reads, from the formulas' point of view (case-insensitive, not trim-insensitive). */
export type StatusReading =
  | { kind: "blank" }
  | { kind: "exact"; status: Status }
  /** Differs only in letter case: the formulas score it, the list validation does not accept it. */
  | { kind: "case"; status: Status; raw: string }
  /** Extra, leading, trailing or non-breaking spaces: the formulas do not score it. */
  | { kind: "spacing"; status: Status; raw: string }
  | { kind: "invalid"; raw: string; suggestion: Status | null };

export type Applicability = "Yes" | "No";

export type ApplicableReading =
  | { kind: "blank" }
  /** Exact, or different letter case only (formulas compare case-insensitively). */
  | { kind: "ok"; value: Applicability }
  | { kind: "spacing"; value: Applicability; raw: string }
  | { kind: "invalid"; raw: string; suggestion: Applicability | null };

/** One data row of an assessment table, with its readings computed once. */
export interface RowView {
  readonly sheet: AssessmentSheetView;
  /** Index into snapshot.values. */
  readonly r: number;
  /** The ID cell's text, trimmed; "" when blank. */
  readonly id: string;
  /** Canonical catalog id ("5.1") when the ID names an item of this sheet's catalog, else null. */
  readonly catalogId: string | null;
  /** "Control 5.1", "Clause 6.1.2" or "Row 14" — how messages name the row. */
  readonly label: string;
  readonly status: StatusReading;
  /** The status the row means: blank reads as Not Assessed; null when the Status is not on the scale. */
  readonly effective: Status | null;
  readonly applicable: ApplicableReading;
  /** Whether the table has this contract column. */
  has(column: string): boolean;
  /** Raw value of a column (what formulas see). */
  value(column: string): CellValue;
  /** Displayed text, trimmed; a blank cell inside a merged area shows the merge's text. */
  shown(column: string): string;
  /** Whether the cell holds a formula. */
  isFormula(column: string): boolean;
  /** The cell of a column in this row (the ID cell when the column is absent). */
  at(column: string): CellRef;
}

/** A located assessment table and its rows. */
export interface AssessmentSheetView {
  readonly spec: AssessmentSheetSpec;
  readonly snapshot: SheetSnapshot;
  readonly table: LocatedTable;
  /** Rows that carry an ID or assessment input (merge continuation rows excluded). */
  readonly rows: RowView[];
  /** Sheet row (0-based) of the first empty row below the table: where a missing row would go. */
  readonly endRow: number;
  /** Sheet column (0-based) of a contract column, or of the ID column when absent. */
  col(column: string): number;
}

/** The whole workbook as the rules see it. */
export interface WorkbookView {
  readonly snapshots: readonly SheetSnapshot[];
  /** Assessment sheet views by kind; null when the sheet or its header is missing. */
  readonly sheets: ReadonlyMap<AssessmentSheetSpec["kind"], AssessmentSheetView | null>;
  /** Sheets whose view could not be built (reported as check-failed, not as missing). */
  readonly broken: ReadonlySet<AssessmentSheetSpec["kind"]>;
  readonly today: Date;
}

interface RuleInfo {
  id: RuleId;
  severity: Severity;
  /** One line for reports and the task pane's rule list. */
  description: string;
}

export interface WorkbookRule extends RuleInfo {
  scope: "workbook";
  check(workbook: WorkbookView, report: Report): void;
}

export interface SheetRule extends RuleInfo {
  scope: "sheet";
  /** Sheet kinds the rule applies to; all when absent. */
  kinds?: readonly AssessmentSheetSpec["kind"][];
  check(sheet: AssessmentSheetView, report: Report): void;
}

export interface RowRule extends RuleInfo {
  scope: "row";
  kinds?: readonly AssessmentSheetSpec["kind"][];
  /** Rows without an ID are only seen by rules that ask for them. */
  includeRowsWithoutId?: boolean;
  check(row: RowView, report: Report): void;
}

/** A rule over the Remediation Plan sheet (see ./remediationPlan.ts). */
export interface RemediationRule extends RuleInfo {
  scope: "plan";
  check(plan: { snapshot: SheetSnapshot; today: Date }, report: Report): void;
}

export type Rule = WorkbookRule | SheetRule | RowRule | RemediationRule;
