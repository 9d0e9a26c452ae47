// core/snapshot: A1 addresses of snapshot cells, both ways.
import { cellAddress, columnIndex, columnLetter, parseCellAddress } from "../../src/core/snapshot";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %d is %s, and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });
});

describe("addresses", () => {
  it("writes 0-based cells as A1 addresses", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(1_048_575, 16383)).toBe("XFD1048576");
  });

  it("parses A1 addresses, absolute ones and stray spaces too", () => {
    expect(parseCellAddress("B12")).toEqual({ row: 11, col: 1 });
    expect(parseCellAddress(" $AA$3 ")).toEqual({ row: 2, col: 26 });
    expect(parseCellAddress("xfd1048576")).toEqual({ row: 1_048_575, col: 16383 });
  });

  it.each(["", "A", "12", "A1:B2", "AAAA1", "Sheet1!A1"])("refuses %p", (text) => {
    expect(() => parseCellAddress(text)).toThrow(/Not a cell address/);
  });
});
