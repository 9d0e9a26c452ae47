// The workbook contract (GUIDE.md): sheet names, table names and column headers, exact.
// Every adapter and rule walks these lists instead of spelling names out again.

export const SHEETS = {
  clauses: "Clauses 4-10",
  annexA: "Annex A",
  summary: "Summary",
  remediation: "Remediation Plan",
  settings: "Settings",
  soa: "Statement of Applicability",
  documents: "Documents",
  risks: "Risk Register",
  /** Excel reserves the sheet name "History" (shared-workbook change log), so not that. */
  history: "Snapshot History",
} as const;

/** Every sheet the workbook contract owns: what build, plan, snapshot and the report read. */
export const OWNED_SHEETS: readonly string[] = [
  SHEETS.clauses,
  SHEETS.annexA,
  SHEETS.soa,
  SHEETS.risks,
  SHEETS.documents,
  SHEETS.summary,
  SHEETS.remediation,
  SHEETS.history,
  SHEETS.settings,
];

/** The sheets validate reads: the assessments, the plan, and Settings (team and status words). */
export const CHECKED_SHEETS: readonly string[] = [
  SHEETS.clauses,
  SHEETS.annexA,
  SHEETS.remediation,
  SHEETS.settings,
];

export const TABLES = {
  clauses: "Clauses",
  annexA: "AnnexA",
  remediation: "RemediationPlan",
  soa: "SoA",
  documents: "DocumentList",
  risks: "RiskRegister",
  history: "Snapshots",
  /** On Settings: the people who own rows (the Owner lists read them through Team_Names). */
  team: "AssessmentTeam",
  /** On Settings: a person's own answer words and the status each means (template import). */
  statusWords: "StatusWords",
} as const;

/** Catalog text beside Evidence: what an auditor typically asks to see for the row (issue 17). */
export const EVIDENCE_HINT = "Evidence hint";

/** A reviewer's round trip on a row (issue 18): who reviews, their note, the answer, its state. */
export const REVIEW_COLUMNS = ["Reviewer", "Reviewer note", "Response", "Review"] as const;
/** Columns added to the assessment tables after their first release: a workbook built before
 *  lacks them until a rebuild adds them (validate says so as info, not as a broken table). */
export const LATER_COLUMNS: readonly string[] = [EVIDENCE_HINT, ...REVIEW_COLUMNS];
/** The Review column's list: a note is Open until answered, Answered until the reviewer closes it. */
export const REVIEW_STATES = ["Open", "Answered", "Closed"] as const;

export const CLAUSE_COLUMNS = [
  "ID",
  "Title",
  "Question",
  "Status",
  "Evidence",
  EVIDENCE_HINT,
  "Owner",
  "Likelihood",
  "Impact",
  "Gap score",
  "Risk score",
  "Risk level",
  "Priority",
  "Maturity",
  "Method",
  "Assessed by",
  "Assessed on",
  ...REVIEW_COLUMNS,
  "Notes",
] as const;

export const ANNEX_A_COLUMNS = [
  "ID",
  "Theme",
  "Title",
  "Question",
  "Applicable",
  "Justification",
  "Status",
  "Evidence",
  EVIDENCE_HINT,
  "Owner",
  "Likelihood",
  "Impact",
  "Gap score",
  "Risk score",
  "Risk level",
  "Priority",
  "Maturity",
  "Method",
  "Assessed by",
  "Assessed on",
  ...REVIEW_COLUMNS,
  "Notes",
] as const;

/** How a row was assessed (several may be typed, separated by commas). */
export const ASSESSMENT_METHODS = [
  "Document review",
  "Interview",
  "Observation",
  "Technical test",
] as const;
/** Optional 0–5 maturity levels, shown when Settings switches maturity on. */
export const MATURITY_LEVELS = [
  "Non-existent",
  "Initial",
  "Repeatable",
  "Defined",
  "Managed",
  "Optimised",
] as const;

export const REMEDIATION_COLUMNS = [
  "ID",
  "Source",
  "Title",
  "Finding",
  "Type",
  "Risk level",
  "Priority",
  "Treatment",
  "Action",
  "Owner",
  "Start",
  "Due",
  "Progress",
  "Phase",
  "Effort (days)",
  "Cost",
  "Resources",
  "Notes",
] as const;

export const PHASES = ["Phase 1", "Phase 2", "Phase 3"] as const;

export const TREATMENTS = ["Mitigate", "Accept", "Transfer", "Avoid"] as const;
export const PROGRESS_VALUES = ["Not started", "In progress", "Done", "Resolved"] as const;
export const FINDING_TYPES = ["Policy", "Procedural", "Technical"] as const;

/** Plan columns the builder owns (live lookups into the assessment); the rest is people's. */
export const REMEDIATION_FORMULA_COLUMNS = ["Risk level", "Priority"] as const;

export type ClauseColumn = (typeof CLAUSE_COLUMNS)[number];
export type AnnexAColumn = (typeof ANNEX_A_COLUMNS)[number];
export type AssessmentColumn = ClauseColumn | AnnexAColumn;
export type RemediationColumn = (typeof REMEDIATION_COLUMNS)[number];

/** Whether a header is one of the contract's columns (narrows it to the column type). */
export function hasColumn<C extends string>(columns: readonly C[], header: string): header is C {
  return (columns as readonly string[]).includes(header);
}

/** Columns whose cells are formulas the builder owns; everything else may hold user input. */
export const SCORE_COLUMNS = ["Gap score", "Risk score", "Risk level", "Priority"] as const;

/** Columns filled from the catalog on every build (a person's edits there are not kept). */
export const CATALOG_COLUMNS = ["ID", "Theme", "Title", "Question", EVIDENCE_HINT] as const;

/** The two assessment sheets, described once for code that treats them alike. */
export interface AssessmentSheetSpec {
  kind: "clauses" | "annexA";
  sheet: string;
  table: string;
  columns: readonly AssessmentColumn[];
}

export const ASSESSMENT_SHEETS: readonly AssessmentSheetSpec[] = [
  { kind: "clauses", sheet: SHEETS.clauses, table: TABLES.clauses, columns: CLAUSE_COLUMNS },
  { kind: "annexA", sheet: SHEETS.annexA, table: TABLES.annexA, columns: ANNEX_A_COLUMNS },
];

// The audit sheets (Statement of Applicability, Documents, Risk Register, History).
/** Inclusion reasons, side by side as auditors expect them: each a Yes / blank column. */
export const SOA_REASON_COLUMNS = [
  "Legal or regulatory",
  "Contractual",
  "Business requirement",
  "Risk treatment",
  "Best practice",
] as const;
/** The SoA column listing the Risk Register ids whose "Annex A controls" name the control. */
export const SOA_TREATS_RISKS = "Treats risks";
export const SOA_COLUMNS = [
  "ID",
  "Theme",
  "Control",
  "Applicable",
  ...SOA_REASON_COLUMNS,
  "Justification",
  "Implementation status",
  SOA_TREATS_RISKS,
  "Evidence or document reference",
  "Owner",
] as const;
/** SoA columns that are live lookups into `Annex A` (the builder owns them). Justification is
 *  typed once, on Annex A, and shown here. */
export const SOA_FORMULA_COLUMNS = [
  "Applicable",
  "Justification",
  "Implementation status",
  "Evidence or document reference",
  "Owner",
] as const;
/** Where a justification typed on an earlier SoA stays when Annex A cannot show it (no id, or
 *  Annex A's says something else): a column of the person's, read back like any other. */
export const SOA_KEPT_JUSTIFICATION = "Earlier SoA justification";
/** The single "Reason type" column of earlier SoAs; a rebuild moves its value to the reason column. */
export const SOA_LEGACY_REASON_COLUMN = "Reason type";
/** Earlier "Reason type" values and the reason column each moves to. */
export const SOA_REASON_TYPES = [
  "Legal",
  "Contractual",
  "Business requirement",
  "Risk assessment",
  "Not relevant",
] as const;
export const SOA_LEGACY_REASONS: Record<string, (typeof SOA_REASON_COLUMNS)[number]> = {
  legal: "Legal or regulatory",
  regulatory: "Legal or regulatory",
  "legal or regulatory": "Legal or regulatory",
  contractual: "Contractual",
  "business requirement": "Business requirement",
  business: "Business requirement",
  "risk assessment": "Risk treatment",
  "risk treatment": "Risk treatment",
  "best practice": "Best practice",
};
export const IMPLEMENTATION_STATUSES = [
  "Implemented",
  "Partially implemented",
  "Planned",
  "Not implemented",
  "Excluded",
] as const;
/** Labels of the version and approval block above the SoA table (value in the cell to the right). */
export const SOA_APPROVAL_LABELS = [
  "Version",
  "Prepared by",
  "Approved by",
  "Approval date",
] as const;

export const DOCUMENT_COLUMNS = [
  "ID",
  "Document",
  "Kind",
  "Clause",
  "Required",
  "Exists",
  "Location or link",
  "Owner",
  "Last review",
  "Months between reviews",
  "Next review",
  "Notes",
] as const;
export const DOCUMENT_FORMULA_COLUMNS = ["Required", "Next review"] as const;
export const DOCUMENT_EXISTS_VALUES = ["Yes", "Partly", "No"] as const;

export const RISK_COLUMNS = [
  "ID",
  "Asset or process",
  "Threat",
  "Vulnerability",
  "Likelihood",
  "Impact",
  "Inherent risk",
  "Inherent level",
  "Treatment",
  "Annex A controls",
  "Residual likelihood",
  "Residual impact",
  "Residual risk",
  "Residual level",
  "Owner",
  "Review date",
  "Notes",
] as const;
export const RISK_FORMULA_COLUMNS = [
  "Inherent risk",
  "Inherent level",
  "Residual risk",
  "Residual level",
] as const;

export const HISTORY_COLUMNS = [
  "Date",
  "Overall",
  "Clauses 4-10",
  "Annex A",
  "Compliant",
  "Partially Compliant",
  "Non-Compliant",
  "Not Applicable",
  "Not Assessed",
  "Open actions",
  "Note",
] as const;

/** Sheets protected without a password: formula and catalog cells locked, input columns open. */
export const PROTECTED_SHEETS: readonly string[] = [
  SHEETS.clauses,
  SHEETS.annexA,
  SHEETS.soa,
  SHEETS.risks,
  SHEETS.documents,
  SHEETS.remediation,
];
