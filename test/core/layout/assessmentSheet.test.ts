// core/layout/assessmentSheet: the score formulas of both assessment tables, generated from the
// status scale, checked as text and evaluated (HyperFormula) against the scoring model.
import { HyperFormula } from "hyperformula";
import { ASSESSMENT_SHEETS } from "../../../src/core/contract";
import { scoreFormulas, thisRow } from "../../../src/core/layout/assessmentSheet";
import { SCORED_STATUSES, STATUS_SCALE } from "../../../src/core/scale";
import { gapScore, type ScoringSettings } from "../../../src/core/scoring";
import type { CellValue } from "../../../src/core/snapshot";

const [CLAUSES_SPEC, ANNEX_SPEC] = ASSESSMENT_SHEETS;

describe("scoreFormulas", () => {
  it("writes the Gap score as one IF per scored status of the scale, by its workbook name", () => {
    const s = "Clauses[[#This Row],[Status]]";
    expect(scoreFormulas(CLAUSES_SPEC)["Gap score"]).toBe(
      `=IF(${s}="Compliant",Weight_Compliant,IF(${s}="Partially Compliant",Weight_Partial,` +
        `IF(${s}="Non-Compliant",Weight_NonCompliant,"")))`
    );
  });

  it("lists every scored status with its weight name, in scale order, and no other status", () => {
    for (const spec of ASSESSMENT_SHEETS) {
      const gap = scoreFormulas(spec)["Gap score"];
      const found = [...gap.matchAll(/="([^"]+)",(\w+)/g)].map((m) => [m[1], m[2]]);
      expect(found).toEqual(SCORED_STATUSES.map((s) => [s.status, s.weight.name]));
      for (const s of STATUS_SCALE.filter((x) => x.weight === null))
        expect(gap).not.toContain(s.status);
    }
  });

  it("leaves an Annex A row with Applicable = No unscored", () => {
    const gap = scoreFormulas(ANNEX_SPEC)["Gap score"];
    expect(gap.startsWith(`=IF(AnnexA[[#This Row],[Applicable]]="No","",IF(`)).toBe(true);
    expect(scoreFormulas(CLAUSES_SPEC)["Gap score"]).not.toContain("Applicable");
  });

  it("uses this-row references of its own table in the file form, and the band names", () => {
    for (const spec of ASSESSMENT_SHEETS) {
      const formulas = Object.values(scoreFormulas(spec));
      expect(Object.keys(scoreFormulas(spec))).toEqual([
        "Gap score",
        "Risk score",
        "Risk level",
        "Priority",
      ]);
      for (const f of formulas) {
        expect(f.startsWith("=")).toBe(true);
        expect(f).not.toContain("[@");
        for (const [, table] of f.matchAll(/(\w+)\[\[#This Row\]/g)) expect(table).toBe(spec.table);
      }
      const level = scoreFormulas(spec)["Risk level"];
      for (const band of ["Band_Critical", "Band_High", "Band_Medium"])
        expect(level).toContain(band);
    }
    expect(thisRow("AnnexA", "Status")).toBe("AnnexA[[#This Row],[Status]]");
  });
});

describe("scoreFormulas evaluated", () => {
  // Weights other than the defaults, so a formula that skips the names cannot pass.
  const scoring: ScoringSettings = {
    weights: { compliant: 0.125, partial: 0.625, nonCompliant: 0.875 },
    bands: { medium: 4, high: 9, critical: 16 },
  };
  const rows: { status: CellValue; applicable: CellValue }[] = [
    ...STATUS_SCALE.map((s) => ({ status: s.status, applicable: "Yes" })),
    { status: "partially compliant", applicable: "Yes" },
    { status: "Compliant ", applicable: "Yes" },
    { status: "Non-Compliant", applicable: "no" },
    { status: "Non-Compliant", applicable: null },
    { status: null, applicable: "Yes" },
  ];

  /** The Gap score of each row as HyperFormula computes it from the formula text. */
  function evaluate(spec: (typeof ASSESSMENT_SHEETS)[number]): CellValue[] {
    const formula = scoreFormulas(spec)["Gap score"];
    const data = rows.map((row, r) => [
      row.status,
      row.applicable,
      formula
        .replaceAll(thisRow(spec.table, "Status"), `A${r + 1}`)
        .replaceAll(thisRow(spec.table, "Applicable"), `B${r + 1}`),
    ]);
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    for (const s of SCORED_STATUSES)
      hf.addNamedExpression(s.weight.name, scoring.weights[s.weight.field]);
    const sheet = hf.getSheetId(hf.addSheet("Sheet1")) as number;
    hf.setSheetContent(sheet, data);
    const values = rows.map((_, r) => hf.getCellValue({ sheet, row: r, col: 2 }) as CellValue);
    hf.destroy();
    return values;
  }

  it.each(ASSESSMENT_SHEETS.map((spec) => [spec.sheet, spec] as const))(
    "gives on %s the scoring model's gap for every status, with the Settings weights",
    (_name, spec) => {
      const expected = rows.map((row) =>
        gapScore(
          {
            status: row.status,
            likelihood: null,
            impact: null,
            applicable: spec.kind === "annexA" ? row.applicable : undefined,
          },
          scoring
        )
      );
      expect(evaluate(spec)).toEqual(expected.map((g) => g ?? ""));
    }
  );
});
