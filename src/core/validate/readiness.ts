// Readiness blockers by name (issue 11): what stands between the workbook and a Stage 1 or
// Stage 2 audit. Information, not errors: a workbook can be valid long before it is ready.
import { readinessBlockers } from "../readiness";
import { parseCellAddress } from "../snapshot";
import type { WorkbookRule } from "./types";

/** Not-assessed rows are already one info each (not-assessed); here they are counted once. */
const SUMMARISED = /is (applicable but )?not assessed/;

export const readinessBlocker: WorkbookRule = {
  id: "readiness-blocker",
  severity: "info",
  scope: "workbook",
  description: "Something that blocks a Stage 1 or Stage 2 certification audit",
  check(workbook, report) {
    const blockers = readinessBlockers([...workbook.snapshots]);
    const summarised = new Map<string, typeof blockers>();
    for (const b of blockers) {
      const stage = b.stage === 1 ? "Stage 1 and 2" : "Stage 2";
      if (SUMMARISED.test(b.message)) {
        summarised.set(b.sheet, [...(summarised.get(b.sheet) ?? []), b]);
        continue;
      }
      report(
        { sheet: b.sheet, ...parseCellAddress(b.cell), id: b.id },
        `${stage} blocker: ${b.message}`
      );
    }
    for (const [sheet, list] of summarised) {
      const first = list[0];
      report(
        { sheet, ...parseCellAddress(first.cell), id: first.id },
        `Stage 1 and 2 blocker: ${list.length} ${sheet === "Clauses 4-10" ? "clauses" : "applicable controls"} not assessed yet, from ${first.id}.`
      );
    }
  },
};
