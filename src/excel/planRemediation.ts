// "Create remediation plan" in Excel: preview the merge (new / kept / resolved) from one read,
// then write it through the same build path, keeping every edit on the plan.
import { composeWorkbook } from "../core/layout/compose";
import { buildAssessment } from "./buildAssessment";
import { readWorkbook } from "./readSnapshots";
import { OWNED_SHEETS } from "../core/contract";

export interface PlanOutcome {
  added: number;
  kept: number;
  resolved: number;
  rows: number;
}

export async function planRemediation(
  context: Excel.RequestContext,
  options: { apply: boolean }
): Promise<PlanOutcome> {
  if (options.apply) {
    const result = await buildAssessment(context, { remediation: true });
    const merge = result.remediation;
    return {
      added: merge?.added ?? 0,
      kept: merge?.kept ?? 0,
      resolved: merge?.resolved ?? 0,
      rows: merge?.rows.length ?? 0,
    };
  }
  const read = await readWorkbook(context, OWNED_SHEETS, { lean: true });
  const merge = composeWorkbook(read.snapshots, { remediation: true }).remediation;
  return {
    added: merge?.added ?? 0,
    kept: merge?.kept ?? 0,
    resolved: merge?.resolved ?? 0,
    rows: merge?.rows.length ?? 0,
  };
}
