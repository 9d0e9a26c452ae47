// Reading through Office.js: one sync for a normal workbook; a used range whose answer would pass
// Excel's 5 MB response limit is read in row slices instead of failing.
import { createExcelFake } from "../fakes/excelFake";
import { readWorkbook } from "../../src/excel/readSnapshots";

describe("readWorkbook", () => {
  it("reads values, text and formulas of several sheets in one sync", async () => {
    const fake = createExcelFake({ sheets: ["Annex A", "Other"] });
    fake.install();
    fake.state.sheet("Annex A").setValues("B3", [
      ["ID", "Status"],
      ["5.10", "Compliant"],
      ["=1+1", null],
    ]);
    const read: Awaited<ReturnType<typeof readWorkbook>> = await fake.Excel.run(
      (c: Excel.RequestContext) => readWorkbook(c, ["Annex A", "Missing"])
    );
    expect(fake.stats.syncs).toBe(1);
    expect(read.sheets.map((s) => [s.name, s.exists])).toEqual([
      ["Annex A", true],
      ["Missing", false],
    ]);
    const [snap] = read.snapshots;
    expect(snap.origin).toEqual({ row: 2, col: 1 });
    expect(snap.values[1]).toEqual(["5.10", "Compliant"]);
    expect(snap.formulas[2][0]).toBe("=1+1");
    expect(snap.formulas[1][0]).toBeNull();
  });

  it("falls back to row slices when the answer is larger than 5 MB, and loses no row", async () => {
    const fake = createExcelFake({ sheets: ["Annex A"] });
    fake.install();
    const long = "x".repeat(400);
    const rows = Array.from({ length: 6000 }, (_, i) => [`R${i}`, long, long, i]);
    fake.state.sheet("Annex A").setValues("A1", rows);
    const read = await fake.Excel.run((c: Excel.RequestContext) => readWorkbook(c, ["Annex A"]));
    const [snap] = read.snapshots;
    expect(snap.values).toHaveLength(6000);
    expect(snap.values[5999]).toEqual(["R5999", long, long, 5999]);
    expect(snap.text[3000][0]).toBe("R3000");
    expect(fake.stats.syncs).toBeGreaterThan(2);
    expect(fake.stats.syncs).toBeLessThan(12);
  });
});

describe("asWritten", () => {
  it.each([
    ["5.10", "'5.10"],
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ["+1", "'+1"],
    ["-x", "'-x"],
    ["@SUM(1)", "'@SUM(1)"],
    ["1/2", "'1/2"],
    ["TRUE", "'TRUE"],
    ["May 2025", "'May 2025"],
    ["$5", "'$5"],
    [" padded", "' padded"],
    ["Compliant", "Compliant"],
    ["Information security policy", "Information security policy"],
    ["", ""],
    [3, 3],
  ])("%s is written as %s", async (input, written) => {
    const { asWritten } = await import("../../src/excel/renderPlan");
    expect(asWritten(input)).toBe(written);
  });
});

describe("lean reads for our own sheets", () => {
  it("parses RangeAreas addresses, quoted sheet names included", async () => {
    const { addressRanges } = await import("../../src/excel/readSnapshots");
    expect(addressRanges("'Annex A'!$L$5:$L$97,'Annex A'!M5,Summary!B2:C3")).toEqual([
      "L5:L97",
      "M5",
      "B2:C3",
    ]);
    expect(addressRanges("'It''s, odd'!A1:A2")).toEqual(["A1:A2"]);
  });

  it("loads values and formula positions (ExcelApi 1.9) instead of formula text", async () => {
    const fake = createExcelFake({ sheets: ["Annex A"] });
    fake.install();
    fake.state.sheet("Annex A").setValues("A1", [
      ["ID", "Gap score"],
      ["5.1", "=1+1"],
      ["5.2", 7],
    ]);
    const read: Awaited<ReturnType<typeof readWorkbook>> = await fake.Excel.run(
      (c: Excel.RequestContext) => readWorkbook(c, ["Annex A"], { lean: true })
    );
    expect(fake.stats.syncs).toBe(1);
    const [snap] = read.snapshots;
    expect(snap.formulas.map((r) => r[1])).toEqual([null, "=", null]);
    expect(snap.values[2]).toEqual(["5.2", 7]);
  });

  it("falls back to formula text where getSpecialCells is missing (ExcelApi 1.8)", async () => {
    const fake = createExcelFake({ sheets: ["Annex A"], supportedApi: "1.8" });
    fake.install();
    fake.state.sheet("Annex A").setValues("A1", [
      ["ID", "Gap score"],
      ["5.1", "=1+1"],
    ]);
    const read: Awaited<ReturnType<typeof readWorkbook>> = await fake.Excel.run(
      (c: Excel.RequestContext) => readWorkbook(c, ["Annex A"], { lean: true })
    );
    expect(read.snapshots[0].formulas[1][1]).toBe("=1+1");
  });
});
