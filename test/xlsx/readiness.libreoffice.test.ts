// Certification readiness (issue 11): prepared workbooks — ready, blocked by one missing
// document, blocked by one clause gap, ready for Stage 1 only — recalculated in LibreOffice; the
// Summary's verdicts and counts must equal core/readiness.ts, which names each blocker.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { readinessBlockers } from "../../src/core/readiness";
import { validateWorkbook } from "../../src/core/validate/validate";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { DOCUMENTS_HEADER_ROW } from "../../src/core/layout/documentsSheet";
import { SOA_APPROVAL_ROW } from "../../src/core/layout/soaSheet";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-ready-"));
const file = (n: string): string => path.join(dir, n);

type Edit = (wb: ExcelJS.Workbook) => void;

function table(
  ws: ExcelJS.Worksheet,
  headerRow: number
): { col: (h: string) => number; row: (id: string) => number; ids: string[] } {
  const cols = new Map<string, number>();
  ws.getRow(headerRow).eachCell((c, i) => cols.set(String(c.value), i));
  const ids: string[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) ids.push(String(ws.getCell(r, 1).value ?? ""));
  return {
    col: (h) => cols.get(h) as number,
    row: (id) => headerRow + 1 + ids.indexOf(id),
    ids: ids.filter(Boolean),
  };
}

/** Everything an auditor wants: clauses met, controls decided, documents in place and reviewed. */
const ready: Edit = (wb) => {
  for (const name of ["Clauses 4-10", "Annex A"]) {
    const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
    const t = table(ws, TABLE_HEADER_ROW);
    for (const id of t.ids) {
      const r = t.row(id);
      ws.getCell(r, t.col("Status")).value = "Compliant";
      ws.getCell(r, t.col("Evidence")).value = `Evidence for ${id}`;
    }
    if (name === "Annex A") {
      const r = t.row("7.4");
      ws.getCell(r, t.col("Applicable")).value = "No";
      ws.getCell(r, t.col("Status")).value = "Not Applicable";
      ws.getCell(r, t.col("Justification")).value = "No premises of our own";
    }
  }
  const docs = wb.getWorksheet("Documents") as ExcelJS.Worksheet;
  const t = table(docs, DOCUMENTS_HEADER_ROW);
  for (const id of t.ids) {
    if (!docs.getCell(t.row(id), t.col("Document")).value) continue;
    docs.getCell(t.row(id), t.col("Exists")).value = "Yes";
    docs.getCell(t.row(id), t.col("Last review")).value = new Date(Date.UTC(2026, 9, 1));
  }
  // An approved SoA (issue 17: an unapproved one blocks Stage 1).
  const soa = wb.getWorksheet("Statement of Applicability") as ExcelJS.Worksheet;
  soa.getCell(`C${SOA_APPROVAL_ROW + 2}`).value = "CISO";
  soa.getCell(`C${SOA_APPROVAL_ROW + 3}`).value = new Date(Date.UTC(2026, 9, 1));
};

const set =
  (sheet: string, headerRow: number, id: string, values: Record<string, ExcelJS.CellValue>): Edit =>
  (wb) => {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    const t = table(ws, headerRow);
    for (const [c, v] of Object.entries(values)) ws.getCell(t.row(id), t.col(c)).value = v;
  };

const CASES: { name: string; edits: Edit[]; stage1: number; stage2: number }[] = [
  { name: "ready", edits: [ready], stage1: 0, stage2: 0 },
  {
    name: "missing-document",
    edits: [ready, set("Documents", DOCUMENTS_HEADER_ROW, "risk-treatment-plan", { Exists: "No" })],
    stage1: 1,
    stage2: 1,
  },
  {
    name: "clause-gap",
    edits: [ready, set("Clauses 4-10", TABLE_HEADER_ROW, "6.1.2", { Status: "Non-Compliant" })],
    stage1: 1,
    stage2: 1,
  },
  {
    name: "stage1-only",
    edits: [
      ready,
      set("Documents", DOCUMENTS_HEADER_ROW, "audit-results", { Exists: "No" }),
      // Partially Compliant and High: a finding to expect, not a blocker (core/readiness.ts).
      set("Annex A", TABLE_HEADER_ROW, "8.8", {
        Status: "Partially Compliant",
        Likelihood: 4,
        Impact: 4,
      }),
    ],
    stage1: 0,
    stage2: 1,
  },
  { name: "fresh", edits: [], stage1: -1, stage2: -1 },
];

describeWithTool("LibreOffice", SOFFICE, "certification readiness on Summary", () => {
  const results = new Map<string, CachedWorkbook>();
  const files = new Map<string, string>();

  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx") });
    for (const c of CASES) {
      const wb = new ExcelJS.Workbook();
      await openXlsxPackage(file("base.xlsx"), wb);
      c.edits.forEach((edit) => edit(wb));
      await wb.xlsx.writeFile(file(`${c.name}.xlsx`));
      files.set(c.name, file(`${c.name}.xlsx`));
    }
    const outputs = await recalculate(CASES.map((c) => file(`${c.name}.xlsx`)));
    for (const [i, c] of CASES.entries()) results.set(c.name, await readCachedValues(outputs[i]));
  }, 240000);

  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s: verdicts and blocker counts equal core/readiness.ts",
    async (name, c) => {
      const values = results.get(name) as CachedWorkbook;
      const blockers = readinessBlockers(await readSnapshots(files.get(name) as string));
      const expected1 = blockers.filter((b) => b.stage === 1).length;
      const expected2 = blockers.length;
      if (c.stage1 >= 0) expect([expected1, expected2]).toEqual([c.stage1, c.stage2]);
      expect([
        values.name("Readiness_Stage1_Blockers"),
        values.name("Readiness_Stage2_Blockers"),
      ]).toEqual([expected1, expected2]);
      let verdicts: unknown[] = [];
      for (let r = 1; r < 300; r++) {
        if (String(values.cell("Summary", `A${r}`)).startsWith("Stage 1 ("))
          verdicts = [values.cell("Summary", `B${r}`), values.cell("Summary", `B${r + 1}`)];
      }
      expect(verdicts).toEqual([
        expected1 === 0 ? "Ready" : "Not ready",
        expected2 === 0 ? "Ready" : "Not ready",
      ]);
    }
  );

  it("validate names the blockers with their cells", async () => {
    const snapshots = await readSnapshots(files.get("missing-document") as string);
    expect(validateWorkbook(snapshots).problems.some((p) => p.rule === "readiness-blocker")).toBe(
      false
    );
    const report = validateWorkbook(snapshots, { readiness: true });
    const readiness = report.problems.filter((p) => p.rule === "readiness-blocker");
    expect(readiness).toHaveLength(1);
    expect(readiness[0]).toMatchObject({
      sheet: "Documents",
      id: "risk-treatment-plan",
      severity: "info",
    });
    expect(readiness[0].message).toMatch(/Stage 1.*Risk treatment plan/);
  });
});
