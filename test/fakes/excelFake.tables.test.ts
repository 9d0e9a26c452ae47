/** Tables in the Excel fake: creation over filled ranges, growth, columns, names, resize, removal. */
import { createExcelFake } from "./excelFake";

type Ctx = any;

function annex() {
  const fake = createExcelFake({ sheets: ["Annex A"] });
  fake.state.sheet("Annex A").setValues("A1", [
    ["ID", "Title", "Status", "", "Status"],
    ["5.1", "Policies", "Compliant", 1, "x"],
    ["5.2", "Roles", "Non-Compliant", 2, "y"],
  ]);
  return fake;
}

const sync = (fake: ReturnType<typeof createExcelFake>, fn: (ctx: Ctx) => void) =>
  fake.Excel.run(async (ctx: Ctx) => {
    fn(ctx);
    await ctx.sync();
  });

describe("tables.add", () => {
  it("reads headers from the first row, naming blanks and repeats like Excel", async () => {
    const fake = annex();
    await fake.Excel.run(async (ctx: Ctx) => {
      const t = ctx.workbook.worksheets.getItem("Annex A").tables.add("A1:E3", true);
      t.load("name, style, showBandedRows, showFilterButton");
      const headers = t.getHeaderRowRange().load("values");
      const body = t.getDataBodyRange().load("address");
      await ctx.sync();
      expect([t.name, t.style, t.showBandedRows, t.showFilterButton]).toEqual([
        "Table1",
        "TableStyleMedium2",
        true,
        true,
      ]);
      expect(headers.values).toEqual([["ID", "Title", "Status", "Column1", "Status2"]]);
      expect(body.address).toBe("'Annex A'!A2:E3");
    });
    expect(fake.state.sheet("Annex A").tables[0]).toMatchObject({
      name: "Table1",
      address: "A1:E3",
      rowCount: 2,
      headers: ["ID", "Title", "Status", "Column1", "Status2"],
    });
  });

  it("rejects a table overlapping another one", async () => {
    const fake = annex();
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Annex A").tables.add("A1:B3", true));
    await expect(
      sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Annex A").tables.add("B2:C3", true))
    ).rejects.toMatchObject({
      code: "MergedRangeConflict",
    });
    expect(fake.state.tables).toHaveLength(1);
  });

  it("keeps one blank body row for a header-only range and inserts headers when told there are none", async () => {
    const fake = createExcelFake({ sheets: ["S"] });
    fake.state
      .sheet("S")
      .setValues("A1", [["ID", "Status"]])
      .setValues("D1", [
        [1, 2],
        [3, 4],
      ]);
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("S").tables.add("A1:B1", true);
      ctx.workbook.worksheets.getItem("S").tables.add("D1:E2", false);
    });
    const [a, b] = fake.state.sheet("S").tables;
    expect([a.address, a.rowCount]).toEqual(["A1:B2", 1]);
    expect([b.address, b.headers]).toEqual(["D1:E3", ["Column1", "Column2"]]);
    expect(fake.state.sheet("S").getValues("D2:E3")).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("accepts a sheet-qualified address on workbook.tables and lists tables", async () => {
    const fake = annex();
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.tables.add("'Annex A'!A1:C3", true).name = "AnnexA";
      const all = ctx.workbook.tables.load("items/name");
      const one = ctx.workbook.tables.getItemOrNullObject("annexa").load("name");
      const none = ctx.workbook.tables.getItemOrNullObject("Clauses");
      await ctx.sync();
      expect(all.items.map((t: { name: string }) => t.name)).toEqual(["AnnexA"]);
      expect([one.name, none.isNullObject]).toEqual(["AnnexA", true]);
    });
  });

  it("validates and de-duplicates table names", async () => {
    const fake = annex();
    fake.state.addName("Taken", "=1");
    await sync(fake, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      ws.tables.add("A1:B3", true).name = "First";
    });
    await sync(fake, (ctx) => ctx.workbook.tables.add("'Annex A'!D1:E3", true));
    const rename = (name: string) =>
      sync(fake, (ctx) => (ctx.workbook.tables.getItemAt(1).name = name));
    // A taken table name is InvalidArgument in Excel (OfficeDev/office-js#551), compared without case.
    await expect(rename("first")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(rename("TAKEN")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(rename("Has space")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(rename("A1")).rejects.toMatchObject({ code: "InvalidArgument" });
    await rename("Second");
    expect(fake.state.tables.map((t) => t.name)).toEqual(["First", "Second"]);
  });
});

describe("rows and columns", () => {
  it("appends rows below, growing the table and nothing else", async () => {
    const fake = annex();
    fake.state.sheet("Annex A").setCell("G1", "outside");
    await fake.Excel.run(async (ctx: Ctx) => {
      const t = ctx.workbook.worksheets.getItem("Annex A").tables.add("A1:C3", true);
      t.rows.add(null, [
        ["5.3", "Inventory", "Not Assessed"],
        ["5.4", "Mgmt", "Compliant"],
      ]);
      const count = t.rows.getCount();
      const range = t.getRange().load("address");
      t.rows.load("items/values");
      await ctx.sync();
      expect(count.value).toBe(4);
      expect(range.address).toBe("'Annex A'!A1:C5");
      // Seeded ids stayed text; ids written through the API became numbers, as in Excel.
      expect(t.rows.items.map((r: { values: unknown[][] }) => r.values[0][0])).toEqual([
        "5.1",
        "5.2",
        5.3,
        5.4,
      ]);
    });
    expect(fake.state.sheet("Annex A").cell("G1").value).toBe("outside");
  });

  it("fills calculated columns and extends column validation into new rows", async () => {
    const fake = createExcelFake({ sheets: ["S"] });
    const s = fake.state.sheet("S");
    s.setValues("A1", [
      ["L", "I", "Risk"],
      [2, 3, "=A2*B2"],
      [4, 5, "=A3*B3"],
    ]);
    s.addValidation("A2:A3", { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } });
    await sync(fake, (ctx) => {
      const t = ctx.workbook.worksheets.getItem("S").tables.add("A1:C3", true);
      t.rows.add(null, [[1, 1, null]]);
      t.rows.add(0, [[5, 5, null]]);
    });
    expect(s.cell("C5").formula).toBe("=A5*B5");
    expect(s.cell("C2").formula).toBe("=A2*B2");
    expect(s.getValues("A2:B2")).toEqual([[5, 5]]);
    expect(s.validations.map((v) => v.address)).toEqual(["A2:A5"]);
  });

  it("rejects rows of the wrong width, and rows that would run into data below", async () => {
    const fake = annex();
    await sync(fake, (ctx) => ctx.workbook.worksheets.getItem("Annex A").tables.add("A1:C3", true));
    await expect(
      sync(fake, (ctx) => ctx.workbook.tables.getItem("Table1").rows.add(null, [["too", "short"]]))
    ).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    fake.state.sheet("Annex A").setCell("B4", "in the way");
    await expect(
      sync(fake, (ctx) => ctx.workbook.tables.getItem("Table1").rows.add(null, [["a", "b", "c"]]))
    ).rejects.toMatchObject({
      code: "NotImplemented",
    });
  });

  it("finds columns by name and adds columns to the right", async () => {
    // columns.add into occupied cells would make Excel shift them; the fake reports that as not modelled.
    const fake = annex();
    await fake.Excel.run(async (ctx: Ctx) => {
      const t = ctx.workbook.worksheets.getItem("Annex A").tables.add("A1:E3", true);
      const status = t.columns.getItem("status").getDataBodyRange().load("address, values");
      const missing = t.columns.getItemOrNullObject("Owner");
      const added = t.columns.add(null, [["Owner"], ["CISO"], ["HR"]]);
      added.load("name, index");
      const range = t.getRange().load("address");
      await ctx.sync();
      expect([status.address, status.values]).toEqual([
        "'Annex A'!C2:C3",
        [["Compliant"], ["Non-Compliant"]],
      ]);
      expect(missing.isNullObject).toBe(true);
      expect([added.name, added.index, range.address]).toEqual(["Owner", 5, "'Annex A'!A1:F3"]);
    });
  });

  it("renames a column when its header cell is written", async () => {
    const fake = annex();
    await sync(fake, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      ws.tables.add("A1:C3", true);
      ws.getRange("C1").values = [["Status 2022"]];
      ws.getRange("B1").values = [[""]];
    });
    expect(fake.state.tables[0].headers).toEqual(["ID", "Column1", "Status 2022"]);
  });

  it("deletes and converts tables", async () => {
    const fake = annex();
    await sync(fake, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      ws.tables.add("A1:B3", true);
      ws.tables.add("D1:E3", true);
    });
    await sync(fake, (ctx) => {
      ctx.workbook.tables.getItem("Table1").delete();
      ctx.workbook.tables.getItem("Table2").convertToRange();
    });
    const s = fake.state.sheet("Annex A");
    expect(fake.state.tables).toEqual([]);
    expect(s.cell("A2").value).toBe("");
    expect(s.cell("E2").value).toBe("x");
  });

  it("inserts a column in the middle, moving cells and the formulas that point at them", async () => {
    const fake = createExcelFake({ sheets: ["S"] });
    const s = fake.state.sheet("S");
    s.setValues("A1", [
      ["L", "I", "Risk"],
      [2, 3, "=A2*B2"],
    ]);
    await sync(fake, (ctx) => {
      const t = ctx.workbook.worksheets.getItem("S").tables.add("A1:C2", true);
      t.columns.add(1, [["Owner"], ["CISO"]]);
    });
    expect(s.getValues("A1:D1")).toEqual([["L", "Owner", "I", "Risk"]]);
    expect(s.cell("D2").formula).toBe("=A2*C2");
    expect(fake.state.tables[0].headers).toEqual(["L", "Owner", "I", "Risk"]);
  });

  it("deletes rows, shifting later rows up", async () => {
    const fake = annex();
    await fake.Excel.run(async (ctx: Ctx) => {
      const t = ctx.workbook.worksheets.getItem("Annex A").tables.add("A1:C3", true);
      t.rows.add(null, [["5.3", "Inventory", "Compliant"]]);
      await ctx.sync();
      t.rows.getItemAt(0).delete();
      const body = t.getDataBodyRange().load("values");
      await ctx.sync();
      expect(body.values.map((r: unknown[]) => r[0])).toEqual(["5.2", 5.3]);
    });
    expect(fake.state.tables[0].address).toBe("A1:C3");
  });

  it("resizes within its header row only (ExcelApi 1.13)", async () => {
    const fake = createExcelFake({ supportedApi: "1.13", sheets: ["S"] });
    fake.state.sheet("S").setValues("A1", [
      ["ID", "Status", ""],
      ["1", "x", "y"],
      ["2", "z", "w"],
    ]);
    await sync(fake, (ctx) =>
      ctx.workbook.worksheets.getItem("S").tables.add("A1:B2", true).resize("A1:C3")
    );
    expect(fake.state.tables[0]).toMatchObject({
      address: "A1:C3",
      headers: ["ID", "Status", "Column1"],
    });
    await expect(
      sync(fake, (ctx) => ctx.workbook.tables.getItem("Table1").resize("A2:C3"))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
