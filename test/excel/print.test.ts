// Print setup through Office.js on the recording fake: the first build gives every sheet its page
// layout (landscape, titles, area, header, footer, breaks) in the syncs it used before; a later
// build rewrites only a layout that differs, and leaves a person's own print area alone.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { pageStateOf } from "../fakes/excel/pageLayout";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { readWorkbook } from "../../src/excel/readSnapshots";
import { OWNED_TABLES, reconcilePlan } from "../../src/excel/reconcile";
import { composeWorkbook } from "../../src/core/layout/compose";
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { OWNED_SHEETS, SHEETS } from "../../src/core/contract";

type Ctx = Excel.RequestContext;

function fakeExcel(): ExcelFake {
  const fake = createExcelFake();
  fake.install();
  return fake;
}

/** Composes the plan the way buildAssessment does, optionally without print setup, and applies it. */
async function build(
  fake: ExcelFake,
  withPrint: boolean
): Promise<{ syncs: number; plan: WorkbookPlan }> {
  fake.stats.reset();
  return fake.Excel.run(async (c: Ctx) => {
    const read = await readWorkbook(c, OWNED_SHEETS, { lean: true, tables: OWNED_TABLES });
    const plan = composeWorkbook(read.snapshots, { org: "Acme & Co" }).plan;
    if (!withPrint) for (const sheet of plan.sheets) delete sheet.print;
    const { syncs } = await reconcilePlan(c, plan, read);
    return { syncs: syncs + 1, plan };
  });
}

/** Operations that change a page layout (reads excluded). */
const PAGE_WRITES =
  /^(PageLayout\.(orientation|zoom|\w+Margin|setPrint\w+)|HeaderFooter\.\w+(Header|Footer)|PageBreakCollection\.(add|removePageBreaks))$/;
const pageWrites = (log: string[]): string[] => log.filter((op) => PAGE_WRITES.test(op));

describe("print setup in Excel", () => {
  it("sets every sheet's page layout on the first build, in the same number of syncs", async () => {
    const plain = fakeExcel();
    const without = await build(plain, false);
    const fake = fakeExcel();
    const { syncs, plan } = await build(fake, true);
    expect(syncs).toBe(without.syncs);
    expect(fake.stats.syncs).toBe(plain.stats.syncs);
    for (const sheet of plan.sheets) {
      const page = pageStateOf(fake.state.sheet(sheet.name));
      expect(page.orientation).toBe("Landscape");
      expect(page.headers.leftHeader).toBe("Confidential");
      expect(page.headers.rightHeader).toBe("Version 1.0");
      expect(page.headers.centerFooter).toBe("Acme && Co · &A · Page &P of &N");
      expect(page.margins.left).toBeCloseTo(18, 1);
    }
    const annex = pageStateOf(fake.state.sheet(SHEETS.annexA));
    const annexPlan = plan.sheets.find((s) => s.name === SHEETS.annexA)?.print;
    expect(annexPlan?.area).toBeDefined();
    expect(annex.zoom).toEqual({ scale: null, horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(annex.titleRows).toMatchObject({ r0: 3, r1: 3 });
    expect(annex.titleColumns).toMatchObject({ c0: 0, c1: 2 });
    expect(annex.printArea).toHaveLength(1);
    const summary = pageStateOf(fake.state.sheet(SHEETS.summary));
    const summaryPlan = plan.sheets.find((s) => s.name === SHEETS.summary)?.print;
    expect(summary.zoom.scale).toBe(summaryPlan?.scale);
    expect(summary.rowBreaks).toEqual((summaryPlan?.breaks ?? []).map((r) => r - 1));
    expect(summary.rowBreaks.length).toBeGreaterThan(0);
  });

  it("writes no page layout again on an unchanged workbook", async () => {
    const fake = fakeExcel();
    await fake.Excel.run((c: Ctx) => buildAssessment(c, { org: "Acme & Co" }));
    const at = fake.log.length;
    fake.stats.reset();
    await fake.Excel.run((c: Ctx) => buildAssessment(c, {}));
    expect(pageWrites(fake.log.slice(at))).toEqual([]);
    expect(fake.stats.syncs).toBe(2);
  });

  it("restores a changed layout of our sheet, and only that one, in the syncs of any write", async () => {
    const fake = fakeExcel();
    await fake.Excel.run((c: Ctx) => buildAssessment(c, { org: "Acme & Co" }));
    const annex = pageStateOf(fake.state.sheet(SHEETS.annexA));
    annex.orientation = "Portrait";
    annex.headers.leftHeader = "Draft";
    const documents = pageStateOf(fake.state.sheet(SHEETS.documents));
    documents.printArea = [{ r0: 0, c0: 0, r1: 9, c1: 3 }];
    fake.stats.reset();
    const at = fake.log.length;
    await fake.Excel.run((c: Ctx) => buildAssessment(c, {}));
    // Read, inspect, write, recalculate: what any reconcile that writes takes.
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
    // One sheet's layout written: one orientation.
    expect(
      pageWrites(fake.log.slice(at)).filter((op) => op === "PageLayout.orientation")
    ).toHaveLength(1);
    expect(annex.orientation).toBe("Landscape");
    expect(annex.headers.leftHeader).toBe("Confidential");
    // The plan sets no print area on Documents: the person's own stays.
    expect(documents.printArea).toEqual([{ r0: 0, c0: 0, r1: 9, c1: 3 }]);
  });
});
