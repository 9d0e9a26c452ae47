// The workbook contract's assessment columns, written out by hand: a change to the contract
// (a column added, moved or renamed) must change this test on purpose, never follow it silently.
import {
  ANNEX_A_COLUMNS,
  CATALOG_COLUMNS,
  CLAUSE_COLUMNS,
  LATER_COLUMNS,
  REVIEW_STATES,
} from "../../src/core/contract";

describe("the assessment tables' columns", () => {
  it("Clauses 4-10: the evidence hint after Evidence, the review columns before Notes", () => {
    expect([...CLAUSE_COLUMNS]).toEqual([
      "ID",
      "Title",
      "Question",
      "Status",
      "Evidence",
      "Evidence hint",
      "Owner",
      "Likelihood",
      "Impact",
      "Gap score",
      "Risk score",
      "Risk level",
      "Priority",
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

  it("Annex A: the same additions", () => {
    expect([...ANNEX_A_COLUMNS]).toEqual([
      "ID",
      "Theme",
      "Title",
      "Question",
      "Applicable",
      "Justification",
      "Status",
      "Evidence",
      "Evidence hint",
      "Owner",
      "Likelihood",
      "Impact",
      "Gap score",
      "Risk score",
      "Risk level",
      "Priority",
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

  it("the evidence hint is catalog text; the columns added later are listed; the Review list", () => {
    expect([...CATALOG_COLUMNS]).toEqual(["ID", "Theme", "Title", "Question", "Evidence hint"]);
    expect(LATER_COLUMNS).toEqual([
      "Evidence hint",
      "Reviewer",
      "Reviewer note",
      "Response",
      "Review",
    ]);
    expect([...REVIEW_STATES]).toEqual(["Open", "Answered", "Closed"]);
  });
});
