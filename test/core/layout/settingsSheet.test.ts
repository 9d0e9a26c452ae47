// Settings' tables never run into each other (issue 16): the sections stay in A–C with their named
// cells where they always were; the team and the status words are Excel tables side by side in
// their own columns; each is read by its own table or title to its own end; rows and notes a
// person added are laid out again; the older stacked layout moves out without losing a row.
import { layoutSettings } from "../../../src/core/layout/settingsSheet";
import { harvestWorkbook } from "../../../src/core/read/harvest";
import { readStatusWordsTable } from "../../../src/core/statusWords";
import { teamNames } from "../../../src/core/validate/team";
import {
  placeSections,
  sectionCells,
  settingsCells,
  settingsSections,
  STATUS_WORDS_TABLE,
  TEAM_TABLE,
} from "../../../src/core/settings";
import { TABLES } from "../../../src/core/contract";
import { parseCellAddress, type CellValue, type SheetSnapshot } from "../../../src/core/snapshot";
import type { SheetPlan } from "../../../src/core/layout/workbookPlan";
import { planToSnapshots } from "../../support/planSnapshots";

/** The sheet's cells as a sparse grid (row, col → value or formula). */
function cellsOf(sheet: SheetPlan): Map<string, CellValue | string> {
  const cells = new Map<string, CellValue | string>();
  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) =>
        cells.set(`${at.row + r},${at.col + c}`, cell.formula ?? cell.value ?? null)
      )
    );
  }
  return cells;
}

/** A snapshot of the sheet the plan draws, with its Excel tables as a file reader reports them. */
function snapshotOf(sheet: SheetPlan, withTables = true): SheetSnapshot {
  const [snapshot] = planToSnapshots({ sheets: [sheet], names: [] });
  if (withTables)
    snapshot.tables = sheet.tables.map((t) => {
      const at = parseCellAddress(t.at);
      return {
        name: t.name,
        top: at.row,
        left: at.col,
        bottom: at.row + t.rows,
        right: at.col + t.columns.length - 1,
      };
    });
  return snapshot;
}

/** Sets a cell of a snapshot (0-based), growing its grid. */
function put(snapshot: SheetSnapshot, row: number, col: number, value: CellValue): void {
  while (snapshot.values.length <= row) {
    snapshot.values.push([]);
    snapshot.text.push([]);
    snapshot.formulas.push([]);
  }
  snapshot.values[row][col] = value;
  snapshot.text[row][col] = value === null ? "" : String(value);
  snapshot.formulas[row][col] = null;
}

const rebuild = (snapshot: SheetSnapshot) => {
  const harvest = harvestWorkbook([snapshot]);
  return {
    harvest,
    layout: layoutSettings(
      "",
      46000,
      harvest.settings,
      harvest.statusWords,
      harvest.team,
      harvest.settingsSheet
    ),
  };
};

const table = (sheet: SheetPlan, name: string) => {
  const found = sheet.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
};
const teamNamesRef = (names: { name: string; refersTo: string }[]): string | undefined =>
  names.find((n) => n.name === "Team_Names")?.refersTo;

describe("layoutSettings", () => {
  const fresh = layoutSettings("Acme", 46000, new Map());

  it("lays the sections out where the harvest reads them, in columns A–C", () => {
    const a1 = fresh.sheet.blocks.find((b) => b.at === "A1");
    const drawn = new Set<string>();
    a1?.cells.forEach((line, r) => line.forEach((_, c) => drawn.add(`${r},${c}`)));
    expect(drawn).toEqual(
      new Set(settingsCells(settingsSections("Acme", 46000)).map(([r, c]) => `${r},${c}`))
    );
    // The named cells stay where they always were.
    const name = (n: string) => fresh.names.find((x) => x.name === n)?.refersTo;
    expect([name("Org_Name"), name("Weight_Partial"), name("Status_List")]).toEqual([
      "='Settings'!$B$6",
      "='Settings'!$B$16",
      "='Settings'!$A$15:$A$19",
    ]);
  });

  it("makes the team and the status words Excel tables side by side, each in its own columns", () => {
    const team = table(fresh.sheet, TABLES.team);
    const words = table(fresh.sheet, TABLES.statusWords);
    expect([team.at, team.columns.map((c) => c.header), team.rows]).toEqual([
      "E5",
      ["Name", "Role", "Department"],
      30,
    ]);
    expect([words.at, words.columns.map((c) => c.header), words.rows]).toEqual([
      "I5",
      ["Word", "Status"],
      20,
    ]);
    const cells = cellsOf(fresh.sheet);
    expect([cells.get("3,4"), cells.get("3,8")]).toEqual(["Assessment team", "Status words"]);
    expect([cells.get("1,4"), cells.get("1,8")]).toEqual([
      TEAM_TABLE.hint,
      STATUS_WORDS_TABLE.hint,
    ]);
    expect(teamNamesRef(fresh.names)).toBe("='Settings'!$E$6:$E$35");
    expect(fresh.sheet.validations).toContainEqual(
      expect.objectContaining({ range: "J6:J25", rule: { kind: "list", source: "=Status_List" } })
    );
    // Nothing of ours below either table, nothing between them but a blank column.
    for (const key of cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      if (c >= 4) expect(r).toBeLessThanOrEqual(35);
    }
  });

  it("grows one table without moving, shortening or joining the other", () => {
    const many: [CellValue, CellValue][] = Array.from({ length: 120 }, (_, i) => [
      `Wort ${i}`,
      "Compliant",
    ]);
    const grown = layoutSettings("Acme", 46000, new Map(), many, [["Anna", "CISO", "Security"]]);
    expect(table(grown.sheet, TABLES.team)).toEqual(table(fresh.sheet, TABLES.team));
    expect(teamNamesRef(grown.names)).toBe(teamNamesRef(fresh.names));
    expect(table(grown.sheet, TABLES.statusWords)).toMatchObject({ at: "I5", rows: 125 });
    const read = harvestWorkbook([snapshotOf(grown.sheet)]);
    expect(read.team).toEqual([["Anna", "CISO", "Security"]]);
    expect(read.statusWords).toEqual(many);
  });
});

describe("Settings tables read back", () => {
  const built = layoutSettings(
    "Acme",
    46000,
    new Map(),
    [["Erfüllt", "Compliant"]],
    [["Anna", "CISO", "Security"]]
  );

  it.each([
    ["its Excel table (files)", true],
    ["its title (the add-in's read has no tables)", false],
  ])("reads each table by %s, past blank rows, to its own end", (_how, withTables) => {
    const snapshot = snapshotOf(built.sheet, withTables);
    // A word in the next row, another after a blank row; a member after a blank row.
    put(snapshot, 6, 8, "Offen");
    put(snapshot, 6, 9, "Non-Compliant");
    put(snapshot, 8, 8, "Teilweise");
    put(snapshot, 8, 9, "Partially Compliant");
    put(snapshot, 7, 4, "Bob");
    put(snapshot, 7, 6, "IT");
    const { words, problems } = readStatusWordsTable(snapshot);
    expect([...words]).toEqual([
      ["Erfüllt", "Compliant"],
      ["Offen", "Non-Compliant"],
      ["Teilweise", "Partially Compliant"],
    ]);
    expect(problems).toEqual([]);
    expect([...teamNames(snapshot)]).toEqual(["anna", "bob"]);

    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.team).toEqual([
      ["Anna", "CISO", "Security"],
      [null, null, null],
      ["Bob", null, "IT"],
    ]);
    expect(harvest.settingsSheet.cells).toEqual([]);
    // Laid out again where they stood: the same tables, the same cells.
    expect(layout.sheet.tables).toEqual(built.sheet.tables);
    const cells = cellsOf(layout.sheet);
    expect([cells.get("7,4"), cells.get("7,6"), cells.get("8,8")]).toEqual([
      "Bob",
      "IT",
      "Teilweise",
    ]);
  });

  it("still finds a table whose title a person deleted, by its header where we put it", () => {
    const snapshot = snapshotOf(built.sheet, false);
    put(snapshot, 3, 4, null);
    put(snapshot, 3, 8, null);
    expect([...teamNames(snapshot)]).toEqual(["anna"]);
    expect([...readStatusWordsTable(snapshot).words.keys()]).toEqual(["Erfüllt"]);
    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.team).toEqual([["Anna", "CISO", "Security"]]);
    expect(layout.sheet.tables).toEqual(built.sheet.tables);
  });

  it("takes rows typed straight under a full table as its rows, and leaves them where they are", () => {
    const full = layoutSettings(
      "Acme",
      46000,
      new Map(),
      [],
      Array.from({ length: 30 }, (_, i) => [`P${i}`, null, null])
    );
    expect(table(full.sheet, TABLES.team).rows).toBe(35);
    const snapshot = snapshotOf(full.sheet);
    const under = 4 + 35 + 1; // the row under the table's last row
    put(snapshot, under, 4, "Zoe");
    put(snapshot, under, 6, "Legal");
    expect(teamNames(snapshot).has("zoe")).toBe(true);
    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.team[harvest.team.length - 1]).toEqual(["Zoe", null, "Legal"]);
    // The table keeps its size (a file writer cannot grow it over the typed row); the row stays
    // where it was typed, and the Owner lists reach it.
    expect(table(layout.sheet, TABLES.team).rows).toBe(35);
    expect(cellsOf(layout.sheet).get(`${under},4`)).toBe("Zoe");
    expect(teamNamesRef(layout.names)).toBe(`='Settings'!$E$6:$E$${under + 1}`);
  });

  it("keeps a person's own cells where they typed them, and stops spare rows short of them", () => {
    const snapshot = snapshotOf(built.sheet);
    put(snapshot, 5, 2, "Legal name per the register"); // C6, beside Organisation
    put(snapshot, 2, 0, "Reviewed by the CFO"); // A3, between title and first section
    put(snapshot, 70, 0, "Notes below everything"); // A71
    put(snapshot, 40, 4, "Contractors: see HR list"); // E41, below the team table (E5:G35)
    snapshot.values[12][12] = 1.5; // M13, a formula of theirs
    snapshot.formulas[12][12] = "=Weight_Partial*3";
    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.settingsSheet.cells).toEqual([
      { row: 2, col: 0, value: "Reviewed by the CFO" },
      { row: 5, col: 2, value: "Legal name per the register" },
      { row: 12, col: 12, value: 1.5, formula: "=Weight_Partial*3" },
      { row: 40, col: 4, value: "Contractors: see HR list" },
      { row: 70, col: 0, value: "Notes below everything" },
    ]);
    const cells = cellsOf(layout.sheet);
    expect([
      cells.get("5,2"),
      cells.get("2,0"),
      cells.get("70,0"),
      cells.get("40,4"),
      cells.get("12,12"),
    ]).toEqual([
      "Legal name per the register",
      "Reviewed by the CFO",
      "Notes below everything",
      "Contractors: see HR list",
      "=Weight_Partial*3",
    ]);
    expect(table(layout.sheet, TABLES.team).rows).toBe(30);
    // The settings themselves are read as before.
    expect(harvest.settings.get("org")).toBe("Acme");
  });

  it("offers spare rows below the last one typed, but never over a person's cell", () => {
    const snapshot = snapshotOf(built.sheet);
    for (let r = 6; r <= 32; r++) put(snapshot, r, 4, `Member ${r}`); // 28 members in E6:E33
    put(snapshot, 36, 4, "Signed off 2026-01"); // E37, a blank row under the table (E5:G35)
    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.team).toHaveLength(28);
    expect(harvest.settingsSheet.cells).toEqual([{ row: 36, col: 4, value: "Signed off 2026-01" }]);
    // Five spare rows would reach E38; the table stops at E36, above the note.
    expect(table(layout.sheet, TABLES.team).rows).toBe(31);
    expect(teamNamesRef(layout.names)).toBe("='Settings'!$E$6:$E$36");
  });
});

describe("a section new in this version", () => {
  it("moves a person's note out of its way instead of writing over it", () => {
    const built = layoutSettings("Acme", 46000, new Map());
    const snapshot = snapshotOf(built.sheet);
    const sections = placeSections(settingsSections("", 0));
    const last = sections[sections.length - 1];
    // A workbook from before the last section existed: its title missing, a note where its
    // header now goes.
    for (const [r, c] of sectionCells(last.section, last.title)) put(snapshot, r, c, null);
    put(snapshot, last.title + 1, 1, "Budget approved in March");
    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.settingsSheet.cells).toEqual([
      { row: last.title + 1, col: 1, value: "Budget approved in March" },
    ]);
    const cells = cellsOf(layout.sheet);
    expect(cells.get(`${last.title + 1},1`)).toBe(last.section.headers[1]);
    const moved = [...cells].filter(([, v]) => v === "Budget approved in March");
    expect(moved).toHaveLength(1);
    const [row, col] = moved[0][0].split(",").map(Number);
    expect(col).toBe(1);
    expect(row).toBeGreaterThan(last.title + 1 + last.section.rows.length);
  });
});

describe("the older stacked layout (status words and team under the sections in A–C)", () => {
  /** Settings as the older layout drew it: sections, then the status words, then the team. */
  function stacked(words: CellValue[][], team: CellValue[][]): SheetSnapshot {
    const sections = layoutSettings("Acme", 46000, new Map());
    const a1 = sections.sheet.blocks.find((b) => b.at === "A1");
    const rows: CellValue[][] = (a1?.cells ?? []).map((line) => line.map((c) => c.value ?? null));
    rows.push(
      [],
      ["Status words"],
      ["Word", "Status", STATUS_WORDS_TABLE.hint],
      ...words,
      [],
      ["Assessment team"],
      ["Name", "Role", "Department"],
      ...team
    );
    return {
      name: "Settings",
      origin: { row: 0, col: 0 },
      values: rows,
      text: rows.map((r) => r.map((v) => (v === null ? "" : String(v)))),
      formulas: rows.map((r) => r.map(() => null)),
    };
  }

  it("never lets a word added under the status words swallow the team (the issue's corruption)", () => {
    // The word typed into the blank row between the two blocks.
    const snapshot = stacked(
      [
        ["Erfüllt", "Compliant"],
        ["Offen", "Non-Compliant"],
      ],
      [
        ["Anna", "CISO", "Security"],
        [null, null, null],
        ["Bob", "DPO", "Legal"],
      ]
    );
    const wordsBefore = [...readStatusWordsTable(snapshot).words.keys()];
    expect(wordsBefore).toEqual(["Erfüllt", "Offen"]);
    expect([...teamNames(snapshot)]).toEqual(["anna", "bob"]);

    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.statusWords).toEqual([
      ["Erfüllt", "Compliant"],
      ["Offen", "Non-Compliant"],
    ]);
    expect(harvest.team).toEqual([
      ["Anna", "CISO", "Security"],
      [null, null, null],
      ["Bob", "DPO", "Legal"],
    ]);
    // Moved into their own tables; the old blocks are emptied, the hint too, nothing taken for
    // a person's note.
    expect(harvest.settingsSheet.cells).toEqual([]);
    expect(table(layout.sheet, TABLES.team).at).toBe("E5");
    expect(table(layout.sheet, TABLES.statusWords).at).toBe("I5");
    const cells = cellsOf(layout.sheet);
    const first = snapshot.values.findIndex((r) => r[0] === "Status words");
    for (let r = first; r < snapshot.values.length; r++)
      for (let c = 0; c < 3; c++)
        expect([r, c, cells.get(`${r},${c}`) ?? null]).toEqual([r, c, null]);
    expect([cells.get("5,4"), cells.get("5,6"), cells.get("7,4"), cells.get("7,6")]).toEqual([
      "Anna",
      "Security",
      "Bob",
      "Legal",
    ]);

    // And read back from the new layout: the words are words, Anna keeps her department.
    const again = rebuild(snapshotOf(layout.sheet)).harvest;
    expect(again.statusWords).toEqual(harvest.statusWords);
    expect(again.team).toEqual(harvest.team);
  });

  it("moves a table out of the way of a person's cells where it would go", () => {
    const snapshot = stacked([["Ja", "Compliant"]], [["Anna", "CISO", "Security"]]);
    put(snapshot, 9, 5, "My own list"); // F10: inside the team's default place
    const { harvest, layout } = rebuild(snapshot);
    expect(harvest.settingsSheet.cells).toEqual([{ row: 9, col: 5, value: "My own list" }]);
    const team = table(layout.sheet, TABLES.team);
    const words = table(layout.sheet, TABLES.statusWords);
    expect(parseCellAddress(team.at).col).toBeGreaterThan(5);
    expect(parseCellAddress(words.at).col).toBeGreaterThan(parseCellAddress(team.at).col + 3);
    expect(cellsOf(layout.sheet).get("9,5")).toBe("My own list");
  });
});
