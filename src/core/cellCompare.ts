// How a reconcile compares what a cell holds with what the plan wants: constants by value
// (numbers to 1e-9 relative), formulas by a key that ignores case, spaces, sheet quotes and
// this-row spellings. Shared by the file reconcile and the package patch.
import { splitFormulaLiterals } from "./formulaText";
import type { CellValue } from "./snapshot";

export function sameValue(planned: CellValue | undefined, actual: CellValue): boolean {
  const p = planned === undefined || planned === "" ? null : planned;
  const a = actual === "" ? null : actual;
  if (p === null) return a === null;
  if (typeof p === "number")
    return typeof a === "number" && Math.abs(a - p) <= 1e-9 * Math.max(1, Math.abs(p));
  return a === p;
}

/** Keys by host table, then formula: no key string is built per lookup (formulas run long). */
const formulaKeys = new Map<string, Map<string, string>>();
let cachedKeys = 0;

/** Comparison key of a formula: case, spaces, sheet quotes and this-row spellings ignored. */
export function formulaKey(formula: string, hostTable?: string): string {
  let byFormula = formulaKeys.get(hostTable ?? "");
  if (!byFormula) formulaKeys.set(hostTable ?? "", (byFormula = new Map()));
  const cached = byFormula.get(formula);
  if (cached !== undefined) return cached;
  const key = computeFormulaKey(formula, hostTable);
  // Formulas repeat down every row: a small cache, emptied when it grows.
  if (++cachedKeys > 10_000) {
    formulaKeys.clear();
    cachedKeys = 1;
    formulaKeys.set(hostTable ?? "", (byFormula = new Map()));
  }
  byFormula.set(formula, key);
  return key;
}

function computeFormulaKey(formula: string, hostTable?: string): string {
  const host = hostTable?.toLowerCase();
  return splitFormulaLiterals(formula.trim().replace(/^=/, ""))
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let code = part
        .toLowerCase()
        .replace(/_xlfn\./g, "")
        .replace(/'((?:[^']|'')+)'!/g, (_m, sheet: string) => `${sheet.replace(/''/g, "'")}!`)
        .replace(/\[\[#this row\],\s*\[([^\]]+)\]\]/g, "[@$1]")
        .replace(/\[@\[([^\]]+)\]\]/g, "[@$1]")
        .replace(/\s+/g, "");
      if (host) code = code.split(`${host}[@`).join("[@");
      return code;
    })
    .join("");
}
