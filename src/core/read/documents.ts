// The Documents sheet read back, and the reference model of its Required and missing formulas.
import { DOCUMENT_COLUMNS, DOCUMENT_FORMULA_COLUMNS } from "../contract";
import { isBlank } from "./locate";
import { sameText } from "../scoring";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { readRegister, type RegisterRows } from "./register";

/** Reference model of the formulas and of the Summary count. */
export function documentRequired(
  clause: CellValue,
  controlApplicable: (id: string) => "Yes" | "No" | null
): "Yes" | "No" {
  if (typeof clause !== "string" || !clause.toUpperCase().startsWith("A.")) return "Yes";
  return controlApplicable(clause.slice(2, 12)) === "No" ? "No" : "Yes";
}

/** Missing: listed, required, and not marked Yes or Partly. */
export function documentMissing(
  row: { Document?: CellValue; Exists?: CellValue },
  required: "Yes" | "No"
): boolean {
  if (isBlank(row.Document ?? null) || required !== "Yes") return false;
  return !sameText(row.Exists ?? null, "Yes") && !sameText(row.Exists ?? null, "Partly");
}

const SPEC = {
  columns: DOCUMENT_COLUMNS,
  required: ["ID", "Document", "Exists"],
  formulaColumns: DOCUMENT_FORMULA_COLUMNS,
} as const;

export function readDocuments(snapshot: SheetSnapshot | undefined): RegisterRows {
  return readRegister(snapshot, SPEC);
}
