// Template import, step 3: which column holds the status, the applicability and the texts to
// carry over. Headers first; when no header names an answer column, a column of status words.
import type { Grid } from "./grid";
import { ROLE_LABELS, type HeaderInfo, type Role } from "./headers";
import type { NumberReading, StatusWordReader } from "../statusWords";

export interface ColumnUse {
  column: string;
  header: string;
  role: Role;
  from: "header" | "content";
}

export const TEXT_ROLES = ["evidence", "notes", "justification", "owner", "dueDate"] as const;
export type TextRole = (typeof TEXT_ROLES)[number];

const PERCENT_HEADER =
  /%|percent|prozent|pourcent|porcentaje|percentuale|procent|completeness|progress|fortschritt|avancement/i;
const MATURITY_HEADER =
  /maturity|reifegrad|maturite|madurez|maturita|volwassenheid|maturidade|vyspelost|level|stufe|niveau/i;

export interface Columns {
  id: number;
  status: number;
  statusFrom: "header" | "content";
  statusNumbers: NumberReading;
  applicability: number;
  text: Record<TextRole, number[]>;
  likelihood: number;
  impact: number;
}

function columnsWithRole(header: HeaderInfo, role: Role, exclude: number): number[] {
  const out: number[] = [];
  header.roles.forEach((r, c) => {
    if (r === role && c !== exclude) out.push(c);
  });
  return out;
}

/** The candidate column whose cells hold the most known answers; prose columns are dropped. */
function bestAnswerColumn(
  grid: Grid,
  header: HeaderInfo,
  candidates: number[],
  known: (text: string) => boolean,
  decisions: string[]
): number {
  let best = -1;
  let bestKnown = -1;
  for (const c of candidates) {
    let filled = 0;
    let hits = 0;
    let length = 0;
    for (let r = header.dataStart; r < grid.rows; r++) {
      const t = grid.dataText(r, c).trim();
      if (t === "") continue;
      filled++;
      length += t.length;
      if (known(t)) hits++;
    }
    if (hits === 0 && filled > 0 && length / filled > 30) {
      decisions.push(
        `Column ${grid.column(c)} "${header.headers[c]}" holds text, not answers; not read as ${ROLE_LABELS[header.roles[c] ?? "other"]}.`
      );
      continue;
    }
    if (hits > bestKnown) {
      best = c;
      bestKnown = hits;
    }
  }
  return best;
}

export function pickColumns(
  grid: Grid,
  header: HeaderInfo,
  idCol: number,
  reader: StatusWordReader,
  decisions: string[]
): Columns {
  const status = bestAnswerColumn(
    grid,
    header,
    columnsWithRole(header, "status", idCol),
    (t) => reader.readStatus(t).kind === "status",
    decisions
  );
  const applicability = bestAnswerColumn(
    grid,
    header,
    columnsWithRole(header, "applicability", idCol),
    (t) => reader.readApplicability(t).kind === "applicability",
    decisions
  );
  let statusCol = status;
  let statusFrom: "header" | "content" = "header";
  if (statusCol < 0 && applicability < 0) {
    // No answer header: a column (without a role of its own) whose cells are mostly status words.
    let bestHits = 0;
    for (let c = 0; c < grid.cols; c++) {
      if (c === idCol || header.roles[c] !== null) continue;
      let filled = 0;
      let hits = 0;
      for (let r = header.dataStart; r < grid.rows; r++) {
        const t = grid.dataText(r, c).trim();
        if (t === "") continue;
        filled++;
        if (reader.readStatus(t, { letters: false, numbers: "none" }).kind === "status") hits++;
      }
      if (filled >= 2 && hits / filled >= 0.6 && hits > bestHits) {
        statusCol = c;
        bestHits = hits;
        statusFrom = "content";
      }
    }
  }
  let statusNumbers: NumberReading = "maturity";
  if (statusCol >= 0) {
    const h = header.headers[statusCol] ?? "";
    if (PERCENT_HEADER.test(h)) statusNumbers = "percent";
    else if (!MATURITY_HEADER.test(h)) {
      for (let r = header.dataStart; r < grid.rows; r++) {
        const v = grid.raw(r, statusCol);
        if (typeof v === "number" && v > 5) {
          statusNumbers = "percent";
          break;
        }
      }
    }
  }
  const text = {} as Record<TextRole, number[]>;
  for (const role of TEXT_ROLES) text[role] = columnsWithRole(header, role, idCol);
  if (text.evidence.length === 0 && text.notes.length > 0) {
    // The issue's reading: Comments / Notes carry the evidence when there is no evidence column.
    text.evidence = text.notes;
    text.notes = [];
    decisions.push(
      `No evidence column: ${text.evidence.map((c) => `"${header.headers[c]}"`).join(", ")} imported as Evidence.`
    );
  }
  return {
    id: idCol,
    status: statusCol,
    statusFrom,
    statusNumbers,
    applicability,
    text,
    likelihood: columnsWithRole(header, "likelihood", idCol)[0] ?? -1,
    impact: columnsWithRole(header, "impact", idCol)[0] ?? -1,
  };
}

export function describeColumns(grid: Grid, header: HeaderInfo, cols: Columns): ColumnUse[] {
  const out: ColumnUse[] = [];
  const add = (c: number, role: Role, from: "header" | "content"): void => {
    if (c >= 0) out.push({ column: grid.column(c), header: header.headers[c] ?? "", role, from });
  };
  add(cols.id, "id", header.roles[cols.id] === "id" ? "header" : "content");
  add(cols.applicability, "applicability", "header");
  add(cols.status, "status", cols.statusFrom);
  for (const role of TEXT_ROLES) for (const c of cols.text[role]) add(c, role, "header");
  add(cols.likelihood, "likelihood", "header");
  add(cols.impact, "impact", "header");
  return out.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
}
