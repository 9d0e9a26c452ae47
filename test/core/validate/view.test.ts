// The views the rules read (src/core/validate/view.ts): tables found wherever they sit, empty rows,
// merged cells, displayed text and extra columns, with problems still at the right cells.
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { buildWorkbookView, sanitizeSnapshot } from "../../../src/core/validate/view";
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CLAUSE, CLAUSES_SHEET, CONTROL, brief, run } from "./support";

describe("messy real-world input", () => {
  it("finds a table moved down and right, below a title block", () => {
    const wb = new WorkbookBuilder({ origin: { row: 5, col: 3 }, titleRows: 3 });
    expect(run(wb).problems).toEqual([]);
    wb.annexA.set(CONTROL, "Evidence", null);
    const [p] = run(wb).problems;
    expect(p.cell).toBe(wb.annexA.address(CONTROL, "Evidence"));
    expect(p.cell).toBe("K10"); // header on sheet row 9, column D + 7 = K
  });

  it("skips empty rows in between and still points at the right cells", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.blankRowAfter("5.1").blankRowAfter("5.1").blankRowAfter("8.34");
    wb.annexA.set("5.2", "Owner", null);
    expect(run(wb).problems.map(brief)).toEqual([
      `owner-missing ${ANNEX}!${wb.annexA.address("5.2", "Owner")}`,
    ]);
    expect(wb.annexA.address("5.2", "Owner")).toBe("J5");
  });

  it("treats a merged ID cell as one record, not a row without id", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("cont", { Notes: "second line of notes", Status: "Compliant" }, "4.1");
    wb.clauses.mergeDown("4.1", "ID", 1);
    expect(run(wb).problems).toEqual([]);
  });

  it("does not let a merged Status cell score the rows below it", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.mergeDown("4.1", "Status", 1); // 4.2's own Status cell is now blank
    const problems = run(wb).problems;
    expect(problems.map(brief)).toEqual([
      `not-assessed ${CLAUSES_SHEET}!${wb.clauses.address("4.2", "Status")}`,
    ]);
  });

  it("reads ids with stray spaces and the date-mangled text Excel shows", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set("6.1.2", "ID", " 6.1.2 ");
    wb.clauses.set("9.3.1", "ID", 46000, "9.3.1"); // displayed text wins over the serial number
    expect(run(wb).problems).toEqual([]);
  });

  it("handles extra user columns between contract columns", () => {
    const wb = new WorkbookBuilder({
      extraColumns: [
        { header: "Risk ref", after: "Status" },
        { header: "Audit note", after: "Priority" },
      ],
    });
    wb.clauses.set(CLAUSE, "Evidence", null);
    expect(run(wb).problems.map(brief)).toEqual([
      `evidence-missing ${CLAUSES_SHEET}!${wb.clauses.address(CLAUSE, "Evidence")}`,
    ]);
    expect(wb.clauses.address(CLAUSE, "Evidence")).toBe("F2");
  });
});

describe("sanitizeSnapshot", () => {
  it("hands a well-formed snapshot back as it is, without a copy", () => {
    const snapshot = new WorkbookBuilder().snapshots()[0];
    expect(sanitizeSnapshot(snapshot)).toBe(snapshot);
  });

  it("repairs what a hostile adapter could hand over", () => {
    expect(sanitizeSnapshot(null)).toMatchObject({
      name: "",
      origin: { row: 0, col: 0 },
      values: [],
      text: [],
      formulas: [],
    });
    const repaired = sanitizeSnapshot({
      name: 7,
      origin: { row: -2, col: 3.7 },
      values: [["ID", { x: 1 }, undefined], "row"],
      text: [[1, "a"], "row"],
      formulas: [[5, "=A1"], 3],
      merges: "all",
    });
    expect(repaired).toEqual({
      name: "7",
      origin: { row: 0, col: 3 },
      values: [["ID", null, null], []],
      text: [["", "a"], []],
      formulas: [[null, "=A1"], []],
      merges: undefined,
      tables: undefined,
    });
  });
});

describe("buildWorkbookView", () => {
  const annexView = (snapshot: SheetSnapshot) =>
    buildWorkbookView([snapshot], new Date(), () => undefined).sheets.get("annexA");
  const sheet = (over: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
    name: "Annex A",
    origin: { row: 3, col: 0 },
    values: [
      ["ID", "Status"],
      ["5.1", "Compliant"],
      ["9.9", "compliant"],
      [null, "Non-Compliant"],
      [null, null],
    ],
    text: [],
    formulas: [],
    ...over,
  });

  it("names rows by catalog id, or by sheet row and the ID typed", () => {
    const view = annexView(sheet());
    expect(view?.rows.map((r) => [r.label, r.catalogId, r.effective])).toEqual([
      ["Control 5.1", "5.1", "Compliant"],
      ['Row 6 (ID "9.9")', null, "Compliant"],
      ["Row 7", null, "Non-Compliant"],
    ]);
  });

  it("puts the end of the table below its last row, or below the Excel table, within the sheet", () => {
    expect(annexView(sheet())?.endRow).toBe(7);
    const table = (bottom: number) => [{ name: "annexa", top: 3, left: 0, bottom, right: 1 }];
    expect(annexView(sheet({ tables: table(20) }))?.endRow).toBe(21);
    expect(annexView(sheet({ tables: table(2_000_000) }))?.endRow).toBe(1_048_575);
  });

  it("returns null without a header row holding ID and Status", () => {
    expect(annexView(sheet({ values: [["ID", "Title"]] }))).toBeNull();
  });
});
