// core/read/register: a register table (SoA, Documents, Risk Register, History) read back — every
// column by header, the builder's formulas never, rows in sheet order.
import { emptyRegister, readRegister, type RegisterSpec } from "../../../src/core/read/register";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

const SPEC: RegisterSpec = {
  columns: ["ID", "Asset", "Likelihood", "Risk score", "Owner"],
  required: ["ID", "Asset"],
  formulaColumns: ["Risk score"],
};

function sheet(values: CellValue[][], formulas: (string | null)[][] = []): SheetSnapshot {
  return {
    name: "Risk Register",
    origin: { row: 3, col: 0 },
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas,
  };
}

describe("readRegister", () => {
  it("reads every row by header, in sheet order, with the extra columns people added", () => {
    const read = readRegister(
      sheet([
        ["Risk register"],
        ["ID", "Asset", "Cost", "Likelihood", "Owner", "Board ref"],
        ["R-2", "Laptops", 300, 3, null, "B-1"],
        ["R-1", "Database", null, 4, "Ops", null],
      ]),
      SPEC
    );
    expect(read.extraColumns).toEqual(["Cost", "Board ref"]);
    expect(read.rows).toEqual([
      { ID: "R-2", Asset: "Laptops", Likelihood: 3, Owner: null, Cost: 300, "Board ref": "B-1" },
      { ID: "R-1", Asset: "Database", Likelihood: 4, Owner: "Ops", Cost: null, "Board ref": null },
    ]);
  });

  it("never reads a builder formula column back, even a value typed over it", () => {
    const read = readRegister(
      sheet(
        [
          ["ID", "Asset", "Risk score"],
          ["R-1", "Database", 20],
          ["R-2", "Laptops", 99],
        ],
        [
          [null, null, null],
          [null, null, "=C2*D2"],
          [null, null, null],
        ]
      ),
      SPEC
    );
    expect(read.rows).toEqual([
      { ID: "R-1", Asset: "Database" },
      { ID: "R-2", Asset: "Laptops" },
    ]);
  });

  it("keeps a formula's result in an input column, and skips it while it has none", () => {
    const read = readRegister(
      sheet(
        [
          ["ID", "Asset", "Owner"],
          ["R-1", "Database", "Ops"],
          ["R-2", "Laptops", null],
        ],
        [
          [null, null, null],
          [null, null, "=Team!A2"],
          [null, null, "=Team!A3"],
        ]
      ),
      SPEC
    );
    expect(read.rows).toEqual([
      { ID: "R-1", Asset: "Database", Owner: "Ops" },
      { ID: "R-2", Asset: "Laptops" },
    ]);
  });

  it("leaves out spare rows that hold nothing a person typed", () => {
    const read = readRegister(
      sheet(
        [
          ["ID", "Asset", "Risk score", "Owner"],
          [null, "  ", 0, null],
          [null, null, null, "Ops"],
        ],
        [[], [null, null, "=C2*D2", null]]
      ),
      SPEC
    );
    expect(read.rows).toEqual([{ ID: null, Asset: null, Owner: "Ops" }]);
  });

  it("reads nothing without the sheet or the required headers", () => {
    expect(readRegister(undefined, SPEC)).toEqual(emptyRegister());
    expect(
      readRegister(
        sheet([
          ["ID", "Owner"],
          ["R-1", "Ops"],
        ]),
        SPEC
      )
    ).toEqual({
      rows: [],
      extraColumns: [],
    });
  });
});
