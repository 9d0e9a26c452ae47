// Settings' tables in a workbook saved by LibreOffice (issue 16): LibreOffice keeps them as
// tables, and the team and the status words are still read to their own ends; the layout drawn
// from that file keeps every row and the person's note where they were.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { readStatusWordsTable } from "../../src/core/statusWords";
import { teamNames } from "../../src/core/validate/team";
import { harvestWorkbook } from "../../src/core/read/harvest";
import { findSheet } from "../../src/core/read/sheets";
import { SHEETS } from "../../src/core/contract";
import { composeWorkbook } from "../../src/core/layout/compose";
import { parseCellAddress } from "../../src/core/snapshot";
import { planToSnapshots } from "../support/planSnapshots";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { openWorkbook } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-settings-lo-"));
const file = (n: string): string => path.join(dir, n);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(out: string) {
  const snapshots = await readSnapshots(out);
  const settings = findSheet(snapshots, SHEETS.settings);
  if (!settings) throw new Error("no Settings");
  return {
    words: [...readStatusWordsTable(settings).words],
    team: harvestWorkbook(snapshots).team,
    names: [...teamNames(settings)],
  };
}

describeWithTool("LibreOffice", SOFFICE, "Settings tables in a file LibreOffice saved", () => {
  it("reads them to their own ends, and the layout drawn from the file keeps every row and note", async () => {
    await buildAssessmentFile({ out: file("fresh.xlsx") });
    const wb = await openWorkbook(file("fresh.xlsx"));
    const ws = wb.getWorksheet(SHEETS.settings) as ExcelJS.Worksheet;
    const put = (a1: string, values: ExcelJS.CellValue[]): void => {
      const cell = ws.getCell(a1);
      values.forEach((v, i) => {
        ws.getCell(Number(cell.row), Number(cell.col) + i).value = v;
      });
    };
    put("E6", ["Anna", "ISMS lead", "Security"]);
    put("E8", ["Bob", "IT manager", "IT"]);
    put("I6", ["Umgesetzt", "Compliant"]);
    put("I26", ["Offen", "Non-Compliant"]);
    ws.getCell("C6").value = "Legal name, as registered";
    await wb.xlsx.writeFile(file("filled.xlsx"));
    const [saved] = await recalculate([file("filled.xlsx")]);

    const expected = {
      words: [
        ["Umgesetzt", "Compliant"],
        ["Offen", "Non-Compliant"],
      ],
      team: [
        ["Anna", "ISMS lead", "Security"],
        [null, null, null],
        ["Bob", "IT manager", "IT"],
      ],
      names: ["anna", "bob"],
    };
    expect(await read(saved)).toEqual(expected);
    const snapshots = await readSnapshots(saved);
    const settings = findSheet(snapshots, SHEETS.settings);
    expect(settings?.tables?.map((t) => t.name).sort()).toEqual(["AssessmentTeam", "StatusWords"]);
    // The plan a rebuild draws from it: the same tables, rows and note, where they were.
    const plan = composeWorkbook(snapshots).plan;
    const sheet = findSheet(plan.sheets, SHEETS.settings);
    expect(sheet?.tables.map((t) => [t.name, t.at, t.rows])).toEqual([
      ["AssessmentTeam", "E5", 30],
      ["StatusWords", "I5", 20],
    ]);
    const [again] = planToSnapshots({ sheets: sheet ? [sheet] : [], names: [] });
    const at = (a1: string) => {
      const { row, col } = parseCellAddress(a1);
      return again.values[row]?.[col] ?? null;
    };
    expect(["C6", "G6", "E8", "I26"].map(at)).toEqual([
      "Legal name, as registered",
      "Security",
      "Bob",
      "Offen",
    ]);
  }, 180_000);
});
