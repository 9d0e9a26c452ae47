// Remediation Plan rules (src/core/validate/remediationPlan.ts): owner or due date missing, due
// before start, overdue and not done — over the plan sheet, with the date validate is given.
import { REMEDIATION_COLUMNS } from "../../../src/core/contract";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { REMEDIATION_RULES, validateWorkbook } from "../../../src/core/validate/validate";

function snapshot(name: string, rows: (string | number | null)[][]): SheetSnapshot {
  return {
    name,
    origin: { row: 3, col: 0 },
    values: rows,
    text: rows.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: rows.map((r) => r.map(() => null)),
  };
}

describe("plan rules in validate", () => {
  const header = [...REMEDIATION_COLUMNS];
  const row = (over: Record<string, unknown>) =>
    header.map((c) => (over[c] ?? null) as string | number | null);
  const plan = snapshot("Remediation Plan", [
    header,
    row({
      ID: "5.1",
      Source: "Annex A",
      Owner: "Ann",
      Start: 46000,
      Due: 46030,
      Progress: "In progress",
    }),
    row({ ID: "5.2", Source: "Annex A", Start: 46000, Progress: "Not started" }),
    row({ ID: "5.3", Source: "Annex A", Owner: "Bo", Start: 46000, Due: 45990, Progress: "Done" }),
    row({
      ID: "5.4",
      Source: "Annex A",
      Owner: "Cy",
      Start: 45000,
      Due: 45100,
      Progress: "Not started",
    }),
    row({
      ID: "5.5",
      Source: "Annex A",
      Owner: "Di",
      Start: 45000,
      Due: 45100,
      Progress: "Resolved",
    }),
  ]);
  const today = new Date(Date.UTC(2025, 11, 1)); // serial 46000 is 2025-12-09
  const problems = validateWorkbook([plan], { today }).problems.filter(
    (p) => p.sheet === "Remediation Plan"
  );
  const planColumn = (c: string) =>
    String.fromCharCode(65 + header.indexOf(c as (typeof header)[number]));

  it("flags missing owner and due date on open actions only", () => {
    expect(problems.filter((p) => p.rule === "plan-owner-missing").map((p) => p.cell)).toEqual([
      `${planColumn("Owner")}6`,
    ]);
    expect(problems.filter((p) => p.rule === "plan-due-missing").map((p) => p.cell)).toEqual([
      `${planColumn("Due")}6`,
    ]);
  });

  it("flags due before start, and overdue open actions (not done or resolved ones)", () => {
    expect(problems.filter((p) => p.rule === "plan-due-before-start").map((p) => p.id)).toEqual([
      "5.3",
    ]);
    expect(problems.filter((p) => p.rule === "plan-overdue").map((p) => p.id)).toEqual(["5.4"]);
  });
});

describe("plan rules: which actions and cells", () => {
  const header = [...REMEDIATION_COLUMNS];
  const row = (over: Record<string, string | number | null>) => header.map((c) => over[c] ?? null);
  const today = new Date(2025, 11, 9, 12, 0); // serial 46000
  const check = (rows: (string | number | null)[][], on: Date = today, name = "Remediation Plan") =>
    validateWorkbook([snapshot(name, [["Remediation plan"], header, ...rows])], { today: on })
      .problems.filter((p) => p.rule.startsWith("plan-"))
      .map((p) => `${p.rule} ${p.cell} ${p.severity}`);
  const col = (c: string) => String.fromCharCode(65 + header.indexOf(c as (typeof header)[number]));

  it("gives each rule its severity: due before start is an error, the rest warnings", () => {
    expect(REMEDIATION_RULES.map((r) => [r.id, r.severity])).toEqual([
      ["plan-owner-missing", "warning"],
      ["plan-due-missing", "warning"],
      ["plan-due-before-start", "error"],
      ["plan-overdue", "warning"],
    ]);
  });

  it("points at the sheet cells of a table below a title", () => {
    // Snapshot origin row 3, title, header: the first action is on sheet row 6.
    expect(check([row({ ID: "5.1", Start: 46000, Progress: "Not started" })])).toEqual([
      `plan-owner-missing ${col("Owner")}6 warning`,
      `plan-due-missing ${col("Due")}6 warning`,
    ]);
  });

  it("closes an action at Done or Resolved in any letter case", () => {
    expect(
      check([
        row({ ID: "5.1", Progress: "DONE", Due: 45000 }),
        row({ ID: "5.2", Progress: "resolved" }),
      ])
    ).toEqual([]);
  });

  it("checks only rows with an ID", () => {
    expect(
      check([row({ ID: null, Progress: "Not started" }), row({ ID: "  ", Due: 45000 })])
    ).toEqual([]);
  });

  it("is overdue only after the due day, by today's calendar date", () => {
    const action = [row({ ID: "5.1", Owner: "Ann", Start: 45900, Due: 46000, Progress: null })];
    expect(check(action, new Date(2025, 11, 9, 23, 59))).toEqual([]);
    expect(check(action, new Date(2025, 11, 10, 0, 1))).toEqual([
      `plan-overdue ${col("Due")}6 warning`,
    ]);
  });

  it("reads due and start dates typed as ISO text, as the overview does", () => {
    expect(
      check([
        row({ ID: "5.1", Owner: "Ann", Start: "2025-11-01", Due: "2025-12-01", Progress: null }),
        row({ ID: "5.2", Owner: "Bo", Start: "2025-12-20", Due: "2025-12-15", Progress: null }),
        row({ ID: "5.3", Owner: "Cy", Due: "2025-02-30", Progress: null }),
      ])
    ).toEqual([
      `plan-overdue ${col("Due")}6 warning`,
      `plan-due-before-start ${col("Due")}7 error`,
    ]);
  });

  it("finds the plan sheet whatever its letter case and stray spaces", () => {
    expect(
      check([row({ ID: "5.1", Owner: "Ann", Progress: null })], today, "remediation plan ")
    ).toEqual([`plan-due-missing ${col("Due")}6 warning`]);
  });

  it("checks nothing on a sheet without the ID and Progress headers", () => {
    const bare = snapshot("Remediation Plan", [
      ["ID", "Owner", "Due"],
      ["5.1", null, 1],
    ]);
    expect(
      validateWorkbook([bare], { today }).problems.filter((p) => p.rule.startsWith("plan-"))
    ).toEqual([]);
  });
});
