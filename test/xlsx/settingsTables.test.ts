// Settings' tables on files (issue 16): the team and the status words are Excel tables side by
// side; a word added under the status words never swallows the team; team rows after a blank row,
// and a person's own notes on Settings, survive `build --from`; the status words still teach
// import a new answer word, and the team still feeds the Owner lists and validate.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { readStatusWordsTable } from "../../src/core/statusWords";
import { teamNames } from "../../src/core/validate/team";
import { harvestWorkbook } from "../../src/core/read/harvest";
import { validateWorkbook } from "../../src/core/validate/validate";
import { findSheet } from "../../src/core/read/sheets";
import { SHEETS, TABLES } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { placeSections, settingsSections, STATUS_WORDS_TABLE } from "../../src/core/settings";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-settings-tables-"));
const file = (n: string): string => path.join(dir, n);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const settingsOf = (wb: ExcelJS.Workbook): ExcelJS.Worksheet =>
  wb.getWorksheet(SHEETS.settings) as ExcelJS.Worksheet;

/** 1-based [row, column] of the first cell holding `text`. */
function find(ws: ExcelJS.Worksheet, text: string): [number, number] {
  let found: [number, number] | undefined;
  ws.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (!found && cell.value === text) found = [r, c];
    })
  );
  if (!found) throw new Error(`"${text}" not on ${ws.name}`);
  return found;
}

/** The range of an Excel table on the sheet ("E5:G35"). */
function tableRef(ws: ExcelJS.Worksheet, name: string): string {
  const table = ws.getTable(name) as unknown as { table?: { tableRef?: string; ref?: string } };
  return String(table?.table?.tableRef ?? table?.table?.ref ?? "");
}

function put(ws: ExcelJS.Worksheet, row: number, col: number, values: ExcelJS.CellValue[]): void {
  values.forEach((v, i) => {
    ws.getCell(row, col + i).value = v;
  });
}

async function settingsSnapshot(out: string) {
  const snapshots = await readSnapshots(out);
  const settings = findSheet(snapshots, SHEETS.settings);
  if (!settings) throw new Error("no Settings");
  return { snapshots, settings };
}

describe("Settings tables on files", () => {
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("fresh.xlsx") });
  }, 60_000);

  it("writes the team and the status words as Excel tables side by side", async () => {
    const ws = settingsOf(await openWorkbook(file("fresh.xlsx")));
    expect([tableRef(ws, TABLES.team), tableRef(ws, TABLES.statusWords)]).toEqual([
      "E5:G35",
      "I5:J25",
    ]);
    expect([find(ws, "Assessment team"), find(ws, "Status words")]).toEqual([
      [4, 5],
      [4, 9],
    ]);
  });

  describe("after a person fills them and adds rows and notes", () => {
    beforeAll(async () => {
      const wb = await openWorkbook(file("fresh.xlsx"));
      const ws = settingsOf(wb);
      // Team: Anna, a blank row, Bob.
      put(ws, 6, 5, ["Anna", "ISMS lead", "Security"]);
      put(ws, 8, 5, ["Bob", "IT manager", "IT"]);
      // Status words: one in the table, one in its last row, one typed straight under it.
      put(ws, 6, 9, ["Umgesetzt", "Compliant"]);
      put(ws, 25, 9, ["Teilweise", "Partially Compliant"]);
      put(ws, 26, 9, ["Offen", "Non-Compliant"]);
      // Notes of their own: beside a setting, between the tables, far below, and a formula.
      ws.getCell("C6").value = "Legal name, as registered";
      ws.getCell("H12").value = "Ask HR for contractors";
      ws.getCell("A80").value = "Reviewed with the CFO";
      ws.getCell("L3").value = {
        formula: "Weight_Partial*2",
        result: 1,
      } as ExcelJS.CellFormulaValue;
      // Bob owns a row; Carol, not on the team, another.
      const annex = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
      const cols = headerColumns(annex, TABLE_HEADER_ROW);
      annex.getCell(rowById(annex, TABLE_HEADER_ROW, "5.1"), cols.get("Owner") as number).value =
        "Bob";
      annex.getCell(rowById(annex, TABLE_HEADER_ROW, "5.2"), cols.get("Owner") as number).value =
        "Carol";
      await wb.xlsx.writeFile(file("filled.xlsx"));
      await buildAssessmentFile({ from: file("filled.xlsx"), out: file("rebuilt.xlsx") });
      await buildAssessmentFile({ from: file("rebuilt.xlsx"), out: file("twice.xlsx") });
    }, 120_000);

    it("keeps the word added under the status words, the team table, and Anna's department", async () => {
      for (const out of ["rebuilt.xlsx", "twice.xlsx"]) {
        const ws = settingsOf(await openWorkbook(file(out)));
        expect([tableRef(ws, TABLES.team), tableRef(ws, TABLES.statusWords)]).toEqual([
          "E5:G35",
          "I5:J25",
        ]);
        expect([6, 7, 8].map((r) => [5, 6, 7].map((c) => ws.getCell(r, c).value ?? null))).toEqual([
          ["Anna", "ISMS lead", "Security"],
          [null, null, null],
          ["Bob", "IT manager", "IT"],
        ]);
        expect([6, 25, 26].map((r) => [ws.getCell(r, 9).value, ws.getCell(r, 10).value])).toEqual([
          ["Umgesetzt", "Compliant"],
          ["Teilweise", "Partially Compliant"],
          ["Offen", "Non-Compliant"],
        ]);
        const { settings } = await settingsSnapshot(file(out));
        const { words, problems } = readStatusWordsTable(settings);
        expect([...words.keys()]).toEqual(["Umgesetzt", "Teilweise", "Offen"]);
        expect(problems).toEqual([]);
      }
    });

    it("keeps team rows after a blank row: in the Owner list, and for validate", async () => {
      const wb = await openWorkbook(file("rebuilt.xlsx"));
      const [ref] = wb.definedNames.getRanges("Team_Names").ranges;
      // The list spans the table's rows, Bob's (after the blank row) included.
      expect(ref).toMatch(/Settings'?!\$E\$6:\$E\$35$/);
      const { snapshots, settings } = await settingsSnapshot(file("rebuilt.xlsx"));
      expect([...teamNames(settings)]).toEqual(["anna", "bob"]);
      expect(harvestWorkbook(snapshots).team).toEqual([
        ["Anna", "ISMS lead", "Security"],
        [null, null, null],
        ["Bob", "IT manager", "IT"],
      ]);
      const warned = validateWorkbook(snapshots)
        .problems.filter((p) => p.rule === "owner-not-in-team")
        .map((p) => p.message);
      expect(warned.some((m) => m.includes('"Carol"'))).toBe(true);
      expect(warned.some((m) => m.includes('"Bob"'))).toBe(false);
    });

    it("keeps the notes a person typed on Settings, their formula too", async () => {
      for (const out of ["rebuilt.xlsx", "twice.xlsx"]) {
        const ws = settingsOf(await openWorkbook(file(out)));
        expect([ws.getCell("C6").value, ws.getCell("H12").value, ws.getCell("A80").value]).toEqual([
          "Legal name, as registered",
          "Ask HR for contractors",
          "Reviewed with the CFO",
        ]);
        expect(ws.getCell("L3").formula).toBe("Weight_Partial*2");
      }
    });

    it("teaches import the words on Settings", async () => {
      const { main } = await import("../../src/cli/main");
      fs.writeFileSync(file("de.csv"), "Control;Umsetzung\nA.5.1;Offen\nA.5.2;Teilweise\n");
      const silent = { out: () => undefined, err: () => undefined };
      expect(
        await main(
          [
            "import",
            file("de.csv"),
            "--into",
            file("rebuilt.xlsx"),
            "--out",
            file("imported.xlsx"),
          ],
          silent
        )
      ).toBe(0);
      const annex = (await openWorkbook(file("imported.xlsx"))).getWorksheet(
        SHEETS.annexA
      ) as ExcelJS.Worksheet;
      const cols = headerColumns(annex, TABLE_HEADER_ROW);
      const status = (id: string) =>
        annex.getCell(rowById(annex, TABLE_HEADER_ROW, id), cols.get("Status") as number).value;
      expect([status("5.1"), status("5.2")]).toEqual(["Non-Compliant", "Partially Compliant"]);
    }, 60_000);
  });

  it("moves the older stacked layout out, and a word added under its status words swallows nothing", async () => {
    // A workbook whose Settings still has the status words and the team stacked under the
    // sections, with a word typed into the blank row between them (the corruption).
    const wb = await openWorkbook(file("fresh.xlsx"));
    const ws = settingsOf(wb);
    ws.removeTable(TABLES.team);
    ws.removeTable(TABLES.statusWords);
    for (let r = 1; r <= 40; r++) for (let c = 5; c <= 10; c++) ws.getCell(r, c).value = null;
    // The older layout: a blank row under the last section.
    const sections = placeSections(settingsSections("", 0));
    const last = sections[sections.length - 1];
    const title = last.title + 2 + last.section.rows.length + 2;
    put(ws, title, 1, ["Status words"]);
    put(ws, title + 1, 1, ["Word", "Status", STATUS_WORDS_TABLE.hint]);
    put(ws, title + 2, 1, ["Erfüllt", "Compliant"]);
    put(ws, title + 3, 1, ["Offen", "Non-Compliant"]); // typed into the blank row
    put(ws, title + 4, 1, ["Assessment team"]);
    put(ws, title + 5, 1, ["Name", "Role", "Department"]);
    put(ws, title + 6, 1, ["Anna", "ISMS lead", "Security"]);
    put(ws, title + 8, 1, ["Bob", "IT manager", "IT"]);
    ws.getCell("E20").value = "A note where the team table goes";
    await wb.xlsx.writeFile(file("stacked.xlsx"));

    const before = (await settingsSnapshot(file("stacked.xlsx"))).settings;
    expect([...readStatusWordsTable(before).words.keys()]).toEqual(["Erfüllt", "Offen"]);

    await buildAssessmentFile({ from: file("stacked.xlsx"), out: file("moved.xlsx") });
    const { snapshots, settings } = await settingsSnapshot(file("moved.xlsx"));
    expect([...readStatusWordsTable(settings).words]).toEqual([
      ["Erfüllt", "Compliant"],
      ["Offen", "Non-Compliant"],
    ]);
    expect(harvestWorkbook(snapshots).team).toEqual([
      ["Anna", "ISMS lead", "Security"],
      [null, null, null],
      ["Bob", "IT manager", "IT"],
    ]);
    const out = settingsOf(await openWorkbook(file("moved.xlsx")));
    // The old blocks are emptied; the tables stand in their own columns, past the person's note.
    for (let r = title; r <= title + 8; r++)
      expect([1, 2, 3].map((c) => out.getCell(r, c).value ?? null)).toEqual([null, null, null]);
    expect(out.getCell("E20").value).toBe("A note where the team table goes");
    const team = tableRef(out, TABLES.team);
    const words = tableRef(out, TABLES.statusWords);
    expect(team).toMatch(/^[F-Z]5:[F-Z]\d+$/);
    expect(words).toMatch(/^[G-Z]5:[G-Z]\d+$/);
    const [anna] = find(out, "Anna");
    expect(anna).toBe(6);
  }, 120_000);
});
