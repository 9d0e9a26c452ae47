// `gap-assessor compare`: every edited input cell, keyed by sheet, ID and column; rows matched by
// ID (reordered and added rows), ids Excel turned into numbers read as shown, formula results and
// untouched cells never listed, renamed sheets refused, Markdown escaped, a Changes sheet linked.
import * as fs from "fs";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/core/contract";
import {
  buildWorkbook,
  capture,
  cell,
  editCopy,
  headers,
  openBook,
  rowOf,
  settingCell,
  sheet,
  tempDir,
} from "../core/compare/workbookEdits";

const file = tempDir("gap-compare-");
const base = file("base.xlsx");
const edited = file("edited.xlsx");

interface Json {
  changes: {
    sheet: string;
    id: string;
    column: string;
    before: string | null;
    after: string | null;
  }[];
  added: { sheet: string; id: string }[];
  removed: { sheet: string; id: string }[];
  summary: { changes: number; added: number; removed: number };
}

async function compareJson(a: string, b: string): Promise<{ code: number; json: Json }> {
  const io = capture();
  const code = await main(["compare", a, b, "--json"], io);
  return { code, json: JSON.parse(io.stdout) as Json };
}

/** Swaps the whole contents (values, formulas, formats) of two rows: the rows trade places. */
function swapRows(ws: ExcelJS.Worksheet, a: number, b: number): void {
  const width = ws.columnCount;
  for (let c = 1; c <= width; c++) {
    const x = ws.getCell(a, c);
    const y = ws.getCell(b, c);
    const [xv, yv] = [x.value, y.value];
    const [xs, ys] = [{ ...x.style }, { ...y.style }];
    x.value = yv;
    y.value = xv;
    x.style = ys;
    y.style = xs;
  }
}

beforeAll(async () => {
  await buildWorkbook(base);
  await editCopy(base, edited, (wb) => {
    const annex = sheet(wb, SHEETS.annexA);
    cell(annex, "5.1", "Status").value = "Compliant";
    cell(annex, "5.1", "Evidence").value = "=not a formula, typed text";
    cell(annex, "5.2", "Likelihood").value = 4;
    cell(annex, "5.3", "Applicable").value = "No";
    cell(annex, "5.3", "Justification").value = "No suppliers";
    // Rows reordered by hand: 5.5 and 5.6 trade places (no change to report).
    swapRows(annex, rowOf(annex, "5.5"), rowOf(annex, "5.6"));
    // Excel turned the id 5.10 into a number that shows as 5.10.
    cell(annex, "5.10", "Notes").value = "Checked";
    const id = cell(annex, "5.10", "ID");
    id.value = 5.1;
    id.numFmt = "0.00";
    const clauses = sheet(wb, SHEETS.clauses);
    cell(clauses, "4.1", "Owner").value = "Alice";
    cell(clauses, "6.1.2", "Assessed on").value = new Date(Date.UTC(2026, 10, 20));
    const docs = sheet(wb, SHEETS.documents);
    const { at } = headers(docs);
    docs.getCell(rowOf(docs, "security-policy"), at.get("Exists") as number).value = "Yes";
    const risks = sheet(wb, SHEETS.risks);
    const r = headers(risks);
    risks.getCell(r.row + 1, r.at.get("ID") as number).value = "R-1";
    risks.getCell(r.row + 1, r.at.get("Asset or process") as number).value = "Laptops";
    settingCell(sheet(wb, SHEETS.settings), "Organisation").value = "Acme Ltd";
  });
});

describe("compare", () => {
  it("lists exactly the edited input cells, by sheet, ID and column, with before and after", async () => {
    const { code, json } = await compareJson(base, edited);
    expect(code).toBe(1);
    const keys = json.changes.map((c) => `${c.sheet}|${c.id}|${c.column}|${c.before}|${c.after}`);
    expect(keys.sort()).toEqual(
      [
        "Annex A|5.1|Status|Not Assessed|Compliant",
        "Annex A|5.1|Evidence|null|=not a formula, typed text",
        "Annex A|5.2|Likelihood|null|4",
        "Annex A|5.3|Applicable|Yes|No",
        "Annex A|5.3|Justification|null|No suppliers",
        "Annex A|5.10|Notes|null|Checked",
        "Clauses 4-10|4.1|Owner|null|Alice",
        "Clauses 4-10|6.1.2|Assessed on|null|2026-11-20",
        "Documents|security-policy|Exists|null|Yes",
        "Settings|Organisation|Value|null|Acme Ltd",
      ].sort()
    );
    expect(json.added).toEqual([expect.objectContaining({ sheet: SHEETS.risks, id: "R-1" })]);
    expect(json.removed).toEqual([]);
    expect(json.summary).toEqual(expect.objectContaining({ changes: 10, added: 1, removed: 0 }));
  });

  it("finds nothing between a workbook and itself, and reports removed rows the other way", async () => {
    expect((await compareJson(base, base)).json.changes).toEqual([]);
    const back = await compareJson(edited, base);
    expect(back.json.removed).toEqual([
      expect.objectContaining({ sheet: SHEETS.risks, id: "R-1" }),
    ]);
    expect(back.json.changes).toHaveLength(10);
  });

  it("prints the changes grouped by sheet", async () => {
    const io = capture();
    await main(["compare", base, edited], io);
    expect(io.stdout).toMatch(/Annex A:\n {2}5\.1 · Status \(G5\): Not Assessed → Compliant/);
    expect(io.stdout).toMatch(/Risk Register:\n {2}\+ row R-1 added/);
    expect(io.stdout.indexOf("Annex A:")).toBeLessThan(io.stdout.indexOf("Documents:"));
  });

  it("writes escaped Markdown", async () => {
    const out = file("changes.md");
    expect(await main(["compare", base, edited, "--out", out], capture())).toBe(1);
    const md = fs.readFileSync(out, "utf8");
    expect(md).toContain("## Annex A");
    expect(md).toContain("| 5.1 | Status | G5 | Not Assessed | Compliant |");
    expect(md).toContain("\\=not a formula, typed text");
  });

  it("writes a Changes sheet with a link to each changed cell in NEW", async () => {
    const out = file("changes.xlsx");
    await main(["compare", base, edited, "--out", out], capture());
    const ws = sheet(await openBook(out), "Changes");
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    expect(rows).toHaveLength(11);
    const status = rows.find((r) => r[1] === "5.1" && r[2] === "Status") as ExcelJS.CellValue[];
    expect(status[6]).toEqual({ text: "Annex A!G5", hyperlink: "edited.xlsx#'Annex A'!G5" });
    // Text from a cell stays text.
    const evidence = ws.getCell(rows.findIndex((r) => r[2] === "Evidence") + 2, 6);
    expect(evidence.type).toBe(ExcelJS.ValueType.String);
  });

  it("refuses a renamed sheet of ours by name", async () => {
    const renamed = file("renamed.xlsx");
    await editCopy(base, renamed, (wb) => {
      sheet(wb, SHEETS.annexA).name = "Controls";
    });
    const io = capture();
    expect(await main(["compare", base, renamed], io)).toBe(2);
    expect(io.stderr).toContain('no sheet "Annex A"');
    expect(io.stderr).toContain('"Controls"');
  });

  it("refuses an output that is an input, and an unknown output kind", async () => {
    expect(await main(["compare", base, edited, "--out", edited], capture())).toBe(2);
    expect(await main(["compare", base, edited, "--out", file("x.csv")], capture())).toBe(2);
    expect(await main(["compare", base], capture())).toBe(2);
  });
});
