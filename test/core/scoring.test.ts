import {
  compliance,
  gapScore,
  riskLevel,
  riskScore,
  scoreRow,
  sameText,
} from "../../src/core/scoring";

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
