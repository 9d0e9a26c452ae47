// Remediation plan: open gaps → plan rows, merged with the plan people already edit.
// Keyed by Source + ID; every edited cell, extra column and hand-written row is kept.
import { findClause, findControl, naturalIdCompare } from "../catalog";
import {
  ASSESSMENT_SHEETS,
  SHEETS,
  type AssessmentSheetSpec,
  type AssessmentColumn,
} from "./contract";
import type { RowInputs } from "./inputs";
import { isBlank, locateAssessmentTable, textOf } from "./read/locate";
import {
  DEFAULT_SCORING,
  numberSetting,
  sameText,
  scoreRow,
  scoringFromSettings,
  type ScoringSettings,
} from "./scoring";
import { DEFAULT_SLA_DAYS, type RiskLevel } from "./scale";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { isOpenAction } from "./read/remediation";

export type RemediationRow = RowInputs;

export interface Gap {
  id: string;
  source: AssessmentSheetSpec["sheet"];
  title: string;
  status: "Partially Compliant" | "Non-Compliant";
  owner: CellValue;
  level: RiskLevel | null;
  priority: number | null;
  risk: number | null;
}

export interface RemediationSettings {
  scoring: ScoringSettings;
  start: number;
  sla: Record<RiskLevel, number>;
}

export const DEFAULT_REMEDIATION_SETTINGS: RemediationSettings = {
  scoring: DEFAULT_SCORING,
  start: 0,
  sla: DEFAULT_SLA_DAYS,
};

export interface RemediationMerge {
  rows: RemediationRow[];
  extraColumns: string[];
  added: number;
  kept: number;
  resolved: number;
  reopened: number;
}

const key = (source: CellValue, id: CellValue): string =>
  `${String(source ?? "")
    .trim()
    .toLowerCase()}|${String(id ?? "").trim()}`;

/** Open gaps of both assessment sheets, each with its current score. */
export function findGaps(
  snapshots: SheetSnapshot[],
  settings: ScoringSettings = DEFAULT_SCORING
): { gaps: Gap[]; closed: Set<string> } {
  const gaps: Gap[] = [];
  const closed = new Set<string>();
  for (const spec of ASSESSMENT_SHEETS) {
    const snapshot = snapshots.find(
      (s) => s.name.trim().toLowerCase() === spec.sheet.toLowerCase()
    );
    const table = snapshot && locateAssessmentTable(snapshot, spec);
    if (!snapshot || !table) continue;
    const value = (r: number, c: AssessmentColumn): CellValue => {
      const i = table.columns.get(c);
      return i === undefined ? null : (snapshot.values[r]?.[i] ?? null);
    };
    for (const r of table.dataRows) {
      const id = textOf(snapshot, table, r, "ID");
      if (!id) continue;
      const status = value(r, "Status");
      const applicable = spec.kind === "annexA" ? value(r, "Applicable") : undefined;
      const notApplicable =
        sameText(applicable ?? null, "No") || sameText(status, "Not Applicable");
      const open =
        !notApplicable &&
        (sameText(status, "Partially Compliant") || sameText(status, "Non-Compliant"));
      if (!open) {
        if (notApplicable || sameText(status, "Compliant")) closed.add(key(spec.sheet, id));
        continue;
      }
      const score = scoreRow(
        { status, likelihood: value(r, "Likelihood"), impact: value(r, "Impact"), applicable },
        settings
      );
      const catalogTitle = spec.kind === "annexA" ? findControl(id)?.title : findClause(id)?.title;
      gaps.push({
        id,
        source: spec.sheet,
        title: catalogTitle ?? textOf(snapshot, table, r, "Title"),
        status: sameText(status, "Non-Compliant") ? "Non-Compliant" : "Partially Compliant",
        owner: value(r, "Owner"),
        level: score.level,
        priority: score.priority,
        risk: score.risk,
      });
    }
  }
  return { gaps, closed };
}

/** Clause gaps first, then Annex A; Priority, then Risk score, descending; then natural id order. */
export function compareGaps(a: Gap, b: Gap): number {
  const source = (g: Gap): number => (g.source === SHEETS.clauses ? 0 : 1);
  return (
    source(a) - source(b) ||
    (b.priority ?? -1) - (a.priority ?? -1) ||
    (b.risk ?? -1) - (a.risk ?? -1) ||
    naturalIdCompare(a.id, b.id)
  );
}

function findingText(gap: Gap): string {
  const what = gap.source === SHEETS.clauses ? "requirement" : "control";
  return gap.status === "Non-Compliant"
    ? `Non-Compliant: the ${what} "${gap.title}" is not in place.`
    : `Partially Compliant: the ${what} "${gap.title}" is only partly in place or lacks evidence.`;
}

function defaultType(gap: Gap): string {
  return (
    (gap.source === SHEETS.clauses ? findClause(gap.id)?.type : findControl(gap.id)?.type) ??
    "Procedural"
  );
}

/** Phase 1 fixes the ISMS core and critical risks, Phase 2 high risks, Phase 3 the rest. */
function defaultPhase(gap: Pick<Gap, "source" | "level">): string {
  if (gap.source === SHEETS.clauses || gap.level === "Critical") return "Phase 1";
  return gap.level === "High" ? "Phase 2" : "Phase 3";
}

/** New plan row for a gap: owner from the assessment, due = start + SLA of its risk level. */
export function newRemediationRow(gap: Gap, settings: RemediationSettings): RemediationRow {
  const sla = settings.sla[gap.level ?? "Medium"];
  return {
    ID: gap.id,
    Source: gap.source,
    Title: gap.title,
    Finding: findingText(gap),
    Type: defaultType(gap),
    Treatment: "Mitigate",
    Action: "",
    Owner: isBlank(gap.owner) ? "" : gap.owner,
    Start: settings.start,
    Due: settings.start + sla,
    Progress: "Not started",
    Phase: defaultPhase(gap),
    "Effort (days)": null,
    Cost: null,
    Resources: "",
    Notes: "",
  };
}

/** Merges current gaps into the existing plan. Nothing a person typed is dropped. */
export function mergeRemediation(
  existing: RemediationRow[],
  gaps: Gap[],
  closed: Set<string>,
  settings: RemediationSettings,
  extraColumns: string[] = []
): RemediationMerge {
  const byKey = new Map<string, RemediationRow>();
  const handRows: RemediationRow[] = [];
  for (const row of existing) {
    const k = key(row.Source, row.ID);
    if (isBlank(row.ID ?? null) || isBlank(row.Source ?? null) || byKey.has(k)) handRows.push(row);
    else byKey.set(k, row);
  }
  const result: RemediationMerge = {
    rows: [],
    extraColumns,
    added: 0,
    kept: 0,
    resolved: 0,
    reopened: 0,
  };
  const open = [...gaps].sort(compareGaps);
  const openKeys = new Set(open.map((g) => key(g.source, g.id)));
  for (const gap of open) {
    const k = key(gap.source, gap.id);
    const before = byKey.get(k);
    if (!before) {
      result.rows.push(newRemediationRow(gap, settings));
      result.added++;
      continue;
    }
    const row: RemediationRow = { ...before, Title: gap.title };
    if (isBlank(row.Phase ?? null)) row.Phase = defaultPhase(gap); // plans made before phases existed
    if (sameText(row.Progress ?? null, "Resolved")) {
      row.Progress = "Not started";
      result.reopened++;
    }
    result.rows.push(row);
    result.kept++;
  }
  // Rows whose gap closed (or is no longer open) stay, below the open ones, in their old order.
  for (const [k, row] of byKey) {
    if (openKeys.has(k)) continue;
    const next: RemediationRow = { ...row };
    if (closed.has(k) && isOpenAction(next)) {
      next.Progress = "Resolved";
      result.resolved++;
    } else if (closed.has(k)) {
      result.kept++;
    } else {
      result.kept++;
    }
    result.rows.push(next);
  }
  result.rows.push(...handRows);
  result.kept += handRows.length;
  return result;
}

/** Scoring and SLA settings read back from the Settings values harvested by key. */
export function remediationSettingsFrom(
  settings: Map<string, CellValue>,
  fallbackStart: number
): RemediationSettings {
  const num = (k: string, d: number): number => numberSetting(settings, k, d);
  return {
    start: num("start", fallbackStart),
    sla: {
      Low: num("sla.Low", DEFAULT_SLA_DAYS.Low),
      Medium: num("sla.Medium", DEFAULT_SLA_DAYS.Medium),
      High: num("sla.High", DEFAULT_SLA_DAYS.High),
      Critical: num("sla.Critical", DEFAULT_SLA_DAYS.Critical),
    },
    scoring: scoringFromSettings(settings),
  };
}
