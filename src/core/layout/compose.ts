// The one pipeline behind build, rebuild, import and plan, for both hosts: read back what
// people typed, fold in adopted answers and the remediation merge, lay the workbook out.
import { capCellText, type CellLimitWarning } from "./cellLimit";
import { ASSESSMENT_SHEETS, SHEETS, hasColumn } from "../contract";
import { harvestWorkbook, mergeInputs, type Harvest } from "../read/harvest";
import type { AssessmentInputs, RowInputs } from "../inputs";
import { layoutWorkbook } from "./workbook";
import type { WorkbookPlan } from "./workbookPlan";
import {
  findGaps,
  mergeRemediation,
  remediationSettingsFrom,
  type RemediationMerge,
} from "../remediation";
import type { SheetSnapshot } from "../snapshot";
import { todaySerial } from "../dates";
import { findSheet } from "../read/sheets";
import { readRemediationRows } from "../read/remediation";

export interface ComposeOptions {
  org?: string;
  start?: number;
  adopted?: AssessmentInputs;
  overwrite?: boolean;
  /** Create or regenerate the Remediation Plan from the current gaps. */
  remediation?: boolean;
  today?: number;
  /** Snapshot rows to add to the Snapshot History sheet (values, from core/history snapshotRow). */
  appendHistory?: RowInputs[];
}

export interface Composition {
  plan: WorkbookPlan;
  harvest: Harvest;
  remediation?: RemediationMerge;
  rows: number;
  /** Cells cut to Excel's 32,767-character limit, by sheet, row id and column. */
  cellWarnings: CellLimitWarning[];
}

/** Answers a template had beyond our columns (e.g. "Due date") become extra columns, not lost. */
function withAdoptedColumns(
  extra: Harvest["extraColumns"],
  adopted: AssessmentInputs | undefined
): Harvest["extraColumns"] {
  if (!adopted) return extra;
  const result = { clauses: [...extra.clauses], annexA: [...extra.annexA] };
  for (const spec of ASSESSMENT_SHEETS) {
    for (const row of adopted[spec.kind].values()) {
      for (const column of Object.keys(row)) {
        if (!hasColumn(spec.columns, column) && !result[spec.kind].includes(column))
          result[spec.kind].push(column);
      }
    }
  }
  return result;
}

export function composeWorkbook(
  snapshots: SheetSnapshot[],
  options: ComposeOptions = {}
): Composition {
  const harvest = harvestWorkbook(snapshots);
  const inputs = options.adopted
    ? mergeInputs(harvest.inputs, options.adopted, options.overwrite ?? false)
    : harvest.inputs;
  if (options.org) harvest.settings.set("org", options.org);
  const planSheet = findSheet(snapshots, SHEETS.remediation);
  const existingRemediation = readRemediationRows(planSheet);
  let remediation: RemediationMerge | undefined;
  if (options.remediation) {
    const settings = remediationSettingsFrom(
      harvest.settings,
      options.start ?? options.today ?? todaySerial()
    );
    const { gaps, closed } = findGaps(snapshots, settings.scoring);
    remediation = mergeRemediation(
      existingRemediation.rows,
      gaps,
      closed,
      settings,
      existingRemediation.extraColumns
    );
  }
  const planRows = remediation ?? (planSheet ? existingRemediation : undefined);
  const plan = layoutWorkbook({
    org: options.org,
    start: options.start,
    inputs,
    extraColumns: withAdoptedColumns(harvest.extraColumns, options.adopted),
    settings: harvest.settings,
    statusWords: harvest.statusWords,
    team: harvest.team,
    settingsSheet: harvest.settingsSheet,
    plan: planRows && { rows: planRows.rows, extraColumns: planRows.extraColumns },
    audit: harvest.audit,
    appendHistory: options.appendHistory,
  });
  // Assessment and plan rows (the audit sheets and Settings' own tables are not counted).
  const audit = new Set<string>([
    SHEETS.soa,
    SHEETS.documents,
    SHEETS.risks,
    SHEETS.history,
    SHEETS.settings,
  ]);
  const rows = plan.sheets
    .filter((s) => !audit.has(s.name))
    .flatMap((s) => s.tables)
    .reduce((n, t) => n + t.rows, 0);
  const cellWarnings = capCellText(plan);
  return { plan, harvest, remediation, rows, cellWarnings };
}
