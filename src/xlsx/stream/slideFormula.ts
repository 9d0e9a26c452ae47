// A shared formula's text for one of its cells: the master's formula with its relative
// references moved by the distance from the master. This is ExcelJS 4.4's translation
// (utils/shared-formula.js), reproduced so both readers give the same formulas: it moves any
// token that looks like a reference, including one inside a string literal.
import { columnIndex, columnLetter } from "../../core/snapshot";

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

export function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number }
): string {
  return formula.replace(
    CANDIDATE,
    (match, sheet: string | undefined, _name, address: string, paren: string | undefined) => {
      if (paren) return match;
      const ref = CELL_REF.exec(address);
      if (!ref) return match;
      const [, colDollar, colText, rowDollar, rowText] = ref;
      const letters = colText.toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match;
      let col = columnIndex(letters);
      let row = parseInt(rowText, 10);
      if (!colDollar) col += to.col - from.col;
      if (!rowDollar) row += to.row - from.row;
      return `${sheet ?? ""}${colDollar ?? ""}${columnLetter(col)}${rowDollar ?? ""}${row}`;
    }
  );
}
