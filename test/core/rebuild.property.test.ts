// Property: whatever a person types into the assessment tables, laying the workbook out and
// reading it back returns exactly those values (rebuild never loses input).
import fc from "fast-check";
import { CLAUSES, CONTROLS } from "../../src/catalog";
import { harvestWorkbook } from "../../src/core/read/harvest";
import {
  emptyInputs,
  ANNEX_A_INPUT_COLUMNS,
  CLAUSE_INPUT_COLUMNS,
  type AssessmentInputs,
  type RowInputs,
} from "../../src/core/inputs";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import type { SheetPlan, WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { parseCellAddress, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";

/** What a renderer would leave in the sheet: constants as values, formulas as formulas. */
function asSnapshot(sheet: SheetPlan): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const rr = at.row + r;
        const cc = at.col + c;
        values[rr] ??= [];
        formulas[rr] ??= [];
        values[rr][cc] = cell.formula ? null : (cell.value ?? null);
        formulas[rr][cc] = cell.formula ?? null;
      })
    );
  }
  const width = Math.max(...Array.from(values, (r) => r?.length ?? 0)); // rows between blocks are holes
  const grid = Array.from({ length: values.length }, (_, r) =>
    Array.from({ length: width }, (_, c) => values[r]?.[c] ?? null)
  );
  return {
    name: sheet.name,
    origin: { row: 0, col: 0 },
    values: grid,
    text: grid.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: Array.from({ length: values.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => formulas[r]?.[c] ?? null)
    ),
  };
}

const snapshotsOf = (plan: WorkbookPlan): SheetSnapshot[] => plan.sheets.map(asSnapshot);

// Typed values: anything a person might type, including formula-looking text and padded text.
const typed: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(
    "Compliant",
    "Partially Compliant",
    "Non-Compliant",
    "Not Applicable",
    "Yes",
    "No",
    "=cmd|calc",
    "+1",
    " padded ",
    "Ünïcødé ✓"
  ),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ""),
  fc.integer({ min: -5, max: 25 }),
  fc.double({ min: 0, max: 1e6, noNaN: true })
);

function rowArb(columns: readonly string[]): fc.Arbitrary<RowInputs> {
  return fc.record(Object.fromEntries(columns.map((c) => [c, typed])), {
    requiredKeys: [],
  }) as fc.Arbitrary<RowInputs>;
}

const inputsArb: fc.Arbitrary<AssessmentInputs> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...CLAUSES.map((c) => c.id)), rowArb(CLAUSE_INPUT_COLUMNS)), {
      maxLength: 8,
    }),
    fc.array(
      fc.tuple(fc.constantFrom(...CONTROLS.map((c) => c.id)), rowArb(ANNEX_A_INPUT_COLUMNS)),
      { maxLength: 12 }
    ),
    fc.array(
      fc.tuple(fc.constantFrom("X.1", "Own-7", "ZZ"), rowArb(["Title", ...ANNEX_A_INPUT_COLUMNS])),
      { maxLength: 3 }
    )
  )
  .map(([clauses, controls, extra]) => {
    const inputs = emptyInputs();
    for (const [id, row] of clauses) inputs.clauses.set(id, row);
    for (const [id, row] of [...controls, ...extra]) inputs.annexA.set(id, row);
    return inputs;
  });

describe("rebuild round trip", () => {
  it("reads back every typed value after laying the workbook out, twice over", () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const first = harvestWorkbook(snapshotsOf(layoutWorkbook({ inputs, start: 46000 })));
        const second = harvestWorkbook(
          snapshotsOf(layoutWorkbook({ inputs: first.inputs, start: 46000 }))
        );
        for (const kind of ["clauses", "annexA"] as const) {
          for (const [id, row] of inputs[kind]) {
            const back = first.inputs[kind].get(id) ?? {};
            for (const [column, value] of Object.entries(row))
              expect([kind, id, column, back[column]]).toEqual([kind, id, column, value]);
          }
          expect(second.inputs[kind]).toEqual(first.inputs[kind]);
        }
      }),
      { numRuns: 60 }
    );
  });
});
