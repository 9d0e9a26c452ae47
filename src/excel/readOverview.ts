// The task pane's overview: compliance, assessed rows, open / overdue plan actions and
// certification readiness, read from the sheets themselves in one sync and scored with the core
// model (never from formula results, which may be stale or absent when Excel has not recalculated).
// It runs after every action and workbook edit, so it loads only cell values: a third of what
// readWorkbook loads (values, formulas and text), which keeps a 10,000-row workbook under Excel on
// the web's 5 MB response limit.
import { ASSESSMENT_SHEETS, DOCUMENT_COLUMNS, SHEETS } from "../core/contract";
import { harvestWorkbook } from "../core/read/harvest";
import { cellOf, isBlank, locateAssessmentTable, normalizeHeader } from "../core/read/locate";
import { readinessBlockers } from "../core/readiness";
import { asStatus } from "../core/scale";
import { compliance, gapScore, scoringFromSettings } from "../core/scoring";
import type { CellValue, SheetSnapshot } from "../core/snapshot";
import { todaySerial } from "../core/dates";

export interface Overview {
  /** True when `Clauses 4-10` or `Annex A` holds an assessment table. */
  found: boolean;
  /** Fractions 0–1; null when nothing on that side is assessed yet. */
  compliance: { overall: number | null; clauses: number | null; annexA: number | null };
  /** Rows with a status other than Not Assessed (Not Applicable counts as assessed). */
  assessed: number;
  /** Assessment rows with an ID. */
  total: number;
  /** Remediation Plan rows not Done or Resolved. */
  openActions: number;
  /** Open actions whose Due date is before today. */
  overdue: number;
  /**
   * Blockers of a Stage 1 and a Stage 2 certification audit (0 = ready), counted as the Summary's
   * readiness formulas count them; Stage 1 blockers block Stage 2 too. Null when there is no
   * assessment or no Documents sheet to judge the mandatory documents by.
   */
  readiness: Readiness | null;
}

export interface Readiness {
  stage1: number;
  stage2: number;
}

export const OVERVIEW_SHEETS = [
  SHEETS.clauses,
  SHEETS.annexA,
  SHEETS.plan,
  SHEETS.settings,
  SHEETS.documents,
];

const CLOSED_PROGRESS = new Set(["done", "resolved"]);
const PLAN_HEADER_SEARCH_ROWS = 20;

/** An Excel date serial from a cell: a serial number, or text such as "2025-03-31". */
export function dateSerial(value: CellValue): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return Math.floor(value);
  if (typeof value !== "string" || value.trim() === "") return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : Math.floor((ms - Date.UTC(1899, 11, 30)) / 86400000);
}

function findSnapshot(snapshots: SheetSnapshot[], name: string): SheetSnapshot | undefined {
  return snapshots.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
}

/** Open and overdue actions on the Remediation Plan sheet (header row with ID and Progress). */
export function planActions(
  snapshot: SheetSnapshot | undefined,
  today: number
): { openActions: number; overdue: number } {
  const result = { openActions: 0, overdue: 0 };
  if (!snapshot) return result;
  const limit = Math.min(snapshot.values.length, PLAN_HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const headers = (snapshot.values[r] ?? []).map(normalizeHeader);
    const id = headers.indexOf("id");
    const progress = headers.indexOf("progress");
    if (id < 0 || progress < 0) continue;
    const due = headers.indexOf("due");
    for (let d = r + 1; d < snapshot.values.length; d++) {
      const row = snapshot.values[d] ?? [];
      if (isBlank(row[id] ?? null)) continue;
      const state = normalizeHeader(row[progress] ?? null);
      if (CLOSED_PROGRESS.has(state)) continue;
      result.openActions++;
      const serial = due >= 0 ? dateSerial(row[due] ?? null) : null;
      if (serial !== null && serial < today) result.overdue++;
    }
    return result;
  }
  return result;
}

/** Overview figures from snapshots (pure; readOverview supplies the snapshots). */
export function overviewOf(snapshots: SheetSnapshot[], today: Date = new Date()): Overview {
  const settings = harvestWorkbook(
    snapshots.filter((s) => s.name.trim().toLowerCase() === SHEETS.settings.toLowerCase())
  ).settings;
  const scoring = scoringFromSettings(settings);
  const overview: Overview = {
    found: false,
    compliance: { overall: null, clauses: null, annexA: null },
    assessed: 0,
    total: 0,
    openActions: 0,
    overdue: 0,
    readiness: null,
  };
  const allGaps: (number | null)[] = [];
  for (const spec of ASSESSMENT_SHEETS) {
    const snapshot = findSnapshot(snapshots, spec.sheet);
    const table = snapshot && locateAssessmentTable(snapshot, spec);
    if (!snapshot || !table) continue;
    overview.found = true;
    const gaps: (number | null)[] = [];
    for (const r of table.dataRows) {
      if (isBlank(cellOf(snapshot, table, r, "ID"))) continue;
      overview.total++;
      const status = cellOf(snapshot, table, r, "Status");
      const read = asStatus(status);
      if (read !== null && read !== "Not Assessed") overview.assessed++;
      const applicable =
        spec.kind === "annexA" ? cellOf(snapshot, table, r, "Applicable") : undefined;
      gaps.push(gapScore({ status, likelihood: null, impact: null, applicable }, scoring));
    }
    overview.compliance[spec.kind] = compliance(gaps);
    allGaps.push(...gaps);
  }
  overview.compliance.overall = compliance(allGaps);
  const actions = planActions(findSnapshot(snapshots, SHEETS.plan), todaySerial(today));
  overview.openActions = actions.openActions;
  overview.overdue = actions.overdue;
  overview.readiness = overview.found ? readinessOf(snapshots) : null;
  return overview;
}

/** Blocker counts per stage; null without a Documents table (mandatory documents cannot be judged). */
export function readinessOf(snapshots: SheetSnapshot[]): Readiness | null {
  const documents = findSnapshot(snapshots, SHEETS.documents);
  if (
    !documents ||
    !locateAssessmentTable(documents, { columns: DOCUMENT_COLUMNS }, ["ID", "Document", "Exists"])
  )
    return null;
  const blockers = readinessBlockers(snapshots);
  return { stage1: blockers.filter((b) => b.stage === 1).length, stage2: blockers.length };
}

function toCell(value: unknown): CellValue {
  if (value === "" || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}

/** Snapshots with values only (no formulas, no display text) of the sheets that exist; one sync. */
export async function readValueSnapshots(
  context: Excel.RequestContext,
  sheetNames: string[]
): Promise<SheetSnapshot[]> {
  const queued = sheetNames.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { sheet, used };
  });
  await context.sync();
  const snapshots: SheetSnapshot[] = [];
  for (const { sheet, used } of queued) {
    if (sheet.isNullObject || used.isNullObject) continue;
    snapshots.push({
      name: sheet.name,
      origin: { row: used.rowIndex, col: used.columnIndex },
      values: used.values.map((row) => row.map(toCell)),
      text: [],
      formulas: [],
    });
  }
  return snapshots;
}

/** Reads the assessment, plan, settings and documents sheets in one sync and computes the overview. */
export async function readOverview(
  context: Excel.RequestContext,
  today: Date = new Date()
): Promise<Overview> {
  return overviewOf(await readValueSnapshots(context, OVERVIEW_SHEETS), today);
}
