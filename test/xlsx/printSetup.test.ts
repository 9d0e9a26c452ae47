// Print setup in files: the first build writes page setup, print titles and area, header and
// footer and page breaks; an update in place (reconcile) brings an existing sheet's print setup
// back to the plan, keeps a person's own page breaks, and the print area survives a round trip
// with absolute rows (a relative one would move with the active cell).
import ExcelJS from "exceljs";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { SHEETS } from "../../src/core/contract";
import { renderPlanToWorkbook } from "../../src/xlsx/renderPlan";
import { reconcilePlanInWorkbook } from "../../src/xlsx/reconcile";

const rowBreaks = (ws: ExcelJS.Worksheet): number[] =>
  (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);

function withoutPrint(plan: WorkbookPlan): WorkbookPlan {
  return { ...plan, sheets: plan.sheets.map(({ print: _print, ...sheet }) => ({ ...sheet })) };
}

async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await workbook.xlsx.writeBuffer());
  return again;
}

describe("print setup in files", () => {
  const plan = layoutWorkbook({ org: "Acme" });

  it("writes every sheet's page setup on the first build", async () => {
    const workbook = new ExcelJS.Workbook();
    await renderPlanToWorkbook(plan, workbook);
    for (const sheet of plan.sheets) {
      const ws = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet;
      expect(ws.pageSetup).toMatchObject({
        orientation: "landscape",
        margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75 },
      });
      expect(ws.headerFooter.oddHeader).toBe("&LConfidential&RVersion 1.0");
      expect(ws.headerFooter.oddFooter).toBe("&CAcme · &A · Page &P of &N");
    }
    const annex = workbook.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    const print = plan.sheets.find((s) => s.name === SHEETS.annexA)?.print;
    expect(annex.pageSetup).toMatchObject({
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "4:4",
      printTitlesColumn: "A:C",
    });
    const summary = workbook.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
    const breaks = plan.sheets.find((s) => s.name === SHEETS.summary)?.print?.breaks ?? [];
    expect(summary.pageSetup).toMatchObject({ fitToPage: false, scale: expect.any(Number) });
    expect(rowBreaks(summary)).toEqual(breaks.map((r) => r - 1));
    // The print area, read back, covers the planned columns and rows.
    const read = await roundTrip(workbook);
    expect((read.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet).pageSetup.printArea).toBe(
      print?.area
    );
  });

  it("names the print area with absolute rows", async () => {
    const workbook = new ExcelJS.Workbook();
    await renderPlanToWorkbook(plan, workbook);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const names = await zip.file("xl/workbook.xml")!.async("string");
    const area = names.match(/_xlnm\.Print_Area" localSheetId="1">([^<]+)</)?.[1];
    expect(area).toMatch(/^&apos;Annex A&apos;!\$[A-Z]+\$4:\$[A-Z]+\$\d+$/);
  });

  it("brings an existing sheet's print setup to the plan, keeping a person's page breaks", async () => {
    const workbook = new ExcelJS.Workbook();
    await renderPlanToWorkbook(withoutPrint(plan), workbook);
    const annex = workbook.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    annex.pageSetup.orientation = "portrait";
    const summary = workbook.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
    summary.getRow(3).addPageBreak();
    await reconcilePlanInWorkbook(plan, workbook);
    expect(annex.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "4:4" });
    expect(annex.headerFooter.oddHeader).toBe("&LConfidential&RVersion 1.0");
    const breaks = plan.sheets.find((s) => s.name === SHEETS.summary)?.print?.breaks ?? [];
    expect(rowBreaks(summary).sort((a, b) => a - b)).toEqual(
      [3, ...breaks.map((r) => r - 1)].sort((a, b) => a - b)
    );
    // A second update changes nothing more.
    await reconcilePlanInWorkbook(plan, workbook);
    expect(rowBreaks(summary)).toHaveLength(breaks.length + 1);
  });
});
