// The Risk Register: risks people record (asset or process, threat, vulnerability), rated before
// and after treatment; inherent and residual risk and their levels are formulas on the Settings
// bands, linked Annex A controls are checked against the Annex A ids. Every row typed is kept.

import { RISK_COLUMNS, RISK_FORMULA_COLUMNS, SHEETS, TABLES, TREATMENTS } from "../contract";
import type { NamePlan, PlanCell, SheetPlan } from "./workbookPlan";

import {
  layoutRegister,
  levelFormula,
  thisRowRef,
  withExtraColumns,
  type RegisterColumn,
} from "./registerTable";
import { COLORS } from "./styles";
import { type RegisterRows } from "../read/register";

const T = TABLES.risks;
export const RISK_HEADER_ROW = 4;
/** Blank rows always left at the end of the register (a protected sheet cannot grow a table). */
export const RISK_SPARE_ROWS = 20;
/** Workbook name over the Annex A ID cells: the list the "Annex A controls" column offers. */
const CONTROL_IDS_NAME = "Control_IDs";

function riskFormulas(): Record<(typeof RISK_FORMULA_COLUMNS)[number], string> {
  const t = (c: string): string => thisRowRef(T, c);
  const product = (l: string, i: string): string =>
    `=IF(AND(ISNUMBER(${t(l)}),ISNUMBER(${t(i)})),${t(l)}*${t(i)},"")`;
  return {
    "Inherent risk": product("Likelihood", "Impact"),
    "Inherent level": `=${levelFormula(t("Inherent risk"))}`,
    "Residual risk": product("Residual likelihood", "Residual impact"),
    "Residual level": `=${levelFormula(t("Residual risk"))}`,
  };
}

const COLUMNS: Record<string, Omit<RegisterColumn, "header" | "formula">> = {
  ID: { role: "input", width: 8 },
  "Asset or process": { role: "input", width: 24, wrap: true },
  Threat: { role: "input", width: 26, wrap: true },
  Vulnerability: { role: "input", width: 26, wrap: true },
  Likelihood: { role: "input", width: 11 },
  Impact: { role: "input", width: 9 },
  "Inherent risk": { role: "formula", width: 9, numberFormat: "0" },
  "Inherent level": { role: "formula", width: 10 },
  Treatment: { role: "input", width: 12 },
  "Annex A controls": { role: "input", width: 16, numberFormat: "@" },
  "Residual likelihood": { role: "input", width: 11 },
  "Residual impact": { role: "input", width: 9 },
  "Residual risk": { role: "formula", width: 9, numberFormat: "0" },
  "Residual level": { role: "formula", width: 10 },
  Owner: { role: "input", width: 16 },
  "Review date": { role: "input", width: 12, numberFormat: "yyyy-mm-dd" },
  Notes: { role: "input", width: 30, wrap: true },
};

export interface RiskRegisterLayout {
  sheet: SheetPlan;
  names: NamePlan[];
}

/** `annexIds` is the A1 range of the Annex A ID cells ("$A$5:$A$97"), for the control list. */
export function layoutRiskRegister(register: RegisterRows, annexIds: string): RiskRegisterLayout {
  const formulas = riskFormulas();
  const headers = withExtraColumns(RISK_COLUMNS, register.extraColumns);
  const columns: RegisterColumn[] = headers.map((h) => ({
    header: h,
    ...(COLUMNS[h] ?? { role: "input", width: 18, wrap: true }),
    formula: (formulas as Record<string, string>)[h],
  }));
  const intro: PlanCell[][] = [
    [
      {
        value:
          "One row per risk. Rate likelihood and impact (1–5) before and after treatment; link the Annex A controls that treat it (ids such as 5.15, 8.8 — separate several with commas). Levels use the bands on Settings.",
      },
    ],
  ];
  const layout = layoutRegister({
    name: SHEETS.risks,
    table: T,
    tabColor: "#C00000",
    title: "Risk Register",
    intro,
    columns,
    rows: register.rows,
    spareRows: RISK_SPARE_ROWS,
    tableStyle: "TableStyleLight14",
    headerRow: RISK_HEADER_ROW,
    freezeColumns: 2,
  });
  const { sheet, range, cell } = layout;
  for (const c of ["Likelihood", "Impact", "Residual likelihood", "Residual impact"]) {
    sheet.validations.push({
      range: range(c),
      rule: { kind: "whole", min: 1, max: 5 },
      prompt: {
        title: c,
        message: "A whole number from 1 (lowest) to 5 (highest); the scales are on Settings.",
      },
      error: { title: `${c} is 1–5`, message: "Enter a whole number from 1 to 5.", style: "stop" },
    });
  }
  sheet.validations.push(
    {
      range: range("Treatment"),
      rule: { kind: "list", source: TREATMENTS.join(",") },
      error: {
        title: "Treatment",
        message: `Choose one of: ${TREATMENTS.join(", ")}.`,
        style: "stop",
      },
    },
    {
      range: range("Annex A controls"),
      rule: { kind: "list", source: `=${CONTROL_IDS_NAME}` },
      prompt: {
        title: "Annex A controls",
        message:
          "Pick a control id; to link several, type them separated by commas (e.g. 5.15, 8.8) and confirm.",
      },
      error: {
        title: "Not a single control id",
        message:
          "Pick an Annex A control id. Several ids separated by commas are fine: choose Yes to keep them.",
        style: "warning",
      },
    },
    {
      range: range("Review date"),
      rule: { kind: "date" },
      error: {
        title: "Review date is a date",
        message: "Enter a date, e.g. 2026-06-30.",
        style: "stop",
      },
    }
  );
  // Unknown ids light up: every comma-separated part must be an Annex A id ("A." prefix allowed).
  const controls = cell("Annex A controls");
  const listed = `","&SUBSTITUTE(SUBSTITUTE(UPPER(${controls})," ",""),"A.","")&","`;
  const parts = `LEN(${controls})-LEN(SUBSTITUTE(${controls},",",""))+1`;
  sheet.conditionalFormats.push({
    kind: "expression",
    range: range("Annex A controls"),
    formula: `AND(LEN(TRIM(${controls}))>0,SUMPRODUCT(--ISNUMBER(SEARCH(","&${CONTROL_IDS_NAME}&",",${listed})))<>${parts})`,
    style: { fill: COLORS.problem.fill, fontColor: COLORS.problem.font },
  });
  const inherent = cell("Inherent risk");
  const residual = cell("Residual risk");
  sheet.conditionalFormats.push({
    kind: "expression",
    range: range("Residual risk"),
    formula: `AND(ISNUMBER(${inherent}),ISNUMBER(${residual}),${residual}>${inherent})`,
    style: { fill: COLORS.problem.fill, fontColor: COLORS.problem.font, bold: true },
  });
  const review = cell("Review date");
  sheet.conditionalFormats.push({
    kind: "expression",
    range: range("Review date"),
    formula: `AND(ISNUMBER(${review}),${review}<TODAY())`,
    style: { fill: COLORS.problem.fill, fontColor: COLORS.problem.font, bold: true },
  });
  for (const column of ["Inherent level", "Residual level"]) {
    for (const [value, colour] of Object.entries(COLORS.risk)) {
      sheet.conditionalFormats.push({
        kind: "expression",
        range: range(column),
        formula: `${cell(column)}="${value}"`,
        style: { fill: colour.fill, fontColor: colour.font, bold: value === "Critical" },
      });
    }
  }
  return {
    sheet,
    names: [{ name: CONTROL_IDS_NAME, refersTo: `='${SHEETS.annexA}'!${annexIds}` }],
  };
}

/** Summary rows: residual risks of the register by likelihood × impact; cell colours follow the bands. */
export function residualHeatMapRows(): PlanCell[][] {
  const rows: PlanCell[][] = [
    [
      {
        value:
          "Residual risk in the Risk Register, by likelihood × impact (risks rated after treatment)",
      },
    ],
    [{ value: "Residual likelihood ↓ / impact →" }, ...[1, 2, 3, 4, 5].map((i) => ({ value: i }))],
  ];
  for (const likelihood of [5, 4, 3, 2, 1]) {
    rows.push([
      { value: likelihood },
      ...[1, 2, 3, 4, 5].map((impact) => ({
        formula: `=COUNTIFS(${T}[Residual likelihood],${likelihood},${T}[Residual impact],${impact})`,
      })),
    ]);
  }
  rows.push([
    { value: "Risks in the register" },
    {
      formula: `=COUNTIFS(${T}[Asset or process],"<>")+COUNTIFS(${T}[Asset or process],"",${T}[Threat],"<>")`,
    },
  ]);
  return rows;
}
