// The rule table (src/core/validate/rules.ts): every rule once, described, in report order.
import { ASSESSMENT_RULES } from "../../../src/core/validate/rules";
import { RULES } from "../../../src/core/validate/validate";
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CONTROL, run } from "./support";

describe("the rule table", () => {
  it("describes every rule in the declarative table once", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(10);
  });
});

describe("Remediation Plan extension point", () => {
  it("registers the Remediation Plan rules in the rule table", () => {
    expect(RULES.filter((r) => r.scope === "plan").map((r) => r.id)).toEqual([
      "plan-owner-missing",
      "plan-due-missing",
      "plan-due-before-start",
      "plan-overdue",
    ]);
  });
});

describe("rule table order", () => {
  it("lists the assessment rules first, each with a scope and severity the engine knows", () => {
    expect(RULES.slice(0, ASSESSMENT_RULES.length)).toEqual(ASSESSMENT_RULES);
    expect(RULES.slice(ASSESSMENT_RULES.length).every((r) => r.scope === "plan")).toBe(true);
    for (const r of RULES) {
      expect(["workbook", "sheet", "row", "plan"]).toContain(r.scope);
      expect(["error", "warning", "info"]).toContain(r.severity);
    }
  });

  it("reports two problems in one cell in the order of the table", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.setRow(CONTROL, { Status: "compliant", Applicable: "No", Justification: "Cloud" });
    const cell = wb.annexA.address(CONTROL, "Status");
    const here = run(wb).problems.filter((p) => p.sheet === ANNEX && p.cell === cell);
    expect(here.map((p) => p.rule)).toEqual(["status-case", "applicable-conflict"]);
    const ids = ASSESSMENT_RULES.map((r) => r.id);
    expect(ids.indexOf("status-case")).toBeLessThan(ids.indexOf("applicable-conflict"));
  });
});
