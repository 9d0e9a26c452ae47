import {
  DEFAULT_SCORING,
  compliance,
  gapScore,
  numberSetting,
  riskLevel,
  riskScore,
  scoreRow,
  sameText,
  scoringFromSettings,
} from "../../src/core/scoring";
import { SCORED_STATUSES } from "../../src/core/scale";
import type { CellValue } from "../../src/core/snapshot";

describe("scoring model", () => {
  it("weights statuses like Excel compares text: case-insensitive, spaces significant", () => {
    expect(gapScore({ status: "Compliant", likelihood: null, impact: null })).toBe(0);
    expect(gapScore({ status: "partially compliant", likelihood: null, impact: null })).toBe(0.5);
    expect(gapScore({ status: "Non-Compliant", likelihood: null, impact: null })).toBe(1);
    expect(gapScore({ status: "Compliant ", likelihood: null, impact: null })).toBeNull();
    expect(gapScore({ status: "Not Applicable", likelihood: null, impact: null })).toBeNull();
    expect(gapScore({ status: null, likelihood: null, impact: null })).toBeNull();
    expect(sameText(1, "1")).toBe(false);
  });

  it("takes Annex A rows marked not applicable out of scoring", () => {
    expect(
      gapScore({ status: "Non-Compliant", likelihood: null, impact: null, applicable: "no" })
    ).toBeNull();
    expect(
      gapScore({ status: "Non-Compliant", likelihood: null, impact: null, applicable: "Yes" })
    ).toBe(1);
  });

  it("multiplies likelihood by impact only when both are numbers", () => {
    expect(riskScore(4, 5)).toBe(20);
    expect(riskScore("4", 5)).toBeNull();
    expect(riskScore(null, 5)).toBeNull();
  });

  it.each([
    [1, "Low"],
    [4, "Low"],
    [5, "Medium"],
    [9, "Medium"],
    [10, "High"],
    [16, "High"],
    [20, "Critical"],
    [25, "Critical"],
  ])("risk %d is %s", (score, level) => {
    expect(riskLevel(score)).toBe(level);
  });

  it("priority is gap × risk", () => {
    expect(scoreRow({ status: "Partially Compliant", likelihood: 4, impact: 3 })).toEqual({
      gap: 0.5,
      risk: 12,
      level: "High",
      priority: 6,
    });
    expect(scoreRow({ status: "Not Assessed", likelihood: 4, impact: 3 }).priority).toBeNull();
  });

  it("compliance is (C + 0.5·P) / (C + P + N) over scored rows", () => {
    expect(compliance([0, 0.5, 1, null])).toBeCloseTo(0.5);
    expect(compliance([0, 0, 0.5])).toBeCloseTo(2.5 / 3);
    expect(compliance([null, null])).toBeNull();
  });
});

describe("scoringFromSettings", () => {
  const settings = (entries: [string, CellValue][]) => new Map<string, CellValue>(entries);

  it("uses the scale's defaults when Settings sets nothing", () => {
    expect(scoringFromSettings(settings([]))).toEqual(DEFAULT_SCORING);
    expect(DEFAULT_SCORING.weights).toEqual({ compliant: 0, partial: 0.5, nonCompliant: 1 });
    expect(DEFAULT_SCORING.bands).toEqual({ medium: 5, high: 10, critical: 20 });
  });

  it.each(SCORED_STATUSES.map((s) => [s.status, s.weight.key] as const))(
    "reads the weight of %s by its key %p, and scores that status with it",
    (status, key) => {
      const scoring = scoringFromSettings(settings([[key, 0.3]]));
      const row = { status, likelihood: null, impact: null };
      expect(gapScore(row, scoring)).toBe(0.3);
      for (const other of SCORED_STATUSES.filter((s) => s.status !== status))
        expect(gapScore({ ...row, status: other.status }, scoring)).toBe(other.weight.default);
    }
  );

  it("ignores a weight that is text, not finite, or under another key", () => {
    for (const value of ["0.3", NaN, Infinity, null, true] as CellValue[])
      expect(scoringFromSettings(settings([["weight.Partially Compliant", value]]))).toEqual(
        DEFAULT_SCORING
      );
    expect(scoringFromSettings(settings([["Weight_Partial", 0.3]]))).toEqual(DEFAULT_SCORING);
  });

  it("reads the band minimums, and riskLevel follows them", () => {
    const scoring = scoringFromSettings(
      settings([
        ["band.Medium", 3],
        ["band.High", 12],
        ["band.Critical", 25],
      ])
    );
    expect(scoring.bands).toEqual({ medium: 3, high: 12, critical: 25 });
    expect([2, 3, 11, 12, 20, 25].map((r) => riskLevel(r, scoring))).toEqual([
      "Low",
      "Medium",
      "Medium",
      "High",
      "High",
      "Critical",
    ]);
  });

  it("numberSetting falls back unless the value is a finite number", () => {
    const map = settings([
      ["a", 0],
      ["b", "7"],
    ]);
    expect(numberSetting(map, "a", 9)).toBe(0);
    expect(numberSetting(map, "b", 9)).toBe(9);
    expect(numberSetting(map, "missing", 9)).toBe(9);
  });
});
