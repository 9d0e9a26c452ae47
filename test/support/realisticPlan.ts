// A realistically filled workbook as a plan (no file read back): the rows fillRealistically
// writes, as typed inputs, laid out with its Remediation Plan the way `gap-assessor plan` does.
import { composeWorkbook } from "../../src/core/layout/compose";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { emptyInputs, type AssessmentInputs } from "../../src/core/inputs";
import { parseIsoDate } from "../../src/core/dates";
import { planToSnapshots } from "./planSnapshots";
import { realisticRows, type AssessedRow } from "./realisticAssessment";

const START = parseIsoDate("2026-03-02") as number;

/** The realistic rows as the inputs a person typed (the same values fillRealistically writes). */
export function realisticInputs(rows: AssessedRow[] = realisticRows()): AssessmentInputs {
  const inputs = emptyInputs();
  for (const row of rows) {
    const target = row.sheet === "Annex A" ? inputs.annexA : inputs.clauses;
    if (row.status === "Not Applicable") {
      target.set(row.id, {
        Applicable: "No",
        Justification: "Servers are hosted by our cloud provider; no own data centre.",
        Status: "Not Applicable",
      });
      continue;
    }
    target.set(row.id, {
      ...(row.sheet === "Annex A" ? { Applicable: "Yes" } : {}),
      Status: row.status,
      Owner: row.owner,
      Evidence: row.evidence,
      Notes: row.notes,
      Likelihood: row.likelihood,
      Impact: row.impact,
    });
  }
  return inputs;
}

/** A filled workbook with its Remediation Plan, laid out as `plan` does it. */
export function realisticPlan(org = "Acme Ltd"): WorkbookPlan {
  const filled = layoutWorkbook({ org, start: START, inputs: realisticInputs() });
  return composeWorkbook(planToSnapshots(filled), { remediation: true, start: START, org }).plan;
}
