// The Statement of Applicability read back (rows and approval block), and the reference model of
// its Applicable and Implementation status formulas.
import { findControl, normalizeControlId } from "../../catalog";
import {
  IMPLEMENTATION_STATUSES,
  SOA_APPROVAL_LABELS,
  SOA_COLUMNS,
  SOA_FORMULA_COLUMNS,
  SOA_LEGACY_REASON_COLUMN,
  SOA_LEGACY_REASONS,
  SOA_TREATS_RISKS,
} from "../contract";
import type { RowInputs } from "../inputs";
import { isBlank, locateAssessmentTable, normalizeHeader } from "./locate";
import { sameText } from "../scoring";
import { cellAddress, type CellValue, type SheetSnapshot } from "../snapshot";
import { readRegister, type RegisterRows } from "./register";
import { linkedControls } from "./risks";

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

// Justification is read back only where a person typed it (earlier SoAs had it as an input):
// the builder's lookup formula there is skipped below; "Treats risks" is computed at build.
const SPEC = {
  columns: SOA_COLUMNS,
  required: ["ID", "Implementation status"],
  formulaColumns: [...SOA_FORMULA_COLUMNS.filter((c) => c !== "Justification"), SOA_TREATS_RISKS],
} as const;

/** The snapshot with the values of formula cells in the Justification column blanked. */
function withoutJustificationFormulas(snapshot: SheetSnapshot): SheetSnapshot {
  const table = locateAssessmentTable(snapshot, { columns: SOA_COLUMNS }, SPEC.required);
  const c = table?.columns.get("Justification");
  if (!table || c === undefined) return snapshot;
  const dataRows = new Set(table.dataRows);
  const values = snapshot.values.map((line, r) =>
    snapshot.formulas[r]?.[c] && dataRows.has(r) ? line.map((v, i) => (i === c ? null : v)) : line
  );
  return { ...snapshot, values };
}

/** Reads the typed SoA values back: rows (by ID), extra columns and the approval block. */
export function readSoa(snapshot: SheetSnapshot | undefined): SoaInputs {
  if (!snapshot) return emptySoa();
  const register = readRegister(withoutJustificationFormulas(snapshot), SPEC);
  const table = locateAssessmentTable(snapshot, { columns: SOA_COLUMNS }, SPEC.required);
  const approval: Record<string, CellValue> = {};
  for (const [label, { value }] of Object.entries(approvalCells(snapshot, table?.headerRow)))
    approval[label] = value;
  return { ...register, approval };
}

/**
 * The approval block above the SoA table: per label found, the value to its right and that cell's
 * A1 address. `headerRow` (0-based in the snapshot) bounds the search; else the first 20 rows.
 */
export function approvalCells(
  snapshot: SheetSnapshot,
  headerRow?: number
): Record<string, { value: CellValue; cell: string }> {
  const found: Record<string, { value: CellValue; cell: string }> = {};
  const above = headerRow ?? Math.min(snapshot.values.length, 20);
  for (let r = 0; r < above; r++) {
    const line = snapshot.values[r] ?? [];
    line.forEach((cell, c) => {
      const label = SOA_APPROVAL_LABELS.find((l) => normalizeHeader(l) === normalizeHeader(cell));
      if (!label || label in found) return;
      const value = line[c + 1] ?? null;
      if (snapshot.formulas[r]?.[c + 1] && isBlank(value)) return;
      found[label] = {
        value,
        cell: cellAddress(snapshot.origin.row + r, snapshot.origin.col + c + 1),
      };
    });
  }
  return found;
}

/**
 * One place to type each fact: a justification typed on an earlier SoA moves to Annex A's
 * Justification when that one is blank (the SoA then shows it by lookup). Catalog controls and
 * rows Annex A already has only: an id only the SoA knows adds no Annex A row. Returns a new map
 * (rows changed are copies); `annexA` is left as it was.
 */
export function carrySoaJustifications(
  source: ReadonlyMap<string, RowInputs>,
  soa: SoaInputs
): Map<string, RowInputs> {
  const annexA = new Map(source);
  for (const row of soa.rows) {
    const typed = row.Justification ?? null;
    if (isBlank(typed)) continue;
    const raw = row.ID ?? null;
    if (isBlank(raw)) continue;
    const id = normalizeControlId(String(raw)) ?? String(raw).trim();
    const existing = annexA.get(id);
    if (!existing && !findControl(id)) continue;
    if (!isBlank(existing?.Justification ?? null)) continue;
    annexA.set(id, { ...existing, Justification: typed });
  }
  return annexA;
}

/** The reason column an earlier "Reason type" value moves to, or null when none fits. */
export function legacyReasonColumn(value: CellValue): string | null {
  if (isBlank(value)) return null;
  return SOA_LEGACY_REASONS[String(value).trim().toLowerCase()] ?? null;
}

/**
 * SoA rows with an earlier "Reason type" moved into the matching Yes column. `keepLegacy` is true
 * when some value fits no column (e.g. "Not relevant"): the old column then stays as a column of
 * the person's, so nothing typed is lost.
 */
export function migrateReasonType(rows: readonly RowInputs[]): {
  rows: RowInputs[];
  keepLegacy: boolean;
} {
  let keepLegacy = false;
  const out = rows.map((row) => {
    if (!(SOA_LEGACY_REASON_COLUMN in row)) return row;
    const value = row[SOA_LEGACY_REASON_COLUMN] ?? null;
    const column = legacyReasonColumn(value);
    if (!column) {
      if (!isBlank(value)) keepLegacy = true;
      return row;
    }
    const next: RowInputs = { ...row };
    if (isBlank(next[column] ?? null)) next[column] = "Yes";
    delete next[SOA_LEGACY_REASON_COLUMN];
    return next;
  });
  return { rows: out, keepLegacy };
}

/** Risk Register ids (in register order) whose "Annex A controls" cell lists each control. */
export function risksByControl(risks: readonly RowInputs[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const risk of risks) {
    const id = isBlank(risk.ID ?? null) ? "" : String(risk.ID).trim();
    if (!id) continue;
    for (const control of new Set(linkedControls(risk["Annex A controls"] ?? null).ids)) {
      const list = out.get(control) ?? [];
      list.push(id);
      out.set(control, list);
    }
  }
  return out;
}

/** The approval fields that must be filled for the SoA to count as approved. */
export const SOA_APPROVAL_REQUIRED = ["Approved by", "Approval date"] as const;

/** Which of SOA_APPROVAL_REQUIRED are blank (as the Summary's LEN(TRIM(…))=0 reads them). */
export function missingApproval(approval: Record<string, CellValue>): string[] {
  return SOA_APPROVAL_REQUIRED.filter((label) => {
    const v = approval[label] ?? null;
    return v === null || String(v).replace(/^ +| +$/g, "") === "";
  });
}
