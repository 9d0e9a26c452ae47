// Answer words found in templates → our status scale and Yes/No applicability. The word lists are
// data (per status, per language); the readers fold case, spaces and accents, then look words up.
import { asStatus, STATUSES, type Status } from "./scale";
import type { CellValue, SheetSnapshot } from "./snapshot";
import { findStatusWordsTable, specText } from "./settingsTables";

/**
 * Folds a word for lookup: trims, lower-cases, drops accents (é → e, ř → r, ό → ο), treats `_` and
 * a hyphen between letters as a space (partially_implemented, non-compliant), collapses spaces and
 * drops trailing punctuation ("Yes.", "En place?"). Greek final sigma folds to σ.
 */
export function foldWord(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ς/g, "σ")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/_/g, " ")
    .replace(/(?<=\p{L})-(?=\p{L})/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*[.!?:;,]+$/, "")
    .trim();
}

type Lang = "en" | "de" | "fr" | "es" | "it" | "nl" | "pt" | "cs" | "el";

/** Implementation answers per status and language (written naturally; folded when compiled). */
export const STATUS_WORDS: Record<Status, Partial<Record<Lang, readonly string[]>>> = {
  Compliant: {
    en: [
      "yes",
      "met",
      "fully met",
      "implemented",
      "fully implemented",
      "fully",
      "done",
      "compliant",
      "fully compliant",
      "complete",
      "completed",
      "in place",
      "conformant",
      "conforms",
      "achieved",
      "satisfied",
      "true",
      "ok",
      "full",
      "compliance",
      "conform",
    ],
    de: [
      "ja",
      "erfüllt",
      "vollständig erfüllt",
      "umgesetzt",
      "vollständig umgesetzt",
      "implementiert",
      "konform",
      "vorhanden",
      "erledigt",
    ],
    fr: [
      "oui",
      "conforme",
      "en place",
      "mis en place",
      "mise en place",
      "mis en œuvre",
      "mis en oeuvre",
      "implémenté",
      "implémentée",
      "réalisé",
      "fait",
      "totalement",
    ],
    es: [
      "sí",
      "cumple",
      "implementado",
      "implementada",
      "conforme",
      "completo",
      "completado",
      "hecho",
    ],
    it: ["sì", "conforme", "implementato", "attuato", "completo", "completato", "fatto"],
    nl: ["ja", "voldoet", "geïmplementeerd", "conform", "gereed", "aanwezig", "volledig"],
    pt: ["sim", "conforme", "implementado", "implementada", "cumpre", "completo", "feito"],
    cs: ["ano", "splněno", "zavedeno", "implementováno", "vyhovuje", "hotovo"],
    el: ["ναι", "υλοποιημένο", "υλοποιήθηκε", "συμμορφώνεται", "πλήρως"],
  },
  "Partially Compliant": {
    en: [
      "partial",
      "partially",
      "partly",
      "in progress",
      "partially implemented",
      "partially compliant",
      "partially met",
      "partly implemented",
      "ongoing",
      "started",
      "under way",
      "underway",
      "part",
      "partly met",
      "partial compliance",
      "wip",
      "some",
    ],
    de: [
      "teilweise",
      "teilweise erfüllt",
      "teilweise umgesetzt",
      "in bearbeitung",
      "in arbeit",
      "in umsetzung",
    ],
    fr: [
      "partiel",
      "partielle",
      "partiellement",
      "en cours",
      "partiellement en place",
      "partiellement conforme",
    ],
    es: [
      "parcial",
      "parcialmente",
      "en curso",
      "en progreso",
      "en proceso",
      "parcialmente implementado",
    ],
    it: ["parziale", "parzialmente", "in corso", "parzialmente implementato"],
    nl: [
      "gedeeltelijk",
      "deels",
      "gedeeltelijk geïmplementeerd",
      "in uitvoering",
      "in behandeling",
    ],
    pt: ["parcial", "parcialmente", "em andamento", "em curso", "parcialmente implementado"],
    cs: ["částečně", "částečně splněno", "částečně zavedeno", "rozpracováno", "probíhá"],
    el: ["μερικώς", "εν μέρει", "σε εξέλιξη", "μερική"],
  },
  "Non-Compliant": {
    en: [
      "no",
      "not met",
      "not implemented",
      "gap",
      "missing",
      "non compliant",
      "noncompliant",
      "not compliant",
      "not in place",
      "absent",
      "false",
      "not started",
      "not done",
      "unmet",
      "non compliance",
      "fail",
      "failed",
    ],
    de: [
      "nein",
      "nicht erfüllt",
      "nicht umgesetzt",
      "nicht implementiert",
      "fehlt",
      "nicht vorhanden",
      "lücke",
    ],
    fr: [
      "non",
      "non conforme",
      "non mis en place",
      "pas en place",
      "absent",
      "manquant",
      "non implémenté",
      "écart",
    ],
    es: ["no", "no cumple", "no implementado", "falta", "ausente", "no conforme", "brecha"],
    it: ["no", "non conforme", "non implementato", "mancante", "assente", "non attuato"],
    nl: ["nee", "voldoet niet", "niet geïmplementeerd", "ontbreekt", "niet aanwezig", "afwezig"],
    pt: ["não", "não conforme", "não implementado", "ausente", "em falta", "não cumpre"],
    cs: ["ne", "nesplněno", "nezavedeno", "chybí", "nevyhovuje", "neimplementováno"],
    el: ["όχι", "δεν υλοποιήθηκε", "μη υλοποιημένο", "δεν συμμορφώνεται"],
  },
  "Not Applicable": {
    en: [
      "n/a",
      "na",
      "n.a",
      "not applicable",
      "excluded",
      "not relevant",
      "out of scope",
      "exclude",
    ],
    de: ["nicht anwendbar", "nicht zutreffend", "entfällt", "ausgeschlossen", "nicht relevant"],
    fr: ["non applicable", "sans objet", "exclu", "exclue", "hors périmètre"],
    es: ["no aplica", "no aplicable", "excluido"],
    it: ["non applicabile", "escluso", "non pertinente"],
    nl: ["niet van toepassing", "nvt", "n.v.t", "uitgesloten"],
    pt: ["não aplicável", "não se aplica", "excluído"],
    cs: ["neaplikovatelné", "nepoužitelné", "nerelevantní", "vyloučeno", "netýká se"],
    el: ["δεν εφαρμόζεται", "μη εφαρμόσιμο", "εκτός πεδίου"],
  },
  "Not Assessed": {
    en: [
      "not assessed",
      "not yet assessed",
      "to be assessed",
      "tbd",
      "-",
      "—",
      "–",
      "todo",
      "to do",
      "pending",
      "unknown",
      "not reviewed",
    ],
    de: ["nicht bewertet"],
    fr: ["non évalué", "à évaluer"],
    es: ["no evaluado"],
    it: ["non valutato", "da valutare"],
    nl: ["niet beoordeeld"],
    pt: ["não avaliado"],
    cs: ["nehodnoceno"],
    el: ["δεν αξιολογήθηκε"],
  },
};

/** Single letters and marks: only read in columns whose header says they hold answers ("Met? Y/N"). */
export const STATUS_LETTERS: Record<string, Status> = {
  y: "Compliant",
  n: "Non-Compliant",
  p: "Partially Compliant",
  c: "Compliant",
  pc: "Partially Compliant",
  pi: "Partially Compliant",
  nc: "Non-Compliant",
  ni: "Non-Compliant",
  nap: "Not Applicable",
  "✓": "Compliant",
  "✔": "Compliant",
  "☑": "Compliant",
  "✗": "Non-Compliant",
  "✘": "Non-Compliant",
  "☒": "Non-Compliant",
};

/** Applicability answers ("does this control apply?"), per language. */
export const APPLICABILITY_WORDS: {
  applicable: Partial<Record<Lang, readonly string[]>>;
  notApplicable: Partial<Record<Lang, readonly string[]>>;
} = {
  applicable: {
    en: [
      "yes",
      "applicable",
      "included",
      "include",
      "in scope",
      "relevant",
      "selected",
      "true",
      "required",
    ],
    de: ["ja", "anwendbar", "zutreffend", "relevant", "ausgewählt"],
    fr: ["oui", "applicable", "inclus", "retenu", "retenue"],
    es: ["sí", "aplica", "aplicable", "incluido"],
    it: ["sì", "applicabile", "incluso"],
    nl: ["ja", "van toepassing", "toepasselijk"],
    pt: ["sim", "aplicável", "incluído"],
    cs: ["ano", "aplikovatelné", "relevantní", "použitelné"],
    el: ["ναι", "εφαρμόζεται", "ισχύει"],
  },
  notApplicable: {
    en: [
      "no",
      "not applicable",
      "n/a",
      "na",
      "n.a",
      "excluded",
      "exclude",
      "out of scope",
      "not relevant",
      "false",
    ],
    de: ["nein", "nicht anwendbar", "nicht zutreffend", "ausgeschlossen", "entfällt"],
    fr: ["non", "non applicable", "exclu", "exclue", "non retenu", "sans objet"],
    es: ["no", "no aplica", "no aplicable", "excluido"],
    it: ["no", "non applicabile", "escluso"],
    nl: ["nee", "niet van toepassing", "nvt", "n.v.t", "uitgesloten"],
    pt: ["não", "não aplicável", "não se aplica", "excluído"],
    cs: ["ne", "neaplikovatelné", "nerelevantní", "vyloučeno", "netýká se"],
    el: ["όχι", "δεν εφαρμόζεται", "μη εφαρμόσιμο"],
  },
};

const APPLICABILITY_LETTERS: Record<string, boolean> = { y: true, n: false };

/** Lower bounds (inclusive) of Compliant and Partially Compliant; anything below is Non-Compliant. */
export interface Thresholds {
  compliantMin: number;
  partialMin: number;
}

/** 100 % is Compliant, anything from 1 % Partially Compliant, 0 % Non-Compliant. */
const DEFAULT_PERCENT_THRESHOLDS: Thresholds = { compliantMin: 100, partialMin: 1 };
/** Maturity 0–5: 3 (defined) and up is Compliant, 1–2 Partially Compliant, 0 Non-Compliant. */
const DEFAULT_MATURITY_THRESHOLDS: Thresholds = { compliantMin: 3, partialMin: 1 };

export interface StatusWordOptions {
  /** The user's "Status words" table: word → status; wins over the built-in lists. */
  extraWords?: ReadonlyMap<string, Status> | Readonly<Record<string, Status>>;
  percent?: Partial<Thresholds>;
  maturity?: Partial<Thresholds>;
}

/** How a bare number in an answer column is read. */
export type NumberReading = "maturity" | "percent" | "none";

export type StatusReading =
  | { kind: "blank" }
  | { kind: "status"; status: Status; via: "word" | "user" | "letter" | "percent" | "maturity" }
  | { kind: "unknown"; word: string };

export type ApplicabilityReading =
  | { kind: "blank" }
  | { kind: "applicability"; applicable: boolean }
  | { kind: "unknown"; word: string };

export interface ReadContext {
  numbers?: NumberReading;
  /** Accept single letters (Y / N / P) and tick marks; off when guessing a column from content. */
  letters?: boolean;
}

export interface StatusWordReader {
  readStatus(value: CellValue | string | undefined, context?: ReadContext): StatusReading;
  readApplicability(
    value: CellValue | string | undefined,
    context?: ReadContext
  ): ApplicabilityReading;
}

function compileTable(table: Partial<Record<Lang, readonly string[]>>): string[] {
  return Object.values(table).flatMap((words) => (words ?? []).map(foldWord));
}

// The built-in tables compiled once; a word listed under two statuses is a bug the tests catch.
const BUILT_IN_STATUS = new Map<string, Status>();
for (const status of STATUSES) {
  for (const word of compileTable(STATUS_WORDS[status])) BUILT_IN_STATUS.set(word, status);
  BUILT_IN_STATUS.set(foldWord(status), status);
}
const BUILT_IN_APPLICABILITY = new Map<string, boolean>();
for (const word of compileTable(APPLICABILITY_WORDS.applicable))
  BUILT_IN_APPLICABILITY.set(word, true);
for (const word of compileTable(APPLICABILITY_WORDS.notApplicable))
  BUILT_IN_APPLICABILITY.set(word, false);

/** Every (folded word, status) pair of the built-in tables, for consistency checks. */
export function builtInStatusEntries(): [string, Status][] {
  return STATUSES.flatMap((status) =>
    compileTable(STATUS_WORDS[status]).map((w): [string, Status] => [w, status])
  );
}

const PERCENT = /^(-?\d{1,3}(?:[.,]\d+)?)\s*%$/;
const MATURITY =
  /^(?:(?:level|lvl|l|stufe|niveau|nivel|livello|úroveň|uroven|επίπεδο|επιπεδο)\s*)?([0-5])(?:\s*\/\s*5)?$/;
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

function byThresholds(value: number, t: Thresholds): Status {
  if (value >= t.compliantMin) return "Compliant";
  if (value >= t.partialMin) return "Partially Compliant";
  return "Non-Compliant";
}

function cellString(value: CellValue | string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

/** Builds a reader over the built-in tables, the user's words and the thresholds. */
export function statusWordReader(options: StatusWordOptions = {}): StatusWordReader {
  const user = new Map<string, Status>();
  const extra = options.extraWords;
  if (extra) {
    const entries = extra instanceof Map ? [...extra.entries()] : Object.entries(extra);
    for (const [word, status] of entries) {
      const canonical = asStatus(status);
      const key = foldWord(String(word));
      if (canonical && key) user.set(key, canonical);
    }
  }
  const percent = { ...DEFAULT_PERCENT_THRESHOLDS, ...options.percent };
  const maturity = { ...DEFAULT_MATURITY_THRESHOLDS, ...options.maturity };

  function readStatus(
    value: CellValue | string | undefined,
    context: ReadContext = {}
  ): StatusReading {
    const raw = cellString(value);
    const word = foldWord(raw);
    if (word === "") return { kind: "blank" };
    const mine = user.get(word);
    if (mine) return { kind: "status", status: mine, via: "user" };
    const builtIn = BUILT_IN_STATUS.get(word);
    if (builtIn) return { kind: "status", status: builtIn, via: "word" };
    if (context.letters !== false && STATUS_LETTERS[word]) {
      return { kind: "status", status: STATUS_LETTERS[word], via: "letter" };
    }
    const numbers = context.numbers ?? "maturity";
    const pct = PERCENT.exec(word);
    if (pct && numbers !== "none") {
      return {
        kind: "status",
        status: byThresholds(Number(pct[1].replace(",", ".")), percent),
        via: "percent",
      };
    }
    if (numbers === "percent" && NUMBER.test(word)) {
      return {
        kind: "status",
        status: byThresholds(Number(word.replace(",", ".")), percent),
        via: "percent",
      };
    }
    const level = MATURITY.exec(word);
    if (level && numbers === "maturity") {
      return { kind: "status", status: byThresholds(Number(level[1]), maturity), via: "maturity" };
    }
    return { kind: "unknown", word: raw.trim() };
  }

  function readApplicability(
    value: CellValue | string | undefined,
    context: ReadContext = {}
  ): ApplicabilityReading {
    const raw = cellString(value);
    const word = foldWord(raw);
    if (word === "") return { kind: "blank" };
    const mine = user.get(word);
    if (mine && mine !== "Not Assessed")
      return { kind: "applicability", applicable: mine !== "Not Applicable" };
    const builtIn = BUILT_IN_APPLICABILITY.get(word);
    if (builtIn !== undefined) return { kind: "applicability", applicable: builtIn };
    if (context.letters !== false && APPLICABILITY_LETTERS[word] !== undefined) {
      return { kind: "applicability", applicable: APPLICABILITY_LETTERS[word] };
    }
    return { kind: "unknown", word: raw.trim() };
  }

  return { readStatus, readApplicability };
}

/**
 * Reads the "Status words" table (word → status) from a sheet such as Settings: the Excel table
 * StatusWords when the read saw tables, else the rows under the "Status words" title and its
 * Word / Status header — every row of the table, blank rows inside skipped, up to its own end
 * (the table's range, or the next Settings title), never into the table below.
 * Statuses that are not on the scale are reported, not guessed.
 */
export function readStatusWordsTable(snapshot: SheetSnapshot): {
  words: Map<string, Status>;
  problems: string[];
} {
  const words = new Map<string, Status>();
  const problems: string[] = [];
  if (!Array.isArray(snapshot.values)) return { words, problems };
  const table = findStatusWordsTable(snapshot);
  if (!table || table.columnOf[0] < 0 || table.columnOf[1] < 0) return { words, problems };
  for (const r of table.rows) {
    const word = specText(snapshot, table, r, 0).trim();
    if (word === "") continue;
    const shown = specText(snapshot, table, r, 1);
    const status = asStatus(shown);
    if (status) words.set(word, status);
    else
      problems.push(
        `Status words: "${word}" maps to "${shown}", which is not a status on the scale`
      );
  }
  return { words, problems };
}
