import {
  describeError,
  formatPercent,
  groupProblems,
  isAllClear,
  plural,
  problemLocation,
  readinessVerdict,
  reportFileName,
  snapshotMessage,
} from "../../src/taskpane/present";
import { ExcelHostError } from "../../src/core/errors";
import type { Problem } from "../../src/core/validate/validate";

const problem = (rule: string, severity: Problem["severity"], cell = "A1"): Problem =>
  ({ sheet: "Annex A", cell, id: "5.1", rule, severity, message: `${rule} at ${cell}` }) as Problem;

describe("formatPercent", () => {
  it.each([
    [0.625, "62.5%"],
    [1, "100%"],
    [0, "0%"],
    [2 / 3, "66.7%"],
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
  ])("%s → %s", (input, text) => {
    expect(formatPercent(input)).toBe(text);
  });
});

describe("plural", () => {
  it("says one or many, with thousands separators", () => {
    expect(plural(1, "row")).toBe("1 row");
    expect(plural(0, "row")).toBe("0 rows");
    expect(plural(12345, "entry", "entries")).toBe("12,345 entries");
  });
});

describe("groupProblems", () => {
  it("groups by description: errors first, then larger groups, keeping the order within a group", () => {
    const groups = groupProblems([
      problem("not-assessed", "info", "G5"),
      problem("owner-missing", "warning", "I5"),
      problem("not-assessed", "info", "G6"),
      problem("evidence-missing", "error", "H7"),
      problem("owner-missing", "warning", "I6"),
      problem("status-invalid", "error", "G8"),
      problem("evidence-missing", "error", "H9"),
    ]);
    expect(groups.map((g) => [g.rules, g.severity, g.problems.length])).toEqual([
      [["evidence-missing"], "error", 2],
      [["status-invalid"], "error", 1],
      [["owner-missing"], "warning", 2],
      [["not-assessed"], "info", 2],
    ]);
    expect(groups[0].problems.map((p) => p.cell)).toEqual(["H7", "H9"]);
    // Without descriptions a group is titled by its rule id.
    expect(groups[0].description).toBe("evidence-missing");
  });

  it("puts rules that read the same to a person in one group, titled by the description", () => {
    const describe = (rule: string): string =>
      rule === "status-case" || rule === "status-invalid"
        ? "Status is not one of the scale's words"
        : `About ${rule}`;
    const groups = groupProblems(
      [
        problem("status-case", "warning", "G5"),
        problem("owner-missing", "warning", "I5"),
        problem("status-invalid", "error", "G6"),
      ],
      describe
    );
    expect(groups.map((g) => [g.description, g.rules, g.severity])).toEqual([
      ["Status is not one of the scale's words", ["status-case", "status-invalid"], "error"],
      ["About owner-missing", ["owner-missing"], "warning"],
    ]);
  });

  it("returns nothing for no problems", () => {
    expect(groupProblems([])).toEqual([]);
  });
});

describe("isAllClear", () => {
  it("ignores infos but not warnings or errors", () => {
    expect(isAllClear({ problems: [], summary: { errors: 0, warnings: 0, infos: 40 } })).toBe(true);
    expect(isAllClear({ problems: [], summary: { errors: 0, warnings: 1, infos: 0 } })).toBe(false);
    expect(isAllClear({ problems: [], summary: { errors: 1, warnings: 0, infos: 0 } })).toBe(false);
  });
});

describe("describeError", () => {
  it("shows a typed error with its hint", () => {
    const e = new ExcelHostError(
      "Excel refused the change.",
      "AccessDenied",
      "Unprotect the sheet."
    );
    expect(describeError(e)).toEqual({
      message: "Excel refused the change.",
      hint: "Unprotect the sheet.",
    });
  });

  it("gives a next step for errors without one, and for non-errors", () => {
    expect(describeError(new Error("boom"))).toEqual({
      message: "boom",
      hint: expect.stringMatching(/Try again/),
    });
    expect(describeError("text")).toEqual({
      message: "text",
      hint: expect.stringMatching(/Try again/),
    });
    expect(describeError(undefined).message).toBe("Something went wrong.");
  });
});

describe("problemLocation", () => {
  it("names sheet, cell and row id", () => {
    expect(problemLocation(problem("x", "error", "H12"))).toBe("Annex A!H12 · 5.1");
    expect(problemLocation({ ...problem("x", "error", "A1"), id: "" })).toBe("Annex A!A1");
  });
});

describe("readinessVerdict", () => {
  it("says Ready without blockers, else Not ready with the count", () => {
    expect(readinessVerdict(0)).toBe("Ready");
    expect(readinessVerdict(1)).toBe("Not ready (1 blocker)");
    expect(readinessVerdict(1234)).toBe("Not ready (1,234 blockers)");
  });
});

describe("snapshotMessage", () => {
  it("names the date and the compliance recorded", () => {
    expect(
      snapshotMessage({ date: 46112, overall: 0.625, clauses: 0.5, annexA: 2 / 3, snapshots: 3 })
    ).toBe(
      "2026-03-31: overall compliance 62.5% (Clauses 4–10 50%, Annex A 66.7%). 3 snapshots on Snapshot History."
    );
  });

  it("says so when nothing is assessed yet", () => {
    expect(
      snapshotMessage({ date: 46112, overall: null, clauses: null, annexA: null, snapshots: 1 })
    ).toBe(
      "2026-03-31: no overall compliance yet (nothing assessed) (Clauses 4–10 —, Annex A —). 1 snapshot on Snapshot History."
    );
  });
});

describe("reportFileName", () => {
  it("dates the file with the local day", () => {
    expect(reportFileName(new Date(2026, 2, 5, 23, 30))).toBe("executive-summary-2026-03-05.md");
  });
});

describe("writeProgress", () => {
  it("shows the idle text before the first sheet, then the sheet being written", async () => {
    const { writeProgress } = await import("../../src/taskpane/present");
    expect(writeProgress(null, "Reading…")).toEqual({ label: "Reading…" });
    expect(writeProgress({ done: 0, total: 0 }, "Reading…")).toEqual({ label: "Reading…" });
    expect(writeProgress({ done: 2, total: 8 }, "Reading…")).toEqual({
      value: 0.25,
      label: "Writing sheet 3 of 8…",
    });
    expect(writeProgress({ done: 8, total: 8 }, "Reading…")).toEqual({
      value: 1,
      label: "Writing sheet 8 of 8…",
    });
  });
});
