// The workbook contract (GUIDE.md): sheet names, table names and column headers, exact.
// Every adapter and rule walks these lists instead of spelling names out again.

export const SHEETS = {
  clauses: 'Clauses 4-10',
  annexA: 'Annex A',
  summary: 'Summary',
  plan: 'Remediation Plan',
  settings: 'Settings',
} as const;

export const TABLES = {
  clauses: 'Clauses',
  annexA: 'AnnexA',
  plan: 'RemediationPlan',
} as const;

export const CLAUSE_COLUMNS = [
  'ID', 'Title', 'Question', 'Status', 'Evidence', 'Owner', 'Likelihood', 'Impact',
  'Gap score', 'Risk score', 'Risk level', 'Priority', 'Notes',
] as const;

export const ANNEX_A_COLUMNS = [
  'ID', 'Theme', 'Title', 'Question', 'Applicable', 'Justification', 'Status', 'Evidence', 'Owner',
  'Likelihood', 'Impact', 'Gap score', 'Risk score', 'Risk level', 'Priority', 'Notes',
] as const;

export const PLAN_COLUMNS = [
  'ID', 'Source', 'Title', 'Finding', 'Type', 'Risk level', 'Priority', 'Treatment', 'Action', 'Owner',
  'Start', 'Due', 'Progress', 'Phase', 'Effort (days)', 'Cost', 'Resources', 'Notes',
] as const;

export const TREATMENTS = ['Mitigate', 'Accept', 'Transfer', 'Avoid'] as const;
export const PROGRESS_VALUES = ['Not started', 'In progress', 'Done', 'Resolved'] as const;
export const FINDING_TYPES = ['Policy', 'Procedural', 'Technical'] as const;

/** Plan columns the builder owns (live lookups into the assessment); the rest is people's. */
export const PLAN_FORMULA_COLUMNS = ['Risk level', 'Priority'] as const;

export type ClauseColumn = (typeof CLAUSE_COLUMNS)[number];
export const PHASES = ['Phase 1', 'Phase 2', 'Phase 3'] as const;

export type AnnexAColumn = (typeof ANNEX_A_COLUMNS)[number];

/** Columns whose cells are formulas the builder owns; everything else may hold user input. */
export const SCORE_COLUMNS = ['Gap score', 'Risk score', 'Risk level', 'Priority'] as const;

/** Columns filled from the catalog on every build (a person's edits there are not kept). */
export const CATALOG_COLUMNS = ['ID', 'Theme', 'Title', 'Question'] as const;

/** The two assessment sheets, described once for code that treats them alike. */
export interface AssessmentSheetSpec {
  kind: 'clauses' | 'annexA';
  sheet: string;
  table: string;
  columns: readonly string[];
}

export const ASSESSMENT_SHEETS: readonly AssessmentSheetSpec[] = [
  { kind: 'clauses', sheet: SHEETS.clauses, table: TABLES.clauses, columns: CLAUSE_COLUMNS },
  { kind: 'annexA', sheet: SHEETS.annexA, table: TABLES.annexA, columns: ANNEX_A_COLUMNS },
];
