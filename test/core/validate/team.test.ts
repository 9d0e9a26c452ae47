// How rows were assessed and by whom (issue 11): interview-only Compliant rows and owners who
// are not on the team table are warnings, never errors.
import { validateWorkbook } from "../../../src/core/validate/validate";
import { methodsOf, teamNames } from "../../../src/core/validate/team";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { WorkbookBuilder } from "../snapshotBuilder";

function settingsWithTeam(names: string[]): SheetSnapshot {
  const rows = [
    ["Settings"],
    [],
    ["Assessment team"],
    ["Name", "Role", "Department"],
    ...names.map((n) => [n, "Role", "Dept"]),
  ];
  return {
    name: "Settings",
    origin: { row: 0, col: 0 },
    values: rows,
    text: rows.map((r) => r.map(String)),
    formulas: rows.map((r) => r.map(() => null)),
  };
}

describe("compliant-interview-only", () => {
  const problems = (method: string | null) => {
    const wb = new WorkbookBuilder();
    wb.annexA
      .set("5.1", "Status", "Compliant")
      .set("5.1", "Evidence", "Policy v2")
      .set("5.1", "Method", method);
    return validateWorkbook(wb.snapshots()).problems.filter(
      (p) => p.rule === "compliant-interview-only"
    );
  };

  it("warns when an interview is the only method of a Compliant row, at the Method cell", () => {
    const found = problems("Interview");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: "Annex A", id: "5.1", severity: "warning" });
    expect(problems(" interviews ; Interview ")).toHaveLength(1);
  });

  it("is quiet when another method backs the verdict or no method is recorded", () => {
    expect(problems("Interview, Document review")).toHaveLength(0);
    expect(problems("Technical test")).toHaveLength(0);
    expect(problems(null)).toHaveLength(0);
  });

  it("splits several methods", () => {
    expect(methodsOf("Interview, document review; Observation")).toEqual([
      "interview",
      "document review",
      "observation",
    ]);
  });
});

describe("owner-not-in-team", () => {
  it("warns about owners and assessors missing from the team table, case-insensitively", () => {
    const wb = new WorkbookBuilder();
    wb.annexA
      .set("5.1", "Owner", "Mallory")
      .set("5.2", "Owner", "alice")
      .set("5.3", "Assessed by", "Eve");
    const snapshots = [
      ...wb.snapshots().filter((s) => s.name !== "Settings"),
      settingsWithTeam(["Alice", "Bob"]),
    ];
    const found = validateWorkbook(snapshots).problems.filter(
      (p) => p.rule === "owner-not-in-team" && p.sheet === "Annex A"
    );
    expect(found.map((p) => [p.id, p.severity])).toEqual(
      expect.arrayContaining([
        ["5.1", "warning"],
        ["5.3", "warning"],
      ])
    );
    expect(found.some((p) => p.id === "5.2")).toBe(false);
  });

  it("says nothing until a team is recorded", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.1", "Owner", "Mallory");
    expect(
      validateWorkbook(wb.snapshots()).problems.filter((p) => p.rule === "owner-not-in-team")
    ).toEqual([]);
    expect(teamNames(settingsWithTeam([])).size).toBe(0);
  });
});
