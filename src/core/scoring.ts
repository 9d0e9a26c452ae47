// The scoring model in TypeScript: the reference the sheet formulas are tested against.
// It mirrors the formulas exactly, including Excel's case-insensitive text comparison.
import {
  DEFAULT_BAND_MINIMUMS,
  SCORED_STATUSES,
  type RiskLevel,
  type ScoredStatus,
  type WeightField,
} from "./scale";
import type { CellValue } from "./snapshot";

export interface ScoringSettings {
  weights: Record<WeightField, number>;
  bands: { medium: number; high: number; critical: number };
}

/** One weight per scored status of the scale, each from `pick`. */
function weightsFrom(
  pick: (weight: ScoredStatus["weight"]) => number
): Record<WeightField, number> {
  return Object.fromEntries(SCORED_STATUSES.map((s) => [s.weight.field, pick(s.weight)])) as Record<
    WeightField,
    number
  >;
}

export const DEFAULT_SCORING: ScoringSettings = {
  weights: weightsFrom((w) => w.default),
  bands: {
    medium: DEFAULT_BAND_MINIMUMS.Medium,
    high: DEFAULT_BAND_MINIMUMS.High,
    critical: DEFAULT_BAND_MINIMUMS.Critical,
  },
};

/** Excel's `=` on text: case-insensitive, but spaces count. Non-text never equals text. */
export function sameText(value: CellValue, text: string): boolean {
  return typeof value === "string" && value.toLowerCase() === text.toLowerCase();
}

export interface RowScoreInput {
  status: CellValue;
  likelihood: CellValue;
  impact: CellValue;
  /** Annex A only; "No" takes the row out of scoring. */
  applicable?: CellValue;
}

export interface RowScore {
  gap: number | null;
  risk: number | null;
  level: RiskLevel | null;
  priority: number | null;
}

export function gapScore(row: RowScoreInput, s: ScoringSettings = DEFAULT_SCORING): number | null {
  if (row.applicable !== undefined && sameText(row.applicable, "No")) return null;
  const scored = SCORED_STATUSES.find((scale) => sameText(row.status, scale.status));
  return scored ? s.weights[scored.weight.field] : null;
}

export function riskScore(likelihood: CellValue, impact: CellValue): number | null {
  return typeof likelihood === "number" && typeof impact === "number" ? likelihood * impact : null;
}

export function riskLevel(
  risk: number | null,
  s: ScoringSettings = DEFAULT_SCORING
): RiskLevel | null {
  if (risk === null) return null;
  if (risk >= s.bands.critical) return "Critical";
  if (risk >= s.bands.high) return "High";
  if (risk >= s.bands.medium) return "Medium";
  return "Low";
}

export function scoreRow(row: RowScoreInput, s: ScoringSettings = DEFAULT_SCORING): RowScore {
  const gap = gapScore(row, s);
  const risk = riskScore(row.likelihood, row.impact);
  return {
    gap,
    risk,
    level: riskLevel(risk, s),
    priority: gap !== null && risk !== null ? gap * risk : null,
  };
}

/** Σ(1 − gap) / number of scored rows; null when nothing is scored. */
export function compliance(gaps: (number | null)[]): number | null {
  const scored = gaps.filter((g): g is number => g !== null);
  if (scored.length === 0) return null;
  return scored.reduce((sum, g) => sum + (1 - g), 0) / scored.length;
}

/** A number a person set on Settings (harvested by key), or the fallback. */
export function numberSetting(
  settings: Map<string, CellValue>,
  key: string,
  fallback: number
): number {
  const v = settings.get(key);
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/** The weights and bands a person set on Settings, else the defaults. */
export function scoringFromSettings(settings: Map<string, CellValue>): ScoringSettings {
  const d = DEFAULT_SCORING;
  const n = (key: string, fallback: number): number => numberSetting(settings, key, fallback);
  return {
    weights: weightsFrom((w) => n(w.key, d.weights[w.field])),
    bands: {
      medium: n("band.Medium", d.bands.medium),
      high: n("band.High", d.bands.high),
      critical: n("band.Critical", d.bands.critical),
    },
  };
}
