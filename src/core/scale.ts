// The status scale, risk scales and bands: the defaults the workbook's Settings sheet starts with.

/**
 * The status scale, declared once: each status with its gap weight's setting key, workbook name
 * and default (null = not scored, left out of compliance), the ScoringSettings field it feeds and
 * what it means. The Settings layout, the Gap-score formula and scoringFromSettings walk this table.
 */
export const STATUS_SCALE = [
  {
    status: "Compliant",
    weight: { key: "weight.Compliant", name: "Weight_Compliant", field: "compliant", default: 0 },
    meaning: "Fully in place, with evidence an auditor would accept",
  },
  {
    status: "Partially Compliant",
    weight: {
      key: "weight.Partially Compliant",
      name: "Weight_Partial",
      field: "partial",
      default: 0.5,
    },
    meaning: "In place in part, informally, or without evidence",
  },
  {
    status: "Non-Compliant",
    weight: {
      key: "weight.Non-Compliant",
      name: "Weight_NonCompliant",
      field: "nonCompliant",
      default: 1,
    },
    meaning: "Not in place",
  },
  {
    status: "Not Applicable",
    weight: null,
    meaning: "Excluded with a justification (Annex A only)",
  },
  { status: "Not Assessed", weight: null, meaning: "Not looked at yet" },
] as const;

export type Status = (typeof STATUS_SCALE)[number]["status"];
export const STATUSES: readonly Status[] = STATUS_SCALE.map((s) => s.status);

/** A status that carries a gap weight, with that weight's setting. */
export type ScoredStatus = Extract<(typeof STATUS_SCALE)[number], { weight: object }>;
export const SCORED_STATUSES: readonly ScoredStatus[] = STATUS_SCALE.filter(
  (s): s is ScoredStatus => s.weight !== null
);
/** The ScoringSettings field of each scored status's weight. */
export type WeightField = ScoredStatus["weight"]["field"];

/** Default gap weight per status; null = not scored (excluded from compliance). */
export const DEFAULT_WEIGHTS = Object.fromEntries(
  STATUS_SCALE.map((s) => [s.status, s.weight?.default ?? null])
) as Record<Status, number | null>;

export const LIKELIHOOD_SCALE = [
  { value: 1, label: "Rare", description: "Not expected in the next five years" },
  { value: 2, label: "Unlikely", description: "Could happen once in the next few years" },
  { value: 3, label: "Possible", description: "Could happen within a year" },
  { value: 4, label: "Likely", description: "Expected to happen within a year" },
  { value: 5, label: "Almost certain", description: "Happens now or several times a year" },
] as const;

export const IMPACT_SCALE = [
  { value: 1, label: "Negligible", description: "No noticeable effect on customers or operations" },
  { value: 2, label: "Minor", description: "Small, contained disruption or cost" },
  { value: 3, label: "Moderate", description: "Visible disruption, some customers affected" },
  { value: 4, label: "Major", description: "Serious breach, regulator or contract consequences" },
  { value: 5, label: "Severe", description: "Threatens the business or causes lasting harm" },
] as const;

export const RISK_LEVELS = ["Low", "Medium", "High", "Critical"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Lowest risk score of each band (Low is everything below Medium). */
export const DEFAULT_BAND_MINIMUMS: Record<Exclude<RiskLevel, "Low">, number> = {
  Medium: 5,
  High: 10,
  Critical: 20,
};

/** Days from start to due date for a remediation action, per risk level. */
export const DEFAULT_SLA_DAYS: Record<RiskLevel, number> = {
  Critical: 30,
  High: 60,
  Medium: 90,
  Low: 180,
};

/** Reads a cell as a scale status: exact match after trimming and ignoring case, else null. */
export function asStatus(value: unknown): Status | null {
  if (typeof value !== "string") return null;
  const wanted = value.trim().toLowerCase();
  return STATUSES.find((s) => s.toLowerCase() === wanted) ?? null;
}
