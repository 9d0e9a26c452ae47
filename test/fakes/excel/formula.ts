/** Cell input as Excel reads it (strings become numbers, dates, booleans or formulas) and formula text helpers. */
import { MAX_COLS, MAX_ROWS, colToLetters, lettersToCol, quoteSheetName } from "./address";
import { fakeError, invalidArgument } from "./errors";
import { dateToSerial } from "./numberFormat";

export type CellScalar = string | number | boolean;

/** What one written input becomes: a constant, or a formula with no cached result yet. */
export interface CellInput {
  value: CellScalar | null;
  formula?: string;
  /** Number format Excel applies on its own when parsing "50%" or "2024-01-31" into a General cell. */
  autoFormat?: string;
}

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export const MAX_FORMULA_LENGTH = 8192;
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/** Split formula text into code and "string literal" pieces so edits never touch literals. */
export function mapCode(text: string, edit: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const q = text.indexOf('"', i);
    const end = q < 0 ? text.length : q;
    out += edit(text.slice(i, end));
    if (q < 0) break;
    let j = q + 1;
    while (j < text.length) {
      if (text[j] === '"') {
        if (text[j + 1] === '"') j += 2;
        else break;
      } else j++;
    }
    out += text.slice(q, j + 1);
    i = j + 1;
  }
  return out;
}

/** Cheap syntax check: balanced parentheses/brackets and closed string literals, as Excel rejects these. */
export function checkFormula(formula: string, location?: string): void {
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw fakeError(
      "FormulaLengthExceedsLimit",
      "The bytecode length of the formula exceeds the limit.",
      location
    );
  }
  const quotes = (formula.match(/"/g) ?? []).length;
  let depth = 0;
  let brackets = 0;
  mapCode(formula, (code) => {
    for (const ch of code) {
      if (ch === "(") depth++;
      else if (ch === ")") depth--;
      else if (ch === "[") brackets++;
      else if (ch === "]") brackets--;
      if (depth < 0 || brackets < 0) break;
    }
    return code;
  });
  if (quotes % 2 !== 0 || depth !== 0 || brackets !== 0 || formula.trim() === "=") {
    throw invalidArgument(`The formula '${formula}' contains an error.`, location);
  }
}

function parseDate(s: string): number | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (m) return validDate(m[3].length === 2 ? 2000 + +m[3] : +m[3], +m[1], +m[2]);
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  // "1/2" is 2 January of the current year in en-US Excel: the classic id-turned-date.
  if (m) return validDate(new Date().getFullYear(), +m[1], +m[2]);
  return null;
}

function validDate(y: number, mo: number, d: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCMonth() === mo - 1 ? dateToSerial(y, mo, d) : null;
}

/**
 * One input of `values`/`formulas`, read the way Excel parses typed text (en-US). Returns null for a
 * null input, which Office.js treats as "leave this cell unchanged".
 */
export function coerceInput(raw: unknown, cellFormat: string, location?: string): CellInput | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw invalidArgument("Numbers must be finite.", location);
    return { value: raw };
  }
  if (typeof raw === "boolean") return { value: raw };
  if (typeof raw !== "string")
    throw invalidArgument(`Unsupported cell value of type ${typeof raw}.`, location);
  if (cellFormat === "@" || raw === "") return { value: raw };
  if (raw.startsWith("'")) return { value: raw.slice(1) };
  const first = raw[0];
  const trimmed = raw.trim();
  if (first === "=" && raw.length > 1) {
    checkFormula(raw, location);
    return { value: null, formula: raw };
  }
  if (NUMBER.test(trimmed) && /\d/.test(trimmed))
    return { value: Number(trimmed.replace(/,/g, "")) };
  const pct = /^([+-]?\d+(\.\d+)?)\s*%$/.exec(trimmed);
  if (pct) return { value: Number(pct[1]) / 100, autoFormat: pct[2] ? "0.00%" : "0%" };
  if ((first === "+" || first === "-" || first === "@") && raw.length > 1) {
    // Excel reads a leading +, - or @ as the start of a formula (formula injection).
    const formula = `=${raw}`;
    checkFormula(formula, location);
    return { value: null, formula };
  }
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  if (ERROR_VALUES.includes(upper)) return { value: upper };
  const serial = parseDate(trimmed);
  if (serial !== null) return { value: serial, autoFormat: "m/d/yyyy" };
  return { value: raw };
}

const REF = /(^|[^A-Za-z0-9_.$'\]])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!])/g;

/** Rewrite relative A1 references outside literals and structured-reference brackets. */
function mapRefs(
  formula: string,
  fn: (absCol: boolean, col: number, absRow: boolean, row: number, qualified: boolean) => string
): string {
  return mapCode(formula, (code) => {
    let out = "";
    let depth = 0;
    let start = 0;
    const flush = (end: number): void => {
      const piece = code.slice(start, end);
      out +=
        depth > 0
          ? piece
          : piece.replace(
              REF,
              (_m, pre: string, dc: string, col: string, dr: string, row: string) => {
                const c = lettersToCol(col);
                const r = Number(row) - 1;
                if (c >= MAX_COLS || r >= MAX_ROWS) return _m;
                return pre + fn(dc === "$", c, dr === "$", r, pre === "!");
              }
            );
      start = end;
    };
    for (let i = 0; i < code.length; i++) {
      if (code[i] === "[" || code[i] === "]") {
        flush(code[i] === "[" ? i : i + 1);
        depth += code[i] === "[" ? 1 : -1;
      }
    }
    flush(code.length);
    return out;
  });
}

/** Move relative references as Excel does when it fills a formula dRows down and dCols right. */
export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  return mapRefs(formula, (absCol, col, absRow, row) => {
    const c = absCol ? col : col + dCols;
    const r = absRow ? row : row + dRows;
    if (c < 0 || r < 0 || c >= MAX_COLS || r >= MAX_ROWS) return "#REF!";
    return `${absCol ? "$" : ""}${colToLetters(c)}${absRow ? "$" : ""}${r + 1}`;
  });
}

/**
 * Follow cells that moved (rows inserted or deleted inside a table): same-sheet references into the moved
 * block shift with it, relative or absolute, as Excel adjusts them.
 */
export function followMovedCells(
  formula: string,
  block: { r0: number; c0: number; r1: number; c1: number },
  dRows: number,
  dCols: number
): string {
  return mapRefs(formula, (absCol, col, absRow, row, qualified) => {
    const inside =
      !qualified && row >= block.r0 && row <= block.r1 && col >= block.c0 && col <= block.c1;
    const c = inside ? col + dCols : col;
    const r = inside ? row + dRows : row;
    return `${absCol ? "$" : ""}${colToLetters(c)}${absRow ? "$" : ""}${r + 1}`;
  });
}

/** Position-independent form (R1C1-like) used to spot a table's calculated column. */
export function formulaKey(formula: string, row: number, col: number): string {
  return mapRefs(
    formula,
    (absCol, c, absRow, r) =>
      `${absRow ? `R${r + 1}` : `R[${r - row}]`}${absCol ? `C${c + 1}` : `C[${c - col}]`}`
  );
}

/** Sheet-name prefixes in code parts, in both quoted and bare spelling. */
function sheetPrefixes(name: string): string[] {
  const quoted = `'${name.replace(/'/g, "''")}'!`;
  return [quoted, `${name}!`];
}

/** Follow a sheet rename in formula text (Excel rewrites every reference to the sheet). */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const replacement = `${quoteSheetName(newName)}!`;
  return mapCode(formula, (code) => {
    let out = code;
    for (const p of sheetPrefixes(oldName)) out = replaceWord(out, p, replacement);
    return out;
  });
}

/** References to a deleted sheet become #REF!. */
export function deleteSheetInFormula(formula: string, name: string): string {
  return mapCode(formula, (code) => {
    let out = code;
    for (const p of sheetPrefixes(name)) out = replaceWord(out, p, "#REF!");
    return out;
  });
}

function replaceWord(code: string, find: string, replacement: string): string {
  let out = "";
  let i = 0;
  const lower = code.toLowerCase();
  const needle = find.toLowerCase();
  for (;;) {
    const j = lower.indexOf(needle, i);
    if (j < 0) return out + code.slice(i);
    const before = j > 0 ? code[j - 1] : "";
    const boundary = !/[A-Za-z0-9_.']/.test(before);
    out += code.slice(i, j) + (boundary ? replacement : code.slice(j, j + find.length));
    i = j + find.length;
  }
}
