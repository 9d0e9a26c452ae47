// Annex A applicability rules: Applicable must be Yes or No, agree with the Status, and exclusions need a reason.
import { isPlaceholder } from "./readings";
import { describeSpacing, quoted } from "./text";
import type { Applicability, RowRule, RowView } from "./types";

function applicability(row: RowView): Applicability | null {
  const a = row.applicable;
  return a.kind === "ok" || a.kind === "spacing" ? a.value : null;
}

export const applicableInvalid: RowRule = {
  id: "applicable-invalid",
  severity: "error",
  scope: "row",
  kinds: ["annexA"],
  description: "An Applicable value other than Yes or No",
  check(row, report) {
    const a = row.applicable;
    if (a.kind === "spacing") {
      report(
        row.at("Applicable"),
        `${row.label}: Applicable ${quoted(a.raw)} has ${describeSpacing(a.raw)}, so the formulas do not read it as ${a.value}. Change it to "${a.value}".`
      );
    } else if (a.kind === "invalid") {
      const hint = a.suggestion ? `Did you mean "${a.suggestion}"? ` : "";
      report(
        row.at("Applicable"),
        `${row.label}: Applicable ${quoted(a.raw)} is not Yes or No. ${hint}Pick Yes or No from the cell's list.`
      );
    }
  },
};

export const applicableConflict: RowRule = {
  id: "applicable-conflict",
  severity: "error",
  scope: "row",
  kinds: ["annexA"],
  description: "Applicable = No with a status other than Not Applicable, or the reverse",
  check(row, report) {
    const applicable = applicability(row);
    const status = row.effective;
    if (status === null) return; // status-invalid already speaks for this row
    if (applicable === "No" && status !== "Not Applicable") {
      const shown =
        row.status.kind === "blank" ? "its Status is empty" : `its Status is "${status}"`;
      report(
        row.at("Status"),
        `${row.label} is marked Applicable = No but ${shown}. Set Status to Not Applicable, or set Applicable to Yes if the control applies.`
      );
    } else if (applicable === "Yes" && status === "Not Applicable") {
      report(
        row.at("Applicable"),
        `${row.label} has Status Not Applicable but Applicable = Yes. Set Applicable to No (and give a justification), ` +
          `or choose the status that says how far the control is in place.`
      );
    }
  },
};

export const justificationMissing: RowRule = {
  id: "justification-missing",
  severity: "error",
  scope: "row",
  kinds: ["annexA"],
  description:
    "An excluded Annex A control (Applicable = No or Not Applicable) without a justification",
  check(row, report) {
    if (!row.has("Justification")) return;
    const excluded = applicability(row) === "No" || row.effective === "Not Applicable";
    if (!excluded) return;
    const text = row.shown("Justification");
    const how = applicability(row) === "No" ? "Applicable = No" : "Not Applicable";
    if (text === "") {
      report(
        row.at("Justification"),
        `${row.label} is excluded (${how}) but has no Justification. Say why it does not apply, e.g. "No own premises: all staff work remotely".`
      );
    } else if (isPlaceholder(text)) {
      report(
        row.at("Justification"),
        `${row.label} is excluded (${how}) but its Justification ${quoted(text)} does not say why. Write the reason an auditor can check.`
      );
    }
  },
};
