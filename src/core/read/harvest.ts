// Reads back what people typed in an existing assessment workbook (from SheetSnapshots), so a
// rebuild can lay the workbook out again without losing a single value.
import { ASSESSMENT_SHEETS, CATALOG_COLUMNS, SCORE_COLUMNS, SHEETS } from "../contract";
import { emptyInputs, type AssessmentInputs, type RowInputs } from "../inputs";
import { isBlank, locateAssessmentTable, normalizeHeader } from "./locate";
import { findClause, findControl, normalizeControlId, parseId } from "../../catalog";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { readAudit, type AuditInputs } from "./audit";
import { settingsSections, STATUS_WORDS_TITLE, TEAM_COLUMNS, TEAM_TITLE } from "../settings";
import { findSheet } from "./sheets";

export interface Harvest {
  inputs: AssessmentInputs;
  extraColumns: { clauses: string[]; annexA: string[] };
  settings: Map<string, CellValue>;
  /** The person's own status words on Settings (word, status), in order. */
  statusWords: [CellValue, CellValue][];
  /** Rows of the team table on Settings (Name, Role, Department). */
  team: CellValue[][];
  /** What people typed on the Statement of Applicability, Documents, Risk Register and Snapshot History. */
  audit: AuditInputs;
  /** Assessment sheets found (by kind). */
  found: { clauses: boolean; annexA: boolean; settings: boolean };
}

const OWNED = new Set<string>([...SCORE_COLUMNS, ...CATALOG_COLUMNS].filter((c) => c !== "ID"));

/** The canonical row id for a typed ID on the given sheet, or the trimmed text as typed. */
function rowId(kind: "clauses" | "annexA", raw: string): string {
  if (kind === "annexA") return normalizeControlId(raw) ?? raw.trim();
  return parseId(raw).find((m) => m.kind === "clause")?.id ?? raw.trim();
}

export function harvestWorkbook(snapshots: SheetSnapshot[]): Harvest {
  const result: Harvest = {
    inputs: emptyInputs(),
    extraColumns: { clauses: [], annexA: [] },
    settings: new Map(),
    statusWords: [],
    team: [],
    audit: readAudit(snapshots),
    found: { clauses: false, annexA: false, settings: false },
  };
  for (const spec of ASSESSMENT_SHEETS) {
    const snapshot = findSheet(snapshots, spec.sheet);
    const table = snapshot && locateAssessmentTable(snapshot, spec);
    if (!snapshot || !table) continue;
    result.found[spec.kind] = true;
    result.extraColumns[spec.kind] = [...table.extraColumns.keys()];
    const target = result.inputs[spec.kind];
    const idColumn = table.columns.get("ID") as number;
    for (const r of table.dataRows) {
      const raw = snapshot.text[r]?.[idColumn] || String(snapshot.values[r]?.[idColumn] ?? "");
      if (!raw.trim()) continue;
      const id = rowId(spec.kind, raw);
      // Rows people added keep their own titles; catalog rows take titles from the catalog.
      const inCatalog =
        spec.kind === "annexA" ? findControl(id) !== undefined : findClause(id) !== undefined;
      const row: RowInputs = target.get(id) ?? {};
      const keep = (header: string, c: number): void => {
        // A formula someone put in an input column keeps its current result as a value.
        const value = snapshot.values[r]?.[c] ?? null;
        if (snapshot.formulas[r]?.[c] && isBlank(value)) return;
        if (!isBlank(value) || !(header in row)) row[header] = value;
      };
      for (const [header, c] of table.columns)
        if (
          header !== "ID" &&
          (!inCatalog || !OWNED.has(header)) &&
          !(SCORE_COLUMNS as readonly string[]).includes(header)
        )
          keep(header, c);
      for (const [header, c] of table.extraColumns) keep(header, c);
      target.set(id, row);
    }
  }
  const settings = findSheet(snapshots, SHEETS.settings);
  if (settings) {
    result.found.settings = true;
    harvestSettings(settings, result.settings);
    result.statusWords = harvestStatusWords(settings);
    result.team = harvestBlock(settings, TEAM_TITLE, TEAM_COLUMNS.length);
  }
  return result;
}

/** Settings are found by their label in column A, within the section they belong to. */
function harvestSettings(snapshot: SheetSnapshot, into: Map<string, CellValue>): void {
  const labelColumn = -snapshot.origin.col; // column A relative to the snapshot
  if (labelColumn < 0) return;
  const sections = settingsSections("", 0);
  let current: (typeof sections)[number] | undefined;
  snapshot.values.forEach((line, r) => {
    const label = normalizeHeader(line?.[labelColumn] ?? null);
    const section = sections.find((s) => normalizeHeader(s.title) === label);
    if (section) {
      current = section;
      return;
    }
    const row = current?.rows.find((x) => normalizeHeader(x.label) === label);
    row?.values.forEach((v, i) => {
      const value = line?.[labelColumn + 1 + i];
      if (value !== undefined && !snapshot.formulas[r]?.[labelColumn + 1 + i])
        into.set(v.key, value);
    });
  });
}

/** Rows under the "Status words" title and its header, up to the first row without a word. */
function harvestStatusWords(snapshot: SheetSnapshot): [CellValue, CellValue][] {
  const a = -snapshot.origin.col;
  const title = snapshot.values.findIndex(
    (line) => normalizeHeader(line?.[a] ?? null) === normalizeHeader(STATUS_WORDS_TITLE)
  );
  if (a < 0 || title < 0) return [];
  const words: [CellValue, CellValue][] = [];
  for (let r = title + 2; r < snapshot.values.length; r++) {
    const word = snapshot.values[r]?.[a] ?? null;
    if (isBlank(word)) break;
    words.push([word, snapshot.values[r]?.[a + 1] ?? null]);
  }
  return words;
}

/** Rows of `width` cells under a titled block's header, up to the first empty row (team table). */
function harvestBlock(snapshot: SheetSnapshot, title: string, width: number): CellValue[][] {
  const a = -snapshot.origin.col;
  const at = snapshot.values.findIndex(
    (line) => normalizeHeader(line?.[a] ?? null) === normalizeHeader(title)
  );
  if (a < 0 || at < 0) return [];
  const rows: CellValue[][] = [];
  for (let r = at + 2; r < snapshot.values.length; r++) {
    const row = Array.from({ length: width }, (_, i) => snapshot.values[r]?.[a + i] ?? null);
    if (row.every(isBlank)) break;
    rows.push(row);
  }
  return rows;
}

/** Adopted values fill the inputs: blanks always, typed values only when `overwrite`. */
export function mergeInputs(
  base: AssessmentInputs,
  incoming: AssessmentInputs,
  overwrite: boolean
): AssessmentInputs {
  const merged = emptyInputs();
  for (const kind of ["clauses", "annexA"] as const) {
    for (const [id, row] of base[kind]) merged[kind].set(id, { ...row });
    for (const [id, row] of incoming[kind]) {
      const target = merged[kind].get(id) ?? {};
      for (const [column, value] of Object.entries(row)) {
        if (isBlank(value)) continue;
        const existing = target[column];
        const untouched =
          existing === undefined ||
          isBlank(existing) ||
          (column === "Status" && existing === "Not Assessed") ||
          (column === "Applicable" && existing === "Yes");
        if (overwrite || untouched) target[column] = value;
      }
      merged[kind].set(id, target);
    }
  }
  return merged;
}
