// The Summary's review-note counts (issue 18) recalculated in LibreOffice: open (Review = Open, or
// a Reviewer note with a blank Review), answered and closed notes per sheet must be what was typed,
// and agree with validate's review-open and review-answered lists.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { validateWorkbook } from "../../src/core/validate/validate";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";
import { headerColumns, rowById } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-review-"));
const file = (n: string): string => path.join(dir, n);

type Review = { Reviewer?: string; "Reviewer note"?: string; Response?: string; Review?: string };

/** What a reviewer and the assessors typed, per sheet and row. */
const TYPED: Record<string, Record<string, Review>> = {
  "Clauses 4-10": {
    "4.1": { Reviewer: "Ann", "Reviewer note": "Where is the context analysis?" }, // open (blank Review)
    "5.2": { "Reviewer note": "Policy unsigned", Review: "Open" }, // open
    "6.1.2": { "Reviewer note": "Method?", Response: "See RA-01", Review: "Answered" },
    "9.2.1": { "Reviewer note": "Plan?", Response: "Attached", Review: "Closed" },
    "10.2": { Response: "Nothing asked" }, // no note, no Review: not counted
  },
  "Annex A": {
    "5.1": { Review: "Open" }, // open without a note
    "5.2": { "Reviewer note": "Roles?", Response: "RACI v2", Review: "Answered" },
    "5.3": { "Reviewer note": "SoD?", Response: "Matrix", Review: "Answered" },
    "8.8": { "Reviewer note": "Scan cadence?", Response: "Weekly", Review: "Closed" },
    "8.9": { "Reviewer note": "Baseline?", Response: "CIS", Review: "Closed" },
    "8.10": { "Reviewer note": "Wipe proof?", Review: "Closed" },
  },
};

/** The counts the test typed: open, answered, closed. */
const EXPECTED: Record<string, [number, number, number]> = {
  "Clauses 4-10": [2, 1, 1],
  "Annex A": [1, 2, 3],
};

describeWithTool("LibreOffice", SOFFICE, "review-note counts on Summary", () => {
  let values: CachedWorkbook;

  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 46000 });
    const wb = new ExcelJS.Workbook();
    await openXlsxPackage(file("base.xlsx"), wb);
    for (const [sheet, rows] of Object.entries(TYPED)) {
      const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
      const cols = headerColumns(ws, TABLE_HEADER_ROW);
      for (const [id, cells] of Object.entries(rows))
        for (const [column, value] of Object.entries(cells))
          ws.getCell(rowById(ws, TABLE_HEADER_ROW, id), cols.get(column) as number).value = value;
    }
    await wb.xlsx.writeFile(file("reviewed.xlsx"));
    const [out] = await recalculate([file("reviewed.xlsx")]);
    values = await readCachedValues(out);
  }, 240000);

  /** The section's lines by sheet label: [open, answered, closed]. */
  function summaryCounts(): Map<string, unknown[]> {
    let title = -1;
    for (let r = 1; r < 400 && title < 0; r++)
      if (values.cell("Summary", `A${r}`) === "Review notes") title = r;
    expect(title).toBeGreaterThan(0);
    expect(["A", "B", "C", "D"].map((c) => values.cell("Summary", `${c}${title + 1}`))).toEqual([
      "Sheet",
      "Open",
      "Answered",
      "Closed",
    ]);
    const lines = new Map<string, unknown[]>();
    for (let r = title + 2; r <= title + 4; r++)
      lines.set(
        String(values.cell("Summary", `A${r}`)),
        ["B", "C", "D"].map((c) => values.cell("Summary", `${c}${r}`))
      );
    return lines;
  }

  it("counts what was typed, per sheet and in total", () => {
    const lines = summaryCounts();
    expect(lines.get("Clauses 4-10")).toEqual(EXPECTED["Clauses 4-10"]);
    expect(lines.get("Annex A")).toEqual(EXPECTED["Annex A"]);
    expect(lines.get("Total")).toEqual([3, 3, 4]);
  });

  it("agrees with validate's open and answered lists", async () => {
    const problems = validateWorkbook(await readSnapshots(file("reviewed.xlsx"))).problems;
    const lines = summaryCounts();
    for (const sheet of Object.keys(TYPED)) {
      const count = (rule: string) =>
        problems.filter((p) => p.rule === rule && p.sheet === sheet).length;
      expect([count("review-open"), count("review-answered")]).toEqual(
        (lines.get(sheet) as number[]).slice(0, 2)
      );
    }
    expect(problems.filter((p) => p.rule === "review-invalid")).toEqual([]);
  });
});
