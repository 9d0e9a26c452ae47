// Readiness agrees with itself (issue 17): one workbook per contradiction an auditor found, built
// with the CLI's build, edited as a person would, recalculated in LibreOffice. For each case the
// Summary's Readiness_Stage1_Blockers / Readiness_Stage2_Blockers and every blocker line (Stage 1
// and Stage 2 columns) must equal core/readiness.ts — read from the file we wrote and from the
// copy LibreOffice saved — and both must equal the count worked out by hand for the case.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import {
  BLOCKER_KINDS,
  assessReadiness,
  blockerCounts,
  type BlockerKind,
  type ReadinessModel,
} from "../../src/core/readiness";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { DOCUMENTS_HEADER_ROW } from "../../src/core/layout/documentsSheet";
import { SOA_APPROVAL_ROW } from "../../src/core/layout/soaSheet";
import { todaySerial } from "../../src/core/dates";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-agree-"));
const file = (n: string): string => path.join(dir, n);

type Edit = (wb: ExcelJS.Workbook) => void;

/** A date `days` before today (LibreOffice's TODAY() and readiness's default today agree). */
const daysAgo = (days: number): Date => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() - days));
};

function rowsOf(ws: ExcelJS.Worksheet, headerRow: number) {
  const cols = new Map<string, number>();
  ws.getRow(headerRow).eachCell((c, i) => cols.set(String(c.value), i));
  const ids: string[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) ids.push(String(ws.getCell(r, 1).value ?? ""));
  return {
    col: (h: string): number => {
      const c = cols.get(h);
      if (c === undefined) throw new Error(`No column ${h} on ${ws.name}`);
      return c;
    },
    row: (id: string): number => {
      const i = ids.indexOf(id);
      if (i < 0) throw new Error(`No row ${id} on ${ws.name}`);
      return headerRow + 1 + i;
    },
    ids: ids.filter(Boolean),
  };
}

const SHEET_HEADER: Record<string, number> = {
  "Clauses 4-10": TABLE_HEADER_ROW,
  "Annex A": TABLE_HEADER_ROW,
  Documents: DOCUMENTS_HEADER_ROW,
};

const set =
  (sheet: string, id: string, values: Record<string, ExcelJS.CellValue>): Edit =>
  (wb) => {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    const t = rowsOf(ws, SHEET_HEADER[sheet]);
    for (const [c, v] of Object.entries(values)) ws.getCell(t.row(id), t.col(c)).value = v;
  };

/** Clauses met, controls decided (7.4 excluded with a reason), documents in place, reviewed lately. */
const ready: Edit = (wb) => {
  for (const name of ["Clauses 4-10", "Annex A"]) {
    const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
    const t = rowsOf(ws, TABLE_HEADER_ROW);
    for (const id of t.ids) {
      ws.getCell(t.row(id), t.col("Status")).value = "Compliant";
      ws.getCell(t.row(id), t.col("Evidence")).value = `Evidence for ${id}`;
    }
  }
  set("Annex A", "7.4", {
    Applicable: "No",
    Status: "Not Applicable",
    Justification: "No premises of our own",
  })(wb);
  const docs = wb.getWorksheet("Documents") as ExcelJS.Worksheet;
  const t = rowsOf(docs, DOCUMENTS_HEADER_ROW);
  for (const id of t.ids) {
    if (!docs.getCell(t.row(id), t.col("Document")).value) continue;
    docs.getCell(t.row(id), t.col("Exists")).value = "Yes";
    docs.getCell(t.row(id), t.col("Last review")).value = daysAgo(30);
  }
  // An approved SoA (issue 17: an unapproved one blocks Stage 1).
  const soa = wb.getWorksheet("Statement of Applicability") as ExcelJS.Worksheet;
  soa.getCell(`C${SOA_APPROVAL_ROW + 2}`).value = "CISO";
  soa.getCell(`C${SOA_APPROVAL_ROW + 3}`).value = daysAgo(10);
};

type Counts = Partial<Record<BlockerKind, [stage1: number, stage2: number]>>;

interface Case {
  name: string;
  contradiction: string;
  edits: Edit[];
  /** Per kind: how many block Stage 1, how many block Stage 2 (worked out by hand). */
  kinds: Counts;
  findings?: number;
}

const partlyHigh: Edit[] = [
  "5.1",
  "5.2",
  "5.3",
  "5.4",
  "5.5",
  "5.6",
  "5.8",
  "5.9",
  "5.10",
  "5.11",
  "5.12",
  "5.13",
  "5.14",
  "5.16",
  "5.17",
  "5.18",
  "8.1",
  "8.2",
  "8.3",
  "8.4",
].map((id) => set("Annex A", id, { Status: "Partially Compliant", Likelihood: 4, Impact: 4 }));

const CASES: Case[] = [
  { name: "ready", contradiction: "none", edits: [ready], kinds: {} },
  {
    name: "documents-missing-vs-partly",
    contradiction: '"12 required documents do not exist" where some are missing and some partly',
    edits: [
      ready,
      set("Documents", "isms-scope", { Exists: "No" }),
      set("Documents", "security-policy", { Exists: "No" }),
      set("Documents", "asset-inventory", { Exists: null }),
      set("Documents", "risk-assessment-process", { Exists: "Partly" }),
      set("Documents", "risk-treatment-process", { Exists: "Partly" }),
      set("Documents", "statement-of-applicability", { Exists: "Partly" }),
      set("Documents", "management-review-results", { Exists: "Partly" }),
    ],
    kinds: { "document-missing": [3, 3], "document-partial": [3, 4] },
  },
  {
    name: "clause-not-applicable",
    contradiction: "clause 6.3 Not Applicable counted as assessed and as not assessed",
    edits: [ready, set("Clauses 4-10", "6.3", { Status: "Not Applicable" })],
    kinds: { "clause-not-applicable": [1, 1] },
  },
  {
    name: "internal-audit-and-review-stage2",
    contradiction: "9.2 / 9.3 counted as Stage 1 blockers while their records are Stage 2",
    edits: [
      ready,
      set("Clauses 4-10", "9.2.1", { Status: "Non-Compliant" }),
      set("Clauses 4-10", "9.3.1", { Status: "Not Assessed" }),
      set("Documents", "audit-programme", { Exists: "No" }),
      set("Documents", "management-review-results", { Exists: "Partly" }),
    ],
    kinds: {
      "clause-non-compliant": [0, 1],
      "clause-not-assessed": [0, 1],
      "document-missing": [0, 1],
      "document-partial": [0, 1],
    },
  },
  {
    name: "review-overdue",
    contradiction: "overdue document reviews were not blockers",
    edits: [
      ready,
      set("Documents", "isms-scope", { "Last review": daysAgo(400) }), // due 12 months on: past
      set("Documents", "audit-results", { "Last review": daysAgo(400) }), // a Stage 2 record
      set("Documents", "security-policy", {
        "Last review": daysAgo(400),
        "Months between reviews": 24, // not due yet
      }),
      set("Documents", "risk-treatment-plan", { "Last review": null }), // never reviewed
    ],
    kinds: { "document-review-overdue": [1, 2], "document-unreviewed": [1, 1] },
  },
  {
    name: "high-gaps",
    contradiction: "Partially Compliant gaps rated High made Stage 2 blockers",
    edits: [
      ready,
      ...partlyHigh,
      set("Annex A", "5.15", { Status: "Non-Compliant", Likelihood: 4, Impact: 5 }), // Critical
      set("Annex A", "8.8", { Status: "Non-Compliant", Likelihood: 3, Impact: 4 }), // High
      set("Annex A", "8.9", { Status: "Non-Compliant", Likelihood: 2, Impact: 2 }), // Low
      set("Annex A", "5.7", {
        Applicable: "No",
        Justification: "Threat intelligence is bought in",
        Status: "Non-Compliant",
        Likelihood: 5,
        Impact: 5,
      }), // excluded: not a gap
      set("Clauses 4-10", "6.1.2", { Status: "Non-Compliant", Likelihood: 4, Impact: 4 }),
      set("Clauses 4-10", "6.1.3", { Status: "Partially Compliant", Likelihood: 4, Impact: 4 }),
    ],
    kinds: { "open-high-gap": [0, 2], "clause-non-compliant": [1, 1] },
    findings: 21,
  },
];

const totals = (kinds: Counts): [number, number] =>
  Object.values(kinds).reduce<[number, number]>((t, [a, b]) => [t[0] + a, t[1] + b], [0, 0]);

const perKind = (model: ReadinessModel): Counts => {
  const out: Counts = {};
  for (const { kind } of BLOCKER_KINDS) {
    const list = model.blockers.filter((b) => b.kind === kind);
    if (list.length) out[kind] = [list.filter((b) => b.stage === 1).length, list.length];
  }
  return out;
};

/** The Summary's blocker lines by kind: [Stage 1 column, Stage 2 column], non-zero ones only. */
function summaryLines(values: CachedWorkbook): Counts {
  const rowOf = new Map<string, number>();
  for (let r = 1; r < 400; r++) {
    const a = values.cell("Summary", `A${r}`);
    if (typeof a === "string") rowOf.set(a, r);
  }
  const out: Counts = {};
  for (const k of BLOCKER_KINDS) {
    const r = rowOf.get(k.label);
    if (r === undefined) throw new Error(`No Summary line "${k.label}"`);
    const pair: [number, number] = [
      Number(values.cell("Summary", `B${r}`) ?? 0),
      Number(values.cell("Summary", `C${r}`) ?? 0),
    ];
    if (pair[0] || pair[1]) out[k.kind] = pair;
  }
  return out;
}

describeWithTool("LibreOffice", SOFFICE, "readiness: Summary, validate and report agree", () => {
  const recalculated = new Map<string, { values: CachedWorkbook; saved: string }>();

  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx") });
    for (const c of CASES) {
      const wb = new ExcelJS.Workbook();
      await openXlsxPackage(file("base.xlsx"), wb);
      c.edits.forEach((edit) => edit(wb));
      await wb.xlsx.writeFile(file(`${c.name}.xlsx`));
    }
    const outputs = await recalculate(CASES.map((c) => file(`${c.name}.xlsx`)));
    for (const [i, c] of CASES.entries())
      recalculated.set(c.name, { values: await readCachedValues(outputs[i]), saved: outputs[i] });
  }, 240000);

  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s: the Summary counts exactly what readinessBlockers names",
    async (name, c) => {
      const { values, saved } = recalculated.get(name)!;
      const today = todaySerial();
      const model = assessReadiness(await readSnapshots(file(`${name}.xlsx`)), { today });
      const afterSave = assessReadiness(await readSnapshots(saved), { today });
      // By hand, by the model (on our file and on LibreOffice's copy), and by the live formulas.
      expect(perKind(model)).toEqual(c.kinds);
      expect(perKind(afterSave)).toEqual(c.kinds);
      expect(summaryLines(values)).toEqual(c.kinds);
      const [stage1, stage2] = totals(c.kinds);
      expect(blockerCounts(model.blockers)).toEqual({ stage1, stage2 });
      expect([
        values.name("Readiness_Stage1_Blockers"),
        values.name("Readiness_Stage2_Blockers"),
      ]).toEqual([stage1, stage2]);
      expect(model.findings).toHaveLength(c.findings ?? 0);
    }
  );

  it("clause-not-applicable: the Summary counts 29 of 30 clauses assessed, not 30", () => {
    const { values } = recalculated.get("clause-not-applicable")!;
    let assessed: unknown = null;
    for (let r = 1; r < 20; r++)
      if (values.cell("Summary", `A${r}`) === "Clauses 4-10 (mandatory)")
        assessed = [values.cell("Summary", `C${r}`), values.cell("Summary", `D${r}`)];
    expect(assessed).toEqual([29, 30]);
  });
});
