// Excel's 32,767-character cell limit on the file path: no command writes a longer cell. Text from
// a template is cut with a warning naming the row and column; a longer cell in a workbook being
// rebuilt is cut with a warning, or the command refuses, names the cell and keeps the old output.
import { promises as fs, readFileSync, readdirSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { main } from "../../src/cli/main";

import { MAX_CELL_TEXT } from "../../src/core/cellLimit";
import { SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";
import { capture } from "../support/cliIo";

async function longestCell(file: string): Promise<number> {
  const wb = await openWorkbook(file);
  let longest = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") longest = Math.max(longest, cell.value.length);
      })
    )
  );
  return longest;
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "gap-cell-limit-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("import cuts a 40,000-character note (read as Evidence) from a template and names its row and column", async () => {
  const template = path.join(dir, "long.csv");
  await fs.writeFile(template, `ID,Status,Notes\n5.1,Yes,${"n".repeat(40_000)}\n5.2,No,short\n`);
  const out = path.join(dir, "imported.xlsx");
  const io = capture();
  expect(await main(["import", template, "--out", out], io)).toBe(0);
  expect(io.stdout).toMatch(
    /Annex A 5\.1, column "Evidence" \(from row 2 of "long\.csv"\): 40,000 characters, over Excel's limit of 32,767 per cell; cut to 32,767/
  );
  expect(await longestCell(out)).toBe(MAX_CELL_TEXT);
});

it("build --from never writes a cell over 32,767 characters", async () => {
  const base = path.join(dir, "base.xlsx");
  const long = path.join(dir, "long.xlsx");
  await buildAssessmentFile({ out: base, start: 46000 });
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(base, wb);
  const ws = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
  const notes = headerColumns(ws, TABLE_HEADER_ROW).get("Notes") as number;
  ws.getCell(rowById(ws, TABLE_HEADER_ROW, "5.15"), notes).value = "x".repeat(40_000);
  await wb.xlsx.writeFile(long);

  const out = path.join(dir, "rebuilt.xlsx");
  await fs.writeFile(out, "previous output");
  const io = capture();
  const code = await main(["build", "--from", long, "--out", out], io);
  const named = /"Annex A" row 5\.15, column "Notes" \([A-Z]+\d+\): 40,000 characters/;
  if (code === 0) {
    // Cut while composing: a warning names the cell.
    expect(io.stderr).toMatch(named);
    expect(await longestCell(out)).toBe(MAX_CELL_TEXT);
  } else {
    // Refused: the cell is named, the previous output is untouched, no temp file is left.
    expect(code).toBe(2);
    expect(io.stderr).toMatch(named);
    expect(readFileSync(out, "utf8")).toBe("previous output");
    expect(readdirSync(dir).filter((n) => n.endsWith(".gap-tmp"))).toEqual([]);
  }
});
