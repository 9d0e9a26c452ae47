// Review rules (src/core/validate/review.ts): review-invalid, review-open, review-answered, and
// column-new for a workbook built before the review and evidence-hint columns existed.
import { WorkbookBuilder } from "../snapshotBuilder";
import { readReview } from "../../../src/core/validate/review";
import { ANNEX, CLAUSE, CLAUSES_SHEET, CONTROL, brief, issues, only, run } from "./support";

describe("review-open and review-answered", () => {
  it("lists a note with a blank Review as open, at the note's cell", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, {
      Reviewer: "Ann Auditor",
      "Reviewer note": "Where is the signed policy?",
    });
    const problems = only(wb, "review-open");
    expect(problems.map(brief)).toEqual([
      `review-open ${ANNEX}!${wb.annexA.address(CONTROL, "Reviewer note")}`,
    ]);
    expect(problems[0].severity).toBe("info");
    expect(problems[0].message).toMatch(
      /Control 5\.1: the review note "Where is the signed policy\?" \(reviewer "Ann Auditor"\) is open/
    );
  });

  it("lists Review = Open as open even without a note, at the Review cell", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set(CLAUSE, "Review", "Open");
    expect(only(wb, "review-open").map(brief)).toEqual([
      `review-open ${CLAUSES_SHEET}!${wb.clauses.address(CLAUSE, "Review")}`,
    ]);
  });

  it("lists an answered note as answered but not closed, and a closed one not at all", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, {
      "Reviewer note": "Test restore?",
      Response: "Restore test 2024-05 attached",
      Review: "Answered",
    });
    wb.annexA.setRow("5.2", { "Reviewer note": "Scope?", Response: "See 4.3", Review: "Closed" });
    const problems = run(wb).problems.filter((p) => p.rule.startsWith("review-"));
    expect(problems.map(brief)).toEqual([
      `review-answered ${ANNEX}!${wb.annexA.address(CONTROL, "Review")}`,
    ]);
    expect(problems[0].severity).toBe("info");
    expect(problems[0].message).toMatch(/answered but not closed/);
  });

  it("says nothing about rows nobody reviewed", () => {
    expect(run(new WorkbookBuilder()).problems.filter((p) => p.rule.startsWith("review-"))).toEqual(
      []
    );
  });
});

describe("review-invalid", () => {
  it("is an error at the Review cell, with the state it most likely means", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Review", "Resolved");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `review-invalid ${ANNEX}!${wb.annexA.address(CONTROL, "Review")}`,
    ]);
    expect(problems[0].severity).toBe("error");
    expect(problems[0].message).toMatch(
      /Review "Resolved" is not a review state\. Did you mean "Closed"\?/
    );
  });

  it("names stray spaces and letter case, which the Summary's counts miss", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Review", "Closed ");
    wb.annexA.set("5.2", "Review", "answered");
    const messages = only(wb, "review-invalid").map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/"Closed " has a trailing space.*Change it to "Closed"/),
      expect.stringMatching(/"answered" differs in letter case.*Change it to "Answered"/),
    ]);
    // Not also listed as answered: the Summary does not count it either.
    expect(only(wb, "review-answered")).toEqual([]);
  });

  it("reads the three states exactly", () => {
    expect(readReview("Open")).toEqual({ kind: "exact", state: "Open" });
    expect(readReview(null)).toEqual({ kind: "blank" });
    expect(readReview(" ")).toEqual({ kind: "blank" });
    expect(readReview(3)).toMatchObject({ kind: "invalid", raw: "3", suggestion: null });
  });
});

describe("column-new", () => {
  it("is one info per table built before the new columns, not a column-missing error", () => {
    const wb = new WorkbookBuilder();
    for (const c of ["Evidence hint", "Reviewer", "Reviewer note", "Response", "Review"])
      wb.annexA.dropColumn(c);
    const problems = run(wb).problems.filter((p) => p.rule.startsWith("column-"));
    expect(problems.map((p) => `${brief(p)} ${p.severity}`)).toEqual([
      `column-new ${ANNEX}!A1 info`,
    ]);
    expect(problems[0].message).toMatch(
      /built before the "Evidence hint", "Reviewer", "Reviewer note", "Response", "Review" columns existed.*Rebuild/
    );
  });
});
