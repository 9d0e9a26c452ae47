// The Settings sheet's contract: its sections, rows, setting keys, workbook names and defaults.
// The layout draws it, the reader harvests by its keys, scoring reads the weights by them.
import {
  IMPACT_SCALE,
  LIKELIHOOD_SCALE,
  DEFAULT_BAND_MINIMUMS,
  DEFAULT_SLA_DAYS,
  STATUS_SCALE,
} from "./scale";
import { MATURITY_LEVELS } from "./contract";
import type { CellValue } from "./snapshot";

/** One settings value: where it sits, its workbook name and default. */
export interface SettingCell {
  key: string;
  name?: string;
  default: CellValue;
  numberFormat?: string;
}

export interface SettingsRow {
  label: string;
  values: SettingCell[];
  note?: string;
}

export interface SettingsSection {
  title: string;
  headers: string[];
  rows: SettingsRow[];
  /** Workbook name for the label column of the section's rows (a list source). */
  labelName?: string;
}

export function settingsSections(org: string, start: number): SettingsSection[] {
  return [
    {
      title: "Assessment",
      headers: ["Setting", "Value"],
      rows: [
        { label: "Organisation", values: [{ key: "org", name: "Org_Name", default: org }] },
        { label: "Scope", values: [{ key: "scope", name: "Assessment_Scope", default: "" }] },
        {
          label: "Assessment start date",
          values: [
            { key: "start", name: "Assessment_Start", default: start, numberFormat: "yyyy-mm-dd" },
          ],
        },
        { label: "Assessor", values: [{ key: "assessor", name: "Assessor_Name", default: "" }] },
        { label: "Currency", values: [{ key: "currency", name: "Currency_Code", default: "EUR" }] },
        {
          label: "Show maturity column",
          values: [{ key: "maturity", name: "Maturity_Mode", default: "No" }],
          note: "Yes adds a 0–5 maturity column to both assessment sheets (applied on the next build).",
        },
      ],
    },
    {
      title: "Status scale",
      headers: ["Status", "Gap weight", "Meaning"],
      labelName: "Status_List",
      rows: STATUS_SCALE.map(({ status, weight, meaning }) => ({
        label: status,
        values: [
          {
            key: weight?.key ?? `weight.${status}`,
            name: weight?.name,
            default: weight?.default ?? null,
            numberFormat: "0.00",
          },
        ],
        note: meaning,
      })),
    },
    {
      title: "Likelihood",
      headers: ["Value", "Label", "Description"],
      labelName: "Likelihood_Scale",
      rows: LIKELIHOOD_SCALE.map((l) => ({
        label: String(l.value),
        values: [{ key: `likelihood.${l.value}`, default: l.label }],
        note: l.description,
      })),
    },
    {
      title: "Impact",
      headers: ["Value", "Label", "Description"],
      labelName: "Impact_Scale",
      rows: IMPACT_SCALE.map((l) => ({
        label: String(l.value),
        values: [{ key: `impact.${l.value}`, default: l.label }],
        note: l.description,
      })),
    },
    {
      title: "Maturity levels",
      headers: ["Level", "Label"],
      rows: MATURITY_LEVELS.map((label, i) => ({
        label: String(i),
        values: [{ key: `maturity.${i}`, default: label }],
      })),
    },
    {
      title: "Risk levels",
      headers: ["Level", "Lowest risk score", "Due in (days)"],
      labelName: "Risk_Levels",
      rows: (["Low", "Medium", "High", "Critical"] as const).map((level) => ({
        label: level,
        values: [
          {
            key: `band.${level}`,
            name: level === "Low" ? undefined : `Band_${level}`,
            default: level === "Low" ? 1 : DEFAULT_BAND_MINIMUMS[level],
          },
          { key: `sla.${level}`, name: `SLA_${level}`, default: DEFAULT_SLA_DAYS[level] },
        ],
      })),
    },
  ];
}

export const STATUS_WORDS_TITLE = "Status words";

export const TEAM_TITLE = "Assessment team";

export const TEAM_COLUMNS = ["Name", "Role", "Department"] as const;

/** Rows the team table offers; the Owner dropdowns read all of them (blanks are skipped by people). */
export const TEAM_ROWS = 30;
