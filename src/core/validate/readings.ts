// How rules read cells: Status and Applicable as the sheet formulas see them, risk ratings, and
// text that only pretends to be evidence. The word lists are data; add to them, not to the code.
import { IMPACT_SCALE, LIKELIHOOD_SCALE, STATUSES, type Status } from "../scale";
import type { CellValue } from "../snapshot";
import { closest, looseKey } from "./suggest";
import {
  builtInStatusEntries,
  STATUS_LETTERS,
  statusWordReader,
  type StatusWordReader,
} from "../statusWords";
import type { Applicability, ApplicableReading, StatusReading } from "./types";

/**
 * Typo-tolerant candidates for a status suggestion: the scale itself plus every built-in status
 * word and letter of the import's word list (core/statusWords.ts), so an exact word is always
 * suggested as the status import would read it.
 */
const STATUS_CANDIDATES: ReadonlyMap<string, Status> = new Map<string, Status>([
  ...builtInStatusEntries().map(([word, status]): [string, Status] => [looseKey(word), status]),
  ...Object.entries(STATUS_LETTERS).map(([letter, status]): [string, Status] => [
    looseKey(letter),
    status,
  ]),
  ...STATUSES.map((s): [string, Status] => [looseKey(s), s]),
]);

const BUILT_IN_WORDS = statusWordReader();

/** The status a word not on the scale most likely means: the import's reading, else the nearest word. */
function suggestStatus(raw: string, words: StatusWordReader = BUILT_IN_WORDS): Status | null {
  const read = words.readStatus(raw, { numbers: "none" });
  if (read.kind === "status") return read.status;
  return closest(raw, STATUS_CANDIDATES);
}

const APPLICABLE_CANDIDATES: ReadonlyMap<string, Applicability> = new Map<string, Applicability>([
  ["yes", "Yes"],
  ["y", "Yes"],
  ["applicable", "Yes"],
  ["true", "Yes"],
  ["1", "Yes"],
  ["x", "Yes"],
  ["ja", "Yes"],
  ["oui", "Yes"],
  ["no", "No"],
  ["n", "No"],
  ["not applicable", "No"],
  ["n/a", "No"],
  ["na", "No"],
  ["false", "No"],
  ["0", "No"],
  ["excluded", "No"],
  ["nein", "No"],
  ["non", "No"],
]);

/** Evidence (and owner, justification) texts that say nothing an auditor can check (loose keys). */
const PLACEHOLDER_TEXTS: ReadonlySet<string> = new Set([
  "tbd",
  "tba",
  "tbc",
  "todo",
  "to do",
  "n/a",
  "na",
  "n a",
  "none",
  "nil",
  "null",
  "nothing",
  "yes",
  "y",
  "no",
  "n",
  "ok",
  "okay",
  "done",
  "x",
  "?",
  "see above",
  "as above",
  "same as above",
  "see below",
  "ditto",
  "same",
  "idem",
  "pending",
  "evidence",
  "various",
  "exists",
  "in place",
  "available",
  "implemented",
  "compliant",
  "true",
  "false",
  "0",
  "1",
  "unknown",
  "not sure",
  "wip",
  "later",
  "ask",
  "see notes",
  "see policy",
  "policy",
  "document",
]);

// Longest listed placeholder plus room for stray punctuation and spaces ("Same as above.").
const PLACEHOLDER_MAX_LENGTH = Math.max(...[...PLACEHOLDER_TEXTS].map((t) => t.length)) + 6;

function textOfValue(value: CellValue): string {
  return value === null ? "" : String(value);
}

/** True when the text says nothing: a listed placeholder or only punctuation ("-", "—", "...", "??"). */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  // Real evidence is longer than any listed placeholder: skip the normalising on the common path.
  if (trimmed === "" || trimmed.length > PLACEHOLDER_MAX_LENGTH) return false;
  if (/^[\p{P}\p{S}\s]+$/u.test(trimmed)) return true;
  return PLACEHOLDER_TEXTS.has(looseKey(trimmed));
}

/** Whether a value is empty as the formulas see it (null, or only spaces). */
export function isBlankValue(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

// Excel's "=" ignores case but not spaces, so trimming is exactly what the formulas do not do.
function spacedKey(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, " ")
    .trim()
    .toLowerCase();
}

const STATUS_BY_LOWER = new Map(STATUSES.map((s) => [s.toLowerCase(), s]));

/** Reads a Status cell; `cache` keeps suggestions cheap on 10,000 rows of the same typo. */
export function readStatus(
  value: CellValue,
  cache?: Map<string, StatusReading>,
  words?: StatusWordReader
): StatusReading {
  if (isBlankValue(value)) return { kind: "blank" };
  const raw = textOfValue(value);
  const key = `${typeof value}:${raw}`;
  const cached = cache?.get(key);
  if (cached) return cached;
  const reading = classifyStatus(value, raw, words);
  cache?.set(key, reading);
  return reading;
}

function classifyStatus(value: CellValue, raw: string, words?: StatusWordReader): StatusReading {
  if (typeof value === "string") {
    if ((STATUSES as readonly string[]).includes(raw))
      return { kind: "exact", status: raw as Status };
    const byCase = STATUS_BY_LOWER.get(raw.toLowerCase());
    if (byCase) return { kind: "case", status: byCase, raw };
    const bySpacing = STATUS_BY_LOWER.get(spacedKey(raw));
    if (bySpacing) return { kind: "spacing", status: bySpacing, raw };
  }
  return { kind: "invalid", raw, suggestion: suggestStatus(raw, words) };
}

export function readApplicable(value: CellValue): ApplicableReading {
  if (isBlankValue(value)) return { kind: "blank" };
  const raw = textOfValue(value);
  if (typeof value === "string") {
    const lower = raw.toLowerCase();
    if (lower === "yes" || lower === "no")
      return { kind: "ok", value: lower === "yes" ? "Yes" : "No" };
    const spaced = spacedKey(raw);
    if (spaced === "yes" || spaced === "no")
      return { kind: "spacing", value: spaced === "yes" ? "Yes" : "No", raw };
  }
  return { kind: "invalid", raw, suggestion: closest(raw, APPLICABLE_CANDIDATES) };
}

/** A Likelihood or Impact cell. */
export type RatingReading =
  | { kind: "blank" }
  | { kind: "ok"; value: number }
  /** A number, but not a whole number from 1 to 5. */
  | { kind: "out-of-range"; value: number }
  /** A number typed as text ("3"): the formulas and the 1-5 list do not take it as a number. */
  | { kind: "text-number"; raw: string; value: number }
  /** A scale label such as "Likely": the number it stands for. */
  | { kind: "label"; raw: string; value: number }
  | { kind: "invalid"; raw: string };

export function readRating(value: CellValue, scale: "Likelihood" | "Impact"): RatingReading {
  if (isBlankValue(value)) return { kind: "blank" };
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= 1 && value <= 5
      ? { kind: "ok", value }
      : { kind: "out-of-range", value };
  }
  const raw = textOfValue(value);
  if (typeof value === "string") {
    const trimmed = raw.trim();
    if (/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed))
      return { kind: "text-number", raw, value: Number(trimmed.replace(",", ".")) };
    const labels = scale === "Likelihood" ? LIKELIHOOD_SCALE : IMPACT_SCALE;
    const label = labels.find((l) => l.label.toLowerCase() === trimmed.toLowerCase());
    if (label) return { kind: "label", raw, value: label.value };
  }
  return { kind: "invalid", raw };
}

/** The scale label of a rating ("4 (Likely)"), for messages. */
export function ratingLabel(scale: "Likelihood" | "Impact", value: number): string {
  const labels = scale === "Likelihood" ? LIKELIHOOD_SCALE : IMPACT_SCALE;
  const label = labels.find((l) => l.value === value);
  return label ? `${value} (${label.label})` : String(value);
}
