// What the reconcile compares and how it packs writes: formula keys that ignore Excel's way of
// spelling a formula back, constants as Excel stores them, UTF-8 sizes, and sparse writes packed
// into rectangles where null leaves a cell as it is.
import { formulaKey, formulaShape, sameValue, utf8Length } from "../../src/excel/cellText";
import { cellRuns } from "../../src/excel/renderPlan";

describe("formulaKey", () => {
  it("reads this-row references, case and quoted sheet names the way Excel writes them back", () => {
    const ours = '=IF(AnnexA[[#This Row],[Status]]="Compliant",Weight_Compliant,"")';
    expect(formulaKey(ours, "AnnexA")).toBe(
      formulaKey('=if([@Status]="Compliant",weight_compliant,"")', "AnnexA")
    );
    expect(formulaKey(ours, "AnnexA")).toBe(
      formulaKey('=IF(AnnexA[@Status]="Compliant",Weight_Compliant,"")', "AnnexA")
    );
    expect(formulaKey("='Settings'!$B$6")).toBe(formulaKey("=Settings!$B$6"));
    expect(formulaKey("='Annex A'!$A$5:$A$97")).toBe(formulaKey("='annex a'!$A$5:$A$97"));
  });

  it("tells different formulas apart, text in quotes included", () => {
    expect(formulaKey('="Open"')).not.toBe(formulaKey('="open"'));
    expect(formulaKey("=SUM(AnnexA[Priority])")).not.toBe(formulaKey("=SUM(Clauses[Priority])"));
    expect(formulaKey("=ROWS(Clauses[ID])")).not.toBe(
      formulaKey("=ROWS('Clauses 4-10'!$A$5:$A$34)")
    );
    // Another table's this-row reference keeps its table name.
    expect(formulaKey("=AnnexA[@ID]", "SoA")).not.toBe(formulaKey("=[@ID]", "SoA"));
  });

  it("gives a rule drawn at other rows the same shape", () => {
    expect(formulaShape("$A85*B$84>=Band_Critical")).toBe(formulaShape("$A90*B$89>=Band_Critical"));
    expect(formulaShape("$A85*B$84>=Band_Critical")).not.toBe(formulaShape("$A85*B$84>=Band_High"));
  });
});

describe("sameValue", () => {
  it("compares a planned constant with what Excel reads back", () => {
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue("", null)).toBe(true);
    expect(sameValue(null, "x")).toBe(false);
    expect(sameValue("5.10", "5.10")).toBe(true);
    expect(sameValue("5.10", 5.1)).toBe(false);
    expect(sameValue(46100, 46100)).toBe(true);
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(true, "TRUE")).toBe(false);
  });
});

describe("utf8Length", () => {
  it("counts bytes as a request carries them", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("監査")).toBe(6);
    expect(utf8Length("🙂")).toBe(4);
    expect(utf8Length(JSON.stringify(["監査"]))).toBe(10);
  });
});

describe("cellRuns", () => {
  it("packs consecutive rows into one rectangle, null where a cell stays as it is", () => {
    const runs = cellRuns([
      { row: 4, col: 6, text: "Compliant" },
      { row: 5, col: 0, text: "5.2" },
      { row: 5, col: 6, text: "" },
      { row: 9, col: 3, text: "=A10" },
    ]);
    expect(runs).toEqual([
      {
        address: "A5:G6",
        formulas: [
          [null, null, null, null, null, null, "Compliant"],
          ["5.2", null, null, null, null, null, ""],
        ],
      },
      { address: "D10", formulas: [["=A10"]] },
    ]);
  });

  it("slices a large block by bytes", () => {
    const cells = Array.from({ length: 1000 }, (_, r) => ({
      row: r,
      col: 0,
      text: "監".repeat(100),
    }));
    const runs = cellRuns(cells, 64 * 1024);
    expect(runs.length).toBeGreaterThan(4);
    for (const run of runs)
      expect(utf8Length(JSON.stringify(run.formulas))).toBeLessThan(70 * 1024);
    expect(runs.flatMap((r) => r.formulas).length).toBe(1000);
  });
});
