// The report as a Word document, from the same model as the HTML report, with the `docx` package
// (pure JavaScript, MIT, no file system): builds the document only. The CLI packs it into bytes
// (cli/reportDocx.ts, written through safeWrite) and the task pane into a Blob to download. Cell
// text is passed as text runs (the library escapes XML); control characters, which XML 1.0
// cannot hold, are removed first.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { terminalText } from "../escape";
import { METHOD_TEXT, percentText, phaseTable, type ReportModel, type TextTable } from "./model";

const clean = (s: string): string => terminalText(s);

function para(text: string, opts: { bold?: boolean; color?: string } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 120 },
    children: [new TextRun({ text: clean(text), bold: opts.bold, color: opts.color })],
  });
}

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const h = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1];
  return new Paragraph({ heading: h, spacing: { before: 240, after: 120 }, text: clean(text) });
}

function bullet(text: string, numbered = false): Paragraph {
  return new Paragraph({
    ...(numbered ? { numbering: { reference: "risks", level: 0 } } : { bullet: { level: 0 } }),
    children: [new TextRun(clean(text))],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "B7C4D1" };

function table(header: string[], rows: string[][], numeric: number[] = []): Table {
  const cell = (text: string, i: number, head: boolean): TableCell =>
    new TableCell({
      shading: head ? { type: ShadingType.CLEAR, color: "auto", fill: "EEF3F8" } : undefined,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: numeric.includes(i) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: clean(text), bold: head, size: 18 })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })
      ),
    ],
  });
}

/** The report model as a Word document (pack it with docx's Packer). */
const textTable = (t: TextTable): Table => table(t.header, t.rows, t.numeric);

export function reportDocument(m: ReportModel): Document {
  const s = m.summary;
  const r = m.readiness;
  const p = m.plan;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: clean(m.title) }),
    para(
      `${m.org ? `${m.org} · ` : ""}Report date ${m.date}${m.scope ? ` · Scope: ${m.scope}` : ""}`,
      { color: "555555" }
    ),
    heading("Executive summary", 1),
    heading("Where you stand", 2),
    para(s.standing),
    heading("The three biggest risks", 2),
    ...(m.topRisks.length ? s.risks.map((t) => bullet(t, true)) : s.risks.map((t) => para(t))),
    heading("What it takes to be ready", 2),
    para(s.stage1),
    para(s.stage2),
    heading("Effort and cost", 2),
    para(s.cost),

    heading("Scores", 1),
    table(
      ["Measure", "Compliance", "Assessed"],
      [
        [
          "Overall",
          percentText(m.overall),
          `${m.clauses.assessed + m.annexA.assessed} of ${m.clauses.rows + m.annexA.rows}`,
        ],
        [
          "Clauses 4-10 (mandatory)",
          percentText(m.clauses.compliance),
          `${m.clauses.assessed} of ${m.clauses.rows}`,
        ],
        [
          "Annex A controls",
          percentText(m.annexA.compliance),
          `${m.annexA.assessed} of ${m.annexA.rows}`,
        ],
      ],
      [1]
    ),
    heading("Compliance per clause and per Annex A theme", 2),
    table(
      ["Area", "Compliance", "Scored", ""],
      m.areas.map((a) => [
        `${a.kind === "clause" ? "Clause " : "Annex A "}${a.key} ${a.label}`,
        percentText(a.compliance),
        `${a.scored} of ${a.total}`,
        a.compliance === null ? "" : "■".repeat(Math.round(a.compliance * 20)),
      ]),
      [1]
    ),
    heading("Status mix", 2),
    table(
      ["Status", "Rows"],
      m.statusMix.map((x) => [x.status, String(x.count)]),
      [1]
    ),
    heading("Trend (Snapshot History)", 2),
    m.trend.length > 1
      ? table(
          ["Date", "Overall compliance"],
          m.trend.map((t) => [`${t.date}${t.current ? " (now)" : ""}`, percentText(t.overall)]),
          [1]
        )
      : para("No snapshot recorded yet on the Snapshot History sheet."),

    heading("Certification readiness", 1),
    para(
      `Stage 1 (documentation review): ${r.stage1 ? `not ready (${r.stage1} blockers)` : "ready"}`,
      { bold: true, color: r.stage1 ? "C62828" : "2E7D32" }
    ),
    para(
      `Stage 2 (certification audit): ${r.stage2 ? `not ready (${r.stage2} blockers)` : "ready"}`,
      { bold: true, color: r.stage2 ? "C62828" : "2E7D32" }
    ),
  ];
  if (r.groups.length)
    children.push(
      table(
        ["Stage", "Blocker", "Which"],
        r.groups.map((g) => [
          g.stage === 1 ? "Stage 1" : "Stage 2 only",
          g.sentence,
          `${g.names.join(", ")}${g.more ? `, and ${g.more} more` : ""}`,
        ])
      )
    );
  if (r.findings.count)
    children.push(
      para(
        `Findings to expect, not blockers: ${r.findings.count} partially compliant gap${r.findings.count === 1 ? "" : "s"} rated Critical or High (${r.findings.names.join(", ")}).`
      )
    );
  children.push(heading("Top gaps", 2));
  children.push(
    m.topGaps.length
      ? table(
          ["#", "ID", "Title", "Status", "Risk level", "Priority", "Owner"],
          m.topGaps.map((g, i) => [
            String(i + 1),
            g.ref,
            g.title,
            g.status,
            g.level ?? "—",
            g.priority === null ? "—" : String(g.priority),
            g.owner || "—",
          ]),
          [0, 5]
        )
      : para("No open gaps.")
  );

  children.push(heading("Remediation plan by phase", 1));
  if (!p.exists) children.push(para("There is no Remediation Plan yet."));
  else {
    children.push(para(s.cost), textTable(phaseTable(m)));
    if (p.actions.length)
      children.push(
        heading(
          `Open actions${p.open > p.actions.length ? ` (first ${p.actions.length} of ${p.open})` : ""}`,
          2
        ),
        table(
          ["Phase", "ID", "Title", "Action", "Owner", "Due", "Progress"],
          p.actions.map((a) => [
            a.phase || "—",
            a.id,
            a.title,
            a.action || "—",
            a.owner || "—",
            a.due ? `${a.due}${a.overdue ? " (overdue)" : ""}` : "—",
            a.progress || "—",
          ])
        )
      );
  }

  children.push(
    heading("Statement of Applicability", 1),
    para(
      `${m.soa.applicable} controls applicable, ${m.soa.excluded} excluded. ${
        m.soa.missingApproval.length
          ? `Not approved yet (${m.soa.missingApproval.join(", ")} blank).`
          : "Approved."
      }`
    ),
    table(
      ["Implementation status", "Controls"],
      m.soa.counts.map((c) => [c.status, String(c.count)]),
      [1]
    ),
    heading("Required documents and records", 2)
  );
  const d = m.documents;
  if (!d.exists) children.push(para("The workbook has no Documents sheet yet."));
  else if (!d.missing.length && !d.partly.length)
    children.push(para(`All ${d.required} required documents and records exist.`));
  else
    children.push(
      para(
        `Of ${d.required} required documents and records, ${d.missing.length} missing and ${d.partly.length} only in part.`
      ),
      table(
        ["Document", "Exists"],
        [...d.missing.map((x) => [x, "No or not answered"]), ...d.partly.map((x) => [x, "Partly"])]
      )
    );
  children.push(
    heading("Method and scope", 1),
    para(`Scope: ${m.scope || "not stated on the Settings sheet."}`),
    ...METHOD_TEXT.map((t) => para(t))
  );

  const doc = new Document({
    creator: "gap-assessor",
    title: clean(`${m.title}${m.org ? ` — ${m.org}` : ""}`),
    numbering: {
      config: [
        {
          reference: "risks",
          levels: [{ level: 0, format: "decimal", text: "%1.", alignment: AlignmentType.LEFT }],
        },
      ],
    },
    styles: { default: { document: { run: { font: "Calibri", size: 21 } } } },
    sections: [
      {
        properties: {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    children: [
                      clean(`${m.org ? `${m.org} · ` : ""}${m.date} · page `),
                      PageNumber.CURRENT,
                      " of ",
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return doc;
}
