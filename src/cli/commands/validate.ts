// `gap-assessor validate F.xlsx [--json]`: checks an assessment workbook and reports problems by rule.
import { parseCommandArgs } from "../args";
import { ASSESSMENT_SHEETS } from "../../core/contract";
import { UsageError, WorkbookReadError } from "../../core/errors";
import type { SheetSnapshot } from "../../core/snapshot";
import {
  RULES,
  ruleInfo,
  validateWorkbook,
  type Problem,
  type Severity,
  type ValidationReport,
} from "../../core/validate/validate";
// Only reads: the stream reader gives the ExcelJS reader's snapshots without its object model
// (test/xlsx/streamSnapshots.test.ts), in a fraction of the time and memory.
import { streamSnapshots } from "../../xlsx/streamSnapshots";
import type { CliCommand } from "../command";
import { EXIT, type CliIo } from "../io";
import { terminalJson, terminalText } from "../../core/escape";

const USAGE = [
  "Usage: gap-assessor validate <workbook.xlsx> [--json]",
  "",
  "Checks the Clauses 4-10 and Annex A sheets: statuses, evidence, applicability, risk ratings,",
  "owners, ids and score formulas. Every problem names its sheet and cell and says how to fix it.",
  "",
  '  --json       machine-readable output: {"problems":[...],"summary":{"errors","warnings","infos"}}',
  "  --readiness  also list what blocks a Stage 1 / Stage 2 certification audit (as infos)",
  "",
  "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 the file cannot be read.",
].join("\n");

/** Info rows are listed by id only: a fresh workbook has 123 of them and they need no fixing. */
const INFO_IDS_SHOWN = 12;

const SEVERITY_TITLES: Record<Severity, string> = {
  error: "Errors",
  warning: "Warnings",
  info: "For information",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function parse(args: string[]): { file: string; json: boolean; readiness: boolean } {
  const parsed = parseCommandArgs(args, {
    json: { type: "boolean" },
    readiness: { type: "boolean" },
  });
  const [file, ...rest] = parsed.positionals;
  if (!file)
    throw new UsageError("Name the workbook to check, e.g. gap-assessor validate assessment.xlsx");
  if (rest.length)
    throw new UsageError(`Check one workbook at a time (got ${parsed.positionals.length} files).`);
  return { file, json: parsed.values.json === true, readiness: parsed.values.readiness === true };
}

// A workbook without either assessment sheet is not an assessment: say so instead of listing 123 missing rows.
function requireAssessmentSheets(snapshots: SheetSnapshot[], file: string): void {
  const names = new Set(snapshots.map((s) => s.name.trim().toLowerCase()));
  if (ASSESSMENT_SHEETS.some((spec) => names.has(spec.sheet.toLowerCase()))) return;
  throw new WorkbookReadError(
    `"${file}" has no assessment sheets (${ASSESSMENT_SHEETS.map((s) => `"${s.sheet}"`).join(" or ")}).`,
    "Build an assessment workbook with gap-assessor build, or bring an existing checklist in with gap-assessor import."
  );
}

/** Appends one rule's lines to `lines`; linear in the number of problems (no copies, no spread). */
function groupLines(lines: string[], rule: string, problems: Problem[]): void {
  const info = ruleInfo(problems[0].rule);
  lines.push(`  ${rule} (${problems.length}) — ${info.description}`);
  if (info.severity === "info") {
    const bySheet = new Map<string, { shown: string[]; count: number }>();
    for (const p of problems) {
      const group = bySheet.get(p.sheet) ?? { shown: [], count: 0 };
      if (group.shown.length < INFO_IDS_SHOWN) group.shown.push(terminalText(p.id || p.cell));
      group.count++;
      bySheet.set(p.sheet, group);
    }
    for (const [sheet, { shown, count }] of bySheet) {
      const more = count > INFO_IDS_SHOWN ? ` and ${count - INFO_IDS_SHOWN} more` : "";
      lines.push(`    ${terminalText(sheet)}: ${shown.join(", ")}${more}`);
    }
    return;
  }
  const where = problems.map((p) => terminalText(`${p.sheet}!${p.cell}`));
  let width = 0;
  for (const w of where) if (w.length > width) width = w.length;
  problems.forEach((p, i) =>
    lines.push(`    ${where[i].padEnd(width)}  ${terminalText(p.message)}`)
  );
}

/** The human report: a summary line, then problems grouped by rule (table order), errors first. */
export function formatReport(report: ValidationReport, file: string): string {
  const { errors, warnings, infos } = report.summary;
  const head = `Checked ${file}: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}.`;
  if (report.problems.length === 0) return `${head}\nAll clear: no problems found.`;
  const byRule = new Map<string, Problem[]>();
  for (const p of report.problems) {
    const list = byRule.get(p.rule);
    if (list) list.push(p);
    else byRule.set(p.rule, [p]);
  }
  const order = [...new Set([...RULES.map((r) => r.id as string), ...byRule.keys()])];
  const lines = [head];
  for (const severity of ["error", "warning", "info"] as const) {
    const rules = order.filter((id) => byRule.get(id)?.[0].severity === severity);
    if (rules.length === 0) continue;
    lines.push("", SEVERITY_TITLES[severity]);
    for (const id of rules) groupLines(lines, id, byRule.get(id)!);
  }
  if (errors === 0)
    lines.push("", "No errors: the workbook is ready to share; the warnings are worth a look.");
  return lines.join("\n");
}

function noteTruncated(snapshots: SheetSnapshot[], io: CliIo): void {
  for (const s of snapshots as (SheetSnapshot & {
    truncated?: { keptRows: number; keptCols: number };
  })[]) {
    if (!s.truncated || !ASSESSMENT_SHEETS.some((spec) => spec.sheet === s.name)) continue;
    io.err(
      `Note: "${s.name}" is larger than ${s.truncated.keptRows} rows × ${s.truncated.keptCols} columns; only that part was checked.`
    );
  }
}

export const validateCommand: CliCommand = {
  name: "validate",
  summary: "check an assessment workbook: statuses, evidence, owners, risks, ids, formulas",
  usage: USAGE,
  async run(args, io) {
    const { file, json, readiness } = parse(args);
    const snapshots = await streamSnapshots(file);
    requireAssessmentSheets(snapshots, file);
    noteTruncated(snapshots, io);
    const report = validateWorkbook(snapshots, { readiness });
    io.out(
      json
        ? terminalJson({ problems: report.problems, summary: report.summary })
        : formatReport(report, file)
    );
    return report.summary.errors > 0 ? EXIT.problems : EXIT.ok;
  },
};
