// Status rules: values the score formulas cannot read, mandatory clauses, rows not assessed yet.
import { describeSpacing, quoted, statusList } from "./text";
import type { RowRule } from "./types";

export const statusInvalid: RowRule = {
  id: "status-invalid",
  severity: "error",
  scope: "row",
  description: "A Status the score formulas cannot read (not on the scale, or with stray spaces)",
  check(row, report) {
    const { status } = row;
    const kind = row.sheet.spec.kind;
    if (status.kind === "spacing") {
      report(
        row.at("Status"),
        `${row.label}: Status ${quoted(status.raw)} has ${describeSpacing(status.raw)}, so the score formulas do not count it. ` +
          `Change it to "${status.status}" (pick it from the cell's list).`
      );
      return;
    }
    if (status.kind !== "invalid") return;
    const allowed = `Pick one from the cell's list: ${statusList(kind)}.`;
    let hint: string;
    if (status.suggestion === "Not Applicable" && kind === "clauses") {
      hint = `It reads like Not Applicable, but clauses 4-10 are mandatory and cannot be excluded. ${allowed}`;
    } else if (status.suggestion) {
      hint = `Did you mean "${status.suggestion}"? ${allowed}`;
    } else {
      hint = allowed;
    }
    report(
      row.at("Status"),
      `${row.label}: Status ${quoted(status.raw)} is not on the scale, so it is not scored. ${hint}`
    );
  },
};

export const statusCase: RowRule = {
  id: "status-case",
  severity: "warning",
  scope: "row",
  description:
    "A Status in other letter case than the list (Excel scores it; exact-text tools do not)",
  check(row, report) {
    if (row.status.kind !== "case") return;
    // Excel compares text case-insensitively, so the score is right; Power Query, scripts and exports are not so kind.
    report(
      row.at("Status"),
      `${row.label}: Status ${quoted(row.status.raw)} is scored, but it is not written as on the list. ` +
        `Change it to "${row.status.status}" so tools that compare exact text (Power Query, scripts, exports) count it too.`
    );
  },
};

export const clauseNotApplicable: RowRule = {
  id: "clause-not-applicable",
  severity: "error",
  scope: "row",
  kinds: ["clauses"],
  description: "A clause 4-10 marked Not Applicable (clauses are mandatory)",
  check(row, report) {
    if (row.effective !== "Not Applicable") return;
    report(
      row.at("Status"),
      `${row.label} is marked Not Applicable, but clauses 4-10 are mandatory for certification. ` +
        `Assess it as Compliant, Partially Compliant or Non-Compliant.`
    );
  },
};

export const notAssessed: RowRule = {
  id: "not-assessed",
  severity: "info",
  scope: "row",
  description: "A row still Not Assessed or with an empty Status",
  check(row, report) {
    if (row.effective !== "Not Assessed") return;
    // An excluded control is decided, not pending; applicable-conflict asks for Not Applicable there.
    if (
      (row.applicable.kind === "ok" || row.applicable.kind === "spacing") &&
      row.applicable.value === "No"
    )
      return;
    const why = row.status.kind === "blank" ? "its Status is empty" : "its Status is Not Assessed";
    report(
      row.at("Status"),
      `${row.label} is not assessed yet (${why}). Choose a status once it has been reviewed.`
    );
  },
};
