import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { WorkbookReadError } from "../../src/core/errors";
import { displayNumber, readSnapshots } from "../../src/xlsx/readSnapshots";

async function bufferOf(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("displayNumber", () => {
  it("formats like Excel: date-mangled ids, General numbers, fixed decimals", () => {
    expect(displayNumber(40179, "yy\\.m\\.d;@")).toBe("10.1.1");
    expect(displayNumber(40179, "yy.m.d;@")).toBe("10.1.1");
    expect(displayNumber(5.1, "General")).toBe("5.1");
    expect(displayNumber(5.1, undefined)).toBe("5.1");
    expect(displayNumber(5.1, "0.00")).toBe("5.10");
    expect(displayNumber(0.1 + 0.2, "General")).toBe("0.3");
    expect(displayNumber(0.75, "0%")).toBe("75%");
  });

  it("falls back to General on a format it cannot read", () => {
    expect(displayNumber(5.1, "[invalid")).toBe("5.1");
  });
});

describe("readSnapshots", () => {
  it("reads values, displayed text, formulas, merges and tables", async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("SoA");
      ws.getCell("A1").value = "Statement of Applicability";
      ws.mergeCells("A1:D1");
      ws.addTable({
        name: "Controls",
        ref: "A3",
        headerRow: true,
        columns: [{ name: "ID" }, { name: "Status" }, { name: "Note" }, { name: "Score" }],
        rows: [
          ["A.5.1", "Yes", "=1+1", 1],
          ["A.5.2", "No", "@SUM(A1)", 2],
        ],
      });
      ws.getCell("D4").value = { formula: "ROW()*2", result: 8 } as ExcelJS.CellFormulaValue;
      const date = ws.getCell("F4");
      date.value = new Date(Date.UTC(2010, 0, 1));
      date.numFmt = "yy\\.m\\.d;@";
      ws.getCell("F5").value = 5.1;
      ws.getCell("F6").value = 5.1;
      ws.getCell("F6").numFmt = "0.00";
      ws.getCell("G4").value = {
        richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }],
      };
      ws.getCell("G5").value = { text: "Policy", hyperlink: "https://example.com/policy" };
      ws.getCell("G6").value = true;
    });
    const [s] = await readSnapshots(buf);
    expect(s.name).toBe("SoA");
    expect(s.origin).toEqual({ row: 0, col: 0 });
    expect(s.values[0][0]).toBe("Statement of Applicability");
    // A merged area's value lives in its first cell only, as in Office.js.
    expect(s.values[0][1]).toBeNull();
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(s.tables).toEqual([{ name: "Controls", top: 2, left: 0, bottom: 4, right: 3 }]);
    expect(s.values[3].slice(0, 3)).toEqual(["A.5.1", "Yes", "=1+1"]);
    expect(s.formulas[3][2]).toBeNull();
    expect(s.values[4][2]).toBe("@SUM(A1)");
    expect(s.formulas[3][3]).toBe("=ROW()*2");
    expect(s.values[3][3]).toBe(8);
    expect(s.values[3][5]).toBe(40179);
    expect(s.text[3][5]).toBe("10.1.1");
    expect(s.text[4][5]).toBe("5.1");
    expect(s.text[5][5]).toBe("5.10");
    expect(s.values[3][6]).toBe("Rich text");
    expect(s.values[4][6]).toBe("Policy");
    expect(s.values[5][6]).toBe(true);
    expect(s.text[5][6]).toBe("TRUE");
  });

  it("covers only the cells with content, however large the styled range", async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("Huge");
      for (let r = 1; r <= 300; r++) {
        for (let c = 1; c <= 120; c++)
          ws.getCell(r, c).fill = {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: "FFEEEEEE" },
          };
      }
      ws.getCell("C5").value = "Control No.";
      ws.getCell("D7").value = "x";
    });
    const [s] = await readSnapshots(buf);
    expect(s.origin).toEqual({ row: 4, col: 2 });
    expect(s.values).toEqual([
      ["Control No.", null],
      [null, null],
      [null, "x"],
    ]);
  });

  it("caps rows and columns and says so", async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("Wide");
      for (let r = 1; r <= 20; r++) ws.getCell(r, 1).value = r;
      ws.getCell(1, 50).value = "far";
    });
    const [s] = await readSnapshots(buf, { maxRows: 10, maxCols: 5 });
    expect(s.values.length).toBe(10);
    expect(s.values[0].length).toBe(1);
    expect(s.truncated).toEqual({ rows: 20, cols: 50, keptRows: 10, keptCols: 5 });
  });

  it("reads only the sheets asked for, and empty sheets as empty snapshots", async () => {
    const buf = await bufferOf((wb) => {
      wb.addWorksheet("Cover");
      wb.addWorksheet("Settings").getCell("A1").value = "Status words";
      wb.addWorksheet("Empty");
    });
    const all = await readSnapshots(buf);
    expect(all.map((s) => [s.name, s.values.length])).toEqual([
      ["Cover", 0],
      ["Settings", 1],
      ["Empty", 0],
    ]);
    const some = await readSnapshots(buf, { sheets: ["Settings", "Missing"] });
    expect(some.map((s) => s.name)).toEqual(["Settings"]);
  });

  // Speed: `npm run bench` ("read .xlsx file"); here a hang guard only.
  it("reads a 50,000-row sheet", async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("Big");
      ws.addRow(["ID", "Status", "Evidence"]);
      for (let i = 0; i < 50_000; i++)
        ws.addRow([`A.5.${(i % 37) + 1}`, i % 2 ? "Yes" : "No", `evidence ${i}`]);
    });
    const [s] = await readSnapshots(buf);
    expect(s.values.length).toBe(50_001);
  }, 120_000);

  it("reads from a path and never changes the file", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "read-snapshots-"));
    const file = path.join(dir, "T.xlsx");
    await fs.writeFile(file, await bufferOf((wb) => void wb.addWorksheet("S").addRow(["ID"])));
    const before = createHash("sha256")
      .update(await fs.readFile(file))
      .digest("hex");
    const [s] = await readSnapshots(file);
    expect(s.values).toEqual([["ID"]]);
    expect(
      createHash("sha256")
        .update(await fs.readFile(file))
        .digest("hex")
    ).toBe(before);
    await fs.rm(dir, { recursive: true, force: true });
  });

  describe("hostile and broken files give a clear WorkbookReadError", () => {
    const cases: [string, () => Promise<Buffer | string>, RegExp][] = [
      ["an empty file", async () => Buffer.alloc(0), /empty/],
      [
        "text that is not a zip",
        async () => Buffer.from("ID,Status\n5.1,Yes\n"),
        /not an \.xlsx workbook/,
      ],
      [
        "a password-protected (CFB/OLE) file",
        async () =>
          Buffer.concat([
            Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
            Buffer.alloc(504),
          ]),
        /password-protected|\.xls/,
      ],
      [
        "a truncated xlsx",
        async () =>
          (await bufferOf((wb) => void wb.addWorksheet("S").addRow(["x"]))).subarray(0, 300),
        /could not be read as an \.xlsx workbook/,
      ],
      [
        "a missing file",
        async () => path.join(os.tmpdir(), "no-such-dir-gap-assessor", "T.xlsx"),
        /File not found/,
      ],
      ["a folder", async () => os.tmpdir(), /folder/],
    ];
    it.each(cases)("%s", async (_name, make, message) => {
      const source = await make();
      await expect(readSnapshots(source)).rejects.toBeInstanceOf(WorkbookReadError);
      await expect(readSnapshots(source)).rejects.toThrow(message);
    });
  });
});
