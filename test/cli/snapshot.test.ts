// `gap-assessor snapshot`: appends one row of values to Snapshot History, keeps everything else.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

import { HISTORY_COLUMNS, SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { HISTORY_HEADER_ROW } from "../../src/core/layout/historySheet";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { openWorkbook } from "../support/workbookFiles";
import { capture } from "../support/cliIo";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-snapshot-"));
const file = (n: string): string => path.join(dir, n);

const open = openWorkbook;
function historyRows(wb: ExcelJS.Workbook): Record<string, ExcelJS.CellValue>[] {
  const ws = wb.getWorksheet(SHEETS.history) as ExcelJS.Worksheet;
  const cols = new Map<string, number>();
  ws.getRow(HISTORY_HEADER_ROW).eachCell((c, i) => cols.set(String(c.value), i));
  const rows = [];
  for (let r = HISTORY_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = Object.fromEntries([...cols].map(([h, c]) => [h, ws.getCell(r, c).value]));
    if (Object.values(row).some((v) => v !== null)) rows.push(row);
  }
  return rows;
}

describe("gap-assessor snapshot", () => {
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 46000 });
    const wb = await open(file("base.xlsx"));
    const annex = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    const cols = new Map<string, number>();
    annex.getRow(TABLE_HEADER_ROW).eachCell((c, i) => cols.set(String(c.value), i));
    annex.getCell(TABLE_HEADER_ROW + 1, cols.get("Status") as number).value = "Compliant";
    annex.getCell(TABLE_HEADER_ROW + 2, cols.get("Status") as number).value = "Partially Compliant";
    annex.getCell(TABLE_HEADER_ROW + 2, cols.get("Owner") as number).value = "CISO";
    await wb.xlsx.writeFile(file("assessed.xlsx"));
  });

  it("appends a row of values and keeps what was there", async () => {
    const before = fs.readFileSync(file("assessed.xlsx"));
    const io = capture();
    expect(
      await main(
        [
          "snapshot",
          file("assessed.xlsx"),
          "--out",
          file("s1.xlsx"),
          "--date",
          "2026-01-31",
          "--note",
          "Kick-off",
        ],
        io
      )
    ).toBe(0);
    expect(io.stdout).toMatch(
      /snapshot 2026-01-31 — overall 75\.0%, clauses —, Annex A 75\.0%, no remediation plan/
    );
    expect(fs.readFileSync(file("assessed.xlsx")).equals(before)).toBe(true);
    expect(await main(["plan", file("s1.xlsx"), "--out", file("s1p.xlsx")], capture())).toBe(0);
    expect(
      await main(
        ["snapshot", file("s1p.xlsx"), "--out", file("s2.xlsx"), "--date", "2026-02-28"],
        capture()
      )
    ).toBe(0);

    const wb = await open(file("s2.xlsx"));
    const rows = historyRows(wb);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([...HISTORY_COLUMNS]);
    expect(rows[0]).toEqual({
      Date: new Date(Date.UTC(2026, 0, 31)),
      Overall: 0.75,
      "Clauses 4-10": null,
      "Annex A": 0.75,
      Compliant: 1,
      "Partially Compliant": 1,
      "Non-Compliant": 0,
      "Not Applicable": 0,
      "Not Assessed": 121,
      "Open actions": null,
      Note: "Kick-off",
    });
    expect(rows[1]).toMatchObject({
      Date: new Date(Date.UTC(2026, 1, 28)),
      Overall: 0.75,
      "Open actions": 1,
      Note: null,
    });
    // Values, never formulas.
    for (const row of rows)
      for (const v of Object.values(row))
        expect(typeof v === "object" && v !== null && !(v instanceof Date)).toBe(false);
    // The rest of the workbook is kept: the plan and the assessment values.
    expect(wb.getWorksheet(SHEETS.remediation)).toBeDefined();
    const annex = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    expect(annex.getRow(TABLE_HEADER_ROW + 2).values).toContain("CISO");
  });

  it.each([
    [["snapshot"], /exactly one assessment workbook/],
    [["snapshot", "in.xlsx"], /--out is required/],
    [["snapshot", "same.xlsx", "--out", "same.xlsx"], /must differ/],
    [
      ["snapshot", "in.xlsx", "--out", "o.xlsx", "--date", "31/01/2026"],
      /not a date; write it as YYYY-MM-DD/,
    ],
    [["snapshot", "in.xlsx", "--out", "o.xlsx", "--bogus"], /Unknown option/],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const io = capture();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr).toMatch(message);
  });

  it("reports a missing workbook with exit 2", async () => {
    const io = capture();
    expect(await main(["snapshot", file("nope.xlsx"), "--out", file("x.xlsx")], io)).toBe(2);
    expect(io.stderr).toMatch(/File not found/);
  });

  it("is listed in --help", async () => {
    const io = capture();
    await main(["--help"], io);
    expect(io.stdout).toMatch(/snapshot +record the current scores/);
    expect(io.stdout).toMatch(/report +write an executive summary in Markdown/);
  });
});
