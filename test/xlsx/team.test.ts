// Issue 11 on files: the team table feeds the Owner dropdowns, method / assessor / date and
// maturity columns survive a rebuild, maturity mode shows the column, and averages recalculate.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues } from "../support/xlsxValues";
import { openWorkbook } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-team-"));
const file = (n: string): string => path.join(dir, n);

const open = openWorkbook;
const cols = (ws: ExcelJS.Worksheet): Map<string, number> => {
  const m = new Map<string, number>();
  ws.getRow(TABLE_HEADER_ROW).eachCell((c, i) => m.set(String(c.value), i));
  return m;
};
const rowOf = (ws: ExcelJS.Worksheet, id: string): number => {
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++)
    if (String(ws.getCell(r, 1).value) === id) return r;
  throw new Error(id);
};
function labelRow(ws: ExcelJS.Worksheet, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  throw new Error(label);
}
/** A title in any column (the team table stands beside the settings, issue 16): [row, column]. */
function titleCell(ws: ExcelJS.Worksheet, title: string): [number, number] {
  let found: [number, number] | undefined;
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (!found && cell.value === title) found = [r, c];
    })
  );
  if (!found) throw new Error(title);
  return found;
}

/** Fills the team, switches maturity on and assesses a few clause rows with method and maturity. */
async function prepare(): Promise<void> {
  await buildAssessmentFile({ out: file("t0.xlsx") });
  const wb = await open(file("t0.xlsx"));
  const settings = wb.getWorksheet("Settings") as ExcelJS.Worksheet;
  const [title, col] = titleCell(settings, "Assessment team");
  const team = title + 2;
  [
    ["Alice", "ISMS lead", "Security"],
    ["Bob", "IT manager", "IT"],
  ].forEach((m, i) =>
    m.forEach((v, j) => {
      settings.getCell(team + i, col + j).value = v;
    })
  );
  settings.getCell(labelRow(settings, "Show maturity column"), 2).value = "Yes";
  const clauses = wb.getWorksheet("Clauses 4-10") as ExcelJS.Worksheet;
  const c = cols(clauses);
  const set = (id: string, values: Record<string, ExcelJS.CellValue>): void => {
    for (const [k, v] of Object.entries(values))
      clauses.getCell(rowOf(clauses, id), c.get(k) as number).value = v;
  };
  set("4.1", {
    Status: "Compliant",
    Maturity: 4,
    Method: "Interview, Document review",
    "Assessed by": "Alice",
    "Assessed on": new Date(Date.UTC(2026, 10, 20)),
  });
  set("4.2", {
    Status: "Partially Compliant",
    Maturity: 1,
    Method: "Interview",
    "Assessed by": "Bob",
  });
  set("5.1", { Maturity: 3 });
  await wb.xlsx.writeFile(file("t1.xlsx"));
  await buildAssessmentFile({ from: file("t1.xlsx"), out: file("t2.xlsx") });
}

describe("team, method and maturity on files", () => {
  beforeAll(prepare);

  it("hides the Maturity column until Settings switches maturity mode on", async () => {
    const fresh = (await open(file("t0.xlsx"))).getWorksheet("Annex A") as ExcelJS.Worksheet;
    expect(fresh.getColumn(cols(fresh).get("Maturity") as number).hidden).toBe(true);
    const rebuilt = (await open(file("t2.xlsx"))).getWorksheet("Annex A") as ExcelJS.Worksheet;
    expect(rebuilt.getColumn(cols(rebuilt).get("Maturity") as number).hidden).toBe(false);
  });

  it("keeps the team, methods, assessors, dates and maturity levels on rebuild", async () => {
    const wb = await open(file("t2.xlsx"));
    const settings = wb.getWorksheet("Settings") as ExcelJS.Worksheet;
    const [title, col] = titleCell(settings, "Assessment team");
    const team = title + 2;
    expect([settings.getCell(team, col).value, settings.getCell(team + 1, col + 1).value]).toEqual([
      "Alice",
      "IT manager",
    ]);
    const clauses = wb.getWorksheet("Clauses 4-10") as ExcelJS.Worksheet;
    const c = cols(clauses);
    const r = rowOf(clauses, "4.1");
    expect([
      clauses.getCell(r, c.get("Maturity") as number).value,
      clauses.getCell(r, c.get("Method") as number).value,
      clauses.getCell(r, c.get("Assessed by") as number).value,
    ]).toEqual([4, "Interview, Document review", "Alice"]);
    expect(
      (clauses.getCell(r, c.get("Assessed on") as number).value as Date).toISOString().slice(0, 10)
    ).toBe("2026-11-20");
  });

  it("offers the team as the Owner dropdown, accepting other names with a warning", async () => {
    const wb = await open(file("t2.xlsx"));
    const annex = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
    const model = (
      annex as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    const letter = String.fromCharCode(64 + (cols(annex).get("Owner") as number));
    const owner = Object.entries(model).find(([range]) => range.startsWith(letter))?.[1];
    expect(owner).toMatchObject({ type: "list", formulae: ["Team_Names"], errorStyle: "warning" });
    const [ref] = wb.definedNames.getRanges("Team_Names").ranges;
    expect(ref).toMatch(/Settings'?!\$([A-Z]+)\$\d+:\$\1\$\d+/);
  });
});

describeWithTool("LibreOffice", SOFFICE, "maturity averages in LibreOffice", () => {
  it("averages the maturity levels given per clause on Summary", async () => {
    const [out] = await recalculate([file("t2.xlsx")]);
    const values = await readCachedValues(out);
    const find = (prefix: string): number => {
      for (let r = 1; r < 120; r++)
        if (String(values.cell("Summary", `A${r}`) ?? "").startsWith(prefix)) return r;
      throw new Error(prefix);
    };
    expect(values.cell("Summary", `I${find("Clause 4 ")}`)).toBeCloseTo(2.5, 10);
    expect(values.cell("Summary", `I${find("Clause 5 ")}`)).toBe(3);
    expect(values.cell("Summary", `I${find("Clause 6 ")}`) ?? "").toBe("");
  });
});
