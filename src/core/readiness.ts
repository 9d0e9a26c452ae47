// Certification readiness (Stage 1 and Stage 2 audits): the one model behind the Summary's
// readiness formulas (layout/readinessSection.ts), `validate --readiness`, the task pane overview
// and the report. It names each blocker with the cell to fix, computed from the sheets' values
// exactly as the Summary's live formulas count them, and lists the findings to expect.
//
// The rules, as a lead auditor applies them:
// - Stage 1 (documentation review) is blocked by: a required document or record that is missing
//   (Exists No or not answered) or exists only in part (two kinds, counted apart); an existing one
//   with no review date, or past its Next review (Last review + months between reviews, before
//   today); a clause 4-10 that is not assessed, Non-Compliant, or marked Not Applicable (clauses are
//   mandatory, so Not Applicable is a blocker of its own: neither assessed nor "not assessed");
//   an Annex A exclusion without a justification; an applicable control not assessed; a Statement
//   of Applicability without an approver or an approval date (one blocker: the SoA is a mandatory
//   document, and an auditor reads an unapproved one as a draft).
// - Internal audit and management review (clauses 9.2 and 9.3, and the documents and records listed
//   under them) show that the ISMS has run a full cycle. Stage 1 only looks at how they are planned;
//   Stage 2 needs them done. So every blocker that comes from 9.2 or 9.3 — the clause rows and the
//   Documents rows alike — is a Stage 2 blocker.
// - Stage 2 (certification audit) is blocked by everything that blocks Stage 1, by the 9.2 / 9.3
//   items, and by applicable Annex A controls that are Non-Compliant with a Critical or High risk:
//   a control the SoA declares applicable that is not in place where the risk is high is what an
//   auditor grades a major nonconformity, and certification waits until it is closed.
// - Partially Compliant gaps, even rated Critical or High, are findings, not blockers: the auditor
//   raises them (a minor nonconformity or an opportunity for improvement) and certifies on a
//   corrective action plan. They are listed as `findings`.
// - Each row counts once, under one kind: a Non-Compliant clause is a clause blocker, never also an
//   open gap; a partly existing document is not also unreviewed.
import { readAssessmentRows } from "./read/assessment";
import { ASSESSMENT_SHEETS, DOCUMENT_COLUMNS, SHEETS, SOA_COLUMNS } from "./contract";
import { locateAssessmentTable } from "./read/locate";
import { harvestWorkbook } from "./read/harvest";
import { sameText, scoreRow, scoringFromSettings } from "./scoring";
import type { RiskLevel } from "./scale";
import { cellAddress, type CellValue, type SheetSnapshot } from "./snapshot";
import { documentRequired } from "./read/documents";
import { approvalCells, missingApproval, soaApplicable } from "./read/soa";
import { findSheet, pickSheets } from "./read/sheets";
import { todaySerial } from "./dates";

/**
 * Clauses whose evidence shows a full ISMS cycle (internal audit, management review): Stage 2 asks
 * for them, Stage 1 does not. A clause or a Documents row belongs here when its id starts with one
 * of these (the Summary counts them with the wildcard "9.2*").
 */
export const STAGE2_CLAUSES = ["9.2", "9.3"] as const;

/** 2 for an id under 9.2 or 9.3 (text starting so, as the Summary's "9.2*" criteria match), else 1. */
export function stageOfClause(clause: CellValue): 1 | 2 {
  return typeof clause === "string" &&
    STAGE2_CLAUSES.some((p) => clause.toLowerCase().startsWith(p))
    ? 2
    : 1;
}

/** Clause statuses that count as assessed: Not Applicable is not one (clauses are mandatory). */
export const CLAUSE_ASSESSED_STATUSES = [
  "Compliant",
  "Partially Compliant",
  "Non-Compliant",
] as const;

/** True when a clause row holds one of CLAUSE_ASSESSED_STATUSES. */
export function clauseAssessed(status: CellValue): boolean {
  return CLAUSE_ASSESSED_STATUSES.some((s) => sameText(status, s));
}

export type BlockerKind =
  | "document-missing"
  | "document-partial"
  | "document-unreviewed"
  | "document-review-overdue"
  | "clause-not-applicable"
  | "clause-not-assessed"
  | "clause-non-compliant"
  | "exclusion-unjustified"
  | "soa-unapproved"
  | "control-not-assessed"
  | "open-high-gap";

/**
 * Each kind in reading order, with how it reads: `one` / `many` after a count in a sentence
 * ("1 clause is Non-Compliant", "3 clauses are Non-Compliant") and `label` on the Summary.
 */
export const BLOCKER_KINDS: readonly {
  kind: BlockerKind;
  one: string;
  many: string;
  label: string;
}[] = [
  {
    kind: "document-missing",
    one: "required document or record is missing",
    many: "required documents or records are missing",
    label: "Required documents missing (No or not answered)",
  },
  {
    kind: "document-partial",
    one: "required document or record exists only in part",
    many: "required documents or records exist only in part",
    label: "Required documents that exist only in part",
  },
  {
    kind: "document-unreviewed",
    one: "existing document or record has no review date",
    many: "existing documents or records have no review date",
    label: "Existing documents without a review date",
  },
  {
    kind: "document-review-overdue",
    one: "existing document or record is past its next review",
    many: "existing documents or records are past their next review",
    label: "Existing documents past their next review",
  },
  {
    kind: "clause-not-applicable",
    one: "clause is marked Not Applicable, which clauses 4-10 cannot be",
    many: "clauses are marked Not Applicable, which clauses 4-10 cannot be",
    label: "Clauses marked Not Applicable (they are mandatory)",
  },
  {
    kind: "clause-not-assessed",
    one: "clause is not assessed",
    many: "clauses are not assessed",
    label: "Clauses not assessed",
  },
  {
    kind: "clause-non-compliant",
    one: "clause is Non-Compliant",
    many: "clauses are Non-Compliant",
    label: "Clauses Non-Compliant",
  },
  {
    kind: "exclusion-unjustified",
    one: "Annex A exclusion has no justification",
    many: "Annex A exclusions have no justification",
    label: "SoA exclusions without a justification",
  },
  {
    kind: "soa-unapproved",
    one: "Statement of Applicability is not approved (Approved by or Approval date is blank)",
    many: "Statements of Applicability are not approved (Approved by or Approval date is blank)",
    label: "Statement of Applicability not approved",
  },
  {
    kind: "control-not-assessed",
    one: "applicable control is not assessed",
    many: "applicable controls are not assessed",
    label: "Applicable controls not assessed (SoA incomplete)",
  },
  {
    kind: "open-high-gap",
    one: "applicable control is Non-Compliant with a Critical or High risk",
    many: "applicable controls are Non-Compliant with a Critical or High risk",
    label: "Applicable controls Non-Compliant, risk Critical or High",
  },
];

/** "1 clause is Non-Compliant", "3 clauses are Non-Compliant". */
export function countBlockers(kind: BlockerKind, count: number): string {
  const info = BLOCKER_KINDS.find((k) => k.kind === kind);
  return `${count} ${count === 1 ? info?.one : info?.many}`;
}

export interface Blocker {
  kind: BlockerKind;
  stage: 1 | 2;
  sheet: string;
  /** A1 cell to fix. */
  cell: string;
  id: string;
  /** What a person reads: a document's title, else the clause or control id. */
  name: string;
  message: string;
}

/** A gap an auditor will raise without it blocking certification (Partially Compliant, High+). */
export interface Finding {
  sheet: string;
  cell: string;
  id: string;
  level: RiskLevel;
  message: string;
}

export interface ReadinessModel {
  blockers: Blocker[];
  findings: Finding[];
}

export interface ReadinessOptions {
  /** The day overdue reviews are judged by, as an Excel serial (Summary: TODAY()); default today. */
  today?: number;
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
/** What COUNTIFS matches with the criterion "": an empty cell (or empty text), nothing else. */
const empty = (v: CellValue): boolean => v === null || v === "";

/** EDATE(start, months): the same day `months` later, on the month's last day when it is shorter. */
function addMonths(serial: number, months: number): number {
  const epoch = Date.UTC(1899, 11, 30);
  const start = new Date(epoch + Math.floor(serial) * 86_400_000);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + Math.trunc(months);
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), last);
  return Math.round((Date.UTC(year, month, day) - epoch) / 86_400_000);
}

/** The Documents sheet's Next review formula: Last review + months (12 when not a number). */
export function nextReview(lastReview: CellValue, months: CellValue): number | null {
  if (typeof lastReview !== "number" || !Number.isFinite(lastReview)) return null;
  return addMonths(lastReview, typeof months === "number" && Number.isFinite(months) ? months : 12);
}

/** The whole readiness model: blockers by stage and kind, and the findings that do not block. */
export function assessReadiness(
  snapshots: SheetSnapshot[],
  options: ReadinessOptions = {}
): ReadinessModel {
  const today = options.today ?? todaySerial();
  const scoring = scoringFromSettings(
    harvestWorkbook(pickSheets(snapshots, [SHEETS.settings])).settings
  );
  const blockers: Blocker[] = [];
  const findings: Finding[] = [];
  const [clauseSpec, annexSpec] = ASSESSMENT_SHEETS;
  const clauses = readAssessmentRows(snapshots, clauseSpec);
  const annex = readAssessmentRows(snapshots, annexSpec);
  const documents = table(snapshots, SHEETS.documents, DOCUMENT_COLUMNS, [
    "ID",
    "Document",
    "Exists",
  ]);
  // The Documents sheet's Required formula reads the SoA's Applicable (Applicable No or Status
  // Not Applicable on Annex A).
  const applicable = new Map(
    (annex?.rows ?? []).map((row) => [
      row.id,
      soaApplicable(row.value("Applicable"), row.value("Status")),
    ])
  );

  for (const row of documents?.rows ?? []) {
    const title = row.value("Document");
    if (empty(title)) continue;
    if (documentRequired(row.value("Clause"), (id) => applicable.get(id.trim()) ?? null) !== "Yes")
      continue;
    const id = text(row.value("ID"));
    const name = text(title);
    const stage = stageOfClause(row.value("Clause"));
    const exists = row.value("Exists");
    const add = (kind: BlockerKind, column: string, message: string): void => {
      blockers.push({
        kind,
        stage,
        sheet: SHEETS.documents,
        cell: row.at(column),
        id,
        name,
        message,
      });
    };
    if (sameText(exists, "Partly"))
      add("document-partial", "Exists", `"${name}" exists only in part.`);
    else if (!sameText(exists, "Yes"))
      add("document-missing", "Exists", `"${name}" is missing (Exists is No or not answered).`);
    else if (empty(row.value("Last review")))
      add("document-unreviewed", "Last review", `"${name}" has no review date.`);
    else {
      const next = nextReview(row.value("Last review"), row.value("Months between reviews"));
      if (next !== null && next < today)
        add(
          "document-review-overdue",
          "Last review",
          `"${name}" was due for review before today (Next review is past).`
        );
    }
  }
  for (const row of clauses?.rows ?? []) {
    const id = row.id;
    const status = row.value("Status");
    const stage = stageOfClause(row.value("ID"));
    const add = (kind: BlockerKind, message: string): void => {
      blockers.push({
        kind,
        stage,
        sheet: clauseSpec.sheet,
        cell: row.at("Status"),
        id,
        name: id,
        message,
      });
    };
    if (sameText(status, "Not Applicable"))
      add(
        "clause-not-applicable",
        `Clause ${id} is marked Not Applicable; clauses 4-10 are mandatory, so it needs a real status.`
      );
    else if (!clauseAssessed(status)) add("clause-not-assessed", `Clause ${id} is not assessed.`);
    else if (sameText(status, "Non-Compliant"))
      add("clause-non-compliant", `Clause ${id} is Non-Compliant.`);
  }
  for (const row of annex?.rows ?? []) {
    const id = row.id;
    const excluded = sameText(row.value("Applicable"), "No");
    const status = row.value("Status");
    const add = (
      kind: BlockerKind,
      stage: 1 | 2,
      column: "Status" | "Justification",
      message: string
    ): void => {
      blockers.push({
        kind,
        stage,
        sheet: annexSpec.sheet,
        cell: row.at(column),
        id,
        name: id,
        message,
      });
    };
    if ((excluded || sameText(status, "Not Applicable")) && empty(row.value("Justification")))
      add(
        "exclusion-unjustified",
        1,
        "Justification",
        `Control ${id} is excluded without a justification (SoA).`
      );
    else if (!excluded && (empty(status) || sameText(status, "Not Assessed")))
      add(
        "control-not-assessed",
        1,
        "Status",
        `Control ${id} is applicable but not assessed (SoA).`
      );
    else if (!excluded) {
      const level = scoreRow(row.scoreInput, scoring).level;
      if (level !== "Critical" && level !== "High") continue;
      if (sameText(status, "Non-Compliant"))
        add(
          "open-high-gap",
          2,
          "Status",
          `Control ${id} is applicable and Non-Compliant with a ${level} risk.`
        );
    }
  }
  // The SoA's approval block (only when the workbook has the sheet, as the Summary reads it).
  const soa = findSheet(snapshots, SHEETS.soa);
  if (soa) {
    const header = locateAssessmentTable(soa, { columns: SOA_COLUMNS }, [
      "ID",
      "Implementation status",
    ])?.headerRow;
    const cells = approvalCells(soa, header);
    const approval = Object.fromEntries(Object.entries(cells).map(([l, c]) => [l, c.value]));
    const missing = missingApproval(approval);
    if (missing.length > 0)
      blockers.push({
        kind: "soa-unapproved",
        stage: 1,
        sheet: SHEETS.soa,
        cell: cells[missing[0]]?.cell ?? "C7",
        id: "",
        name: SHEETS.soa,
        message: `The Statement of Applicability is not approved: ${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} blank.`,
      });
  }
  // Findings: Partially Compliant rows rated Critical or High, clauses and applicable controls.
  for (const [spec, source] of [
    [clauseSpec, clauses],
    [annexSpec, annex],
  ] as const) {
    for (const row of source?.rows ?? []) {
      if (!sameText(row.value("Status"), "Partially Compliant")) continue;
      if (spec.kind === "annexA" && sameText(row.value("Applicable"), "No")) continue;
      const level = scoreRow(row.scoreInput, scoring).level;
      if (level !== "Critical" && level !== "High") continue;
      findings.push({
        sheet: spec.sheet,
        cell: row.at("Status"),
        id: row.id,
        level,
        message: `${spec.kind === "clauses" ? "Clause" : "Control"} ${row.id} is Partially Compliant with a ${level} risk.`,
      });
    }
  }
  return { blockers, findings };
}

/** The blockers alone (Stage 1 blockers block Stage 2 too: Stage 2 counts them all). */
export function readinessBlockers(
  snapshots: SheetSnapshot[],
  options: ReadinessOptions = {}
): Blocker[] {
  return assessReadiness(snapshots, options).blockers;
}

/** Blocker counts per stage, as Readiness_Stage1_Blockers and Readiness_Stage2_Blockers count them. */
export function blockerCounts(blockers: readonly Blocker[]): { stage1: number; stage2: number } {
  return { stage1: blockers.filter((b) => b.stage === 1).length, stage2: blockers.length };
}
