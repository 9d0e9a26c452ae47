// Message wording helpers (src/core/validate/text.ts): quoting, status lists, spacing described.
import { describeSpacing, quoted, statusList } from "../../../src/core/validate/text";

describe("quoted", () => {
  it("quotes a value on one line", () => {
    expect(quoted("TBD")).toBe('"TBD"');
    expect(quoted("Policy\n  v2\tapproved")).toBe('"Policy v2 approved"');
  });

  it("shortens a long paste to 57 characters and an ellipsis", () => {
    const sixty = "x".repeat(60);
    expect(quoted(sixty)).toBe(`"${sixty}"`);
    expect(quoted("y".repeat(61))).toBe(`"${"y".repeat(57)}..."`);
    expect(quoted("z".repeat(5000))).toHaveLength(62);
  });
});

describe("statusList", () => {
  it("offers Not Applicable on Annex A only", () => {
    expect(statusList("annexA")).toBe(
      "Compliant, Partially Compliant, Non-Compliant, Not Applicable or Not Assessed"
    );
    expect(statusList("clauses")).toBe(
      "Compliant, Partially Compliant, Non-Compliant or Not Assessed"
    );
  });
});

describe("describeSpacing", () => {
  it.each([
    ["Compliant\u00a0", "a non-breaking space"],
    ["Compliant\n", "a line break"],
    ["Non-\r\nCompliant", "a line break"],
    ["Compliant\t", "a tab"],
    [" Compliant ", "spaces before and after it"],
    ["Compliant ", "a trailing space"],
    ["Compliant   ", "trailing spaces"],
    [" Compliant", "a leading space"],
    ["Partially  Compliant", "extra spaces inside it"],
  ])("describes %j as %p", (raw, words) => {
    expect(describeSpacing(raw)).toBe(words);
  });
});
