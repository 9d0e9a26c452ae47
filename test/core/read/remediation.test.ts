// core/read/remediation: the Remediation Plan read back by header, and the one rule for an open
// action (the same as the Summary's and the overview's counts).
import {
  isOpenAction,
  openActionCounts,
  readRemediationRows,
  type RemediationRow,
} from "../../../src/core/read/remediation";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

describe("isOpenAction", () => {
  it.each(["Done", "Resolved", "done", "RESOLVED", "dOnE"])(
    "closes an action at %p",
    (progress) => {
      expect(isOpenAction({ ID: "5.1", Progress: progress })).toBe(false);
    }
  );

  it.each([null, "", "Not started", "In progress", "Done soon"])(
    "leaves an action open at %p",
    (progress) => {
      expect(isOpenAction({ ID: "5.1", Progress: progress })).toBe(true);
    }
  );

  it("leaves an action without a Progress column open", () => {
    expect(isOpenAction({ ID: "5.1" })).toBe(true);
  });

  it("compares like Excel: spaces count, so a trailing space does not close it", () => {
    expect(isOpenAction({ ID: "5.1", Progress: "Done " })).toBe(true);
  });

  it("does not count a row without an ID as an action", () => {
    expect(isOpenAction({ ID: null, Progress: "In progress" })).toBe(false);
    expect(isOpenAction({ ID: "   ", Progress: "Not started" })).toBe(false);
    expect(isOpenAction({ Progress: "Not started" })).toBe(false);
  });
});

describe("openActionCounts", () => {
  const TODAY = 46000; // 2025-12-09

  it("counts open actions, and those due before today by serial or ISO text", () => {
    const rows: RemediationRow[] = [
      { ID: "A", Progress: "In progress", Due: 45999 }, // overdue
      { ID: "B", Progress: "Not started", Due: 46000 }, // due today: not overdue
      { ID: "C", Progress: null, Due: "2025-12-08" }, // overdue, typed as text
      { ID: "D", Progress: null, Due: "2025-12-09" }, // due today, typed as text
      { ID: "E", Progress: "Done", Due: 45000 }, // closed
      { ID: "F", Progress: "In progress", Due: null }, // open, no due date
      { ID: null, Progress: "In progress", Due: 45000 }, // not an action
      { ID: "H", Progress: "In progress", Due: 45999.5 }, // a date with a time: overdue
      { ID: "I", Progress: "In progress", Due: "next week" }, // not a date
    ];
    expect(openActionCounts(rows, TODAY)).toEqual({ openActions: 7, overdue: 3 });
  });

  it("counts nothing in an empty plan", () => {
    expect(openActionCounts([], TODAY)).toEqual({ openActions: 0, overdue: 0 });
  });
});

describe("readRemediationRows", () => {
  const header: CellValue[] = [
    "ID",
    "Title",
    "Risk level",
    "Priority",
    "Due",
    "Progress",
    "Budget",
  ];
  function plan(rows: CellValue[][], formulas: (string | null)[][]): SheetSnapshot {
    const values = [["Remediation plan"], header, ...rows];
    return {
      name: "Remediation Plan",
      origin: { row: 2, col: 0 },
      values,
      text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
      formulas: [[null], header.map(() => null), ...formulas],
    };
  }

  it("reads every column by header, extra columns too, and leaves the builder's formulas out", () => {
    const snapshot = plan(
      [
        ["5.1", "Policies", "High", 6, 46030, "In progress", "B-1"],
        [null, null, null, null, null, null, null],
        ["5.2", "Roles", "Typed", 3, null, "Done", null],
      ],
      [
        [null, null, "=lookup", "=lookup", null, null, null],
        [null, null, null, null, null, null, null],
        [null, null, null, null, null, null, null],
      ]
    );
    const { rows, extraColumns } = readRemediationRows(snapshot);
    expect(extraColumns).toEqual(["Budget"]);
    expect(rows).toEqual([
      { ID: "5.1", Title: "Policies", Due: 46030, Progress: "In progress", Budget: "B-1" },
      {
        ID: "5.2",
        Title: "Roles",
        "Risk level": "Typed",
        Priority: 3,
        Due: null,
        Progress: "Done",
        Budget: null,
      },
    ]);
  });

  it("reads nothing without a sheet or without the ID and Progress headers", () => {
    expect(readRemediationRows(undefined)).toEqual({ rows: [], extraColumns: [] });
    const noProgress: SheetSnapshot = {
      name: "Remediation Plan",
      origin: { row: 0, col: 0 },
      values: [
        ["ID", "Title"],
        ["5.1", "Policies"],
      ],
      text: [],
      formulas: [],
    };
    expect(readRemediationRows(noProgress)).toEqual({ rows: [], extraColumns: [] });
  });
});
