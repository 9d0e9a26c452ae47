// core/overview: the task pane's figures from hand-made snapshots — compliance with the Settings
// weights, assessed rows, open and overdue actions, and readiness only when Documents can say.
import { OVERVIEW_SHEETS, overviewOf, readinessOf } from "../../src/core/overview";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

function sheet(name: string, values: CellValue[][]): SheetSnapshot {
  return {
    name,
    origin: { row: 0, col: 0 },
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: values.map((r) => r.map(() => null)),
  };
}

const TODAY = new Date(2025, 11, 9); // serial 46000

const clauses = sheet("Clauses 4-10", [
  ["ID", "Status"],
  ["4.1", "Compliant"],
  ["4.2", "Partially Compliant"],
  ["4.3", "Not Assessed"],
  ["4.4", null],
]);
const annex = sheet("Annex A", [
  ["ID", "Applicable", "Status", "Likelihood", "Impact"],
  ["5.1", "Yes", "Non-Compliant", 4, 5], // an open Critical gap
  ["5.2", "No", "Compliant", null, null], // excluded: assessed, not scored
  ["5.3", "No", "Not Applicable", null, null], // assessed, not scored
]);
const settings = sheet("Settings", [
  ["Settings"],
  [],
  ["Status scale"],
  ["Status", "Gap weight", "Meaning"],
  ["Compliant", 0, "Fully in place"],
  ["Partially Compliant", 0.25, "In place in part"],
  ["Non-Compliant", 1, "Not in place"],
]);
const plan = sheet("Remediation Plan", [
  ["ID", "Progress", "Due"],
  ["5.1", "In progress", 45999], // overdue
  ["4.2", "Not started", "2025-12-01"], // overdue, due date typed as text
  ["4.3", "Not started", 46000], // due today
  ["5.3", "done", 45000], // closed
  [null, "In progress", 45000], // not an action
]);
const documents = sheet("Documents", [
  ["ID", "Document", "Clause", "Exists", "Last review"],
  ["isms-scope", "ISMS scope statement", "4.3", "No", null],
]);

describe("overviewOf", () => {
  it("scores compliance with the default weights without Settings", () => {
    const overview = overviewOf([clauses, annex], TODAY);
    expect(overview.found).toBe(true);
    expect(overview.compliance.clauses).toBeCloseTo(0.75); // (1 + 0.5) / 2
    expect(overview.compliance.annexA).toBe(0); // 5.1 only
    expect(overview.compliance.overall).toBeCloseTo(0.5); // (1 + 0.5 + 0) / 3
  });

  it("scores compliance with the weights set on Settings", () => {
    const overview = overviewOf([clauses, annex, settings], TODAY);
    expect(overview.compliance.clauses).toBeCloseTo(0.875); // (1 + 0.75) / 2
    expect(overview.compliance.overall).toBeCloseTo(1.75 / 3);
  });

  it("counts rows with an ID, and as assessed every status but Not Assessed and blank", () => {
    const overview = overviewOf([clauses, annex], TODAY);
    expect(overview.total).toBe(7);
    expect(overview.assessed).toBe(5); // 4.1, 4.2, 5.1, 5.2, 5.3
  });

  it("counts open actions and those overdue on the given day", () => {
    const overview = overviewOf([clauses, annex, plan], TODAY);
    expect([overview.openActions, overview.overdue]).toEqual([3, 2]);
    const later = overviewOf([clauses, annex, plan], new Date(2025, 11, 10));
    expect([later.openActions, later.overdue]).toEqual([3, 3]);
  });

  it("has no readiness without a Documents sheet, and counts blockers per stage with one", () => {
    expect(overviewOf([clauses, annex], TODAY).readiness).toBeNull();
    // Stage 1: the missing scope document, 4.3 and 4.4 not assessed, 5.2 and 5.3 excluded
    // without a justification. Stage 2 adds the open Critical gap 5.1.
    expect(overviewOf([clauses, annex, documents], TODAY).readiness).toEqual({
      stage1: 5,
      stage2: 6,
    });
  });

  it("finds no assessment, and so no readiness, in a workbook without assessment tables", () => {
    expect(overviewOf([plan, documents, settings], TODAY)).toEqual({
      found: false,
      compliance: { overall: null, clauses: null, annexA: null },
      assessed: 0,
      total: 0,
      openActions: 3,
      overdue: 2,
      readiness: null,
    });
  });
});

describe("readinessOf", () => {
  it("needs a Documents table with ID, Document and Exists", () => {
    const headless = sheet("Documents", [["Document", "Exists"]]);
    expect(readinessOf([clauses, annex, headless])).toBeNull();
    expect(readinessOf([clauses, annex, documents])).toEqual({ stage1: 5, stage2: 6 });
  });
});

describe("OVERVIEW_SHEETS", () => {
  it("lists every sheet overviewOf reads: the others change nothing", () => {
    const all = [clauses, annex, settings, plan, documents];
    const listed = all.filter((s) => OVERVIEW_SHEETS.includes(s.name));
    expect(listed).toHaveLength(all.length);
    const summary = sheet("Summary", [
      ["ID", "Status"],
      ["4.1", "Non-Compliant"],
    ]);
    // Issue 17: readiness reads the SoA's approval block, so the SoA is listed; the Risk Register is not.
    const risks = sheet("Risk Register", [
      ["ID", "Status"],
      ["5.1", "Compliant"],
    ]);
    expect(OVERVIEW_SHEETS).toContain("Statement of Applicability");
    expect(overviewOf([summary, ...all, risks], TODAY)).toEqual(overviewOf(listed, TODAY));
  });
});
