/** The fake's page layout (ExcelApi 1.9): zoom, orientation, margins, print titles and area,
 *  headers and footers, page breaks, and the requirement-set gate. Rules: test/fakes/README.md. */
import { createExcelFake } from "./excelFake";
import { pageStateOf } from "./excel/pageLayout";

type Ctx = any;

describe("worksheet.pageLayout", () => {
  it("starts as a new sheet and keeps what is set", async () => {
    const fake = createExcelFake({ sheets: ["Annex A"] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Annex A");
      const layout = sheet.pageLayout.load("orientation,zoom,leftMargin");
      await ctx.sync();
      expect(layout.orientation).toBe("Portrait");
      expect(layout.zoom).toEqual({
        scale: 100,
        horizontalFitToPages: null,
        verticalFitToPages: null,
      });
      expect(layout.leftMargin).toBeCloseTo(50.4);
      sheet.pageLayout.orientation = "Landscape";
      sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      sheet.pageLayout.leftMargin = 18;
      sheet.pageLayout.setPrintArea("G4:P97");
      sheet.pageLayout.setPrintTitleRows("$4:$4");
      sheet.pageLayout.setPrintTitleColumns("A1:C1");
      sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = "Page &P of &N";
      sheet.horizontalPageBreaks.add("B30");
      sheet.horizontalPageBreaks.add("A30");
      const area = sheet.pageLayout.getPrintAreaOrNullObject().load("address");
      const rows = sheet.pageLayout.getPrintTitleRowsOrNullObject().load("address");
      const columns = sheet.pageLayout.getPrintTitleColumnsOrNullObject().load("address");
      await ctx.sync();
      expect(area.address).toBe("'Annex A'!G4:P97");
      expect(rows.address).toBe("'Annex A'!4:4");
      expect(columns.address).toBe("'Annex A'!A:C");
    });
    const page = pageStateOf(fake.state.sheet("Annex A"));
    expect(page).toMatchObject({
      orientation: "Landscape",
      zoom: { scale: null, horizontalFitToPages: 1, verticalFitToPages: 0 },
      rowBreaks: [29],
    });
    expect(page.margins.left).toBe(18);
    expect(page.headers.centerFooter).toBe("Page &P of &N");
  });

  it("gives null objects while no print area or titles are set", async () => {
    const fake = createExcelFake();
    await fake.Excel.run(async (ctx: Ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      const area = layout.getPrintAreaOrNullObject().load("address");
      const rows = layout.getPrintTitleRowsOrNullObject().load("address");
      await ctx.sync();
      expect(area.isNullObject).toBe(true);
      expect(rows.isNullObject).toBe(true);
    });
  });

  it.each([
    ["a scale under 10", (l: any) => (l.zoom = { scale: 5 })],
    ["a scale over 400", (l: any) => (l.zoom = { scale: 401 })],
    ["a scale and pages to fit", (l: any) => (l.zoom = { scale: 80, horizontalFitToPages: 1 })],
    ["a fraction of a page", (l: any) => (l.zoom = { horizontalFitToPages: 1.5 })],
    ["an unknown orientation", (l: any) => (l.orientation = "Sideways")],
    ["a negative margin", (l: any) => (l.topMargin = -1)],
    [
      "a footer over 255 characters",
      (l: any) => (l.headersFooters.defaultForAllPages.leftFooter = "x".repeat(256)),
    ],
  ])("refuses %s with InvalidArgument", async (_, set) => {
    const fake = createExcelFake();
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        set(ctx.workbook.worksheets.getItem("Sheet1").pageLayout);
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a page break before row 1", async () => {
    const fake = createExcelFake();
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").horizontalPageBreaks.add("A1");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("needs ExcelApi 1.9", async () => {
    const fake = createExcelFake({ supportedApi: "1.8" });
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        void ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
