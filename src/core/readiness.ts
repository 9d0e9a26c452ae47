// Certification readiness (Stage 1 and Stage 2 audits): the blockers by name, computed from the
// sheets exactly as the Summary's readiness formulas count them.
import { readAssessmentRows } from "./read/assessment";
import { ASSESSMENT_SHEETS, DOCUMENT_COLUMNS, SHEETS } from "./contract";
import { isBlank, locateAssessmentTable } from "./read/locate";
import { sameText, scoreRow } from "./scoring";
import { cellAddress, type CellValue, type SheetSnapshot } from "./snapshot";
import { documentRequired } from "./read/documents";
import { findSheet } from "./read/sheets";

/** Records that show the ISMS has run a full cycle: Stage 2 asks for them, Stage 1 does not. */
export const STAGE2_RECORDS = ["audit-results", "management-review-results"] as const;

export type BlockerKind =
  | "document-missing"
  | "document-unreviewed"
  | "clause-not-assessed"
  | "clause-non-compliant"
  | "exclusion-unjustified"
  | "control-not-assessed"
  | "open-high-gap";

/** How a group of blockers of one kind reads in a report: "3 clauses are Non-Compliant". */
export const BLOCKER_GROUPS: Record<BlockerKind, string> = {
  "document-missing": "required documents or records do not exist yet",
  "document-unreviewed": "existing documents have no review date",
  "clause-not-assessed": "clauses are not assessed",
  "clause-non-compliant": "clauses are Non-Compliant",
  "exclusion-unjustified": "Annex A exclusions have no justification",
  "control-not-assessed": "applicable controls are not assessed",
  "open-high-gap": "gaps rated Critical or High are still open",
};

export interface Blocker {
  kind: BlockerKind;
  stage: 1 | 2;
  sheet: string;
  /** A1 cell to fix. */
  cell: string;
  id: string;
  message: string;
}

interface Table {
  snapshot: SheetSnapshot;
  rows: { r: number; value(column: string): CellValue; at(column: string): string }[];
}

function table(
  snapshots: SheetSnapshot[],
  sheet: string,
  columns: readonly string[],
  required: readonly string[]
): Table | null {
  const snapshot = findSheet(snapshots, sheet);
  const located = snapshot && locateAssessmentTable(snapshot, { columns }, required);
  if (!snapshot || !located) return null;
  return {
    snapshot,
    rows: located.dataRows.map((r) => ({
      r,
      value: (c: string) => {
        const i = located.columns.get(c);
        return i === undefined ? null : (snapshot.values[r]?.[i] ?? null);
      },
      at: (c: string) =>
        cellAddress(snapshot.origin.row + r, snapshot.origin.col + (located.columns.get(c) ?? 0)),
    })),
  };
}

const text = (v: CellValue): string => (v === null ? "" : String(v).trim());
const assessed = (status: CellValue, statuses: string[]): boolean =>
  statuses.some((s) => sameText(status, s));

export function readinessBlockers(snapshots: SheetSnapshot[]): Blocker[] {
  const blockers: Blocker[] = [];
  const [clauseSpec, annexSpec] = ASSESSMENT_SHEETS;
  const clauses = readAssessmentRows(snapshots, clauseSpec);
  const annex = readAssessmentRows(snapshots, annexSpec);
  const documents = table(snapshots, SHEETS.documents, DOCUMENT_COLUMNS, [
    "ID",
    "Document",
    "Exists",
  ]);
  const applicable = new Map(
    (annex?.rows ?? []).map((row) => [text(row.value("ID")), row.value("Applicable")])
  );

  for (const row of documents?.rows ?? []) {
    const title = text(row.value("Document"));
    if (!title) continue;
    const required = documentRequired(row.value("Clause"), (id) =>
      sameText(applicable.get(id) ?? null, "No") ? "No" : null
    );
    if (required !== "Yes") continue;
    const id = text(row.value("ID"));
    const stage = (STAGE2_RECORDS as readonly string[]).includes(id) ? 2 : 1;
    if (!sameText(row.value("Exists"), "Yes")) {
      blockers.push({
        kind: "document-missing",
        stage,
        sheet: SHEETS.documents,
        cell: row.at("Exists"),
        id,
        message: `"${title}" does not exist yet (Exists is not Yes).`,
      });
    } else if (stage === 1 && isBlank(row.value("Last review"))) {
      blockers.push({
        kind: "document-unreviewed",
        stage,
        sheet: SHEETS.documents,
        cell: row.at("Last review"),
        id,
        message: `"${title}" has no review date.`,
      });
    }
  }
  for (const row of clauses?.rows ?? []) {
    const id = text(row.value("ID"));
    const status = row.value("Status");
    if (!assessed(status, ["Compliant", "Partially Compliant", "Non-Compliant"])) {
      blockers.push({
        kind: "clause-not-assessed",
        stage: 1,
        sheet: clauseSpec.sheet,
        cell: row.at("Status"),
        id,
        message: `Clause ${id} is not assessed.`,
      });
    } else if (sameText(status, "Non-Compliant")) {
      blockers.push({
        kind: "clause-non-compliant",
        stage: 1,
        sheet: clauseSpec.sheet,
        cell: row.at("Status"),
        id,
        message: `Clause ${id} is Non-Compliant.`,
      });
    }
  }
  for (const row of annex?.rows ?? []) {
    const id = text(row.value("ID"));
    const excluded = sameText(row.value("Applicable"), "No");
    const status = row.value("Status");
    if ((excluded || sameText(status, "Not Applicable")) && isBlank(row.value("Justification"))) {
      blockers.push({
        kind: "exclusion-unjustified",
        stage: 1,
        sheet: annexSpec.sheet,
        cell: row.at("Justification"),
        id,
        message: `Control ${id} is excluded without a justification (SoA).`,
      });
    }
    if (!excluded && (isBlank(status) || sameText(status, "Not Assessed"))) {
      blockers.push({
        kind: "control-not-assessed",
        stage: 1,
        sheet: annexSpec.sheet,
        cell: row.at("Status"),
        id,
        message: `Control ${id} is applicable but not assessed (SoA).`,
      });
    }
  }
  for (const [spec, source] of [
    [clauseSpec, clauses],
    [annexSpec, annex],
  ] as const) {
    for (const row of source?.rows ?? []) {
      const score = scoreRow(row.scoreInput);
      if ((score.gap ?? 0) > 0 && (score.level === "Critical" || score.level === "High")) {
        const id = text(row.value("ID"));
        blockers.push({
          kind: "open-high-gap",
          stage: 2,
          sheet: spec.sheet,
          cell: row.at("Status"),
          id,
          message: `${spec.kind === "clauses" ? "Clause" : "Control"} ${id} is an open ${score.level} gap.`,
        });
      }
    }
  }
  return blockers;
}
