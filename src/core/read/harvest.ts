// Reads back what people typed in an existing assessment workbook (from SheetSnapshots), so a
// rebuild can lay the workbook out again without losing a single value.
import { ASSESSMENT_SHEETS, CATALOG_COLUMNS, SCORE_COLUMNS, SHEETS } from "../contract";
import { emptyInputs, type AssessmentInputs, type RowInputs } from "../inputs";
import { isBlank, locateAssessmentTable, normalizeHeader } from "./locate";
import { findClause, findControl, normalizeControlId, parseId } from "../../catalog";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { readAudit, type AuditInputs } from "./audit";
import {
  placeSections,
  SECTION_COLUMNS,
  sectionCells,
  SETTINGS_TABLES,
  settingsSections,
  type KeptCell,
  type SettingsKept,
} from "../settings";
import {
  findSettingsTable,
  headerKey,
  rowValues,
  SETTINGS_LABELS,
  specCell,
  type FoundSettingsTable,
} from "../settingsTables";
import { findSheet } from "./sheets";

export interface Harvest {
  inputs: AssessmentInputs;
  extraColumns: { clauses: string[]; annexA: string[] };
  settings: Map<string, CellValue>;
  /** The person's own status words on Settings (word, status), in order. */
  statusWords: [CellValue, CellValue][];
  /** Rows of the team table on Settings (Name, Role, Department), blank rows inside kept. */
  team: CellValue[][];
  /** Settings' tables as they stand (place, columns, rows) and the cells a person typed
   *  elsewhere on the sheet: laid out again on rebuild. */
  settingsSheet: SettingsKept;
  /** What people typed on the Statement of Applicability, Documents, Risk Register and Snapshot History. */
  audit: AuditInputs;
  /** Assessment sheets found (by kind). */
  found: { clauses: boolean; annexA: boolean; settings: boolean };
}

const OWNED = new Set<string>([...SCORE_COLUMNS, ...CATALOG_COLUMNS].filter((c) => c !== "ID"));
const SCORE = new Set<string>(SCORE_COLUMNS);

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
    settingsSheet: { cells: [] },
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
    // The columns read as inputs: catalog rows leave what the catalog owns to the catalog.
    const inputsOf = (inCatalog: boolean): [string, number][] =>
      [...table.columns].filter(
        ([header]) => header !== "ID" && (!inCatalog || !OWNED.has(header)) && !SCORE.has(header)
      );
    const catalogInputs = inputsOf(true);
    const addedInputs = inputsOf(false);
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
      for (const [header, c] of inCatalog ? catalogInputs : addedInputs) keep(header, c);
      for (const [header, c] of table.extraColumns) keep(header, c);
      target.set(id, row);
    }
  }
  const settings = findSheet(snapshots, SHEETS.settings);
  if (settings) {
    result.found.settings = true;
    harvestSettings(settings, result.settings);
    const tables = SETTINGS_TABLES.map((spec) => findSettingsTable(settings, spec));
    result.settingsSheet = harvestSettingsSheet(settings, tables);
    const rowsOf = (key: "team" | "statusWords"): CellValue[][] =>
      ourColumns(settings, tables.find((t) => t?.spec.key === key) ?? null);
    result.team = rowsOf("team");
    result.statusWords = rowsOf("statusWords").map(([word, status]): [CellValue, CellValue] => [
      word ?? null,
      status ?? null,
    ]);
  }
  return result;
}

/** Settings are found by their label in column A, within the section they belong to (up to the
 *  next title: a label typed under the last section or in a table is not a setting). */
function harvestSettings(snapshot: SheetSnapshot, into: Map<string, CellValue>): void {
  const labelColumn = -snapshot.origin.col; // column A relative to the snapshot
  if (labelColumn < 0) return;
  const sections = settingsSections("", 0);
  const others = new Set(SETTINGS_TABLES.map((t) => headerKey(t.title)));
  let current: (typeof sections)[number] | undefined;
  snapshot.values.forEach((line, r) => {
    const label = normalizeHeader(line?.[labelColumn] ?? null);
    const section = sections.find((s) => normalizeHeader(s.title) === label);
    if (section) {
      current = section;
      return;
    }
    if (others.has(headerKey(line?.[labelColumn] ?? null))) current = undefined;
    const row = current?.rows.find((x) => normalizeHeader(x.label) === label);
    row?.values.forEach((v, i) => {
      const value = line?.[labelColumn + 1 + i];
      if (value !== undefined && !snapshot.formulas[r]?.[labelColumn + 1 + i])
        into.set(v.key, value);
    });
  });
}

/** A table's rows in the spec's columns, blank rows inside kept, trailing blank rows dropped. */
function ourColumns(snapshot: SheetSnapshot, table: FoundSettingsTable | null): CellValue[][] {
  if (!table) return [];
  const rows = table.rows.map((r) =>
    table.spec.columns.map((_, i) => specCell(snapshot, table, r, i))
  );
  while (rows.length && rows[rows.length - 1].every(isBlank)) rows.pop();
  return rows;
}

/**
 * Settings' tables as they stand and everything else a person typed on the sheet. A cell is ours
 * when it belongs to a section found on the sheet (title, header, label, value, note), lies in
 * one of the tables found (header, rows, spare rows) or is one of our titles and hints; every
 * other cell holding something is the person's, kept with its address (and its formula, when
 * the read brought the formula's text).
 */
function harvestSettingsSheet(
  snapshot: SheetSnapshot,
  tables: (FoundSettingsTable | null)[]
): SettingsKept {
  const kept: SettingsKept = { cells: [], former: [] };
  const blank = (row: number, col: number): boolean => {
    const r = row - snapshot.origin.row;
    const c = col - snapshot.origin.col;
    return isBlank(snapshot.values[r]?.[c] ?? null) && !snapshot.formulas[r]?.[c];
  };
  const former = (row: number, col: number): void => {
    if (!blank(row, col)) kept.former?.push({ row, col });
  };
  const owned = new Set<string>();
  const own = (row: number, col: number): void => void owned.add(`${row},${col}`);
  // The title, the subtitle and each section where it stands; a section that stands elsewhere
  // than the layout puts it (rows inserted above it) leaves its old cells empty; a section the
  // sheet lacks (new in this version) owns nothing yet: a person's cells there are theirs.
  own(0, 0);
  own(1, 0);
  const labels = snapshot.values.map((line) => headerKey(line?.[-snapshot.origin.col] ?? null));
  for (const { section, title } of placeSections(settingsSections("", 0))) {
    const key = headerKey(section.title);
    const found =
      labels[title - snapshot.origin.row] === key
        ? title - snapshot.origin.row
        : labels.indexOf(key);
    if (found < 0) continue;
    const row = found + snapshot.origin.row;
    for (const [r, c] of sectionCells(section, row)) {
      own(r, c);
      if (row !== title) former(r, c);
    }
  }
  for (const table of tables) {
    if (!table) continue;
    const last = Math.max(table.row + table.size, table.rows[table.rows.length - 1] ?? table.row);
    for (let r = table.row; r <= last; r++)
      for (let c = table.col; c < table.col + table.headers.length; c++) own(r, c);
    if (table.titleRow !== undefined) own(table.titleRow, table.col);
    // A table stays where it stands, but for the older layout's blocks stacked under the
    // sections (columns A–C), which move to their own columns and leave their cells empty.
    const stacked = table.via === "title" && table.col < SECTION_COLUMNS;
    if (stacked) {
      for (let r = table.row; r <= last; r++)
        for (let c = table.col; c < table.col + table.headers.length; c++) former(r, c);
      if (table.titleRow !== undefined) former(table.titleRow, table.col);
    }
    kept[table.spec.key] = {
      at: stacked ? undefined : { row: table.row, col: table.col },
      headers: [...table.headers],
      rows: table.rows.map((r) => rowValues(snapshot, table, r)),
      size: table.size,
    };
  }
  snapshot.values.forEach((line, r) =>
    line.forEach((value, c) => {
      const row = snapshot.origin.row + r;
      const col = snapshot.origin.col + c;
      const formula = snapshot.formulas[r]?.[c] ?? null;
      if (owned.has(`${row},${col}`) || (isBlank(value) && !formula)) return;
      if (!formula && SETTINGS_LABELS.has(headerKey(value))) return former(row, col);
      const cell: KeptCell = { row, col, value };
      // A formula whose text the read did not bring ("=") cannot be written again: left alone.
      if (formula && formula !== "=") cell.formula = formula;
      else if (formula) return;
      kept.cells.push(cell);
    })
  );
  return kept;
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
