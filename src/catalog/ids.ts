// Reading ids as people type them ("A.5.1", "Clause 6.1.2", "5.01 - Policies") into canonical catalog ids.
import { CLAUSES } from "./clauses";
import { CONTROLS } from "./controls";
import { MAPPING_2013 } from "./mapping2013";
import type { IdKind, IdMatch } from "./types";

const CLAUSE_IDS = new Set(CLAUSES.map((c) => c.id));
const CONTROL_IDS = new Set(CONTROLS.map((c) => c.id));
const CONTROL2013_IDS = new Set(MAPPING_2013.map((m) => m.iso2013));

/** What a prefix says about the id that follows. */
type Hint = "annex" | "clause";

// Prefixes people put before an id, tried repeatedly so "Annex A control 5.1" works.
// `null` hint: the prefix names the standard but not which part of it.
const PREFIXES: { re: RegExp; hint: Hint | null }[] = [
  { re: /^iso(?:\s*\/\s*iec)?\s*2700[12](?:\s*:\s*20(?:13|22))?\s*[,:\-–—]?\s*/i, hint: null },
  { re: /^annex\s*a(?=[\s.:\-–—]|\d)\s*\.?\s*[:\-–—]?\s*/i, hint: "annex" },
  {
    re: /^(?:control|ctrl)s?(?![a-z])\s*\.?\s*(?:(?:no|nr)\.?\s*|#\s*)?[:\-–—]?\s*/i,
    hint: "annex",
  },
  { re: /^(?:clause|cl)(?![a-z])\s*\.?\s*[:\-–—]?\s*/i, hint: "clause" },
  { re: /^§+\s*/, hint: "clause" },
  // A bare "A" only counts when a number follows: "A.5.1", "A5.1", "A 5.1", "a. 5.1".
  { re: /^a(?=\s*\.?\s*\d)\s*\.?\s*/i, hint: "annex" },
];

// Two or three numeric parts, an optional trailing dot, then the end or a separator before text
// ("5.1 - Policies", "5.1: ...", "A.9.2.3 Management ..."). Parts are 1-2 digits for the first and
// 1-3 after, so dates such as 2024-05-01 or 01.05.2024 never match.
const NUMBER = /^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,3}))?\.?(?=$|[\s\-–—:;,|/)\]])/;

// Invisible characters that arrive from copy-paste and web pages; \s covers NBSP and friends.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

// The first prefix at the start of `text`; every match consumes at least one character.
function matchPrefix(text: string): { length: number; hint: Hint | null } | null {
  for (const { re, hint } of PREFIXES) {
    const m = re.exec(text);
    if (m && m[0].length > 0) return { length: m[0].length, hint };
  }
  return null;
}

/** Plain text of a cell value; numbers keep their JS form (5.1 -> "5.1"). */
function textOf(raw: unknown): string | null {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : null;
  return null;
}

/**
 * All catalog ids the input could mean, most likely first; [] when it is not an id.
 * Only ids that exist in the catalog are returned.
 */
export function parseId(raw: unknown): readonly IdMatch[] {
  const text = textOf(raw);
  if (text === null) return NO_MATCHES;
  let found = readingsCache.get(text);
  if (found === undefined) {
    found = Object.freeze(readings(text));
    // Bounded: a 50,000-row workbook looks each id up several times (harvest, layout, plan).
    if (readingsCache.size > 200_000) readingsCache.clear();
    readingsCache.set(text, found);
  }
  return found;
}

const NO_MATCHES: readonly IdMatch[] = Object.freeze([]);
const readingsCache = new Map<string, readonly IdMatch[]>();

function readings(text: string): IdMatch[] {
  let rest = text
    .replace(INVISIBLE, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[([]\s*/, "");

  const hints = new Set<Hint>();
  let prefix = matchPrefix(rest);
  while (prefix) {
    rest = rest.slice(prefix.length);
    if (prefix.hint) hints.add(prefix.hint);
    prefix = matchPrefix(rest);
  }
  // "Clause A.5.1" contradicts itself; better no answer than a guess.
  if (hints.size > 1) return [];
  const hint = hints.size === 1 ? [...hints][0] : null;

  const m = NUMBER.exec(rest);
  if (!m) return [];
  // Number() drops leading zeros: "5.01" -> 5.1, while "5.10" stays 5.10.
  const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined).map(Number);
  const id = parts.join(".");

  const out: IdMatch[] = [];
  const add = (kind: IdKind, canonical: string, known: Set<string>): void => {
    if (known.has(canonical)) out.push({ kind, id: canonical });
  };
  if (parts.length === 2) {
    // A two-part id is a clause (4.1 ... 10.2) or a 2022 control (5.1 ... 8.34).
    if (hint === "annex") add("control2022", id, CONTROL_IDS);
    else if (hint === "clause") add("clause", id, CLAUSE_IDS);
    else {
      add("clause", id, CLAUSE_IDS);
      add("control2022", id, CONTROL_IDS);
    }
  } else {
    // A three-part id is a clause (6.1.2) or a 2013 control (A.6.1.2, A.12.6.1).
    if (hint === "annex") add("control2013", `A.${id}`, CONTROL2013_IDS);
    else if (hint === "clause") add("clause", id, CLAUSE_IDS);
    else {
      add("clause", id, CLAUSE_IDS);
      add("control2013", `A.${id}`, CONTROL2013_IDS);
    }
  }
  return out;
}

/** The 2022 control id ("5.1") if `raw` reads as one, with or without prefix; otherwise null. */
export function normalizeControlId(raw: unknown): string | null {
  return parseId(raw).find((m) => m.kind === "control2022")?.id ?? null;
}

// Sort key: numeric parts of an id without its "A." / "Annex A" prefix.
/** An id's parts, each a number when it is one: sorts compare the same ids many times. */
type IdPart = string | number;
const partsCache = new Map<string, IdPart[]>();

function idParts(id: string): IdPart[] {
  const cached = partsCache.get(id);
  if (cached) return cached;
  const parts = id
    .trim()
    .replace(/^(?:annex\s*)?a\s*\.?\s*(?=\d)/i, "")
    .split(".")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  // A bounded cache: a sort of 50,000 rows reuses each id's parts about 16 times.
  if (partsCache.size > 200_000) partsCache.clear();
  partsCache.set(id, parts);
  return parts;
}

/** Natural order for ids: 5.2 < 5.10, 6.1.2 < 6.2, "A.5.2" < "A.5.10". */
export function naturalIdCompare(a: string, b: string): number {
  const pa = idParts(a);
  const pb = idParts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const na = pa[i];
    const nb = pb[i];
    let diff: number;
    if (typeof na === "number" && typeof nb === "number") diff = na - nb;
    else if (typeof na === "number")
      diff = -1; // numbers before text
    else if (typeof nb === "number") diff = 1;
    else diff = na.localeCompare(nb);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length < pb.length ? -1 : 1;
  // Same numbers ("A.5.1" vs "5.1"): fall back to the raw text so the order is total.
  return a < b ? -1 : a > b ? 1 : 0;
}
