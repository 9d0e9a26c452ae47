// validate's text report (formatReport): linear in the number of problems, so a huge workbook's
// report finishes (the hang guard below; speed itself is a bench figure), aligned, and inert.
import { formatReport } from "../../src/cli/commands/validate";
import type { Problem, ValidationReport } from "../../src/core/validate/validate";

function reportOf(problems: Problem[]): ValidationReport {
  const count = (s: Problem["severity"]): number => problems.filter((p) => p.severity === s).length;
  return {
    problems,
    summary: { errors: count("error"), warnings: count("warning"), infos: count("info") },
  };
}

describe("formatReport", () => {
  it("groups problems by rule, errors first, cells aligned, infos listed by id", () => {
    const text = formatReport(
      reportOf([
        {
          sheet: "Annex A",
          cell: "E7",
          id: "5.1",
          rule: "evidence-missing",
          severity: "warning",
          message: "No evidence",
        },
        {
          sheet: "Annex A",
          cell: "G100",
          id: "5.2",
          rule: "status-invalid",
          severity: "error",
          message: 'Status "Yess\u001b[2J" is not a status',
        },
        {
          sheet: "Annex A",
          cell: "E12",
          id: "5.3",
          rule: "evidence-missing",
          severity: "warning",
          message: "No evidence\nsecond line",
        },
        ...Array.from({ length: 15 }, (_, i): Problem => ({
          sheet: "Annex A",
          cell: `G${i + 7}`,
          id: `8.${i + 1}`,
          rule: "not-assessed",
          severity: "info",
          message: "Not assessed",
        })),
      ]),
      "f.xlsx"
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe("Checked f.xlsx: 1 error, 2 warnings, 15 infos.");
    expect(text.indexOf("Errors")).toBeLessThan(text.indexOf("Warnings"));
    expect(lines).toContain('    Annex A!G100  Status "Yess" is not a status');
    expect(lines).toContain("    Annex A!E7   No evidence");
    expect(lines).toContain("    Annex A!E12  No evidence second line");
    expect(text).toMatch(/ {4}Annex A: 8\.1, 8\.2, .*, 8\.12 and 3 more$/m);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });

  it("formats 150,000 problems of one rule (once quadratic, with a spread over every cell)", () => {
    const problems = Array.from({ length: 150_000 }, (_, i): Problem => ({
      sheet: "Annex A",
      cell: `H${i + 7}`,
      id: `X.${i}`,
      rule: "evidence-missing",
      severity: "warning",
      message: "No evidence",
    }));
    const text = formatReport(reportOf(problems), "big.xlsx");
    const lines = text.split("\n");
    expect(lines).toHaveLength(150_000 + 6);
    expect(lines).toContain("    Annex A!H7       No evidence");
    expect(lines).toContain("    Annex A!H150006  No evidence");
  }, 60_000);
});
