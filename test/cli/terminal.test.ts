// Terminal output is inert: escape sequences and control characters typed into cells (a CSV
// template, an assessment workbook) never reach the terminal through import --dry-run, validate
// or report; JSON output keeps the same data with every control character escaped.
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { main } from "../../src/cli/main";

import { SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { headerColumns, rowById } from "../support/workbookFiles";
import { capture } from "../support/cliIo";

const ESC = "\u001b";
/** Clear the screen, retitle the window, write the clipboard, a hidden hyperlink, 8-bit CSI, bidi override, CR. */
const HOSTILE = `${ESC}[2J${ESC}[H${ESC}]0;pwned\u0007${ESC}]52;c;cm0gLXJm\u0007${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\\u009b31m\u202eevil\rover`;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "gap-terminal-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const csvField = (text: string): string => `"${text.replace(/"/g, '""')}"`;

describe("import --dry-run", () => {
  let template: string;
  beforeAll(async () => {
    template = path.join(dir, "hostile.csv");
    const rows = [
      ["ID", "Status", `Notes ${HOSTILE}`],
      ["5.1", `Maybe ${HOSTILE}`, `note ${HOSTILE}\nsecond line`],
      ["5.2", "Yes", ""],
      [`${HOSTILE} 9.9.9`, "No", "x"],
      [`Not an id ${HOSTILE}`, "Yes", `text ${HOSTILE}`],
    ];
    await fs.writeFile(template, rows.map((r) => r.map(csvField).join(",")).join("\n"));
  });

  it("prints no control character from the template, and each row on its own line", async () => {
    const io = capture();
    expect(await main(["import", template, "--dry-run"], io)).toBe(0);
    expect(io.stdout).not.toMatch(CONTROL);
    expect(io.stderr).not.toMatch(CONTROL);
    expect(io.stdout).toMatch(/"Maybe clickevil over"/); // the words stay, the sequences go
    expect(io.stdout).not.toMatch(/^second line/m);
  });

  it("writes JSON with the same data, every control character escaped", async () => {
    const io = capture();
    expect(await main(["import", template, "--dry-run", "--json"], io)).toBe(0);
    expect(io.stdout).not.toMatch(CONTROL);
    const report = JSON.parse(io.stdout);
    expect(report.unknownWords[0].word).toBe(`Maybe ${HOSTILE}`);
  });
});

describe("validate and report on a workbook with hostile cells", () => {
  let file: string;
  beforeAll(async () => {
    const clean = path.join(dir, "clean.xlsx");
    file = path.join(dir, "hostile.xlsx");
    await buildAssessmentFile({ out: clean, start: 46000, org: `Acme ${HOSTILE}` });
    const wb = new ExcelJS.Workbook();
    await openXlsxPackage(clean, wb);
    const ws = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    const cols = headerColumns(ws, TABLE_HEADER_ROW);
    const row = rowById(ws, TABLE_HEADER_ROW, "5.1");
    ws.getCell(row, cols.get("Status") as number).value = `Compliant ${HOSTILE}`;
    ws.getCell(row, cols.get("Owner") as number).value = `Owner ${HOSTILE}`;
    const row2 = rowById(ws, TABLE_HEADER_ROW, "8.8");
    ws.getCell(row2, cols.get("Status") as number).value = "Non-Compliant";
    ws.getCell(row2, cols.get("Owner") as number).value = `Ops ${HOSTILE}\nfake line`;
    ws.getCell(row2, cols.get("Likelihood") as number).value = 5;
    ws.getCell(row2, cols.get("Impact") as number).value = 5;
    await wb.xlsx.writeFile(file);
  });

  it("validate prints no control character from the cells", async () => {
    const io = capture();
    await main(["validate", file], io);
    expect(io.stdout).toMatch(/Checked .*hostile\.xlsx/);
    expect(io.stdout).toMatch(/Compliant/);
    expect(io.stdout).not.toMatch(CONTROL);
    expect(io.stderr).not.toMatch(CONTROL);
  });

  it("validate --json keeps the cell text, escaped", async () => {
    const io = capture();
    await main(["validate", file, "--json"], io);
    expect(io.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(io.stdout).problems.length).toBeGreaterThan(0);
  });

  it("report to the terminal prints no control character from the cells", async () => {
    const io = capture();
    expect(await main(["report", file, "--date", "2026-03-01"], io)).toBe(0);
    expect(io.stdout).toMatch(/executive summary: Acme/);
    expect(io.stdout).toMatch(/^\| 1 \| A\.8\.8 \|.*\| Ops .*evil over fake line \|$/m);
    expect(io.stdout).not.toMatch(CONTROL);
  });
});
