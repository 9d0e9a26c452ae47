// "Build assessment" in Excel: one read of what exists, the same layout the CLI uses, and only
// the differences written (the whole plan on the first build of an empty workbook). Values people
// typed are read back and kept; what they added around our cells is never touched.
import { SHEETS, OWNED_SHEETS } from "../core/contract";
import { composeWorkbook } from "../core/layout/compose";
import type { AssessmentInputs } from "../core/inputs";
import type { RemediationMerge } from "../core/remediation";
import { readWorkbook } from "./readSnapshots";
import type { RenderProgress } from "./renderPlan";
import { OWNED_TABLES, reconcilePlan } from "./reconcile";

export interface BuildInExcelOptions {
  org?: string;
  adopted?: AssessmentInputs;
  overwrite?: boolean;
  remediation?: boolean;
  onProgress?: RenderProgress;
}

export interface BuildInExcelResult {
  rows: number;
  rebuilt: boolean;
  syncs: number;
  remediation?: RemediationMerge;
}

/** Charts need ExcelApi 1.8 (outside Office, e.g. in tests, they are assumed). */
export function supportsCharts(): boolean {
  return (
    typeof Office === "undefined" ||
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.8") !== false
  );
}

/** True when the workbook already has assessment sheets (the task pane asks before rebuilding). */
export async function hasAssessment(context: Excel.RequestContext): Promise<boolean> {
  const sheets = [SHEETS.clauses, SHEETS.annexA].map((n) =>
    context.workbook.worksheets.getItemOrNullObject(n).load("name")
  );
  await context.sync();
  return sheets.some((s) => !s.isNullObject);
}

export async function buildAssessment(
  context: Excel.RequestContext,
  options: BuildInExcelOptions = {}
): Promise<BuildInExcelResult> {
  const read = await readWorkbook(context, OWNED_SHEETS, { lean: true, tables: OWNED_TABLES });
  const composition = composeWorkbook(read.snapshots, options);
  const { syncs: writes } = await reconcilePlan(context, composition.plan, read, {
    supportsCharts: supportsCharts(),
    onProgress: options.onProgress,
  });
  return {
    rows: composition.rows,
    rebuilt: composition.harvest.found.clauses || composition.harvest.found.annexA,
    syncs: 1 + writes,
    remediation: composition.remediation,
  };
}
