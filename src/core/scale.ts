// The status scale, risk scales and bands: the defaults the workbook's Settings sheet starts with.

export const STATUSES = [
  "Compliant",
  "Partially Compliant",
  "Non-Compliant",
  "Not Applicable",
  "Not Assessed",
] as const;
export type Status = (typeof STATUSES)[number];

/** Default gap weight per status; null = not scored (excluded from compliance). */
export const DEFAULT_WEIGHTS: Record<Status, number | null> = {
  Compliant: 0,
  "Partially Compliant": 0.5,
  "Non-Compliant": 1,
  "Not Applicable": null,
  "Not Assessed": null,
};

export const STATUS_MEANINGS: Record<Status, string> = {
  Compliant: "Fully in place, with evidence an auditor would accept",
  "Partially Compliant": "In place in part, informally, or without evidence",
  "Non-Compliant": "Not in place",
  "Not Applicable": "Excluded with a justification (Annex A only)",
  "Not Assessed": "Not looked at yet",
};

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

export const APPLICABLE_VALUES = ["Yes", "No"] as const;

/** Reads a cell as a scale status: exact match after trimming and ignoring case, else null. */
export function asStatus(value: unknown): Status | null {
  if (typeof value !== "string") return null;
  const wanted = value.trim().toLowerCase();
  return STATUSES.find((s) => s.toLowerCase() === wanted) ?? null;
}
