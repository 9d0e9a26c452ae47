// adopt: a template that lists the same controls twice is one list with a duplicate warning, never
// half controls and half clauses; a 150,000-row CSV is read without a stack overflow, and merged
// text is cut to Excel's cell limit with a warning.
import { CLAUSES, CONTROLS } from "../../../src/catalog";
import { adopt } from "../../../src/core/adopt/adopt";
import { csvToSnapshot } from "../../../src/core/adopt/csv";
import { MAX_CELL_TEXT } from "../../../src/core/cellLimit";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

function sheet(rows: CellValue[][]): SheetSnapshot {
  const values = rows.map((r) => [r[0] ?? null, r[1] ?? null]);
  return {
    name: "Checklist",
    origin: { row: 0, col: 0 },
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: values.map((r) => r.map(() => null)),
  };
}

const ANSWERS = ["Yes", "No", "Partial"];
const controlRows = (offset = 0): CellValue[][] =>
  CONTROLS.map((c, i) => [c.id, ANSWERS[(i + offset) % 3]]);

describe("adopt: the same controls listed twice", () => {
  it("reads all 93 controls listed twice as one list of controls, with a duplicate warning", () => {
    const r = adopt([sheet([["ID", "Status"], ...controlRows(), ...controlRows(1)])]);
    expect(r.inputs.clauses.size).toBe(0);
    expect(r.inputs.annexA.size).toBe(93);
    expect(r.report.rows.filter((row) => row.target === "Clauses 4-10")).toEqual([]);
    expect(r.report.counts).toMatchObject({ matched: 186, targets: 93, merged: 93 });
    expect(r.report.warnings.join("\n")).toMatch(
      /Listed more than once: 93 controls \(5\.1 on rows 2 and 95;.*\)\. Read as one list/
    );
    // Differing answers for the same control are conflicts, the most severe kept.
    expect(r.inputs.annexA.get("5.1")?.Status).toBe("Non-Compliant");
  });

  it("reads a second block that repeats a few ids (5.1–5.3, 6.1, 8.2) as the same controls", () => {
    const r = adopt([
      sheet([
        ["ID", "Status"],
        ...controlRows(),
        ["Summary of key controls", null],
        ["5.1", "Yes"],
        ["5.2", "Yes"],
        ["5.3", "Yes"],
        ["6.1", "Yes"],
        ["8.2", "Yes"],
      ]),
    ]);
    expect(r.inputs.clauses.size).toBe(0);
    expect(r.report.warnings.join("\n")).toMatch(/Listed more than once: 5 controls/);
  });

  it("still reads clauses 4–10 followed by Annex A as clauses and controls, without a warning", () => {
    const clauses = CLAUSES.map((c): CellValue[] => [c.id, "Yes"]);
    const r = adopt([sheet([["ID", "Status"], ...clauses, ...controlRows()])]);
    expect(r.inputs.clauses.size).toBe(CLAUSES.length);
    expect(r.inputs.annexA.size).toBe(93);
    expect(r.report.warnings).toEqual([]);
  });

  it("still reads Annex A followed by clauses 4–10 as controls and clauses", () => {
    const clauses = CLAUSES.map((c): CellValue[] => [c.id, "Yes"]);
    const r = adopt([sheet([["ID", "Status"], ...controlRows(), ...clauses])]);
    expect(r.inputs.clauses.size).toBe(CLAUSES.length);
    expect(r.inputs.annexA.size).toBe(93);
    expect(r.report.warnings).toEqual([]);
  });
});

describe("adopt: a 150,000-row CSV", () => {
  it("merges 150,000 rows of one control without a stack overflow and cuts the merged text to the cell limit", () => {
    const lines = ["ID,Status,Evidence,Likelihood"];
    for (let i = 0; i < 150_000; i++)
      lines.push(`5.1,${ANSWERS[i % 3]},evidence ${i},${(i % 5) + 1}`);
    const r = adopt([csvToSnapshot(lines.join("\n"), { name: "big.csv" })]);
    const row = r.inputs.annexA.get("5.1");
    expect(row).toMatchObject({ Status: "Non-Compliant", Likelihood: 5 });
    expect(String(row?.Evidence).length).toBe(MAX_CELL_TEXT);
    expect(r.report.warnings.join("\n")).toMatch(
      /Annex A 5\.1, column "Evidence" \(from rows 2, 3, 4 and 149997 more of "big\.csv"\): [\d,]+ characters, over Excel's limit of 32,767 per cell; cut to 32,767/
    );
    expect(r.report.counts.matched).toBe(150_000);
  }, 60_000);
});
