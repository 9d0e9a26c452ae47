// The four audit sheets as one unit for the pipeline: what people typed on them (read back from
// SheetSnapshots so a rebuild keeps every value) and their layout.
import { TABLES } from "../contract";
import type { RowInputs } from "../inputs";
import type { NamePlan, SheetPlan } from "./workbookPlan";
import { parseCellAddress } from "../snapshot";
import { layoutDocumentsSheet } from "./documentsSheet";
import { layoutHistorySheet } from "./historySheet";
import { layoutRiskRegister } from "./riskRegisterSheet";
import { layoutSoaSheet } from "./soaSheet";

import { type AuditInputs } from "../read/audit";

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
  hasRemediation: boolean;
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
      hasRemediation: input.hasRemediation,
      risks: input.audit.risks.rows,
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
