// The report as data: the same figures the Markdown report (core/report.ts) computes, held in one
// structured model that the HTML and DOCX renderers lay out. Pure: no I/O, no DOM. Text from cells
// is kept raw here; every renderer escapes it for its own format.
import { CLAUSE_PARENTS, THEMES, themeOf } from "../../catalog";
import { PHASES, SHEETS, IMPLEMENTATION_STATUSES } from "../contract";
import { BLOCKER_KINDS, assessReadiness, blockerCounts, countBlockers } from "../readiness";
import { harvestWorkbook } from "../read/harvest";
import { assessmentStats } from "../history";
import { isBlank } from "../read/locate";
import { compliance, gapScore, sameText } from "../scoring";
import { RISK_LEVELS, STATUSES, type RiskLevel, type Status } from "../scale";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { dateSerial, isoDate } from "../dates";
import { documentMissing, documentRequired } from "../read/documents";
import { scoreRisk } from "../read/risks";
import { implementationStatus, missingApproval, soaApplicable } from "../read/soa";
import { findSheet } from "../read/sheets";
import { isOpenAction, readRemediationRows } from "../read/remediation";
import { oneDecimal, topGaps, type ReportOptions } from "../report";

export interface AreaScore {
  kind: "clause" | "theme";
  /** "4" or "A.5" */
  key: string;
  label: string;
  /** 0–1, null when nothing in the area is assessed. */
  compliance: number | null;
  scored: number;
  total: number;
}

export interface ReportGap {
  /** As shown: "A.8.8" for a control, "6.1.2" for a clause. */
  ref: string;
  id: string;
  source: string;
  title: string;
  status: string;
  level: RiskLevel | null;
  priority: number | null;
  owner: string;
  evidence: string;
}

export interface BlockerGroup {
  stage: 1 | 2;
  kind: string;
  /** "3 clauses are Non-Compliant" */
  sentence: string;
  count: number;
  /** The first few by name ("A.5.1", "ISMS scope"), and how many more. */
  names: string[];
  more: number;
}

export interface PhaseLine {
  phase: string;
  open: number;
  effort: number;
  cost: number;
  /** Latest due date of the phase's open actions (ISO), or null. */
  due: string | null;
  start: string | null;
}

export interface PlanAction {
  id: string;
  title: string;
  action: string;
  owner: string;
  phase: string;
  due: string | null;
  progress: string;
  overdue: boolean;
}

export interface ReportModel {
  title: string;
  org: string;
  scope: string;
  date: string;
  currency: string;
  overall: number | null;
  clauses: { compliance: number | null; assessed: number; rows: number };
  annexA: { compliance: number | null; assessed: number; rows: number };
  /** Status counts over clauses and Annex A, in STATUSES order. */
  statusMix: { status: Status; count: number }[];
  areas: AreaScore[];
  /** Snapshot History points, oldest first, then today's figure (marked current). */
  trend: { date: string; overall: number | null; current: boolean }[];
  readiness: {
    stage1: number;
    stage2: number;
    groups: BlockerGroup[];
    findings: { count: number; names: string[] };
    /** Latest due date of the open plan actions on a Stage 1 blocker, and on any blocker. */
    stage1By: string | null;
    stage2By: string | null;
  };
  topRisks: ReportGap[];
  topGaps: ReportGap[];
  plan: {
    exists: boolean;
    open: number;
    overdue: number;
    effort: number;
    cost: number;
    phases: PhaseLine[];
    /** Open actions in phase order, then due date (first 100). */
    actions: PlanAction[];
    finish: string | null;
  };
  soa: {
    /** Applicable controls by implementation status, then "Not assessed". */
    counts: { status: string; count: number }[];
    applicable: number;
    excluded: number;
    missingApproval: string[];
    approval: { label: string; value: string }[];
  };
  documents: { exists: boolean; required: number; missing: string[]; partly: string[] };
  risks: { total: number; byLevel: { level: RiskLevel; count: number }[]; unrated: number };
  /** Plain-language paragraphs of the executive summary (raw text: renderers escape). */
  summary: {
    standing: string;
    risks: string[];
    stage1: string;
    stage2: string;
    cost: string;
  };
}

const str = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : String(v).trim();
const num = (v: CellValue | undefined): number =>
  typeof v === "number" && Number.isFinite(v) ? v : 0;

/** "42.5%", or "—" when nothing is assessed. */
export function percentText(value: number | null): string {
  return value === null ? "—" : `${oneDecimal(value * 100)}%`;
}

/** A whole amount with thousands separators: "12,500". */
export function amountText(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function areaScores(
  inputs: ReturnType<typeof harvestWorkbook>["inputs"],
  scoring: ReturnType<typeof assessmentStats>["scoring"]
): AreaScore[] {
  const out: AreaScore[] = [];
  const push = (kind: AreaScore["kind"], key: string, label: string, gaps: (number | null)[]) =>
    out.push({
      kind,
      key,
      label,
      compliance: compliance(gaps),
      scored: gaps.filter((g) => g !== null).length,
      total: gaps.length,
    });
  for (const parent of CLAUSE_PARENTS) {
    const rows = [...inputs.clauses.entries()].filter(([id]) => id.startsWith(`${parent.id}.`));
    push(
      "clause",
      String(parent.id),
      parent.title,
      rows.map(([, row]) =>
        gapScore({ status: row.Status ?? null, likelihood: null, impact: null }, scoring)
      )
    );
  }
  for (const theme of THEMES) {
    const rows = [...inputs.annexA.entries()].filter(
      ([id, row]) => (themeOf(id) ?? row.Theme) === theme.theme
    );
    push(
      "theme",
      `A.${theme.id}`,
      theme.theme,
      rows.map(([, row]) =>
        gapScore(
          {
            status: row.Status ?? null,
            likelihood: null,
            impact: null,
            applicable: row.Applicable ?? null,
          },
          scoring
        )
      )
    );
  }
  return out;
}

export function buildReportModel(snapshots: SheetSnapshot[], options: ReportOptions): ReportModel {
  const harvest = harvestWorkbook(snapshots);
  const stats = assessmentStats(snapshots);
  const today = options.today;
  const org = str(harvest.settings.get("org"));
  const scope = str(harvest.settings.get("scope"));
  const currency = str(harvest.settings.get("currency"));

  const clauseNA = stats.clauses.counts["Not Applicable"];
  const clausesAssessed = stats.clauses.rows - stats.clauses.counts["Not Assessed"] - clauseNA;
  const annexAssessed = stats.annexA.rows - stats.annexA.counts["Not Assessed"];

  // Trend
  const trend = harvest.audit.history.rows
    .filter((r) => typeof r.Date === "number")
    .sort((a, b) => (a.Date as number) - (b.Date as number))
    .map((r) => ({
      date: isoDate(r.Date as number),
      overall: typeof r.Overall === "number" ? r.Overall : null,
      current: false,
    }));
  trend.push({ date: isoDate(today), overall: stats.overall, current: true });

  // Gaps
  const toGap = (g: ReturnType<typeof topGaps>[number]): ReportGap => ({
    ref: `${g.source === SHEETS.annexA ? "A." : ""}${g.id}`,
    id: g.id,
    source: g.source,
    title: g.title,
    status: g.status,
    level: g.level,
    priority: g.priority === null ? null : Number(g.priority.toFixed(2)),
    owner: str(g.owner),
    evidence: str(g.evidence),
  });
  const gaps = topGaps(snapshots, stats, options.top ?? 10).map(toGap);

  // Plan
  const planSheet = findSheet(snapshots, SHEETS.remediation);
  const planRows = planSheet ? readRemediationRows(planSheet).rows : [];
  const open = planRows.filter(isOpenAction);
  const dueOf = (r: (typeof open)[number]): number | null => dateSerial(r.Due ?? null);
  const latest = (rows: typeof open): string | null => {
    const d = rows.reduce((m, r) => Math.max(m, dueOf(r) ?? 0), 0);
    return d ? isoDate(d) : null;
  };
  const phases: PhaseLine[] = PHASES.map((phase) => {
    const inPhase = open.filter((r) => sameText(r.Phase ?? null, phase));
    const start = inPhase.reduce(
      (m, r) => {
        const s = dateSerial(r.Start ?? null);
        return s === null ? m : m === null ? s : Math.min(m, s);
      },
      null as number | null
    );
    return {
      phase,
      open: inPhase.length,
      effort: inPhase.reduce((n, r) => n + num(r["Effort (days)"]), 0),
      cost: inPhase.reduce((n, r) => n + num(r.Cost), 0),
      due: latest(inPhase),
      start: start === null ? null : isoDate(start),
    };
  });
  const phaseIndex = (r: (typeof open)[number]): number => {
    const i = PHASES.findIndex((p) => sameText(r.Phase ?? null, p));
    return i < 0 ? PHASES.length : i;
  };
  const actions: PlanAction[] = [...open]
    .sort(
      (a, b) => phaseIndex(a) - phaseIndex(b) || (dueOf(a) ?? Infinity) - (dueOf(b) ?? Infinity)
    )
    .slice(0, 100)
    .map((r) => {
      const due = dueOf(r);
      return {
        id: str(r.ID),
        title: str(r.Title),
        action: str(r.Action),
        owner: str(r.Owner),
        phase: str(r.Phase),
        due: due === null ? null : isoDate(due),
        progress: str(r.Progress),
        overdue: due !== null && due < today,
      };
    });
  const effort = open.reduce((n, r) => n + num(r["Effort (days)"]), 0);
  const cost = open.reduce((n, r) => n + num(r.Cost), 0);
  const overdue = open.filter((r) => {
    const d = dueOf(r);
    return d !== null && d < today;
  }).length;

  // Readiness
  const { blockers, findings } = assessReadiness(snapshots, { today });
  const counts = blockerCounts(blockers);
  const nameOf = (b: { sheet: string; id: string; name: string }): string =>
    b.sheet === SHEETS.annexA ? `A.${b.id}` : b.name;
  const groups: BlockerGroup[] = [];
  for (const stage of [1, 2] as const)
    for (const { kind } of BLOCKER_KINDS) {
      const list = blockers.filter((b) => b.stage === stage && b.kind === kind);
      if (list.length === 0) continue;
      const names = list.slice(0, 5).map(nameOf);
      groups.push({
        stage,
        kind,
        sentence: countBlockers(kind, list.length),
        count: list.length,
        names,
        more: list.length - names.length,
      });
    }
  const actionsFor = (stage: 1 | 2): typeof open =>
    open.filter((r) =>
      blockers.some(
        (b) =>
          (stage === 2 || b.stage === 1) &&
          (b.sheet === SHEETS.clauses || b.sheet === SHEETS.annexA) &&
          str(r.ID) === b.id &&
          (isBlank(r.Source ?? null) || sameText(r.Source ?? null, b.sheet))
      )
    );
  const stage1By = latest(actionsFor(1));
  const stage2By = latest(actionsFor(2));

  // SoA
  const openIds = new Set(open.map((r) => str(r.ID)));
  const soaCounts = new Map<string, number>(
    [...IMPLEMENTATION_STATUSES, "Not assessed"].map((s) => [s, 0])
  );
  for (const [id, row] of harvest.inputs.annexA) {
    const s =
      implementationStatus(row.Applicable ?? null, row.Status ?? null, openIds.has(id)) ||
      "Not assessed";
    soaCounts.set(s, (soaCounts.get(s) ?? 0) + 1);
  }
  const excluded = soaCounts.get("Excluded") ?? 0;
  const approval = harvest.audit.soa.approval;

  // Documents
  const docSheet = findSheet(snapshots, SHEETS.documents);
  const applicable = (id: string): "Yes" | "No" | null => {
    const row = harvest.inputs.annexA.get(id);
    return row ? soaApplicable(row.Applicable ?? null, row.Status ?? null) : null;
  };
  const docs = harvest.audit.documents.rows.filter((r) => !isBlank(r.Document ?? null));
  const required = docs.filter((r) => documentRequired(r.Clause ?? null, applicable) === "Yes");
  const missingDocs = required.filter((r) => documentMissing(r, "Yes")).map((r) => str(r.Document));
  const partlyDocs = required
    .filter((r) => sameText(r.Exists ?? null, "Partly"))
    .map((r) => str(r.Document));

  // Risks
  const riskRows = harvest.audit.risks.rows.filter(
    (r) => !isBlank(r["Asset or process"] ?? null) || !isBlank(r.Threat ?? null)
  );
  const levels = new Map<RiskLevel, number>(RISK_LEVELS.map((l) => [l, 0]));
  let unrated = 0;
  for (const r of riskRows) {
    const level = scoreRisk(r, stats.scoring).residualLevel;
    if (level) levels.set(level, (levels.get(level) ?? 0) + 1);
    else unrated++;
  }

  // Executive summary in plain words
  const who = org || "The organisation";
  const assessedAll = clausesAssessed + annexAssessed;
  const rowsAll = stats.clauses.rows + stats.annexA.rows;
  const standing =
    stats.overall === null
      ? `${who} has not assessed any requirement yet: ${rowsAll} clauses and controls are waiting for a status.`
      : `${who} meets ${percentText(stats.overall)} of the ISO/IEC 27001:2022 requirements assessed so far ` +
        `(management system clauses 4-10: ${percentText(stats.clauses.compliance)}; Annex A controls: ${percentText(stats.annexA.compliance)}). ` +
        `${assessedAll} of ${rowsAll} clauses and controls are assessed; ` +
        `${stats.counts["Non-Compliant"]} are not in place and ${stats.counts["Partially Compliant"]} only in part.`;
  const topRisks = gaps.slice(0, 3);
  const riskLines = topRisks.map(
    (g) =>
      `${g.ref} ${g.title}: ${g.status === "Non-Compliant" ? "not in place" : "only partly in place"}` +
      `${g.level ? `, ${g.level.toLowerCase()} risk` : ""}${g.priority !== null ? ` (priority ${g.priority})` : ""}` +
      `${g.owner ? `; owner ${g.owner}` : "; no owner yet"}.`
  );
  const stageText = (stage: 1 | 2, n: number, by: string | null): string => {
    const name = stage === 1 ? "Stage 1 (documentation review)" : "Stage 2 (certification audit)";
    if (n === 0) return `${name}: ready — nothing blocks it.`;
    const own = groups.filter((g) => g.stage === stage).map((g) => g.sentence);
    const kinds =
      stage === 2 && counts.stage1
        ? `the ${plural(counts.stage1, "Stage 1 blocker", "Stage 1 blockers")}${own.length ? `, and ${own.join("; ")}` : ""}`
        : own.join("; ");
    const when = by
      ? ` If the remediation plan holds, its actions on the blocking clauses and controls are done by ${by}` +
        `${groups.some((g) => g.kind.startsWith("document") && (g.stage === 1 || stage === 2)) ? "; the missing documents and reviews need dates of their own" : ""}.`
      : planSheet
        ? " The remediation plan has no dated action on these blockers yet."
        : " There is no remediation plan yet.";
    return `${name}: not ready — ${plural(n, "blocker", "blockers")} to clear: ${kinds}.${when}`;
  };
  const costText = !planSheet
    ? "There is no remediation plan yet, so no estimate of effort or cost."
    : open.length === 0
      ? "The remediation plan has no open action."
      : `Closing the ${plural(open.length, "open action", "open actions")} of the plan takes an estimated ${amountText(effort)} person-days` +
        `${cost ? ` and ${amountText(cost)}${currency ? ` ${currency}` : ""}` : ""}` +
        `${latest(open) ? `; the last action is due on ${latest(open)}` : ""}.` +
        `${overdue ? ` ${plural(overdue, "action is", "actions are")} already overdue.` : ""}`;

  return {
    title: "ISO/IEC 27001:2022 gap assessment report",
    org,
    scope,
    date: isoDate(today),
    currency,
    overall: stats.overall,
    clauses: {
      compliance: stats.clauses.compliance,
      assessed: clausesAssessed,
      rows: stats.clauses.rows,
    },
    annexA: {
      compliance: stats.annexA.compliance,
      assessed: annexAssessed,
      rows: stats.annexA.rows,
    },
    statusMix: STATUSES.map((status) => ({ status, count: stats.counts[status] })),
    areas: areaScores(harvest.inputs, stats.scoring),
    trend,
    readiness: {
      stage1: counts.stage1,
      stage2: counts.stage2,
      groups,
      findings: {
        count: findings.length,
        names: findings.slice(0, 5).map((f) => (f.sheet === SHEETS.annexA ? `A.${f.id}` : f.id)),
      },
      stage1By,
      stage2By,
    },
    topRisks,
    topGaps: gaps,
    plan: {
      exists: !!planSheet,
      open: open.length,
      overdue,
      effort,
      cost,
      phases,
      actions,
      finish: latest(open),
    },
    soa: {
      counts: [...soaCounts].map(([status, count]) => ({ status, count })),
      applicable: harvest.inputs.annexA.size - excluded,
      excluded,
      missingApproval: missingApproval(approval),
      approval: Object.entries(approval).map(([label, value]) => ({
        label,
        value: typeof value === "number" && /date/i.test(label) ? isoDate(value) : str(value),
      })),
    },
    documents: {
      exists: !!docSheet,
      required: required.length,
      missing: missingDocs,
      partly: partlyDocs,
    },
    risks: {
      total: riskRows.length,
      byLevel: [...RISK_LEVELS]
        .reverse()
        .map((level) => ({ level, count: levels.get(level) ?? 0 })),
      unrated,
    },
    summary: {
      standing,
      risks: riskLines.length
        ? riskLines
        : ["No open gaps: nothing is marked Partially or Non-Compliant."],
      stage1: stageText(1, counts.stage1, stage1By),
      stage2: stageText(2, counts.stage2, stage2By),
      cost: costText,
    },
  };
}

/** What the method and scope section says (our words, the same for every format). */
export const METHOD_TEXT = [
  "Each of the 30 management system clauses (4.1–10.2) and the 93 Annex A controls of ISO/IEC 27001:2022 is rated Compliant, Partially Compliant, Non-Compliant, Not Applicable (Annex A only) or Not Assessed, with the evidence seen.",
  "Compliance is the share of assessed, applicable rows that are met: compliant rows count in full, partially compliant rows by their weight on Settings (half by default); excluded and unassessed rows do not count.",
  "Risk is likelihood × impact (1–25); priority is the gap weight × risk. Readiness for the Stage 1 and Stage 2 audits follows the blockers the workbook's Summary counts.",
  "All figures are computed from the workbook's values when the report is written; the workbook itself is not changed.",
];

/** A table as plain text, laid out once for every report format (each escapes its own cells). */
export interface TextTable {
  header: string[];
  rows: string[][];
  /** Column indexes aligned as numbers. */
  numeric: number[];
}

/** The plan's phases: open actions, effort, cost and dates per phase. */
export function phaseTable(m: ReportModel): TextTable {
  return {
    header: [
      "Phase",
      "Open actions",
      "Effort (days)",
      `Cost${m.currency ? ` (${m.currency})` : ""}`,
      "First start",
      "Latest due",
    ],
    rows: m.plan.phases.map((ph) => [
      ph.phase,
      String(ph.open),
      amountText(ph.effort),
      amountText(ph.cost),
      ph.start ?? "—",
      ph.due ?? "—",
    ]),
    numeric: [1, 2, 3],
  };
}
