// core/scale: the status scale declared once (STATUS_SCALE) and what is generated from it, the
// risk scales and bands, and reading a cell as a status.
import {
  DEFAULT_BAND_MINIMUMS,
  DEFAULT_SLA_DAYS,
  DEFAULT_WEIGHTS,
  IMPACT_SCALE,
  LIKELIHOOD_SCALE,
  RISK_LEVELS,
  SCORED_STATUSES,
  STATUS_SCALE,
  STATUSES,
  asStatus,
} from "../../src/core/scale";

describe("STATUS_SCALE", () => {
  it("lists the contract's statuses in list order", () => {
    expect(STATUSES).toEqual([
      "Compliant",
      "Partially Compliant",
      "Non-Compliant",
      "Not Applicable",
      "Not Assessed",
    ]);
  });

  it("generates DEFAULT_WEIGHTS: 0, 0.5 and 1, unscored statuses null", () => {
    expect(DEFAULT_WEIGHTS).toEqual({
      Compliant: 0,
      "Partially Compliant": 0.5,
      "Non-Compliant": 1,
      "Not Applicable": null,
      "Not Assessed": null,
    });
    for (const s of STATUS_SCALE) expect(DEFAULT_WEIGHTS[s.status]).toBe(s.weight?.default ?? null);
  });

  it("scores exactly the statuses with a weight, each with its own key, name and field", () => {
    expect(SCORED_STATUSES.map((s) => s.status)).toEqual([
      "Compliant",
      "Partially Compliant",
      "Non-Compliant",
    ]);
    for (const s of SCORED_STATUSES) expect(s.weight.key).toBe(`weight.${s.status}`);
    const names = SCORED_STATUSES.map((s) => s.weight.name);
    const fields = SCORED_STATUSES.map((s) => s.weight.field);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(fields).size).toBe(fields.length);
    for (const name of names) expect(name).toMatch(/^Weight_[A-Za-z]+$/);
  });
});

describe("risk scales and bands", () => {
  it("rates Likelihood and Impact 1 to 5, each value labelled", () => {
    for (const scale of [LIKELIHOOD_SCALE, IMPACT_SCALE]) {
      expect(scale.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
      expect(new Set(scale.map((l) => l.label.toLowerCase())).size).toBe(5);
    }
  });

  it("starts the bands Medium 5, High 10, Critical 20, and gives higher risks shorter SLAs", () => {
    expect(DEFAULT_BAND_MINIMUMS).toEqual({ Medium: 5, High: 10, Critical: 20 });
    const days = RISK_LEVELS.map((level) => DEFAULT_SLA_DAYS[level]);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(new Set(days).size).toBe(RISK_LEVELS.length);
  });
});

describe("asStatus", () => {
  it.each([
    ["Compliant", "Compliant"],
    ["  partially compliant ", "Partially Compliant"],
    ["NON-COMPLIANT", "Non-Compliant"],
    ["not applicable", "Not Applicable"],
    ["Not Assessed\t", "Not Assessed"],
  ])("reads %p as %p", (value, status) => {
    expect(asStatus(value)).toBe(status);
  });

  it.each([null, undefined, 1, true, "", "Complaint", "Non Compliant", "Partially  Compliant"])(
    "reads %p as no status",
    (value) => {
      expect(asStatus(value)).toBeNull();
    }
  );
});
