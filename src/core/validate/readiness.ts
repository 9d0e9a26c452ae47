// Readiness blockers by name (issue 11): what stands between the workbook and a Stage 1 or
// Stage 2 audit. Information, not errors: a workbook can be valid long before it is ready.
import { todaySerial } from "../dates";
import { readinessBlockers, type Blocker } from "../readiness";
import { parseCellAddress } from "../snapshot";
import type { WorkbookRule } from "./types";

/** Not-assessed rows are already one info each (not-assessed); here they are counted once per
 *  kind and stage, at the first such row. */
const SUMMARISED: Partial<Record<Blocker["kind"], [string, string]>> = {
  "clause-not-assessed": ["clause", "clauses"],
  "control-not-assessed": ["applicable control", "applicable controls"],
};

export const readinessBlocker: WorkbookRule = {
  id: "readiness-blocker",
  severity: "info",
  scope: "workbook",
  description: "Something that blocks a Stage 1 or Stage 2 certification audit",
  check(workbook, report) {
    const blockers = readinessBlockers([...workbook.snapshots], {
      today: todaySerial(workbook.today),
    });
    const stageOf = (b: Blocker): string => (b.stage === 1 ? "Stage 1 and 2" : "Stage 2");
    const summarised = new Map<string, Blocker[]>();
    for (const b of blockers) {
      if (SUMMARISED[b.kind]) {
        const key = `${b.kind}|${b.stage}`;
        summarised.set(key, [...(summarised.get(key) ?? []), b]);
        continue;
      }
      report(
        { sheet: b.sheet, ...parseCellAddress(b.cell), id: b.id },
        `${stageOf(b)} blocker: ${b.message}`
      );
    }
    for (const list of summarised.values()) {
      const first = list[0];
      const [one, many] = SUMMARISED[first.kind] ?? ["row", "rows"];
      report(
        { sheet: first.sheet, ...parseCellAddress(first.cell), id: first.id },
        `${stageOf(first)} blocker: ${list.length} ${list.length === 1 ? one : many} not assessed yet, from ${first.id}.`
      );
    }
  },
};
