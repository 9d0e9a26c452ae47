// `gap-assessor report`: the executive summary in Markdown, to a file or the terminal.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { findControl } from "../../src/catalog";
import { main } from "../../src/cli/main";

import { SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { DOCUMENTS_HEADER_ROW } from "../../src/core/layout/documentsSheet";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { capture } from "../support/cliIo";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-report-"));
const file = (n: string): string => path.join(dir, n);

async function edit(
  from: string,
  to: string,
  sheet: string,
  header: number,
  id: string,
  values: Record<string, ExcelJS.CellValue>
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(from, wb);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const cols = new Map<string, number>();
  ws.getRow(header).eachCell((c, i) => cols.set(String(c.value), i));
  let r = header + 1;
  while (String(ws.getCell(r, 1).value) !== id) r++;
  for (const [c, v] of Object.entries(values)) ws.getCell(r, cols.get(c) as number).value = v;
  await wb.xlsx.writeFile(to);
}

describe("gap-assessor report", () => {
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 45000, org: "Acme" }); // 2023-03-15: every due date is long past
    await edit(file("base.xlsx"), file("a.xlsx"), SHEETS.annexA, TABLE_HEADER_ROW, "8.8", {
      Status: "Non-Compliant",
      Likelihood: 4,
      Impact: 5,
      Owner: "Ops",
    });
    await edit(
      file("a.xlsx"),
      file("b.xlsx"),
      SHEETS.documents,
      DOCUMENTS_HEADER_ROW,
      "isms-scope",
      { Exists: "Yes" }
    );
    expect(await main(["plan", file("b.xlsx"), "--out", file("c.xlsx")], capture())).toBe(0);
  });

  it("writes the Markdown file and never the workbook", async () => {
    const before = fs.readFileSync(file("c.xlsx"));
    const io = capture();
    expect(
      await main(["report", file("c.xlsx"), "--out", file("report.md"), "--date", "2026-03-01"], io)
    ).toBe(0);
    expect(io.stdout).toMatch(/^Wrote .*report\.md \(\d+ lines\)/);
    expect(fs.readFileSync(file("c.xlsx")).equals(before)).toBe(true);
    const md = fs.readFileSync(file("report.md"), "utf8");
    expect(md).toMatch(/^# ISO\/IEC 27001:2022 gap assessment — executive summary: Acme\n/);
    expect(md).toContain("Report date: 2026-03-01");
    expect(md).toContain("| **Overall** | **0.0%** | 1 of 123 |");
    expect(md).toContain(
      "| 1 | A.8.8 | Management of technical vulnerabilities | Non-Compliant | Critical | 20 | Ops |"
    );
    expect(md).toMatch(
      /1 of 1 open actions are past their due date:\n\n\| ID \| Title \| Action \| Owner \| Due \| Days late \| Progress \|\n\|---\|/
    );
    // The plan suggests the catalog's action; 10 working days of effort from Wed 2023-03-15.
    expect(md).toContain(
      `| 8.8 | Management of technical vulnerabilities | ${findControl("8.8")?.advice.missing} | Ops | 2023-03-28 | 1069 | Not started |`
    );
    expect(md).toContain(
      "Of 26 required documents and records, 25 are missing (No or not answered):"
    );
    expect(md).not.toContain("| ISMS scope statement |");
  });

  it("prints to the terminal without --out", async () => {
    const io = capture();
    expect(await main(["report", file("c.xlsx"), "--date", "2026-03-01", "--top", "1"], io)).toBe(
      0
    );
    expect(io.stdout).toContain("## Top gaps");
    expect(io.stdout).toContain("## Missing documents");
  });

  it.each([
    [["report"], /exactly one assessment workbook/],
    [["report", "f.xlsx", "--out", "f.xlsx"], /must differ/],
    [["report", "f.xlsx", "--date", "tomorrow"], /not a date/],
    [["report", "f.xlsx", "--top", "0"], /--top is a whole number from 1 to 100/],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const io = capture();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr).toMatch(message);
  });

  it("explains a file that is not a workbook", async () => {
    fs.writeFileSync(file("notes.xlsx"), "plain text");
    const io = capture();
    expect(await main(["report", file("notes.xlsx")], io)).toBe(2);
    expect(io.stderr).toMatch(/not an \.xlsx workbook/);
  });
});
