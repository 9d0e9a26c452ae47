// The Risk Register read back, its linked control ids, and the reference model of its formulas.
import { normalizeControlId } from "../../catalog";
import { RISK_COLUMNS, RISK_FORMULA_COLUMNS } from "../contract";
import { riskLevel, riskScore, type ScoringSettings } from "../scoring";
import type { RiskLevel } from "../scale";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { readRegister, type RegisterRows } from "./register";

/** Reference model of one register row's formulas. */
export function scoreRisk(
  row: Record<string, CellValue>,
  settings?: ScoringSettings
): {
  inherent: number | null;
  inherentLevel: RiskLevel | null;
  residual: number | null;
  residualLevel: RiskLevel | null;
} {
  const inherent = riskScore(row.Likelihood ?? null, row.Impact ?? null);
  const residual = riskScore(row["Residual likelihood"] ?? null, row["Residual impact"] ?? null);
  return {
    inherent,
    inherentLevel: riskLevel(inherent, settings),
    residual,
    residualLevel: riskLevel(residual, settings),
  };
}

/** The ids in a "Annex A controls" cell ("5.1, A.8.8") and the parts that are not control ids. */
export function linkedControls(value: CellValue): { ids: string[]; unknown: string[] } {
  if (value === null || value === undefined || String(value).trim() === "")
    return { ids: [], unknown: [] };
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const part of String(value).split(",")) {
    const id = normalizeControlId(part.trim());
    if (id) ids.push(id);
    else unknown.push(part.trim());
  }
  return { ids, unknown };
}

const SPEC = {
  columns: RISK_COLUMNS,
  required: ["Asset or process", "Residual risk"],
  formulaColumns: RISK_FORMULA_COLUMNS,
} as const;

export function readRiskRegister(snapshot: SheetSnapshot | undefined): RegisterRows {
  return readRegister(snapshot, SPEC);
}
