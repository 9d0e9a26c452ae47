// Each cell we own carries exactly one data validation, however many times the workbook is
// written from itself (issue 16): build → build --from → plan → snapshot → plan again after a
// re-assessment → snapshot. The input is a workbook filled in by a program that writes
// overlapping validation ranges (ExcelJS joins cells from addresses sorted as text, so one column
// holds D5:D34 and D10:D34), as a file from elsewhere may: the output must not repeat them. A
// rule Excel stored as an x14 extension (ExcelJS does not read those) must not be added twice.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { composeWorkbook } from "../../src/core/layout/compose";
import { X14_DATA_VALIDATIONS_URI } from "../../src/xlsx/package/x14Validations";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { capture } from "../support/cliIo";
import { fillRealistically } from "../support/realisticAssessment";
import { cellsOf, validationCoverage } from "../support/validationCoverage";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-dv-once-"));
const file = (n: string): string => path.join(dir, n);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<void> {
  const io = capture();
  const code = await main(args, io);
  if (code !== 0) throw new Error(`gap-assessor ${args.join(" ")} exited ${code}: ${io.stderr}`);
}

/** Cells covered by more than one validation, as "Sheet!row:col". */
async function coveredTwice(name: string): Promise<string[]> {
  const out: string[] = [];
  for (const [sheet, counts] of await validationCoverage(file(name)))
    for (const [cell, n] of counts) if (n > 1) out.push(`${sheet}!${cell}`);
  return out;
}

/** Cells of the plan's validations (as the workbook stands) not covered exactly once. */
async function ownedNotOnce(name: string): Promise<string[]> {
  const { plan } = composeWorkbook(await readSnapshots(file(name)), {});
  const coverage = await validationCoverage(file(name));
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    const counts = coverage.get(sheet.name) ?? new Map<string, number>();
    for (const v of sheet.validations)
      for (const cell of cellsOf(v.range))
        if (counts.get(cell) !== 1) out.push(`${sheet.name}!${cell}=${counts.get(cell) ?? 0}`);
  }
  return out;
}

const STEPS = [
  "rebuilt.xlsx",
  "planned.xlsx",
  "snapshot.xlsx",
  "replanned.xlsx",
  "snapshot2.xlsx",
] as const;

describe("data validations after every writing command", () => {
  beforeAll(async () => {
    await cli("build", "--out", file("built.xlsx"), "--org", "Acme Ltd");
    await fillRealistically(file("built.xlsx"), file("filled.xlsx"));
    await cli("build", "--from", file("filled.xlsx"), "--out", file("rebuilt.xlsx"));
    await cli("plan", file("rebuilt.xlsx"), "--out", file("planned.xlsx"));
    await cli("snapshot", file("planned.xlsx"), "--out", file("snapshot.xlsx"), "--note", "Q1");
    // A re-assessment: two compliant controls become gaps, so the plan grows by two rows.
    const wb = await openWorkbook(file("snapshot.xlsx"));
    const annex = wb.getWorksheet("Annex A") as ExcelJS.Worksheet;
    const status = headerColumns(annex, 4).get("Status") as number;
    let changed = 0;
    for (let r = 5; r <= annex.rowCount && changed < 2; r++)
      if (annex.getCell(r, status).value === "Compliant") {
        annex.getCell(r, status).value = "Non-Compliant";
        changed++;
      }
    expect(changed).toBe(2);
    annex.getCell(rowById(annex, 4, "5.1"), status).value = "Partially Compliant";
    await wb.xlsx.writeFile(file("reassessed.xlsx"));
    await cli("plan", file("reassessed.xlsx"), "--out", file("replanned.xlsx"));
    await cli("snapshot", file("replanned.xlsx"), "--out", file("snapshot2.xlsx"));
  }, 180_000);

  it("starts from a file whose validation ranges overlap (what the fixture's writer does)", async () => {
    expect((await coveredTwice("filled.xlsx")).length).toBeGreaterThan(0);
  });

  it.each(STEPS)("%s: no cell is covered by two validations", async (name) => {
    expect(await coveredTwice(name)).toEqual([]);
  });

  it.each(STEPS)("%s: every cell the plan validates has exactly one validation", async (name) => {
    expect(await ownedNotOnce(name)).toEqual([]);
  });

  it("a rule Excel wrote as an x14 extension is read, not added again, and a person's own stays", async () => {
    // Excel keeps a rule whose formula refers to another sheet in the sheet's extLst (x14).
    const zip = await JSZip.loadAsync(fs.readFileSync(file("rebuilt.xlsx")));
    const part = "xl/worksheets/sheet2.xml"; // Annex A, the second tab
    let xml = (await zip.file(part)?.async("string")) ?? "";
    expect(xml).toContain("<sheetData");
    const status =
      /<dataValidation\b[^>]*>(?:(?!<\/dataValidation>)[\s\S])*?Status_List[\s\S]*?<\/dataValidation>/.exec(
        xml
      );
    if (!status) throw new Error("no Status validation on Annex A");
    const sqref = /sqref="([^"]*)"/.exec(status[0])?.[1] as string;
    const x14 = (formula: string, ref: string, extra = ""): string =>
      `<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"${extra}>` +
      `<x14:formula1><xm:f>${formula}</xm:f></x14:formula1><xm:sqref>${ref}</xm:sqref></x14:dataValidation>`;
    xml = xml
      .replace(status[0], "")
      .replace(
        "</worksheet>",
        `<extLst><ext uri="${X14_DATA_VALIDATIONS_URI}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
          `<x14:dataValidations count="2" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
          x14("Settings!$A$15:$A$19", sqref) +
          x14("Settings!$A$48:$A$51", "Z5:Z9", ' errorTitle="Their own"') +
          "</x14:dataValidations></ext></extLst></worksheet>"
      );
    zip.file(part, xml);
    fs.writeFileSync(file("x14.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
    await cli("build", "--from", file("x14.xlsx"), "--out", file("x14-rebuilt.xlsx"));

    expect(await coveredTwice("x14-rebuilt.xlsx")).toEqual([]);
    expect(await ownedNotOnce("x14-rebuilt.xlsx")).toEqual([]);
    // The person's own rule is still there, once, with its formula and title.
    const out = (await JSZip.loadAsync(fs.readFileSync(file("x14-rebuilt.xlsx"))))
      .file(part)
      ?.async("string");
    const theirs = [
      ...((await out) ?? "").matchAll(
        /<(?:\w+:)?dataValidation\b[^>]*Their own[\s\S]*?<\/(?:\w+:)?dataValidation>/g
      ),
    ];
    expect(theirs).toHaveLength(1);
    expect(theirs[0][0]).toContain("Settings!$A$48:$A$51");
    expect(theirs[0][0]).toMatch(/Z5:Z9/);
  });

  it("the Remediation Plan's validations follow its rows as the plan grows", async () => {
    const rows = async (name: string): Promise<number> => {
      const { plan } = composeWorkbook(await readSnapshots(file(name)), {});
      const sheet = plan.sheets.find((s) => s.name === "Remediation Plan");
      return sheet?.tables[0]?.rows ?? 0;
    };
    expect(await rows("replanned.xlsx")).toBeGreaterThan(await rows("planned.xlsx"));
    expect(await ownedNotOnce("replanned.xlsx")).toEqual([]);
  });
});
