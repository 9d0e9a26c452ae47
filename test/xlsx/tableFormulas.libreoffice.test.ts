// A file with calculated-column formulas on our tables loads in LibreOffice and recalculates the
// same scores as core/scoring.ts: the CLI writes a workbook, a person fills statuses and scores,
// the CLI writes it again from that file (the in-place path sets the table formulas again), and
// LibreOffice recalculates every row of Clauses and AnnexA.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { ASSESSMENT_SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { DEFAULT_SCORING, scoreRow } from "../../src/core/scoring";
import { columnLetter, type CellValue } from "../../src/core/snapshot";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";

const STATUSES = ["Compliant", "Partially Compliant", "Non-Compliant", "Not Applicable", null];
const fill = (i: number, kind: string): Record<string, CellValue> => ({
  Status: STATUSES[i % STATUSES.length],
  Likelihood: (i % 5) + 1,
  Impact: i % 3 === 0 ? null : (i % 4) + 2,
  ...(kind === "annexA" ? { Applicable: i % 7 === 0 ? "No" : "Yes" } : {}),
});

describeWithTool("LibreOffice", SOFFICE, "calculated columns in LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-calc-columns-"));
  const file = (n: string): string => path.join(dir, n);
  const headers = new Map<string, Map<string, number>>();
  const rows = new Map<string, Record<string, CellValue>[]>();
  let recalculated: CachedWorkbook;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    await buildAssessmentFile({ out: file("new.xlsx"), start: 46000 });
    const { workbook } = await openXlsxPackage(file("new.xlsx"));
    for (const spec of ASSESSMENT_SHEETS) {
      const ws = workbook.getWorksheet(spec.sheet) as ExcelJS.Worksheet;
      const cols = new Map<string, number>();
      ws.getRow(TABLE_HEADER_ROW).eachCell((c, col) => cols.set(String(c.value), col));
      headers.set(spec.kind, cols);
      const filled: Record<string, CellValue>[] = [];
      for (let r = TABLE_HEADER_ROW + 1; ws.getCell(r, 1).value; r++) {
        const values = fill(filled.length, spec.kind);
        for (const [c, v] of Object.entries(values)) ws.getCell(r, cols.get(c) as number).value = v;
        filled.push(values);
      }
      rows.set(spec.kind, filled);
    }
    // ExcelJS writes no calculated-column formulas: the CLI's second write must set them again.
    await workbook.xlsx.writeFile(file("filled.xlsx"));
    await buildAssessmentFile({ from: file("filled.xlsx"), out: file("again.xlsx") });
    const [out] = await recalculate([file("again.xlsx")]);
    recalculated = await readCachedValues(out);
  }, 240000);

  it("is written with the calculated-column formulas", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file("again.xlsx")));
    const parts = Object.keys(zip.files).filter((n) => /^xl\/tables\/.*\.xml$/.test(n));
    const xml = await Promise.all(parts.map((p) => zip.file(p)!.async("string")));
    for (const table of ["Clauses", "AnnexA"]) {
      const part = xml.find((x) => new RegExp(`<table\\b[^>]*\\sname="${table}"`).test(x));
      expect(part?.match(/<calculatedColumnFormula>/g)).toHaveLength(4);
    }
  });

  it.each(ASSESSMENT_SHEETS.map((s) => [s.sheet, s] as const))(
    "recalculates every row of %s as core/scoring.ts",
    (_sheet, spec) => {
      const cols = headers.get(spec.kind) as Map<string, number>;
      const filled = rows.get(spec.kind) as Record<string, CellValue>[];
      expect(filled.length).toBeGreaterThan(20);
      const number = (v: unknown): number | null =>
        typeof v === "number" ? v : v === "" || v === null ? null : NaN;
      filled.forEach((input, i) => {
        const r = TABLE_HEADER_ROW + 1 + i;
        const got = (c: string): unknown =>
          recalculated.cell(spec.sheet, `${columnLetter((cols.get(c) as number) - 1)}${r}`);
        const expected = scoreRow(
          {
            status: input.Status ?? null,
            likelihood: input.Likelihood ?? null,
            impact: input.Impact ?? null,
            applicable: spec.kind === "annexA" ? (input.Applicable ?? null) : undefined,
          },
          DEFAULT_SCORING
        );
        const label = `${spec.sheet} row ${r}`;
        expect([label, number(got("Gap score"))]).toEqual([label, expected.gap]);
        expect([label, number(got("Risk score"))]).toEqual([label, expected.risk]);
        expect([label, got("Risk level") || null]).toEqual([label, expected.level]);
        const priority = number(got("Priority"));
        if (expected.priority === null) expect([label, priority]).toEqual([label, null]);
        else expect(priority).toBeCloseTo(expected.priority, 10);
      });
    }
  );
});
