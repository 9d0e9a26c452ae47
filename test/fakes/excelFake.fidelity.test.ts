/** Where the Excel fake fails (or rewrites) as Excel does: table references, names, links, calculated columns, merges, bytes. */
import { ExcelFake, createExcelFake } from "./excelFake";

type Ctx = any;

const sync = (fake: ExcelFake, fn: (ctx: Ctx) => void) =>
  fake.Excel.run(async (ctx: Ctx) => {
    fn(ctx);
    await ctx.sync();
  });

/** 'Annex A' with table AnnexA over E4:H7 (ID, Title, Status, Gap) and an empty 'Summary'. */
async function annexWorkbook(): Promise<ExcelFake> {
  const fake = createExcelFake({ sheets: ["Annex A", "Summary"] });
  fake.state.sheet("Annex A").setValues("E4", [
    ["ID", "Title", "Status", "Gap"],
    ["5.1", "Policies", "Compliant", ""],
    ["5.2", "Roles", "Non-Compliant", ""],
    ["5.3", "Duties", "Compliant", ""],
  ]);
  await sync(fake, (ctx) => {
    ctx.workbook.worksheets.getItem("Annex A").tables.add("E4:H7", true).name = "AnnexA";
  });
  return fake;
}

describe("Table.convertToRange rewrites references to the table", () => {
  it("turns every structured reference into A1 references, in cells, names and rules, and keeps the cells", async () => {
    const fake = await annexWorkbook();
    const annex = fake.state.sheet("Annex A");
    annex.setCell("F5", "Policies", { bold: true, fill: "#FFFF00" });
    fake.state.sheet("Summary").addValidation("C2", { list: { source: "=AnnexA[Status]" } });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      ws.getRange("H5:H7").formulas = [
        ['=IF([@Status]="Compliant",0,1)'],
        ['=IF([@Status]="Compliant",0,1)'],
        ['=IF([@Status]="Compliant",0,1)'],
      ];
      ws.getRange("J5").formulas = [["=AnnexA[[#This Row],[Status]]"]];
      const summary = ctx.workbook.worksheets.getItem("Summary");
      summary.getRange("B2:B9").formulas = [
        ['=COUNTIFS(AnnexA[Status],"Compliant")'],
        ["=ROWS(AnnexA[#All])"],
        ["=INDEX(AnnexA[#Headers],1,3)"],
        ["=COUNTA(AnnexA[#Data])"],
        ["=AnnexA[[#Headers],[Status]]"],
        ["=COUNTA(AnnexA[[ID]:[Status]])"],
        ['=IF(A1="AnnexA[Status]",1,0)'],
        ["=SUM(annexa[GAP])"],
      ];
      const cf = summary.getRange("B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=B2<COUNTA(AnnexA[Status])";
      ctx.workbook.names.add("Compliant_Count", '=COUNTIFS(AnnexA[Status],"Compliant")');
      await ctx.sync();
      ctx.workbook.tables.getItem("AnnexA").convertToRange();
      await ctx.sync();
    });
    expect(fake.state.tables).toEqual([]);
    expect([annex.cell("H5").formula, annex.cell("H7").formula]).toEqual([
      '=IF($G5="Compliant",0,1)',
      '=IF($G7="Compliant",0,1)',
    ]);
    expect(annex.cell("J5").formula).toBe("=$G5");
    const summaryFormulas = ["B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9"].map(
      (a) => fake.state.sheet("Summary").cell(a).formula
    );
    expect(summaryFormulas).toEqual([
      "=COUNTIFS('Annex A'!$G$5:$G$7,\"Compliant\")",
      "=ROWS('Annex A'!$E$4:$H$7)",
      "=INDEX('Annex A'!$E$4:$H$4,1,3)",
      "=COUNTA('Annex A'!$E$5:$H$7)",
      "='Annex A'!$G$4",
      "=COUNTA('Annex A'!$E$5:$G$7)",
      '=IF(A1="AnnexA[Status]",1,0)',
      "=SUM('Annex A'!$H$5:$H$7)",
    ]);
    expect(fake.state.names.Compliant_Count).toBe("=COUNTIFS('Annex A'!$G$5:$G$7,\"Compliant\")");
    expect(fake.state.sheet("Summary").validations[0].rule).toEqual({
      list: { source: "='Annex A'!$G$5:$G$7" },
    });
    expect(fake.state.sheet("Summary").conditionalFormats[0].formula).toBe(
      "=B2<COUNTA('Annex A'!$G$5:$G$7)"
    );
    // Values and formats stay.
    expect(annex.getValues("E4:G5")).toEqual([
      ["ID", "Title", "Status"],
      ["5.1", "Policies", "Compliant"],
    ]);
    expect(annex.cell("F5").format).toMatchObject({ bold: true, fill: "#FFFF00" });
  });

  it("leaves references to other tables alone", async () => {
    const fake = await annexWorkbook();
    fake.state.sheet("Summary").setValues("A1", [["Owner"], ["CISO"]]);
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("Summary").tables.add("A1:A2", true).name = "Owners";
      ctx.workbook.worksheets.getItem("Summary").getRange("C1").formulas = [
        ["=COUNTA(Owners[Owner])+COUNTA(AnnexA[ID])"],
      ];
      ctx.workbook.tables.getItem("AnnexA").convertToRange();
    });
    expect(fake.state.sheet("Summary").cell("C1").formula).toBe(
      "=COUNTA(Owners[Owner])+COUNTA('Annex A'!$E$5:$E$7)"
    );
    expect(fake.state.tables.map((t) => t.name)).toEqual(["Owners"]);
  });

  it("turns references into #REF! when the table is deleted, and follows a renamed table or column", async () => {
    const fake = await annexWorkbook();
    const summary = fake.state.sheet("Summary");
    await sync(fake, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Summary");
      ws.getRange("A1:A2").formulas = [
        ['=COUNTIFS(AnnexA[Status],"Compliant")'],
        ["=AnnexA[[#Headers],[Title]]"],
      ];
      ctx.workbook.tables.getItem("AnnexA").name = "Controls";
      ctx.workbook.worksheets.getItem("Annex A").getRange("G4").values = [["State"]];
    });
    expect([summary.cell("A1").formula, summary.cell("A2").formula]).toEqual([
      '=COUNTIFS(Controls[State],"Compliant")',
      "=Controls[[#Headers],[Title]]",
    ]);
    await sync(fake, (ctx) => ctx.workbook.tables.getItem("Controls").delete());
    expect([summary.cell("A1").formula, summary.cell("A2").formula]).toEqual([
      '=COUNTIFS(#REF!,"Compliant")',
      "=#REF!",
    ]);
  });
});

describe("formulas naming a missing table or column", () => {
  it("fail at sync with InvalidArgument, like Excel refusing the formula; earlier operations stay applied", async () => {
    const fake = await annexWorkbook();
    const write = (formula: string) =>
      sync(fake, (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Summary");
        ws.getRange("A1").values = [["before"]];
        ws.getRange("B1").formulas = [[formula]];
        ws.getRange("C1").values = [["after"]];
      });
    for (const bad of [
      '=COUNTIFS(Clauses[Status],"Compliant")',
      '=COUNTIFS(AnnexA[Owner],"CISO")',
      "=AnnexA[[#This Row],[Nope]]",
      "=[@Status]",
      "=AnnexA[[Status],[ID]]",
    ]) {
      await expect(write(bad)).rejects.toMatchObject({
        code: "InvalidArgument",
        debugInfo: { errorLocation: "Range.formulas" },
      });
    }
    const summary = fake.state.sheet("Summary");
    expect([
      summary.cell("A1").value,
      summary.cell("B1").formula,
      summary.cell("C1").value,
    ]).toEqual(["before", null, ""]);
    // Names are case-insensitive; text in a string literal or behind an apostrophe is not a reference.
    await write('=COUNTIFS(annexa[STATUS],"Compliant")+LEN("Clauses[Status]")');
    await write("'=Clauses[Status]");
    expect(summary.cell("B1").value).toBe("=Clauses[Status]");
  });

  it("fail for defined names and validation list sources too", async () => {
    const fake = await annexWorkbook();
    await expect(
      sync(fake, (ctx) => ctx.workbook.names.add("Open_Items", "=COUNTA(Remediation[ID])"))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await sync(fake, (ctx) => ctx.workbook.names.add("Open_Items", "=COUNTA(AnnexA[ID])"));
    await expect(
      sync(fake, (ctx) => (ctx.workbook.names.getItem("Open_Items").formula = "=Plan[ID]"))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      sync(
        fake,
        (ctx) =>
          (ctx.workbook.worksheets.getItem("Summary").getRange("C2").dataValidation.rule = {
            list: { inCellDropDown: true, source: "=Statuses[Status]" },
          })
      )
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.state.names).toEqual({ Open_Items: "=COUNTA(AnnexA[ID])" });
    expect(fake.state.sheet("Summary").validations).toEqual([]);
  });

  it("accept [@Column] inside the table and in rows added to it", async () => {
    const fake = await annexWorkbook();
    await sync(fake, (ctx) => {
      const t = ctx.workbook.tables.getItem("AnnexA");
      ctx.workbook.worksheets.getItem("Annex A").getRange("H5").formulas = [['=[@Status]&"!"']];
      t.rows.add(null, [["5.4", "Screening", "Compliant", '=[@Status]&"?"']]);
    });
    expect(fake.state.sheet("Annex A").cell("H8").formula).toBe('=[@Status]&"?"');
  });
});

describe("hyperlinks and Range.clear", () => {
  it("sets, reads and seeds hyperlinks per cell", async () => {
    const fake = createExcelFake({ sheets: ["Annex A"] });
    const s = fake.state.sheet("Annex A");
    s.setCell("B6", "Policy folder").setHyperlink("B6", {
      address: "https://intranet.example/policies",
      screenTip: "Open",
    });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      ws.getRange("B5").hyperlink = {
        address: "https://intranet.example/evidence/5.1",
        textToDisplay: "Evidence 5.1",
        screenTip: "Open the evidence",
      };
      const b5 = ws.getRange("B5").load("hyperlink, values");
      const b6 = ws.getRange("B6").load("hyperlink");
      const none = ws.getRange("B7").load("hyperlink");
      await ctx.sync();
      expect(b5.hyperlink).toEqual({
        address: "https://intranet.example/evidence/5.1",
        textToDisplay: "Evidence 5.1",
        screenTip: "Open the evidence",
      });
      expect(b5.values).toEqual([["Evidence 5.1"]]);
      expect(b6.hyperlink).toEqual({
        address: "https://intranet.example/policies",
        screenTip: "Open",
      });
      expect(none.hyperlink).toBeNull();
    });
    expect(s.cell("B5").hyperlink?.address).toBe("https://intranet.example/evidence/5.1");
    expect(s.cell("B5").format.fontColor).toBe("#0563C1");
    await expect(
      sync(
        fake,
        (ctx) => (ctx.workbook.worksheets.getItem("Annex A").getRange("B8").hyperlink = {})
      )
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("clear() and clear('All') remove values, formats and hyperlinks; Contents and Formats keep the rest", async () => {
    const fake = createExcelFake();
    const s = fake.state.sheet("Sheet1");
    const link = { address: "https://intranet.example/e" };
    for (const a of ["A1", "A2", "A3", "A4", "A5"])
      s.setCell(a, `text ${a}`, { bold: true, fill: "#FFFF00" }).setHyperlink(a, link);
    await sync(fake, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").clear();
      ws.getRange("A2").clear("All");
      ws.getRange("A3").clear("Contents");
      ws.getRange("A4").clear("Formats");
      ws.getRange("A5").clear("Hyperlinks");
    });
    const state = (a: string) => [
      s.cell(a).value,
      s.cell(a).format.bold,
      s.cell(a).format.fill,
      s.cell(a).hyperlink !== null,
    ];
    expect(state("A1")).toEqual(["", false, null, false]);
    expect(state("A2")).toEqual(["", false, null, false]);
    expect(state("A3")).toEqual(["", true, "#FFFF00", true]);
    expect(state("A4")).toEqual(["text A4", false, null, true]);
    expect(state("A5")).toEqual(["text A5", true, "#FFFF00", false]);
  });

  it("clears borders with the formats", async () => {
    const fake = createExcelFake();
    await fake.Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      r.format.borders.getItem("EdgeBottom").style = "Continuous";
      await ctx.sync();
      r.clear("Formats");
      const border = r.format.borders.getItem("EdgeBottom").load("style");
      await ctx.sync();
      expect(border.style).toBe("None");
    });
  });
});

describe("names are case-insensitive", () => {
  it("finds, refuses and deletes defined names whatever their case", async () => {
    const fake = createExcelFake({ sheets: ["Settings"] });
    fake.state.addName("Status_List", "=Settings!$A$1:$A$5");
    expect(() => fake.state.addName("STATUS_LIST", "=1")).toThrow(/case-insensitive/);
    await expect(
      sync(fake, (ctx) => ctx.workbook.names.add("status_list", "=Settings!$B$1"))
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await fake.Excel.run(async (ctx: Ctx) => {
      const item = ctx.workbook.names.getItem("STATUS_LIST").load("name, formula");
      await ctx.sync();
      expect([item.name, item.formula]).toEqual(["Status_List", "=Settings!$A$1:$A$5"]);
      ctx.workbook.names.getItem("status_list").delete();
      await ctx.sync();
    });
    expect(fake.state.names).toEqual({});
  });

  it("keeps table names unique across the workbook and apart from defined names", async () => {
    const fake = await annexWorkbook();
    fake.state.addName("Team_Names", "=1");
    fake.state.sheet("Summary").setValues("A1", [["Owner"], ["CISO"]]);
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Summary").tables.add("A1:A2", true));
    const nameTable = (name: string) =>
      sync(
        fake,
        (ctx) => (ctx.workbook.worksheets.getItem("Summary").tables.getItemAt(0).name = name)
      );
    await expect(nameTable("ANNEXA")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(nameTable("team_names")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(sync(fake, (ctx) => ctx.workbook.names.add("annexa", "=1"))).rejects.toMatchObject(
      { code: "ItemAlreadyExists" }
    );
    await nameTable("Owners");
    expect(fake.state.tables.map((t) => t.name)).toEqual(["AnnexA", "Owners"]);
  });

  it("treats sheet names the same way", async () => {
    const fake = createExcelFake({ sheets: ["Annex A"] });
    await expect(sync(fake, (ctx) => ctx.workbook.worksheets.add("ANNEX A"))).rejects.toMatchObject(
      { code: "ItemAlreadyExists" }
    );
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("annex a").load("name");
      await ctx.sync();
      expect(ws.name).toBe("Annex A");
    });
  });
});

describe("calculated columns", () => {
  async function riskTable(): Promise<ExcelFake> {
    const fake = createExcelFake({ sheets: ["Risks"] });
    fake.state.sheet("Risks").setValues("A1", [
      ["L", "I", "Score"],
      [2, 3, ""],
      [4, 5, ""],
    ]);
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("Risks").tables.add("A1:C3", true).name = "Risks";
    });
    return fake;
  }

  it("makes a column calculated when its whole body gets one formula, and fills it into added rows", async () => {
    const fake = await riskTable();
    const s = fake.state.sheet("Risks");
    expect(s.tables[0].columns[2]).toEqual({ name: "Score", formula: null });
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("Risks").getRange("C2:C3").formulas = [
        ["=Risks[[#This Row],[L]]*Risks[[#This Row],[I]]"],
        ["=Risks[[#This Row],[L]]*Risks[[#This Row],[I]]"],
      ];
      ctx.workbook.worksheets.getItem("Risks").getRange("D2:D3").formulas = [["=A2"], ["=A3"]];
    });
    expect(s.tables[0].columns[2].formula).toBe("=Risks[[#This Row],[L]]*Risks[[#This Row],[I]]");
    await sync(fake, (ctx) => ctx.workbook.tables.getItem("Risks").rows.add(null, [[1, 1, 99]]));
    // The value passed for the calculated column is replaced by its formula, as in Excel.
    expect(s.cell("C4").formula).toBe("=Risks[[#This Row],[L]]*Risks[[#This Row],[I]]");
    expect(s.getValues("A4:B4")).toEqual([[1, 1]]);
  });

  it("shifts A1 formulas to the new row, keeps exceptions, and ends when constants replace the column", async () => {
    const fake = await riskTable();
    const s = fake.state.sheet("Risks");
    await sync(fake, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Risks");
      ws.getRange("C2:C3").formulas = [["=A2*B2"], ["=A3*B3"]];
      ws.getRange("C3").values = [[7]];
      ctx.workbook.tables.getItem("Risks").rows.add(null, [[5, 5, null]]);
    });
    expect(s.tables[0].columns[2].formula).toBe("=A2*B2");
    expect([s.cell("C3").value, s.cell("C4").formula]).toEqual([7, "=A4*B4"]);
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("Risks").getRange("C2:C4").values = [[1], [2], [3]];
      ctx.workbook.tables.getItem("Risks").rows.add(null, [[1, 1, 42]]);
    });
    expect(s.tables[0].columns[2].formula).toBeNull();
    expect(s.cell("C5").value).toBe(42);
  });

  it("fills the formula into rows a resized table grows into (ExcelApi 1.13)", async () => {
    const fake = createExcelFake({ supportedApi: "1.13", sheets: ["Risks"] });
    fake.state.sheet("Risks").setValues("A1", [
      ["L", "I", "Score"],
      [2, 3, "=A2*B2"],
      [4, 5, "=A3*B3"],
      [1, 2, ""],
    ]);
    await sync(fake, (ctx) => {
      const t = ctx.workbook.worksheets.getItem("Risks").tables.add("A1:C3", true);
      t.resize("A1:C4");
    });
    expect(fake.state.sheet("Risks").cell("C4").formula).toBe("=A4*B4");
  });
});

describe("merged cells and tables", () => {
  it("fail with MergedRangeConflict and Microsoft's message", async () => {
    const fake = createExcelFake();
    const s = fake.state.sheet("Sheet1");
    s.setValues("A1", [
      ["ID", "Status"],
      ["1", "x"],
    ]).merge("A3:B3");
    await expect(
      sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true))
    ).rejects.toMatchObject({
      code: "MergedRangeConflict",
      message: expect.stringContaining(
        "A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map."
      ),
    });
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true));
    await expect(
      sync(fake, (ctx) => ctx.workbook.tables.getItem("Table1").rows.add(null, [["2", "y"]]))
    ).rejects.toMatchObject({ code: "MergedRangeConflict" });
    await expect(
      sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").merge())
    ).rejects.toMatchObject({ code: "MergedRangeConflict" });
  });
});

describe("payload in UTF-8 bytes", () => {
  // 3 bytes per character in UTF-8: the size Excel on the web counts against its 5 MB limit.
  const japanese = (n: number) => "管理策の実施状況を確認済み".repeat(n).slice(0, n);

  it("counts 6,000 rows of Japanese text at about three bytes per character", async () => {
    const fake = createExcelFake();
    const data = Array.from({ length: 6000 }, () => [japanese(100)]);
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = data;
    });
    const chars = JSON.stringify(data).length;
    expect(fake.stats.maxSyncPayloadBytes / chars).toBeGreaterThan(2.8);
    expect(fake.stats.maxSyncPayloadBytes / chars).toBeLessThan(3.1);
    expect(fake.state.sheet("Sheet1").cell("A6000").value).toBe(japanese(100));
  });

  it("refuses a request over 5 MB in bytes though under 5 million characters", async () => {
    const fake = createExcelFake();
    const data = Array.from({ length: 6000 }, () => [japanese(300)]);
    expect(JSON.stringify(data).length).toBeLessThan(5 * 1024 * 1024);
    await expect(
      sync(fake, (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = data;
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.stats.maxSyncPayloadBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.state.sheet("Sheet1").usedRange()).toBeNull();
  });
});
