// Evidence rules: a Compliant or Partially Compliant row must point at something an auditor can check.
import { isPlaceholder } from "./readings";
import { quoted } from "./text";
import type { RowRule, RowView } from "./types";

const needsEvidence = (row: RowView): boolean =>
  row.has("Evidence") && (row.effective === "Compliant" || row.effective === "Partially Compliant");

export const evidenceMissing: RowRule = {
  id: "evidence-missing",
  severity: "error",
  scope: "row",
  description: "Compliant or Partially Compliant with empty Evidence",
  check(row, report) {
    if (!needsEvidence(row) || row.shown("Evidence") !== "") return;
    const what =
      row.effective === "Compliant"
        ? 'Name the document, record or system that shows it, e.g. "Information security policy v2, approved 2024-03-01".'
        : "Name what is in place today (document, record or system) so the remaining gap is clear.";
    report(
      row.at("Evidence"),
      `${row.label} is ${row.effective} but its Evidence is empty. ${what}`
    );
  },
};

export const evidencePlaceholder: RowRule = {
  id: "evidence-placeholder",
  severity: "warning",
  scope: "row",
  description: 'Evidence that says nothing ("TBD", "n/a", "-", "see above", "yes")',
  check(row, report) {
    if (!needsEvidence(row)) return;
    const text = row.shown("Evidence");
    if (!isPlaceholder(text)) return;
    report(
      row.at("Evidence"),
      `${row.label}: Evidence ${quoted(text)} says nothing an auditor can check. Name the document, record or system (title, version, location).`
    );
  },
};
