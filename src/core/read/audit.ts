// Everything typed on the audit sheets (SoA, Documents, Risk Register, Snapshot History).
import { SHEETS } from "../contract";
import type { SheetSnapshot } from "../snapshot";
import { readDocuments } from "./documents";
import { readHistory } from "./history";
import { emptyRegister, type RegisterRows } from "./register";
import { readRiskRegister } from "./risks";
import { emptySoa, readSoa, type SoaInputs } from "./soa";
import { findSheet } from "./sheets";

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

/** Everything typed on the audit sheets of a workbook (empty for sheets it does not have). */
export function readAudit(snapshots: SheetSnapshot[]): AuditInputs {
  return {
    soa: readSoa(findSheet(snapshots, SHEETS.soa)),
    documents: readDocuments(findSheet(snapshots, SHEETS.documents)),
    risks: readRiskRegister(findSheet(snapshots, SHEETS.risks)),
    history: readHistory(findSheet(snapshots, SHEETS.history)),
  };
}
