// Row identity rules (src/core/validate/ids.ts): id-duplicate, id-unknown, row-missing.
import { CLAUSES } from "../../../src/catalog";
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CLAUSES_SHEET, brief, issues, only, run } from "./support";

describe("id-duplicate, id-unknown, row-missing", () => {
  it("reports the second occurrence of an id, naming both rows", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("again", {
      ID: "6.1.2 ",
      Status: "Compliant",
      Evidence: "Risk method v1",
      Owner: "CISO",
      Likelihood: 1,
      Impact: 1,
    });
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `id-duplicate ${CLAUSES_SHEET}!${wb.clauses.address("again", "ID")}`,
    ]);
    const firstRow = wb.clauses.address("6.1.2", "ID").slice(1);
    expect(problems[0].message).toContain(
      `Clause 6.1.2 appears more than once (rows ${firstRow} and ${CLAUSES.length + 2})`
    );
  });

  it("explains that numeric ids collapse 5.10 into 5.1", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.10", "ID", 5.1);
    const problems = issues(wb);
    expect(problems.map((p) => p.rule)).toEqual(["id-duplicate", "row-missing"]);
    expect(problems[0].message).toMatch(/stored as a number, so 5.10 shows as 5.1/);
    expect(problems[1].message).toMatch(/^Control 5.10 \(/);
  });

  it('treats "A.5.1" and "5.1" as the same control', () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.1", "ID", "A.5.1");
    expect(run(wb).problems).toEqual([]);
  });

  it("reports an unknown id and says where a 2013 id went", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("8.8", "ID", "A.12.6.1");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `id-unknown ${ANNEX}!${wb.annexA.address("8.8", "ID")}`,
      `row-missing ${ANNEX}!${wb.annexA.endAddress()}`,
    ]);
    expect(problems[0].message).toMatch(
      /^Row \d+: ID "A.12.6.1" is an ISO\/IEC 27001:2013 control; in 2022 it became 8.8. Change the ID to 8.8/
    );
    expect(problems[1]).toMatchObject({ id: "8.8" });
    expect(problems[1].message).toMatch(
      /Control 8.8 \(Management of technical vulnerabilities\) has no row/
    );
  });

  it("names the 2013 id it read in a bare id, and both 2022 controls of a split one", () => {
    const wb = new WorkbookBuilder();
    wb.annexA
      .addRow("bare", { ID: "12.6.1", Applicable: "Yes" })
      .addRow("split", { ID: "A.18.2.3", Applicable: "Yes" });
    const messages = only(wb, "id-unknown").map((p) => p.message);
    expect(messages[0]).toMatch(/ID "12.6.1" is an ISO\/IEC 27001:2013 control \(A.12.6.1\)/);
    expect(messages[1]).toMatch(
      /ID "A.18.2.3" is an ISO\/IEC 27001:2013 control; in 2022 it became 5.36 and 8.8/
    );
  });

  it("says an Annex A control does not belong on the clauses sheet", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("ctl", {
      ID: "5.23",
      Status: "Compliant",
      Evidence: "Cloud policy",
      Owner: "IT",
      Likelihood: 1,
      Impact: 1,
    });
    const [p] = issues(wb);
    expect(p.rule).toBe("id-unknown");
    expect(p.message).toMatch(/is an Annex A control, not a clause/);
  });

  it("reports a row with entries but no id", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("noid", { ID: null, Status: "Compliant", Evidence: "x" }, "4.2");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `id-unknown ${CLAUSES_SHEET}!${wb.clauses.address("noid", "ID")}`,
    ]);
    expect(problems[0].message).toMatch(/^Row 4 has assessment entries but no ID/);
  });

  it("ignores a note-only row without id", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.addRow("note", { Title: "Section 5: Leadership", Notes: "reviewed by CISO" }, "4.4");
    expect(run(wb).problems).toEqual([]);
  });

  it("reports each missing catalog row where it would go, naming it", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.remove("9.3.1").remove("4.1");
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `row-missing ${CLAUSES_SHEET}!${wb.clauses.endAddress()}`,
      `row-missing ${CLAUSES_SHEET}!${wb.clauses.endAddress()}`,
    ]);
    expect(problems.map((p) => p.id)).toEqual(["4.1", "9.3.1"]);
    expect(problems[0].message).toMatch(
      /Clause 4.1 \(Understanding the organization and its context\) has no row/
    );
  });
});
