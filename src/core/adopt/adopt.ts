// Template import (adopt): SheetSnapshots of someone's checklist or SoA → AssessmentInputs for the
// 2022 assessment, plus a dry-run report of every decision, row, unmatched row and unknown word.
// Host-agnostic and total: any snapshot gives a result, never an exception.
import { emptyInputs, type AssessmentInputs, type RowInputs } from "../inputs";
import type { Status } from "../scale";
import type { SheetSnapshot } from "../snapshot";
import { ROLE_LABELS } from "./headers";
import type { ColumnUse } from "./columns";
import {
  analyzeSheet,
  type Entry,
  type SheetAnalysis,
  type SourceKind,
  type TargetSheet,
  type UnknownWord,
  type UnmatchedRow,
} from "./rows";
import { statusWordReader, type StatusWordOptions } from "../statusWords";
import { MAX_CELL_TEXT, fitCellText, overLimitText } from "../cellLimit";

export type { ColumnUse } from "./columns";
export type { UnknownWord, UnmatchedRow } from "./rows";

export interface AdoptOptions extends StatusWordOptions {
  /** Import this sheet instead of the one with the most control rows. */
  sheet?: string;
}

export type AdoptAction = "set" | "merged" | "conflict" | "skipped";

export interface AdoptRow {
  sheet: string;
  /** 1-based row number on the source sheet. */
  sourceRow: number;
  /** The id as the cell displays it. */
  sourceId: string;
  sourceKind: SourceKind | null;
  target: TargetSheet | null;
  targetId: string | null;
  /** What this source row says; the merged status of the target may be more severe. */
  status: Status | null;
  action: AdoptAction;
  note?: string;
}

export interface AdoptConflict {
  target: TargetSheet;
  targetId: string;
  sources: { sourceRow: number; sourceId: string; status: Status }[];
  chosen: Status;
  message: string;
}

export interface AdoptSheetSummary {
  name: string;
  controlRows: number;
  used: boolean;
  reason: string;
}

export interface AdoptCounts {
  /** Non-empty rows below the header of the chosen sheet. */
  rows: number;
  /** Source rows that landed on a clause or control. */
  matched: number;
  /** Target rows that received more than one source row. */
  merged: number;
  unmatched: number;
  conflicts: number;
  skipped: number;
  /** Distinct clause and control rows that will be written. */
  targets: number;
}

export interface AdoptReport {
  sheet: string | null;
  idKind: "control2022" | "control2013" | "clause" | "mixed" | null;
  headerRows: number[];
  idColumn: string | null;
  columns: ColumnUse[];
  sheets: AdoptSheetSummary[];
  decisions: string[];
  /** Problems that leave nothing to import (no sheet, no control rows, unknown --sheet). */
  problems: string[];
  /** What the import changed or doubts but still imports: ids listed twice, text cut to Excel's cell limit. */
  warnings: string[];
  /** A status or applicability column was found on the chosen sheet. */
  hasAnswers: boolean;
  rows: AdoptRow[];
  unmatched: UnmatchedRow[];
  unknownWords: UnknownWord[];
  conflicts: AdoptConflict[];
  counts: AdoptCounts;
}

export interface AdoptResult {
  inputs: AssessmentInputs;
  report: AdoptReport;
}

// Most severe first; Not Applicable and Not Assessed only count when no row was assessed.
const SEVERITY: Status[] = ["Non-Compliant", "Partially Compliant", "Compliant"];

/** Status of a target fed by several rows: most severe assessed status; Not Applicable only when all are. */
export function mergeStatuses(statuses: Status[]): Status {
  for (const s of SEVERITY) if (statuses.includes(s)) return s;
  if (statuses.length > 0 && statuses.every((s) => s === "Not Applicable")) return "Not Applicable";
  return "Not Assessed";
}

function joinTexts(entries: Entry[], pick: (e: Entry) => string): string {
  const filled = entries.filter((e) => pick(e).trim() !== "");
  if (filled.length === 0) return "";
  if (filled.length === 1 || new Set(filled.map(pick)).size === 1) return pick(filled[0]);
  return filled.map((e) => `${e.label}: ${pick(e)}`).join("\n");
}

function rowInputsOf(target: TargetSheet, entries: Entry[], status: Status): RowInputs {
  const row: RowInputs = {};
  if (status !== "Not Assessed") row.Status = status;
  const known = entries.map((e) => e.applicable).filter((a): a is boolean => a !== null);
  const justification = joinTexts(entries, (e) => e.texts.justification);
  const notes = joinTexts(entries, (e) => e.texts.notes);
  if (target === "Annex A") {
    if (known.length > 0) row.Applicable = known.some(Boolean) ? "Yes" : "No";
    if (justification) row.Justification = justification;
    if (notes) row.Notes = notes;
  } else {
    // Clause rows have no Justification column; the text is kept in Notes.
    const merged = [notes, justification ? `Justification: ${justification}` : ""]
      .filter(Boolean)
      .join("\n");
    if (merged) row.Notes = merged;
  }
  const evidence = joinTexts(entries, (e) => e.texts.evidence);
  if (evidence) row.Evidence = evidence;
  const owner = [...new Set(entries.map((e) => e.texts.owner).filter(Boolean))].join("; ");
  if (owner) row.Owner = owner;
  // Highest rating of all rows (a loop: thousands of rows must not become call arguments).
  let likelihood = 0;
  let impact = 0;
  for (const e of entries) {
    likelihood = Math.max(likelihood, e.likelihood ?? 0);
    impact = Math.max(impact, e.impact ?? 0);
  }
  if (likelihood > 0) row.Likelihood = likelihood;
  if (impact > 0) row.Impact = impact;
  const due = [...new Set(entries.map((e) => e.texts.dueDate).filter(Boolean))].join("; ");
  if (due) row["Due date"] = due;
  return row;
}

/** "row 7", "rows 7 and 100", "rows 7, 100, 193 and 2 more". */
function rowList(entries: Entry[]): string {
  const rows = [...new Set(entries.map((e) => e.sheetRow))];
  if (rows.length === 1) return `row ${rows[0]}`;
  const shown = rows.slice(0, 3);
  return rows.length > 3
    ? `rows ${shown.join(", ")} and ${rows.length - 3} more`
    : `rows ${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/**
 * The same clause or control id listed on several rows (a list pasted twice, a second block
 * repeating ids): read as one list, so say so. Several 2013 controls feeding one 2022 control
 * are the mapping at work, not duplicates.
 */
function duplicateWarning(groups: Iterable<Entry[]>): string | null {
  const repeated: Entry[][] = [];
  for (const entries of groups) {
    const listed = entries.filter((e) => e.sourceKind !== "control2013");
    if (new Set(listed.map((e) => e.sheetRow)).size > 1) repeated.push(listed);
  }
  if (repeated.length === 0) return null;
  const controls = repeated.filter((g) => g[0].target === "Annex A").length;
  const clauses = repeated.length - controls;
  const what = [
    controls ? `${controls} control${controls === 1 ? "" : "s"}` : "",
    clauses ? `${clauses} clause${clauses === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const examples = repeated
    .slice(0, 3)
    .map((g) => `${g[0].targetId} on ${rowList(g)}`)
    .join("; ");
  return (
    `Listed more than once: ${what} (${examples}${repeated.length > 3 ? "; …" : ""}). ` +
    "Read as one list: the rows of each id are merged, the most severe status is kept and differing answers are listed as conflicts."
  );
}

function emptyReport(): AdoptReport {
  return {
    sheet: null,
    idKind: null,
    headerRows: [],
    idColumn: null,
    columns: [],
    sheets: [],
    decisions: [],
    problems: [],
    warnings: [],
    hasAnswers: false,
    rows: [],
    unmatched: [],
    unknownWords: [],
    conflicts: [],
    counts: { rows: 0, matched: 0, merged: 0, unmatched: 0, conflicts: 0, skipped: 0, targets: 0 },
  };
}

function pickMain(analyses: SheetAnalysis[], wanted: string | undefined): SheetAnalysis | null {
  if (wanted !== undefined) return analyses.find((a) => a.name === wanted) ?? null;
  let best: SheetAnalysis | null = null;
  for (const a of analyses) {
    if (a.controlRows === 0) continue;
    // Most control rows; then a sheet with answers; then the first (workbook order).
    if (
      !best ||
      a.controlRows > best.controlRows ||
      (a.controlRows === best.controlRows && a.hasAnswers && !best.hasAnswers)
    )
      best = a;
  }
  return best;
}

function idKindOf(entries: Entry[]): AdoptReport["idKind"] {
  const kinds = new Set(entries.map((e) => e.sourceKind));
  if (kinds.size === 0) return null;
  if (kinds.size > 1) return "mixed";
  return [...kinds][0];
}

/** Adopts a template: picks the sheet, reads its rows and merges them onto 2022 targets. */
export function adopt(
  sheets: readonly SheetSnapshot[] | SheetSnapshot,
  options: AdoptOptions = {}
): AdoptResult {
  const inputs = emptyInputs();
  const report = emptyReport();
  const list = (Array.isArray(sheets) ? sheets : sheets ? [sheets] : []) as SheetSnapshot[];
  const reader = statusWordReader(options);
  const analyses: SheetAnalysis[] = [];
  for (const s of list) {
    if (s === null || typeof s !== "object") continue;
    try {
      analyses.push(analyzeSheet(s, reader));
    } catch (error) {
      // A last guard so one odd sheet cannot stop the import of the others; the report says so.
      report.problems.push(
        `Sheet "${String(s.name)}" could not be read: ${(error as Error)?.message ?? String(error)}`
      );
    }
  }
  if (analyses.length === 0) {
    report.problems.push("The file has no sheets to import.");
    return { inputs, report };
  }
  const main = pickMain(analyses, options.sheet);
  report.sheets = analyses.map((a) => ({
    name: a.name,
    controlRows: a.controlRows,
    used: a === main,
    reason:
      a === main
        ? options.sheet !== undefined
          ? "chosen with --sheet"
          : "most control rows"
        : a.controlRows === 0
          ? "no control rows"
          : `secondary: ${a.controlRows} control rows, never overrides "${main?.name ?? ""}"`,
  }));
  if (!main) {
    for (const a of analyses) {
      const header = a.headerRows.length ? `header on row ${a.headerRows[0]}` : "no header row";
      report.decisions.push(
        `Sheet "${a.name}": ${header}, ${a.dataRows} rows below it, ${a.controlRows} control rows.`
      );
    }
    if (options.sheet !== undefined) {
      report.problems.push(
        `There is no sheet "${options.sheet}". Sheets: ${analyses.map((a) => `"${a.name}"`).join(", ")}.`
      );
    } else {
      report.problems.push(
        "No control rows found: no sheet has a column of ISO/IEC 27001 clause or Annex A control ids."
      );
    }
    return { inputs, report };
  }
  report.sheet = main.name;
  report.headerRows = main.headerRows;
  report.idColumn = main.idColumn;
  report.columns = main.columns;
  report.hasAnswers = main.hasAnswers;
  report.unmatched = main.unmatched;
  report.unknownWords = main.unknownWords;
  report.idKind = idKindOf(main.entries);
  const others = report.sheets.filter((s) => !s.used && s.controlRows > 0);
  report.decisions.push(
    `Sheet "${main.name}": ${main.controlRows} control rows` +
      (others.length
        ? `; ${others.map((s) => `"${s.name}" (${s.controlRows})`).join(", ")} not imported.`
        : "."),
    ...main.decisions
  );
  if (main.columns.length > 0) {
    report.decisions.push(
      `Columns: ${main.columns.map((c) => `${c.column} "${c.header}" → ${ROLE_LABELS[c.role]}${c.from === "content" ? " (from content)" : ""}`).join("; ")}.`
    );
  }
  if (main.controlRows === 0) report.problems.push(`Sheet "${main.name}" has no control rows.`);

  // Group entries per target, in the order targets first appear.
  const groups = new Map<string, Entry[]>();
  for (const e of main.entries) {
    const key = `${e.target}\u0000${e.targetId}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const actions = new Map<Entry, AdoptRow["action"]>();
  for (const entries of groups.values()) {
    const { target, targetId } = entries[0];
    const statuses = entries.map((e) => e.status);
    const status = mergeStatuses(statuses);
    const distinct = new Set(statuses);
    if (distinct.size > 1) {
      const parts = entries.map(
        (e) =>
          `${e.label === `row ${e.sheetRow}` ? `row ${e.sheetRow}` : `${e.label} (row ${e.sheetRow})`} ${e.status}`
      );
      report.conflicts.push({
        target,
        targetId,
        sources: entries.map((e) => ({
          sourceRow: e.sheetRow,
          sourceId: e.sourceId,
          status: e.status,
        })),
        chosen: status,
        message: `${targetId}: ${parts.join(", ")} → ${status}`,
      });
    }
    for (const e of entries)
      actions.set(e, distinct.size > 1 ? "conflict" : entries.length > 1 ? "merged" : "set");
    if (entries.length > 1) report.counts.merged++;
    const row = rowInputsOf(target, entries, status);
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== "string" || value.length <= MAX_CELL_TEXT) continue;
      row[column] = fitCellText(value);
      report.warnings.push(
        `${target} ${targetId}, column "${column}" (from ${rowList(entries)} of "${main.name}"): ${overLimitText(value.length)}.`
      );
    }
    if (Object.keys(row).length > 0)
      (target === "Annex A" ? inputs.annexA : inputs.clauses).set(targetId, row);
  }
  report.counts.targets = groups.size;
  const duplicates = duplicateWarning(groups.values());
  if (duplicates) report.warnings.push(duplicates);

  const rows: AdoptRow[] = main.entries.map((e) => ({
    sheet: main.name,
    sourceRow: e.sheetRow,
    sourceId: e.sourceId,
    sourceKind: e.sourceKind,
    target: e.target,
    targetId: e.targetId,
    status: e.status,
    action: actions.get(e) ?? "set",
    ...(e.notes.length ? { note: e.notes.join("; ") } : {}),
  }));
  for (const s of main.skipped) {
    rows.push({
      sheet: main.name,
      sourceRow: s.sheetRow,
      sourceId: s.sourceId,
      sourceKind: null,
      target: null,
      targetId: null,
      status: null,
      action: "skipped",
      note: s.reason,
    });
  }
  rows.sort((a, b) => a.sourceRow - b.sourceRow);
  report.rows = rows;
  report.counts.rows = main.dataRows;
  report.counts.matched = main.controlRows;
  report.counts.unmatched = main.unmatched.length;
  report.counts.conflicts = report.conflicts.length;
  report.counts.skipped = main.skipped.length;
  return { inputs, report };
}
