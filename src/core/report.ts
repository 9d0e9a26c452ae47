// The executive summary in Markdown, for a consultant to paste into a report: scores, top gaps,
// overdue actions, missing documents, the risk register in one line and the trend since the last
// snapshot. Pure: computed from SheetSnapshots with core/scoring, never from cached formula results.
import { CLAUSE_PARENTS, THEMES, themeOf } from "../catalog";
import { PHASES, SHEETS } from "./contract";
import { BLOCKER_KINDS, assessReadiness, blockerCounts, countBlockers } from "./readiness";
import { harvestWorkbook } from "./read/harvest";
import type { AssessmentInputs } from "./inputs";
import { assessmentStats, type AssessmentStats } from "./history";
import { isBlank } from "./read/locate";
import { compareGaps, findGaps, type Gap } from "./remediation";
import { compliance, gapScore, sameText } from "./scoring";
import { RISK_LEVELS, type RiskLevel } from "./scale";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { isoDate } from "./dates";
import { markdownText } from "./escape";
import { documentMissing, documentRequired } from "./read/documents";
import { scoreRisk } from "./read/risks";
import { soaApplicable } from "./read/soa";
import { findSheet } from "./read/sheets";
import { isOpenAction, readRemediationRows } from "./read/remediation";

export interface ReportOptions {
  /** Report date as an Excel serial (overdue means due before this day). */
  today: number;
  /** How many gaps the top list shows (default 10). */
  top?: number;
}

/**
 * Cell text safe in the report, in a table cell or in a sentence: one line, inert (HTML entities,
 * Markdown syntax escaped, no link, image, raw HTML or control character; see core/escape.ts).
 */
export function mdCell(value: CellValue | undefined): string {
  return markdownText(typeof value === "string" ? value.trim() : value).trim();
}

/** One decimal, rounded first, never "-0.0" (a LibreOffice save turns 0.3 into 0.29999…). */
export function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return (rounded === 0 ? 0 : rounded).toFixed(1);
}

function percent(value: number | null): string {
  return value === null ? "—" : `${oneDecimal(value * 100)}%`;
}

/** " (+5.0 points since then)", or " (unchanged since then)" when it rounds to 0.0. */
export function pointsSince(now: number, before: number): string {
  const points = oneDecimal((now - before) * 100);
  if (points === "0.0") return " (unchanged since then)";
  return ` (${points.startsWith("-") ? "" : "+"}${points} points since then)`;
}

/** Appends lines one by one: a table of thousands of rows must not become call arguments. */
function append(out: string[], lines: string[], ...after: string[]): void {
  for (const line of lines) out.push(line);
  for (const line of after) out.push(line);
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

/** Gaps ordered for a reader: highest priority first, then risk, clause gaps before controls on ties. */
export function topGaps(snapshots: SheetSnapshot[], stats: AssessmentStats, count: number): Gap[] {
  return findGaps(snapshots, stats.scoring)
    .gaps.sort(
      (a, b) =>
        (b.priority ?? -1) - (a.priority ?? -1) ||
        (b.risk ?? -1) - (a.risk ?? -1) ||
        (a.status === b.status ? 0 : a.status === "Non-Compliant" ? -1 : 1) ||
        compareGaps(a, b)
    )
    .slice(0, count);
}

function areaRows(inputs: AssessmentInputs, stats: AssessmentStats): string[][] {
  const rows: string[][] = [];
  const line = (label: string, gaps: (number | null)[], total: number): void => {
    const scored = gaps.filter((g) => g !== null).length;
    rows.push([label, percent(compliance(gaps)), `${scored} of ${total}`]);
  };
  for (const parent of CLAUSE_PARENTS) {
    const ids = [...inputs.clauses.entries()].filter(([id]) => id.startsWith(`${parent.id}.`));
    line(
      `Clause ${parent.id} ${parent.title}`,
      ids.map(([, row]) =>
        gapScore({ status: row.Status ?? null, likelihood: null, impact: null }, stats.scoring)
      ),
      ids.length
    );
  }
  for (const theme of THEMES) {
    const ids = [...inputs.annexA.entries()].filter(
      ([id, row]) => (themeOf(id) ?? row.Theme) === theme.theme
    );
    line(
      `Annex A ${theme.theme} (${theme.id}.x)`,
      ids.map(([, row]) =>
        gapScore(
          {
            status: row.Status ?? null,
            likelihood: null,
            impact: null,
            applicable: row.Applicable ?? null,
          },
          stats.scoring
        )
      ),
      ids.length
    );
  }
  return rows;
}

/** Stage 1 / Stage 2 verdicts and the blockers grouped by stage and kind, with the first few by
 *  name; then the findings an auditor will raise without them blocking certification. */
function readinessLines(snapshots: SheetSnapshot[], today: number): string[] {
  const { blockers, findings } = assessReadiness(snapshots, { today });
  const counts = blockerCounts(blockers);
  const verdict = (n: number): string =>
    n === 0 ? "**ready**" : `**not ready** (${n} blocker${n === 1 ? "" : "s"})`;
  const out = [
    "## Certification readiness",
    "",
    `- Stage 1 (documentation review): ${verdict(counts.stage1)}`,
    `- Stage 2 (certification audit): ${verdict(counts.stage2)}${counts.stage1 && counts.stage2 > counts.stage1 ? `, including ${counts.stage1 === 1 ? "the Stage 1 blocker" : `the ${counts.stage1} Stage 1 blockers`}` : ""}`,
    "",
  ];
  const label = (sheet: string, id: string, name: string): string =>
    sheet === SHEETS.annexA ? `A.${mdCell(id)}` : mdCell(name);
  const named = (items: { sheet: string; id: string; name: string }[]): string => {
    const names = items.slice(0, 5).map((b) => label(b.sheet, b.id, b.name));
    const more = items.length > names.length ? `, and ${items.length - names.length} more` : "";
    return `${names.join(", ")}${more}`;
  };
  if (blockers.length) {
    out.push("What stands in the way:", "");
    for (const stage of [1, 2] as const) {
      for (const { kind } of BLOCKER_KINDS) {
        const list = blockers.filter((b) => b.stage === stage && b.kind === kind);
        if (list.length === 0) continue;
        out.push(
          `- ${stage === 1 ? "Stage 1" : "Stage 2 only"}: ${countBlockers(kind, list.length)} (${named(list)})`
        );
      }
    }
    out.push(
      "",
      "Stage 1 blockers block Stage 2 too. Internal audit and management review (clauses 9.2 and 9.3, with their records) are needed by Stage 2. Each blocker with its cell: `gap-assessor validate --readiness`.",
      ""
    );
  }
  if (findings.length) {
    const n = findings.length;
    out.push(
      `Findings to expect, not blockers: ${n} partially compliant gap${n === 1 ? "" : "s"} rated Critical or High (${named(findings.map((f) => ({ ...f, name: f.id })))}). An auditor raises ${n === 1 ? "it" : "them"} as a minor nonconformity or an opportunity for improvement; a corrective action plan is enough to certify.`,
      ""
    );
  }
  return out;
}

/** Open actions per phase with their effort, cost and latest due date: what closing the gaps takes. */
function estimateLines(rows: Record<string, CellValue>[], currency: string): string[] {
  const open = rows.filter(isOpenAction);
  if (open.length === 0) return [];
  const num = (v: CellValue | undefined): number => (typeof v === "number" ? v : 0);
  const lines = PHASES.map((phase) => {
    const inPhase = open.filter((r) => sameText(r.Phase ?? null, phase));
    const due = inPhase.reduce((latest, r) => Math.max(latest, num(r.Due)), 0);
    return [
      phase,
      String(inPhase.length),
      String(inPhase.reduce((n, r) => n + num(r["Effort (days)"]), 0)),
      String(inPhase.reduce((n, r) => n + num(r.Cost), 0)),
      due ? isoDate(due) : "—",
    ];
  });
  const effort = open.reduce((n, r) => n + num(r["Effort (days)"]), 0);
  const cost = open.reduce((n, r) => n + num(r.Cost), 0);
  return [
    "## Remediation estimate",
    "",
    `${open.length} open actions; estimated ${effort} person-days and ${cost} ${mdCell(currency)} in total (from the Effort and Cost columns of the Remediation Plan).`,
    "",
    ...table(
      ["Phase", "Open actions", "Effort (days)", `Cost (${mdCell(currency)})`, "Latest due"],
      lines
    ),
    "",
  ];
}

export function executiveReport(snapshots: SheetSnapshot[], options: ReportOptions): string {
  const harvest = harvestWorkbook(snapshots);
  const stats = assessmentStats(snapshots);
  const org = String(harvest.settings.get("org") ?? "").trim();
  const scope = String(harvest.settings.get("scope") ?? "").trim();
  const out: string[] = [];
  out.push(
    `# ISO/IEC 27001:2022 gap assessment — executive summary${org ? `: ${mdCell(org)}` : ""}`,
    ""
  );
  out.push(
    `Report date: ${isoDate(options.today)}${scope ? `  ·  Scope: ${mdCell(scope)}` : ""}`,
    ""
  );

  // Scores
  out.push("## Scores", "");
  // A clause marked Not Applicable is not assessed (clauses are mandatory): it is a readiness
  // blocker of its own, so it is neither counted here nor called "not assessed".
  const clauseNA = stats.clauses.counts["Not Applicable"];
  const clausesAssessed = stats.clauses.rows - stats.clauses.counts["Not Assessed"] - clauseNA;
  const annexAssessed = stats.annexA.rows - stats.annexA.counts["Not Assessed"];
  const of = (n: number, rows: number): string => `${n} of ${rows}`;
  out.push(
    ...table(
      ["Measure", "Compliance", "Assessed"],
      [
        [
          "**Overall**",
          `**${percent(stats.overall)}**`,
          of(clausesAssessed + annexAssessed, stats.clauses.rows + stats.annexA.rows),
        ],
        [
          "Clauses 4-10 (mandatory)",
          percent(stats.clauses.compliance),
          of(clausesAssessed, stats.clauses.rows),
        ],
        [
          "Annex A controls",
          percent(stats.annexA.compliance),
          of(annexAssessed, stats.annexA.rows),
        ],
      ]
    )
  );
  out.push("");
  const c = stats.counts;
  out.push(
    `Status of all ${stats.clauses.rows + stats.annexA.rows} rows: ${c.Compliant} compliant, ${c["Partially Compliant"]} partially compliant, ` +
      `${c["Non-Compliant"]} non-compliant, ${c["Not Applicable"] - clauseNA} not applicable (Annex A exclusions), ` +
      `${clauseNA ? `${clauseNA} clause${clauseNA === 1 ? "" : "s"} marked Not Applicable (not allowed: clauses are mandatory), ` : ""}` +
      `${c["Not Assessed"]} not assessed yet.`,
    ""
  );
  out.push(
    "Compliance is the share of assessed, applicable rows that are met: compliant rows count in full, partially compliant rows by their weight on Settings (half by default); excluded and unassessed rows do not count.",
    ""
  );
  out.push(...table(["Area", "Compliance", "Scored"], areaRows(harvest.inputs, stats)), "");

  const history = harvest.audit.history.rows
    .filter((r) => typeof r.Date === "number")
    .sort((a, b) => (a.Date as number) - (b.Date as number));
  const last = history[history.length - 1];
  if (last) {
    const before = typeof last.Overall === "number" ? last.Overall : null;
    const change =
      before !== null && stats.overall !== null ? pointsSince(stats.overall, before) : "";
    out.push(
      `Last recorded snapshot: ${isoDate(last.Date as number)}, overall ${percent(before)}${change}; ${history.length} snapshot${history.length === 1 ? "" : "s"} on the Snapshot History sheet.`,
      ""
    );
  }

  out.push(...readinessLines(snapshots, options.today));

  // Top gaps
  const top = options.top ?? 10;
  const gaps = topGaps(snapshots, stats, top);
  out.push(`## Top gaps`, "");
  if (gaps.length === 0) {
    out.push("No open gaps: nothing is marked Partially Compliant or Non-Compliant.", "");
  } else {
    out.push(
      `The ${gaps.length === top ? `${top} largest` : gaps.length} open gap${gaps.length === 1 ? "" : "s"}, by priority (gap weight × likelihood × impact):`,
      ""
    );
    out.push(
      ...table(
        ["#", "ID", "Title", "Status", "Risk level", "Priority", "Owner"],
        gaps.map((g, i) => [
          String(i + 1),
          `${g.source === SHEETS.annexA ? "A." : ""}${mdCell(g.id)}`,
          mdCell(g.title),
          g.status,
          g.level ?? "—",
          g.priority === null ? "—" : String(Number(g.priority.toFixed(2))),
          mdCell(g.owner) || "—",
        ])
      ),
      ""
    );
  }

  // Overdue actions
  out.push("## Overdue actions", "");
  const planSheet = findSheet(snapshots, SHEETS.remediation);
  if (!planSheet) {
    out.push(
      'There is no Remediation Plan yet (create it with "Create remediation plan" or `gap-assessor plan`).',
      ""
    );
  } else {
    const open = isOpenAction;
    const rows = readRemediationRows(planSheet).rows;
    const overdue = rows
      .filter(
        (r) =>
          typeof r.Due === "number" &&
          (r.Due as number) < options.today &&
          open(r) &&
          !(isBlank(r.ID ?? null) && isBlank(r.Title ?? null))
      )
      .sort((a, b) => (a.Due as number) - (b.Due as number));
    const openCount = rows.filter((r) => !isBlank(r.ID ?? null) && open(r)).length;
    if (overdue.length === 0) out.push(`None of the ${openCount} open actions is overdue.`, "");
    else {
      out.push(`${overdue.length} of ${openCount} open actions are past their due date:`, "");
      append(
        out,
        table(
          ["ID", "Title", "Action", "Owner", "Due", "Days late", "Progress"],
          overdue.map((r) => [
            mdCell(r.ID),
            mdCell(r.Title),
            mdCell(r.Action) || "—",
            mdCell(r.Owner) || "—",
            isoDate(r.Due as number),
            String(Math.floor(options.today - (r.Due as number))),
            mdCell(r.Progress) || "—",
          ])
        ),
        ""
      );
    }
  }

  if (planSheet)
    out.push(
      ...estimateLines(
        readRemediationRows(planSheet).rows,
        String(harvest.settings.get("currency") ?? "").trim()
      )
    );

  // Missing documents
  out.push("## Missing documents", "");
  if (!findSheet(snapshots, SHEETS.documents)) {
    out.push("The workbook has no Documents sheet yet (rebuild it to add one).", "");
  } else {
    const applicable = (id: string): "Yes" | "No" | null => {
      const row = harvest.inputs.annexA.get(id);
      return row ? soaApplicable(row.Applicable ?? null, row.Status ?? null) : null;
    };
    const docs = harvest.audit.documents.rows.filter((r) => !isBlank(r.Document ?? null));
    const required = docs.filter((r) => documentRequired(r.Clause ?? null, applicable) === "Yes");
    const missing = required.filter((r) => documentMissing(r, "Yes"));
    const partly = required.filter((r) => sameText(r.Exists ?? null, "Partly"));
    // Missing (No or not answered) and partly existing are counted and worded apart, as the
    // readiness blockers count them.
    const are = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    if (missing.length === 0 && partly.length === 0)
      out.push(`All ${required.length} required documents and records exist.`, "");
    else {
      const parts = [
        missing.length
          ? `${are(missing.length, "is missing", "are missing")} (No or not answered)`
          : "",
        partly.length ? are(partly.length, "exists only in part", "exist only in part") : "",
      ].filter(Boolean);
      out.push(`Of ${required.length} required documents and records, ${parts.join(" and ")}:`, "");
      append(
        out,
        table(
          ["Document", "Kind", "Clause", "Exists"],
          [...missing, ...partly].map((r) => [
            mdCell(r.Document),
            mdCell(r.Kind),
            mdCell(r.Clause),
            mdCell(r.Exists) || "not answered",
          ])
        ),
        ""
      );
    }
  }

  // Risk register
  const risks = harvest.audit.risks.rows.filter(
    (r) => !isBlank(r["Asset or process"] ?? null) || !isBlank(r.Threat ?? null)
  );
  if (risks.length > 0) {
    const levels = new Map<RiskLevel, number>(RISK_LEVELS.map((l) => [l, 0]));
    let unrated = 0;
    for (const r of risks) {
      const level = scoreRisk(r, stats.scoring).residualLevel;
      if (level) levels.set(level, (levels.get(level) ?? 0) + 1);
      else unrated++;
    }
    const parts = [...RISK_LEVELS].reverse().map((l) => `${levels.get(l)} ${l.toLowerCase()}`);
    out.push("## Risk register", "");
    out.push(
      `${risks.length} risk${risks.length === 1 ? "" : "s"} recorded; residual risk: ${parts.join(", ")}${unrated ? `, ${unrated} not rated after treatment` : ""}.`,
      ""
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
