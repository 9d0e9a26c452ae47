// core/history: a snapshot row computed from SheetSnapshots with the reference scoring model.
import { HISTORY_COLUMNS } from "../../src/core/contract";
import { assessmentStats, snapshotRow } from "../../src/core/history";
import { emptyInputs, type RowInputs } from "../../src/core/inputs";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import { planToSnapshots } from "../support/planSnapshots";

function workbook(options: { plan?: boolean; weightPartial?: number } = {}) {
  const inputs = emptyInputs();
  inputs.clauses.set("4.1", { Status: "Compliant" });
  inputs.clauses.set("4.2", { Status: "partially compliant" }); // Excel's = ignores case
  inputs.clauses.set("4.3", { Status: "Non-Compliant" });
  inputs.clauses.set("4.4", { Status: "Compliant " }); // a trailing space is not a status
  inputs.annexA.set("5.1", { Status: "Compliant" });
  inputs.annexA.set("5.2", { Status: "Non-Compliant" });
  inputs.annexA.set("5.3", { Status: "Compliant", Applicable: "No" }); // excluded: not scored, still counted as Compliant
  inputs.annexA.set("5.4", { Status: "Not Applicable", Applicable: "No" });
  const settings = new Map<string, string | number>();
  if (options.weightPartial !== undefined)
    settings.set("weight.Partially Compliant", options.weightPartial);
  const plan = options.plan
    ? {
        rows: <RowInputs[]>[
          { ID: "4.3", Source: "Clauses 4-10", Progress: "Not started" },
          { ID: "5.2", Source: "Annex A", Progress: "in progress" },
          { ID: "5.9", Source: "Annex A", Progress: "Done" },
          { ID: "5.10", Source: "Annex A", Progress: "RESOLVED" },
          { ID: null, Source: null, Title: "Hand row without id", Progress: "Not started" },
        ],
        extraColumns: [],
      }
    : undefined;
  return planToSnapshots(layoutWorkbook({ inputs, settings, plan, start: 46000 }));
}

describe("snapshotRow", () => {
  it("scores and counts the assessment as the Summary does", () => {
    const row = snapshotRow(workbook({ plan: true }), { date: 46100, note: "  before audit " });
    expect(Object.keys(row)).toEqual([...HISTORY_COLUMNS]);
    // Clauses: C, P, N scored → (1 + 0.5 + 0) / 3.  Annex A: 5.1 C, 5.2 N → 1/2.
    expect(row["Clauses 4-10"]).toBeCloseTo(1.5 / 3, 12);
    expect(row["Annex A"]).toBeCloseTo(0.5, 12);
    expect(row.Overall).toBeCloseTo(2.5 / 5, 12);
    expect(row).toMatchObject({
      Date: 46100,
      Compliant: 3, // 4.1, 5.1, 5.3
      "Partially Compliant": 1,
      "Non-Compliant": 2,
      "Not Applicable": 1,
      "Not Assessed": 123 - 7,
      "Open actions": 2, // 4.3 and 5.2; Done, Resolved and the id-less row are not counted
      Note: "before audit",
    });
  });

  it("uses the weights on Settings and leaves open actions blank without a plan", () => {
    const row = snapshotRow(workbook({ weightPartial: 0.75 }), { date: 46100 });
    expect(row["Clauses 4-10"]).toBeCloseTo((1 + 0.25 + 0) / 3, 12);
    expect(row["Open actions"]).toBeNull();
    expect(row.Note).toBeNull();
  });

  it("is blank, not zero, when nothing is assessed", () => {
    const row = snapshotRow(planToSnapshots(layoutWorkbook({ start: 46000 })), { date: 46000 });
    expect([row.Overall, row["Clauses 4-10"], row["Annex A"], row["Not Assessed"]]).toEqual([
      null,
      null,
      null,
      123,
    ]);
  });

  it("reads rows people added to the assessment too", () => {
    const inputs = emptyInputs();
    inputs.annexA.set("X.1", { Title: "Our control", Status: "Non-Compliant" });
    const stats = assessmentStats(planToSnapshots(layoutWorkbook({ inputs })));
    expect([
      stats.annexA.rows,
      stats.annexA.counts["Non-Compliant"],
      stats.annexA.compliance,
    ]).toEqual([94, 1, 0]);
  });
});
