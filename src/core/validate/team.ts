// How rows were assessed and by whom: a Compliant verdict resting on an interview alone, and
// owners who are not on the team table on Settings (allowed, but worth a second look).
import { SHEETS } from "../contract";
import { isBlank, normalizeHeader } from "../read/locate";
import type { SheetSnapshot } from "../snapshot";
import { quoted } from "./text";
import type { RowRule, WorkbookRule } from "./types";
import { findTeamTable, specCell } from "../settingsTables";
import { findSheet } from "../read/sheets";

/** The methods typed in a cell: "Interview, document review" → ["interview", "document review"]. */
export function methodsOf(text: string): string[] {
  return text
    .split(/[,;/+&\n]|\band\b/i)
    .map((m) => m.trim().toLowerCase())
    .filter(Boolean);
}

export const compliantByInterviewOnly: RowRule = {
  id: "compliant-interview-only",
  severity: "warning",
  scope: "row",
  description: "A Compliant row established by interview alone",
  check(row, report) {
    if (!row.has("Method") || row.effective !== "Compliant") return;
    const methods = methodsOf(row.shown("Method"));
    if (methods.length === 0 || !methods.every((m) => m.startsWith("interview"))) return;
    report(
      row.at("Method"),
      `${row.label} is Compliant on the strength of an interview alone. An auditor will want to see it: add a document review, observation or technical test.`
    );
  },
};

/** Names in the team table on Settings (its Name column, every row of the table: blank rows
 *  inside are skipped, never taken for its end). */
export function teamNames(snapshot: SheetSnapshot | undefined): Set<string> {
  const names = new Set<string>();
  const table = findTeamTable(snapshot);
  if (!snapshot || !table) return names;
  for (const r of table.rows) {
    const name = specCell(snapshot, table, r, 0);
    if (!isBlank(name)) names.add(normalizeHeader(name));
  }
  return names;
}

export const ownerNotInTeam: WorkbookRule = {
  id: "owner-not-in-team",
  severity: "warning",
  scope: "workbook",
  description: "An Owner, assessor or reviewer who is not in the team table on Settings",
  check(workbook, report) {
    const team = teamNames(findSheet(workbook.snapshots, SHEETS.settings));
    if (team.size === 0) return; // no team recorded yet: nothing to compare with
    for (const sheet of workbook.sheets.values()) {
      for (const row of sheet?.rows ?? []) {
        for (const column of ["Owner", "Assessed by", "Reviewer"]) {
          const name = row.has(column) ? row.shown(column) : "";
          if (name && !team.has(normalizeHeader(name))) {
            report(
              row.at(column),
              `${row.label}: ${quoted(name)} is not in the team table on Settings. Add them there, or pick a name from the list.`
            );
          }
        }
      }
    }
  },
};
