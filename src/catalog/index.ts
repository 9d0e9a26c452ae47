// Public face of the catalog: re-exports, id lookups and the JSON the CLI prints.
import { CLAUSES } from "./clauses";
import { CONTROLS } from "./controls";
import { DOCUMENTS } from "./documents";
import { normalizeControlId, parseId } from "./ids";
import { MAPPING_2013 } from "./mapping2013";
import type { Clause, Control, Mapping2013 } from "./types";

export * from "./types";
export * from "./clauses";
export * from "./controls";
export * from "./mapping2013";
export * from "./documents";
export * from "./ids";

const CLAUSE_BY_ID = new Map(CLAUSES.map((c) => [c.id, c]));
const CONTROL_BY_ID = new Map(CONTROLS.map((c) => [c.id, c]));
const MAPPING_BY_ID = new Map(MAPPING_2013.map((m) => [m.iso2013, m]));

/** The clause for "6.1.2", "Clause 6.1.2", "§ 6.1.2" ...; undefined when there is none. */
export function findClause(id: unknown): Clause | undefined {
  if (typeof id === "string" && CLAUSE_BY_ID.has(id)) return CLAUSE_BY_ID.get(id);
  const match = parseId(id).find((m) => m.kind === "clause");
  return match ? CLAUSE_BY_ID.get(match.id) : undefined;
}

/** The 2022 control for "5.1", "A.5.1", "Control 5.1" ...; undefined when there is none. */
export function findControl(id: unknown): Control | undefined {
  const canonical = normalizeControlId(id);
  return canonical === null ? undefined : CONTROL_BY_ID.get(canonical);
}

// A 2013 id may be typed without its "A." ("12.6.1", "6.1.2"), so take any 2013 reading.
function find2013(iso2013: unknown): Mapping2013 | undefined {
  const match = parseId(iso2013).find((m) => m.kind === "control2013");
  return match ? MAPPING_BY_ID.get(match.id) : undefined;
}

/** The 2022 control id(s) a 2013 control became; [] when the 2013 id is unknown. */
export function controlsFrom2013(iso2013: unknown): string[] {
  return [...(find2013(iso2013)?.iso2022 ?? [])];
}

/** The 2013 controls that became this 2022 control; [] for the 11 new controls and unknown ids. */
export function sourcesOf2022(id: unknown): Mapping2013[] {
  const canonical = normalizeControlId(id);
  if (canonical === null) return [];
  return MAPPING_2013.filter((m) => m.iso2022.includes(canonical));
}

/** The shape `gap-assessor catalog` prints; keys and their order are a contract. */
export interface CatalogJson {
  clauses: { id: string; parent: number; title: string; question: string; evidence: string }[];
  controls: {
    id: string;
    theme: Control["theme"];
    title: string;
    new: boolean;
    question: string;
    evidence: string;
    type: Control["type"];
  }[];
  mapping2013: { iso2013: string; iso2022: string[] }[];
  documents: { id: string; title: string; clause: string }[];
}

/** The catalog as plain JSON-ready data, built fresh so callers cannot change the catalog through it. */
export function catalogJson(): CatalogJson {
  return {
    clauses: CLAUSES.map((c) => ({
      id: c.id,
      parent: c.parent,
      title: c.title,
      question: c.question,
      evidence: c.evidence,
    })),
    controls: CONTROLS.map((c) => ({
      id: c.id,
      theme: c.theme,
      title: c.title,
      new: c.new,
      question: c.question,
      evidence: c.evidence,
      type: c.type,
    })),
    mapping2013: MAPPING_2013.map((m) => ({ iso2013: m.iso2013, iso2022: [...m.iso2022] })),
    documents: DOCUMENTS.map((d) => ({ id: d.id, title: d.title, clause: d.clause })),
  };
}
