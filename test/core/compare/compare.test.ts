// core/compare: the diff and the three-way merge over hand-made snapshots (no files).
import { REVIEW_COLUMNS, SHEETS } from "../../../src/core/contract";
import { WorkbookReadError } from "../../../src/core/errors";
import { compareWorkbooks } from "../../../src/core/compare/diff";
import { mergeWorkbooks } from "../../../src/core/compare/merge";
import { readComparable } from "../../../src/core/compare/model";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";

const HEAD = ["ID", "Applicable", "Status", "Owner", "Gap score", "Notes"];
/** Pinned here, not taken from the contract, so a change to the contract shows up. */
const REVIEW = ["Reviewer", "Reviewer note", "Response", "Review"];

/** An Annex A sheet: a header and rows; a cell "=…" is a formula whose result is `results`. */
function annex(
  rows: CellValue[][],
  opts: { name?: string; text?: string[][]; head?: string[] } = {}
): SheetSnapshot {
  const values = [opts.head ?? HEAD, ...rows].map((r) =>
    r.map((v) => (typeof v === "string" && v.startsWith("=") ? 0.5 : v))
  );
  return {
    name: opts.name ?? SHEETS.annexA,
    origin: { row: 3, col: 0 },
    values,
    text: opts.text ?? values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: [opts.head ?? HEAD, ...rows].map((r) =>
      r.map((v) => (typeof v === "string" && v.startsWith("=") ? v : null))
    ),
  };
}

const read = (...sheets: SheetSnapshot[]) => readComparable(sheets, "test");

describe("compareWorkbooks", () => {
  it("matches rows by ID when they were reordered, and never lists formula columns", () => {
    const old = read(
      annex([
        ["5.1", "Yes", "Not Assessed", null, "=G", null],
        ["5.2", "Yes", "Compliant", "Ann", "=G", null],
      ])
    );
    const now = read(
      annex([
        ["5.2", "Yes", "Compliant", "Bo", 1, null],
        ["5.1", "Yes", "Not Assessed", null, "=G", "new note"],
        ["X.1", "Yes", null, null, null, "hand row"],
      ])
    );
    const c = compareWorkbooks(old, now);
    expect(c.changes.map((x) => [x.id, x.column, x.before, x.after, x.address])).toEqual([
      ["5.2", "Owner", "Ann", "Bo", "D5"],
      ["5.1", "Notes", null, "new note", "F6"],
    ]);
    expect(c.added.map((x) => x.id)).toEqual(["X.1"]);
    expect(c.summary.bySheet[SHEETS.annexA]).toEqual({ changes: 2, added: 1, removed: 0 });
  });

  it("reads an id Excel turned into a number as the text it shows, and numbers equal to their text", () => {
    const old = read(annex([["5.10", "Yes", null, null, null, 3]]));
    const now = read(
      annex([[5.1, "Yes", null, null, null, "3"]], {
        text: [HEAD, ["5.10", "Yes", "", "", "", "3"]],
      })
    );
    const c = compareWorkbooks(old, now);
    expect(c.changes).toEqual([]);
    expect(c.added).toEqual([]);
  });

  it("keeps duplicated ids apart by occurrence", () => {
    const old = read(
      annex([
        ["X.1", "Yes", null, null, null, "a"],
        ["X.1", "Yes", null, null, null, "b"],
      ])
    );
    const now = read(
      annex([
        ["X.1", "Yes", null, null, null, "a"],
        ["X.1", "Yes", null, null, null, "c"],
      ])
    );
    expect(compareWorkbooks(old, now).changes.map((x) => [x.id, x.after])).toEqual([
      ["X.1 #2", "c"],
    ]);
  });

  it("refuses a renamed sheet of ours", () => {
    expect(() =>
      read(annex([["5.1", "Yes", null, null, null, null]], { name: "Controls" }))
    ).toThrow(WorkbookReadError);
  });
});

describe("mergeWorkbooks", () => {
  const base = read(
    annex([
      ["5.1", "Yes", null, null, null, null],
      ["5.2", "Yes", null, null, null, null],
      ["5.3", "Yes", null, null, null, null],
      ["5.4", "Yes", null, "Ann", null, "keep"],
    ])
  );
  const mine = read(
    annex([
      ["5.1", "Yes", "Compliant", null, null, null],
      ["5.2", "Yes", null, "Me", null, null],
      ["5.3", "Yes", null, null, null, null],
      ["5.4", "Yes", null, "Ann", null, "keep"],
      ["M.1", "Yes", null, null, null, "mine"],
    ])
  );
  const theirs = read(
    annex(
      [
        ["5.2", "Yes", null, "Them", null, null, null],
        ["5.1", "Yes", "Compliant", null, null, null, null],
        ["5.3", "No", null, null, null, null, "why"],
        ["T.1", "Yes", null, null, null, "theirs", null],
      ],
      { head: [...HEAD, "Reviewer note"] }
    )
  );

  it("takes one-sided changes, lists conflicts, adds rows and columns, never deletes", () => {
    const m = mergeWorkbooks(base, mine, theirs);
    expect(m.taken.map((t) => [t.id, t.column, t.after, t.address])).toEqual([
      ["5.3", "Applicable", "No", "B7"],
      ["5.3", "Reviewer note", "why", "G7"],
    ]);
    expect(m.conflicts).toEqual([
      expect.objectContaining({
        id: "5.2",
        column: "Owner",
        base: null,
        mine: "Me",
        theirs: "Them",
      }),
    ]);
    expect(m.added).toEqual([expect.objectContaining({ id: "T.1", row: 9 })]);
    expect(m.columns).toEqual([
      expect.objectContaining({ header: "Reviewer note", col: 6, headerRow: 3 }),
    ]);
    expect(m.keptRemoved).toEqual([{ sheet: SHEETS.annexA, id: "5.4" }]);
    expect(m.writes).toEqual(
      expect.arrayContaining([
        { sheetName: SHEETS.annexA, row: 6, col: 1, value: "No", formula: null },
        { sheetName: SHEETS.annexA, row: 9, col: 0, value: "T.1", formula: null },
        { sheetName: SHEETS.annexA, row: 9, col: 5, value: "theirs", formula: null },
      ])
    );
  });

  it("two-way: every difference is a conflict; rows only in theirs are still kept", () => {
    const m = mergeWorkbooks(null, mine, theirs);
    expect(m.conflicts.map((c) => `${c.id}|${c.column}`)).toEqual(["5.2|Owner", "5.3|Applicable"]);
    expect(m.taken.map((t) => t.column)).toEqual(["Reviewer note"]);
    expect(m.added.map((a) => a.id)).toEqual(["T.1"]);
  });

  it("an edit of theirs to a row mine removed is a conflict, and nothing is written for it", () => {
    const m = mergeWorkbooks(
      mine,
      read(annex([["5.1", "Yes", "Compliant", null, null, null]])),
      mine
    );
    expect(m.conflicts).toEqual([]);
    const edited = read(annex([["5.2", "Yes", null, "Other", null, null]]));
    const m2 = mergeWorkbooks(mine, read(annex([["5.1", "Yes", null, null, null, null]])), edited);
    expect(m2.conflicts).toEqual([
      expect.objectContaining({
        id: "5.2",
        column: "Owner",
        mine: null,
        theirs: "Other",
        mineAddress: null,
      }),
    ]);
    expect(m2.writes).toEqual([]);
  });
});

describe("the review and evidence-hint columns (issues 17 and 18)", () => {
  const HEAD2 = ["ID", "Applicable", "Status", "Evidence", "Evidence hint", ...REVIEW];
  const row = (id: string, hint: string, review: CellValue[]): CellValue[] => [
    id,
    "Yes",
    null,
    null,
    hint,
    ...review,
  ];

  it("compares the four review columns as inputs, and never the catalog's evidence hint", () => {
    expect(REVIEW_COLUMNS).toEqual(REVIEW);
    const old = read(annex([row("5.1", "Policy set", [null, null, null, null])], { head: HEAD2 }));
    const now = read(
      annex(
        [
          row("5.1", "damaged hint", ["Ann", "Signed copy?", "Attached", "Answered"]),
          row("X.1", "my own hint", [null, null, null, null]),
        ],
        { head: HEAD2 }
      )
    );
    expect(old.sheets.get(SHEETS.annexA)?.columns).toEqual([
      "Applicable",
      "Status",
      "Evidence",
      "Evidence hint",
      ...REVIEW,
    ]);
    const c = compareWorkbooks(old, now);
    expect(c.changes.map((x) => [x.id, x.column, x.after])).toEqual([
      ["5.1", "Reviewer", "Ann"],
      ["5.1", "Reviewer note", "Signed copy?"],
      ["5.1", "Response", "Attached"],
      ["5.1", "Review", "Answered"],
    ]);
    // A row a person added keeps the hint they typed, like its Title and Question.
    expect(now.sheets.get(SHEETS.annexA)?.rows.get("X.1")?.cells.get("Evidence hint")?.value).toBe(
      "my own hint"
    );
  });

  it("merges a reviewer's note and the assessor's response made in two copies", () => {
    const base = read(annex([row("5.1", "hint", [null, null, null, null])], { head: HEAD2 }));
    const reviewer = read(
      annex([row("5.1", "hint", ["Ann", "Signed copy?", null, "Open"])], { head: HEAD2 })
    );
    const assessor = read(
      annex([row("5.1", "hint", [null, null, "Attached", null])], { head: HEAD2 })
    );
    const m = mergeWorkbooks(base, reviewer, assessor);
    expect(m.conflicts).toEqual([]);
    expect(m.taken.map((t) => [t.column, t.after])).toEqual([["Response", "Attached"]]);
  });
});
