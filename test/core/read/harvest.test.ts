// core/read/harvest: what people typed, read back for a rebuild — assessment inputs by canonical
// id, Settings by section and label, status words and the team — and merging adopted values.
import { emptyInputs, type AssessmentInputs } from "../../../src/core/inputs";
import { harvestWorkbook, mergeInputs } from "../../../src/core/read/harvest";
import { layoutWorkbook } from "../../../src/core/layout/workbook";
import { settingsSections } from "../../../src/core/settings";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { planToSnapshots } from "../../support/planSnapshots";

function sheet(
  name: string,
  values: CellValue[][],
  formulas: (string | null)[][] = []
): SheetSnapshot {
  return {
    name,
    origin: { row: 0, col: 0 },
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas,
  };
}

describe("harvestWorkbook: assessment rows", () => {
  const annex = sheet(
    "Annex A",
    [
      ["ID", "Theme", "Title", "Status", "Gap score", "Evidence", "Auditor note"],
      ["A.5.1", "People", "Renamed", "Compliant", 0, "Policy v2", "ok"],
      ["X.1", "Organizational", "Our own control", "Partially Compliant", 0.5, null, null],
      [null, null, "A note row", "Compliant", null, null, null],
      ["5.1", null, null, "Non-Compliant", 1, null, null],
    ],
    [[], [null, null, null, null, "=gap", null, null]]
  );
  const harvest = harvestWorkbook([annex]);

  it("keys rows by canonical id and keeps what people typed, extra columns too", () => {
    expect([...harvest.inputs.annexA.keys()]).toEqual(["5.1", "X.1"]);
    expect(harvest.extraColumns.annexA).toEqual(["Auditor note"]);
    expect(harvest.found).toEqual({ clauses: false, annexA: true, settings: false });
  });

  it("leaves catalog text and scores to the catalog and the formulas, but keeps an added row's titles", () => {
    expect(harvest.inputs.annexA.get("X.1")).toEqual({
      Theme: "Organizational",
      Title: "Our own control",
      Status: "Partially Compliant",
      Evidence: null,
      "Auditor note": null,
    });
    expect(harvest.inputs.annexA.get("5.1")).not.toHaveProperty("Title");
    expect(harvest.inputs.annexA.get("5.1")).not.toHaveProperty("Gap score");
  });

  it("lets a later row with the same id fill values, never blank them", () => {
    expect(harvest.inputs.annexA.get("5.1")).toEqual({
      Status: "Non-Compliant",
      Evidence: "Policy v2",
      "Auditor note": "ok",
    });
  });

  it("keeps a formula's result in an input column, and skips it while it has none", () => {
    const clauses = sheet(
      "clauses 4-10 ",
      [
        ["ID", "Status", "Owner", "Evidence"],
        [" 6.1.2 ", "Compliant", "CISO", null],
      ],
      [[], [null, null, "=Team!A2", "=Docs!A2"]]
    );
    const read = harvestWorkbook([clauses]);
    expect(read.found.clauses).toBe(true);
    expect(read.inputs.clauses.get("6.1.2")).toEqual({ Status: "Compliant", Owner: "CISO" });
  });
});

describe("harvestWorkbook: Settings", () => {
  it("reads back every setting, status word and team member a built workbook holds", () => {
    const statusWords: [CellValue, CellValue][] = [
      ["Erfüllt", "Compliant"],
      ["Teilweise", "Partially Compliant"],
    ];
    const team: CellValue[][] = [
      ["Ann", "CISO", "IT"],
      ["Bo", "DPO", null],
    ];
    const plan = layoutWorkbook({ org: "Acme", start: 46000, statusWords, team });
    const harvest = harvestWorkbook(planToSnapshots(plan));
    expect(harvest.found.settings).toBe(true);
    for (const cell of settingsSections("Acme", 46000).flatMap((s) =>
      s.rows.flatMap((r) => r.values)
    ))
      expect([cell.key, harvest.settings.get(cell.key) ?? null]).toEqual([cell.key, cell.default]);
    expect(harvest.statusWords).toEqual(statusWords);
    expect(harvest.team).toEqual(team);
  });

  it("reads a label within its own section, titles and labels in any case", () => {
    const settings = sheet(
      "Settings",
      [
        ["1", "before any section"],
        ["LIKELIHOOD"],
        ["Value", "Label"],
        ["1", "Seldom"],
        ["Impact"],
        [" 1 ", "Tiny"],
        ["status scale"],
        ["partially compliant", 0.25],
        ["Non-Compliant", 0.9],
      ],
      [[], [], [], [], [], [], [], [], [null, "=Weight_Partial*2"]]
    );
    const read = harvestWorkbook([settings]).settings;
    expect(read.get("likelihood.1")).toBe("Seldom");
    expect(read.get("impact.1")).toBe("Tiny");
    expect(read.get("weight.Partially Compliant")).toBe(0.25);
    expect(read.has("weight.Non-Compliant")).toBe(false); // a formula is not a setting
    expect(read.size).toBe(3);
  });

  it("reads the status words and the team to their own end, past blank rows (issue 16)", () => {
    const settings = sheet("Settings", [
      ["Status words"],
      ["Word", "Status"],
      ["Ja", "Compliant"],
      [null, null],
      ["Nein", "Non-Compliant"],
      ["Assessment team"],
      ["Name", "Role", "Department"],
      [null, "Auditor", null],
      ["Cy", null, null],
      [],
      ["Di", "CEO", "Board"],
    ]);
    const read = harvestWorkbook([settings]);
    // The older stacked layout: the words end at the team's title, the team at the sheet's end;
    // blank rows inside are kept where they were.
    expect(read.statusWords).toEqual([
      ["Ja", "Compliant"],
      [null, null],
      ["Nein", "Non-Compliant"],
    ]);
    expect(read.team).toEqual([
      [null, "Auditor", null],
      ["Cy", null, null],
      [null, null, null],
      ["Di", "CEO", "Board"],
    ]);
  });
});

describe("mergeInputs", () => {
  const inputs = (rows: [string, Record<string, CellValue>][]): AssessmentInputs => {
    const result = emptyInputs();
    for (const [id, row] of rows) result.annexA.set(id, row);
    return result;
  };
  const base = inputs([
    ["5.1", { Status: "Not Assessed", Applicable: "Yes", Evidence: "Kept", Owner: null }],
    ["5.2", { Status: "Compliant", Applicable: "No" }],
  ]);
  const incoming = inputs([
    ["5.1", { Status: "Compliant", Applicable: "No", Evidence: "Imported", Owner: "Ann" }],
    ["5.2", { Status: "Non-Compliant", Applicable: "Yes", Notes: "  " }],
    ["5.3", { Status: "Partially Compliant" }],
  ]);

  it("fills blanks and untouched defaults, and keeps typed values", () => {
    const merged = mergeInputs(base, incoming, false);
    expect(merged.annexA.get("5.1")).toEqual({
      Status: "Compliant",
      Applicable: "No",
      Evidence: "Kept",
      Owner: "Ann",
    });
    expect(merged.annexA.get("5.2")).toEqual({ Status: "Compliant", Applicable: "No" });
    expect(merged.annexA.get("5.3")).toEqual({ Status: "Partially Compliant" });
  });

  it("overwrites typed values when asked, but never with a blank", () => {
    const merged = mergeInputs(base, incoming, true);
    expect(merged.annexA.get("5.1")?.Evidence).toBe("Imported");
    expect(merged.annexA.get("5.2")).toEqual({ Status: "Non-Compliant", Applicable: "Yes" });
  });

  it("changes neither input", () => {
    mergeInputs(base, incoming, true);
    expect(base.annexA.get("5.1")?.Evidence).toBe("Kept");
    expect(base.annexA.has("5.3")).toBe(false);
    expect(incoming.clauses.size).toBe(0);
  });
});
