// Template import, step 4: one sheet's columns and rows → entries (source row → target id with the
// values it carries), skipped headings and unmatched rows, with the decisions taken on the way.
import { IMPACT_SCALE, LIKELIHOOD_SCALE, type Status } from "../scale";
import type { SheetSnapshot } from "../snapshot";
import { Grid } from "./grid";
import { describeColumns, pickColumns, TEXT_ROLES, type ColumnUse } from "./columns";
import { findHeader, type HeaderInfo } from "./headers";
import {
  decideMode,
  decisiveContext,
  findIdColumn,
  headingOf,
  ID_LIKE,
  IdResolver,
  readIdCell,
  type Context,
  type IdCell,
  type ModeDecision,
} from "./ids";
import { foldWord, type StatusWordReader } from "../statusWords";

export type TargetSheet = "Annex A" | "Clauses 4-10";
export type SourceKind = "control2022" | "control2013" | "clause";

/** One source row landing on one target row (a 2013 control split in two gives two entries). */
export interface Entry {
  sheetRow: number;
  sourceId: string;
  sourceKind: SourceKind;
  /** Label used when texts of several rows are joined: the 2013 id, or "row 12". */
  label: string;
  target: TargetSheet;
  targetId: string;
  status: Status;
  applicable: boolean | null;
  texts: { evidence: string; notes: string; justification: string; owner: string; dueDate: string };
  likelihood: number | null;
  impact: number | null;
  notes: string[];
}

export interface SkippedRow {
  sheetRow: number;
  sourceId: string;
  reason: string;
}

export interface UnmatchedRow {
  sheet: string;
  row: number;
  text: string;
  reason: string;
}

export interface UnknownWord {
  word: string;
  column: string;
  header: string;
  role: "status" | "applicability";
  count: number;
  rows: number[];
}

export interface SheetAnalysis {
  name: string;
  header: HeaderInfo;
  headerRows: number[];
  idColumn: string | null;
  decision: ModeDecision | null;
  columns: ColumnUse[];
  /** A status or applicability column was found. */
  hasAnswers: boolean;
  entries: Entry[];
  skipped: SkippedRow[];
  unmatched: UnmatchedRow[];
  unknownWords: UnknownWord[];
  decisions: string[];
  /** Source rows that resolved to a clause or control. */
  controlRows: number;
  /** Non-empty rows below the header. */
  dataRows: number;
}

function joinDistinct(parts: string[], separator: string): string {
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ""))].join(separator);
}

/** 1–5 from "3", "3 - Possible" or a scale label ("Likely"); null when blank or not on the scale. */
function readScale(
  text: string,
  labels: readonly { value: number; label: string }[]
): number | null | "bad" {
  const t = text.trim();
  if (t === "") return null;
  const n = /^([1-5])(?:\.0+)?(?:\s*[-–—:(].*)?$/.exec(t);
  if (n) return Number(n[1]);
  const folded = foldWord(t);
  const hit = labels.find((l) => foldWord(l.label) === folded);
  return hit ? hit.value : "bad";
}

function modeSentence(grid: Grid, idCol: number, d: ModeDecision): string {
  const where = `Ids in column ${grid.column(idCol)}`;
  if (d.mode === "2013") {
    const bare =
      d.ambiguous > 0 ? " Bare ids such as 6.1.2 are Annex A controls here, not clauses." : "";
    return `${where} read as ISO/IEC 27001:2013 Annex A controls and mapped to 2022; two-part ids are 2013 objective headings.${bare}`;
  }
  if (d.strong2022 === 0 && d.strongClause > 0) return `${where} read as clauses 4–10.`;
  if (d.strongClause === 0) return `${where} read as ISO/IEC 27001:2022 Annex A controls.`;
  return `${where} hold both clauses and 2022 Annex A controls; ids such as 5.1 follow the section they sit in.`;
}

/** Reads one sheet completely. Never throws: odd cells become unmatched rows or notes. */
export function analyzeSheet(snapshot: SheetSnapshot, reader: StatusWordReader): SheetAnalysis {
  const grid = new Grid(snapshot);
  const header = findHeader(grid);
  const decisions: string[] = [];
  const analysis: SheetAnalysis = {
    name: grid.name,
    header,
    headerRows: header.rows.map((r) => grid.sheetRow(r)),
    idColumn: null,
    decision: null,
    columns: [],
    hasAnswers: false,
    entries: [],
    skipped: [],
    unmatched: [],
    unknownWords: [],
    decisions,
    controlRows: 0,
    dataRows: 0,
  };
  const { col: idCol } = findIdColumn(grid, header.dataStart, header.roles, header.headers);
  const cols = pickColumns(grid, header, idCol, reader, decisions);
  analysis.columns = idCol >= 0 ? describeColumns(grid, header, cols) : [];
  analysis.hasAnswers = cols.status >= 0 || cols.applicability >= 0;
  if (header.rows.length > 0) {
    const rows = analysis.headerRows;
    decisions.push(
      rows.length > 1
        ? `Header on rows ${rows[0]}–${rows[rows.length - 1]}.`
        : `Header on row ${rows[0]}.`
    );
  } else {
    decisions.push(
      "No header row found in the first 30 rows; columns recognised from their content."
    );
  }

  const idCells: IdCell[] = [];
  if (idCol >= 0)
    for (let r = header.dataStart; r < grid.rows; r++) idCells[r] = readIdCell(grid, r, idCol);
  const decision = decideMode(idCells.filter((x): x is IdCell => x !== undefined));
  if (idCol >= 0) {
    analysis.idColumn = grid.column(idCol);
    analysis.decision = decision;
    decisions.push(modeSentence(grid, idCol, decision));
    if (cols.status >= 0 && cols.applicability >= 0) {
      decisions.push(
        `Status from "${header.headers[cols.status]}" (implementation); "${header.headers[cols.applicability]}" only says whether a control applies.`
      );
    } else if (cols.applicability >= 0) {
      decisions.push(
        `Only applicability ("${header.headers[cols.applicability]}"): No gives Not Applicable, Yes gives Not Assessed (applicability is not compliance).`
      );
    } else if (cols.status >= 0) {
      const how =
        cols.statusFrom === "content"
          ? "has no status header but holds status words"
          : `"${header.headers[cols.status]}"`;
      decisions.push(`Status from column ${grid.column(cols.status)} (${how}).`);
    } else {
      decisions.push("No status or applicability column: rows are matched but carry no answers.");
    }
  }

  const unknown = new Map<string, UnknownWord>();
  const noteUnknown = (
    role: "status" | "applicability",
    c: number,
    word: string,
    sheetRow: number
  ): void => {
    const key = `${role}\u0000${c}\u0000${word.toLowerCase()}`;
    const hit = unknown.get(key) ?? {
      word,
      column: grid.column(c),
      header: header.headers[c] ?? "",
      role,
      count: 0,
      rows: [],
    };
    hit.count++;
    if (hit.rows.length < 20) hit.rows.push(sheetRow);
    unknown.set(key, hit);
  };

  // For each row, the section of the next id below it that can only be one thing (one backward pass).
  const ahead: (Context | null)[] = new Array<Context | null>(grid.rows + 1).fill(null);
  for (let r = grid.rows - 1; r >= header.dataStart; r--)
    ahead[r] = decisiveContext(idCells[r + 1]) ?? ahead[r + 1];
  const resolver = new IdResolver(decision);
  for (let r = header.dataStart; r < grid.rows; r++) {
    const texts = grid.rowTexts(r);
    if (texts.length === 0) continue;
    analysis.dataRows++;
    const sheetRow = grid.sheetRow(r);
    const cell = idCells[r];
    const resolved =
      cell && cell.parts > 0 ? resolver.resolve(cell, ahead[r]) : ({ kind: "none" } as const);
    if (resolved.kind === "heading") {
      analysis.skipped.push({ sheetRow, sourceId: cell?.text ?? "", reason: resolved.reason });
      continue;
    }
    if (resolved.kind === "none") {
      const idText = cell?.text ?? "";
      const heading = headingOf(texts.map((t) => t.text));
      if (idText !== "" && ID_LIKE.test(idText)) {
        analysis.unmatched.push({
          sheet: grid.name,
          row: sheetRow,
          text: idText,
          reason: `"${idText}" is not a clause or control id we know`,
        });
      } else if (heading) {
        resolver.setContext(heading);
        analysis.skipped.push({
          sheetRow,
          sourceId: "",
          reason: `section heading "${texts[0].text.slice(0, 60)}"`,
        });
      } else if (texts.length === 1) {
        analysis.skipped.push({
          sheetRow,
          sourceId: "",
          reason: `no id; single text "${texts[0].text.slice(0, 60)}" read as a heading or note`,
        });
      } else {
        const where = idCol >= 0 ? ` in column ${grid.column(idCol)}` : "";
        analysis.unmatched.push({
          sheet: grid.name,
          row: sheetRow,
          text: texts
            .map((t) => t.text)
            .join(" | ")
            .slice(0, 120),
          reason: `no control or clause id${where}`,
        });
      }
      continue;
    }
    analysis.controlRows++;
    const notes: string[] = [];
    if (resolved.note) notes.push(resolved.note);

    const sr =
      cols.status >= 0
        ? reader.readStatus(grid.dataText(r, cols.status), {
            numbers: cols.statusNumbers,
            letters: cols.statusFrom === "header",
          })
        : ({ kind: "blank" } as const);
    const ar =
      cols.applicability >= 0
        ? reader.readApplicability(grid.dataText(r, cols.applicability))
        : ({ kind: "blank" } as const);
    if (sr.kind === "unknown") {
      noteUnknown("status", cols.status, sr.word, sheetRow);
      notes.push(`unknown answer "${sr.word}" left unread`);
    }
    if (ar.kind === "unknown") {
      noteUnknown("applicability", cols.applicability, ar.word, sheetRow);
      notes.push(`unknown applicability "${ar.word}" left unread`);
    }
    let status: Status = "Not Assessed";
    if (sr.kind === "status") status = sr.status;
    else if (ar.kind === "applicability" && !ar.applicable) status = "Not Applicable";
    if (
      ar.kind === "applicability" &&
      !ar.applicable &&
      sr.kind === "status" &&
      sr.status !== "Not Applicable" &&
      sr.status !== "Not Assessed"
    ) {
      notes.push(
        `marked not applicable, but the implementation column says "${grid.dataText(r, cols.status).trim()}"; status taken from the implementation column`
      );
    }
    const applicable =
      ar.kind === "applicability" ? ar.applicable : status === "Not Applicable" ? false : null;

    const text = {} as Entry["texts"];
    for (const role of TEXT_ROLES) {
      text[role] = joinDistinct(
        cols.text[role].map((c) => grid.dataText(r, c)),
        role === "owner" ? "; " : "\n"
      );
    }
    const scale = (
      c: number,
      labels: readonly { value: number; label: string }[],
      what: string
    ): number | null => {
      if (c < 0) return null;
      const v = readScale(grid.dataText(r, c), labels);
      if (v === "bad") {
        notes.push(`${what} "${grid.dataText(r, c).trim()}" is not 1–5; left blank`);
        return null;
      }
      return v;
    };
    const likelihood = scale(cols.likelihood, LIKELIHOOD_SCALE, "likelihood");
    const impact = scale(cols.impact, IMPACT_SCALE, "impact");

    const targets: { target: TargetSheet; id: string }[] =
      resolved.kind === "clause"
        ? [{ target: "Clauses 4-10", id: resolved.id }]
        : resolved.kind === "control2022"
          ? [{ target: "Annex A", id: resolved.id }]
          : resolved.targets.map((id) => ({ target: "Annex A" as const, id }));
    if (resolved.kind === "control2013" && targets.length > 1)
      notes.push(
        `2013 control ${resolved.id} was split into ${targets.map((t) => t.id).join(" and ")}`
      );
    for (const t of targets) {
      let entryStatus = status;
      const entryNotes = [...notes];
      if (t.target === "Clauses 4-10" && status === "Not Applicable") {
        entryStatus = "Not Assessed";
        entryNotes.push(
          "clauses 4–10 are mandatory, so Not Applicable is not allowed; left Not Assessed"
        );
      }
      analysis.entries.push({
        sheetRow,
        sourceId: cell?.text ?? "",
        sourceKind: resolved.kind,
        label: resolved.kind === "control2013" ? resolved.id : `row ${sheetRow}`,
        target: t.target,
        targetId: t.id,
        status: entryStatus,
        applicable: t.target === "Annex A" ? applicable : null,
        texts: { ...text },
        likelihood,
        impact,
        notes: entryNotes,
      });
    }
  }
  analysis.unknownWords = [...unknown.values()];
  if (analysis.unknownWords.length > 0) {
    const list = analysis.unknownWords
      .slice(0, 5)
      .map((u) => `"${u.word}" (${u.count}×)`)
      .join(", ");
    decisions.push(
      `Answers we do not know were left unread: ${list}${analysis.unknownWords.length > 5 ? ", …" : ""}. Add them to the Status words table to map them.`
    );
  }
  return analysis;
}
