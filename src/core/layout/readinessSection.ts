// Certification readiness on the Summary: Stage 1 and Stage 2 verdicts with their blocker
// counts, as live formulas. core/readiness.ts names the same blockers one by one for validate.
import { SHEETS, TABLES } from "../contract";
import type { ConditionalFormatPlan, NamePlan, PlanCell, RangeFormat } from "./workbookPlan";
import { STAGE2_RECORDS } from "../readiness";
import { COLORS, FORMULA, HEADER, SECTION } from "./styles";

const D = TABLES.documents;
const C = TABLES.clauses;
const A = TABLES.annexA;

const listed = `${D}[Document],"<>",${D}[Required],"Yes"`;
const notStage2 = STAGE2_RECORDS.map((id) => `${D}[ID],"<>${id}"`).join(",");
const openGaps = (level: string): string =>
  [C, A].map((t) => `COUNTIFS(${t}[Risk level],"${level}",${t}[Gap score],">0")`).join("+");

/** Blocker lines: label, stage, formula counting that blocker. */
const BLOCKERS: { label: string; stage: 1 | 2; formula: string }[] = [
  {
    label: "Mandatory documents that do not exist",
    stage: 1,
    formula: `=COUNTIFS(${listed},${D}[Exists],"<>Yes",${notStage2})`,
  },
  {
    label: "Existing documents without a review date",
    stage: 1,
    formula: `=COUNTIFS(${listed},${D}[Exists],"Yes",${D}[Last review],"",${notStage2})`,
  },
  {
    label: "Clauses not assessed",
    stage: 1,
    formula: `=ROWS(${C}[ID])-COUNTIF(${C}[Status],"Compliant")-COUNTIF(${C}[Status],"Partially Compliant")-COUNTIF(${C}[Status],"Non-Compliant")`,
  },
  { label: "Clauses Non-Compliant", stage: 1, formula: `=COUNTIF(${C}[Status],"Non-Compliant")` },
  {
    label: "SoA exclusions without a justification",
    stage: 1,
    formula: `=COUNTIFS(${A}[Applicable],"No",${A}[Justification],"")+COUNTIFS(${A}[Applicable],"<>No",${A}[Status],"Not Applicable",${A}[Justification],"")`,
  },
  {
    label: "Applicable controls not assessed (SoA incomplete)",
    stage: 1,
    formula: `=COUNTIFS(${A}[Applicable],"<>No",${A}[Status],"Not Assessed")+COUNTIFS(${A}[Applicable],"<>No",${A}[Status],"")`,
  },
  {
    label: "Internal audit or management review not recorded",
    stage: 2,
    formula: `=${STAGE2_RECORDS.map((id) => `COUNTIFS(${D}[ID],"${id}",${listed},${D}[Exists],"<>Yes")`).join("+")}`,
  },
  {
    label: "Open Critical or High gaps",
    stage: 2,
    formula: `=${openGaps("Critical")}+${openGaps("High")}`,
  },
];

const READINESS_NAMES = {
  stage1: "Readiness_Stage1_Blockers",
  stage2: "Readiness_Stage2_Blockers",
} as const;

export interface ReadinessSection {
  rows: PlanCell[][];
  formats: RangeFormat[];
  conditionalFormats: ConditionalFormatPlan[];
  names: NamePlan[];
}

/** The section starting on Summary row `firstRow`. */
export function readinessSection(firstRow: number): ReadinessSection {
  const header = firstRow + 1;
  const stage1 = header + 1;
  const stage2 = header + 2;
  const linesHeader = header + 4;
  const first = linesHeader + 1;
  const sum = (stage: 1 | 2): string =>
    BLOCKERS.map((b, i) => (b.stage <= stage ? `C${first + i}` : null))
      .filter(Boolean)
      .join("+");
  const rows: PlanCell[][] = [
    [{ value: "Certification readiness" }],
    [{ value: "Audit" }, { value: "Verdict" }, { value: "Blockers" }],
    [
      { value: "Stage 1 (documentation review)" },
      { formula: `=IF(C${stage1}=0,"Ready","Not ready")` },
      { formula: `=${sum(1)}` },
    ],
    [
      { value: "Stage 2 (certification audit)" },
      { formula: `=IF(C${stage2}=0,"Ready","Not ready")` },
      { formula: `=${sum(2)}` },
    ],
    [],
    [{ value: "Blocker" }, { value: "Stage" }, { value: "Count" }],
    ...BLOCKERS.map((b): PlanCell[] => [
      { value: b.label },
      { value: b.stage === 1 ? "Stage 1 and 2" : "Stage 2" },
      { formula: b.formula },
    ]),
  ];
  const last = first + BLOCKERS.length - 1;
  const verdicts = `B${stage1}:B${stage2}`;
  return {
    rows,
    formats: [
      { range: `A${firstRow}`, style: SECTION },
      { range: `A${header}:C${header}`, style: HEADER },
      { range: `A${linesHeader}:C${linesHeader}`, style: HEADER },
      { range: `B${stage1}:C${stage2}`, style: { ...FORMULA, bold: true } },
      { range: `C${first}:C${last}`, style: FORMULA },
    ],
    conditionalFormats: [
      {
        kind: "expression",
        range: verdicts,
        formula: `B${stage1}="Ready"`,
        style: { fill: COLORS.compliant.fill, fontColor: COLORS.compliant.font, bold: true },
      },
      {
        kind: "expression",
        range: verdicts,
        formula: `B${stage1}="Not ready"`,
        style: { fill: COLORS.nonCompliant.fill, fontColor: COLORS.nonCompliant.font, bold: true },
      },
      {
        kind: "expression",
        range: `C${first}:C${last}`,
        formula: `C${first}>0`,
        style: { fontColor: COLORS.nonCompliant.font, bold: true },
      },
    ],
    names: [
      {
        name: READINESS_NAMES.stage1,
        refersTo: `='${SHEETS.summary}'!$C$${stage1}`,
        comment: "Stage 1 blockers; 0 = ready",
      },
      {
        name: READINESS_NAMES.stage2,
        refersTo: `='${SHEETS.summary}'!$C$${stage2}`,
        comment: "Stage 2 blockers; 0 = ready",
      },
    ],
  };
}
