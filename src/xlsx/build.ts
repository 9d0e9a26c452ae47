// Builds (or rebuilds) the assessment workbook as an .xlsx file: read what people typed in the
// old file, lay the workbook out again, write a new file. The input is never written.
// From an existing one (build --from, plan, snapshot, import --into) only what the plan owns
// changes: first by patching the package in place (./patch: the stream reader's snapshots, the
// owned cells rewritten in the sheet XML, every other part kept byte for byte); what the patch
// cannot do goes to the full path (./fullBuild: ExcelJS, ./reconcile, ./carry), which also
// renders a new workbook whole and names, before writing, any part it cannot keep.
import { promises as fs } from "fs";
import * as path from "path";
import { UsageError } from "../core/errors";
import { composeWorkbook } from "../core/layout/compose";
import { inspectPackage } from "./carry/carryOver";
import { OpcPackage } from "./carry/opcPackage";
import { loadXlsxBytes } from "./package/openXlsxPackage";
import { patchWorkbook, sheetFrame } from "./patch/patchWorkbook";
import { streamSnapshots } from "./streamSnapshots";
import type { BuildOptions, BuildResult } from "./buildOptions";

export type { BuildOptions, BuildResult } from "./buildOptions";

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function buildAssessmentFile(options: BuildOptions): Promise<BuildResult> {
  if (options.from && samePath(options.from, options.out)) {
    throw new UsageError("--out must differ from the input file: the input is never overwritten.");
  }
  let fullPathReason: string | undefined;
  if (options.from && !options.fullPath) {
    const patched = await patchExisting(options, options.from);
    if ("bytes" in patched) {
      await fs.writeFile(options.out, patched.bytes);
      return patched.result;
    }
    fullPathReason = patched.reason;
  }
  // Loaded here, not imported above: ExcelJS (about 0.4 s) loads only when the full path runs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fullBuild } = require("./fullBuild") as typeof import("./fullBuild");
  return fullBuild(options, fullPathReason);
}

/**
 * The fast path from an existing workbook: read it with the stream reader and edit its package
 * in place (./patch). Gives the reason instead when the full path must do the run.
 */
async function patchExisting(
  options: BuildOptions,
  from: string
): Promise<{ bytes: Buffer; result: BuildResult } | { reason: string }> {
  const { bytes } = await loadXlsxBytes(from);
  // The frame of each worksheet (its XML without the rows) is kept as it is read, so the patch
  // inflates again only the sheets it edits.
  const frames = new Map<string, { frame: string; size: number }>();
  const snapshots = await streamSnapshots(bytes, {
    onWorksheet: (part, xml) => {
      if (Buffer.isBuffer(xml)) frames.set(part, { frame: sheetFrame(xml), size: xml.length });
    },
  });
  let pkg: OpcPackage;
  try {
    pkg = OpcPackage.readOwn(bytes);
  } catch (error) {
    return { reason: `the zip layout needs the full reader (${(error as Error).message})` };
  }
  const inventory = inspectPackage(pkg, { out: options.out });
  if (inventory.lost.length) return { reason: "parts need the carry-over check" };
  const composition = composeWorkbook(snapshots, options);
  // The patch compares values and formulas only: the display texts can go before it runs.
  for (const snapshot of snapshots) snapshot.text = [];
  try {
    const { reconciled } = patchWorkbook(pkg, snapshots, composition.plan, frames);
    return {
      bytes: await pkg.write(),
      result: {
        out: options.out,
        rows: composition.rows,
        plan: composition.plan,
        remediation: composition.remediation,
        cellWarnings: composition.cellWarnings,
        reconciled,
        kept: inventory.kept,
        dropped: [],
        path: "patch",
      },
    };
  } catch (error) {
    // Whatever the patch cannot do, or fails at, the full path does (and reports any real damage).
    return { reason: (error as Error)?.message ?? String(error) };
  }
}
