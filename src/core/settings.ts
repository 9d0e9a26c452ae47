// The Settings sheet's contract: its sections, rows, setting keys, workbook names and defaults.
// The layout draws it, the reader harvests by its keys, scoring reads the weights by them.
import {
  IMPACT_SCALE,
  LIKELIHOOD_SCALE,
  DEFAULT_BAND_MINIMUMS,
  DEFAULT_SLA_DAYS,
  STATUS_SCALE,
} from "./scale";
import { FINDING_TYPES, MATURITY_LEVELS, TABLES } from "./contract";
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
    {
      title: REMEDIATION_PLANNING_TITLE,
      headers: ["Setting", "Value"],
      rows: [
        {
          label: "Day rate",
          values: [
            {
              key: "plan.dayRate",
              name: "Day_Rate",
              default: DEFAULT_DAY_RATE,
              numberFormat: "#,##0",
            },
          ],
          note: "Cost of one person-day in the currency above; a planned action's Cost is its Effort × this rate.",
        },
        {
          label: "Actions per owner at a time",
          values: [
            { key: "plan.capacity", name: "Owner_Capacity", default: DEFAULT_OWNER_CAPACITY },
          ],
          note: "The plan starts an owner's next action when one of these slots is free.",
        },
        ...FINDING_TYPES.map((type) => ({
          label: `Effort of a ${type} action (days)`,
          values: [{ key: `plan.effort.${type}`, default: null, numberFormat: "0.0" }],
          note: "Blank: each item's own estimate. A number replaces it for every missing item of this type; a partial gap takes half.",
        })),
      ],
    },
    // Last, so the named cells of the sections above stay where earlier versions put them.
    {
      title: "Printed pages",
      headers: ["Setting", "Value"],
      rows: [
        {
          label: "Classification",
          values: [
            { key: "classification", name: "Doc_Classification", default: DEFAULT_CLASSIFICATION },
          ],
          note: "Printed at the top left of every page (applied on the next build).",
        },
        {
          label: "Version",
          values: [{ key: "version", name: "Workbook_Version", default: DEFAULT_VERSION }],
          note: "Printed at the top right of every page (applied on the next build).",
        },
      ],
    },
  ];
}

/** Printed in every page header until a person sets their own. */
export const DEFAULT_CLASSIFICATION = "Confidential";
export const DEFAULT_VERSION = "1.0";

const REMEDIATION_PLANNING_TITLE = "Remediation planning";
/** Cost of a person-day in the Settings currency, until a person sets their own. */
export const DEFAULT_DAY_RATE = 800;
/** Actions an owner works on at the same time. */
export const DEFAULT_OWNER_CAPACITY = 2;

/** 0-based sheet row of each section's title. The sheet's title and subtitle take rows 1–2; then
 *  each section is a blank row, its title, its header and its rows, in columns A–C. The sections
 *  never grow (their rows are the scale), so their named cells never move. */
export function placeSections(
  sections: SettingsSection[]
): { section: SettingsSection; title: number }[] {
  let row = 2;
  return sections.map((section) => {
    const title = row + 1;
    row = title + 2 + section.rows.length;
    return { section, title };
  });
}

/** Columns the sections take (A–C). */
export const SECTION_COLUMNS = 3;

/** The cells a section owns with its title on row `title` (0-based [row, col]): its title,
 *  header, labels, values and notes. */
export function sectionCells(section: SettingsSection, title: number): [number, number][] {
  const cells: [number, number][] = [[title, 0]];
  section.headers.forEach((_, c) => cells.push([title + 1, c]));
  section.rows.forEach((row, i) => {
    const width = 1 + row.values.length + (row.note ? 1 : 0);
    for (let c = 0; c < width; c++) cells.push([title + 2 + i, c]);
  });
  return cells;
}

/** The cells the sheet's title and subtitle and the sections own where the layout puts them.
 *  Every other cell of columns A–C is free for a person's own notes. */
export function settingsCells(sections: SettingsSection[]): [number, number][] {
  return [
    [0, 0],
    [1, 0],
    ...placeSections(sections).flatMap(({ section, title }) => sectionCells(section, title)),
  ];
}

const STATUS_WORDS_TITLE = "Status words";

const TEAM_TITLE = "Assessment team";

const TEAM_COLUMNS = ["Name", "Role", "Department"] as const;

/** Rows the team table offers; the Owner dropdowns read all of them (blanks are skipped by people). */
const TEAM_ROWS = 30;

/**
 * One of the tables people grow on Settings. Each is an Excel table in its own columns to the
 * right of the sections, side by side, with nothing below it: a row added to one (Tab in its last
 * cell, a row typed under it) never moves, shortens or joins another, and Excel never refuses to
 * insert its rows because another table stands below in part of its columns.
 */
export interface SettingsTableSpec {
  key: "team" | "statusWords";
  /** The Excel table's name (contract TABLES). */
  table: string;
  title: string;
  /** One line saying what the table is for, two rows above the title. */
  hint: string;
  columns: readonly string[];
  /** Header words a person's own table may use instead of ours, per column (lower case). */
  aliases: readonly (readonly string[])[];
  /** Header row and first column of a new table (0-based). */
  at: { row: number; col: number };
  /** Column widths in characters, per column. */
  widths: readonly number[];
  /** Rows a new table offers. */
  rows: number;
  /** Blank rows kept below the last row typed, to type into. */
  spare: number;
}

export const TEAM_TABLE: SettingsTableSpec = {
  key: "team",
  table: TABLES.team,
  title: TEAM_TITLE,
  hint: "The Owner and Assessed by lists offer these names.",
  columns: TEAM_COLUMNS,
  aliases: [["name", "person", "member", "who"], ["role"], ["department", "dept", "team"]],
  at: { row: 4, col: 4 },
  widths: [22, 22, 22],
  rows: TEAM_ROWS,
  spare: 5,
};

export const STATUS_WORDS_TABLE: SettingsTableSpec = {
  key: "statusWords",
  table: TABLES.statusWords,
  title: STATUS_WORDS_TITLE,
  hint: 'Answers in templates you import that mean a status (e.g. "Erfüllt" → Compliant).',
  columns: ["Word", "Status"],
  aliases: [
    ["word", "words", "status word", "answer", "template word", "their word", "text"],
    ["status", "our status", "maps to", "becomes"],
  ],
  at: { row: 4, col: 8 },
  widths: [28, 22],
  rows: 20,
  spare: 5,
};

/** The tables in the order they stand, left to right. */
export const SETTINGS_TABLES: readonly SettingsTableSpec[] = [TEAM_TABLE, STATUS_WORDS_TABLE];

/** A table as a person left it on Settings: where it stands, its columns and its rows. */
export interface KeptTable {
  /** Header row and first column (0-based) where it was found; absent = lay it out anew. */
  at?: { row: number; col: number };
  /** Header of each column in the order found: ours, and any column a person added. */
  headers: string[];
  /** Rows from the first to the last one holding anything (blank rows inside kept), one cell
   *  per header. */
  rows: CellValue[][];
  /** Data rows the table spanned (its blank rows included). */
  size: number;
}

/** A cell a person typed on Settings outside everything we lay out (0-based). */
export interface KeptCell {
  row: number;
  col: number;
  value: CellValue;
  /** Formula text ("=B8*2") when the cell holds a formula we could read. */
  formula?: string;
}

/** What a person put on Settings besides the setting values: its tables and their own cells. */
export interface SettingsKept {
  team?: KeptTable;
  statusWords?: KeptTable;
  cells: KeptCell[];
  /** Cells of ours found where the layout may no longer put anything (the older layout's blocks
   *  under the sections, our titles and hints): emptied unless the layout fills them again. */
  former?: { row: number; col: number }[];
}
