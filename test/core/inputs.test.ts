// Input columns (src/core/inputs.ts): what a rebuild, import and merge carry over as a person's.
import { ANNEX_A_INPUT_COLUMNS, CLAUSE_INPUT_COLUMNS } from "../../src/core/inputs";

describe("input columns", () => {
  it("Clauses 4-10: the review columns are inputs, the evidence hint is not", () => {
    expect([...CLAUSE_INPUT_COLUMNS]).toEqual([
      "Status",
      "Evidence",
      "Owner",
      "Likelihood",
      "Impact",
      "Maturity",
      "Method",
      "Assessed by",
      "Assessed on",
      "Reviewer",
      "Reviewer note",
      "Response",
      "Review",
      "Notes",
    ]);
  });

  it("Annex A: Applicable and Justification too", () => {
    expect([...ANNEX_A_INPUT_COLUMNS]).toEqual([
      "Applicable",
      "Justification",
      "Status",
      "Evidence",
      "Owner",
      "Likelihood",
      "Impact",
      "Maturity",
      "Method",
      "Assessed by",
      "Assessed on",
      "Reviewer",
      "Reviewer note",
      "Response",
      "Review",
      "Notes",
    ]);
  });
});
