// A workbook built before the "Evidence hint" and review columns existed (issues 17 and 18),
// rebuilt by the CLI (build --from, plan, snapshot): the missing columns are added to the
// existing tables with their catalog text, lists and formats; every value typed, the person's
// own column and the Summary's new counts are there.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { CONTROLS, CLAUSES } from "../../src/catalog";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { renderPlanToWorkbook } from "../../src/xlsx/renderPlan";
import { dataValidations, tableModel } from "../../src/xlsx/exceljsModel";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";
import { NEW_COLUMNS, OWN_COLUMN, oldLayoutPlan } from "../support/oldLayout";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-later-"));
const file = (n: string): string => path.join(dir, n);
const silent = { out: () => undefined, err: () => undefined };

/** The table's headers, in order, from its model (what Excel reads). */
function tableHeaders(ws: ExcelJS.Worksheet, name: string): string[] {
  return tableModel(ws.getTable(name)).columns.map((c) => c.name);
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await renderPlanToWorkbook(oldLayoutPlan(), wb);
  await wb.xlsx.writeFile(file("old.xlsx"));
});

describe("a rebuild of a workbook without the new columns", () => {
  it("the fixture is the old layout: no new column, the person's own column last", async () => {
    const ws = (await openWorkbook(file("old.xlsx"))).getWorksheet("Annex A")!;
    const headers = tableHeaders(ws, "AnnexA");
    for (const c of NEW_COLUMNS) expect(headers).not.toContain(c);
    expect(headers.slice(-2)).toEqual(["Notes", OWN_COLUMN]);
  });

  it.each([
    ["build --from", (out: string) => ["build", "--from", file("old.xlsx"), "--out", out]],
    ["plan", (out: string) => ["plan", file("old.xlsx"), "--out", out]],
    [
      "snapshot",
      (out: string) => ["snapshot", file("old.xlsx"), "--out", out, "--date", "2026-11-28"],
    ],
  ])("%s adds the columns and keeps every value", async (name, args) => {
    const out = file(`${name.replace(/\W+/g, "-")}.xlsx`);
    expect(await main(args(out), silent)).toBe(0);
    const wb = await openWorkbook(out);
    const annex = wb.getWorksheet("Annex A")!;
    const headers = tableHeaders(annex, "AnnexA");
    for (const c of NEW_COLUMNS) expect(headers).toContain(c);
    expect(headers).toContain(OWN_COLUMN);
    // Header cells agree with the table model, and the table covers them.
    const cols = headerColumns(annex, TABLE_HEADER_ROW);
    expect([...cols.keys()]).toEqual(headers);
    expect(tableModel(annex.getTable("AnnexA")).tableRef).toBe(
      `A${TABLE_HEADER_ROW}:${annex.getColumn(headers.length).letter}${TABLE_HEADER_ROW + 94}`
    );

    const r51 = rowById(annex, TABLE_HEADER_ROW, "5.1");
    const at = (row: number, h: string) => annex.getCell(row, cols.get(h)!).value;
    expect(at(r51, "Status")).toBe("Compliant");
    expect(at(r51, "Evidence")).toBe("ISMS policy v3");
    expect(at(r51, "Owner")).toBe("CISO");
    expect(at(r51, "Notes")).toBe("Signed 2024-02");
    expect(at(r51, OWN_COLUMN)).toBe("Seen on site");
    expect(at(r51, "Evidence hint")).toBe(CONTROLS[0].evidence);
    for (const h of ["Reviewer", "Reviewer note", "Response", "Review"])
      expect(at(r51, h) ?? null).toBeNull();
    const own = rowById(annex, TABLE_HEADER_ROW, "X.1");
    expect(at(own, OWN_COLUMN)).toBe("Hand row");
    expect(at(own, "Status")).toBe("Non-Compliant");

    // The new columns take the plan's formats where they now stand, blank cells too: the review
    // columns are open for typing on the protected sheet, the hint is locked catalog text.
    const cell = (row: number, h: string) => annex.getCell(row, cols.get(h)!);
    for (const h of ["Reviewer", "Reviewer note", "Response", "Review"])
      expect(cell(r51, h).protection?.locked).toBe(false);
    expect(cell(r51, "Evidence hint").protection?.locked).not.toBe(false);
    expect(cell(r51, "Reviewer note").alignment?.wrapText).toBe(true);
    // The new columns get their lists where they now stand.
    const review = annex.getColumn(cols.get("Review")!).letter;
    const reviewer = annex.getColumn(cols.get("Reviewer")!).letter;
    const rules = dataValidations(annex);
    expect(rules.find(`${review}${r51}`)).toMatchObject({
      type: "list",
      formulae: ['"Open,Answered,Closed"'],
    });
    expect(rules.find(`${reviewer}${r51}`)).toMatchObject({
      type: "list",
      formulae: ["Team_Names"],
    });

    const clauses = wb.getWorksheet("Clauses 4-10")!;
    const ccols = headerColumns(clauses, TABLE_HEADER_ROW);
    const r41 = rowById(clauses, TABLE_HEADER_ROW, "4.1");
    expect(clauses.getCell(r41, ccols.get("Evidence")!).value).toBe("Context memo 2024");
    expect(clauses.getCell(r41, ccols.get("Evidence hint")!).value).toBe(CLAUSES[0].evidence);
    expect(clauses.getCell(r41, ccols.get("Notes")!).value).toBe("Board asked");

    // The Summary counts review notes over the columns that now exist.
    const summary = wb.getWorksheet("Summary")!;
    const formulas: string[] = [];
    summary.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell.value as { formula?: string } | null)?.formula;
        if (f) formulas.push(f);
      })
    );
    expect(formulas).toContain('COUNTIFS(AnnexA[Review],"Answered")');
  });

  it("a second rebuild changes nothing more", async () => {
    const first = file("again-1.xlsx");
    const second = file("again-2.xlsx");
    expect(await main(["build", "--from", file("old.xlsx"), "--out", first], silent)).toBe(0);
    expect(await main(["build", "--from", first, "--out", second], silent)).toBe(0);
    const [a, b] = await Promise.all([openWorkbook(first), openWorkbook(second)]);
    for (const sheet of ["Clauses 4-10", "Annex A"]) {
      const x = a.getWorksheet(sheet)!;
      const y = b.getWorksheet(sheet)!;
      expect(tableHeaders(y, sheet === "Annex A" ? "AnnexA" : "Clauses")).toEqual(
        tableHeaders(x, sheet === "Annex A" ? "AnnexA" : "Clauses")
      );
      const values = (ws: ExcelJS.Worksheet) =>
        ws.getSheetValues().map((r) => JSON.stringify(r ?? null));
      expect(values(y)).toEqual(values(x));
    }
  });
});
