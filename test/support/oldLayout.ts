// A workbook plan as the version before issues 17 and 18 drew it: assessment tables without the
// "Evidence hint" and review columns, a Summary without the review counts. Both hosts' rebuild
// tests render it, type into it, and check a rebuild adds the columns and keeps everything else.
import { ASSESSMENT_SHEETS } from "../../src/core/contract";
import { layoutAssessmentSheet } from "../../src/core/layout/assessmentSheet";
import { layoutWorkbook, type LayoutOptions } from "../../src/core/layout/workbook";
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import type { RowInputs } from "../../src/core/inputs";

/** The columns the old tables lacked, written out (not taken from the contract). */
export const NEW_COLUMNS = ["Evidence hint", "Reviewer", "Reviewer note", "Response", "Review"];

/** The person's own column in the old tables, and what they typed. */
export const OWN_COLUMN = "Auditor remark";
export const TYPED: Record<"clauses" | "annexA", Map<string, RowInputs>> = {
  clauses: new Map<string, RowInputs>([
    ["4.1", { Status: "Partially Compliant", Evidence: "Context memo 2024", Notes: "Board asked" }],
  ]),
  annexA: new Map<string, RowInputs>([
    [
      "5.1",
      {
        Status: "Compliant",
        Evidence: "ISMS policy v3",
        Owner: "CISO",
        Notes: "Signed 2024-02",
        [OWN_COLUMN]: "Seen on site",
      },
    ],
    ["X.1", { Title: "Own control", Status: "Non-Compliant", [OWN_COLUMN]: "Hand row" }],
  ]),
};

export function oldLayoutPlan(options: LayoutOptions = {}): WorkbookPlan {
  const plan = layoutWorkbook({ start: 46000, ...options });
  for (const spec of ASSESSMENT_SHEETS) {
    const at = plan.sheets.findIndex((s) => s.name === spec.sheet);
    const now = plan.sheets[at];
    const old = layoutAssessmentSheet({
      spec: { ...spec, columns: spec.columns.filter((c) => !NEW_COLUMNS.includes(c)) },
      inputs: TYPED[spec.kind],
      extraColumns: [OWN_COLUMN],
    });
    // Rules of columns the old table did not have land on no column ("5:97"): not drawn.
    old.validations = old.validations.filter((v) => /^[A-Z]/.test(v.range));
    // Everything else (protection, print setup) as the current plan has it.
    plan.sheets[at] = {
      ...now,
      blocks: old.blocks,
      tables: old.tables,
      formats: old.formats,
      validations: old.validations,
      conditionalFormats: old.conditionalFormats,
      widths: old.widths,
      rowHeights: old.rowHeights,
      hiddenColumns: old.hiddenColumns,
    };
  }
  const summary = plan.sheets.find((s) => s.name === "Summary")!;
  const cells = summary.blocks[0].cells;
  const review = cells.findIndex((r) => r[0]?.value === "Review notes");
  if (review > 0) cells.splice(review - 1);
  return plan;
}
