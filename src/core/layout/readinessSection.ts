// Certification readiness on the Summary: Stage 1 and Stage 2 verdicts with their blocker
// counts, as live formulas. core/readiness.ts is the model (its header states the rules) and names
// the same blockers one by one: each line here counts exactly what it lists under one kind.
import { SHEETS, TABLES } from "../contract";
import type { ConditionalFormatPlan, NamePlan, PlanCell, RangeFormat } from "./workbookPlan";
import { BLOCKER_KINDS, STAGE2_CLAUSES, type BlockerKind } from "../readiness";
import { COLORS, FORMULA, HEADER, SECTION, SUBTITLE } from "./styles";
import { SOA_HEADER_ROW } from "./soaSheet";
import { SOA_APPROVAL_REQUIRED } from "../read/soa";

const D = TABLES.documents;
const C = TABLES.clauses;
const A = TABLES.annexA;

/** One blocker kind: how many block Stage 1, and how many block Stage 2 (all of them). */
interface Line {
  stage1: PlanCell;
  stage2: PlanCell;
}

const listed = `${D}[Document],"<>",${D}[Required],"Yes"`;
const clauseRows = `${C}[ID],"<>"`;
const controlRows = `${A}[ID],"<>"`;

/** COUNTIFS over `criteria`; rows whose `idColumn` starts 9.2 or 9.3 block Stage 2 only. */
function byClause(idColumn: string, criteria: string): Line {
  const all = `COUNTIFS(${criteria})`;
  const later = STAGE2_CLAUSES.map((p) => `COUNTIFS(${idColumn},"${p}*",${criteria})`).join("+");
  return { stage1: { formula: `=${all}-(${later})` }, stage2: { formula: `=${all}` } };
}
const bothStages = (count: string): Line => ({
  stage1: { formula: `=${count}` },
  stage2: { formula: `=${count}` },
});
const stage2Only = (count: string): Line => ({
  stage1: { value: 0 },
  stage2: { formula: `=${count}` },
});
const openGaps = (level: string): string =>
  `COUNTIFS(${controlRows},${A}[Applicable],"<>No",${A}[Status],"Non-Compliant",${A}[Risk level],"${level}")`;

/** The formulas per kind (mirroring core/readiness.ts rule by rule). */
const LINES: Record<BlockerKind, Line> = {
  "document-missing": byClause(
    `${D}[Clause]`,
    `${listed},${D}[Exists],"<>Yes",${D}[Exists],"<>Partly"`
  ),
  "document-partial": byClause(`${D}[Clause]`, `${listed},${D}[Exists],"Partly"`),
  "document-unreviewed": byClause(
    `${D}[Clause]`,
    `${listed},${D}[Exists],"Yes",${D}[Last review],""`
  ),
  "document-review-overdue": byClause(
    `${D}[Clause]`,
    `${listed},${D}[Exists],"Yes",${D}[Next review],"<"&TODAY()`
  ),
  "clause-not-applicable": byClause(`${C}[ID]`, `${clauseRows},${C}[Status],"Not Applicable"`),
  "clause-not-assessed": byClause(
    `${C}[ID]`,
    `${clauseRows},${["Compliant", "Partially Compliant", "Non-Compliant", "Not Applicable"]
      .map((s) => `${C}[Status],"<>${s}"`)
      .join(",")}`
  ),
  "clause-non-compliant": byClause(`${C}[ID]`, `${clauseRows},${C}[Status],"Non-Compliant"`),
  "exclusion-unjustified": bothStages(
    `COUNTIFS(${controlRows},${A}[Applicable],"No",${A}[Justification],"")+COUNTIFS(${controlRows},${A}[Applicable],"<>No",${A}[Status],"Not Applicable",${A}[Justification],"")`
  ),
  "soa-unapproved": bothStages(
    `IF(OR(${SOA_APPROVAL_REQUIRED.map(
      (label) =>
        `LEN(TRIM(IFERROR(VLOOKUP("${label}",'${SHEETS.soa}'!$B$1:$C$${SOA_HEADER_ROW - 1},2,FALSE)&"","")))=0`
    ).join(",")}),1,0)`
  ),
  "control-not-assessed": bothStages(
    `COUNTIFS(${controlRows},${A}[Applicable],"<>No",${A}[Status],"Not Assessed")+COUNTIFS(${controlRows},${A}[Applicable],"<>No",${A}[Status],"")`
  ),
  "open-high-gap": stage2Only(`${openGaps("Critical")}+${openGaps("High")}`),
};

/** Under the lines: what the two columns mean, in one short line. */
const READINESS_NOTE =
  "Stage 1 blockers block Stage 2 too. Internal audit and management review (9.2, 9.3) are needed by Stage 2.";

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
  const last = first + BLOCKER_KINDS.length - 1;
  const rows: PlanCell[][] = [
    [{ value: "Certification readiness" }],
    [{ value: "Audit" }, { value: "Verdict" }, { value: "Blockers" }],
    [
      { value: "Stage 1 (documentation review)" },
      { formula: `=IF(C${stage1}=0,"Ready","Not ready")` },
      { formula: `=SUM(B${first}:B${last})` },
    ],
    [
      { value: "Stage 2 (certification audit)" },
      { formula: `=IF(C${stage2}=0,"Ready","Not ready")` },
      { formula: `=SUM(C${first}:C${last})` },
    ],
    [],
    [{ value: "Blocker" }, { value: "Stage 1" }, { value: "Stage 2" }],
    ...BLOCKER_KINDS.map((k): PlanCell[] => [
      { value: k.label },
      LINES[k.kind].stage1,
      LINES[k.kind].stage2,
    ]),
    [{ value: READINESS_NOTE }],
  ];
  const verdicts = `B${stage1}:B${stage2}`;
  return {
    rows,
    formats: [
      { range: `A${firstRow}`, style: SECTION },
      { range: `A${header}:C${header}`, style: HEADER },
      { range: `A${linesHeader}:C${linesHeader}`, style: HEADER },
      { range: `B${stage1}:C${stage2}`, style: { ...FORMULA, bold: true } },
      { range: `B${first}:C${last}`, style: FORMULA },
      { range: `A${last + 1}`, style: SUBTITLE },
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
        range: `B${first}:C${last}`,
        formula: `B${first}>0`,
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
