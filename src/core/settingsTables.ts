// Finding Settings' own tables — the assessment team and the status words — in a SheetSnapshot:
// by the Excel table's name when the reader saw tables, else by the title and header above it
// (Office.js snapshots, files whose tables were lost, the older stacked layout), else by our
// header where the layout puts it (a title a person deleted). A table ends
// where it ends — its table range, or the next Settings title — never at a blank row inside it.
import {
  SETTINGS_TABLES,
  settingsSections,
  STATUS_WORDS_TABLE,
  TEAM_TABLE,
  type SettingsTableSpec,
} from "./settings";
import type { CellValue, SheetSnapshot } from "./snapshot";

export interface FoundSettingsTable {
  spec: SettingsTableSpec;
  /** The Excel table by its name, or the title and header written above the rows. */
  via: "table" | "title";
  /** Header row and first column, 0-based sheet coordinates. */
  row: number;
  col: number;
  /** Header text of each column in sheet order: ours and, in an Excel table, a person's own. */
  headers: string[];
  /** Index into `headers` of each of the spec's columns, or -1 when the table lacks it. */
  columnOf: number[];
  /** Body rows (0-based sheet rows) from the first to the last one holding anything; blank rows
   *  inside are kept, and rows typed straight under an Excel table count as its rows. */
  rows: number[];
  /** Data rows the table spans, its blank rows included (via "title": up to its last row). */
  size: number;
  /** Sheet row of the title, when the table was found by it. */
  titleRow?: number;
}

/** Header and title text as compared: no accents, lower case, single spaces, no trailing colon. */
export function headerKey(value: CellValue | undefined): string {
  return String(value ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*[.:;?!]+$/, "");
}

/** Titles that end a table found by its title: every section's and every table's. */
const TITLES = new Set(
  [...settingsSections("", 0).map((s) => s.title), ...SETTINGS_TABLES.map((t) => t.title)].map(
    headerKey
  )
);

/** Lines we write on Settings besides the sections (tables' titles and hints, the older layout's
 *  hint beside the status-words header): never taken for a person's own notes. */
export const SETTINGS_LABELS: ReadonlySet<string> = new Set(
  [...SETTINGS_TABLES.flatMap((t) => [t.title, t.hint])].map(headerKey)
);

/** The value of a cell by 0-based sheet coordinates. */
function cellAt(snapshot: SheetSnapshot, row: number, col: number): CellValue {
  return snapshot.values[row - snapshot.origin.row]?.[col - snapshot.origin.col] ?? null;
}

/** The text a cell shows (its value when the snapshot has no text), by sheet coordinates. */
function shownAt(snapshot: SheetSnapshot, row: number, col: number): string {
  const shown = snapshot.text?.[row - snapshot.origin.row]?.[col - snapshot.origin.col];
  if (typeof shown === "string" && shown !== "") return shown;
  const value = cellAt(snapshot, row, col);
  if (value === null) return "";
  return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
}

function formulaAt(snapshot: SheetSnapshot, row: number, col: number): string | null {
  return snapshot.formulas?.[row - snapshot.origin.row]?.[col - snapshot.origin.col] ?? null;
}

const blank = (snapshot: SheetSnapshot, row: number, col: number): boolean => {
  const v = cellAt(snapshot, row, col);
  return (
    (v === null || (typeof v === "string" && v.trim() === "")) && !formulaAt(snapshot, row, col)
  );
};

const rowBlank = (snapshot: SheetSnapshot, row: number, col: number, width: number): boolean => {
  for (let c = col; c < col + width; c++) if (!blank(snapshot, row, c)) return false;
  return true;
};

/** Which of the spec's columns a header names (-1: none of ours). */
export function specColumn(spec: SettingsTableSpec, header: CellValue): number {
  const key = headerKey(header);
  if (!key) return -1;
  return spec.columns.findIndex(
    (name, i) => headerKey(name) === key || (spec.aliases[i] ?? []).includes(key)
  );
}

function columnsOf(spec: SettingsTableSpec, headers: string[]): number[] {
  return spec.columns.map((_, i) => headers.findIndex((h) => specColumn(spec, h) === i));
}

const lastRow = (snapshot: SheetSnapshot): number =>
  snapshot.origin.row + snapshot.values.length - 1;

/** Rows from `first` to `last` with their trailing blank rows dropped. */
function bodyRows(
  snapshot: SheetSnapshot,
  first: number,
  last: number,
  col: number,
  width: number
): number[] {
  let end = last;
  while (end >= first && rowBlank(snapshot, end, col, width)) end--;
  const rows: number[] = [];
  for (let r = first; r <= end; r++) rows.push(r);
  return rows;
}

function byTable(snapshot: SheetSnapshot, spec: SettingsTableSpec): FoundSettingsTable | null {
  const name = spec.table.toLowerCase();
  const table = snapshot.tables?.find((t) => t.name.toLowerCase() === name);
  if (!table) return null;
  const width = table.right - table.left + 1;
  const headers = Array.from({ length: width }, (_, i) =>
    shownAt(snapshot, table.top, table.left + i).trim()
  );
  // Rows typed straight under the table (where Excel would have grown it) are its rows too.
  let bottom = table.bottom;
  while (bottom < lastRow(snapshot) && !rowBlank(snapshot, bottom + 1, table.left, width)) bottom++;
  return {
    spec,
    via: "table",
    row: table.top,
    col: table.left,
    headers,
    columnOf: columnsOf(spec, headers),
    rows: bodyRows(snapshot, table.top + 1, bottom, table.left, width),
    size: Math.max(0, table.bottom - table.top),
  };
}

function byTitle(snapshot: SheetSnapshot, spec: SettingsTableSpec): FoundSettingsTable | null {
  const title = headerKey(spec.title);
  const { row: top, col: left } = snapshot.origin;
  const end = lastRow(snapshot);
  for (let t = top; t <= end; t++) {
    const line = snapshot.values[t - top] ?? [];
    for (let tc = left; tc < left + line.length; tc++) {
      const cell = line[tc - left];
      if (typeof cell !== "string" || headerKey(cell) !== title) continue;
      // The header: within three rows, our first two column names side by side.
      for (let r = t; r <= Math.min(end, t + 3); r++) {
        const width = snapshot.values[r - top]?.length ?? 0;
        for (let c = left; c + 1 < left + width; c++) {
          const found = byHeader(snapshot, spec, r, c);
          if (found) return { ...found, titleRow: t };
        }
      }
    }
  }
  // No title (a person deleted it): our header where we put it still marks the table.
  return byHeader(snapshot, spec, spec.at.row, spec.at.col);
}

/** The table whose header row starts at (r, c) with our first two column names, down to the
 *  next Settings title in its columns or the end of the sheet; null when the header is not there. */
function byHeader(
  snapshot: SheetSnapshot,
  spec: SettingsTableSpec,
  r: number,
  c: number
): FoundSettingsTable | null {
  if (specColumn(spec, cellAt(snapshot, r, c)) !== 0) return null;
  if (specColumn(spec, cellAt(snapshot, r, c + 1)) !== 1) return null;
  const headers: string[] = [];
  while (specColumn(spec, cellAt(snapshot, r, c + headers.length)) >= 0)
    headers.push(shownAt(snapshot, r, c + headers.length).trim());
  const end = lastRow(snapshot);
  let last = r;
  while (last < end) {
    const next = last + 1;
    let titled = false;
    for (let k = c; k < c + headers.length && !titled; k++)
      titled = TITLES.has(headerKey(cellAt(snapshot, next, k)));
    if (titled) break;
    last = next;
  }
  const rows = bodyRows(snapshot, r + 1, last, c, headers.length);
  return {
    spec,
    via: "title",
    row: r,
    col: c,
    headers,
    columnOf: columnsOf(spec, headers),
    rows,
    size: rows.length,
  };
}

/** The table of `spec` on a Settings snapshot, or null when it has none. */
export function findSettingsTable(
  snapshot: SheetSnapshot | undefined,
  spec: SettingsTableSpec
): FoundSettingsTable | null {
  if (!snapshot) return null;
  return byTable(snapshot, spec) ?? byTitle(snapshot, spec);
}

/** One row's values, one per header of the table found. */
export function rowValues(
  snapshot: SheetSnapshot,
  table: FoundSettingsTable,
  row: number
): CellValue[] {
  return table.headers.map((_, i) => cellAt(snapshot, row, table.col + i));
}

/** The cell of one of the spec's columns in a row (null when the table lacks the column). */
export function specCell(
  snapshot: SheetSnapshot,
  table: FoundSettingsTable,
  row: number,
  column: number
): CellValue {
  const i = table.columnOf[column];
  return i < 0 ? null : cellAt(snapshot, row, table.col + i);
}

/** The same as the text the cell shows. */
export function specText(
  snapshot: SheetSnapshot,
  table: FoundSettingsTable,
  row: number,
  column: number
): string {
  const i = table.columnOf[column];
  return i < 0 ? "" : shownAt(snapshot, row, table.col + i);
}

/** The team table on a Settings snapshot. */
export const findTeamTable = (snapshot: SheetSnapshot | undefined): FoundSettingsTable | null =>
  findSettingsTable(snapshot, TEAM_TABLE);

/** The status-words table on a Settings snapshot. */
export const findStatusWordsTable = (
  snapshot: SheetSnapshot | undefined
): FoundSettingsTable | null => findSettingsTable(snapshot, STATUS_WORDS_TABLE);
