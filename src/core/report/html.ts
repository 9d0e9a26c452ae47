// The report as one self-contained HTML file: inline CSS and SVG charts, no script, no external
// URL (no stylesheet, font, image or link to fetch), laid out to print to PDF from any browser
// (A4/Letter, page breaks between sections, tables that repeat their header row). Every text from
// a cell goes through escapeHtml; the report creates no link.
import { escapeHtml } from "../escape";
import type { SheetSnapshot } from "../snapshot";
import type { ReportOptions } from "../report";
import {
  METHOD_TEXT,
  buildReportModel,
  percentText,
  phaseTable,
  type ReportModel,
  type TextTable,
} from "./model";
import { complianceBarChart, statusMixChart, trendChart } from "./svgCharts";

const e = escapeHtml;

const CSS = `
:root { color-scheme: light; }
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1d; margin: 2rem auto; max-width: 60rem; padding: 0 1.5rem; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; color: #0f3d6e; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; color: #0f3d6e; border-bottom: 2px solid #0f3d6e; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta { color: #555; margin: 0 0 1.2rem; }
.kpis { display: flex; gap: .8rem; flex-wrap: wrap; margin: 1rem 0; }
.kpi { border: 1px solid #cdd6e0; border-radius: 6px; padding: .6rem .9rem; min-width: 9rem; }
.kpi b { display: block; font-size: 1.5rem; color: #0f3d6e; }
.ready { color: #2e7d32; font-weight: 600; } .notready { color: #c62828; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 10pt; }
th, td { border: 1px solid #cdd6e0; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.chart-block { break-inside: avoid; page-break-inside: avoid; }
svg.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0 1rem; break-inside: avoid; }
.summary { background: #f5f8fb; border-left: 4px solid #0f3d6e; padding: .6rem 1rem; }
.overdue { color: #c62828; }
footer { margin-top: 2rem; color: #777; font-size: 9pt; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.major { break-before: page; page-break-before: always; }
  .kpi, .summary { break-inside: avoid; }
}
`;

function tableHtml(header: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (tag: string, text: string, i: number): string =>
    `<${tag}${numeric.includes(i) ? ' class="num"' : ""}>${text}</${tag}>`;
  return [
    "<table><thead><tr>",
    header.map((h, i) => cell("th", e(h), i)).join(""),
    "</tr></thead><tbody>",
    ...rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`),
    "</tbody></table>",
  ].join("");
}

/** The report model laid out as HTML. */
const textTableHtml = (t: TextTable): string =>
  tableHtml(
    t.header,
    t.rows.map((row) => row.map(e)),
    t.numeric
  );

export function reportHtml(m: ReportModel): string {
  const out: string[] = [];
  const title = `${m.title}${m.org ? ` — ${m.org}` : ""}`;
  out.push(
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<header><h1>${e(m.title)}</h1>`,
    `<p class="meta">${m.org ? `${e(m.org)} · ` : ""}Report date ${e(m.date)}${m.scope ? ` · Scope: ${e(m.scope)}` : ""}</p></header>`
  );

  // Executive summary
  const s = m.summary;
  out.push(
    '<section id="executive-summary"><h2>Executive summary</h2>',
    '<div class="kpis">',
    `<div class="kpi"><b>${e(percentText(m.overall))}</b>overall compliance</div>`,
    `<div class="kpi"><b>${e(percentText(m.clauses.compliance))}</b>clauses 4-10</div>`,
    `<div class="kpi"><b>${e(percentText(m.annexA.compliance))}</b>Annex A controls</div>`,
    `<div class="kpi"><b class="${m.readiness.stage1 ? "notready" : "ready"}">${m.readiness.stage1 ? `${m.readiness.stage1} blockers` : "ready"}</b>Stage 1</div>`,
    `<div class="kpi"><b class="${m.readiness.stage2 ? "notready" : "ready"}">${m.readiness.stage2 ? `${m.readiness.stage2} blockers` : "ready"}</b>Stage 2</div>`,
    "</div>",
    '<div class="summary">',
    `<h3>Where you stand</h3><p>${e(s.standing)}</p>`,
    `<h3>The three biggest risks</h3><ol>${s.risks.map((r) => `<li>${e(r)}</li>`).join("")}</ol>`,
    `<h3>What it takes to be ready</h3><p>${e(s.stage1)}</p><p>${e(s.stage2)}</p>`,
    `<h3>Effort and cost</h3><p>${e(s.cost)}</p>`,
    "</div></section>"
  );

  // Scores
  out.push(
    '<section id="scores" class="major"><h2>Scores</h2>',
    tableHtml(
      ["Measure", "Compliance", "Assessed"],
      [
        [
          "<b>Overall</b>",
          `<b>${e(percentText(m.overall))}</b>`,
          `${m.clauses.assessed + m.annexA.assessed} of ${m.clauses.rows + m.annexA.rows}`,
        ],
        [
          "Clauses 4-10 (mandatory)",
          e(percentText(m.clauses.compliance)),
          `${m.clauses.assessed} of ${m.clauses.rows}`,
        ],
        [
          "Annex A controls",
          e(percentText(m.annexA.compliance)),
          `${m.annexA.assessed} of ${m.annexA.rows}`,
        ],
      ],
      [1]
    ),
    '<div class="chart-block"><h3>Compliance per clause</h3>',
    complianceBarChart(
      m.areas
        .filter((a) => a.kind === "clause")
        .map((a) => ({ label: `${a.key} ${a.label}`, value: a.compliance })),
      "Compliance per clause 4-10"
    ),
    '</div><div class="chart-block"><h3>Compliance per Annex A theme</h3>',
    complianceBarChart(
      m.areas
        .filter((a) => a.kind === "theme")
        .map((a) => ({ label: `${a.key} ${a.label}`, value: a.compliance })),
      "Compliance per Annex A theme"
    ),
    '</div><div class="chart-block"><h3>Status mix</h3>',
    statusMixChart(m.statusMix, "Status of all clauses and controls"),
    '</div><div class="chart-block"><h3>Trend</h3>',
    m.trend.length > 1
      ? trendChart(m.trend, "Overall compliance over time (Snapshot History)")
      : "<p>No snapshot recorded yet on the Snapshot History sheet: the trend starts with the first snapshot.</p>",
    "</div>",
    tableHtml(
      ["Area", "Compliance", "Scored"],
      m.areas.map((a) => [
        e(`${a.kind === "clause" ? "Clause " : "Annex A "}${a.key} ${a.label}`),
        e(percentText(a.compliance)),
        `${a.scored} of ${a.total}`,
      ]),
      [1]
    ),
    "</section>"
  );

  // Readiness
  const r = m.readiness;
  out.push('<section id="readiness" class="major"><h2>Certification readiness</h2>');
  out.push(
    `<p>Stage 1 (documentation review): <span class="${r.stage1 ? "notready" : "ready"}">${r.stage1 ? `not ready (${r.stage1} blockers)` : "ready"}</span><br>`,
    `Stage 2 (certification audit): <span class="${r.stage2 ? "notready" : "ready"}">${r.stage2 ? `not ready (${r.stage2} blockers)` : "ready"}</span></p>`
  );
  if (r.groups.length)
    out.push(
      tableHtml(
        ["Stage", "Blocker", "Which"],
        r.groups.map((g) => [
          g.stage === 1 ? "Stage 1" : "Stage 2 only",
          e(g.sentence),
          e(`${g.names.join(", ")}${g.more ? `, and ${g.more} more` : ""}`),
        ])
      ),
      "<p>Stage 1 blockers block Stage 2 too. Each blocker with its cell: <code>gap-assessor validate --readiness</code>.</p>"
    );
  if (r.findings.count)
    out.push(
      `<p>Findings to expect, not blockers: ${r.findings.count} partially compliant gap${r.findings.count === 1 ? "" : "s"} rated Critical or High (${e(r.findings.names.join(", "))}${r.findings.count > r.findings.names.length ? ", …" : ""}).</p>`
    );
  out.push("<h3>Top gaps</h3>");
  out.push(
    m.topGaps.length
      ? tableHtml(
          ["#", "ID", "Title", "Status", "Risk level", "Priority", "Owner"],
          m.topGaps.map((g, i) => [
            String(i + 1),
            e(g.ref),
            e(g.title),
            e(g.status),
            e(g.level ?? "—"),
            g.priority === null ? "—" : String(g.priority),
            e(g.owner || "—"),
          ]),
          [0, 5]
        )
      : "<p>No open gaps.</p>"
  );
  out.push("</section>");

  // Plan
  const p = m.plan;
  out.push('<section id="plan" class="major"><h2>Remediation plan by phase</h2>');
  if (!p.exists)
    out.push("<p>There is no Remediation Plan yet (<code>gap-assessor plan</code>).</p>");
  else {
    out.push(`<p>${e(m.summary.cost)}</p>`, textTableHtml(phaseTable(m)));
    if (p.actions.length)
      out.push(
        `<h3>Open actions${p.open > p.actions.length ? ` (first ${p.actions.length} of ${p.open})` : ""}</h3>`,
        tableHtml(
          ["Phase", "ID", "Title", "Action", "Owner", "Due", "Progress"],
          p.actions.map((a) => [
            e(a.phase || "—"),
            e(a.id),
            e(a.title),
            e(a.action || "—"),
            e(a.owner || "—"),
            a.due
              ? `<span${a.overdue ? ' class="overdue"' : ""}>${e(a.due)}${a.overdue ? " (overdue)" : ""}</span>`
              : "—",
            e(a.progress || "—"),
          ])
        )
      );
  }
  out.push("</section>");

  // SoA and documents
  out.push(
    '<section id="soa" class="major"><h2>Statement of Applicability</h2>',
    `<p>${m.soa.applicable} controls applicable, ${m.soa.excluded} excluded. ${
      m.soa.missingApproval.length
        ? `Not approved yet (${e(m.soa.missingApproval.join(", "))} blank): a Stage 1 auditor asks for an approved SoA.`
        : "Approved."
    }</p>`,
    tableHtml(
      ["Implementation status", "Controls"],
      m.soa.counts.map((c) => [e(c.status), String(c.count)]),
      [1]
    )
  );
  if (m.soa.approval.length)
    out.push(
      tableHtml(
        ["Approval", "Value"],
        m.soa.approval.map((a) => [e(a.label), e(a.value || "—")])
      )
    );
  out.push("<h3>Required documents and records</h3>");
  const d = m.documents;
  if (!d.exists) out.push("<p>The workbook has no Documents sheet yet.</p>");
  else if (!d.missing.length && !d.partly.length)
    out.push(`<p>All ${d.required} required documents and records exist.</p>`);
  else
    out.push(
      `<p>Of ${d.required} required documents and records, ${d.missing.length} missing and ${d.partly.length} only in part.</p>`,
      tableHtml(
        ["Document", "Exists"],
        [
          ...d.missing.map((x) => [e(x), "No or not answered"]),
          ...d.partly.map((x) => [e(x), "Partly"]),
        ]
      )
    );
  if (m.risks.total)
    out.push(
      "<h3>Risk register</h3>",
      `<p>${m.risks.total} risks recorded; residual risk: ${m.risks.byLevel
        .map((l) => `${l.count} ${e(l.level.toLowerCase())}`)
        .join(", ")}${m.risks.unrated ? `, ${m.risks.unrated} not rated after treatment` : ""}.</p>`
    );
  out.push("</section>");

  // Method and scope
  out.push(
    '<section id="method"><h2>Method and scope</h2>',
    `<p>Scope: ${m.scope ? e(m.scope) : "not stated on the Settings sheet."}</p>`,
    ...METHOD_TEXT.map((t) => `<p>${e(t)}</p>`),
    "</section>",
    `<footer>${e(title)} · ${e(m.date)} · written by gap-assessor</footer>`,
    "</body></html>",
    ""
  );
  return out.join("\n");
}

/** The HTML report straight from the workbook's snapshots. */
export function executiveReportHtml(snapshots: SheetSnapshot[], options: ReportOptions): string {
  return reportHtml(buildReportModel(snapshots, options));
}
