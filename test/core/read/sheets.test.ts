// core/read/sheets: the one rule for finding a sheet by name (trimmed, any letter case).
import { findSheet, pickSheets, sameSheetName, sheetKey } from "../../../src/core/read/sheets";

const named = (...names: string[]) => names.map((name) => ({ name }));

describe("findSheet", () => {
  it("finds a sheet whatever its letter case and stray spaces", () => {
    const sheets = named("Summary", " annex a ", "CLAUSES 4-10");
    expect(findSheet(sheets, "Annex A")).toBe(sheets[1]);
    expect(findSheet(sheets, "Clauses 4-10")).toBe(sheets[2]);
    expect(findSheet(sheets, "  summary")).toBe(sheets[0]);
  });

  it("returns the first of two sheets Excel would call the same", () => {
    const sheets = named("Settings ", "settings");
    expect(findSheet(sheets, "Settings")).toBe(sheets[0]);
  });

  it("does not match inner spaces or parts of a name", () => {
    const sheets = named("Annex  A", "Annex A (old)", "Annex");
    expect(findSheet(sheets, "Annex A")).toBeUndefined();
    expect(findSheet([], "Annex A")).toBeUndefined();
  });

  it("keys and compares names the same way", () => {
    expect(sheetKey(" Risk Register ")).toBe("risk register");
    expect(sameSheetName("Risk Register", "risk register ")).toBe(true);
    expect(sameSheetName("Risk Register", "Risk-Register")).toBe(false);
  });
});

describe("pickSheets", () => {
  it("returns the sheets that exist in the order named, not in workbook order", () => {
    const sheets = named("Settings", "Annex A", "Notes", "clauses 4-10");
    expect(pickSheets(sheets, ["Clauses 4-10", "Documents", "Annex A", "Settings"])).toEqual([
      sheets[3],
      sheets[1],
      sheets[0],
    ]);
  });

  it("returns nothing when no name is found", () => {
    expect(pickSheets(named("Notes"), ["Annex A"])).toEqual([]);
    expect(pickSheets(named("Notes"), [])).toEqual([]);
  });
});
