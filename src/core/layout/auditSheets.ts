// The four audit sheets as one unit for the pipeline: what people typed on them (read back from
// SheetSnapshots so a rebuild keeps every value) and their layout.
import { SHEETS, TABLES } from "../contract";
import type { RowInputs } from "../inputs";
import type { NamePlan, SheetPlan } from "../plan";
import { parseCellAddress, type SheetSnapshot } from "../snapshot";
import { layoutDocumentsSheet, readDocuments } from "./documentsSheet";
import { layoutHistorySheet, readHistory } from "./historySheet";
import { emptyRegister, type RegisterRows } from "./registerTable";
import { layoutRiskRegister, readRiskRegister } from "./riskRegisterSheet";
import { emptySoa, layoutSoaSheet, readSoa, type SoaInputs } from "./soaSheet";

export interface AuditInputs {
  soa: SoaInputs;
  documents: RegisterRows;
  risks: RegisterRows;
  history: RegisterRows;
}

export function emptyAudit(): AuditInputs {
  return {
    soa: emptySoa(),
    documents: emptyRegister(),
    risks: emptyRegister(),
    history: emptyRegister(),
  };
}

function findSheet(snapshots: SheetSnapshot[], name: string): SheetSnapshot | undefined {
  return snapshots.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
}

/** Everything typed on the audit sheets of a workbook (empty for sheets it does not have). */
export function readAudit(snapshots: SheetSnapshot[]): AuditInputs {
  return {
    soa: readSoa(findSheet(snapshots, SHEETS.soa)),
    documents: readDocuments(findSheet(snapshots, SHEETS.documents)),
    risks: readRiskRegister(findSheet(snapshots, SHEETS.risks)),
    history: readHistory(findSheet(snapshots, SHEETS.history)),
  };
}

export interface AuditLayout {
  soa: SheetPlan;
  risks: SheetPlan;
  documents: SheetPlan;
  history: SheetPlan;
  names: NamePlan[];
}

export interface AuditLayoutInput {
  audit: AuditInputs;
  /** Snapshot rows to add to History (values), after the ones kept. */
  appendHistory?: RowInputs[];
  /** The laid-out Annex A sheet (its table gives the control id cells). */
  annexSheet: SheetPlan;
  annexInputs: Map<string, RowInputs>;
  hasPlan: boolean;
}

export function layoutAuditSheets(input: AuditLayoutInput): AuditLayout {
  const table = input.annexSheet.tables.find((t) => t.name === TABLES.annexA);
  const origin = parseCellAddress(table?.at ?? "A4");
  const letter = String.fromCharCode(65 + origin.col);
  const ids = `$${letter}$${origin.row + 2}:$${letter}$${origin.row + 1 + (table?.rows ?? 93)}`;
  const risks = layoutRiskRegister(input.audit.risks, ids);
  const history = {
    ...input.audit.history,
    rows: [...input.audit.history.rows, ...(input.appendHistory ?? [])],
  };
  return {
    soa: layoutSoaSheet({
      soa: input.audit.soa,
      annexA: input.annexInputs,
      hasPlan: input.hasPlan,
    }),
    risks: risks.sheet,
    documents: layoutDocumentsSheet(input.audit.documents),
    history: layoutHistorySheet(history),
    names: risks.names,
  };
}

/** How many snapshots History will hold (kept + appended). */
export function historyCount(
  audit: AuditInputs | undefined,
  appended: RowInputs[] | undefined
): number {
  const dated = (rows: RowInputs[] | undefined): number =>
    (rows ?? []).filter((r) => typeof r.Date === "number").length;
  return dated(audit?.history.rows) + dated(appended);
}
