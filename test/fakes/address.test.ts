/** A1 address parsing/formatting used by the Excel fake. */
import {
  MAX_COLS,
  MAX_ROWS,
  colToLetters,
  formatRect,
  lettersToCol,
  parseAddress,
  qualify,
  quoteSheetName,
  rect,
  subtract,
} from "./excel/address";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [MAX_COLS - 1, "XFD"],
  ])("%i <-> %s", (n, letters) => {
    expect(colToLetters(n)).toBe(letters);
    expect(lettersToCol(letters)).toBe(n);
  });
});

describe("parseAddress", () => {
  it("reads cells, blocks, absolute markers and reversed corners", () => {
    expect(parseAddress("B2").rect).toEqual(rect(1, 1, 1, 1));
    expect(parseAddress("$B$2:$C$5").rect).toEqual(rect(1, 1, 4, 2));
    expect(parseAddress("C5:B2").rect).toEqual(rect(1, 1, 4, 2));
  });

  it("reads whole columns and whole rows", () => {
    expect(parseAddress("E:E").rect).toEqual(rect(0, 4, MAX_ROWS - 1, 4));
    expect(parseAddress("3:5").rect).toEqual(rect(2, 0, 4, MAX_COLS - 1));
  });

  it("splits quoted and bare sheet names", () => {
    expect(parseAddress("'Annex A'!B2:C5")).toEqual({ sheet: "Annex A", rect: rect(1, 1, 4, 2) });
    expect(parseAddress("'It''s'!A1").sheet).toBe("It's");
    expect(parseAddress("Settings!$B$5")).toEqual({ sheet: "Settings", rect: rect(4, 1, 4, 1) });
  });

  it.each(["", "A0", "XFE1", "A1048577", "A1,B2", "A1:B2:C3", "hello world", "'Annex A!A1"])(
    "rejects %p with InvalidArgument",
    (bad) => {
      expect(() => parseAddress(bad)).toThrow(expect.objectContaining({ code: "InvalidArgument" }));
    }
  );
});

describe("formatting", () => {
  it("prints cells, blocks, columns and rows like Excel", () => {
    expect(formatRect(rect(0, 0, 0, 0))).toBe("A1");
    expect(formatRect(rect(0, 0, 93, 15))).toBe("A1:P94");
    expect(formatRect(rect(0, 4, MAX_ROWS - 1, 4))).toBe("E:E");
    expect(formatRect(rect(2, 0, 4, MAX_COLS - 1))).toBe("3:5");
    expect(formatRect(rect(4, 1, 4, 1), true)).toBe("$B$5");
  });

  it.each([
    ["Settings", "Settings"],
    ["Annex A", "'Annex A'"],
    ["Clauses 4-10", "'Clauses 4-10'"],
    ["Remediation Plan", "'Remediation Plan'"],
    ["It's", "'It''s'"],
    ["2024", "'2024'"],
    ["A1", "'A1'"],
    ["R1C1", "'R1C1'"],
    ["Sheet_1.x", "Sheet_1.x"],
  ])("quotes %p as %p", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  it("qualifies addresses with the sheet name", () => {
    expect(qualify("Annex A", rect(0, 0, 93, 15))).toBe("'Annex A'!A1:P94");
    expect(qualify("Settings", rect(4, 1, 4, 1), true)).toBe("Settings!$B$5");
  });
});

describe("subtract", () => {
  it("leaves up to four bands around the hole", () => {
    const pieces = subtract(rect(0, 0, 9, 9), rect(3, 3, 5, 5));
    expect(pieces.map((p) => formatRect(p)).sort()).toEqual(
      ["A1:J3", "A4:C6", "A7:J10", "G4:J6"].sort()
    );
  });

  it("returns the rectangle untouched when they do not meet", () => {
    expect(subtract(rect(0, 0, 1, 1), rect(5, 5, 6, 6))).toEqual([rect(0, 0, 1, 1)]);
  });
});
