// Template import, step 1: which row holds the headers and what each column is for, from header
// words in nine languages. The synonyms are a rule table; the first rule that matches wins.
import type { Grid } from "./grid";
import { foldWord, statusWordReader } from "../statusWords";

// Built-in answer words only: they tell a first data row from a sub-header row.
const ANSWERS = statusWordReader();

export type Role =
  | "id"
  | "title"
  | "status"
  | "applicability"
  | "evidence"
  | "notes"
  | "owner"
  | "justification"
  | "likelihood"
  | "impact"
  | "dueDate"
  | "other";

/** Roles whose cells are imported; 'id', 'title' and 'other' only steer the reading. */
export const ROLE_LABELS: Record<Role, string> = {
  id: "ID",
  title: "Title",
  status: "Status",
  applicability: "Applicable",
  evidence: "Evidence",
  notes: "Notes",
  owner: "Owner",
  justification: "Justification",
  likelihood: "Likelihood",
  impact: "Impact",
  dueDate: "Due date",
  other: "(not imported)",
};

/**
 * Header rules over folded text (lower case, no accents, `_` as space). Order matters: "Control
 * Owner" is an owner before it is a control, "Implementation description" is evidence before it is
 * implementation, "Reasons for selection" (Greek tick-mark columns) is nothing at all, and our own
 * "Evidence hint" (catalog text) and "Reviewer note" (a reviewer's, not the assessor's) are not
 * the person's evidence or notes.
 */
const HEADER_RULES: readonly { role: Role; pattern: RegExp }[] = [
  {
    role: "other",
    pattern:
      /λογοι επιλογησ|reasons? for selection|selection reason|category|kategorie|categorie|theme|thema|domain|domaine|effectiveness|wirksamkeit|last review|review date|finding type|recommendation|agreed action|flanking|evidence hint|reviewer/,
  },
  {
    role: "owner",
    pattern:
      /owner|responsib(le|ility)|accountable|verantwortlich|zustandig|responsable|responsabile|eigenaar|verantwoordelijke|responsavel|vlastnik|odpovedn|zodpovedn|garant|υπευθυν|ιδιοκτητ|assignee|assigned to/,
  },
  {
    role: "dueDate",
    pattern:
      /due|deadline|target date|frist|termin|echeance|date limite|fecha limite|fecha objetivo|scadenza|prazo|uiterste datum|deadline|προθεσμια/,
  },
  {
    role: "likelihood",
    pattern:
      /likelihood|probability|wahrscheinlichkeit|vraisemblance|probabilite|probabilidad|probabilita|waarschijnlijkheid|probabilidade|pravdepodobnost|πιθανοτητα/,
  },
  {
    role: "impact",
    pattern: /impact|auswirkung|schadenshohe|impacto|impatto|gevolgen|dopad|επιπτωση/,
  },
  {
    role: "evidence",
    pattern:
      /implementation (description|details|notes|evidence)|how (is it )?implemented|description of (the )?implementation|περιγραφη υλοποιησησ|popis implementace|umsetzungsbeschreibung/,
  },
  {
    role: "justification",
    pattern:
      /justif|reason|rationale|raison|begrundung|grund fur|motivazione|motivacion|motivo|onderbouwing|rechtvaardiging|oduvodneni|zduvodneni|αιτιολογ|λογοι εξαιρεσησ/,
  },
  {
    role: "applicability",
    pattern:
      /applicab|anwendbar|applicabilit|aplicab|applicabil|toepasselijk|van toepassing|aplicavel|aplicabilidade|aplikovatelnost|pouzitelnost|εφαρμοζεται|εφαρμοσιμ|^(included|excluded|in scope|selected)\b|include ?\/ ?exclude|relevan[tz]\b/,
  },
  {
    role: "status",
    pattern:
      /status|\bstav\b|estado|stato|\betat\b|statut|complian|conformit|conformidad|conformidade|konformit|implement|umsetzung|umgesetzt|en place|mis en (place|oeuvre)|zavedeno|υλοποιηση|κατασταση|\bmet\b|erfullt|fulfilled|achieved|maturity|reifegrad|maturite|madurez|maturita|volwassenheid|maturidade|vyspelost|ωριμοτητα|completeness|% complete|progress|fortschritt|avancement|voortgang|progresso|answer|response|antwort|reponse|respuesta|risposta|antwoord|resposta|odpoved|απαντηση|in place|y ?\/ ?n\b|yes ?\/ ?no/,
  },
  {
    role: "evidence",
    pattern:
      /evidence|nachweis|beleg|preuve|evidencia|evidenza|bewijs|doklad|dukaz|τεκμηρι|αποδεικτικ|reference|referenz|odkaz|dispositif|documentation|dokumentation|dokumentace|documento|link|artefact|artifact|proof/,
  },
  {
    role: "notes",
    pattern:
      /note|comment|remark|bemerkung|anmerkung|kommentar|remarque|observation|comentario|observacion|nota|osservazion|opmerking|toelichting|observacao|poznamk|komentar|σχολι|παρατηρησ/,
  },
  {
    role: "id",
    pattern:
      /^(id|ref|ref no|no|nr|n°|#|number|item|control( id| no| nr| ref| number| #)|control ?id|clause|clause no|section|article|kontrolle|controle|control n|opatreni|cislo|αριθμοσ|κωδικοσ|requirement id|iso ref|annex a ref|req id)$/,
  },
  {
    role: "title",
    pattern:
      /title|name|titel|bezeichnung|\bnom\b|intitule|titulo|titolo|naam|nazev|τιτλοσ|description|beschreibung|objective|objectif|στοχοσ|mesure|question|frage|requirement|anforderung|exigence|control|kontrolle|controle|opatreni|ελεγχοσ|περιοχη/,
  },
];

/** Role of one header text, or null when no rule matches. */
export function roleOfHeader(text: string): Role | null {
  const folded = foldWord(text)
    .replace(/[.:?]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (folded === "") return null;
  for (const rule of HEADER_RULES) if (rule.pattern.test(folded)) return rule.role;
  return null;
}

export interface HeaderInfo {
  /** Snapshot rows that make up the header (empty when no header row was found). */
  rows: number[];
  /** First snapshot row below the header. */
  dataStart: number;
  /** Per column: the header text (rows joined), '' when none. */
  headers: string[];
  /** Per column: the role from the header, or null. */
  roles: (Role | null)[];
}

/** Rows searched for a header: title blocks above tables are rarely longer. */
const HEADER_SEARCH_ROWS = 30;

// A data row gives itself away with an id-shaped cell ("5.1", "A.9.2.3", a date-mangled "10.1.1").
const ID_SHAPED = /(^|\s)(a\s*\.?\s*)?\d{1,2}\.\d{1,3}(\.\d{1,3})?\.?($|\s)/i;

function rowLooksLikeData(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.cols; c++) {
    const t = grid.text(r, c).trim();
    if (t !== "" && t.length <= 40 && ID_SHAPED.test(t)) return true;
  }
  return false;
}

function rolesOfRow(grid: Grid, r: number): (Role | null)[] {
  const roles: (Role | null)[] = [];
  for (let c = 0; c < grid.cols; c++) {
    const t = grid.headerText(r, c);
    roles.push(t.length > 120 ? null : roleOfHeader(t));
  }
  return roles;
}

function distinctRoles(roles: (Role | null)[]): number {
  return new Set(roles.filter((x) => x !== null && x !== "other")).size;
}

/**
 * Finds the header: the row in the first 30 with the most distinct roles (at least two), plus up to
 * two rows below it that still read as header (sub-headers of a two-row header, or rows covered by
 * its merged cells). No header: data starts on the first row and roles come from content alone.
 */
export function findHeader(grid: Grid): HeaderInfo {
  const limit = Math.min(grid.rows, HEADER_SEARCH_ROWS);
  let best = -1;
  let bestScore = 1;
  for (let r = 0; r < limit; r++) {
    if (rowLooksLikeData(grid, r)) continue;
    const score = distinctRoles(rolesOfRow(grid, r));
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) {
    return {
      rows: [],
      dataStart: 0,
      headers: new Array<string>(grid.cols).fill(""),
      roles: new Array<Role | null>(grid.cols).fill(null),
    };
  }
  const rows = [best];
  // A group row above ("Assessment" over Status and Evidence) joins when one of its merged cells
  // reaches down into the header row; a title block above a header never does.
  for (let r = best - 1; r >= Math.max(0, best - 2); r--) {
    let reaches = false;
    for (let c = 0; c < grid.cols && !reaches; c++)
      reaches =
        grid.isMerged(rows[0], c) &&
        grid.headerText(rows[0], c) === grid.text(r, c) &&
        grid.text(r, c) !== "";
    if (!reaches || rowLooksLikeData(grid, r)) break;
    rows.unshift(r);
  }
  for (let r = best + 1; r < Math.min(grid.rows, best + 3); r++) {
    if (rowLooksLikeData(grid, r)) break;
    // A row belongs to the header when it only continues the header's merged cells, or when it
    // holds sub-headers: under a header merged across columns, or reading as headers itself, and
    // never when a cell reads as an answer ("No" is a header word too, "No." for number).
    let own = 0;
    let covered = 0;
    let underGroup = false;
    let answers = false;
    for (let c = 0; c < grid.cols; c++) {
      if (grid.isMerged(r, c)) {
        covered++;
        continue;
      }
      const t = grid.text(r, c).trim();
      if (t === "") continue;
      own++;
      if (grid.isHorizontalContinuation(best, c) || grid.isHorizontalContinuation(best, c + 1))
        underGroup = true;
      if (ANSWERS.readStatus(t, { letters: false }).kind === "status") answers = true;
    }
    const include =
      own === 0 ? covered > 0 : !answers && (underGroup || distinctRoles(rolesOfRow(grid, r)) >= 2);
    if (!include) break;
    rows.push(r);
  }
  const headers: string[] = [];
  const roles: (Role | null)[] = [];
  for (let c = 0; c < grid.cols; c++) {
    const parts: string[] = [];
    let role: Role | null = null;
    // Columns that only continue a header merged to their left ("Justification" over I:L) are
    // the same column to a reader; their cells are empty continuations too.
    const continues = rows.some((r) => grid.isHorizontalContinuation(r, c));
    if (
      continues &&
      rows.every((r) => grid.isHorizontalContinuation(r, c) || grid.headerText(r, c).trim() === "")
    ) {
      headers.push("");
      roles.push(null);
      continue;
    }
    // The lowest header row is the most specific ("Status" under a merged "Implementation").
    for (const r of rows) {
      const t = grid.headerText(r, c).replace(/\s+/g, " ").trim();
      if (t !== "" && !parts.includes(t)) parts.push(t);
    }
    for (let i = rows.length - 1; i >= 0 && role === null; i--) {
      const t = grid.headerText(rows[i], c);
      role = t.length > 120 ? null : roleOfHeader(t);
    }
    headers.push(parts.join(" / "));
    roles.push(role);
  }
  return { rows, dataStart: rows[rows.length - 1] + 1, headers, roles };
}
