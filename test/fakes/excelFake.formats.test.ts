/** Formats, validation, conditional formats, names, charts, freeze panes and merges in the Excel fake. */
import { createExcelFake } from "./excelFake";

type Ctx = any;

const sync = (fake: ReturnType<typeof createExcelFake>, fn: (ctx: Ctx) => void) =>
  fake.Excel.run(async (ctx: Ctx) => {
    fn(ctx);
    await ctx.sync();
  });

describe("range formats", () => {
  it("records fonts, fills, alignment and widths, and reads null when cells differ", async () => {
    const fake = createExcelFake({ sheets: ["S"] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const head = ws.getRange("A1:P1");
      head.format.font.bold = true;
      head.format.font.color = "#ffffff";
      head.format.fill.color = "Navy";
      head.format.wrapText = true;
      head.format.horizontalAlignment = "Center";
      ws.getRange("C:C").format.columnWidth = 120;
      const mixed = ws.getRange("A1:A2").format.font.load("bold");
      const fill = ws.getRange("A1").format.fill.load("color");
      const empty = ws.getRange("A2").format.fill.load("color");
      const widths = ws.getRange("B1:C1").format.load("columnWidth");
      const width = ws.getRange("C5").format.load("columnWidth");
      await ctx.sync();
      expect([mixed.bold, fill.color, empty.color, widths.columnWidth, width.columnWidth]).toEqual([
        null,
        "#000080",
        "#FFFFFF",
        null,
        120,
      ]);
    });
    const s = fake.state.sheet("S");
    expect(s.cell("P1").format).toMatchObject({
      bold: true,
      fontColor: "#FFFFFF",
      fill: "#000080",
      wrap: true,
      horizontalAlignment: "Center",
    });
    expect(s.cell("P2").format.bold).toBe(false);
    expect([s.columnWidth("C"), s.columnWidth("D")]).toEqual([120, 48]);
  });

  it("rejects bad format values", async () => {
    const fake = createExcelFake();
    const set = (fn: (r: any) => void) =>
      sync(fake, (ctx) => fn(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1")));
    await expect(set((r) => (r.format.fill.color = null))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(set((r) => (r.format.font.color = "not-a-colour"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(set((r) => (r.format.horizontalAlignment = "Middle"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  it("autofits columns to their text and clears fills", async () => {
    const fake = createExcelFake();
    fake.state.sheet("Sheet1").setCell("A1", "A fairly long control title", { fill: "#FF0000" });
    await sync(fake, (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2");
      r.format.autofitColumns();
      r.format.fill.clear();
    });
    const s = fake.state.sheet("Sheet1");
    expect(s.columnWidth("A")).toBeGreaterThan(100);
    expect(s.cell("A1").format.fill).toBeNull();
  });

  it("autofits rows to wrapped text", async () => {
    const fake = createExcelFake();
    fake.state.sheet("Sheet1").setCell("A1", "word ".repeat(40));
    await sync(fake, (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.format.wrapText = true;
      r.format.autofitRows();
    });
    expect(fake.state.sheet("Sheet1").rowHeight(1)).toBeGreaterThan(15);
    expect(fake.state.sheet("Sheet1").rowHeight(2)).toBe(15);
  });

  it("merges cells keeping the top-left value, but not inside a table", async () => {
    const fake = createExcelFake();
    fake.state.sheet("Sheet1").setValues("A1", [
      ["Title", "gone"],
      ["ID", "x"],
    ]);
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").merge());
    expect(fake.state.sheet("Sheet1").merges).toEqual(["A1:B1"]);
    expect(fake.state.sheet("Sheet1").getValues("A1:B1")).toEqual([["Title", ""]]);
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").tables.add("A2:B3", true));
    await expect(
      sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A3:B3").merge())
    ).rejects.toMatchObject({
      code: "MergedRangeConflict",
    });
  });
});

describe("data validation", () => {
  it("records list rules with their address, prompt and alert", async () => {
    const fake = createExcelFake({ sheets: ["Annex A", "Settings"] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      const status = ws.getRange("G2:G94");
      status.dataValidation.rule = {
        list: {
          inCellDropDown: true,
          source: "Compliant,Partially Compliant,Non-Compliant,Not Applicable,Not Assessed",
        },
      };
      status.dataValidation.prompt = {
        showPrompt: true,
        title: "Status",
        message: "Pick a status",
      };
      status.dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Status",
        message: "Use the list",
      };
      ws.getRange("J2:K94").dataValidation.rule = {
        wholeNumber: { formula1: 1, formula2: 5, operator: "Between" },
      };
      ws.getRange("E:E").dataValidation.rule = {
        list: {
          inCellDropDown: true,
          source: ctx.workbook.worksheets.getItem("Settings").getRange("A2:A3"),
        },
      };
      const dv = ws.getRange("G10").dataValidation.load("rule, type, prompt");
      const none = ws.getRange("A1").dataValidation.load("type, rule");
      const mixed = ws.getRange("G1:G2").dataValidation.load("type");
      await ctx.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule.list.source).toMatch(/^Compliant,/);
      expect(dv.prompt).toEqual({ showPrompt: true, title: "Status", message: "Pick a status" });
      expect([none.type, none.rule, mixed.type]).toEqual(["None", null, "Inconsistent"]);
    });
    expect(fake.state.sheet("Annex A").validations).toEqual([
      {
        address: "G2:G94",
        type: "List",
        rule: {
          list: {
            inCellDropDown: true,
            source: "Compliant,Partially Compliant,Non-Compliant,Not Applicable,Not Assessed",
          },
        },
        prompt: { showPrompt: true, title: "Status", message: "Pick a status" },
        errorAlert: { showAlert: true, style: "Stop", title: "Status", message: "Use the list" },
        ignoreBlanks: true,
      },
      expect.objectContaining({ address: "J2:K94", type: "WholeNumber" }),
      expect.objectContaining({
        address: "E:E",
        rule: { list: { inCellDropDown: true, source: "=Settings!$A$2:$A$3" } },
      }),
    ]);
  });

  it("replaces what a new rule covers and clears", async () => {
    const fake = createExcelFake();
    await sync(fake, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A10").dataValidation.rule = {
        list: { inCellDropDown: true, source: "Yes,No" },
      };
      ws.getRange("A5").dataValidation.rule = { custom: { formula: "=LEN(A5)<5" } };
      ws.getRange("A10").dataValidation.clear();
    });
    expect(fake.state.sheet("Sheet1").validations.map((v) => [v.address, v.type])).toEqual([
      ["A1:A4", "List"],
      ["A6:A9", "List"],
      ["A5", "Custom"],
    ]);
  });

  it("rejects malformed rules and over-long literal lists", async () => {
    const fake = createExcelFake();
    const rule = (r: unknown) =>
      sync(
        fake,
        (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = r)
      );
    await expect(
      rule({ list: { inCellDropDown: true, source: "x,".repeat(200) } })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(rule({ wholeNumber: { formula1: 1, operator: "Between" } })).rejects.toMatchObject(
      { code: "InvalidArgument" }
    );
    await expect(
      rule({ wholeNumber: { formula1: 1, operator: "Sideways" } })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(rule({})).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("conditional formats", () => {
  it("records custom, data bar, cell value and colour scale rules with addresses and priority", async () => {
    const fake = createExcelFake({ sheets: ["Annex A"] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      const cf = ws
        .getRange("A2:P94")
        .conditionalFormats.add(fake.Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$G2="Non-Compliant"';
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      cf.custom.format.font.bold = true;
      cf.stopIfTrue = true;
      const bar = ws.getRange("O2:O94").conditionalFormats.add("DataBar");
      bar.dataBar.barDirection = "LeftToRight";
      bar.dataBar.positiveFormat.fillColor = "#638EC6";
      const cell = ws.getRange("M2:M94").conditionalFormats.add("CellValue");
      cell.cellValue.rule = { formula1: "=20", operator: "GreaterThanOrEqual" };
      cell.cellValue.format.fill.color = "red";
      ws.getRange("L2:L94").conditionalFormats.add("ColorScale");
      const count = ws.getRange("A2").conditionalFormats.getCount();
      const items = ws.getRange("O5").conditionalFormats.load("items/type, items/priority");
      await ctx.sync();
      expect(count.value).toBe(1);
      expect(
        items.items.map((i: { type: string; priority: number }) => [i.type, i.priority])
      ).toEqual([
        ["DataBar", 2],
        ["Custom", 3],
      ]);
    });
    const cfs = fake.state.sheet("Annex A").conditionalFormats;
    expect(cfs.map((c) => [c.type, c.address, c.priority])).toEqual([
      ["ColorScale", "L2:L94", 0],
      ["CellValue", "M2:M94", 1],
      ["DataBar", "O2:O94", 2],
      ["Custom", "A2:P94", 3],
    ]);
    expect(cfs[3]).toMatchObject({
      formula: '=$G2="Non-Compliant"',
      stopIfTrue: true,
      format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
    });
    expect(cfs[2].dataBar).toMatchObject({
      barDirection: "LeftToRight",
      positiveFormat: { fillColor: "#638EC6" },
    });
    expect(cfs[1]).toMatchObject({
      rule: { formula1: "=20", operator: "GreaterThanOrEqual" },
      format: { fill: "#FF0000" },
    });
    expect(cfs[0].colorScale).toMatchObject({ minimum: { type: "LowestValue" } });
  });

  it("fails on the wrong rule object, gives null objects for the OrNullObject variant, and clears", async () => {
    const fake = createExcelFake();
    await expect(
      sync(fake, (ctx) => {
        const cf = ctx.workbook.worksheets
          .getItem("Sheet1")
          .getRange("A1:A9")
          .conditionalFormats.add("DataBar");
        cf.custom.rule.formula = "=TRUE";
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await fake.Excel.run(async (ctx: Ctx) => {
      const cfs = ctx.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1")
        .conditionalFormats.load("items");
      await ctx.sync();
      const custom = cfs.items[0].customOrNullObject;
      await ctx.sync();
      expect(custom.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A4").conditionalFormats.clearAll();
    });
    expect(fake.state.sheet("Sheet1").conditionalFormats.map((c) => c.address)).toEqual(["A5:A9"]);
  });
});

describe("names", () => {
  it("adds names from ranges and formulas, reads them back, rejects duplicates", async () => {
    const fake = createExcelFake({ sheets: ["Settings", "Summary"] });
    fake.state.sheet("Settings").setCell("B5", 0.5);
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.names.add(
        "Weight_Partial",
        ctx.workbook.worksheets.getItem("Settings").getRange("B5")
      );
      ctx.workbook.names.add(
        "Compliance_Overall",
        "=IFERROR(SUM(Summary!B2:B3)/2,0)",
        "fraction 0-1"
      );
      const item = ctx.workbook.names.getItem("weight_partial").load("name, formula, value, type");
      const range = ctx.workbook.names.getItem("Weight_Partial").getRange().load("values");
      const missing = ctx.workbook.names.getItemOrNullObject("Nope");
      const all = ctx.workbook.names.load("items/name");
      await ctx.sync();
      expect([item.name, item.formula, item.value, item.type]).toEqual([
        "Weight_Partial",
        "=Settings!$B$5",
        "Settings!$B$5",
        "Range",
      ]);
      expect(range.values).toEqual([[0.5]]);
      expect(missing.isNullObject).toBe(true);
      expect(all.items.map((n: { name: string }) => n.name)).toEqual([
        "Weight_Partial",
        "Compliance_Overall",
      ]);
    });
    expect(fake.state.names).toEqual({
      Weight_Partial: "=Settings!$B$5",
      Compliance_Overall: "=IFERROR(SUM(Summary!B2:B3)/2,0)",
    });
    await expect(
      sync(fake, (ctx) => ctx.workbook.names.add("WEIGHT_PARTIAL", "=1"))
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      sync(fake, (ctx) => ctx.workbook.names.add("Bad Name", "=1"))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(sync(fake, (ctx) => ctx.workbook.names.add("C1", "=1"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await fake.Excel.run(async (ctx: Ctx) => {
      const computed = ctx.workbook.names.getItem("Compliance_Overall").load("type, comment");
      const constant = ctx.workbook.names.add("Target", "=0.8").load("type, value");
      await ctx.sync();
      expect([computed.comment, constant.type, constant.value]).toEqual([
        "fraction 0-1",
        "Double",
        0.8,
      ]);
      constant.delete();
    });
    await sync(fake, (ctx) => ctx.workbook.names.getItem("Compliance_Overall").delete());
    expect(Object.keys(fake.state.names)).toEqual(["Weight_Partial"]);
  });
});

describe("charts, freeze panes", () => {
  it("records charts with type, source, title and position", async () => {
    const fake = createExcelFake({ sheets: ["Summary"] });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Summary");
      const chart = ws.charts.add(
        fake.Excel.ChartType.barClustered,
        ws.getRange("A1:B8"),
        fake.Excel.ChartSeriesBy.columns
      );
      chart.name = "ComplianceByClause";
      chart.title.text = "Compliance by clause";
      chart.setPosition("D2", "K20");
      const found = ws.charts.getItemOrNullObject("ComplianceByClause").load("name, chartType");
      const gone = ws.charts.getItemOrNullObject("Chart 9");
      await ctx.sync();
      expect([found.name, found.chartType, gone.isNullObject]).toEqual([
        "ComplianceByClause",
        "BarClustered",
        true,
      ]);
    });
    expect(fake.state.sheet("Summary").charts).toEqual([
      {
        name: "ComplianceByClause",
        type: "BarClustered",
        source: "Summary!A1:B8",
        seriesBy: "Columns",
        title: "Compliance by clause",
        titleVisible: true,
        start: "D2",
        end: "K20",
      },
    ]);
    await sync(fake, (ctx) =>
      ctx.workbook.worksheets.getItem("Summary").charts.getItem("ComplianceByClause").delete()
    );
    expect(fake.state.sheet("Summary").charts).toEqual([]);
  });

  it("freezes rows, cells and unfreezes", async () => {
    const fake = createExcelFake();
    const s = fake.state.sheet("Sheet1");
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(1));
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    await fake.Excel.run(async (ctx: Ctx) => {
      const panes = ctx.workbook.worksheets.getItem("Sheet1").freezePanes;
      panes.freezeAt("A1:B1");
      const where = panes.getLocationOrNullObject().load("address");
      await ctx.sync();
      expect(where.address).toBe("Sheet1!A1:B1");
    });
    expect(s.freeze).toEqual({ rows: 1, columns: 2 });
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").freezePanes.unfreeze());
    expect(s.freeze).toEqual({ rows: 0, columns: 0 });
  });
});
