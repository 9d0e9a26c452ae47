// Remediation plan: open gaps → plan rows, merged with the plan people already edit.
// Keyed by Source + ID; every edited cell, extra column and hand-written row is kept.
// New rows get the catalog's suggested action and effort, a finding from the recorded evidence,
// a cost at the Settings day rate, a phase by dependency and priority, and dates scheduled per
// owner (working days, Monday to Friday) within the SLA of their priority.
import {
  findClause,
  findControl,
  naturalIdCompare,
  type FindingType,
  type RemediationAdvice,
} from "../catalog";
import {
  ASSESSMENT_SHEETS,
  FINDING_TYPES,
  PHASES,
  SHEETS,
  type AssessmentSheetSpec,
  type AssessmentColumn,
} from "./contract";
import type { RowInputs } from "./inputs";
import { isBlank, locateAssessmentTable, textOf } from "./read/locate";
import {
  DEFAULT_SCORING,
  numberSetting,
  riskLevel,
  sameText,
  scoreRow,
  scoringFromSettings,
  type ScoringSettings,
} from "./scoring";
import { DEFAULT_SLA_DAYS, type RiskLevel } from "./scale";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { isOpenAction } from "./read/remediation";
import { dateSerial } from "./dates";
import { DEFAULT_DAY_RATE, DEFAULT_OWNER_CAPACITY } from "./settings";

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
  /** Evidence and Notes as recorded on the assessment row: the finding quotes them. */
  evidence?: CellValue;
  notes?: CellValue;
}

export interface RemediationSettings {
  scoring: ScoringSettings;
  /** First day of the plan (serial): the Settings start date. */
  start: number;
  /** Calendar days from the start by which an action of each priority band is due. */
  sla: Record<RiskLevel, number>;
  /** Cost of a person-day in the Settings currency. */
  dayRate: number;
  /** Actions an owner works on at the same time. */
  capacity: number;
  /** Effort (days) of a missing item of a finding type, replacing the catalog's estimates. */
  effort: Partial<Record<FindingType, number>>;
}

export const DEFAULT_REMEDIATION_SETTINGS: RemediationSettings = {
  scoring: DEFAULT_SCORING,
  start: 0,
  sla: DEFAULT_SLA_DAYS,
  dayRate: DEFAULT_DAY_RATE,
  capacity: DEFAULT_OWNER_CAPACITY,
  effort: {},
};

export interface RemediationMerge {
  rows: RemediationRow[];
  extraColumns: string[];
  added: number;
  kept: number;
  resolved: number;
  reopened: number;
  /** Actions started early to meet their SLA date, putting their owner over capacity. */
  overCapacity: number;
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
        evidence: value(r, "Evidence"),
        notes: value(r, "Notes"),
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

/** Words kept from the assessment row in a finding, per part. */
const FINDING_EVIDENCE_CHARS = 160;
const FINDING_GAP_CHARS = 200;
const FINDING_CHARS = 480;

/** Cell text on one line: control characters and runs of white space become one space; cut at
 *  a word boundary with "…" when longer than `max`. */
function clip(value: CellValue | undefined, max: number): string {
  if (value === null || value === undefined) return "";
  const text = String(value)
    .replace(/[\u0000-\u001f\u007f\s]+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

function catalogEntry(gap: Pick<Gap, "id" | "source">) {
  return gap.source === SHEETS.clauses ? findClause(gap.id) : findControl(gap.id);
}

/** The catalog's advice for the gap's item; rows a team added themselves get a generic one. */
function adviceFor(gap: Pick<Gap, "id" | "source" | "title">): RemediationAdvice {
  const entry = catalogEntry(gap);
  if (entry) return entry.advice;
  const title = clip(gap.title, 80) || gap.id;
  return {
    effort: 3,
    partial: `Close the remaining gaps in "${title}" and keep evidence an auditor can check.`,
    missing: `Put "${title}" in place, give it an owner and keep evidence an auditor can check.`,
  };
}

/** Our suggested action for the gap, worded for a partial or a missing item. */
export function suggestedAction(gap: Pick<Gap, "id" | "source" | "title" | "status">): string {
  const advice = adviceFor(gap);
  return gap.status === "Non-Compliant" ? advice.missing : advice.partial;
}

/** "Evidence: … — gap: …": what the assessment recorded and what is still missing. */
export function findingText(gap: Gap): string {
  const evidence = clip(gap.evidence, FINDING_EVIDENCE_CHARS);
  const notes = clip(gap.notes, FINDING_GAP_CHARS).replace(/[\s.;:,]+$/, "");
  const expected = clip(catalogEntry(gap)?.evidence, FINDING_GAP_CHARS) || "evidence that it works";
  const missing =
    gap.status === "Non-Compliant"
      ? evidence
        ? `what is recorded does not meet it yet; an auditor will look for ${expected}`
        : `not in place; an auditor will look for ${expected}`
      : evidence
        ? `only partly in place; still to show: ${expected}`
        : `only partly in place and nothing recorded to show it; an auditor will look for ${expected}`;
  const text = `Evidence: ${evidence || "none recorded"} — gap: ${notes || missing} (${gap.status}).`;
  return clip(text, FINDING_CHARS);
}

/** The finding rows got before findings quoted the evidence; regenerating replaces them. */
const OLD_FINDING =
  /^(Non-Compliant: the (requirement|control) ".*" is not in place\.|Partially Compliant: the (requirement|control) ".*" is only partly in place or lacks evidence\.)$/s;

function defaultType(gap: Gap): FindingType {
  return catalogEntry(gap)?.type ?? "Procedural";
}

/** Effort (person-days) of the gap: the catalog's estimate, or the Settings one for its finding
 *  type, for a missing item; half of it (in half days) for a partial one. */
export function defaultEffort(
  gap: Pick<Gap, "id" | "source" | "title" | "status">,
  settings: Pick<RemediationSettings, "effort">
): number {
  const type = catalogEntry(gap)?.type ?? "Procedural";
  const full = settings.effort[type] ?? adviceFor(gap).effort;
  return gap.status === "Non-Compliant" ? full : Math.max(0.5, Math.ceil(full) / 2);
}

/** Effort × day rate, to the cent. */
export function costOf(effort: number, settings: Pick<RemediationSettings, "dayRate">): number {
  return Math.round(effort * settings.dayRate * 100) / 100;
}

/** The band of the gap's priority (the risk bands applied to gap × risk), which sets its SLA and
 *  phase; the risk level when the priority is unknown, else Medium. */
export function priorityBand(
  gap: Pick<Gap, "priority" | "level">,
  scoring: ScoringSettings = DEFAULT_SCORING
): RiskLevel {
  return riskLevel(gap.priority, scoring) ?? gap.level ?? "Medium";
}

/** Foundation clauses (scope, policy, roles, risk method) and Critical priorities go first,
 *  High priorities second, the rest third. */
export function defaultPhase(
  gap: Pick<Gap, "id" | "source" | "priority" | "level">,
  scoring: ScoringSettings = DEFAULT_SCORING
): string {
  if (gap.source === SHEETS.clauses && findClause(gap.id)?.foundation) return PHASES[0];
  const band = priorityBand(gap, scoring);
  if (band === "Critical") return PHASES[0];
  return band === "High" ? PHASES[1] : PHASES[2];
}

/** The last day an action may be due: start + the SLA of its priority band. */
function slaDue(gap: Pick<Gap, "priority" | "level">, settings: RemediationSettings): number {
  return settings.start + settings.sla[priorityBand(gap, settings.scoring)];
}

/** New plan row for a gap, before scheduling: owner from the assessment, start = the plan's
 *  start, due = the SLA date of its priority band; the merge then schedules it per owner. */
export function newRemediationRow(gap: Gap, settings: RemediationSettings): RemediationRow {
  const effort = defaultEffort(gap, settings);
  return {
    ID: gap.id,
    Source: gap.source,
    Title: gap.title,
    Finding: findingText(gap),
    Type: defaultType(gap),
    Treatment: "Mitigate",
    Action: suggestedAction(gap),
    Owner: isBlank(gap.owner) ? "" : gap.owner,
    Start: settings.start,
    Due: slaDue(gap, settings),
    Progress: "Not started",
    Phase: defaultPhase(gap, settings.scoring),
    "Effort (days)": effort,
    Cost: costOf(effort, settings),
    Resources: "",
    Notes: "",
  };
}

/** Fills what a kept row of an open gap lacks, and moves our own untouched suggestions along
 *  with the status (partial ↔ missing). Anything a person typed stays. */
function refreshKeptRow(row: RemediationRow, gap: Gap, settings: RemediationSettings): void {
  const other: Gap = {
    ...gap,
    status: gap.status === "Non-Compliant" ? "Partially Compliant" : "Non-Compliant",
  };
  if (isBlank(row.Phase ?? null)) row.Phase = defaultPhase(gap, settings.scoring);
  if (isBlank(row.Type ?? null)) row.Type = defaultType(gap);
  const finding = row.Finding ?? null;
  if (isBlank(finding) || (typeof finding === "string" && OLD_FINDING.test(finding.trim())))
    row.Finding = findingText(gap);
  const action = row.Action ?? null;
  if (isBlank(action) || action === suggestedAction(other)) row.Action = suggestedAction(gap);
  // Effort: filled when blank; our default for the other status follows the status.
  const own = defaultEffort(gap, settings);
  const alt = defaultEffort(other, settings);
  const typed = row["Effort (days)"] ?? null;
  if (isBlank(typed) || (typed === alt && alt !== own)) row["Effort (days)"] = own;
  // Cost: filled when blank; while it is still one of our own defaults it follows the effort.
  const effort = row["Effort (days)"];
  const cost = row.Cost ?? null;
  const ours =
    isBlank(cost) ||
    (typeof cost === "number" && [own, alt].some((e) => costOf(e, settings) === cost));
  if (ours && typeof effort === "number") row.Cost = costOf(effort, settings);
}

/** Merges current gaps into the existing plan. Nothing a person typed is dropped. New rows (and
 *  kept ones without dates) are scheduled around the open actions that already have dates. */
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
    overCapacity: 0,
  };
  const open = [...gaps].sort(compareGaps);
  const openKeys = new Set(open.map((g) => key(g.source, g.id)));
  const toSchedule: Scheduled[] = [];
  for (const gap of open) {
    const k = key(gap.source, gap.id);
    const before = byKey.get(k);
    if (!before) {
      const row = newRemediationRow(gap, settings);
      result.rows.push(row);
      toSchedule.push({ row, gap, fresh: true });
      result.added++;
      continue;
    }
    const row: RemediationRow = { ...before, Title: gap.title };
    refreshKeptRow(row, gap, settings);
    if (sameText(row.Progress ?? null, "Resolved")) {
      row.Progress = "Not started";
      result.reopened++;
    }
    if (isBlank(row.Start ?? null) && isBlank(row.Due ?? null))
      toSchedule.push({ row, gap, fresh: false });
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
    } else {
      result.kept++;
    }
    result.rows.push(next);
  }
  result.rows.push(...handRows);
  result.kept += handRows.length;
  result.overCapacity = scheduleRemediation(result.rows, toSchedule, settings);
  return result;
}

/** A plan row the merge dates, with the gap it is for; `fresh` = added by this merge. */
interface Scheduled {
  row: RemediationRow;
  gap: Gap;
  fresh: boolean;
}

// Working days run Monday to Friday. Serial 0 (1899-12-30) was a Saturday.
const weekday = (serial: number): number => (((serial + 6) % 7) + 7) % 7; // 0 = Sunday
const isWorkingDay = (serial: number): boolean => weekday(serial) % 6 !== 0;

/** The serial itself when it is a working day, else the next (or, backwards, previous) one. */
export function workingDayFrom(serial: number, direction: 1 | -1 = 1): number {
  let day = Math.floor(serial);
  while (!isWorkingDay(day)) day += direction;
  return day;
}

/** The working day `n` working days after (n < 0: before) a working day. */
export function addWorkingDays(serial: number, n: number): number {
  const step = n < 0 ? -1 : 1;
  let day = serial + 7 * Math.trunc(n / 5);
  for (let left = Math.abs(n) % 5; left > 0;) {
    day += step;
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Working days an action takes: its effort in whole days, at least one. */
function duration(row: RemediationRow, gap: Gap, settings: RemediationSettings): number {
  const effort = row["Effort (days)"];
  const days = typeof effort === "number" && effort > 0 ? effort : defaultEffort(gap, settings);
  return Math.max(1, Math.ceil(days));
}

function phaseOf(row: RemediationRow): number {
  const value = row.Phase;
  const text = typeof value === "string" ? value.trim() : "";
  const i = PHASES.findIndex((p) => sameText(text, p));
  return i < 0 ? PHASES.length - 1 : i;
}

const ownerKey = (owner: CellValue | undefined): string =>
  isBlank(owner ?? null) ? "" : String(owner).trim().toLowerCase();

/**
 * Dates the rows in `items` (Start and Due, serials): phase by phase; within a phase prerequisite
 * clauses first, then by priority. Each owner (blank owners share one queue) works on
 * `capacity` actions at a time: an action starts on the first working day one of the owner's
 * slots is free and its prerequisites are due, and is due `effort` working days later (the start
 * counts). An action that would miss its SLA date starts early enough to meet it, over the
 * owner's capacity (counted and returned). A phase whose last action would be due before the
 * previous phase's last one has that action moved later, so phases finish in order.
 */
function scheduleRemediation(
  plan: RemediationRow[],
  items: Scheduled[],
  settings: RemediationSettings
): number {
  if (items.length === 0) return 0;
  const capacity = Math.min(50, Math.max(1, Math.floor(settings.capacity) || 1));
  const first = workingDayFrom(settings.start);
  const slots = new Map<string, number[]>();
  const slotsOf = (owner: CellValue | undefined): number[] => {
    const k = ownerKey(owner);
    let free = slots.get(k);
    if (!free) slots.set(k, (free = Array.from({ length: capacity }, () => first)));
    return free;
  };
  const scheduled = new Set(items.map((i) => i.row));
  const openRows = plan.filter((r) => isOpenAction(r));
  // Open actions that keep their dates hold their owner's slots first.
  const fixed = openRows
    .filter((r) => !scheduled.has(r))
    .map((r) => ({ row: r, start: dateSerial(r.Start ?? null), due: dateSerial(r.Due ?? null) }))
    .filter((f): f is { row: RemediationRow; start: number; due: number } => {
      return f.start !== null && f.due !== null && f.due >= f.start;
    })
    .sort((a, b) => a.start - b.start);
  for (const f of fixed) {
    const free = slotsOf(f.row.Owner);
    let best = -1;
    free.forEach((day, i) => {
      if (day <= f.start && (best < 0 || day > free[best])) best = i;
    });
    if (best < 0) best = free.indexOf(Math.min(...free));
    free[best] = Math.max(free[best], addWorkingDays(workingDayFrom(f.due, -1), 1));
  }
  // Prerequisites pull their own new rows forward to the earliest phase that needs them.
  const clauseItem = new Map(
    items.filter((i) => i.gap.source === SHEETS.clauses).map((i) => [i.gap.id, i])
  );
  for (let pass = 0, changed = true; changed && pass < clauseItem.size; pass++) {
    changed = false;
    for (const item of clauseItem.values()) {
      for (const id of findClause(item.gap.id)?.after ?? []) {
        const before = clauseItem.get(id);
        if (before?.fresh && phaseOf(before.row) > phaseOf(item.row)) {
          before.row.Phase = item.row.Phase;
          changed = true;
        }
      }
    }
  }
  const dueOfClause = (id: string): number | null => {
    const row = openRows.find((r) => sameText(r.Source ?? null, SHEETS.clauses) && r.ID === id);
    return row ? dateSerial(row.Due ?? null) : null;
  };
  let overCapacity = 0;
  for (let phase = 0; phase < PHASES.length; phase++) {
    const group = items
      .filter((i) => phaseOf(i.row) === phase)
      .sort(
        (a, b) =>
          (b.gap.priority ?? -1) - (a.gap.priority ?? -1) ||
          (b.gap.risk ?? -1) - (a.gap.risk ?? -1) ||
          compareGaps(a.gap, b.gap)
      );
    // Prerequisites first (catalog chains are at most a few clauses deep).
    const ordered: Scheduled[] = [];
    const placed = new Set<Scheduled>();
    const place = (item: Scheduled, depth: number): void => {
      if (placed.has(item) || depth > 8) return;
      for (const id of findClause(item.gap.id)?.after ?? []) {
        const before = item.gap.source === SHEETS.clauses ? clauseItem.get(id) : undefined;
        if (before && group.includes(before)) place(before, depth + 1);
      }
      placed.add(item);
      ordered.push(item);
    };
    for (const item of group) place(item, 0);
    const tails: { item: Scheduled; free: number[]; slot: number; days: number; latest: number }[] =
      [];
    for (const item of ordered) {
      let release = first;
      if (item.gap.source === SHEETS.clauses) {
        for (const id of findClause(item.gap.id)?.after ?? []) {
          const due = dueOfClause(id);
          if (due !== null) release = Math.max(release, addWorkingDays(workingDayFrom(due, -1), 1));
        }
      }
      const days = duration(item.row, item.gap, settings);
      const latest = Math.max(first, workingDayFrom(slaDue(item.gap, settings), -1));
      const free = slotsOf(item.row.Owner);
      const slot = free.indexOf(Math.min(...free));
      let start = Math.max(release, free[slot]);
      let due = addWorkingDays(start, days - 1);
      const early = Math.max(release, first, addWorkingDays(latest, -(days - 1)));
      if (due > latest && early < start) {
        start = early;
        due = addWorkingDays(start, days - 1);
        overCapacity++;
      } else {
        free[slot] = addWorkingDays(due, 1);
        tails.push({ item, free, slot, days, latest });
      }
      item.row.Start = start;
      item.row.Due = due;
    }
    // Phases finish in order: the phase's last action is not due before the previous phase's.
    const lastDue = (rows: RemediationRow[]): number =>
      rows.reduce(
        (latest, r) => Math.max(latest, dateSerial(r.Due ?? null) ?? -Infinity),
        -Infinity
      );
    const before = lastDue(openRows.filter((r) => phaseOf(r) < phase));
    const end = lastDue(openRows.filter((r) => phaseOf(r) === phase));
    if (tails.length > 0 && end < before) {
      const last = tails.reduce((a, b) =>
        (b.item.row.Due as number) >= (a.item.row.Due as number) ? b : a
      );
      const due = Math.min(before, last.latest);
      if (
        last.free[last.slot] === addWorkingDays(last.item.row.Due as number, 1) &&
        due > (last.item.row.Due as number)
      ) {
        last.item.row.Due = due;
        last.item.row.Start = addWorkingDays(due, -(last.days - 1));
        last.free[last.slot] = addWorkingDays(due, 1);
      }
    }
  }
  return overCapacity;
}

/** Scoring, SLA and planning settings read back from the Settings values harvested by key. */
export function remediationSettingsFrom(
  settings: Map<string, CellValue>,
  fallbackStart: number
): RemediationSettings {
  const num = (k: string, d: number): number => numberSetting(settings, k, d);
  const effort: Partial<Record<FindingType, number>> = {};
  for (const type of FINDING_TYPES) {
    const days = num(`plan.effort.${type}`, 0);
    if (days > 0) effort[type] = days;
  }
  const dayRate = num("plan.dayRate", DEFAULT_DAY_RATE);
  return {
    start: num("start", fallbackStart),
    sla: {
      Low: num("sla.Low", DEFAULT_SLA_DAYS.Low),
      Medium: num("sla.Medium", DEFAULT_SLA_DAYS.Medium),
      High: num("sla.High", DEFAULT_SLA_DAYS.High),
      Critical: num("sla.Critical", DEFAULT_SLA_DAYS.Critical),
    },
    scoring: scoringFromSettings(settings),
    dayRate: dayRate >= 0 ? dayRate : DEFAULT_DAY_RATE,
    capacity: num("plan.capacity", DEFAULT_OWNER_CAPACITY),
    effort,
  };
}
