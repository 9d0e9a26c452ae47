// Builds (or rebuilds) the assessment workbook as an .xlsx file: read what people typed in the
// old file, lay the workbook out again, render it, write a new file. The input is never written.
import * as path from 'path';
import ExcelJS from 'exceljs';
import { UsageError, WorkbookReadError } from '../core/errors';
import { harvestWorkbook, mergeInputs } from '../core/harvest';
import { emptyInputs, type AssessmentInputs } from '../core/inputs';
import { layoutWorkbook } from '../core/layout';
import type { WorkbookPlan } from '../core/plan';
import { readSnapshots } from './readSnapshots';
import { renderPlanToWorkbook } from './renderPlan';

export interface BuildOptions {
  out: string;
  /** An existing workbook whose values (and other sheets) the new file keeps. */
  from?: string;
  org?: string;
  /** Values from an imported template. */
  adopted?: AssessmentInputs;
  /** Adopted values replace values already typed (default: fill blanks only). */
  overwrite?: boolean;
  /** Assessment start date (Excel serial); default today. */
  start?: number;
}

export interface BuildResult {
  out: string;
  rows: number;
  plan: WorkbookPlan;
}

export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function buildAssessmentFile(options: BuildOptions): Promise<BuildResult> {
  if (options.from && samePath(options.from, options.out)) {
    throw new UsageError('--out must differ from the input file: the input is never overwritten.');
  }
  const workbook = new ExcelJS.Workbook();
  let inputs = emptyInputs();
  let extraColumns = { clauses: [] as string[], annexA: [] as string[] };
  let settings = new Map();
  if (options.from) {
    const harvest = harvestWorkbook(await readSnapshots(options.from));
    inputs = harvest.inputs;
    extraColumns = harvest.extraColumns;
    settings = harvest.settings;
    try {
      await workbook.xlsx.readFile(options.from);
    } catch (error) {
      throw new WorkbookReadError(`Could not open ${options.from}: ${(error as Error).message}`);
    }
  }
  if (options.adopted) inputs = mergeInputs(inputs, options.adopted, options.overwrite ?? false);
  if (options.org) settings.set('org', options.org);
  const plan = layoutWorkbook({ org: options.org, start: options.start, inputs, extraColumns, settings });
  await renderPlanToWorkbook(plan, workbook);
  workbook.creator = 'gap-assessor';
  await workbook.xlsx.writeFile(options.out);
  const rows = plan.sheets.flatMap((s) => s.tables).reduce((n, t) => n + t.rows, 0);
  return { out: options.out, rows, plan };
}
