// Differential proof of "reconcile, don't regenerate": a realistic season of work on the recording
// Excel fake (build → a person fills it in, colours a cell, links evidence, writes their own sheet
// on our tables and adds their own control → plan → snapshot → edit → plan → snapshot → build
// again → adopt), then the fake's workbook dumped to .xlsx and recalculated in LibreOffice. Every
// score and Summary figure must equal core/scoring.ts and the CLI's rebuild of the same inputs,
// the person's own formulas must still name our tables and compute, and nothing they added may be
// missing.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { applyAdoption, previewAdoption } from "../../src/excel/adoptSheet";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { planRemediation } from "../../src/excel/planRemediation";
import { recordSnapshot } from "../../src/excel/recordSnapshot";
import { ASSESSMENT_SHEETS, SHEETS, TABLES } from "../../src/core/contract";
import { compliance, scoreRow } from "../../src/core/scoring";
import { cellAddress, type CellValue } from "../../src/core/snapshot";
import { describeWithTool } from "../support/externalTools";
import { fakeToXlsx } from "../support/fakeToXlsx";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";
import {
  locateTable,
  seedYesNoChecklist,
  setRow,
  type SeedSheet,
  type SeedState,
} from "../support/workbookSeeds";

type Ctx = Excel.RequestContext;
const DESTRUCTIVE =
  /^(Table\.convertToRange|Table\.delete|Range\.clear|Worksheet\.delete|NamedItem\.delete)$/;
const OWN_SHEET = "My view";
const OWN_FORMULAS = [
  '=COUNTIFS(AnnexA[Status],"Compliant")',
  "=SUM(AnnexA[Priority])",
  "=ROWS(AnnexA[ID])",
  "=Compliance_Overall",
  '=COUNTIFS(Clauses[Risk level],"High")+COUNTIFS(AnnexA[Risk level],"High")',
];
const LINK = "https://intranet.example/evidence/5.3";

interface Row {
  sheet: string;
  kind: "clauses" | "annexA";
  row: number;
  values: Record<string, CellValue>;
  address: (header: string) => string;
}

/** Rows of the assessment tables as the fake holds them at the end. */
function assessmentRows(fake: ExcelFake): Row[] {
  const rows: Row[] = [];
  for (const spec of ASSESSMENT_SHEETS) {
    const table = fake.state.tables.find((t) => t.sheet === spec.sheet);
    if (!table) throw new Error(`No table on ${spec.sheet}`);
    const [from, to] = table.address.split(":");
    const top = Number(/\d+/.exec(from)?.[0]) - 1;
    const bottom = Number(/\d+/.exec(to)?.[0]) - 1;
    const left = (/^[A-Z]+/.exec(from)?.[0] ?? "A").charCodeAt(0) - 65;
    const state = fake.state.sheet(spec.sheet);
    for (let r = top + 1; r <= bottom; r++) {
      const address = (header: string): string =>
        cellAddress(r, left + table.headers.indexOf(header));
      const values: Record<string, CellValue> = {};
      for (const h of table.headers) {
        const v = state.cell(address(h)).value;
        values[h] = v === "" ? null : (v as CellValue);
      }
      rows.push({ sheet: spec.sheet, kind: spec.kind, row: r, values, address });
    }
  }
  return rows;
}

const scored = (row: Row) =>
  scoreRow({
    status: row.values.Status ?? null,
    likelihood: row.values.Likelihood ?? null,
    impact: row.values.Impact ?? null,
    applicable: row.kind === "annexA" ? (row.values.Applicable ?? null) : undefined,
  });

const number = (v: unknown): number | null =>
  typeof v === "number" ? v : v === "" || v === null ? null : NaN;

describeWithTool(
  "LibreOffice",
  SOFFICE,
  "a season of work in Excel, recalculated in LibreOffice, equals the reference model and the CLI",
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-differential-"));
    let fake: ExcelFake;
    let rows: Row[];
    let dumped: CachedWorkbook;
    let cli: CachedWorkbook;
    const destructive: string[] = [];
    const syncs: Record<string, number> = {};
    let fillAt = "";
    let linkAt = "";

    beforeAll(async () => {
      fake = createExcelFake();
      fake.install();
      const step = async (label: string, f: (c: Ctx) => Promise<unknown>): Promise<void> => {
        const at = fake.log.length;
        fake.stats.reset();
        await fake.Excel.run(f);
        syncs[label] = fake.stats.syncs;
        destructive.push(
          ...fake.log
            .slice(at)
            .filter((op) => DESTRUCTIVE.test(op))
            .map((op) => `${label}: ${op}`)
        );
      };
      await fake.Excel.run((c: Ctx) => buildAssessment(c, { org: "Differential Ltd" }));

      // A person fills the assessment in, colours a cell, links evidence.
      const annex = fake.state.sheet(SHEETS.annexA) as unknown as SeedSheet &
        ReturnType<ExcelFake["state"]["sheet"]>;
      const clauses = fake.state.sheet(SHEETS.clauses) as unknown as SeedSheet;
      const statuses = ["Compliant", "Partially Compliant", "Non-Compliant", "Not Applicable"];
      ["5.1", "5.2", "5.3", "5.7", "6.3", "7.4", "8.1", "8.2", "8.8", "8.16"].forEach((id, i) =>
        setRow(annex, id, {
          Status: statuses[i % 4],
          Likelihood: 1 + (i % 5),
          Impact: 5 - (i % 4),
          ...(i === 3 ? { Applicable: "No", Justification: "No cloud services" } : {}),
        })
      );
      ["4.1", "5.1", "6.1.2", "9.2.1", "10.2"].forEach((id, i) =>
        setRow(clauses, id, { Status: statuses[i % 3], Likelihood: 2 + (i % 3), Impact: 4 })
      );
      const { column } = locateTable(annex);
      fillAt = `${column("Notes")}${setRow(annex, "5.2", {})}`;
      annex.setCell(fillAt, "Board to decide", { fill: "#FFFF00" });
      linkAt = `${column("Evidence")}${setRow(annex, "5.3", {})}`;
      annex.setHyperlink(linkAt, { address: LINK, textToDisplay: "Vulnerability report" });

      // Their own sheet with formulas on our tables, and their own control in Annex A.
      await fake.Excel.run(async (c: Ctx) => {
        const own = c.workbook.worksheets.add(OWN_SHEET);
        own.getRange(`B1:B${OWN_FORMULAS.length}`).formulas = OWN_FORMULAS.map((f) => [f]);
        const ws = c.workbook.worksheets.getItem(SHEETS.annexA);
        ws.protection.unprotect();
        const table = c.workbook.tables.getItem(TABLES.annexA);
        const headers = table.getHeaderRowRange().load("values");
        await c.sync();
        const row = (headers.values[0] as string[]).map(
          (h) =>
            ({
              ID: "X.1",
              Theme: "Organizational",
              Title: "Supplier onboarding checks",
              Applicable: "Yes",
              Status: "Non-Compliant",
              Likelihood: 4,
              Impact: 4,
              Owner: "Procurement",
            })[h] ?? ""
        );
        table.rows.add(undefined, [row]);
        await c.sync();
      });

      await step("plan", (c) => planRemediation(c, { apply: true }));
      await step("snapshot", (c) => recordSnapshot(c, { date: 46100, note: "Baseline" }));
      setRow(annex, "5.3", { Status: "Compliant" });
      setRow(annex, "8.8", { Status: "Non-Compliant", Likelihood: 5, Impact: 5 });
      setRow(clauses, "4.1", { Status: "Compliant" });
      await step("plan again", (c) => planRemediation(c, { apply: true }));
      await step("snapshot again", (c) => recordSnapshot(c, { date: 46130, note: "Quarter 2" }));
      await step("build again", (c) => buildAssessment(c, {}));
      seedYesNoChecklist(fake.state as unknown as SeedState, "Old checklist");
      const preview = await fake.Excel.run((c: Ctx) => previewAdoption(c, "Old checklist"));
      await step("adopt", (c) => applyAdoption(c, preview, false));
      rows = assessmentRows(fake);

      const dump = path.join(dir, "from-excel.xlsx");
      await fakeToXlsx(fake, dump);
      const rebuilt = path.join(dir, "cli-rebuild.xlsx");
      execFileSync(process.execPath, [
        path.resolve(__dirname, "../../bin/gap-assessor.js"),
        "build",
        "--from",
        dump,
        "--out",
        rebuilt,
      ]);
      const [a, b] = await recalculate([dump, rebuilt]);
      dumped = await readCachedValues(a);
      cli = await readCachedValues(b);
    }, 300000);

    it("never converted a table, cleared a range or deleted a name, in a constant number of syncs", () => {
      expect(destructive).toEqual([]);
      for (const [label, n] of Object.entries(syncs))
        expect([label, n <= 4]).toEqual([label, true]);
    });

    it("kept the person's fill, hyperlink, own sheet and own row", () => {
      const annex = fake.state.sheet(SHEETS.annexA);
      expect(annex.cell(fillAt)).toMatchObject({
        value: "Board to decide",
        format: { fill: "#FFFF00" },
      });
      expect(annex.cell(linkAt).hyperlink).toMatchObject({ address: LINK });
      const own = fake.state.sheet(OWN_SHEET);
      expect(OWN_FORMULAS.map((_, i) => own.cell(`B${i + 1}`).formula)).toEqual(OWN_FORMULAS);
      const mine = rows.find((r) => r.values.ID === "X.1");
      expect(mine?.values).toMatchObject({ Status: "Non-Compliant", Owner: "Procurement" });
      const soa = fake.state.tables.find((t) => t.name === TABLES.soa);
      expect(soa?.rowCount).toBe(94);
    });

    // The CLI lays the rows out in its own order: its rows are found by ID, columns by header.
    const cliRowOf = (sheet: string, id: string): number => {
      for (let r = 5; r < 400; r++) if (String(cli.cell(sheet, `A${r}`)) === id) return r;
      throw new Error(`${id} not in the CLI's ${sheet}`);
    };
    const cliColumnOf = (sheet: string, header: string): string => {
      for (let c = 0; c < 40; c++)
        if (cli.cell(sheet, cellAddress(3, c)) === header)
          return cellAddress(3, c).replace(/\d+$/, "");
      throw new Error(`${header} not in the CLI's ${sheet}`);
    };

    it("every score row equals core/scoring.ts and the CLI's rebuild", () => {
      expect(rows.length).toBe(30 + 94);
      for (const row of rows) {
        const expected = scored(row);
        const label = `${row.sheet} ${String(row.values.ID)}`;
        const cliRow = cliRowOf(row.sheet, String(row.values.ID));
        for (const [book, at] of [
          [dumped, row.address],
          [cli, (h: string) => `${cliColumnOf(row.sheet, h)}${cliRow}`],
        ] as const) {
          const got = (h: string): unknown => book.cell(row.sheet, at(h));
          expect([label, number(got("Gap score"))]).toEqual([label, expected.gap]);
          expect([label, number(got("Risk score"))]).toEqual([label, expected.risk]);
          expect([label, got("Risk level") || null]).toEqual([label, expected.level]);
          const priority = number(got("Priority"));
          if (expected.priority === null) expect([label, priority]).toEqual([label, null]);
          else expect([label, priority]).toEqual([label, expect.closeTo(expected.priority, 10)]);
        }
      }
    });

    it("the Compliance names and every Summary figure equal the reference model and the CLI", () => {
      const gaps = (kind: "clauses" | "annexA"): (number | null)[] =>
        rows.filter((r) => r.kind === kind).map((r) => scored(r).gap);
      const expected: Record<string, number | null> = {
        Compliance_Clauses: compliance(gaps("clauses")),
        Compliance_AnnexA: compliance(gaps("annexA")),
        Compliance_Overall: compliance([...gaps("clauses"), ...gaps("annexA")]),
      };
      for (const [name, value] of Object.entries(expected)) {
        expect(value).not.toBeNull();
        expect([name, dumped.name(name)]).toEqual([name, expect.closeTo(value as number, 10)]);
        expect([name, cli.name(name)]).toEqual([name, expect.closeTo(value as number, 10)]);
      }
      // The Summary the add-in left equals the one the CLI draws from the same inputs, figure by figure.
      for (let r = 0; r < 160; r++)
        for (let c = 0; c < 9; c++) {
          const address = cellAddress(r, c);
          const a = dumped.cell(SHEETS.summary, address);
          const b = cli.cell(SHEETS.summary, address);
          const label = `Summary!${address}`;
          if (typeof a === "number" && typeof b === "number")
            expect([label, a]).toEqual([label, expect.closeTo(b, 10)]);
          else expect([label, a]).toEqual([label, b]);
        }
    });

    it("the person's own formulas still name our tables and compute what the model says", () => {
      const annexRows = rows.filter((r) => r.kind === "annexA");
      const got = (i: number): unknown => dumped.cell(OWN_SHEET, `B${i + 1}`);
      expect(got(0)).toBe(
        annexRows.filter((r) => String(r.values.Status ?? "").toLowerCase() === "compliant").length
      );
      expect(got(1)).toBeCloseTo(
        annexRows.reduce((sum, r) => sum + (scored(r).priority ?? 0), 0),
        10
      );
      expect(got(2)).toBe(94);
      expect(got(3)).toBeCloseTo(dumped.name("Compliance_Overall") as number, 10);
      expect(got(4)).toBe(rows.filter((r) => scored(r).level === "High").length);
    });
  }
);
