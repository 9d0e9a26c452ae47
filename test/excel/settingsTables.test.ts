// Settings' tables through Office.js, on the recording Excel fake (issue 16): the add-in's read
// has no table ranges, so each table is found by its title and read to its own end; a rebuild
// keeps the team (rows after a blank row too), the words (one typed under the table too) and a
// person's notes, converts no table and clears no range; the older stacked layout moves out.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { readWorkbook } from "../../src/excel/readSnapshots";
import { SHEETS, TABLES } from "../../src/core/contract";
import { findSheet } from "../../src/core/read/sheets";
import { readStatusWordsTable } from "../../src/core/statusWords";
import { teamNames } from "../../src/core/validate/team";
import { placeSections, settingsSections, STATUS_WORDS_TABLE } from "../../src/core/settings";

type Ctx = Excel.RequestContext;

const DESTRUCTIVE =
  /^(Table\.convertToRange|Table\.delete|Range\.clear|Worksheet\.delete|NamedItem\.delete)$/;

function fakeExcel(): ExcelFake {
  const fake = createExcelFake();
  fake.install();
  return fake;
}
const run = <T>(fake: ExcelFake, f: (c: Ctx) => Promise<T>): Promise<T> => fake.Excel.run(f);

async function settingsSnapshot(fake: ExcelFake) {
  const read = await run(fake, (c) => readWorkbook(c, [SHEETS.settings]));
  const settings = findSheet(read.snapshots, SHEETS.settings);
  if (!settings) throw new Error("no Settings");
  return settings;
}

const tableOf = (fake: ExcelFake, name: string) => {
  const found = fake.state.sheet(SHEETS.settings).tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};

describe("Settings tables through Office.js", () => {
  it("keeps rows after a blank row, a word typed under the table and a person's notes", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    expect([tableOf(fake, TABLES.team).address, tableOf(fake, TABLES.statusWords).address]).toEqual(
      ["E5:G35", "I5:J25"]
    );
    const settings = fake.state.sheet(SHEETS.settings);
    settings.setValues("E6", [
      ["Anna", "ISMS lead", "Security"],
      [null, null, null],
      ["Bob", "IT manager", "IT"],
    ]);
    settings.setValues("I6", [["Umgesetzt", "Compliant"]]);
    settings.setValues("I26", [["Offen", "Non-Compliant"]]); // under the table, not in it
    settings.setCell("C6", "Legal name, as registered");
    settings.setCell("A90", "Reviewed with the CFO");

    const before = await settingsSnapshot(fake);
    expect([...readStatusWordsTable(before).words.keys()]).toEqual(["Umgesetzt", "Offen"]);
    expect([...teamNames(before)]).toEqual(["anna", "bob"]);

    const at = fake.log.length;
    await run(fake, (c) => buildAssessment(c, {}));
    expect(fake.log.slice(at).filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
    expect(tableOf(fake, TABLES.team).address).toBe("E5:G35");
    // The word under the table became its row (as Excel does when a row is typed under a table).
    expect(tableOf(fake, TABLES.statusWords).address).toBe("I5:J31");
    expect(settings.getValues("E6:G8")).toEqual([
      ["Anna", "ISMS lead", "Security"],
      ["", "", ""],
      ["Bob", "IT manager", "IT"],
    ]);
    expect(settings.getValues("I26:J26")).toEqual([["Offen", "Non-Compliant"]]);
    expect([settings.cell("C6").value, settings.cell("A90").value]).toEqual([
      "Legal name, as registered",
      "Reviewed with the CFO",
    ]);
    const after = await settingsSnapshot(fake);
    expect([...readStatusWordsTable(after).words.keys()]).toEqual(["Umgesetzt", "Offen"]);
    expect([...teamNames(after)]).toEqual(["anna", "bob"]);

    // Built again with nothing changed: nothing to write on Settings.
    const again = fake.log.length;
    await run(fake, (c) => buildAssessment(c, {}));
    expect(fake.log.slice(again).filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
    expect(tableOf(fake, TABLES.statusWords).address).toBe("I5:J31");
  });

  it("moves the older stacked layout into the tables, and the team is not swallowed", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    // Settings as the older layout drew it: no tables, the blocks stacked under the sections,
    // a word typed into the blank row between them.
    const settings = fake.state.sheet(SHEETS.settings);
    await run(fake, async (c) => {
      const sheet = c.workbook.worksheets.getItem(SHEETS.settings);
      sheet.tables.getItem(TABLES.team).convertToRange();
      sheet.tables.getItem(TABLES.statusWords).convertToRange();
      sheet.getRange("D1:K40").clear();
      await c.sync();
    });
    const sections = placeSections(settingsSections("", 0));
    const last = sections[sections.length - 1];
    const title = last.title + 2 + last.section.rows.length + 2; // 1-based
    settings.setValues(`A${title}`, [
      ["Status words", null, null],
      ["Word", "Status", STATUS_WORDS_TABLE.hint],
      ["Erfüllt", "Compliant", null],
      ["Offen", "Non-Compliant", null],
      ["Assessment team", null, null],
      ["Name", "Role", "Department"],
      ["Anna", "ISMS lead", "Security"],
      [null, null, null],
      ["Bob", "IT manager", "IT"],
    ]);
    settings.setCell("C6", "Legal name, as registered");
    settings.setCell("L3", "A note of theirs");
    await run(fake, (c) => buildAssessment(c, {}));
    expect([tableOf(fake, TABLES.team).address, tableOf(fake, TABLES.statusWords).address]).toEqual(
      ["E5:G35", "I5:J25"]
    );
    // Settings is taken over whole (its tables were missing), and the person's notes stay.
    expect([settings.cell("C6").value, settings.cell("L3").value]).toEqual([
      "Legal name, as registered",
      "A note of theirs",
    ]);
    expect(
      settings
        .getValues(`A${title}:C${title + 8}`)
        .flat()
        .every((v) => v === "")
    ).toBe(true);
    const after = await settingsSnapshot(fake);
    expect([...readStatusWordsTable(after).words]).toEqual([
      ["Erfüllt", "Compliant"],
      ["Offen", "Non-Compliant"],
    ]);
    expect(settings.getValues("E6:G8")).toEqual([
      ["Anna", "ISMS lead", "Security"],
      ["", "", ""],
      ["Bob", "IT manager", "IT"],
    ]);
  });
});
