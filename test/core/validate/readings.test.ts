// How rules read cells (src/core/validate/readings.ts): Status and Applicable as the formulas see
// them, Likelihood and Impact ratings, and text that only pretends to be evidence.
import type { CellValue } from "../../../src/core/snapshot";
import {
  isBlankValue,
  isPlaceholder,
  ratingLabel,
  readApplicable,
  readRating,
  readStatus,
} from "../../../src/core/validate/readings";
import type { StatusReading } from "../../../src/core/validate/types";

describe("isPlaceholder and isBlankValue", () => {
  it.each(["TBD", " tbd ", "N/A", "n.a.", "-", "—", "...", "??", "See above", "Same as above."])(
    "calls %p a placeholder",
    (text) => {
      expect(isPlaceholder(text)).toBe(true);
    }
  );

  it.each(["", "   ", "POL-01", "ISMS policy v2, approved 2024-03-01", "See SoA v3 tab 2"])(
    "does not call %p a placeholder",
    (text) => {
      expect(isPlaceholder(text)).toBe(false);
    }
  );

  it("calls null and whitespace blank, not zero or false", () => {
    expect([null, "", " \t"].map((v) => isBlankValue(v))).toEqual([true, true, true]);
    expect(([0, false, "x"] as CellValue[]).map((v) => isBlankValue(v))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe("readStatus", () => {
  it.each<[CellValue, StatusReading]>([
    [null, { kind: "blank" }],
    ["  ", { kind: "blank" }],
    ["Compliant", { kind: "exact", status: "Compliant" }],
    ["Not Applicable", { kind: "exact", status: "Not Applicable" }],
    ["non-compliant", { kind: "case", status: "Non-Compliant", raw: "non-compliant" }],
    ["Compliant ", { kind: "spacing", status: "Compliant", raw: "Compliant " }],
    ["Not\u00a0Assessed", { kind: "spacing", status: "Not Assessed", raw: "Not\u00a0Assessed" }],
    [
      " partially  COMPLIANT",
      { kind: "spacing", status: "Partially Compliant", raw: " partially  COMPLIANT" },
    ],
    ["Complaint", { kind: "invalid", raw: "Complaint", suggestion: "Compliant" }],
    ["Banana", { kind: "invalid", raw: "Banana", suggestion: null }],
  ])("reads %j", (value, reading) => {
    expect(readStatus(value)).toEqual(reading);
  });

  it("never takes a number or a boolean for a status", () => {
    expect(readStatus(1)).toMatchObject({ kind: "invalid", raw: "1" });
    expect(readStatus(true)).toMatchObject({ kind: "invalid", raw: "true" });
  });

  it("reads each distinct value once with a cache, telling a number from its text", () => {
    const cache = new Map<string, StatusReading>();
    const first = readStatus("Complaint", cache);
    expect(readStatus("Complaint", cache)).toBe(first);
    readStatus(1, cache);
    readStatus("1", cache);
    expect(cache.size).toBe(3);
  });
});

describe("readApplicable", () => {
  it("reads Yes and No in any letter case", () => {
    expect(readApplicable("yes")).toEqual({ kind: "ok", value: "Yes" });
    expect(readApplicable("NO")).toEqual({ kind: "ok", value: "No" });
    expect(readApplicable(null)).toEqual({ kind: "blank" });
  });

  it("tells stray spaces apart from other values, and suggests the nearest", () => {
    expect(readApplicable("No ")).toEqual({ kind: "spacing", value: "No", raw: "No " });
    expect(readApplicable("Y")).toEqual({ kind: "invalid", raw: "Y", suggestion: "Yes" });
    expect(readApplicable("Maybe")).toEqual({ kind: "invalid", raw: "Maybe", suggestion: null });
    expect(readApplicable(true)).toMatchObject({ kind: "invalid", raw: "true" });
  });
});

describe("readRating", () => {
  it("accepts whole numbers 1 to 5", () => {
    for (const n of [1, 2, 3, 4, 5])
      expect(readRating(n, "Impact")).toEqual({ kind: "ok", value: n });
  });

  it.each([0, 6, 2.5, -1])("calls %p out of range", (n) => {
    expect(readRating(n, "Likelihood")).toEqual({ kind: "out-of-range", value: n });
  });

  it("reads a number stored as text, with a comma or a point", () => {
    expect(readRating(" 3 ", "Likelihood")).toEqual({ kind: "text-number", raw: " 3 ", value: 3 });
    expect(readRating("2,5", "Impact")).toEqual({ kind: "text-number", raw: "2,5", value: 2.5 });
  });

  it("reads a label of its own scale only", () => {
    expect(readRating("likely", "Likelihood")).toEqual({ kind: "label", raw: "likely", value: 4 });
    expect(readRating("Major", "Impact")).toEqual({ kind: "label", raw: "Major", value: 4 });
    expect(readRating("Likely", "Impact")).toEqual({ kind: "invalid", raw: "Likely" });
  });

  it("reads blanks as blank and anything else as invalid", () => {
    expect(readRating(" ", "Impact")).toEqual({ kind: "blank" });
    expect(readRating("High", "Impact")).toEqual({ kind: "invalid", raw: "High" });
    expect(readRating(true, "Impact")).toEqual({ kind: "invalid", raw: "true" });
  });

  it("labels a rating for messages", () => {
    expect(ratingLabel("Likelihood", 4)).toBe("4 (Likely)");
    expect(ratingLabel("Impact", 1)).toBe("1 (Negligible)");
    expect(ratingLabel("Impact", 9)).toBe("9");
  });
});
