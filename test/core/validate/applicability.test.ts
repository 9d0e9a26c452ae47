// Annex A applicability rules (src/core/validate/applicability.ts): justification-missing,
// applicable-conflict, applicable-invalid.
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CONTROL, EXCLUDED, brief, issues, only, run } from "./support";

describe("justification-missing", () => {
  it("requires a justification when Applicable = No", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Justification", null);
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `justification-missing ${ANNEX}!${wb.annexA.address(EXCLUDED, "Justification")}`,
    ]);
    expect(problems[0].message).toMatch(
      /Control 5.5 is excluded \(Applicable = No\) but has no Justification/
    );
  });

  it("requires a justification for Not Applicable when Applicable is blank", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(EXCLUDED, { Applicable: null, Justification: null });
    expect(issues(wb).map((p) => p.rule)).toEqual(["justification-missing"]);
  });

  it('treats "n/a" as no justification', () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Justification", "N/A");
    expect(only(wb, "justification-missing")[0].message).toMatch(
      /Justification "N\/A" does not say why/
    );
  });

  it("accepts a justified exclusion", () => {
    expect(only(new WorkbookBuilder(), "justification-missing")).toEqual([]);
  });
});

describe("applicable-conflict and applicable-invalid", () => {
  it("flags Applicable = No with a scored status, at the Status cell", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, { Applicable: "No", Justification: "Cloud only" });
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `applicable-conflict ${ANNEX}!${wb.annexA.address(CONTROL, "Status")}`,
    ]);
    expect(problems[0].message).toMatch(/Applicable = No but its Status is "Compliant"/);
  });

  it("flags Applicable = No with an empty status (and does not call it not assessed)", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, { Applicable: "No", Status: null, Justification: "Cloud only" });
    expect(run(wb).problems.map((p) => p.rule)).toEqual(["applicable-conflict"]);
  });

  it("flags Not Applicable with Applicable = Yes, at the Applicable cell", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Applicable", "Yes");
    expect(issues(wb).map(brief)).toEqual([
      `applicable-conflict ${ANNEX}!${wb.annexA.address(EXCLUDED, "Applicable")}`,
    ]);
  });

  it("accepts consistent pairs, in any letter case", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Applicable", "no").set(CONTROL, "Applicable", "YES");
    expect(run(wb).problems).toEqual([]);
  });

  it("rejects an Applicable value other than Yes/No, with a suggestion", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Applicable", "Y").set(EXCLUDED, "Applicable", "No ");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `applicable-invalid ${ANNEX}!${wb.annexA.address(CONTROL, "Applicable")}`,
      `applicable-invalid ${ANNEX}!${wb.annexA.address(EXCLUDED, "Applicable")}`,
    ]);
    expect(problems[0].message).toMatch(/Did you mean "Yes"\?/);
    expect(problems[1].message).toMatch(/trailing space/);
  });
});
