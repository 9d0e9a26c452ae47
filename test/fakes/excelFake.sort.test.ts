/** Table.sort in the Excel fake: Excel's default order, whole rows moving with what they carry. */
import { createExcelFake } from "./excelFake";

type Ctx = any;
type Fake = ReturnType<typeof createExcelFake>;

const sync = (fake: Fake, fn: (ctx: Ctx) => void) =>
  fake.Excel.run(async (ctx: Ctx) => {
    fn(ctx);
    await ctx.sync();
  });

async function plan(rows: (string | number | boolean | null)[][]): Promise<Fake> {
  const fake = createExcelFake({ sheets: ["Plan"] });
  fake.state.sheet("Plan").setValues("A1", [["ID", "Score", "Note"], ...rows]);
  await sync(fake, (ctx) => {
    ctx.workbook.worksheets.getItem("Plan").tables.add(`A1:C${rows.length + 1}`, true).name =
      "Plan";
  });
  return fake;
}

const ids = (fake: Fake, n: number): unknown[] =>
  fake.state
    .sheet("Plan")
    .getValues(`A2:A${n + 1}`)
    .map((r: unknown[]) => r[0]);

describe("Table.sort.apply", () => {
  it("orders numbers, text, booleans, errors, then blanks; descending keeps blanks last", async () => {
    const rows = [
      ["blank", null, ""],
      ["text", "b", ""],
      ["TRUE", true, ""],
      ["ten", 10, ""],
      ["error", "#N/A", ""],
      ["Text", "A", ""],
      ["two", 2, ""],
    ];
    const fake = await plan(rows);
    await sync(fake, (ctx) => ctx.workbook.tables.getItem("Plan").sort.apply([{ key: 1 }]));
    expect(ids(fake, 7)).toEqual(["two", "ten", "Text", "text", "TRUE", "error", "blank"]);
    await sync(fake, (ctx) =>
      ctx.workbook.tables.getItem("Plan").sort.apply([{ key: 1, ascending: false }])
    );
    expect(ids(fake, 7)).toEqual(["error", "TRUE", "text", "Text", "ten", "two", "blank"]);
  });

  it("compares text without case unless matchCase, and keeps equal rows in their order", async () => {
    const fake = await plan([
      ["1", "b", ""],
      ["2", "B", ""],
      ["3", "a", ""],
      ["4", "b", ""],
    ]);
    await sync(fake, (ctx) => ctx.workbook.tables.getItem("Plan").sort.apply([{ key: 1 }]));
    expect(ids(fake, 4)).toEqual(["3", "1", "2", "4"]);
    await sync(fake, (ctx) => ctx.workbook.tables.getItem("Plan").sort.apply([{ key: 1 }], true));
    // Ordinal comparison with case: upper case first.
    expect(ids(fake, 4)).toEqual(["2", "3", "1", "4"]);
  });

  it("sorts by several fields and reports the last sort", async () => {
    const fake = await plan([
      ["a", 1, "y"],
      ["b", 2, "x"],
      ["c", 1, "x"],
    ]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const sort = ctx.workbook.tables.getItem("Plan").sort;
      sort.apply([
        { key: 1, ascending: false },
        { key: 2, ascending: true },
      ]);
      sort.load("fields, matchCase");
      await ctx.sync();
      expect(sort.fields).toEqual([
        { key: 1, ascending: false },
        { key: 2, ascending: true },
      ]);
      expect(sort.matchCase).toBe(false);
    });
    expect(ids(fake, 3)).toEqual(["b", "c", "a"]);
  });

  it("moves whole rows with values, formulas, formats and hyperlinks; cells outside stay", async () => {
    const fake = await plan([
      ["late", 3, "x"],
      ["early", 1, "y"],
    ]);
    const s = fake.state.sheet("Plan");
    s.setCell("C2", "see folder", { bold: true, fill: "#FFFF00" }).setHyperlink("C2", {
      address: "https://example.com/late",
    });
    s.setCell("D2", "beside the table");
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("Plan").getRange("B3").formulas = [["=1+A$1&B2"]];
    });
    await sync(fake, (ctx) => ctx.workbook.tables.getItem("Plan").sort.apply([{ key: 0 }]));
    expect(ids(fake, 2)).toEqual(["early", "late"]);
    expect(s.cell("C3")).toMatchObject({
      value: "see folder",
      hyperlink: { address: "https://example.com/late" },
      format: { bold: true, fill: "#FFFF00" },
    });
    expect(s.cell("C2")).toMatchObject({ value: "y", hyperlink: null, format: { bold: false } });
    // A moved formula is as if copied to its new row: relative references follow.
    expect(s.cell("B2").formula).toBe("=1+A$1&B1");
    expect(s.cell("D2").value).toBe("beside the table");
  });

  it("fails on a key outside the table, on a protected sheet, and for colour sorts", async () => {
    const fake = await plan([["a", 1, ""]]);
    const attempt = (fields: unknown) =>
      sync(fake, (ctx) => ctx.workbook.tables.getItem("Plan").sort.apply(fields));
    await expect(attempt([{ key: 3 }])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt([])).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(attempt([{ key: 0, sortOn: "CellColor" }])).rejects.toMatchObject({
      code: "NotImplemented",
    });
    fake.state.sheet("Plan").protect();
    await expect(attempt([{ key: 0 }])).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("needs ExcelApi 1.2", async () => {
    const fake = createExcelFake({ sheets: ["Plan"], supportedApi: "1.1" });
    fake.state.sheet("Plan").setValues("A1", [["ID"], ["a"]]);
    await sync(fake, (ctx) => {
      ctx.workbook.worksheets.getItem("Plan").tables.add("A1:A2", true).name = "Plan";
    });
    await expect(
      sync(fake, (ctx) => ctx.workbook.tables.getItem("Plan").sort.apply([{ key: 0 }]))
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
