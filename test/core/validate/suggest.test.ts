// Closest-value suggestions (src/core/validate/suggest.ts): loose keys, edit distance, and the pick.
import { closest, editDistance, looseKey } from "../../../src/core/validate/suggest";

describe("looseKey", () => {
  it.each([
    ["Non-Compliant ", "non compliant"],
    ["Partially_Compliant.", "partially compliant"],
    ["\u00a0Not  Assessed", "not assessed"],
    ["Non–Compliant", "non compliant"],
    ["(Yes!)", "yes"],
    ["N/A", "n/a"],
    ["?", "?"],
    ["Erfüllt", "erfüllt"],
    ["  -- ", ""],
  ])("folds %p to %p", (text, key) => {
    expect(looseKey(text)).toBe(key);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one each", () => {
    expect(editDistance("compliant", "compliant", 2)).toBe(0);
    expect(editDistance("complaint", "compliant", 2)).toBe(1); // swap
    expect(editDistance("partialy", "partially", 2)).toBe(1); // insertion
    expect(editDistance("complient", "compliant", 2)).toBe(1); // substitution
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
  });

  it("stops at max + 1", () => {
    expect(editDistance("a", "abcdef", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("abcd", "wxyz", 2)).toBe(3);
  });
});

describe("closest", () => {
  const candidates = new Map<string, string>([
    ["compliant", "Compliant"],
    ["partially compliant", "Partially Compliant"],
    ["non compliant", "Non-Compliant"],
    ["not applicable", "Not Applicable"],
    ["not assessed", "Not Assessed"],
    ["yes", "Compliant"],
  ]);

  it("takes an exact key first, after folding", () => {
    expect(closest(" YES. ", candidates)).toBe("Compliant");
    expect(closest("Non_Compliant", candidates)).toBe("Non-Compliant");
  });

  it("takes the one candidate a word of three or more letters starts", () => {
    expect(closest("part", candidates)).toBe("Partially Compliant");
    expect(closest("not ap", candidates)).toBe("Not Applicable");
  });

  it("takes the nearest key within about one typo per four letters", () => {
    expect(closest("Complaint", candidates)).toBe("Compliant");
    expect(closest("Partialy Complient", candidates)).toBe("Partially Compliant");
    expect(closest("Not Assesed", candidates)).toBe("Not Assessed");
  });

  it("gives no suggestion when nothing is close, the word is short, or two are equally close", () => {
    expect(closest("Banana", candidates)).toBeNull();
    expect(closest("not", candidates)).toBeNull(); // starts two keys
    expect(closest("ye", candidates)).toBeNull(); // too short to guess
    expect(closest("", candidates)).toBeNull();
    expect(closest("...", candidates)).toBeNull();
    const tie = new Map([
      ["abcd", "A"],
      ["abce", "B"],
    ]);
    expect(closest("abcf", tie)).toBeNull();
  });
});
