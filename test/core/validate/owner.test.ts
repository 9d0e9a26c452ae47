// Owner rule (src/core/validate/owner.ts): owner-missing.
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CONTROL, NC_CONTROL, PARTIAL_CONTROL, brief, issues, only, run } from "./support";

describe("owner-missing", () => {
  it("warns on a gap without an owner", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(NC_CONTROL, "Owner", null);
    const problems = issues(wb);
    expect(problems.map(brief)).toEqual([
      `owner-missing ${ANNEX}!${wb.annexA.address(NC_CONTROL, "Owner")}`,
    ]);
    expect(problems[0]).toMatchObject({ severity: "warning", id: NC_CONTROL });
  });

  it('treats "TBD" as no owner', () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(PARTIAL_CONTROL, "Owner", "TBD");
    expect(only(wb, "owner-missing")[0].message).toMatch(/"TBD", which names nobody/);
  });

  it("does not ask a Compliant row for an owner", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(CONTROL, "Owner", null);
    expect(run(wb).problems).toEqual([]);
  });
});
