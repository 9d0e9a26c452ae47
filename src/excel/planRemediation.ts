// "Create remediation plan" in Excel: preview the merge (new / kept / resolved) from one read,
// then write it through the same build path, keeping every edit on the plan.
import { composeWorkbook } from "../core/layout/compose";
import { buildAssessment } from "./buildAssessment";
import { readWorkbook } from "./readSnapshots";
import { OWNED_SHEETS, SHEETS } from "../core/contract";
import { readRemediationRows, type RemediationRow } from "../core/read/remediation";
import { findSheet } from "../core/read/sheets";

export interface PlanOutcome {
  added: number;
  kept: number;
  resolved: number;
  rows: number;
  /** Preview only: which gaps the counts are ("5.1 Policies for information security"). */
  gaps?: { added: string[]; kept: string[]; resolved: string[] };
}

const rowKey = (r: RemediationRow): string =>
  `${String(r.Source ?? "")
    .trim()
    .toLowerCase()}|${String(r.ID ?? "").trim()}`;
const rowLabel = (r: RemediationRow): string =>
  [r.ID, r.Title].filter((v) => v !== null && v !== undefined && String(v).trim()).join(" ");
const isResolved = (r: RemediationRow | undefined): boolean =>
  String(r?.Progress ?? "")
    .trim()
    .toLowerCase() === "resolved";

/** The plan rows after the merge, sorted into new, kept and newly resolved against the rows before. */
function gapLists(
  before: RemediationRow[],
  after: RemediationRow[]
): { added: string[]; kept: string[]; resolved: string[] } {
  const had = new Map(before.map((r) => [rowKey(r), r]));
  const lists = { added: [] as string[], kept: [] as string[], resolved: [] as string[] };
  for (const row of after) {
    if (!String(row.ID ?? "").trim()) continue;
    const was = had.get(rowKey(row));
    if (!was) lists.added.push(rowLabel(row));
    else if (isResolved(row) && !isResolved(was)) lists.resolved.push(rowLabel(row));
    else lists.kept.push(rowLabel(row));
  }
  return lists;
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
  const before = readRemediationRows(findSheet(read.snapshots, SHEETS.remediation)).rows;
  return {
    added: merge?.added ?? 0,
    kept: merge?.kept ?? 0,
    resolved: merge?.resolved ?? 0,
    rows: merge?.rows.length ?? 0,
    gaps: gapLists(before, merge?.rows ?? []),
  };
}
