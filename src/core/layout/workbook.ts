// catalog + settings + what people typed → WorkbookPlan. Both renderers draw this plan.
import { ASSESSMENT_SHEETS, PROTECTED_SHEETS, SHEETS } from "../contract";
import { emptyInputs, type AssessmentInputs, type RowInputs } from "../inputs";
import type { WorkbookPlan } from "./workbookPlan";
import type { CellValue } from "../snapshot";
import { DEFAULT_CLASSIFICATION, DEFAULT_VERSION, type SettingsKept } from "../settings";
import { stampHeaderFooter } from "./printLayout";
import { layoutAssessmentSheet } from "./assessmentSheet";
import { layoutSettings } from "./settingsSheet";
import { layoutSummary } from "./summarySheet";
import { layoutRemediationSheet } from "./remediationSheet";
import { historyCount, layoutAuditSheets } from "./auditSheets";
import { todaySerial } from "../dates";
import { emptyAudit, type AuditInputs } from "../read/audit";
import { findSheet } from "../read/sheets";
import { carrySoaJustifications } from "../read/soa";
import { type RemediationRow } from "../read/remediation";

export interface LayoutOptions {
  /** Organisation name for a new workbook (a kept Settings value wins). */
  org?: string;
  /** Assessment start as an Excel serial; default today. */
  start?: number;
  /** Values people typed on the assessment sheets, by row id. */
  inputs?: AssessmentInputs;
  /** Headers of columns people added to each table, in order. */
  extraColumns?: { clauses: string[]; annexA: string[] };
  /** Settings values people changed, by setting key. */
  settings?: Map<string, CellValue>;
  /** The person's own status words on Settings. */
  statusWords?: [CellValue, CellValue][];
  /** Rows of the assessment team table on Settings. */
  team?: CellValue[][];
  /** Settings' tables as they stood and the cells a person typed elsewhere on Settings. */
  settingsSheet?: SettingsKept;
  /** Remediation Plan rows (after merging); absent = the workbook has no plan sheet. */
  plan?: { rows: RemediationRow[]; extraColumns: string[] };
  /** Values people typed on the Statement of Applicability, Documents, Risk Register and Snapshot History. */
  audit?: AuditInputs;
  /** Snapshot rows to add to the Snapshot History sheet (values). */
  appendHistory?: RowInputs[];
}

export function layoutWorkbook(options: LayoutOptions = {}): WorkbookPlan {
  const inputs = options.inputs ?? emptyInputs();
  const settings = layoutSettings(
    options.org ?? "",
    options.start ?? todaySerial(),
    options.settings ?? new Map(),
    options.statusWords,
    options.team,
    options.settingsSheet
  );
  const owners =
    options.plan &&
    [...new Set(options.plan.rows.map((r) => String(r.Owner ?? "").trim()).filter(Boolean))].sort();
  const summary = layoutSummary(owners, historyCount(options.audit, options.appendHistory));
  // One place to type each fact: a justification typed on an earlier SoA moves to Annex A.
  const annexInputs = carrySoaJustifications(inputs.annexA, (options.audit ?? emptyAudit()).soa);
  const assessment = ASSESSMENT_SHEETS.map((spec) =>
    layoutAssessmentSheet({
      spec,
      inputs: spec.kind === "annexA" ? annexInputs : inputs[spec.kind],
      extraColumns: options.extraColumns?.[spec.kind] ?? [],
      showMaturity:
        String(options.settings?.get("maturity") ?? "")
          .trim()
          .toLowerCase() === "yes",
    })
  );
  const audit = layoutAuditSheets({
    audit: options.audit ?? emptyAudit(),
    appendHistory: options.appendHistory,
    annexSheet: findSheet(assessment, SHEETS.annexA) ?? assessment[assessment.length - 1],
    annexInputs,
    hasRemediation: options.plan !== undefined,
  });
  const sheets = [
    ...assessment,
    audit.soa,
    audit.risks,
    audit.documents,
    summary.sheet,
    ...(options.plan ? [layoutRemediationSheet(options.plan.rows, options.plan.extraColumns)] : []),
    audit.history,
    settings.sheet,
  ];
  // Shared workbooks: formulas and catalog text locked, input columns open, no password.
  for (const sheet of sheets) if (PROTECTED_SHEETS.includes(sheet.name)) sheet.protect = true;
  // Every printed page: classification and version on top, organisation, sheet, page N of M below.
  const setting = (key: string, fallback: string): string => {
    const value = options.settings?.get(key);
    return value === undefined || value === null ? fallback : String(value);
  };
  stampHeaderFooter(sheets, {
    org: setting("org", options.org ?? ""),
    classification: setting("classification", DEFAULT_CLASSIFICATION),
    version: setting("version", DEFAULT_VERSION),
  });
  return { sheets, names: [...settings.names, ...summary.names, ...audit.names] };
}
