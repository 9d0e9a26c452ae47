// Rebuild without loss: every typed value, extra column, extra row and extra sheet survives,
// tampered formulas come back, and the input file is never written.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { UsageError } from "../../src/core/errors";
import { openWorkbook } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-build-"));
const file = (name: string): string => path.join(dir, name);

const open = openWorkbook;

function columns(ws: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  ws.getRow(TABLE_HEADER_ROW).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++)
    if (String(ws.getCell(r, 1).value) === id) return r;
  throw new Error(`row ${id} not found on ${ws.name}`);
}

describe("buildAssessmentFile", () => {
  it("writes the contract sheets, tables and names", async () => {
    const result = await buildAssessmentFile({ out: file("new.xlsx"), org: "Acme" });
    expect(result.rows).toBe(123);
    const wb = await open(file("new.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Clauses 4-10",
      "Annex A",
      "Statement of Applicability",
      "Risk Register",
      "Documents",
      "Summary",
      "Snapshot History",
      "Settings",
    ]);
    const annex = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
    expect([...columns(annex).keys()]).toEqual([
      "ID",
      "Theme",
      "Title",
      "Question",
      "Applicable",
      "Justification",
      "Status",
      "Evidence",
      "Evidence hint",
      "Owner",
      "Likelihood",
      "Impact",
      "Gap score",
      "Risk score",
      "Risk level",
      "Priority",
      "Maturity",
      "Method",
      "Assessed by",
      "Assessed on",
      "Reviewer",
      "Reviewer note",
      "Response",
      "Review",
      "Notes",
    ]);
    expect(annex.getTable("AnnexA")).toBeDefined();
    for (const n of [
      "Compliance_Overall",
      "Compliance_Clauses",
      "Compliance_AnnexA",
      "Status_List",
      "Weight_Partial",
    ]) {
      expect(wb.definedNames.getRanges(n).ranges.length).toBeGreaterThan(0);
    }
    const org = wb.definedNames.getRanges("Org_Name").ranges[0].replace(/\$/g, "").split("!")[1];
    expect((wb.getWorksheet("Settings") as ExcelJS.Worksheet).getCell(org).value).toBe("Acme");
  });

  it("keeps every typed value, extra columns, rows and sheets, and restores formulas", async () => {
    await buildAssessmentFile({ out: file("v1.xlsx"), org: "Acme" });
    const wb = await open(file("v1.xlsx"));
    const annex = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
    const clauses = wb.getWorksheet("Clauses 4-10") as ExcelJS.Worksheet;
    const a = columns(annex);
    const c = columns(clauses);
    const r51 = rowOf(annex, "5.1");
    const r834 = rowOf(annex, "8.34");
    const typed: [ExcelJS.Worksheet, number, string, ExcelJS.CellValue][] = [
      [annex, r51, "Status", "Partially Compliant"],
      [annex, r51, "Evidence", "=not a formula, text"],
      [annex, r51, "Owner", "CISO"],
      [annex, r51, "Likelihood", 4],
      [annex, r51, "Impact", 3],
      [annex, r51, "Notes", "Review in Q3"],
      [annex, r834, "Applicable", "No"],
      [annex, r834, "Justification", "No audits on live systems"],
      [annex, r834, "Status", "Not Applicable"],
      [clauses, rowOf(clauses, "6.1.2"), "Status", "Non-Compliant"],
      [clauses, rowOf(clauses, "6.1.2"), "Evidence", "Risk method draft"],
    ];
    for (const [ws, r, col, value] of typed)
      ws.getCell(r, (ws === annex ? a : c).get(col) as number).value = value;
    annex.getCell(r51, a.get("Gap score") as number).value = 0.1; // someone typed over a formula
    const extraCol = a.size + 1; // first column right of the table
    annex.getCell(TABLE_HEADER_ROW, extraCol).value = "Audit ref";
    annex.getCell(r51, extraCol).value = "AR-17";
    const extra = annex.lastRow ? annex.lastRow.number + 1 : 0;
    annex.getCell(extra, 1).value = "X.1";
    annex.getCell(extra, a.get("Title") as number).value = "Our own control";
    annex.getCell(extra, a.get("Status") as number).value = "Compliant";
    wb.addWorksheet("Our notes").getCell("A1").value = "keep me";
    const settings = wb.getWorksheet("Settings") as ExcelJS.Worksheet;
    const weight = wb.definedNames
      .getRanges("Weight_Partial")
      .ranges[0].replace(/\$/g, "")
      .split("!")[1];
    settings.getCell(weight).value = 0.6;
    await wb.xlsx.writeFile(file("edited.xlsx"));
    const before = fs.readFileSync(file("edited.xlsx"));

    await buildAssessmentFile({ out: file("rebuilt.xlsx"), from: file("edited.xlsx") });
    expect(fs.readFileSync(file("edited.xlsx")).equals(before)).toBe(true);

    const out = await open(file("rebuilt.xlsx"));
    const annex2 = out.getWorksheet("Annex A") as ExcelJS.Worksheet;
    const clauses2 = out.getWorksheet("Clauses 4-10") as ExcelJS.Worksheet;
    const a2 = columns(annex2);
    for (const [ws, r, col, value] of typed) {
      const sheet = ws === annex ? annex2 : clauses2;
      const id = String(ws.getCell(r, 1).value);
      expect([
        sheet.name,
        id,
        col,
        sheet.getCell(rowOf(sheet, id), columns(sheet).get(col) as number).value,
      ]).toEqual([sheet.name, id, col, value]);
    }
    const gap = annex2.getCell(rowOf(annex2, "5.1"), a2.get("Gap score") as number)
      .value as ExcelJS.CellFormulaValue;
    expect(gap.formula).toMatch(/^IF\(AnnexA\[\[#This Row\],\[Applicable\]\]="No"/);
    expect(a2.get("Audit ref")).toBe(extraCol);
    expect(annex2.getCell(rowOf(annex2, "5.1"), extraCol).value).toBe("AR-17");
    const x = rowOf(annex2, "X.1");
    expect(annex2.getCell(x, a2.get("Status") as number).value).toBe("Compliant");
    expect(annex2.getCell(x, a2.get("Title") as number).value).toBe("Our own control");
    expect((out.getWorksheet("Our notes") as ExcelJS.Worksheet).getCell("A1").value).toBe(
      "keep me"
    );
    const weight2 = out.definedNames
      .getRanges("Weight_Partial")
      .ranges[0].replace(/\$/g, "")
      .split("!")[1];
    expect((out.getWorksheet("Settings") as ExcelJS.Worksheet).getCell(weight2).value).toBe(0.6);
    expect(out.getWorksheet("Annex A")?.getTable("AnnexA")).toBeDefined();
  });

  it("adds catalog rows that were deleted", async () => {
    await buildAssessmentFile({ out: file("d1.xlsx") });
    const wb = await open(file("d1.xlsx"));
    const clauses = wb.getWorksheet("Clauses 4-10") as ExcelJS.Worksheet;
    const r = rowOf(clauses, "7.2");
    clauses.getRow(r).values = [];
    await wb.xlsx.writeFile(file("d2.xlsx"));
    await buildAssessmentFile({ out: file("d3.xlsx"), from: file("d2.xlsx") });
    const out = await open(file("d3.xlsx"));
    expect(rowOf(out.getWorksheet("Clauses 4-10") as ExcelJS.Worksheet, "7.2")).toBeGreaterThan(
      TABLE_HEADER_ROW
    );
  });

  it("refuses to overwrite its input", async () => {
    await buildAssessmentFile({ out: file("same.xlsx") });
    await expect(
      buildAssessmentFile({ out: file("same.xlsx"), from: file("same.xlsx") })
    ).rejects.toBeInstanceOf(UsageError);
  });

  // Speed: `npm run bench` ("build .xlsx file"); here a hang guard only.
  it("builds a workbook file from scratch", async () => {
    const result = await buildAssessmentFile({ out: file("speed.xlsx") });
    expect(result.rows).toBeGreaterThan(100);
  }, 60_000);
});

describe("Status words on Settings", () => {
  it("survive a rebuild and teach import a new answer word", async () => {
    const { main } = await import("../../src/cli/main");
    await buildAssessmentFile({ out: file("sw1.xlsx") });
    const wb = await open(file("sw1.xlsx"));
    const settings = wb.getWorksheet("Settings") as ExcelJS.Worksheet;
    // The title may stand in any column (the tables stand beside the settings, issue 16).
    let title = 0;
    let col = 0;
    settings.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.value === "Status words") [title, col] = [r, c];
      })
    );
    expect(title).toBeGreaterThan(0);
    settings.getCell(title + 2, col).value = "Umgesetzt";
    settings.getCell(title + 2, col + 1).value = "Compliant";
    settings.getCell(title + 3, col).value = "Offen";
    settings.getCell(title + 3, col + 1).value = "Non-Compliant";
    await wb.xlsx.writeFile(file("sw2.xlsx"));
    await buildAssessmentFile({ out: file("sw3.xlsx"), from: file("sw2.xlsx") });
    const rebuilt = (await open(file("sw3.xlsx"))).getWorksheet("Settings") as ExcelJS.Worksheet;
    expect([
      rebuilt.getCell(title + 2, col).value,
      rebuilt.getCell(title + 2, col + 1).value,
      rebuilt.getCell(title + 3, col).value,
    ]).toEqual(["Umgesetzt", "Compliant", "Offen"]);

    fs.writeFileSync(file("de.csv"), "Control;Umsetzung\nA.5.1;Umgesetzt\nA.5.2;Offen\n");
    const silent = { out: () => undefined, err: () => undefined };
    expect(
      await main(
        ["import", file("de.csv"), "--into", file("sw3.xlsx"), "--out", file("sw4.xlsx")],
        silent
      )
    ).toBe(0);
    const annex = (await open(file("sw4.xlsx"))).getWorksheet("Annex A") as ExcelJS.Worksheet;
    const cols = columns(annex);
    expect(annex.getCell(rowOf(annex, "5.1"), cols.get("Status") as number).value).toBe(
      "Compliant"
    );
    expect(annex.getCell(rowOf(annex, "5.2"), cols.get("Status") as number).value).toBe(
      "Non-Compliant"
    );
  });
});
