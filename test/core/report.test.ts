// core/report: the executive summary in Markdown, from SheetSnapshots only.
import { SHEETS } from "../../src/core/contract";
import { emptyInputs, type RowInputs } from "../../src/core/inputs";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import { executiveReport, mdCell } from "../../src/core/report";
import { planToSnapshots, setTableCell } from "../support/planSnapshots";
import { emptyAudit } from "../../src/core/read/audit";

const TODAY = 46100; // 2026-03-19

function workbook() {
  const inputs = emptyInputs();
  inputs.clauses.set("6.1.2", {
    Status: "Non-Compliant",
    Likelihood: 4,
    Impact: 4,
    Owner: "ISMS lead",
  }); // priority 16
  inputs.clauses.set("4.1", { Status: "Compliant" });
  inputs.annexA.set("8.8", {
    Status: "Partially Compliant",
    Likelihood: 5,
    Impact: 5,
    Owner: "Ops | Infra",
  }); // 12.5
  inputs.annexA.set("5.15", { Status: "Non-Compliant", Likelihood: 5, Impact: 5 }); // 25
  inputs.annexA.set("5.10", { Status: "Not Applicable", Applicable: "No" });
  inputs.annexA.set("5.1", { Status: "Non-Compliant" }); // unscored: listed after the scored gaps
  const audit = emptyAudit();
  audit.documents.rows = [
    { ID: "isms-scope", Exists: "Yes" },
    { ID: "security-policy", Exists: "Partly" },
    { ID: "acceptable-use", Exists: "No" }, // its control 5.10 is excluded: not required
  ];
  audit.risks.rows = [
    {
      "Asset or process": "CRM",
      Likelihood: 5,
      Impact: 5,
      "Residual likelihood": 4,
      "Residual impact": 5,
    },
    { "Asset or process": "Laptops", Likelihood: 3, Impact: 3 },
  ];
  audit.history.rows = [{ Date: 46000, Overall: 0.25 }];
  const plan = {
    rows: <RowInputs[]>[
      {
        ID: "5.15",
        Source: SHEETS.annexA,
        Title: "Access control",
        Action: "Write the\npolicy",
        Owner: "CISO",
        Due: TODAY - 10,
        Progress: "In progress",
      },
      {
        ID: "8.8",
        Source: SHEETS.annexA,
        Title: "Vulnerabilities",
        Due: TODAY,
        Progress: "Not started",
      }, // due today: not overdue
      {
        ID: "6.1.2",
        Source: SHEETS.clauses,
        Title: "Risk assessment",
        Due: TODAY - 40,
        Progress: "Done",
      },
      {
        ID: "5.1",
        Source: SHEETS.annexA,
        Title: "Policies",
        Due: TODAY - 1,
        Progress: "not started",
      },
    ],
    extraColumns: [],
  };
  return planToSnapshots(
    layoutWorkbook({
      org: "Acme | Group",
      start: 46000,
      inputs,
      audit,
      plan,
      settings: new Map([["scope", "All UK sites"]]),
    })
  );
}

describe("executiveReport", () => {
  const md = executiveReport(workbook(), { today: TODAY });
  const section = (title: string): string => {
    const start = md.indexOf(`## ${title}`);
    const end = md.indexOf("\n## ", start + 3);
    return md.slice(start, end < 0 ? undefined : end);
  };

  it("heads the report with organisation, date and scope", () => {
    expect(md.split("\n")[0]).toBe(
      "# ISO/IEC 27001:2022 gap assessment — executive summary: Acme \\| Group"
    );
    expect(md).toContain("Report date: 2026-03-19  ·  Scope: All UK sites");
  });

  it("gives the scores from the reference model", () => {
    // Clauses: 4.1 C, 6.1.2 N → 50%; Annex A: 8.8 P, 5.15 N, 5.1 N → 0.5/3; overall 1.5/5.
    expect(section("Scores")).toContain("| **Overall** | **30.0%** | 6 of 123 |");
    expect(section("Scores")).toContain("| Clauses 4-10 (mandatory) | 50.0% | 2 of 30 |");
    expect(section("Scores")).toContain("| Annex A controls | 16.7% | 4 of 93 |");
    expect(section("Scores")).toContain("| Clause 6 Planning | 0.0% | 1 of 5 |");
    expect(section("Scores")).toContain(
      "Last recorded snapshot: 2025-12-09, overall 25.0% (+5.0 points since then)"
    );
  });

  it("lists the top gaps by priority, escaping pipes", () => {
    const rows = section("Top gaps")
      .split("\n")
      .filter((l) => /^\| \d/.test(l));
    expect(rows).toEqual([
      "| 1 | A.5.15 | Access control | Non-Compliant | Critical | 25 | — |",
      "| 2 | 6.1.2 | Information security risk assessment | Non-Compliant | High | 16 | ISMS lead |",
      "| 3 | A.8.8 | Management of technical vulnerabilities | Partially Compliant | Critical | 12.5 | Ops \\| Infra |",
      "| 4 | A.5.1 | Policies for information security | Non-Compliant | — | — | — |",
    ]);
    expect(executiveReport(workbook(), { today: TODAY, top: 2 })).toContain(
      "The 2 largest open gaps"
    );
  });

  it("lists overdue open actions only, oldest first, on one line each", () => {
    const s = section("Overdue actions");
    expect(s).toContain("2 of 3 open actions are past their due date:");
    const rows = s.split("\n").filter((l) => l.startsWith("| 5."));
    expect(rows).toEqual([
      "| 5.15 | Access control | Write the policy | CISO | 2026-03-09 | 10 | In progress |",
      "| 5.1 | Policies | — | — | 2026-03-18 | 1 | not started |",
    ]);
  });

  it("lists missing documents, leaving out those of excluded controls", () => {
    const s = section("Missing documents");
    expect(s).toContain(
      "Of 25 required documents and records, 23 are missing (No or not answered) and 1 exists only in part:"
    );
    expect(s).not.toContain("Acceptable use rules");
    expect(s).toContain("| Information security policy | Document | 5.2 | Partly |");
    expect(s).toContain(
      "| Risk assessment method and criteria | Document | 6.1.2 | not answered |"
    );
  });

  it("sums up the risk register", () => {
    expect(section("Risk register")).toContain(
      "2 risks recorded; residual risk: 1 critical, 0 high, 0 medium, 0 low, 1 not rated after treatment."
    );
  });

  it("says so when there is nothing to report", () => {
    const empty = executiveReport(planToSnapshots(layoutWorkbook({ start: 46000 })), {
      today: TODAY,
    });
    expect(empty).toContain("No open gaps");
    expect(empty).toContain("There is no Remediation Plan yet");
    expect(empty).not.toContain("## Risk register");
    expect(empty).toContain("| **Overall** | **—** | 0 of 123 |");
  });

  it("reads values typed on the sheets (not the layout inputs)", () => {
    const snapshots = workbook();
    setTableCell(snapshots, SHEETS.documents, "isms-scope", "Exists", "No");
    setTableCell(snapshots, SHEETS.annexA, "5.15", "Status", "Compliant");
    const again = executiveReport(snapshots, { today: TODAY });
    expect(again).toContain("| ISMS scope statement | Document | 4.3 | No |");
    expect(again).not.toContain("| A.5.15 | Access control | Non-Compliant");
    expect(again).toContain("| 1 | 6.1.2 |");
  });
});

describe("mdCell", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["line\r\nbreak", "line break"],
    ["back\\slash", "back\\\\slash"],
    [null, ""],
    [12.5, "12.5"],
  ] as const)("%p → %p", (input, expected) => {
    expect(mdCell(input)).toBe(expected);
  });
});
