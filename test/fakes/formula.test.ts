/** How the Excel fake reads typed input and rewrites formula text. */
import {
  checkFormula,
  coerceInput,
  formulaKey,
  renameSheetInFormula,
  shiftFormula,
} from "./excel/formula";
import { formatValue } from "./excel/numberFormat";

describe("coerceInput (Excel parsing typed text, en-US)", () => {
  it('turns id-like strings into numbers: the "5.10" trap', () => {
    expect(coerceInput("5.10", "General")).toEqual({ value: 5.1 });
    expect(coerceInput("1,234", "General")).toEqual({ value: 1234 });
  });

  it("keeps text in a text-formatted cell or behind an apostrophe", () => {
    expect(coerceInput("5.10", "@")).toEqual({ value: "5.10" });
    expect(coerceInput("'5.10", "General")).toEqual({ value: "5.10" });
    expect(coerceInput("=SUM(A1)", "@")).toEqual({ value: "=SUM(A1)" });
  });

  it("reads =, +, - and @ prefixes as formulas (formula injection)", () => {
    expect(coerceInput("=A1*2", "General")).toEqual({ value: null, formula: "=A1*2" });
    expect(coerceInput("-Not applicable", "General")).toEqual({
      value: null,
      formula: "=-Not applicable",
    });
    expect(coerceInput("+A1", "General")).toEqual({ value: null, formula: "=+A1" });
    expect(coerceInput("@SUM(A1:A2)", "General")).toEqual({ value: null, formula: "=@SUM(A1:A2)" });
    expect(coerceInput("-5", "General")).toEqual({ value: -5 });
    expect(coerceInput("-", "General")).toEqual({ value: "-" });
  });

  it("reads booleans, errors, percentages and dates", () => {
    expect(coerceInput("true", "General")).toEqual({ value: true });
    expect(coerceInput("#N/A", "General")).toEqual({ value: "#N/A" });
    expect(coerceInput("50%", "General")).toEqual({ value: 0.5, autoFormat: "0%" });
    expect(coerceInput("2024-01-31", "General")).toEqual({ value: 45322, autoFormat: "m/d/yyyy" });
    expect(coerceInput("1/2", "General")?.autoFormat).toBe("m/d/yyyy");
  });

  it('treats null as "leave the cell", and rejects objects and non-finite numbers', () => {
    expect(coerceInput(null, "General")).toBeNull();
    expect(() => coerceInput({}, "General")).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
    expect(() => coerceInput(NaN, "General")).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
  });

  it("rejects formulas Excel cannot parse", () => {
    expect(() => checkFormula("=SUM(A1")).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
    expect(() => checkFormula('="open')).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
    expect(() => checkFormula(`=${"1+".repeat(5000)}1`)).toThrow(
      expect.objectContaining({ code: "FormulaLengthExceedsLimit" })
    );
    expect(() => checkFormula('=IF(A1="(",1,2)')).not.toThrow();
  });
});

describe("formula text", () => {
  it("shifts relative references and keeps absolute ones, literals and structured references", () => {
    expect(shiftFormula("=G2*H2+$B$1+Settings!C3", 3, 0)).toBe("=G5*H5+$B$1+Settings!C6");
    expect(shiftFormula('=IF(A2="B2",Table1[[#This Row],[Q1]],0)', 1, 0)).toBe(
      '=IF(A3="B2",Table1[[#This Row],[Q1]],0)'
    );
    expect(shiftFormula("=LOG10(A1)", 1, 0)).toBe("=LOG10(A2)");
  });

  it("gives filled formulas the same position-independent key", () => {
    expect(formulaKey("=G2*H2", 1, 8)).toBe(formulaKey("=G9*H9", 8, 8));
    expect(formulaKey("=G2*H2", 1, 8)).not.toBe(formulaKey("=G2*H2", 8, 8));
  });

  it("follows a sheet rename, quoting when needed", () => {
    expect(
      renameSheetInFormula("=Settings!$B$5+'Settings'!A1+\"Settings!x\"", "Settings", "My Settings")
    ).toBe("='My Settings'!$B$5+'My Settings'!A1+\"Settings!x\"");
  });
});

describe("formatValue (Range.text)", () => {
  it.each([
    [0.5, "0%", "50%"],
    [0.123, "0.0%", "12.3%"],
    [3, "0", "3"],
    [2.345, "0.00", "2.35"],
    [1234567, "#,##0", "1,234,567"],
    [45322, "yyyy-mm-dd", "2024-01-31"],
    [45322, "dd mmm yyyy", "31 Jan 2024"],
    [45322, "m/d/yyyy", "1/31/2024"],
    [0.1 + 0.2, "General", "0.3"],
    [1e12, "General", "1E+12"],
    [true, "General", "TRUE"],
    ["text", "0%", "text"],
    ["", "0%", ""],
  ])("%p with %p shows %p", (value, fmt, shown) => {
    expect(formatValue(value, fmt)).toBe(shown);
  });
});
