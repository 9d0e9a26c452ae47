// "Build assessment" in Excel: one read of what exists, the same layout the CLI uses, one
// batched write. Values people typed are read back first and written again; nothing is lost.
import { SHEETS } from "../core/contract";
import { composeWorkbook } from "../core/layout/compose";
import type { AssessmentInputs } from "../core/inputs";
import type { RemediationMerge } from "../core/remediation";
import { readWorkbook } from "./readSnapshots";
import { renderPlan, type RenderProgress } from "./renderPlan";

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

export const OWNED_SHEETS = [
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
  const read = await readWorkbook(context, OWNED_SHEETS, { lean: true });
  const composition = composeWorkbook(read.snapshots, options);
  const supportsCharts =
    typeof Office === "undefined" ||
    Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.8") !== false;
  const writes = await renderPlan(context, composition.plan, {
    sheets: read.sheets,
    names: read.names,
    supportsCharts,
    onProgress: options.onProgress,
  });
  return {
    rows: composition.rows,
    rebuilt: composition.harvest.found.clauses || composition.harvest.found.annexA,
    syncs: 1 + writes,
    remediation: composition.remediation,
  };
}
