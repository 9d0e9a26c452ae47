// The Statement of Applicability: one row per Annex A control. Applicability, justification,
// implementation status, evidence and owner are live lookups into `Annex A` (each fact is typed
// once, there, so the SoA never drifts from the assessment); the inclusion reasons (one Yes column
// per reason) and the version / approval block are typed here. "Treats risks" lists the Risk
// Register ids whose "Annex A controls" name the control: computed when the workbook is built
// (a list of ids needs TEXTJOIN over an array, which older Excel and LibreOffice files do not
// evaluate as a plain formula), so it follows the register on the next build.
import { CONTROLS, findControl, normalizeControlId } from "../../catalog";
import {
  SHEETS,
  SOA_APPROVAL_LABELS,
  SOA_COLUMNS,
  SOA_FORMULA_COLUMNS,
  SOA_KEPT_JUSTIFICATION,
  SOA_LEGACY_REASON_COLUMN,
  SOA_REASON_COLUMNS,
  SOA_TREATS_RISKS,
  TABLES,
} from "../contract";
import type { RowInputs } from "../inputs";
import type { CellValue } from "../snapshot";
import { isBlank } from "../read/locate";
import type { PlanCell, SheetPlan } from "./workbookPlan";

import { layoutRegister, thisRowRef, withExtraColumns, type RegisterColumn } from "./registerTable";
import { COLORS, HEADER, INPUT } from "./styles";

import {
  migrateReasonType,
  risksByControl,
  type SoaInputs,
  type ImplementationStatus,
} from "../read/soa";

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
    // Typed once, on Annex A; &"" shows an empty cell as empty text, not 0.
    Justification: `=IFERROR(${look("Justification")}&"","")`,
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
  /** Risk Register rows as typed: their "Annex A controls" fill "Treats risks". */
  risks?: readonly RowInputs[];
}

const reasonColumn: Omit<RegisterColumn, "header" | "formula"> = {
  role: "input",
  width: 12,
  style: { hAlign: "center" },
};

const COLUMNS: Record<string, Omit<RegisterColumn, "header" | "formula">> = {
  ID: { role: "fixed", width: 8 },
  Theme: { role: "fixed", width: 14 },
  Control: { role: "fixed", width: 36, wrap: true },
  Applicable: { role: "formula", width: 11 },
  ...Object.fromEntries(SOA_REASON_COLUMNS.map((c) => [c, reasonColumn])),
  Justification: { role: "formula", width: 44, wrap: true, style: { hAlign: "left", wrap: true } },
  "Implementation status": { role: "formula", width: 19 },
  [SOA_TREATS_RISKS]: { role: "fixed", width: 16, wrap: true },
  "Evidence or document reference": {
    role: "formula",
    width: 36,
    style: { hAlign: "left", wrap: true },
  },
  Owner: { role: "formula", width: 16, style: { hAlign: "left" } },
};

export function layoutSoaSheet({
  soa,
  annexA,
  hasRemediation,
  risks = [],
}: SoaLayoutInput): SheetPlan {
  const formulas = soaFormulas(hasRemediation);
  // An earlier single "Reason type" moves into the matching Yes column; the old column stays only
  // while some value fits none (e.g. "Not relevant"), so nothing typed is lost.
  const migrated = migrateReasonType(soa.rows);
  const extra = soa.extraColumns.filter(
    (c) => migrated.keepLegacy || c.trim().toLowerCase() !== SOA_LEGACY_REASON_COLUMN.toLowerCase()
  );
  if (migrated.keepLegacy) extra.push(SOA_LEGACY_REASON_COLUMN);
  // A justification typed on an earlier SoA that Annex A does not show (no id to carry it to, or
  // Annex A says something else) stays in a column of its own: nothing typed is lost.
  const kept = (row: RowInputs, id: string): CellValue => {
    const typed = row.Justification ?? null;
    if (isBlank(typed)) return null;
    const shown = id ? (annexA.get(id)?.Justification ?? null) : null;
    return String(typed).trim() === String(shown ?? "").trim() ? null : typed;
  };
  const rowId = (row: RowInputs): string => {
    const raw = row.ID ?? null;
    return isBlank(raw) ? "" : (normalizeControlId(String(raw)) ?? String(raw).trim());
  };
  if (migrated.rows.some((row) => !isBlank(kept(row, rowId(row)))))
    extra.push(SOA_KEPT_JUSTIFICATION);
  const headers = withExtraColumns(SOA_COLUMNS, extra);
  const treats = risksByControl(risks);
  const columns: RegisterColumn[] = headers.map((h) => ({
    header: h,
    ...(COLUMNS[h] ?? { role: "input", width: 18, wrap: true }),
    formula: (formulas as Record<string, string>)[h],
  }));

  // Catalog controls first, then controls people added on Annex A, then rows only the SoA has.
  const typed = new Map<string, RowInputs>();
  const loose: RowInputs[] = [];
  for (const original of migrated.rows) {
    const id = rowId(original);
    const row: RowInputs = { ...original };
    const earlier = kept(original, id);
    if (!isBlank(earlier)) row[SOA_KEPT_JUSTIFICATION] = earlier;
    delete row.Justification;
    if (!id || typed.has(id)) loose.push(row);
    else typed.set(id, row);
  }
  // A Set, not includes(): 50,000 rows added to Annex A made this quadratic.
  const ids = new Set(CONTROLS.map((c) => c.id));
  for (const id of [...annexA.keys(), ...typed.keys()]) ids.add(id);
  const rows: RowInputs[] = [...ids].map((id) => {
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
    row[SOA_TREATS_RISKS] = treats.get(id)?.join(", ") ?? null;
    return row;
  });
  for (const row of loose) rows.push(row); // a loop: spreading a long list overflows the stack

  const intro: PlanCell[][] = [
    [{ formula: '="Organisation: "&Org_Name&"   ·   Scope: "&Assessment_Scope' }],
    [
      {
        value:
          "Applicable, Justification, Implementation status, Evidence and Owner follow the Annex A sheet (type the justification there; the status stays empty until the control is assessed). Mark each reason to include a control with Yes, and fill the approval block: the SoA blocks Stage 1 until it is approved. Treats risks lists the Risk Register ids that name the control, as of the last build.",
      },
    ],
  ];
  const layout = layoutRegister({
    printTitlesThrough: "Control",
    // What the lookups into Annex A will show, so rows are tall enough for it on paper.
    shownText: (row, header) => {
      const assessed = annexA.get(String(row.ID ?? ""));
      if (header === "Evidence or document reference") return assessed?.Evidence;
      if (header === "Justification") return assessed?.Justification;
      return undefined;
    },
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
    ...SOA_REASON_COLUMNS.map((reason) => ({
      range: range(reason),
      rule: { kind: "list" as const, source: "Yes" },
      prompt: {
        title: reason,
        message: `Yes when "${reason.toLowerCase()}" is a reason to include the control; blank otherwise.`,
      },
      error: {
        title: reason,
        message: "Enter Yes, or leave the cell blank.",
        style: "stop" as const,
      },
    }))
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
      // An included control with no reason marked: the reason cells show amber.
      kind: "expression",
      range: `${range(SOA_REASON_COLUMNS[0]).split(":")[0]}:${range(SOA_REASON_COLUMNS[SOA_REASON_COLUMNS.length - 1]).split(":")[1]}`,
      formula: `AND(${applicable}="Yes",${SOA_REASON_COLUMNS.map((c) => `LEN(TRIM(${cell(c)}))=0`).join(",")})`,
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
