// core/read/locate: finding a table inside a snapshot by its headers — below title rows, headers in
// any case and spacing, extra columns kept apart, empty rows skipped.
import {
  cellOf,
  isBlank,
  locateAssessmentTable,
  normalizeHeader,
  textOf,
} from "../../../src/core/read/locate";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

function sheet(values: CellValue[][], text: string[][] = []): SheetSnapshot {
  return { name: "Annex A", origin: { row: 0, col: 0 }, values, text, formulas: [] };
}

const SPEC = { columns: ["ID", "Status", "Evidence", "Gap score"] };

describe("normalizeHeader and isBlank", () => {
  it("folds a header to lower case with single spaces", () => {
    expect(normalizeHeader("  Gap\n  SCORE ")).toBe("gap score");
    expect(normalizeHeader("Risk\u00a0level")).toBe("risk level");
    expect(normalizeHeader(null)).toBe("");
    expect(normalizeHeader(5)).toBe("5");
  });

  it("calls null and whitespace-only text blank, and nothing else", () => {
    for (const v of [null, "", "  \t"]) expect(isBlank(v)).toBe(true);
    for (const v of [0, false, "x", " - "] as CellValue[]) expect(isBlank(v)).toBe(false);
  });
});

describe("locateAssessmentTable", () => {
  it("finds the header below title rows and maps contract columns whatever their case and spaces", () => {
    const table = locateAssessmentTable(
      sheet([
        ["ISO 27001 gap assessment"],
        [],
        ["Reviewer", " id ", "STATUS", "Gap  score", "Evidence"],
        ["Ann", "5.1", "Compliant", null, "Policy"],
      ]),
      SPEC
    );
    expect(table?.headerRow).toBe(2);
    expect([...(table?.columns ?? [])]).toEqual([
      ["ID", 1],
      ["Status", 2],
      ["Gap score", 3],
      ["Evidence", 4],
    ]);
    expect([...(table?.extraColumns ?? [])]).toEqual([["Reviewer", 0]]);
  });

  it("keeps the first of two columns with the same contract header, the second as an extra", () => {
    const table = locateAssessmentTable(sheet([["ID", "Status", " Status "]]), SPEC);
    expect(table?.columns.get("Status")).toBe(1);
    expect([...(table?.extraColumns ?? [])]).toEqual([["Status", 2]]);
  });

  it("lists the data rows that are not entirely empty", () => {
    const table = locateAssessmentTable(
      sheet([["ID", "Status"], ["5.1", null], [null, "  "], [], [null, "Compliant"]]),
      SPEC
    );
    expect(table?.dataRows).toEqual([1, 4]);
  });

  it("needs every required header on one row, and looks only in the first 20 rows", () => {
    expect(locateAssessmentTable(sheet([["ID", "Evidence"]]), SPEC)).toBeNull();
    expect(
      locateAssessmentTable(sheet([["ID", "Evidence"]]), SPEC, ["ID", "Evidence"])
    ).not.toBeNull();
    const low = (at: number) =>
      sheet([...Array.from({ length: at }, () => ["title"]), ["ID", "Status"]]);
    expect(locateAssessmentTable(low(19), SPEC)?.headerRow).toBe(19);
    expect(locateAssessmentTable(low(20), SPEC)).toBeNull();
  });
});

describe("cellOf and textOf", () => {
  const snapshot = sheet(
    [
      ["ID", "Status"],
      [46000, " Compliant "],
      ["5.2", null],
    ],
    [
      ["ID", "Status"],
      [" 9.3.1 ", ""],
    ]
  );
  const table = locateAssessmentTable(snapshot, SPEC);
  if (!table) throw new Error("table not found");

  it("reads the raw value of a contract column, null when the table lacks it", () => {
    expect(cellOf(snapshot, table, 1, "ID")).toBe(46000);
    expect(cellOf(snapshot, table, 2, "Status")).toBeNull();
    expect(cellOf(snapshot, table, 1, "Evidence")).toBeNull();
  });

  it("reads the displayed text trimmed, else the value as text", () => {
    expect(textOf(snapshot, table, 1, "ID")).toBe("9.3.1");
    expect(textOf(snapshot, table, 1, "Status")).toBe("Compliant");
    expect(textOf(snapshot, table, 2, "ID")).toBe("5.2");
    expect(textOf(snapshot, table, 2, "Status")).toBe("");
    expect(textOf(snapshot, table, 1, "Evidence")).toBe("");
  });
});
