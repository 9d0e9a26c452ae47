// The Office.js path on the recording fake: parity with the file renderer, a constant number of
// syncs whatever the row count, suspended calculation, and rebuild / plan / check without loss.
import ExcelJS from "exceljs";
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { checkWorkbook, selectCell } from "../../src/excel/checkWorkbook";
import { planRemediation } from "../../src/excel/planRemediation";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import { renderPlanToWorkbook } from "../../src/xlsx/renderPlan";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { cellAddress } from "../../src/core/snapshot";
import { emptyInputs } from "../../src/core/inputs";

function fakeExcel(): ExcelFake {
  const fake = createExcelFake();
  fake.install();
  return fake;
}
const run = <T>(fake: ExcelFake, f: (c: Excel.RequestContext) => Promise<T>): Promise<T> =>
  fake.Excel.run(f);

/** Seeds an Annex A sheet with N extra rows people added, so a rebuild writes N more rows. */
function seedRows(fake: ExcelFake, extra: number): void {
  const sheet = fake.state.sheet("Annex A");
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < extra; i++)
    rows.push([
      `X.${i + 1}`,
      "Organizational",
      `Own control ${i + 1}`,
      null,
      "Yes",
      null,
      "Non-Compliant",
      `Evidence ${i}`,
      "Owner",
      3,
      4,
    ]);
  sheet.setValues(`A${TABLE_HEADER_ROW + 94}`, rows);
}

describe("Office.js renderer and the file renderer draw the same workbook", () => {
  it("matches cell for cell, with the same tables, validations, formats and names", async () => {
    const inputs = emptyInputs();
    inputs.annexA.set("5.1", {
      Status: "Partially Compliant",
      Evidence: "Policy draft",
      Likelihood: 3,
      Impact: 4,
    });
    const plan = layoutWorkbook({
      org: "Parity Ltd",
      start: 46000,
      inputs,
      plan: {
        rows: [
          {
            ID: "5.1",
            Source: "Annex A",
            Title: "P",
            Start: 46000,
            Due: 46060,
            Progress: "Not started",
          },
        ],
        extraColumns: [],
      },
    });
    const workbook = new ExcelJS.Workbook();
    await renderPlanToWorkbook(plan, workbook);
    const fake = fakeExcel();
    const { renderPlan } = await import("../../src/excel/renderPlan");
    await run(fake, (c) => renderPlan(c, plan, { sheets: [], names: [] }));

    for (const sheetPlan of plan.sheets) {
      const ws = workbook.getWorksheet(sheetPlan.name) as ExcelJS.Worksheet;
      const state = fake.state.sheet(sheetPlan.name);
      const fileCells = new Map<string, unknown>();
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value as unknown;
          const text =
            v && typeof v === "object" && "formula" in (v as object)
              ? `=${(v as { formula: string }).formula}`
              : v;
          if (text !== null && text !== "") fileCells.set(cellAddress(r - 1, c - 1), text);
        })
      );
      const used = state.usedRange() as string;
      const [, last] = used.split(":");
      const lastRow = Number(/\d+/.exec(last)?.[0]);
      const lastCol = (/[A-Z]+/.exec(last)?.[0] ?? "A")
        .split("")
        .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const fakeCells = new Map<string, unknown>();
      for (let r = 0; r < lastRow; r++)
        for (let c = 0; c < lastCol; c++) {
          const cell = state.cell(cellAddress(r, c));
          const v = cell.formula ?? cell.value;
          if (v !== null && v !== "") fakeCells.set(cellAddress(r, c), v);
        }
      expect([sheetPlan.name, fakeCells.size]).toEqual([sheetPlan.name, fileCells.size]);
      expect(Object.fromEntries(fakeCells)).toEqual(Object.fromEntries(fileCells));

      expect(state.tables.map((t) => [t.name, t.address, t.headers])).toEqual(
        sheetPlan.tables.map((t) => [
          t.name,
          expect.stringMatching(new RegExp(`^${t.at}:`)),
          t.columns.map((c) => c.header),
        ])
      );
      const fileTable = sheetPlan.tables[0] && ws.getTable(sheetPlan.tables[0].name);
      if (sheetPlan.tables[0]) expect(fileTable).toBeDefined();
      const single = (a: string): string => a.replace(/^([A-Z]+\d+):\1$/, "$1");
      expect(state.validations.map((v) => v.address).sort()).toEqual(
        sheetPlan.validations.map((v) => single(v.range)).sort()
      );
      const fileValidations = (
        ws as unknown as { dataValidations: { model: Record<string, unknown> } }
      ).dataValidations.model;
      expect(Object.keys(fileValidations).sort()).toEqual(
        sheetPlan.validations.map((v) => v.range).sort()
      );
      expect(state.conditionalFormats.length).toBe(sheetPlan.conditionalFormats.length);
      expect(
        (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length
      ).toBe(sheetPlan.conditionalFormats.length);
      if (sheetPlan.freeze) expect(state.freeze).toEqual(sheetPlan.freeze);
    }
    const names = fake.state.names;
    for (const n of plan.names) {
      expect(names[n.name]).toBe(n.refersTo);
      expect(workbook.definedNames.getRanges(n.name).ranges[0].replace(/'/g, "")).toBe(
        n.refersTo.replace(/^=/, "").replace(/'/g, "")
      );
    }
    expect(fake.state.sheet("Summary").charts.map((c) => c.name)).toEqual([
      "ComplianceByArea",
      "ComplianceByTheme",
      "StatusMix",
    ]);
  });
});

describe("buildAssessment through Office.js", () => {
  it("uses the same small number of syncs at 100 and 10,000 rows, each request under 5 MB", async () => {
    const counts: number[] = [];
    for (const extra of [100, 10_000]) {
      const fake = fakeExcel();
      await run(fake, (c) => buildAssessment(c, {}));
      seedRows(fake, extra);
      fake.stats.reset();
      const result = await run(fake, (c) => buildAssessment(c, {}));
      expect(result.rows).toBe(123 + extra);
      expect(fake.state.sheet("Annex A").tables[0].rowCount).toBe(93 + extra);
      expect(fake.stats.maxSyncPayloadBytes).toBeLessThan(5 * 1024 * 1024);
      counts.push(fake.stats.syncs);
    }
    expect(counts[0]).toBeLessThanOrEqual(4);
    expect(counts[1]).toBe(counts[0]);
  });

  it("suspends calculation while writing", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    expect(fake.state.calculationSuspendedHistory).toContain(true);
  });

  it("keeps what people typed, restores a tampered formula and leaves other sheets alone", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, { org: "Acme" }));
    const annex = fake.state.sheet("Annex A");
    const header = annex.getValues(`A${TABLE_HEADER_ROW}:P${TABLE_HEADER_ROW}`)[0].map(String);
    const col = (c: string): string => String.fromCharCode(65 + header.indexOf(c));
    const row = TABLE_HEADER_ROW + 1; // 5.1
    annex.setCell(`${col("Status")}${row}`, "Non-Compliant");
    annex.setCell(`${col("Evidence")}${row}`, "'=not a formula");
    annex.setCell(`${col("Owner")}${row}`, "CISO");
    annex.setCell(`${col("Gap score")}${row}`, 7);
    fake.state.sheet("Sheet1").setCell("A1", "mine");
    fake.stats.reset();
    const result = await run(fake, (c) => buildAssessment(c, {}));
    expect(result.rebuilt).toBe(true);
    expect(annex.cell(`${col("Status")}${row}`).value).toBe("Non-Compliant");
    expect(annex.cell(`${col("Owner")}${row}`).value).toBe("CISO");
    expect(annex.cell(`${col("Gap score")}${row}`).formula).toMatch(
      /^=IF\(AnnexA\[\[#This Row\],\[Applicable\]\]="No"/
    );
    expect(fake.state.sheet("Sheet1").cell("A1").value).toBe("mine");
    expect(fake.state.sheetList.filter((s: { name: string }) => s.name === "Annex A")).toHaveLength(
      1
    );
  });

  it("creates and regenerates the remediation plan in a constant number of syncs", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    const annex = fake.state.sheet("Annex A");
    const header = annex.getValues(`A${TABLE_HEADER_ROW}:P${TABLE_HEADER_ROW}`)[0].map(String);
    const col = (c: string): string => String.fromCharCode(65 + header.indexOf(c));
    annex.setCell(`${col("Status")}${TABLE_HEADER_ROW + 1}`, "Non-Compliant");
    annex.setCell(`${col("Status")}${TABLE_HEADER_ROW + 2}`, "Partially Compliant");
    fake.stats.reset();
    const preview = await run(fake, (c) => planRemediation(c, { apply: false }));
    expect(preview).toMatchObject({ added: 2, kept: 0, resolved: 0 });
    expect(fake.stats.syncs).toBe(1);
    fake.stats.reset();
    await run(fake, (c) => planRemediation(c, { apply: true }));
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
    const plan = fake.state.sheet("Remediation Plan");
    expect(plan.tables[0].rowCount).toBe(2);
    annex.setCell(`${col("Status")}${TABLE_HEADER_ROW + 1}`, "Compliant");
    const again = await run(fake, (c) => planRemediation(c, { apply: true }));
    expect(again).toMatchObject({ added: 0, resolved: 1, rows: 2 });
  });

  it("checks the workbook in one read and selects a problem cell", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    const annex = fake.state.sheet("Annex A");
    const header = annex.getValues(`A${TABLE_HEADER_ROW}:P${TABLE_HEADER_ROW}`)[0].map(String);
    const status = `${String.fromCharCode(65 + header.indexOf("Status"))}${TABLE_HEADER_ROW + 1}`;
    annex.setCell(status, "Compliant");
    fake.stats.reset();
    const report = await run(fake, (c) => checkWorkbook(c));
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
    const missing = report.problems.find((p) => p.rule === "evidence-missing");
    expect(missing).toMatchObject({ sheet: "Annex A", id: "5.1" });
    await run(fake, (c) => selectCell(c, missing!.sheet, missing!.cell));
    expect(fake.state.selection).toBe(`'Annex A'!${missing!.cell}`);
  });
});
