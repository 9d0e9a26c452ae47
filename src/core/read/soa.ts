// The Statement of Applicability read back (rows and approval block), and the reference model of
// its Applicable and Implementation status formulas.
import {
  IMPLEMENTATION_STATUSES,
  SOA_APPROVAL_LABELS,
  SOA_COLUMNS,
  SOA_FORMULA_COLUMNS,
} from "../contract";
import { isBlank, locateAssessmentTable, normalizeHeader } from "./locate";
import { sameText } from "../scoring";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { readRegister, type RegisterRows } from "./register";

export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export interface SoaInputs extends RegisterRows {
  /** Approval block values by label ("Prepared by" → "J. Smith"). */
  approval: Record<string, CellValue>;
}

export function emptySoa(): SoaInputs {
  return { rows: [], extraColumns: [], approval: {} };
}

/** The reference model of the SoA formulas (mirrors Excel's case-insensitive text compare). */
export function soaApplicable(applicable: CellValue, status: CellValue): "Yes" | "No" {
  return sameText(applicable, "No") || sameText(status, "Not Applicable") ? "No" : "Yes";
}

/** Implementation status from the Annex A status; '' while the control is not assessed. */
export function implementationStatus(
  applicable: CellValue,
  status: CellValue,
  openAction: boolean
): ImplementationStatus | "" {
  if (soaApplicable(applicable, status) === "No") return "Excluded";
  if (sameText(status, "Compliant")) return "Implemented";
  if (sameText(status, "Partially Compliant")) return "Partially implemented";
  if (sameText(status, "Non-Compliant")) return openAction ? "Planned" : "Not implemented";
  return "";
}

const SPEC = {
  columns: SOA_COLUMNS,
  required: ["ID", "Implementation status"],
  formulaColumns: SOA_FORMULA_COLUMNS,
} as const;

/** Reads the typed SoA values back: rows (by ID), extra columns and the approval block. */
export function readSoa(snapshot: SheetSnapshot | undefined): SoaInputs {
  if (!snapshot) return emptySoa();
  const register = readRegister(snapshot, SPEC);
  const table = locateAssessmentTable(snapshot, { columns: SOA_COLUMNS }, SPEC.required);
  const approval: Record<string, CellValue> = {};
  const above = table ? table.headerRow : Math.min(snapshot.values.length, 20);
  for (let r = 0; r < above; r++) {
    const line = snapshot.values[r] ?? [];
    line.forEach((cell, c) => {
      const label = SOA_APPROVAL_LABELS.find((l) => normalizeHeader(l) === normalizeHeader(cell));
      if (!label || label in approval) return;
      const value = line[c + 1] ?? null;
      if (snapshot.formulas[r]?.[c + 1] && isBlank(value)) return;
      approval[label] = value;
    });
  }
  return { ...register, approval };
}
