// validateWorkbook: walks the rule table (rules.ts) over SheetSnapshots and returns sorted problems.
// Pure and total: whatever the snapshots hold, it returns a report and never throws.
import { ASSESSMENT_SHEETS, SHEETS } from "../contract";
import { RULES } from "./rules";
import type { CellRef, Problem, Report, Rule, RuleId, Severity, ValidationReport } from "./types";
import { buildWorkbookView, findSnapshot, sanitizeSnapshot } from "./view";
import { cellAddress, type SheetSnapshot } from "../snapshot";
import { sameSheetName } from "../read/sheets";

export type { Problem, Rule, RuleId, Severity, ValidationReport } from "./types";
export { RULES } from "./rules";
export { REMEDIATION_RULES } from "./remediationPlan";

export interface ValidateOptions {
  /** The date overdue checks compare with (Remediation Plan rules); defaults to now. */
  today?: Date;
  /** Also list what blocks a Stage 1 / Stage 2 certification audit (info, rule readiness-blocker). */
  readiness?: boolean;
}

/** The rule-table entry of an id, for reports and the task pane (description, severity). */
export function ruleInfo(id: RuleId): { id: string; severity: Severity; description: string } {
  const rule = RULES.find((r) => r.id === id);
  return rule
    ? { id: rule.id, severity: rule.severity, description: rule.description }
    : { id, severity: "error", description: "A check could not run on unusual sheet content" };
}

interface Sortable {
  problem: Problem;
  sheetOrder: number;
  row: number;
  col: number;
  seq: number;
}

export function validateWorkbook(
  snapshots: SheetSnapshot[],
  options: ValidateOptions = {}
): ValidationReport {
  const found: Sortable[] = [];
  let list: SheetSnapshot[] = [];
  try {
    list = Array.isArray(snapshots) ? snapshots.map(sanitizeSnapshot) : [];
  } catch {
    list = [];
  }
  const today =
    options?.today instanceof Date && !Number.isNaN(options.today.getTime())
      ? options.today
      : new Date();

  // Sheet order: as the workbook lists its sheets; sheets that are absent follow in contract order.
  const order = (sheet: string): number => {
    const i = list.findIndex((s) => sameSheetName(s.name, sheet));
    if (i >= 0) return i;
    const j = ASSESSMENT_SHEETS.findIndex((s) => s.sheet === sheet);
    return list.length + (j >= 0 ? j : ASSESSMENT_SHEETS.length);
  };
  const orderCache = new Map<string, number>();

  const add = (rule: RuleId, severity: Severity, at: CellRef, message: string): void => {
    const sheet = String(at.sheet);
    let sheetOrder = orderCache.get(sheet);
    if (sheetOrder === undefined) orderCache.set(sheet, (sheetOrder = order(sheet)));
    found.push({
      problem: {
        sheet,
        cell: cellAddress(at.row, at.col),
        id: String(at.id),
        rule,
        severity,
        message,
      },
      sheetOrder,
      row: at.row,
      col: at.col,
      seq: found.length,
    });
  };

  // A check that throws on odd content is reported once per rule and sheet, and the rest go on.
  const failed = new Set<string>();
  const fail = (ruleName: string, sheet: string, error: unknown): void => {
    const key = `${ruleName}\u0000${sheet}`;
    if (failed.has(key)) return;
    failed.add(key);
    const reason = error instanceof Error ? error.message : String(error);
    add(
      "check-failed",
      "error",
      { sheet, row: 0, col: 0, id: "" },
      `The "${ruleName}" check could not run on "${sheet}" (${reason}). The sheet holds content the checker did not expect; please report this with the file.`
    );
  };

  const view = buildWorkbookView(list, today, (spec, error) =>
    fail("read table", spec.sheet, error)
  );
  const reporter =
    (rule: Rule): Report =>
    (at, message) =>
      add(rule.id, rule.severity, at, message);

  for (const rule of RULES) {
    if (rule.id === "readiness-blocker" && !options.readiness) continue;
    const report = reporter(rule);
    switch (rule.scope) {
      case "workbook":
        try {
          rule.check(view, report);
        } catch (error) {
          fail(rule.id, "", error);
        }
        break;
      case "sheet":
        for (const spec of ASSESSMENT_SHEETS) {
          const sheet = view.sheets.get(spec.kind);
          if (!sheet || (rule.kinds && !rule.kinds.includes(spec.kind))) continue;
          try {
            rule.check(sheet, report);
          } catch (error) {
            fail(rule.id, spec.sheet, error);
          }
        }
        break;
      case "row":
        for (const spec of ASSESSMENT_SHEETS) {
          const sheet = view.sheets.get(spec.kind);
          if (!sheet || (rule.kinds && !rule.kinds.includes(spec.kind))) continue;
          for (const row of sheet.rows) {
            if (row.id === "" && !rule.includeRowsWithoutId) continue;
            try {
              rule.check(row, report);
            } catch (error) {
              fail(rule.id, spec.sheet, error);
            }
          }
        }
        break;
      case "plan": {
        const snapshot = findSnapshot(list, SHEETS.remediation);
        if (!snapshot) break;
        try {
          rule.check({ snapshot, today }, report);
        } catch (error) {
          fail(rule.id, SHEETS.remediation, error);
        }
        break;
      }
    }
  }

  found.sort(
    (a, b) => a.sheetOrder - b.sheetOrder || a.row - b.row || a.col - b.col || a.seq - b.seq
  );
  const problems = found.map((f) => f.problem);
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const p of problems) {
    if (p.severity === "error") summary.errors++;
    else if (p.severity === "warning") summary.warnings++;
    else summary.infos++;
  }
  return { problems, summary };
}
