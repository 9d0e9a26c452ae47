// Builds (or rebuilds) the assessment workbook as an .xlsx file: read what people typed in the
// old file, lay the workbook out again, write a new file. The input is never written.
// A new workbook is rendered whole. From an existing one (build --from, plan, snapshot, import
// --into) only what the plan owns changes, in place (./reconcile), and whatever ExcelJS cannot
// model is carried over from the input package (./carry); what cannot be kept is named before
// anything is written.
import type { CellLimitWarning } from "../core/layout/cellLimit";
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { UsageError } from "../core/errors";
import { composeWorkbook } from "../core/layout/compose";
import type { AssessmentInputs } from "../core/inputs";
import type { WorkbookPlan } from "../core/layout/workbookPlan";
import type { RemediationMerge } from "../core/remediation";
import type { SheetSnapshot } from "../core/snapshot";
import { carryOver, inspectPackage, PartsWouldBeLostError } from "./carry/carryOver";
import { addPlanCharts, workbookReader } from "./charts/writeCharts";
import { OpcPackage } from "./carry/opcPackage";
import { completeTableStyles } from "./exceljsModel";
import { openXlsxPackage } from "./package/openXlsxPackage";
import { snapshotsOfWorkbook } from "./readSnapshots";
import { applyTableFormulas, planTableFormulas } from "./tableFormulas";
import {
  compactValidations,
  isFirstBuild,
  missingSheets,
  reconcilePlanInWorkbook,
  WorkbookWriteError,
  type ReconcileResult,
} from "./reconcile";
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
  /**
   * Write even when the input holds parts that cannot be kept (they are listed in `dropped`);
   * without it such a build stops before writing (PartsWouldBeLostError).
   */
  allowLoss?: boolean;
}

export interface BuildResult {
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

/** ExcelJS's package, stored rather than deflated (the package pass deflates once, at the end). */
async function writeStored(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as Partial<ExcelJS.XlsxWriteOptions>);
  // Node's ExcelJS hands back a Buffer already: no copy of a package that may be hundreds of MB.
  return Buffer.isBuffer(written) ? written : Buffer.from(written);
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function buildAssessmentFile(options: BuildOptions): Promise<BuildResult> {
  if (options.from && samePath(options.from, options.out)) {
    throw new UsageError("--out must differ from the input file: the input is never overwritten.");
  }
  const workbook = new ExcelJS.Workbook();
  let snapshots: SheetSnapshot[] = [];
  let input: OpcPackage | undefined;
  let label = "";
  if (options.from) {
    // One load: the snapshots are read from the workbook that is then updated in place, and the
    // package the carry-over pass keeps parts from is the one the pre-pass already inflated.
    const opened = await openXlsxPackage(options.from, workbook);
    snapshots = snapshotsOfWorkbook(workbook, opened.label);
    input = OpcPackage.fromParts(opened.inputParts);
    label = opened.label;
  }
  const composition = composeWorkbook(snapshots, options);
  // The values read are in the plan now: let them go before the workbook is written.
  snapshots = [];
  const result: BuildResult = {
    out: options.out,
    rows: composition.rows,
    plan: composition.plan,
    remediation: composition.remediation,
    cellWarnings: composition.cellWarnings,
  };
  if (!input) {
    await renderPlanToWorkbook(composition.plan, workbook);
    workbook.creator = "gap-assessor";
    // Stored, not deflated: one package pass (calculated-column formulas, charts) deflates it once.
    const written = await writeStored(workbook);
    const pkg = OpcPackage.readOwn(written);
    applyTableFormulas(pkg, planTableFormulas(composition.plan));
    addPlanCharts(pkg, composition.plan, workbookReader(workbook));
    await fs.writeFile(options.out, await pkg.write());
    return result;
  }
  return {
    ...result,
    ...(await updateExisting({ original: input, label }, options, composition.plan, workbook)),
  };
}

/** From an existing workbook: checks what can be kept, updates what we own, carries the rest. */
async function updateExisting(
  { original, label }: { original: OpcPackage; label: string },
  options: BuildOptions,
  plan: WorkbookPlan,
  workbook: ExcelJS.Workbook
): Promise<Pick<BuildResult, "reconciled" | "kept" | "dropped">> {
  const inventory = inspectPackage(original, { out: options.out });
  if (inventory.lost.length && !options.allowLoss)
    throw new PartsWouldBeLostError(label, inventory.lost);
  const added = missingSheets(plan, workbook);
  if (inventory.lockStructure && added.length) {
    throw new WorkbookWriteError(
      `${label} has its structure protected (Review › Protect Workbook), and this command would add ` +
        `the sheet${added.length === 1 ? "" : "s"} ${added.map((s) => `"${s}"`).join(", ")}.`,
      "Nothing was written. Unprotect the workbook structure in Excel, run the command again, then protect it again."
    );
  }
  let reconciled: ReconcileResult | undefined;
  if (isFirstBuild(plan, workbook)) await renderPlanToWorkbook(plan, workbook);
  else reconciled = await reconcilePlanInWorkbook(plan, workbook);
  for (const ws of workbook.worksheets) {
    compactValidations(ws);
    completeTableStyles(ws);
  }
  workbook.creator ||= "gap-assessor";
  workbook.lastModifiedBy = "gap-assessor";
  // Stored, not deflated: the carry-over pass reads it back and deflates the final package once.
  const written = await writeStored(workbook);
  const carried = await carryOver(original, written, {
    out: options.out,
    ownedNames: plan.names.map((n) => n.name),
    finish: (pkg) => {
      applyTableFormulas(pkg, planTableFormulas(plan));
      addPlanCharts(pkg, plan, workbookReader(workbook));
    },
  });
  await fs.writeFile(options.out, carried.bytes);
  return {
    reconciled,
    kept: inventory.kept,
    dropped: inventory.lost.map((l) => `${l.what} (${l.part})`),
  };
}
