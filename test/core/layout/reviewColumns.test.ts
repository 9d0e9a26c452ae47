// The evidence hint (issue 17) and review columns (issue 18) in the assessment layout: catalog
// text in every catalog row, lists on Reviewer and Review, kept inputs, and the Summary's counts.
import { CLAUSES, CONTROLS } from "../../../src/catalog";
import { ASSESSMENT_SHEETS } from "../../../src/core/contract";
import { layoutAssessmentSheet } from "../../../src/core/layout/assessmentSheet";
import { layoutSummary } from "../../../src/core/layout/summarySheet";
import type { SheetPlan } from "../../../src/core/layout/workbookPlan";
import { columnLetter } from "../../../src/core/snapshot";
import type { RowInputs } from "../../../src/core/inputs";

const [CLAUSES_SPEC, ANNEX_SPEC] = ASSESSMENT_SHEETS;

const grid = (sheet: SheetPlan) => sheet.blocks.find((b) => b.at === "A4")!.cells;
const letterOf = (sheet: SheetPlan, header: string) =>
  columnLetter(grid(sheet)[0].findIndex((c) => c.value === header));

describe("the evidence hint column", () => {
  it("shows the catalog's hint on every clause and control row, and nothing on a row a person added", () => {
    const clauses = layoutAssessmentSheet({
      spec: CLAUSES_SPEC,
      inputs: new Map(),
      extraColumns: [],
    });
    const g = grid(clauses);
    const hint = g[0].findIndex((c) => c.value === "Evidence hint");
    expect(g[0][hint - 1].value).toBe("Evidence");
    expect(g.slice(1).map((r) => r[hint].value)).toEqual(CLAUSES.map((c) => c.evidence));

    const annex = layoutAssessmentSheet({
      spec: ANNEX_SPEC,
      inputs: new Map<string, RowInputs>([
        ["5.1", { "Evidence hint": "typed over", Evidence: "ISMS policy v3" }],
        ["X.1", { Title: "Own control", "Evidence hint": "our own hint" }],
      ]),
      extraColumns: [],
    });
    const a = grid(annex);
    const at = a[0].findIndex((c) => c.value === "Evidence hint");
    // The catalog owns the hint on its rows (a damaged one is written again); a person's row keeps theirs.
    expect(a[1][at].value).toBe(CONTROLS[0].evidence);
    expect(a[a.length - 1][at].value).toBe("our own hint");
    const letter = letterOf(annex, "Evidence hint");
    expect(annex.formats).toContainEqual(
      expect.objectContaining({
        range: `${letter}5:${letter}98`,
        style: expect.objectContaining({ wrap: true }),
      })
    );
    // Locked catalog text, not an input.
    expect(annex.formats.find((f) => f.range === `${letter}5:${letter}98`)?.style?.locked).toBe(
      true
    );
  });
});

describe("the review columns", () => {
  const annex = layoutAssessmentSheet({
    spec: ANNEX_SPEC,
    inputs: new Map([
      [
        "5.1",
        { Reviewer: "Ann", "Reviewer note": "Signed?", Response: "Yes, v3", Review: "Answered" },
      ],
    ]),
    extraColumns: ["My column"],
  });

  it("stand before Notes, keep what was typed, and open for input", () => {
    const header = grid(annex)[0].map((c) => c.value);
    expect(header.slice(-6)).toEqual([
      "Reviewer",
      "Reviewer note",
      "Response",
      "Review",
      "Notes",
      "My column",
    ]);
    const row = grid(annex)[1];
    expect(
      header.map((h, i) => [h, row[i].value]).filter(([h]) => String(h).startsWith("Re"))
    ).toEqual([
      ["Reviewer", "Ann"],
      ["Reviewer note", "Signed?"],
      ["Response", "Yes, v3"],
      ["Review", "Answered"],
    ]);
    const l = letterOf(annex, "Response");
    expect(annex.formats.find((f) => f.range === `${l}5:${l}97`)?.style?.locked).toBe(false);
  });

  it("Reviewer lists the team exactly as Owner does; Review lists Open, Answered, Closed", () => {
    const on = (header: string) => {
      const l = letterOf(annex, header);
      return annex.validations.find((v) => v.range === `${l}5:${l}97`);
    };
    const owner = on("Owner")!;
    const reviewer = on("Reviewer")!;
    expect(reviewer.rule).toEqual(owner.rule);
    expect(reviewer.rule).toEqual({ kind: "list", source: "=Team_Names" });
    expect(reviewer.error).toEqual(owner.error);
    expect(on("Review")?.rule).toEqual({ kind: "list", source: "Open,Answered,Closed" });
    expect(on("Review")?.error?.style).toBe("stop");
  });
});

describe("the Summary's review counts", () => {
  it("counts open, answered and closed notes per sheet with COUNTIFS on the tables", () => {
    const summary = layoutSummary().sheet;
    const rows = summary.blocks[0].cells;
    const title = rows.findIndex((r) => r[0]?.value === "Review notes");
    expect(title).toBeGreaterThan(0);
    expect(rows[title + 1].map((c) => c.value)).toEqual(["Sheet", "Open", "Answered", "Closed"]);
    expect(rows[title + 2].map((c) => c.value ?? c.formula)).toEqual([
      "Clauses 4-10",
      '=COUNTIFS(Clauses[Review],"Open")+COUNTIFS(Clauses[Reviewer note],"<>")-COUNTIFS(Clauses[Reviewer note],"<>",Clauses[Review],"<>")',
      '=COUNTIFS(Clauses[Review],"Answered")',
      '=COUNTIFS(Clauses[Review],"Closed")',
    ]);
    expect(rows[title + 3][0].value).toBe("Annex A");
    expect(rows[title + 3][2].formula).toBe('=COUNTIFS(AnnexA[Review],"Answered")');
    const r = title + 1; // 1-based row of the first sheet line is title + 3
    expect(rows[title + 4].map((c) => c.value ?? c.formula)).toEqual([
      "Total",
      `=SUM(B${r + 2}:B${r + 3})`,
      `=SUM(C${r + 2}:C${r + 3})`,
      `=SUM(D${r + 2}:D${r + 3})`,
    ]);
  });
});
