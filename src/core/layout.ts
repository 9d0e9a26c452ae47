// catalog + settings + what people typed → WorkbookPlan. Both renderers draw this plan.
import { ASSESSMENT_SHEETS } from './contract';
import { emptyInputs, type AssessmentInputs } from './inputs';
import type { WorkbookPlan } from './plan';
import type { CellValue } from './snapshot';
import { layoutAssessmentSheet } from './layout/assessmentSheet';
import { layoutSettings, todaySerial } from './layout/settingsSheet';
import { layoutSummary } from './layout/summarySheet';
import { layoutPlanSheet } from './layout/planSheet';
import type { PlanRow } from './remediation';

export interface LayoutOptions {
  /** Organisation name for a new workbook (a kept Settings value wins). */
  org?: string;
  /** Assessment start as an Excel serial; default today. */
  start?: number;
  /** Values people typed on the assessment sheets, by row id. */
  inputs?: AssessmentInputs;
  /** Headers of columns people added to each table, in order. */
  extraColumns?: { clauses: string[]; annexA: string[] };
  /** Settings values people changed, by setting key. */
  settings?: Map<string, CellValue>;
  /** The person's own status words on Settings. */
  statusWords?: [CellValue, CellValue][];
  /** Remediation Plan rows (after merging); absent = the workbook has no plan sheet. */
  plan?: { rows: PlanRow[]; extraColumns: string[] };
}

export function layoutWorkbook(options: LayoutOptions = {}): WorkbookPlan {
  const inputs = options.inputs ?? emptyInputs();
  const settings = layoutSettings(options.org ?? '', options.start ?? todaySerial(), options.settings ?? new Map(), options.statusWords);
  const owners = options.plan && [...new Set(options.plan.rows.map((r) => String(r.Owner ?? '').trim()).filter(Boolean))].sort();
  const summary = layoutSummary(owners);
  const assessment = ASSESSMENT_SHEETS.map((spec) =>
    layoutAssessmentSheet({ spec, inputs: inputs[spec.kind], extraColumns: options.extraColumns?.[spec.kind] ?? [] }),
  );
  return {
    sheets: [...assessment, summary.sheet, ...(options.plan ? [layoutPlanSheet(options.plan.rows, options.plan.extraColumns)] : []), settings.sheet],
    names: [...settings.names, ...summary.names],
  };
}
