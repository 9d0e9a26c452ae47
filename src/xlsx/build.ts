// Builds (or rebuilds) the assessment workbook as an .xlsx file: read what people typed in the
// old file, lay the workbook out again, render it, write a new file. The input is never written.
import * as path from "path";
import ExcelJS from "exceljs";
import { UsageError } from "../core/errors";
import { composeWorkbook } from "../core/layout/compose";
import type { AssessmentInputs } from "../core/inputs";
import type { WorkbookPlan } from "../core/layout/workbookPlan";
import type { RemediationMerge } from "../core/remediation";
import type { SheetSnapshot } from "../core/snapshot";
import { openXlsxPackage } from "./package/openXlsxPackage";
import { readSnapshots } from "./readSnapshots";
import { renderPlanToWorkbook } from "./renderPlan";

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
  /** Create or regenerate the Remediation Plan from the current gaps. */
  remediation?: boolean;
}

export interface BuildResult {
  out: string;
  rows: number;
  plan: WorkbookPlan;
  remediation?: RemediationMerge;
}

export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function buildAssessmentFile(options: BuildOptions): Promise<BuildResult> {
  if (options.from && samePath(options.from, options.out)) {
    throw new UsageError("--out must differ from the input file: the input is never overwritten.");
  }
  const workbook = new ExcelJS.Workbook();
  let snapshots: SheetSnapshot[] = [];
  if (options.from) {
    snapshots = await readSnapshots(options.from);
    await openXlsxPackage(options.from, workbook);
  }
  const composition = composeWorkbook(snapshots, options);
  await renderPlanToWorkbook(composition.plan, workbook);
  workbook.creator = "gap-assessor";
  await workbook.xlsx.writeFile(options.out);
  return {
    out: options.out,
    rows: composition.rows,
    plan: composition.plan,
    remediation: composition.remediation,
  };
}
