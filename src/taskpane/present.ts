// Pure presentation helpers for the task pane: percentages, problem groups, error text, readiness
// verdicts, snapshot and report wording. No React, no Office: unit-tested in node.
import type { Problem, Severity, ValidationReport } from "../core/validate/validate";
import { isoDate } from "../core/dates";

/** "62.5%" for 0.625, "—" when there is nothing to show. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return "—";
  const pct = Math.round(fraction * 1000) / 10;
  return `${pct}%`;
}

/** "1 problem", "2 problems". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

export interface ProblemGroup {
  /** The plain-language description the group is titled by (rules sharing it share a group). */
  description: string;
  /** The rule ids in the group, in the order first met. */
  rules: string[];
  /** The most severe severity among the group's problems. */
  severity: Severity;
  problems: Problem[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Problems grouped by what they mean to a person (the rule's description; `describe` gives it,
 * falling back to the rule id): errors first, then warnings, then infos; within, larger groups first.
 */
export function groupProblems(
  problems: readonly Problem[],
  describe: (rule: string) => string | undefined = () => undefined
): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const description = describe(p.rule) ?? p.rule;
    let g = groups.get(description);
    if (!g) {
      g = { description, rules: [], severity: p.severity, problems: [] };
      groups.set(description, g);
    }
    if (!g.rules.includes(p.rule)) g.rules.push(p.rule);
    if (SEVERITY_RANK[p.severity] < SEVERITY_RANK[g.severity]) g.severity = p.severity;
    g.problems.push(p);
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.problems.length - a.problems.length ||
      a.description.localeCompare(b.description)
  );
}

/** True when the report has nothing to fix (infos such as "not assessed" do not count). */
export function isAllClear(report: ValidationReport): boolean {
  return report.summary.errors === 0 && report.summary.warnings === 0;
}

export interface ErrorText {
  message: string;
  hint: string;
}

const DEFAULT_HINT =
  "Try again. If it keeps failing, save the workbook, reopen it and try once more.";

/** What to show for a failure: the typed error's message and hint, or a plain fallback. */
export function describeError(error: unknown): ErrorText {
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; hint?: unknown };
    const message =
      typeof e.message === "string" && e.message.trim() ? e.message : "Something went wrong.";
    const hint = typeof e.hint === "string" && e.hint.trim() ? e.hint : DEFAULT_HINT;
    return { message, hint };
  }
  return {
    message: typeof error === "string" && error ? error : "Something went wrong.",
    hint: DEFAULT_HINT,
  };
}

/** A short label for one problem in the list: "Annex A!H12 · 5.1". */
export function problemLocation(p: Problem): string {
  return `${p.sheet}!${p.cell}${p.id ? ` · ${p.id}` : ""}`;
}

/** "Ready", or "Not ready (3 blockers)". */
/** Bar value and label while a workbook is written sheet by sheet; `idle` before the first sheet. */
export function writeProgress(
  progress: { done: number; total: number } | null,
  idle: string
): { value?: number; label: string } {
  if (!progress || progress.total <= 0) return { label: idle };
  return {
    value: progress.done / progress.total,
    label: `Writing sheet ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`,
  };
}

export function readinessVerdict(blockers: number): string {
  return blockers === 0 ? "Ready" : `Not ready (${plural(blockers, "blocker")})`;
}

export interface SnapshotFigures {
  date: number;
  overall: number | null;
  clauses: number | null;
  annexA: number | null;
  snapshots: number;
}

/** What "Record snapshot" tells the user it stored: the date and the compliance recorded. */
export function snapshotMessage(s: SnapshotFigures): string {
  const overall =
    s.overall === null
      ? "no overall compliance yet (nothing assessed)"
      : `overall compliance ${formatPercent(s.overall)}`;
  return (
    `${isoDate(s.date)}: ${overall} (Clauses 4–10 ${formatPercent(s.clauses)}, Annex A ${formatPercent(s.annexA)}). ` +
    `${plural(s.snapshots, "snapshot")} on Snapshot History.`
  );
}

/** File name for the downloaded report: "executive-summary-2026-03-31.md" (local date). */
export function reportFileName(today: Date = new Date(), extension = "md"): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `executive-summary-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.${extension}`;
}
