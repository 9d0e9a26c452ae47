/** The recording Excel fake: load-before-read, queued operations, counting, errors, protection, API gating. */
import { ExcelFake, OfficeExtensionError, createExcelFake } from "./excelFake";

type Ctx = any;

function fakeWith(...sheets: string[]): ExcelFake {
  return createExcelFake({ sheets: sheets.length ? sheets : ["Sheet1"] });
}

describe("load before read", () => {
  it("throws PropertyNotLoaded with Office’s message until load + sync", async () => {
    const fake = fakeWith("Annex A");
    fake.state.sheet("Annex A").setValues("A1", [
      ["ID", "Title"],
      ["5.1", "Policies"],
    ]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const range = ctx.workbook.worksheets.getItem("Annex A").getRange("A1:B2");
      let caught: unknown;
      try {
        void range.values;
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(fake.OfficeExtension.Error);
      expect(caught).toMatchObject({
        name: "RichApi.Error",
        code: "PropertyNotLoaded",
        message:
          "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      });
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([
        ["ID", "Title"],
        ["5.1", "Policies"],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("does not let a value the client set be read back unless it was loaded", async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Renamed";
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheet.load("name");
      await ctx.sync();
      expect(sheet.name).toBe("Renamed");
      sheet.name = "Again";
      expect(sheet.name).toBe("Again");
    });
  });

  it("accepts string, array, {select} and strict load options, and navigation paths", async () => {
    const fake = fakeWith();
    fake.state.sheet("Sheet1").setCell("A1", 1, { bold: true });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const a = ws.getRange("A1").load("values, address");
      const b = ws.getRange("A1").load(["rowIndex", "format/font/bold"]);
      const c = ws.getRange("A1").load({ select: "columnIndex" });
      const d = ws.getRange("A1").load({ format: { font: { bold: true } }, text: true });
      await ctx.sync();
      expect([
        a.values,
        a.address,
        b.rowIndex,
        b.format.font.bold,
        c.columnIndex,
        d.format.font.bold,
        d.text,
      ]).toEqual([[[1]], "Sheet1!A1", 0, true, 0, true, [["1"]]]);
      expect(() => b.format.font.italic).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
    });
  });

  it("fails the sync for an unknown property name", async () => {
    const fake = fakeWith();
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuez");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("loads collections through items", async () => {
    const fake = fakeWith("Clauses 4-10", "Annex A");
    await fake.Excel.run(async (ctx: Ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s: { name: string }) => s.name)).toEqual([
        "Clauses 4-10",
        "Annex A",
      ]);
      expect(() => sheets.items[0].position).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      expect(JSON.parse(JSON.stringify(sheets))).toEqual({
        items: [{ name: "Clauses 4-10" }, { name: "Annex A" }],
      });
      const more = ctx.workbook.worksheets.load("name, position");
      await ctx.sync();
      expect(more.items.map((s: { position: number }) => s.position)).toEqual([0, 1]);
    });
  });
});

describe("queued operations", () => {
  it("applies writes to the state only at sync", async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet("Sheet1");
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["a", "b"]];
      expect(sheet.cell("A1").value).toBe("");
      await ctx.sync();
      expect(sheet.cell("A1").value).toBe("a");
      expect(sheet.getValues("A1:B1")).toEqual([["a", "b"]]);
    });
  });

  it("fails getItem of a missing sheet at sync, in order: earlier ops applied, later ones not", async () => {
    const fake = fakeWith();
    const sheet = fake.state.sheet("Sheet1");
    let caught: unknown;
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [["before"]];
      const missing = ctx.workbook.worksheets.getItem("Nope");
      ws.getRange("A2").values = [["after"]];
      expect(missing).toBeDefined();
      try {
        await ctx.sync();
      } catch (e) {
        caught = e;
      }
    });
    expect(caught).toBeInstanceOf(OfficeExtensionError);
    expect(caught).toMatchObject({
      code: "ItemNotFound",
      debugInfo: { errorLocation: "WorksheetCollection.getItem" },
    });
    expect(sheet.cell("A1").value).toBe("before");
    expect(sheet.cell("A2").value).toBe("");
  });

  it("gives getItemOrNullObject an isNullObject readable after the sync", async () => {
    const fake = fakeWith("Annex A");
    await fake.Excel.run(async (ctx: Ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Summary");
      const present = ctx.workbook.worksheets.getItemOrNullObject("annex a");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      missing.load("name");
      present.load("name");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Annex A");
      // Excel ignores commands on a null object.
      missing.getRange("A1").values = [["x"]];
      missing.tabColor = "#FF0000";
      await ctx.sync();
    });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Annex A"]);
  });

  it("rejects objects used after their Excel.run ended", async () => {
    const fake = fakeWith();
    const range = await fake.Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("address");
      await ctx.sync();
      return r;
    });
    expect(range.address).toBe("Sheet1!A1");
    expect(() => {
      range.values = [[1]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("requires the batch to return a promise and passes its result through", async () => {
    const fake = fakeWith();
    await expect(fake.Excel.run(() => 42)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
    await expect(fake.Excel.run(async () => "done")).resolves.toBe("done");
  });

  it("lets failOn inject an error at a chosen operation", async () => {
    const boom = new Error("boom");
    const fake = createExcelFake({ failOn: (op) => (op === "Range.values" ? boom : undefined) });
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
        await ctx.sync();
      })
    ).rejects.toBe(boom);
    expect(fake.state.sheet("Sheet1").cell("A1").value).toBe("");
    expect(fake.log).toContain("WorksheetCollection.getItem");
  });
});

describe("results and lifetimes", () => {
  it("makes ClientResult values readable only after the sync", async () => {
    const fake = fakeWith("A", "B");
    await fake.Excel.run(async (ctx: Ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await ctx.sync();
      expect(count.value).toBe(2);
    });
  });

  it("keeps tracked objects usable after the run, and supports set({...}) and new RequestContext()", async () => {
    const fake = fakeWith();
    const range = await fake.Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      ctx.trackedObjects.add(r);
      return r;
    });
    const ctx = new fake.Excel.RequestContext();
    range.set({ values: [["x", "y"]], format: { font: { bold: true } } });
    expect(() => range.set({ nonsense: 1 })).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
    await range.context.sync();
    await ctx.sync();
    expect(fake.state.sheet("Sheet1").cell("B1")).toMatchObject({
      value: "y",
      format: { bold: true },
    });
  });

  it("fails the sync whose loaded data exceeds the response limit", async () => {
    const fake = createExcelFake({ payloadLimitBytes: 10000 });
    fake.state.sheet("Sheet1").setValues(
      "A1",
      Array.from({ length: 500 }, (_, i) => [`evidence line ${i}`, i])
    );
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getUsedRange().load("values, text");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("counting", () => {
  it("counts syncs, runs and operations, and Excel.run’s closing sync only when work is pending", async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      expect(fake.stats.syncs).toBe(1);
    });
    expect(fake.stats).toMatchObject({ syncs: 1, runs: 1 });
    expect(fake.stats.operations).toBe(4); // worksheets, getItem, getRange, values
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
    });
    expect(fake.stats).toMatchObject({ syncs: 2, runs: 2 });
    expect(fake.state.sheet("Sheet1").cell("A2").value).toBe(2);
    fake.stats.reset();
    expect(fake.stats).toMatchObject({
      syncs: 0,
      runs: 0,
      operations: 0,
      payloadBytes: 0,
      maxSyncPayloadBytes: 0,
    });
  });

  it("sizes each sync by the JSON of its operations", async () => {
    const fake = fakeWith();
    const write = (rows: number) =>
      fake.Excel.run(async (ctx: Ctx) => {
        const data = Array.from({ length: rows }, (_, i) => [
          `Control ${i}`,
          "Partially Compliant",
          i,
        ]);
        ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, rows, 3).values = data;
        await ctx.sync();
        return JSON.stringify(data).length;
      });
    const small = await write(10);
    const smallBytes = fake.stats.maxSyncPayloadBytes;
    fake.stats.reset();
    const big = await write(1000);
    const bigBytes = fake.stats.maxSyncPayloadBytes;
    expect(smallBytes).toBeGreaterThan(small);
    expect(bigBytes).toBeGreaterThan(big);
    expect(bigBytes).toBeLessThan(big + 1000);
    expect(fake.stats.payloadBytes).toBe(bigBytes);
  });

  it("refuses a batch over the payload limit and applies none of it", async () => {
    const fake = fakeWith();
    const rows = 10000;
    const data = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: 16 }, (_, j) => `row ${i} column ${j} with some evidence text`)
    );
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("Z1").values = [["first"]];
        ws.getRangeByIndexes(0, 0, rows, 16).values = data;
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.stats.maxSyncPayloadBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.state.sheet("Sheet1").usedRange()).toBeNull();
  });

  it("honours a custom payload limit, so chunked writes can be tested small", async () => {
    const fake = createExcelFake({ payloadLimitBytes: 2000 });
    const data = Array.from({ length: 100 }, (_, i) => [`id-${i}`, "Compliant"]);
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B100").values = data;
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    fake.stats.reset();
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < 100; start += 25) {
        ws.getRangeByIndexes(start, 0, 25, 2).values = data.slice(start, start + 25);
        await ctx.sync();
      }
    });
    expect(fake.state.sheet("Sheet1").usedRange()).toBe("A1:B100");
    expect(fake.stats.maxSyncPayloadBytes).toBeLessThanOrEqual(2000);
  });

  // Speed is measured by `npm run bench`; here only a hang guard (the jest timeout below), no clock.
  it("writes and reads back 10,000 x 16 cells in constant syncs", async () => {
    const fake = fakeWith("Annex A");
    const rows = 10000;
    const data = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: 16 }, (_, j) => (j === 0 ? `A.${i}` : j % 2 ? i * j : "Compliant"))
    );
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      for (let start = 0; start < rows; start += 2500) {
        ws.getRangeByIndexes(start, 0, 2500, 16).values = data.slice(start, start + 2500);
        await ctx.sync();
      }
      const used = ws.getUsedRange().load("address, values");
      await ctx.sync();
      expect(used.address).toBe("'Annex A'!A1:P10000");
      expect(used.values[9999][1]).toBe(9999);
    });
    expect(fake.stats.syncs).toBe(5);
  }, 60000);
});

describe("addresses", () => {
  it("reports sheet-qualified addresses, quoting names like Excel", async () => {
    const fake = fakeWith("Annex A", "Settings");
    fake.state.sheet("Annex A").setValues("A1", [["ID"], ["5.1"]]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const annex = ctx.workbook.worksheets.getItem("Annex A");
      const a = annex.getRange("A1:B2").load("address");
      const b = annex
        .getRange("'Annex A'!B2:C5")
        .load("address, rowIndex, columnIndex, rowCount, columnCount");
      const c = annex.getRange("E:E").load("address, isEntireColumn, values");
      const d = ctx.workbook.worksheets.getItem("Settings").getRange("$B$5").load("address");
      const e = annex.getUsedRange().load("address");
      const f = annex.getCell(3, 2).load("address");
      const g = annex.getRange("A1:B2").getOffsetRange(1, 1).getResizedRange(1, 0).load("address");
      const h = annex.getRange("C3:D4").getIntersection("D4:F9").load("address");
      const i = annex.getRange("A1:B2").getEntireColumn().load("address");
      const j = annex.getRange("A1:C3").getLastRow().load("address");
      await ctx.sync();
      expect(a.address).toBe("'Annex A'!A1:B2");
      expect([b.address, b.rowIndex, b.columnIndex, b.rowCount, b.columnCount]).toEqual([
        "'Annex A'!B2:C5",
        1,
        1,
        4,
        2,
      ]);
      expect([c.address, c.isEntireColumn, c.values]).toEqual(["'Annex A'!E:E", true, null]);
      expect(d.address).toBe("Settings!B5");
      expect(e.address).toBe("'Annex A'!A1:A2");
      expect(f.address).toBe("'Annex A'!C4");
      expect(g.address).toBe("'Annex A'!B2:C4");
      expect(h.address).toBe("'Annex A'!D4");
      expect(i.address).toBe("'Annex A'!A:B");
      expect(j.address).toBe("'Annex A'!A3:C3");
    });
  });

  it("rejects an address on another sheet and intersections that do not exist", async () => {
    const fake = fakeWith("Annex A", "Settings");
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Annex A").getRange("Settings!A1").load("address");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets
          .getItem("Annex A")
          .getRange("A1")
          .getIntersection("C3")
          .load("address");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await fake.Excel.run(async (ctx: Ctx) => {
      const none = ctx.workbook.worksheets
        .getItem("Annex A")
        .getRange("A1")
        .getIntersectionOrNullObject("C3");
      const empty = ctx.workbook.worksheets.getItem("Annex A").getUsedRangeOrNullObject();
      await ctx.sync();
      expect([none.isNullObject, empty.isNullObject]).toEqual([true, true]);
    });
  });
});

describe("values, formulas, text", () => {
  it("rejects arrays of the wrong shape and whole-column writes, allows a scalar on many cells", async () => {
    const fake = fakeWith();
    const attempt = (fn: (ws: any) => void) =>
      fake.Excel.run(async (ctx: Ctx) => {
        fn(ctx.workbook.worksheets.getItem("Sheet1"));
        await ctx.sync();
      });
    await expect(attempt((ws) => (ws.getRange("A1:B2").values = [[1, 2]]))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(attempt((ws) => (ws.getRange("A1:B2").values = [[1], [2]]))).rejects.toMatchObject(
      { code: "InvalidArgument" }
    );
    await expect(attempt((ws) => (ws.getRange("A:A").values = [["x"]]))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(attempt((ws) => (ws.getRange("A:A").numberFormat = "@"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await attempt((ws) => (ws.getRange("A1:B2").values = "Not Assessed"));
    expect(fake.state.sheet("Sheet1").getValues("A1:B2")).toEqual([
      ["Not Assessed", "Not Assessed"],
      ["Not Assessed", "Not Assessed"],
    ]);
    await attempt((ws) => (ws.getRange("A1:B1").values = [[null, "kept?"]]));
    expect(fake.state.sheet("Sheet1").getValues("A1:B1")).toEqual([["Not Assessed", "kept?"]]);
  });

  it("parses input like Excel: ids become numbers unless the cell is text", async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A3").values = [["5.10"], ["'5.10"], ["-Not applicable"]];
      ws.getRange("B1:B2").numberFormat = [["@"], ["@"]];
      ws.getRange("B1:B2").values = [["5.10"], ["=1+1"]];
    });
    const s = fake.state.sheet("Sheet1");
    expect([s.cell("A1").value, s.cell("A2").value, s.cell("A3").formula]).toEqual([
      5.1,
      "5.10",
      "=-Not applicable",
    ]);
    expect([s.cell("B1").value, s.cell("B2").value, s.cell("B2").formula]).toEqual([
      "5.10",
      "=1+1",
      null,
    ]);
  });

  it("returns formulas as text and their cached results as values", async () => {
    const fake = fakeWith();
    const s = fake.state.sheet("Sheet1");
    s.setCell("A1", 3).setCell("B1", "=A1*2", { result: 6 });
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C1").formulas = [["=A1+B1"]];
      const r = ws.getRange("A1:C1").load("values, formulas, valueTypes, text");
      await ctx.sync();
      expect(r.formulas).toEqual([[3, "=A1*2", "=A1+B1"]]);
      expect(r.values).toEqual([[3, 6, ""]]);
      expect(r.valueTypes).toEqual([["Double", "Double", "Empty"]]);
      expect(r.text).toEqual([["3", "6", ""]]);
    });
  });

  it("shows text through the number format", async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.values = [[0.5, 45322, "x"]];
      r.numberFormat = [["0%", "yyyy-mm-dd", "General"]];
      r.load("text, numberFormat");
      await ctx.sync();
      expect(r.text).toEqual([["50%", "2024-01-31", "x"]]);
      expect(r.numberFormat).toEqual([["0%", "yyyy-mm-dd", "General"]]);
    });
  });

  it("clears contents and formats", async () => {
    const fake = fakeWith();
    fake.state.sheet("Sheet1").setCell("A1", "x", { bold: true }).setCell("A2", "y");
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").clear("Contents");
      ws.getRange("A2").clear();
    });
    const s = fake.state.sheet("Sheet1");
    expect([s.cell("A1").value, s.cell("A1").format.bold, s.cell("A2").value]).toEqual([
      "",
      true,
      "",
    ]);
  });
});

describe("worksheets", () => {
  it("adds, renames, moves, hides and deletes sheets with Excel’s rules", async () => {
    const fake = fakeWith("Settings");
    fake.state.sheet("Settings").setCell("B5", 0.5);
    fake.state.addSheet("Annex A").setCell("A1", "=Settings!$B$5*2");
    fake.state.addName("Weight_Partial", "=Settings!$B$5");
    await fake.Excel.run(async (ctx: Ctx) => {
      const summary = ctx.workbook.worksheets.add("Summary");
      summary.position = 0;
      ctx.workbook.worksheets.getItem("Settings").name = "Config Sheet";
      ctx.workbook.worksheets.getItem("Config Sheet").visibility = "Hidden";
      summary.tabColor = "red";
      summary.activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      const count = ctx.workbook.worksheets.getCount();
      await ctx.sync();
      expect(active.name).toBe("Summary");
      expect(count.value).toBe(3);
    });
    const state = fake.state;
    expect(state.sheets.map((s) => s.name)).toEqual(["Summary", "Config Sheet", "Annex A"]);
    expect(state.sheet("Config Sheet").visibility).toBe("Hidden");
    expect(state.sheet("Summary").tabColor).toBe("#FF0000");
    expect(state.sheet("Annex A").cell("A1").formula).toBe("='Config Sheet'!$B$5*2");
    expect(state.names).toEqual({ Weight_Partial: "='Config Sheet'!$B$5" });
    expect(state.activeSheetName).toBe("Summary");

    const failing = (fn: (ctx: Ctx) => void) =>
      fake.Excel.run(async (ctx: Ctx) => {
        fn(ctx);
        await ctx.sync();
      });
    await expect(failing((ctx) => ctx.workbook.worksheets.add("summary"))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await expect(failing((ctx) => ctx.workbook.worksheets.add("Bad/Name"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      failing((ctx) => ctx.workbook.worksheets.add("x".repeat(32)))
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(failing((ctx) => ctx.workbook.worksheets.add("History"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await failing((ctx) => ctx.workbook.worksheets.getItem("Config Sheet").delete());
    expect(state.names).toEqual({ Weight_Partial: "=#REF!$B$5" });
  });

  it("keeps at least one visible sheet", async () => {
    const fake = fakeWith();
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").delete();
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("fires registered event handlers from the state, after the registering sync", async () => {
    const fake = fakeWith("Annex A");
    const seen: unknown[] = [];
    let registration: { context: unknown; remove(): void } | undefined;
    await fake.Excel.run(async (ctx: Ctx) => {
      registration = ctx.workbook.worksheets
        .getItem("Annex A")
        .onChanged.add(async (e: { address: string; changeType: string }) => {
          seen.push([e.address, e.changeType]);
        });
      await fake.state.fireWorksheetChanged("Annex A", "G5");
      expect(seen).toEqual([]);
      await ctx.sync();
    });
    await fake.state.fireWorksheetChanged("Annex A", "G5");
    expect(seen).toEqual([["G5", "RangeEdited"]]);
    // Office's pattern: remove in the context the handler was added with.
    await fake.Excel.run(registration!.context, async () => registration!.remove());
    await fake.state.fireWorksheetChanged("Annex A", "G6");
    expect(seen).toHaveLength(1);
  });

  it("lets event args reach the range in a new Excel.run", async () => {
    const fake = fakeWith("Annex A");
    fake.state.sheet("Annex A").setCell("G5", "Compliant");
    const values: unknown[] = [];
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.onChanged.add((e: any) =>
        fake.Excel.run(async (c: Ctx) => {
          const r = e.getRange(c).load("values");
          await c.sync();
          values.push(r.values);
        })
      );
    });
    await fake.state.fireWorksheetChanged("Annex A", "G5");
    expect(values).toEqual([[["Compliant"]]]);
  });
});

describe("protection", () => {
  it("rejects writes to locked cells of a protected sheet, allows unlocked ones", async () => {
    const fake = fakeWith("Annex A");
    await fake.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Annex A");
      ws.getRange("G:G").format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true });
      const p = ws.protection.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
    const write = (address: string) =>
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Annex A").getRange(address).values = [["Compliant"]];
        await ctx.sync();
      });
    await expect(write("A2")).rejects.toMatchObject({ code: "AccessDenied" });
    await write("G2");
    expect(fake.state.sheet("Annex A").cell("G2").value).toBe("Compliant");
    expect(fake.state.sheet("Annex A").protection.protected).toBe(true);

    const failing = (fn: (ws: any) => void) =>
      fake.Excel.run(async (ctx: Ctx) => {
        fn(ctx.workbook.worksheets.getItem("Annex A"));
        await ctx.sync();
      });
    await expect(
      failing((ws) => (ws.getRange("A1").format.protection.locked = false))
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      failing((ws) => (ws.getRange("A1").format.font.bold = true))
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(failing((ws) => ws.protection.protect())).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    await failing((ws) => (ws.getRange("A1").format.columnWidth = 80));
    await failing((ws) => ws.protection.unprotect());
    await write("A2");
  });

  it("checks the password on unprotect", async () => {
    const fake = fakeWith();
    fake.state.sheet("Sheet1").protect({}, "secret");
    await expect(
      fake.Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("wrong");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("API versions", () => {
  it("reports requirement sets against supportedApi", () => {
    const fake = createExcelFake({ supportedApi: "1.12" });
    const req = fake.Office.context.requirements;
    expect([
      req.isSetSupported("ExcelApi", "1.12"),
      req.isSetSupported("ExcelApi", "1.9"),
      req.isSetSupported("ExcelApi", "1.13"),
    ]).toEqual([true, true, false]);
    expect(req.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  it("throws ApiNotFound when newer APIs are called", async () => {
    const fake = createExcelFake({ supportedApi: "1.12" });
    fake.state.sheet("Sheet1").setValues("A1", [["ID"], ["1"]]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const table = ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true);
      expect(() => table.resize("A1:A3")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
    });
    const old = createExcelFake({ supportedApi: "1.3" });
    await old.Excel.run(async (ctx: Ctx) => {
      expect(() => ctx.workbook.worksheets.getItemOrNullObject("x")).toThrow(
        expect.objectContaining({ code: "ApiNotFound" })
      );
      expect(() => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation).toThrow(
        expect.objectContaining({
          code: "ApiNotFound",
          message: expect.stringContaining("ExcelApi 1.8"),
        })
      );
    });
  });

  it("allows them when the host is new enough", async () => {
    const fake = createExcelFake({ supportedApi: "1.13" });
    fake.state.sheet("Sheet1").setValues("A1", [["ID"], ["1"], ["2"]]);
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true).resize("A1:A3");
    });
    expect(fake.state.tables[0].address).toBe("A1:A3");
  });
});

describe("application and Office globals", () => {
  it("records calculation suspension per sync and calculation mode", async () => {
    const calculated: number[] = [];
    const fake = createExcelFake({ calculate: () => calculated.push(1) });
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      expect(fake.state.calculationSuspended).toBe(false);
      const app = ctx.workbook.application.load("calculationMode");
      await ctx.sync();
      expect(app.calculationMode).toBe("Automatic");
      app.calculationMode = "Manual";
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
    expect(fake.state.calculationSuspendedHistory).toEqual([true, false, false]);
    expect(fake.state.calculationMode).toBe("Manual");
    expect(fake.state.calculateCalls).toEqual(["Full"]);
    expect(calculated.length).toBe(2);
  });

  it("installs globals and answers Office.onReady", async () => {
    const fake = createExcelFake();
    const target: Record<string, unknown> = {};
    fake.install(target);
    expect(target.Excel).toBe(fake.Excel);
    expect(target.OfficeExtension).toBe(fake.OfficeExtension);
    const info = await (target.Office as any).onReady();
    expect(info).toEqual({ host: "Excel", platform: "PC" });
    expect(fake.Office.context.officeTheme.bodyBackgroundColor).toMatch(/^#[0-9A-F]{6}$/);
    expect(fake.Excel.ChartType.columnClustered).toBe("ColumnClustered");
    expect(fake.Excel.ConditionalFormatType.custom).toBe("Custom");
    const outside = createExcelFake({ host: null });
    await expect(outside.Office.onReady()).resolves.toEqual({ host: null, platform: null });
  });

  it("records the selection", async () => {
    const fake = fakeWith("Annex A");
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Annex A").getRange("G5:G9").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      const cell = ctx.workbook.getActiveCell().load("address");
      await ctx.sync();
      expect([sel.address, cell.address]).toEqual(["'Annex A'!G5:G9", "'Annex A'!G5"]);
    });
    expect(fake.state.selection).toBe("'Annex A'!G5:G9");
  });
});
