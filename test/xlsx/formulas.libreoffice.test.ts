// Builds the workbook with the CLI, fills it in many ways, recalculates it in LibreOffice and
// checks every score the sheet computes against core/scoring.ts.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { ASSESSMENT_SHEETS, type AssessmentSheetSpec } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import {
  compliance,
  scoreRow,
  DEFAULT_SCORING,
  type ScoringSettings,
} from "../../src/core/scoring";
import { columnLetter, type CellValue } from "../../src/core/snapshot";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";

type Fill = (
  kind: AssessmentSheetSpec["kind"],
  index: number,
  random: () => number
) => Record<string, CellValue>;

interface Scenario {
  name: string;
  fill: Fill;
  settings?: ScoringSettings;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];
const MESSY_STATUS = [
  "Compliant",
  "Partially Compliant",
  "Non-Compliant",
  "Not Applicable",
  "Not Assessed",
  null,
  "compliant",
  "Compliant ",
  "NON-COMPLIANT",
  "Yes",
];
const SCORES: CellValue[] = [1, 2, 3, 4, 5, null, "3"];

const randomFill: Fill = (kind, _i, random) => ({
  Status: pick(random, MESSY_STATUS),
  Likelihood: pick(random, SCORES),
  Impact: pick(random, SCORES),
  ...(kind === "annexA" ? { Applicable: pick(random, ["Yes", "No", "no", null]) } : {}),
});

const SCENARIOS: Scenario[] = [
  { name: "random", fill: randomFill },
  { name: "none-assessed", fill: () => ({}) },
  { name: "all-compliant", fill: () => ({ Status: "Compliant", Likelihood: 5, Impact: 5 }) },
  {
    name: "edges",
    fill: (kind): Record<string, CellValue> =>
      kind === "annexA"
        ? { Status: "Not Applicable", Applicable: "No" }
        : { Status: "Non-Compliant", Likelihood: 4, Impact: 5 },
  },
  {
    name: "weights-changed",
    fill: randomFill,
    settings: {
      weights: { compliant: 0.1, partial: 0.25, nonCompliant: 0.8 },
      bands: { medium: 4, high: 9, critical: 16 },
    },
  },
];

const headerIndex = (ws: ExcelJS.Worksheet): Map<string, number> => {
  const map = new Map<string, number>();
  ws.getRow(TABLE_HEADER_ROW).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
};

function setSettings(wb: ExcelJS.Workbook, s: ScoringSettings): void {
  const settings = wb.getWorksheet("Settings") as ExcelJS.Worksheet;
  const set = (name: string, value: number): void => {
    const [, address] = wb.definedNames.getRanges(name).ranges[0].replace(/\$/g, "").split("!");
    settings.getCell(address).value = value;
  };
  set("Weight_Compliant", s.weights.compliant);
  set("Weight_Partial", s.weights.partial);
  set("Weight_NonCompliant", s.weights.nonCompliant);
  set("Band_Medium", s.bands.medium);
  set("Band_High", s.bands.high);
  set("Band_Critical", s.bands.critical);
}

describeWithTool(
  "LibreOffice",
  SOFFICE,
  "sheet formulas recalculated in LibreOffice equal core/scoring.ts",
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-formulas-"));
    const filled = new Map<string, Map<string, Record<string, CellValue>[]>>();
    const recalculated = new Map<string, CachedWorkbook>();
    const headers = new Map<string, Map<string, number>>();

    beforeAll(async () => {
      const base = path.join(dir, "base.xlsx");
      execFileSync(process.execPath, [
        path.resolve(__dirname, "../../bin/gap-assessor.js"),
        "build",
        "--out",
        base,
        "--org",
        "Formula Test Ltd",
      ]);
      const files: string[] = [];
      for (const scenario of SCENARIOS) {
        const wb = new ExcelJS.Workbook();
        await openXlsxPackage(base, wb);
        const random = seeded(42);
        const perSheet = new Map<string, Record<string, CellValue>[]>();
        for (const spec of ASSESSMENT_SHEETS) {
          const ws = wb.getWorksheet(spec.sheet) as ExcelJS.Worksheet;
          const cols = headerIndex(ws);
          headers.set(spec.kind, cols);
          const rows: Record<string, CellValue>[] = [];
          for (let r = TABLE_HEADER_ROW + 1; ws.getCell(r, 1).value; r++) {
            const values = scenario.fill(spec.kind, rows.length, random);
            for (const [column, value] of Object.entries(values))
              ws.getCell(r, cols.get(column) as number).value = value;
            rows.push({
              ...Object.fromEntries(
                [...cols].map(([h, c]) => [h, ws.getCell(r, c).value as CellValue])
              ),
              ...values,
            });
          }
          perSheet.set(spec.kind, rows);
        }
        if (scenario.settings) setSettings(wb, scenario.settings);
        const file = path.join(dir, `${scenario.name}.xlsx`);
        await wb.xlsx.writeFile(file);
        files.push(file);
        filled.set(scenario.name, perSheet);
      }
      const outputs = await recalculate(files);
      for (const [i, scenario] of SCENARIOS.entries()) {
        recalculated.set(scenario.name, await readCachedValues(outputs[i]));
      }
    }, 240000);

    const number = (v: unknown): number | null =>
      typeof v === "number" ? v : v === "" || v === null ? null : NaN;

    describe.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (name, scenario) => {
      const settings = scenario.settings ?? DEFAULT_SCORING;

      it.each(ASSESSMENT_SHEETS.map((s) => [s.sheet, s] as const))(
        "every row of %s scores as the reference model",
        (_sheet, spec) => {
          const wb = recalculated.get(name) as CachedWorkbook;
          const cols = headers.get(spec.kind) as Map<string, number>;
          const rows = filled.get(name)?.get(spec.kind) ?? [];
          expect(rows.length).toBe(spec.kind === "clauses" ? 30 : 93);
          rows.forEach((input, i) => {
            const r = TABLE_HEADER_ROW + 1 + i;
            const expected = scoreRow(
              {
                status: input.Status ?? null,
                likelihood: input.Likelihood ?? null,
                impact: input.Impact ?? null,
                applicable: spec.kind === "annexA" ? (input.Applicable ?? null) : undefined,
              },
              settings
            );
            const got = (c: string): unknown =>
              wb.cell(spec.sheet, `${columnLetter((cols.get(c) as number) - 1)}${r}`);
            const label = `${spec.sheet} row ${r} (${JSON.stringify(input.Status)})`;
            expect([label, number(got("Gap score"))]).toEqual([label, expected.gap]);
            expect([label, number(got("Risk score"))]).toEqual([label, expected.risk]);
            expect([label, got("Risk level") || null]).toEqual([label, expected.level]);
            const priority = number(got("Priority"));
            if (expected.priority === null) expect([label, priority]).toEqual([label, null]);
            else expect(priority).toBeCloseTo(expected.priority, 10);
          });
        }
      );

      it("Compliance_* names equal the reference compliance", () => {
        const wb = recalculated.get(name) as CachedWorkbook;
        const gaps = (kind: "clauses" | "annexA"): (number | null)[] =>
          (filled.get(name)?.get(kind) ?? []).map(
            (input) =>
              scoreRow(
                {
                  status: input.Status ?? null,
                  likelihood: null,
                  impact: null,
                  applicable: kind === "annexA" ? (input.Applicable ?? null) : undefined,
                },
                settings
              ).gap
          );
        const check = (nameOf: string, expected: number | null): void => {
          const got = wb.name(nameOf);
          if (expected === null) expect([nameOf, got === "" ? null : got]).toEqual([nameOf, null]);
          else expect(got as number).toBeCloseTo(expected, 10);
        };
        check("Compliance_Clauses", compliance(gaps("clauses")));
        check("Compliance_AnnexA", compliance(gaps("annexA")));
        check("Compliance_Overall", compliance([...gaps("clauses"), ...gaps("annexA")]));
      });
    });

    it("a weight changed on Settings moves the scores", () => {
      const before = (recalculated.get("random") as CachedWorkbook).name("Compliance_Overall");
      const after = (recalculated.get("weights-changed") as CachedWorkbook).name(
        "Compliance_Overall"
      );
      expect(typeof before).toBe("number");
      expect(after).not.toBeCloseTo(before as number, 6);
    });

    describe("Summary of the random scenario", () => {
      const rowsOf = (kind: "clauses" | "annexA"): Record<string, CellValue>[] =>
        filled.get("random")?.get(kind) ?? [];
      const scored = (kind: "clauses" | "annexA", input: Record<string, CellValue>) =>
        scoreRow({
          status: input.Status ?? null,
          likelihood: input.Likelihood ?? null,
          impact: input.Impact ?? null,
          applicable: kind === "annexA" ? (input.Applicable ?? null) : undefined,
        });
      const findRow = (wb: CachedWorkbook, label: RegExp): number => {
        for (let r = 1; r < 120; r++)
          if (label.test(String(wb.cell("Summary", `A${r}`) ?? ""))) return r;
        throw new Error(`No Summary row ${label}`);
      };

      it("breaks compliance and status counts down per clause and per theme", () => {
        const wb = recalculated.get("random") as CachedWorkbook;
        const areas = [
          ...[4, 5, 6, 7, 8, 9, 10].map((n) => ({
            label: new RegExp(`^Clause ${n} `),
            kind: "clauses" as const,
            match: (r: Record<string, CellValue>) => String(r.ID).startsWith(`${n}.`),
          })),
          ...["Organizational", "People", "Physical", "Technological"].map((t) => ({
            label: new RegExp(`^Annex A ${t}`),
            kind: "annexA" as const,
            match: (r: Record<string, CellValue>) => r.Theme === t,
          })),
        ];
        for (const area of areas) {
          const r = findRow(wb, area.label);
          const rows = rowsOf(area.kind).filter(area.match);
          const expected = compliance(rows.map((x) => scored(area.kind, x).gap));
          const got = wb.cell("Summary", `B${r}`);
          if (expected === null) expect(got === "" ? null : got).toBeNull();
          else expect(got as number).toBeCloseTo(expected, 10);
          const count = (status: string): number =>
            rows.filter(
              (x) => typeof x.Status === "string" && x.Status.toLowerCase() === status.toLowerCase()
            ).length;
          expect([
            area.label.source,
            wb.cell("Summary", `C${r}`),
            wb.cell("Summary", `E${r}`),
            wb.cell("Summary", `H${r}`),
          ]).toEqual([area.label.source, count("Compliant"), count("Non-Compliant"), rows.length]);
        }
      });

      it("counts open gaps in the likelihood × impact heat map", () => {
        const wb = recalculated.get("random") as CachedWorkbook;
        const header = findRow(wb, /^Likelihood ↓/);
        for (const [i, likelihood] of [5, 4, 3, 2, 1].entries()) {
          for (const [j, impact] of [1, 2, 3, 4, 5].entries()) {
            const expected = (["clauses", "annexA"] as const).reduce(
              (n, kind) =>
                n +
                rowsOf(kind).filter(
                  (x) =>
                    x.Likelihood === likelihood &&
                    x.Impact === impact &&
                    (scored(kind, x).gap ?? 0) > 0
                ).length,
              0
            );
            expect([
              likelihood,
              impact,
              wb.cell("Summary", `${"BCDEF"[j]}${header + 1 + i}`),
            ]).toEqual([likelihood, impact, expected]);
          }
        }
      });

      it("leaves the top-gap lists empty when nothing is a gap", () => {
        const wb = recalculated.get("none-assessed") as CachedWorkbook;
        const header = findRow(wb, /^Top 10 Annex A gaps/) + 1;
        for (let k = 1; k <= 10; k++)
          expect([
            k,
            wb.cell("Summary", `A${header + k}`) ?? "",
            wb.cell("Summary", `F${header + k}`) ?? "",
          ]).toEqual([k, "", ""]);
      });

      it("lists the top Annex A gaps in priority order, ties included", () => {
        const wb = recalculated.get("random") as CachedWorkbook;
        const header = findRow(wb, /^Top 10 Annex A gaps/) + 1;
        const expected = rowsOf("annexA")
          .map((x) => ({ id: String(x.ID), p: scored("annexA", x).priority }))
          .filter((x): x is { id: string; p: number } => x.p !== null && x.p > 0)
          .sort((a, b) => b.p - a.p)
          .slice(0, 10);
        expect(expected.length).toBeGreaterThan(3);
        const got = expected.map((_, k) => ({
          id: wb.cell("Summary", `A${header + 1 + k}`),
          p: wb.cell("Summary", `D${header + 1 + k}`),
        }));
        expect(got.map((g) => g.p)).toEqual(expected.map((e) => e.p));
        for (let k = expected.length; k < 10; k++)
          expect(wb.cell("Summary", `A${header + 1 + k}`) ?? "").toBe("");
        const ids = new Set(got.map((g) => g.id));
        expect(ids.size).toBe(expected.length); // ties resolve to distinct rows
        for (const g of got)
          expect(
            expected.some((e) => e.id === g.id && e.p === g.p) ||
              rowsOf("annexA").some(
                (x) => String(x.ID) === g.id && scored("annexA", x).priority === g.p
              )
          ).toBe(true);
      });
    });
  }
);
