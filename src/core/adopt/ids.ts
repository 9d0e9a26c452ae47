// Template import, step 2: reading ids. Finds the id column, decides per sheet whether its ids are
// 2022 controls, 2013 controls or clauses, and resolves each row's id with the section it sits in.
import { CLAUSES, controlsFrom2013, MAPPING_2013, parseId } from "../../catalog";
import type { IdMatch } from "../../catalog";
import type { Grid } from "./grid";

/** How a sheet's ids are read. '2013': 3-part ids are 2013 Annex A controls, 2-part ids objectives. */
export type IdMode = "2022" | "2013";

export interface IdCell {
  /** The id as displayed, trimmed. */
  text: string;
  matches: readonly IdMatch[];
  parts: number;
  /** The cell holds a number (5.1 may be 5.10 that Excel shortened). */
  numeric: boolean;
}

/** A row's id after resolution. */
export type Resolved =
  | { kind: "clause"; id: string; note?: string }
  | { kind: "control2022"; id: string; note?: string }
  | { kind: "control2013"; id: string; targets: string[]; note?: string }
  | { kind: "heading"; context: Context | null; reason: string }
  | { kind: "none" };

export type Context = "annex" | "clause";

const CLAUSE_PARENTS = new Set(
  CLAUSES.map((c) => c.id.split("."))
    .filter((p) => p.length === 3)
    .map((p) => `${p[0]}.${p[1]}`)
);
const OBJECTIVES_2013 = new Set(
  MAPPING_2013.map((m) => m.iso2013.replace(/^A\./, "").split(".").slice(0, 2).join("."))
);

// "A. 5. 1", "5 .1" → "A.5.1", "5.1"; a number shown with a decimal comma reads as with a dot.
function cleanIdText(text: string, numeric: boolean): string {
  let t = text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  t = t.replace(/(\d|\b[Aa])\s*\.\s*(?=\d)/g, "$1.");
  if (numeric && /^\d+,\d+$/.test(t)) t = t.replace(",", ".");
  return t;
}

// Prefixes people write before ids ("A.", "Annex A", "Control", "Clause", "§"), as the catalog reads them.
const PREFIX = String.raw`(?:(?:iso(?:\s*\/\s*iec)?\s*2700[12](?:\s*:\s*20(?:13|22))?\s*[,:\-–—]?\s*)?(?:annex\s*a|controls?|ctrl|clause|cl|§|a)\s*\.?\s*(?:(?:no|nr)\.?\s*|#\s*)?[:\-–—]?\s*)?`;
const TWO_PART = new RegExp(String.raw`^${PREFIX}(\d{1,2})\.(\d{1,2})\.?(?=$|[\s\-–—:;,|)])`, "i");
const THREE_PART = new RegExp(String.raw`^${PREFIX}\d{1,2}\.\d{1,3}\.\d{1,3}`, "i");
/** Says "Annex A" before the number: "A.6.1" or "Control 6.1" is a control even where 6.1 is a clause heading. */
const ANNEX_PREFIX = /^(?:annex\s*a|controls?\b|ctrl\b|a\s*\.?\s*\d)/i;
/** Shaped like an id even when the catalog does not know it: reported as "unknown id". */
export const ID_LIKE = new RegExp(
  String.raw`^${PREFIX}\d{1,2}\.\d{1,3}(?:\.\d{1,3})?\.?(?=$|[\s\-–—:;,|)])`,
  "i"
);

/** Read id cells by displayed text: a long template repeats the same few hundred ids (bounded). */
const ID_CELLS = new Map<string, IdCell>();
const ID_CELLS_MAX = 10_000;

/** The id a cell holds; the result is shared between cells with the same text, so never change it. */
export function readIdCell(grid: Grid, r: number, c: number): IdCell {
  const numeric = grid.isNumber(r, c);
  const shown = grid.dataText(r, c);
  const key = `${numeric ? "n" : "t"}${shown}`;
  const known = ID_CELLS.get(key);
  if (known) return known;
  const text = cleanIdText(shown, numeric);
  let cell: IdCell;
  if (text === "" || text.length > 400) cell = { text, matches: [], parts: 0, numeric };
  else {
    const matches = parseId(text);
    const parts = THREE_PART.test(text) ? 3 : TWO_PART.test(text) ? 2 : 0;
    cell = { text, matches, parts, numeric };
  }
  if (shown.length <= 400) {
    if (ID_CELLS.size >= ID_CELLS_MAX) ID_CELLS.clear();
    ID_CELLS.set(key, cell);
  }
  return cell;
}

function has(cell: IdCell, kind: IdMatch["kind"]): string | null {
  return cell.matches.find((m) => m.kind === kind)?.id ?? null;
}

/** Picks the id column: the most id cells; a column headed as an id wins when it is close. */
export function findIdColumn(
  grid: Grid,
  dataStart: number,
  headerRoles: (string | null)[],
  headers: string[]
): { col: number; count: number } {
  const end = Math.min(grid.rows, dataStart + 5000);
  const counts = new Array<number>(grid.cols).fill(0);
  for (let r = dataStart; r < end; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const t = grid.dataText(r, c);
      if (t === "" || t.length > 200) continue;
      if (readIdCell(grid, r, c).matches.length > 0) counts[c]++;
    }
  }
  let max = 0;
  for (const n of counts) if (n > max) max = n;
  if (max === 0) return { col: -1, count: 0 };
  let best = -1;
  let bestScore = -1;
  for (let c = 0; c < grid.cols; c++) {
    if (counts[c] === 0) continue;
    // A "2013 ref" column beside 2022 ids must not win on count alone.
    const mapping = /2013|2005|old|alt|ancien|previous|legacy/i.test(headers[c] ?? "") ? 0.5 : 1;
    const headed = headerRoles[c] === "id" && counts[c] >= max * 0.5 ? max : 0;
    const score = counts[c] * mapping + headed;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return { col: best, count: counts[best] };
}

export interface ModeDecision {
  mode: IdMode;
  strong2013: number;
  strong2022: number;
  strongClause: number;
  ambiguous: number;
  /** For 2-part ids that could be a clause or a control and have no section to go by. */
  twoPartDefault: "clause" | "control2022";
}

/** Decides from the whole id column whether the sheet is a 2013 checklist or a 2022/clause sheet. */
export function decideMode(cells: IdCell[]): ModeDecision {
  let strong2013 = 0;
  let strong2022 = 0;
  let strongClause = 0;
  let ambiguous = 0;
  for (const cell of cells) {
    const cl = has(cell, "clause");
    const c22 = has(cell, "control2022");
    const c13 = has(cell, "control2013");
    if (cell.parts === 3) {
      if (c13 && !cl) strong2013++;
      else if (cl && !c13) strongClause++;
      else if (cl && c13) ambiguous++;
    } else if (cell.parts === 2) {
      // 5.1, 6.2, 8.3 ... are 2022 controls and also 2013 objective headings: no vote for 2022.
      const two = TWO_PART.exec(cell.text);
      const objective = two !== null && OBJECTIVES_2013.has(`${Number(two[1])}.${Number(two[2])}`);
      if (c22 && !cl && !objective) strong2022++;
      else if (cl && !c22) strongClause++;
      else if (cl && c22) ambiguous++;
    }
  }
  const mode: IdMode = strong2013 > 0 && strong2013 >= strong2022 ? "2013" : "2022";
  return {
    mode,
    strong2013,
    strong2022,
    strongClause,
    ambiguous,
    twoPartDefault: strong2022 >= strongClause ? "control2022" : "clause",
  };
}

const ANNEX_WORDS =
  /^(annex|anhang|annexe|anexo|allegato|bijlage|příloha|priloha|παράρτημα|παραρτημα)\s*a\b/i;
const ANNEX_SECTION = /^a\s*\.?\s*\d{1,2}\.?(\s|$)/i;
const CLAUSE_WORDS =
  /^(clauses?|klausel|kapitel|chapitre|cláusula|clausola|hoofdstuk|kapitola)\s*\d/i;
const NUMBERED_SECTION = /^(\d{1,2})\.?\s+\p{L}/u;
const CONTROL_WORDS =
  /control|maßnahm|massnahm|mesure|opatřen|opatren|μέτρα|μετρα|έλεγχ|ελεγχ|kontroll|controles|controlli|maatregel/i;

/** A row without an id that opens a section: Annex A ("A.5 ...", "Annex A") or clauses ("Clause 4", "4 Context"). */
export function headingOf(texts: string[]): Context | undefined {
  for (const raw of texts.slice(0, 3)) {
    const t = raw.trim();
    if (ANNEX_WORDS.test(t) || ANNEX_SECTION.test(t)) return "annex";
    if (CLAUSE_WORDS.test(t)) return "clause";
    const n = NUMBERED_SECTION.exec(t);
    if (n) {
      const top = Number(n[1]);
      if (top >= 5 && top <= 8 && CONTROL_WORDS.test(t)) return "annex";
      if (top >= 4 && top <= 10) return "clause";
    }
  }
  return undefined;
}

/**
 * The section an id can only belong to, for looking ahead: a clause-only id (4.2, 9.1, 6.1.2) says
 * "clause", a control-only id (5.7, 8.34, A.5.1, a 2013 control) says "annex"; 5.1, 7.2 … say nothing.
 */
export function decisiveContext(cell: IdCell | undefined): Context | null {
  if (!cell || cell.parts === 0) return null;
  const cl = has(cell, "clause");
  const c22 = has(cell, "control2022");
  if (cell.parts === 3) return cl ? "clause" : has(cell, "control2013") ? "annex" : null;
  if (cl && !c22) return "clause";
  if (c22 && !cl) return "annex";
  return null;
}

/**
 * Resolves ids row by row. The section a row sits in (set by headings and by ids that can only be
 * one thing) decides ids that could be either; a sheet-wide default covers the rest.
 */
export class IdResolver {
  private context: Context | null = null;
  private readonly seen = new Set<string>();
  private lastControl: string | null = null;

  constructor(readonly decision: ModeDecision) {}

  setContext(context: Context | null): void {
    if (context) this.context = context;
  }

  /** `ahead`: the section the next id that can only be one thing belongs to (decisiveContext), if any. */
  resolve(cell: IdCell, ahead: Context | null = null): Resolved {
    const result = this.decide(cell, ahead);
    if (result.kind === "clause") this.context = "clause";
    if (result.kind === "control2022" || result.kind === "control2013") this.context = "annex";
    if (result.kind === "heading" && result.context) this.context = result.context;
    if (result.kind === "clause" || result.kind === "control2022")
      this.seen.add(`${result.kind}:${result.id}`);
    if (result.kind === "control2022") this.lastControl = result.id;
    return result;
  }

  private decide(cell: IdCell, ahead: Context | null): Resolved {
    const cl = has(cell, "clause");
    const c22 = has(cell, "control2022");
    const c13 = has(cell, "control2013");
    const two = TWO_PART.exec(cell.text);
    const twoId = two ? `${Number(two[1])}.${Number(two[2])}` : null;
    if (this.decision.mode === "2013") {
      if (cell.parts === 3) {
        if (c13 && (!cl || this.context !== "clause")) {
          const note =
            cl && !ANNEX_PREFIX.test(cell.text)
              ? `bare ${cell.text} read as Annex A control ${c13} (2013 checklist), not clause ${cl}`
              : undefined;
          return { kind: "control2013", id: c13, targets: controlsFrom2013(c13), note };
        }
        if (cl) return { kind: "clause", id: cl };
        return { kind: "none" };
      }
      if (cell.parts === 2 && twoId) {
        if (this.context === "clause" && cl) return { kind: "clause", id: cl };
        if (OBJECTIVES_2013.has(twoId))
          return { kind: "heading", context: "annex", reason: `2013 objective ${cell.text}` };
        if (cl) return { kind: "clause", id: cl };
        if (this.context === "clause" && CLAUSE_PARENTS.has(twoId))
          return { kind: "heading", context: "clause", reason: `clause heading ${cell.text}` };
        // A control new in 2022 (5.7, 8.16 ...) appended to an old checklist.
        if (c22)
          return {
            kind: "control2022",
            id: c22,
            note: `${cell.text} is not a 2013 objective; read as 2022 control ${c22}`,
          };
        return { kind: "none" };
      }
      return { kind: "none" };
    }
    // 2022 mode.
    if (cell.parts === 3) {
      if (cl) return { kind: "clause", id: cl };
      if (c13)
        return {
          kind: "control2013",
          id: c13,
          targets: controlsFrom2013(c13),
          note: `2013 id ${c13} mapped to 2022`,
        };
      return { kind: "none" };
    }
    if (cell.parts !== 2 || !twoId) return { kind: "none" };
    if (this.context === "clause" && CLAUSE_PARENTS.has(twoId) && !ANNEX_PREFIX.test(cell.text)) {
      return { kind: "heading", context: "clause", reason: `clause heading ${cell.text}` };
    }
    if (c22 && !cl) return { kind: "control2022", ...this.unshorten(c22, cell) };
    if (cl && !c22) return { kind: "clause", id: cl };
    if (!cl || !c22) {
      if (CLAUSE_PARENTS.has(twoId))
        return { kind: "heading", context: "clause", reason: `clause heading ${cell.text}` };
      return { kind: "none" };
    }
    // Both a clause and a control (5.1, 7.2, 8.3 ...): the section decides, then repetition, then the sheet.
    // A repeated id switches to the other kind only when the ids after it agree: controls listed
    // after the clauses (5.1 again, then 5.4) switch to controls; controls listed twice (5.1 again,
    // then 5.4 again) stay controls, read as duplicates, never as clauses.
    let pick: "clause" | "control2022" =
      this.context === "clause"
        ? "clause"
        : this.context === "annex"
          ? "control2022"
          : this.decision.twoPartDefault;
    const other = pick === "clause" ? "control2022" : "clause";
    const id = pick === "clause" ? cl : c22;
    const aheadAgrees = other === "clause" ? ahead === "clause" : ahead !== "clause";
    if (
      this.seen.has(`${pick}:${id}`) &&
      !this.seen.has(`${other}:${other === "clause" ? cl : c22}`) &&
      aheadAgrees
    )
      pick = other;
    return pick === "clause"
      ? { kind: "clause", id: cl }
      : { kind: "control2022", ...this.unshorten(c22, cell) };
  }

  // Excel stores 5.10 typed as a number as 5.1 (and 5.20 as 5.2): after 5.9, or when 5.1 was
  // already seen, a numeric 5.1 is read as 5.10 if that control exists.
  private unshorten(id: string, cell: IdCell): { id: string; note?: string } {
    const m = /^(\d+)\.(\d)$/.exec(id);
    if (!cell.numeric || !m) return { id };
    const longer = `${m[1]}.${Number(m[2]) * 10}`;
    const before = `${m[1]}.${Number(m[2]) * 10 - 1}`;
    if (!parseId(longer).some((x) => x.kind === "control2022" && x.id === longer)) return { id };
    if (
      this.lastControl === before ||
      (this.seen.has(`control2022:${id}`) && !this.seen.has(`control2022:${longer}`))
    ) {
      return {
        id: longer,
        note: `number ${cell.text} read as ${longer} (Excel drops the trailing zero of 5.10)`,
      };
    }
    return { id };
  }
}
