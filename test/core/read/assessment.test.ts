// core/read/assessment: assessment rows as typed records (what scoring, readiness and the overview
// read), found by header wherever the table sits.
import { ASSESSMENT_SHEETS } from "../../../src/core/contract";
import { readAssessmentRows } from "../../../src/core/read/assessment";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

const [CLAUSES_SPEC, ANNEX_SPEC] = ASSESSMENT_SHEETS;

function sheet(
  name: string,
  values: CellValue[][],
  origin = { row: 0, col: 0 },
  text: string[][] = values.map((r) => r.map((v) => (v === null ? "" : String(v))))
): SheetSnapshot {
  return { name, origin, values, text, formulas: values.map((r) => r.map(() => null)) };
}

// Snapshot of the used range B3:G9: a title row, then the table; no Evidence column, one extra.
const annex = sheet(
  "Annex A",
  [
    ["ISO 27001 gap assessment", null, null, null, null, null],
    ["ID", "Status", "Applicable", "Likelihood", "Impact", "Reviewer"],
    [" 5.1 ", "Compliant", "Yes", 2, 3, "Ann"],
    [null, "Compliant", "Yes", null, null, "a row without an ID"],
    [null, null, null, null, null, null],
    ["5.2", "Non-Compliant", "No", 4, 5, null],
    ["  ", "Partially Compliant", null, null, null, null],
  ],
  { row: 2, col: 1 }
);

describe("readAssessmentRows", () => {
  it("reads the rows with an ID, trimmed, and leaves the others out", () => {
    const read = readAssessmentRows([annex], ANNEX_SPEC);
    expect(read?.spec).toBe(ANNEX_SPEC);
    expect(read?.snapshot).toBe(annex);
    expect(read?.rows.map((row) => [row.r, row.id])).toEqual([
      [2, "5.1"],
      [5, "5.2"],
    ]);
  });

  it("gives each contract column's raw value, and null for a column the table lacks", () => {
    const [first, second] = readAssessmentRows([annex], ANNEX_SPEC)?.rows ?? [];
    expect(first.value("Status")).toBe("Compliant");
    expect(first.value("Likelihood")).toBe(2);
    expect(second.value("Impact")).toBe(5);
    expect(first.value("Evidence")).toBeNull();
    expect(first.value("ID")).toBe(" 5.1 ");
  });

  it("addresses cells on the sheet, past the snapshot's origin; an absent column at the ID cell", () => {
    const [first, second] = readAssessmentRows([annex], ANNEX_SPEC)?.rows ?? [];
    expect(first.at("ID")).toBe("B5");
    expect(first.at("Status")).toBe("C5");
    expect(second.at("Impact")).toBe("F8");
    expect(second.at("Evidence")).toBe("B8");
  });

  it("hands scoring Status, ratings and, on Annex A, Applicable", () => {
    const rows = readAssessmentRows([annex], ANNEX_SPEC)?.rows ?? [];
    expect(rows.map((row) => row.scoreInput)).toEqual([
      { status: "Compliant", likelihood: 2, impact: 3, applicable: "Yes" },
      { status: "Non-Compliant", likelihood: 4, impact: 5, applicable: "No" },
    ]);
  });

  it("does not hand Applicable on the clauses sheet, and reads the ID as it shows", () => {
    const values: CellValue[][] = [
      ["ID", "Status", "Applicable", "Likelihood", "Impact"],
      [46000, "Partially Compliant", "No", 1, 2],
    ];
    const clauses = sheet("Clauses 4-10", values, undefined, [
      ["ID", "Status", "Applicable", "Likelihood", "Impact"],
      ["9.3.1", "Partially Compliant", "No", "1", "2"],
    ]);
    const [row] = readAssessmentRows([clauses], CLAUSES_SPEC)?.rows ?? [];
    expect(row.id).toBe("9.3.1");
    expect(row.scoreInput).toEqual({
      status: "Partially Compliant",
      likelihood: 1,
      impact: 2,
      applicable: undefined,
    });
  });

  it("finds the sheet by name in any case and with stray spaces", () => {
    const renamed = { ...annex, name: " ANNEX A" };
    expect(readAssessmentRows([renamed], ANNEX_SPEC)?.rows).toHaveLength(2);
  });

  it("returns null without the sheet or without a header row holding ID and Status", () => {
    expect(readAssessmentRows([annex], CLAUSES_SPEC)).toBeNull();
    const headless = sheet("Annex A", [
      ["ID", "Title"],
      ["5.1", "Policies"],
    ]);
    expect(readAssessmentRows([headless], ANNEX_SPEC)).toBeNull();
  });
});
