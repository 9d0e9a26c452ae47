// What a build of an .xlsx workbook is asked (the options of build, plan, snapshot and import
// --into) and what it reports, shared by the package patch (./build) and the full path
// (./fullBuild).
import type { AssessmentInputs } from "../core/inputs";
import type { CellLimitWarning } from "../core/layout/cellLimit";
import type { WorkbookPlan } from "../core/layout/workbookPlan";
import type { RemediationMerge } from "../core/remediation";
import type { ReconcileResult } from "./reconcile";

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
  /**
   * Write even when the input holds parts that cannot be kept (they are listed in `dropped`);
   * without it such a build stops before writing (PartsWouldBeLostError).
   */
  allowLoss?: boolean;
  /** Always load the workbook into ExcelJS (no package patch): tests compare the two paths. */
  fullPath?: boolean;
}

export interface BuildResult {
  /** From an existing workbook: "patch" when its package was edited in place, else "full". */
  path?: "patch" | "full";
  /** Why the package patch could not do this run (the full path did). */
  fullPathReason?: string;
  out: string;
  rows: number;
  plan: WorkbookPlan;
  remediation?: RemediationMerge;
  /** From an existing workbook: what changed in the sheets we own. */
  reconciled?: ReconcileResult;
  /** From an existing workbook: what ExcelJS cannot model and was carried over from the input. */
  kept?: string[];
  /** Parts of the input left out of the output (only with `allowLoss`). */
  dropped?: string[];
  /** Cells cut to Excel's 32,767-character limit. */
  cellWarnings: CellLimitWarning[];
}
