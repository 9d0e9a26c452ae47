// import's write path: the adopted answers land in the right rows of a real workbook, values
// already typed are kept unless --overwrite, and template text never becomes a formula.
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { main } from "../../src/cli/main";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";

const silent = { out: () => undefined, err: () => undefined };

async function annexRow(file: string, id: string): Promise<Record<string, ExcelJS.CellValue>> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(file, wb);
  const ws = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
  const headers: string[] = [];
  ws.getRow(TABLE_HEADER_ROW).eachCell((c, i) => {
    headers[i] = String(c.value);
  });
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    if (String(ws.getCell(r, 1).value) === id)
      return Object.fromEntries(
        headers.map((h, i) => [h, ws.getCell(r, i).value]).filter(([h]) => h)
      );
  }
  throw new Error(`no row ${id}`);
}

describe("gap-assessor import (write path)", () => {
  let dir: string;
  let csv: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "import-write-"));
    csv = path.join(dir, "export.csv");
    await fs.writeFile(
      csv,
      [
        "Control;Implemented;Evidence;Owner",
        'A.5.1;Yes;=HYPERLINK("http://evil","click");CISO',
        " A.5.2 ;Partial;+cmd|calc;HR",
        "A.8.8;No;-1+1;@SUM(1)",
        "A.9.9;Yes;not a control;Nobody",
      ].join("\n")
    );
  });

  it("writes adopted statuses, evidence and owners into the assessment rows, text as text", async () => {
    const out = path.join(dir, "out.xlsx");
    expect(await main(["import", csv, "--out", out], silent)).toBe(0);
    expect(await annexRow(out, "5.1")).toMatchObject({
      Status: "Compliant",
      Evidence: '=HYPERLINK("http://evil","click")',
      Owner: "CISO",
    });
    expect(await annexRow(out, "5.2")).toMatchObject({
      Status: "Partially Compliant",
      Evidence: "+cmd|calc",
      Owner: "HR",
    });
    expect(await annexRow(out, "8.8")).toMatchObject({
      Status: "Non-Compliant",
      Evidence: "-1+1",
      Owner: "@SUM(1)",
    });
    expect((await annexRow(out, "5.3")).Status).toBe("Not Assessed");
  });

  it("keeps values already typed in --into unless --overwrite, and never writes the inputs", async () => {
    const into = path.join(dir, "into.xlsx");
    await buildAssessmentFile({ out: path.join(dir, "blank.xlsx") });
    const wb = new ExcelJS.Workbook();
    await openXlsxPackage(path.join(dir, "blank.xlsx"), wb);
    const ws = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
    const headers: string[] = [];
    ws.getRow(TABLE_HEADER_ROW).eachCell((c, i) => {
      headers[i] = String(c.value);
    });
    ws.getCell(TABLE_HEADER_ROW + 1, headers.indexOf("Status")).value = "Non-Compliant"; // 5.1 typed by a person
    ws.getCell(TABLE_HEADER_ROW + 1, headers.indexOf("Notes")).value = "our note";
    await wb.xlsx.writeFile(into);
    const before = await fs.readFile(into);

    const kept = path.join(dir, "kept.xlsx");
    expect(await main(["import", csv, "--into", into, "--out", kept], silent)).toBe(0);
    expect(await annexRow(kept, "5.1")).toMatchObject({
      Status: "Non-Compliant",
      Owner: "CISO",
      Notes: "our note",
    });
    expect((await annexRow(kept, "5.2")).Status).toBe("Partially Compliant");

    const replaced = path.join(dir, "replaced.xlsx");
    expect(
      await main(["import", csv, "--into", into, "--out", replaced, "--overwrite"], silent)
    ).toBe(0);
    expect(await annexRow(replaced, "5.1")).toMatchObject({
      Status: "Compliant",
      Notes: "our note",
    });
    expect((await fs.readFile(into)).equals(before)).toBe(true);
  });
});
