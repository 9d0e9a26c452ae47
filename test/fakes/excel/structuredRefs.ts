/** Structured references (Table[Column], Table[[#This Row],[Column]], [@Column]) in formula text: find, check, rewrite. */
import {
  colToLetters,
  containsCell,
  formatRect,
  looksLikeReference,
  quoteSheetName,
  rect,
} from "./address";
import type { TableEntity } from "./entities";
import { invalidArgument } from "./errors";
import { mapCode } from "./formula";
import type { FormulaHost, WorkbookState } from "./state";

type Item = "#all" | "#data" | "#headers" | "#totals" | "#this row";
const ITEMS: readonly string[] = ["#all", "#data", "#headers", "#totals", "#this row"];

/** What the brackets of a structured reference select. */
export interface RefSpec {
  items: Item[];
  /** First and last column name (unescaped), or null for every column. */
  columns: [string, string] | null;
  /** Written with @ ("[@Status]") rather than [#This Row]. */
  at: boolean;
  /** Written with nested brackets ("Table[[Status]]") rather than "Table[Status]". */
  nested: boolean;
}

/** One structured reference found in a piece of formula code (outside string literals). */
interface FoundRef {
  start: number;
  end: number;
  /** Table name as written, or null when it is left out ([@Status] in a cell of the table). */
  table: string | null;
  /** The bracket part as written ("[[#This Row],[Status]]"). */
  brackets: string;
  /** null when the brackets do not parse: Excel refuses such a formula. */
  spec: RefSpec | null;
}

const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;
const NAME_START = /^[\p{L}_\\]/u;

/** Index of the "]" closing the "[" at `open`; a "'" escapes the next character, as in column names. */
function matchBracket(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const c = s[k];
    if (c === "'") k++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return k;
  }
  return -1;
}

const unescape = (s: string): string => s.replace(/'(.)/g, "$1");
const escape = (s: string): string => s.replace(/['[\]#]/g, "'$&");

function parseGroups(s: string): Array<{ text: string; sep: string }> | null {
  const out: Array<{ text: string; sep: string }> = [];
  let k = 0;
  let sep = "";
  while (k < s.length) {
    while (s[k] === " ") k++;
    if (s[k] !== "[") return null;
    const close = matchBracket(s, k);
    if (close < 0) return null;
    out.push({ text: s.slice(k + 1, close).trim(), sep });
    k = close + 1;
    while (s[k] === " ") k++;
    if (k >= s.length) break;
    if (s[k] !== "," && s[k] !== ":") return null;
    sep = s[k++];
  }
  return out;
}

/** Items first (comma-separated), then one column or a [First]:[Last] span. */
function fromGroups(groups: Array<{ text: string; sep: string }>, at: boolean): RefSpec | null {
  const items: Item[] = [];
  const cols: string[] = [];
  for (const g of groups) {
    if (g.text.startsWith("#")) {
      const item = g.text.toLowerCase().replace(/\s+/g, " ");
      if (!ITEMS.includes(item) || cols.length > 0 || at) return null;
      if (g.sep === ":") return null;
      items.push(item as Item);
    } else {
      if (g.text === "" || cols.length === 2) return null;
      if (cols.length === 1 && g.sep !== ":") return null;
      if (cols.length === 0 && g.sep === ":") return null;
      cols.push(unescape(g.text));
    }
  }
  if (at) items.push("#this row");
  if (items.includes("#this row") && items.length > 1) return null;
  if (items.includes("#all") && items.length > 1) return null;
  return {
    items,
    columns: cols.length === 0 ? null : [cols[0], cols[cols.length - 1]],
    at,
    nested: true,
  };
}

export function parseSpec(raw: string): RefSpec | null {
  const s = raw.trim();
  if (s === "") return { items: [], columns: null, at: false, nested: false };
  if (s.startsWith("@")) {
    const rest = s.slice(1).trim();
    if (rest === "") return { items: ["#this row"], columns: null, at: true, nested: false };
    if (rest.startsWith("[")) {
      const groups = parseGroups(rest);
      return groups ? fromGroups(groups, true) : null;
    }
    return {
      items: ["#this row"],
      columns: [unescape(rest), unescape(rest)],
      at: true,
      nested: false,
    };
  }
  if (s.startsWith("[")) {
    const groups = parseGroups(s);
    return groups ? fromGroups(groups, false) : null;
  }
  if (s.startsWith("#")) {
    const item = s.toLowerCase().replace(/\s+/g, " ");
    return ITEMS.includes(item)
      ? { items: [item as Item], columns: null, at: false, nested: false }
      : null;
  }
  if (/[[\]]/.test(s.replace(/'./g, ""))) return null;
  return { items: [], columns: [unescape(s), unescape(s)], at: false, nested: false };
}

/** The bracket part in Excel's spelling, keeping the form it was written in. */
export function renderSpec(spec: RefSpec): string {
  const cols = spec.columns;
  const colText = !cols
    ? ""
    : cols[0].toLowerCase() === cols[1].toLowerCase()
      ? `[${escape(cols[0])}]`
      : `[${escape(cols[0])}]:[${escape(cols[1])}]`;
  if (spec.at) {
    if (!cols) return "[@]";
    return !spec.nested && cols[0] === cols[1] ? `[@${escape(cols[0])}]` : `[@${colText}]`;
  }
  const items = spec.items.map((i) => (i === "#this row" ? "[#This Row]" : `[${titleCase(i)}]`));
  if (!spec.nested && items.length + (cols ? 1 : 0) <= 1) {
    if (items.length) return `[${items[0].slice(1, -1)}]`;
    return cols ? `[${escape(cols[0])}]` : "[]";
  }
  return `[${[...items, ...(colText ? [colText] : [])].join(",")}]`;
}

function titleCase(item: string): string {
  return item.replace(/\b\w/g, (c) => c.toUpperCase());
}

/** Structured references in a piece of code (no string literals). Quoted sheet names are skipped. */
function scanRefs(code: string): FoundRef[] {
  const out: FoundRef[] = [];
  let i = 0;
  while (i < code.length) {
    const ch = code[i];
    if (ch === "'") {
      i++;
      while (i < code.length && !(code[i] === "'" && code[i + 1] !== "'"))
        i += code[i] === "'" ? 2 : 1;
      i++;
      continue;
    }
    if (ch !== "[") {
      i++;
      continue;
    }
    const close = matchBracket(code, i);
    if (close < 0) break;
    let j = i;
    while (j > 0 && NAME_CHAR.test(code[j - 1])) j--;
    const name = code.slice(j, i);
    const before = j > 0 ? code[j - 1] : "";
    const after = code[close + 1] ?? "";
    const brackets = code.slice(i, close + 1);
    if (name !== "") {
      // Sheet- or book-qualified names (Book.xlsx!T[..]) and R1C1 text (R[1]C) are not table references.
      if (NAME_START.test(name) && before !== "!" && before !== "]" && !looksLikeReference(name))
        out.push({
          start: j,
          end: close + 1,
          table: name,
          brackets,
          spec: parseSpec(brackets.slice(1, -1)),
        });
    } else if (!/[\p{L}\p{N}_.\\!'$]/u.test(after) && before !== "]") {
      // A bare [@Status]; "[1]Sheet1!A1" (an external book) is followed by a sheet name instead.
      out.push({
        start: i,
        end: close + 1,
        table: null,
        brackets,
        spec: parseSpec(brackets.slice(1, -1)),
      });
    }
    i = close + 1;
  }
  return out;
}

/** Replace the references fn returns text for; the rest of the formula is kept as written. */
function replaceRefs(formula: string, fn: (ref: FoundRef) => string | null): string {
  if (!formula.includes("[")) return formula;
  return mapCode(formula, (code) => {
    let out = "";
    let last = 0;
    for (const ref of scanRefs(code)) {
      const text = fn(ref);
      if (text === null) continue;
      out += code.slice(last, ref.start) + text;
      last = ref.end;
    }
    return last === 0 ? code : out + code.slice(last);
  });
}

/** The table a reference points at: by name, or (without a name) the table holding the formula's cell. */
function tableOf(
  wb: WorkbookState,
  ref: FoundRef,
  host: FormulaHost | null
): TableEntity | undefined {
  if (ref.table !== null) return wb.findTable(ref.table);
  if (!host) return undefined;
  return host.sheet.ownTables().find((t) => containsCell(t.rect, host.row, host.col));
}

function columnIndex(t: TableEntity, name: string): number {
  const lower = name.toLowerCase();
  return t.columns.findIndex((c) => c.name.toLowerCase() === lower);
}

/**
 * Excel will not take a formula that names a table or a column that does not exist: typed, it answers
 * "There's a problem with this formula"; through Office.js the write fails with InvalidArgument.
 * `hostTable` stands for the table a new row or column is joining (its cells are not in it yet).
 */
export function checkStructuredRefs(
  wb: WorkbookState,
  formula: string,
  host: FormulaHost | null,
  location?: string,
  hostTable?: TableEntity
): void {
  if (!formula.includes("[")) return;
  mapCode(formula, (code) => {
    for (const ref of scanRefs(code)) {
      const text = code.slice(ref.start, ref.end);
      if (!ref.spec)
        throw invalidArgument(
          `The formula '${formula}' contains an invalid table reference '${text}'.`,
          location
        );
      const t = tableOf(wb, ref, host) ?? (ref.table === null ? hostTable : undefined);
      if (!t) {
        throw invalidArgument(
          ref.table === null
            ? `The formula '${formula}' uses '${text}' outside a table.`
            : `The formula '${formula}' refers to a table '${ref.table}' that does not exist.`,
          location
        );
      }
      for (const name of ref.spec.columns ?? []) {
        if (columnIndex(t, name) < 0)
          throw invalidArgument(
            `The formula '${formula}' refers to a column '${name}' that table '${t.name}' does not have.`,
            location
          );
      }
    }
    return code;
  });
}

/** A1 text for a reference, as convertToRange leaves it: absolute ranges, [#This Row] as the same-row cell ($G5). */
export function a1For(t: TableEntity, spec: RefSpec, host: FormulaHost | null): string {
  let c0 = t.rect.c0;
  let c1 = t.rect.c1;
  if (spec.columns) {
    const a = columnIndex(t, spec.columns[0]);
    const b = columnIndex(t, spec.columns[1]);
    if (a < 0 || b < 0) return "#REF!";
    c0 = t.rect.c0 + Math.min(a, b);
    c1 = t.rect.c0 + Math.max(a, b);
  }
  const prefix = !host || host.sheet !== t.sheet ? `${quoteSheetName(t.sheet.name)}!` : "";
  if (spec.items.includes("#this row")) {
    if (!host) return "#REF!";
    const cell = (c: number): string => `$${colToLetters(c)}${host.row + 1}`;
    return prefix + (c0 === c1 ? cell(c0) : `${cell(c0)}:${cell(c1)}`);
  }
  const body = t.bodyRect;
  const parts: Record<string, [number, number] | null> = {
    "#all": [t.rect.r0, t.rect.r1],
    "#data": [body.r0, body.r1],
    "#headers": t.showHeaders ? [t.rect.r0, t.rect.r0] : null,
    "#totals": t.showTotals ? [t.rect.r1, t.rect.r1] : null,
  };
  let r0 = Infinity;
  let r1 = -1;
  for (const item of spec.items.length ? spec.items : ["#data"]) {
    const rows = parts[item];
    if (!rows) return "#REF!";
    r0 = Math.min(r0, rows[0]);
    r1 = Math.max(r1, rows[1]);
  }
  return prefix + formatRect(rect(r0, c0, r1, c1), true);
}

/** Rewrite every structured reference to `t` in every formula of the workbook (cells, names, rules). */
export function rewriteTableRefs(
  t: TableEntity,
  fn: (spec: RefSpec, host: FormulaHost | null, ref: FoundRef) => string | null
): void {
  const wb = t.sheet.workbook;
  wb.rewriteFormulas((formula, host) =>
    replaceRefs(formula, (ref) =>
      ref.spec && tableOf(wb, ref, host) === t ? fn(ref.spec, host, ref) : null
    )
  );
}

/** Table.convertToRange: Excel turns every structured reference to the table into A1 references. */
export function convertTableRefs(t: TableEntity): void {
  rewriteTableRefs(t, (spec, host) => a1For(t, spec, host));
}

/** References to a table that is deleted (or whose sheet is) become #REF!. */
export function breakTableRefs(t: TableEntity): void {
  rewriteTableRefs(t, () => "#REF!");
}

/** A renamed table: Excel follows the new name in every formula. */
export function renameTableRefs(t: TableEntity, newName: string): void {
  rewriteTableRefs(t, (_spec, _host, ref) => (ref.table === null ? null : newName + ref.brackets));
}

/** Renamed columns (old name → new name, lower-case keys) and deleted ones (→ null, the reference becomes #REF!). */
export function renameColumnRefs(t: TableEntity, renames: Map<string, string | null>): void {
  if (renames.size === 0) return;
  rewriteTableRefs(t, (spec, _host, ref) => {
    if (!spec.columns) return null;
    const next = spec.columns.map((c) => renames.get(c.toLowerCase()));
    if (next.every((n) => n === undefined)) return null;
    if (next.some((n) => n === null)) return "#REF!";
    const columns = spec.columns.map((c, k) => next[k] ?? c) as [string, string];
    return (ref.table ?? "") + renderSpec({ ...spec, columns });
  });
}
