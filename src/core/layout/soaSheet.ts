// The Statement of Applicability: one row per Annex A control. Applicability, implementation
// status, evidence and owner are live lookups into `Annex A` (so the SoA never drifts from the
// assessment); the reason type, the justification and the version / approval block are typed here.
import { CONTROLS, findControl, normalizeControlId } from "../../catalog";
import {
  SHEETS,
  SOA_APPROVAL_LABELS,
  SOA_COLUMNS,
  SOA_FORMULA_COLUMNS,
  SOA_REASON_TYPES,
  TABLES,
} from "../contract";
import type { RowInputs } from "../inputs";
import { isBlank } from "../read/locate";
import type { PlanCell, SheetPlan } from "./workbookPlan";

import { layoutRegister, thisRowRef, withExtraColumns, type RegisterColumn } from "./registerTable";
import { COLORS, HEADER, INPUT } from "./styles";

import { type SoaInputs, type ImplementationStatus } from "../read/soa";

const T = TABLES.soa;
const A = TABLES.annexA;
export const SOA_HEADER_ROW = 10;
/** First row of the approval block (labels in B, values in C). */
export const SOA_APPROVAL_ROW = 5;

/** The live formulas; `hasRemediation` adds "Planned" for a non-compliant control with an open plan action. */
function soaFormulas(
  hasRemediation: boolean
): Record<(typeof SOA_FORMULA_COLUMNS)[number], string> {
  const id = thisRowRef(T, "ID");
  const look = (column: string): string => `INDEX(${A}[${column}],MATCH(${id},${A}[ID],0))`;
  const status = look("Status");
  const P = TABLES.remediation;
  const planned = hasRemediation
    ? `IF(SUMPRODUCT((${P}[Source]="${SHEETS.annexA}")*(${P}[ID]=${id})*(${P}[Progress]<>"Done")*(${P}[Progress]<>"Resolved"))>0,"Planned","Not implemented")`
    : '"Not implemented"';
  return {
    Applicable: `=IFERROR(IF(OR(${look("Applicable")}="No",${status}="Not Applicable"),"No","Yes"),"")`,
    "Implementation status":
      `=IFERROR(IF(${thisRowRef(T, "Applicable")}="No","Excluded",IF(${status}="Compliant","Implemented",` +
      `IF(${status}="Partially Compliant","Partially implemented",IF(${status}="Non-Compliant",${planned},"")))),"")`,
    // &"" turns the 0 INDEX returns for an empty cell into an empty text.
    "Evidence or document reference": `=IFERROR(${look("Evidence")}&"","")`,
    Owner: `=IFERROR(${look("Owner")}&"","")`,
  };
}

export interface SoaLayoutInput {
  soa: SoaInputs;
  /** What people typed on Annex A (ids of rows they added, justifications to start from). */
  annexA: Map<string, RowInputs>;
  hasRemediation: boolean;
}

const COLUMNS: Record<string, Omit<RegisterColumn, "header" | "formula">> = {
  ID: { role: "fixed", width: 8 },
  Theme: { role: "fixed", width: 14 },
  Control: { role: "fixed", width: 36, wrap: true },
  Applicable: { role: "formula", width: 11 },
  "Reason type": { role: "input", width: 18 },
  Justification: { role: "input", width: 44, wrap: true },
  "Implementation status": { role: "formula", width: 19 },
  "Evidence or document reference": {
    role: "formula",
    width: 36,
    style: { hAlign: "left", wrap: true },
  },
  Owner: { role: "formula", width: 16, style: { hAlign: "left" } },
};

export function layoutSoaSheet({ soa, annexA, hasRemediation }: SoaLayoutInput): SheetPlan {
  const formulas = soaFormulas(hasRemediation);
  const headers = withExtraColumns(SOA_COLUMNS, soa.extraColumns);
  const columns: RegisterColumn[] = headers.map((h) => ({
    header: h,
    ...(COLUMNS[h] ?? { role: "input", width: 18, wrap: true }),
    formula: (formulas as Record<string, string>)[h],
  }));

  // Catalog controls first, then controls people added on Annex A, then rows only the SoA has.
  const typed = new Map<string, RowInputs>();
  const loose: RowInputs[] = [];
  for (const row of soa.rows) {
    const raw = row.ID;
    const id = isBlank(raw ?? null) ? "" : (normalizeControlId(raw) ?? String(raw).trim());
    if (!id || typed.has(id)) loose.push(row);
    else typed.set(id, row);
  }
  const ids = [...CONTROLS.map((c) => c.id)];
  for (const id of [...annexA.keys(), ...typed.keys()]) if (!ids.includes(id)) ids.push(id);
  const rows: RowInputs[] = ids.map((id) => {
    const control = findControl(id);
    const mine = typed.get(id) ?? {};
    const assessed = annexA.get(id) ?? {};
    const row: RowInputs = { ...mine, ID: id };
    if (control) {
      row.Theme = control.theme;
      row.Control = control.title;
    } else {
      row.Theme = mine.Theme ?? assessed.Theme ?? null;
      row.Control = mine.Control ?? assessed.Title ?? null;
    }
    // A justification typed on Annex A starts the SoA's; after that the SoA keeps its own.
    if (isBlank(row.Justification ?? null) && !isBlank(assessed.Justification ?? null))
      row.Justification = assessed.Justification;
    return row;
  });
  rows.push(...loose);

  const intro: PlanCell[][] = [
    [{ formula: '="Organisation: "&Org_Name&"   ·   Scope: "&Assessment_Scope' }],
    [
      {
        value:
          "Applicable, Implementation status, Evidence and Owner follow the Annex A sheet (the status stays empty until the control is assessed). Give every control a reason type and a justification, and fill the approval block.",
      },
    ],
  ];
  const layout = layoutRegister({
    name: SHEETS.soa,
    table: T,
    tabColor: "#375623",
    title: "Statement of Applicability — ISO/IEC 27001:2022 Annex A",
    intro,
    columns,
    rows,
    spareRows: 0,
    tableStyle: "TableStyleLight11",
    headerRow: SOA_HEADER_ROW,
  });
  const { sheet, range, cell } = layout;

  // Version and approval block: labels in B, values in C (dates as dates).
  const block: PlanCell[][] = SOA_APPROVAL_LABELS.map((label) => [
    { value: label },
    { value: soa.approval[label] ?? null },
  ]);
  sheet.blocks.push({ at: `B${SOA_APPROVAL_ROW}`, cells: block });
  const firstApproval = SOA_APPROVAL_ROW;
  const lastApproval = SOA_APPROVAL_ROW + SOA_APPROVAL_LABELS.length - 1;
  const dateRow = SOA_APPROVAL_ROW + SOA_APPROVAL_LABELS.indexOf("Approval date");
  sheet.formats.push(
    { range: `B${firstApproval}:B${lastApproval}`, style: { ...HEADER, wrap: false } },
    {
      range: `C${firstApproval}:C${lastApproval}`,
      style: { ...INPUT, wrap: false, hAlign: "left" },
    },
    { range: `C${dateRow}`, numberFormat: "yyyy-mm-dd" }
  );
  sheet.validations.push(
    {
      range: `C${dateRow}`,
      rule: { kind: "date" },
      error: { title: "Approval date", message: "Enter a date, e.g. 2026-03-31.", style: "stop" },
    },
    {
      range: range("Reason type"),
      rule: { kind: "list", source: SOA_REASON_TYPES.join(",") },
      prompt: {
        title: "Reason type",
        message:
          "Why the control is in or out: Legal, Contractual, Business requirement, Risk assessment or Not relevant.",
      },
      error: {
        title: "Reason type",
        message: `Choose one of: ${SOA_REASON_TYPES.join(", ")}.`,
        style: "stop",
      },
    }
  );

  const applicable = cell("Applicable");
  const status = cell("Implementation status");
  sheet.conditionalFormats.push(
    {
      kind: "expression",
      range: range("Justification"),
      formula: `AND(${applicable}="No",LEN(TRIM(${cell("Justification")}))=0)`,
      style: { fill: COLORS.problem.fill },
    },
    {
      kind: "expression",
      range: range("Reason type"),
      formula: `AND(${applicable}="No",LEN(TRIM(${cell("Reason type")}))=0)`,
      style: { fill: COLORS.partial.fill },
    },
    {
      kind: "expression",
      range: range("Applicable"),
      formula: `${applicable}="No"`,
      style: { fill: COLORS.notApplicable.fill, fontColor: COLORS.notApplicable.font },
    }
  );
  const colours: [ImplementationStatus, { fill: string; font: string }][] = [
    ["Implemented", COLORS.compliant],
    ["Partially implemented", COLORS.partial],
    ["Planned", { fill: "#DDEBF7", font: "#1F4E78" }],
    ["Not implemented", COLORS.nonCompliant],
    ["Excluded", COLORS.notApplicable],
  ];
  for (const [value, colour] of colours) {
    sheet.conditionalFormats.push({
      kind: "expression",
      range: range("Implementation status"),
      formula: `${status}="${value}"`,
      style: { fill: colour.fill, fontColor: colour.font },
    });
  }
  return sheet;
}
