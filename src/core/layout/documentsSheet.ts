// The Documents sheet: the documented information an ISMS keeps (from the catalog), whether each
// exists, where it lives, who owns it, when it was last reviewed and — by formula — when it is due
// next (yearly unless a row says otherwise). Items for an excluded Annex A control are not required.
import { DOCUMENTS, findClause, type MandatoryDocument } from "../../catalog";
import {
  DOCUMENT_COLUMNS,
  DOCUMENT_EXISTS_VALUES,
  DOCUMENT_FORMULA_COLUMNS,
  SHEETS,
  TABLES,
} from "../contract";
import type { RowInputs } from "../inputs";

import type { PlanCell, SheetPlan } from "./workbookPlan";

import { layoutRegister, thisRowRef, withExtraColumns, type RegisterColumn } from "./registerTable";
import { COLORS } from "./styles";
import { type RegisterRows } from "../read/register";

const T = TABLES.documents;
export const DOCUMENTS_HEADER_ROW = 4;
/** Blank rows at the end of the table for documents of your own. */
export const DOCUMENT_SPARE_ROWS = 10;
const DEFAULT_REVIEW_MONTHS = 12;

/** The catalog lists the items clauses 4-10 require, then those Annex A controls commonly need:
 *  the Annex A part starts where the clause order starts again (10.2 → 5.1). */
function annexStart(): number {
  const key = (id: string): number[] => id.split(".").map(Number);
  for (let i = 1; i < DOCUMENTS.length; i++) {
    const [a, b] = [key(DOCUMENTS[i - 1].clause), key(DOCUMENTS[i].clause)];
    const before = a[0] > b[0] || (a[0] === b[0] && (a[1] ?? 0) > (b[1] ?? 0));
    if (before || !findClause(DOCUMENTS[i].clause)) return i;
  }
  return DOCUMENTS.length;
}
const ANNEX_START = annexStart();

/** "4.3" for a clause item, "A.5.9" for an item an Annex A control needs. */
export function documentClause(doc: MandatoryDocument): string {
  return DOCUMENTS.indexOf(doc) >= ANNEX_START ? `A.${doc.clause}` : doc.clause;
}

function documentFormulas(): Record<(typeof DOCUMENT_FORMULA_COLUMNS)[number], string> {
  const t = (c: string): string => thisRowRef(T, c);
  const months = `IF(ISNUMBER(${t("Months between reviews")}),${t("Months between reviews")},${DEFAULT_REVIEW_MONTHS})`;
  return {
    // An item tied to an Annex A control is needed only while the SoA has the control applicable.
    Required:
      `=IF(LEN(${t("Document")})=0,"",IF(LEFT(${t("Clause")},2)="A.",` +
      `IFERROR(IF(INDEX(${TABLES.soa}[Applicable],MATCH(MID(${t("Clause")},3,10),${TABLES.soa}[ID],0))="No","No","Yes"),"Yes"),"Yes"))`,
    "Next review": `=IF(ISNUMBER(${t("Last review")}),EDATE(${t("Last review")},${months}),"")`,
  };
}

const COLUMNS: Record<string, Omit<RegisterColumn, "header" | "formula">> = {
  ID: { role: "fixed", width: 24 },
  Document: { role: "fixed", width: 40, wrap: true },
  Kind: { role: "fixed", width: 10 },
  Clause: { role: "fixed", width: 8 },
  Required: { role: "formula", width: 10 },
  Exists: { role: "input", width: 9 },
  "Location or link": { role: "input", width: 36, wrap: true },
  Owner: { role: "input", width: 16 },
  "Last review": { role: "input", width: 12, numberFormat: "yyyy-mm-dd" },
  "Months between reviews": { role: "input", width: 13, numberFormat: "0" },
  "Next review": { role: "formula", width: 12, numberFormat: "yyyy-mm-dd" },
  Notes: { role: "input", width: 30, wrap: true },
};

/** Catalog rows (typed values kept by ID) first, then rows people added, then spare rows. */
export function layoutDocumentsSheet(documents: RegisterRows): SheetPlan {
  const formulas = documentFormulas();
  const headers = withExtraColumns(DOCUMENT_COLUMNS, documents.extraColumns);
  const catalogIds = new Set(DOCUMENTS.map((d) => d.id));
  // A catalog row's own columns come from the catalog; rows people added keep all they typed.
  const columns: RegisterColumn[] = headers.map((h) => {
    const base = COLUMNS[h] ?? { role: "input" as const, width: 18, wrap: true };
    return { header: h, ...base, formula: (formulas as Record<string, string>)[h] };
  });
  const typed = new Map<string, RowInputs>();
  const own: RowInputs[] = [];
  for (const row of documents.rows) {
    const id = typeof row.ID === "string" ? row.ID.trim() : "";
    if (catalogIds.has(id) && !typed.has(id)) typed.set(id, row);
    else own.push(row);
  }
  const rows: RowInputs[] = DOCUMENTS.map((doc) => {
    const mine = typed.get(doc.id) ?? {};
    return {
      ...mine,
      ID: doc.id,
      Document: doc.title,
      Kind: doc.kind,
      Clause: documentClause(doc),
      "Months between reviews":
        mine["Months between reviews"] === undefined
          ? DEFAULT_REVIEW_MONTHS
          : mine["Months between reviews"],
    };
  });
  for (const row of own) rows.push(row); // a loop: spreading a long list overflows the stack

  const intro: PlanCell[][] = [
    [
      {
        value:
          "Mark each item Yes, Partly or No and say where it lives. Next review is the last review plus the months in its row (12 unless you change it). Add your own documents in the empty rows.",
      },
    ],
  ];
  const layout = layoutRegister({
    name: SHEETS.documents,
    table: T,
    tabColor: "#806000",
    title: "Documents and records",
    intro,
    columns,
    rows,
    spareRows: DOCUMENT_SPARE_ROWS,
    tableStyle: "TableStyleLight12",
    headerRow: DOCUMENTS_HEADER_ROW,
    freezeColumns: 2,
  });
  const { sheet, range, cell } = layout;
  // Rows people add need their own ID, Document, Kind and Clause: those columns open below the catalog.
  const firstOwn = layout.first + DOCUMENTS.length;
  if (firstOwn <= layout.last) {
    for (const h of ["ID", "Document", "Kind", "Clause"]) {
      const letter = range(h).replace(/\d+:.*$/, "");
      sheet.formats.push({
        range: `${letter}${firstOwn}:${letter}${layout.last}`,
        style: { locked: false, fill: "#FFFFFF" },
      });
    }
  }
  sheet.validations.push(
    {
      range: range("Exists"),
      rule: { kind: "list", source: DOCUMENT_EXISTS_VALUES.join(",") },
      error: { title: "Exists", message: "Yes, Partly or No.", style: "stop" },
    },
    {
      range: range("Last review"),
      rule: { kind: "date" },
      error: {
        title: "Last review is a date",
        message: "Enter a date, e.g. 2026-01-31.",
        style: "stop",
      },
    },
    {
      range: range("Months between reviews"),
      rule: { kind: "whole", min: 1, max: 120 },
      error: {
        title: "Months between reviews",
        message: "A whole number of months, 1 to 120 (12 = yearly).",
        style: "stop",
      },
    },
    {
      range: range("Kind"),
      rule: { kind: "list", source: "Document,Record" },
      error: { title: "Kind", message: "Document or Record.", style: "stop" },
    }
  );
  const exists = cell("Exists");
  const required = cell("Required");
  const next = cell("Next review");
  sheet.conditionalFormats.push(
    {
      kind: "expression",
      range: range("Exists"),
      formula: `AND(${required}="Yes",LEN(${cell("Document")})>0,${exists}="No")`,
      style: { fill: COLORS.nonCompliant.fill, fontColor: COLORS.nonCompliant.font },
    },
    {
      kind: "expression",
      range: range("Exists"),
      formula: `AND(${required}="Yes",LEN(${cell("Document")})>0,LEN(TRIM(${exists}))=0)`,
      style: { fill: COLORS.partial.fill },
    },
    {
      kind: "expression",
      range: range("Exists"),
      formula: `${exists}="Partly"`,
      style: { fill: COLORS.partial.fill, fontColor: COLORS.partial.font },
    },
    {
      kind: "expression",
      range: range("Exists"),
      formula: `${exists}="Yes"`,
      style: { fill: COLORS.compliant.fill, fontColor: COLORS.compliant.font },
    },
    {
      kind: "expression",
      range: range("Required"),
      formula: `${required}="No"`,
      style: { fill: COLORS.notApplicable.fill, fontColor: COLORS.notApplicable.font },
    },
    {
      kind: "expression",
      range: range("Next review"),
      formula: `AND(ISNUMBER(${next}),${next}<TODAY())`,
      style: { fill: COLORS.problem.fill, fontColor: COLORS.problem.font, bold: true },
    },
    {
      kind: "expression",
      range: range("Last review"),
      formula: `AND(OR(${exists}="Yes",${exists}="Partly"),LEN(${cell("Last review")})=0)`,
      style: { fill: COLORS.partial.fill },
    }
  );
  return sheet;
}

/** Summary rows: how many documents exist, partly exist, or are missing (by live COUNTIFS). */
export function documentSummaryRows(): PlanCell[][] {
  const listed = `${T}[Document],"<>",${T}[Required],"Yes"`;
  return [
    [{ value: "Documents and records" }],
    [{ value: "Measure" }, { value: "Documents" }],
    [{ value: "Documents required" }, { formula: `=COUNTIFS(${listed})` }],
    [{ value: "Exist" }, { formula: `=COUNTIFS(${listed},${T}[Exists],"Yes")` }],
    [{ value: "Partly exist" }, { formula: `=COUNTIFS(${listed},${T}[Exists],"Partly")` }],
    [
      { value: "Missing documents (No or not answered)" },
      { formula: `=COUNTIFS(${listed},${T}[Exists],"<>Yes",${T}[Exists],"<>Partly")` },
    ],
    [
      { value: "Review overdue" },
      { formula: `=COUNTIFS(${listed},${T}[Next review],"<"&TODAY())` },
    ],
  ];
}
/** Offset of the missing-documents row within documentSummaryRows (named Documents_Missing). */
export const MISSING_DOCUMENTS_ROW = 5;
