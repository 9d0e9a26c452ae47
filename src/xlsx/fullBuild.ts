// The full path of a build: ExcelJS renders a new workbook whole; from an existing one (when the
// package patch of ./build cannot do the run) it loads the workbook, reconciles what we own in
// place (./reconcile), writes it and carries over what ExcelJS cannot model (./carry). Loaded
// only when needed: ExcelJS costs about 0.4 s to load.
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { composeWorkbook } from "../core/layout/compose";
import type { WorkbookPlan } from "../core/layout/workbookPlan";
import type { SheetSnapshot } from "../core/snapshot";
import type { BuildOptions, BuildResult } from "./buildOptions";
import { carryOver, inspectPackage, PartsWouldBeLostError } from "./carry/carryOver";
import { OpcPackage } from "./carry/opcPackage";
import { addPlanCharts, workbookReader } from "./charts/writeCharts";
import { completeTableStyles } from "./exceljsModel";
import { openXlsxPackage } from "./package/openXlsxPackage";
import { snapshotsOfWorkbook } from "./readSnapshots";
import {
  compactValidations,
  isFirstBuild,
  missingSheets,
  reconcilePlanInWorkbook,
  WorkbookWriteError,
  type ReconcileResult,
} from "./reconcile";
import { renderPlanToWorkbook } from "./renderPlan";
import { applyTableFormulas, planTableFormulas } from "./tableFormulas";

/** ExcelJS's package, stored rather than deflated (the package pass deflates once, at the end). */
async function writeStored(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const written = await workbook.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as Partial<ExcelJS.XlsxWriteOptions>);
  // Node's ExcelJS hands back a Buffer already: no copy of a package that may be hundreds of MB.
  return Buffer.isBuffer(written) ? written : Buffer.from(written);
}

/** Builds `options.out` through ExcelJS; `fullPathReason` says why the patch did not. */
export async function fullBuild(
  options: BuildOptions,
  fullPathReason: string | undefined
): Promise<BuildResult> {
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
    path: "full",
    fullPathReason,
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
