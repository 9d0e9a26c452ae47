// What compare and merge look at in a workbook: every input cell of the sheets we own, keyed by
// sheet, row ID and column header — never by row number or column position, so copies whose rows
// were reordered, added by hand or moved still line up. The builder's formula columns and catalog
// text are left out: they follow the inputs and are not anybody's edit.
import { findClause, findControl, normalizeControlId, parseId } from "../../catalog";
import {
  ANNEX_A_COLUMNS,
  CATALOG_COLUMNS,
  CLAUSE_COLUMNS,
  DOCUMENT_COLUMNS,
  DOCUMENT_FORMULA_COLUMNS,
  REMEDIATION_COLUMNS,
  REMEDIATION_FORMULA_COLUMNS,
  RISK_COLUMNS,
  RISK_FORMULA_COLUMNS,
  SCORE_COLUMNS,
  SHEETS,
  SOA_COLUMNS,
  SOA_FORMULA_COLUMNS,
  TABLES,
} from "../contract";
import { WorkbookReadError } from "../errors";
import { isBlank, locateAssessmentTable, normalizeHeader } from "../read/locate";
import { findSheet, sheetKey } from "../read/sheets";
import { settingsSections } from "../settings";
import { cellAddress, type CellValue, type SheetSnapshot } from "../snapshot";

/** One compared cell: its value, the text it shows, its formula (a person's own) and address. */
export interface CellEntry {
  value: CellValue;
  shown: string;
  formula: string | null;
  /** 0-based sheet coordinates. */
  row: number;
  col: number;
}

export interface RowEntry {
  /** The row's key as people read it ("5.1", or "4.1 (Clauses 4-10)" on the plan). */
  id: string;
  /** 0-based sheet row. */
  row: number;
  cells: Map<string, CellEntry>;
  /** The key columns' cells (ID, and Source on the plan). */
  keys: Map<string, CellEntry>;
}

/** The compared part of one owned sheet. */
export interface SheetRows {
  /** The contract's sheet name (how results name it). */
  sheet: string;
  /** The name in this workbook (letter case or spaces may differ). */
  actualName: string;
  /** Compared columns in sheet order (the contract's inputs and a person's extra columns). */
  columns: string[];
  /** Column header → 0-based sheet column. */
  columnAt: Map<string, number>;
  /** 0-based sheet row of the header (-1 on Settings). */
  headerRow: number;
  /** 0-based sheet row of the last row holding anything below the header. */
  lastRow: number;
  /** 0-based sheet column of the rightmost header. */
  lastCol: number;
  /** Rows by id, in sheet order. */
  rows: Map<string, RowEntry>;
  /** Rows holding something but no ID: they cannot be matched and are not compared. */
  unkeyed: number;
  /** Whether rows can be added (a table) or not (Settings). */
  table: boolean;
}

export interface ComparableWorkbook {
  /** By contract sheet name, in the contract's order; sheets the workbook lacks are absent. */
  sheets: Map<string, SheetRows>;
}

interface TableSpec {
  sheet: string;
  table: string;
  columns: readonly string[];
  required: readonly string[];
  /** Key columns, joined: the plan's rows are keyed by Source + ID. */
  key: readonly string[];
  /** Builder-owned columns never compared. */
  skip: readonly string[];
  /** Catalog columns, not compared on rows the catalog has. */
  catalog?: "clauses" | "annexA";
}

const TABLE_SPECS: readonly TableSpec[] = [
  {
    sheet: SHEETS.clauses,
    table: TABLES.clauses,
    columns: CLAUSE_COLUMNS,
    required: ["ID", "Status"],
    key: ["ID"],
    skip: SCORE_COLUMNS,
    catalog: "clauses",
  },
  {
    sheet: SHEETS.annexA,
    table: TABLES.annexA,
    columns: ANNEX_A_COLUMNS,
    required: ["ID", "Applicable", "Status"],
    key: ["ID"],
    skip: SCORE_COLUMNS,
    catalog: "annexA",
  },
  {
    sheet: SHEETS.soa,
    table: TABLES.soa,
    columns: SOA_COLUMNS,
    required: ["ID", "Implementation status"],
    key: ["ID"],
    skip: [...SOA_FORMULA_COLUMNS, "Theme", "Control"],
  },
  {
    sheet: SHEETS.risks,
    table: TABLES.risks,
    columns: RISK_COLUMNS,
    required: ["ID", "Asset or process", "Residual risk"],
    key: ["ID"],
    skip: RISK_FORMULA_COLUMNS,
  },
  {
    sheet: SHEETS.documents,
    table: TABLES.documents,
    columns: DOCUMENT_COLUMNS,
    required: ["ID", "Document", "Exists"],
    key: ["ID"],
    skip: DOCUMENT_FORMULA_COLUMNS,
  },
  {
    sheet: SHEETS.remediation,
    table: TABLES.remediation,
    columns: REMEDIATION_COLUMNS,
    required: ["ID", "Progress"],
    key: ["Source", "ID"],
    skip: REMEDIATION_FORMULA_COLUMNS,
  },
];

/** Every sheet compare and merge look at, in the order results list them. */
export const COMPARED_SHEETS: readonly string[] = [
  ...TABLE_SPECS.map((s) => s.sheet),
  SHEETS.settings,
];

const OWNED_SHEET_KEYS = new Set(Object.values(SHEETS).map(sheetKey));

/** The text a cell shows: the snapshot's display text (ids Excel made numbers read as shown). */
function shownText(snapshot: SheetSnapshot, r: number, c: number): string {
  const shown = snapshot.text[r]?.[c];
  if (shown !== undefined && shown !== "") return shown;
  const v = snapshot.values[r]?.[c] ?? null;
  if (v === null) return "";
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

function entryAt(snapshot: SheetSnapshot, r: number, c: number): CellEntry {
  const formula = snapshot.formulas[r]?.[c] ?? null;
  return {
    value: snapshot.values[r]?.[c] ?? null,
    shown: shownText(snapshot, r, c),
    formula: formula ? formula.replace(/^=/, "") : null,
    row: snapshot.origin.row + r,
    col: snapshot.origin.col + c,
  };
}

/** What two cells are compared by: blank is blank, numbers and text by what they hold, formulas by their text. */
export function cellKey(cell: CellEntry | undefined): string {
  if (!cell) return "";
  if (cell.formula) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || (typeof v === "string" && v.trim() === "")) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? v.replace(/\r\n?/g, "\n") : String(v);
}

/** A cell as results show it: the text it shows (a formula as its text), or null when blank. */
export function cellShown(cell: CellEntry | undefined): string | null {
  if (!cell) return null;
  if (cell.formula) return `=${cell.formula}`;
  return cellKey(cell) === "" ? null : cell.shown;
}

function canonicalId(spec: TableSpec, shown: string): string {
  if (spec.catalog === "annexA") return normalizeControlId(shown) ?? shown;
  if (spec.catalog === "clauses")
    return parseId(shown).find((m) => m.kind === "clause")?.id ?? shown;
  return shown;
}

function inCatalog(spec: TableSpec, id: string): boolean {
  if (spec.catalog === "annexA") return findControl(id) !== undefined;
  if (spec.catalog === "clauses") return findClause(id) !== undefined;
  return false;
}

function readTable(snapshot: SheetSnapshot, spec: TableSpec): SheetRows | null {
  const table = locateAssessmentTable(snapshot, { columns: spec.columns }, spec.required);
  if (!table) return null;
  const skip = new Set(spec.skip);
  const columnAt = new Map<string, number>();
  for (const [header, c] of [...table.columns, ...table.extraColumns])
    if (!skip.has(header) && !columnAt.has(header)) columnAt.set(header, c);
  const ordered = [...columnAt].sort((a, b) => a[1] - b[1]);
  const allCols = [...table.columns.values(), ...table.extraColumns.values()];
  const result: SheetRows = {
    sheet: spec.sheet,
    actualName: snapshot.name,
    columns: ordered.map(([h]) => h).filter((h) => !spec.key.includes(h)),
    columnAt: new Map(ordered.map(([h, c]) => [h, snapshot.origin.col + c])),
    headerRow: snapshot.origin.row + table.headerRow,
    lastRow: snapshot.origin.row + (table.dataRows[table.dataRows.length - 1] ?? table.headerRow),
    lastCol: snapshot.origin.col + Math.max(...allCols),
    rows: new Map(),
    unkeyed: 0,
    table: true,
  };
  const catalogColumns = new Set<string>(CATALOG_COLUMNS);
  for (const r of table.dataRows) {
    const parts = spec.key.map((k) => {
      const c = table.columns.get(k);
      return c === undefined ? "" : shownText(snapshot, r, c).trim();
    });
    const idText = parts[parts.length - 1];
    if (!idText) {
      result.unkeyed++;
      continue;
    }
    let id = canonicalId(spec, idText);
    if (parts.length > 1 && parts[0]) id = `${id} (${parts[0]})`;
    // A duplicated id: the second row is matched as the id's second occurrence.
    for (let n = 2; result.rows.has(id); n++) id = `${id.replace(/ #\d+$/, "")} #${n}`;
    const known = inCatalog(spec, id);
    const cells = new Map<string, CellEntry>();
    for (const column of result.columns) {
      if (known && catalogColumns.has(column)) continue;
      cells.set(
        column,
        entryAt(snapshot, r, (result.columnAt.get(column) as number) - snapshot.origin.col)
      );
    }
    const keys = new Map<string, CellEntry>();
    for (const k of spec.key) {
      const c = table.columns.get(k);
      if (c !== undefined) keys.set(k, entryAt(snapshot, r, c));
    }
    result.rows.set(id, { id, row: snapshot.origin.row + r, cells, keys });
  }
  return result;
}

/** Settings values by their label (within their section), one column per value the row holds. */
function readSettings(snapshot: SheetSnapshot): SheetRows {
  const result: SheetRows = {
    sheet: SHEETS.settings,
    actualName: snapshot.name,
    columns: [],
    columnAt: new Map(),
    headerRow: -1,
    lastRow: -1,
    lastCol: -1,
    rows: new Map(),
    unkeyed: 0,
    table: false,
  };
  const labelColumn = -snapshot.origin.col;
  if (labelColumn < 0) return result;
  const sections = settingsSections("", 0);
  const columns = new Set<string>();
  let current: (typeof sections)[number] | undefined;
  snapshot.values.forEach((line, r) => {
    const label = normalizeHeader(line?.[labelColumn] ?? null);
    if (!label) return;
    const section = sections.find((s) => normalizeHeader(s.title) === label);
    if (section) {
      current = section;
      return;
    }
    const spec = current?.rows.find((x) => normalizeHeader(x.label) === label);
    if (!current || !spec) return;
    let id = spec.label;
    if (result.rows.has(id)) id = `${current.title} › ${spec.label}`;
    if (result.rows.has(id)) return;
    const cells = new Map<string, CellEntry>();
    spec.values.forEach((_, i) => {
      const column = current?.headers[1 + i] ?? `Value ${i + 1}`;
      columns.add(column);
      cells.set(column, entryAt(snapshot, r, labelColumn + 1 + i));
    });
    result.rows.set(id, { id, row: snapshot.origin.row + r, cells, keys: new Map() });
  });
  result.columns = [...columns];
  return result;
}

/** A table of ours found on a sheet with another name: the owned sheet was renamed. */
function renamedFrom(
  snapshots: readonly SheetSnapshot[],
  spec: TableSpec
): SheetSnapshot | undefined {
  const tableKey = spec.table.toLowerCase();
  return snapshots.find(
    (s) =>
      !OWNED_SHEET_KEYS.has(sheetKey(s.name)) &&
      ((s.tables ?? []).some((t) => t.name.toLowerCase() === tableKey) ||
        locateAssessmentTable(s, { columns: spec.columns }, spec.required) !== null)
  );
}

/**
 * Reads the compared cells of a workbook. `label` names the file in messages. A sheet of ours
 * that was renamed is refused (WorkbookReadError): matching it by guess could pair the wrong rows.
 */
export function readComparable(
  snapshots: readonly SheetSnapshot[],
  label: string
): ComparableWorkbook {
  const sheets = new Map<string, SheetRows>();
  for (const spec of TABLE_SPECS) {
    const snapshot = findSheet(snapshots, spec.sheet);
    if (!snapshot) {
      const renamed = renamedFrom(snapshots, spec);
      if (renamed)
        throw new WorkbookReadError(
          `${label} has no sheet "${spec.sheet}", but its sheet "${renamed.name}" holds that sheet's table: was it renamed?`,
          `Rename "${renamed.name}" back to "${spec.sheet}" (rows are matched by sheet, ID and column), then run the command again.`
        );
      continue;
    }
    const rows = readTable(snapshot, spec);
    if (rows) sheets.set(spec.sheet, rows);
  }
  const settings = findSheet(snapshots, SHEETS.settings);
  if (settings) sheets.set(SHEETS.settings, readSettings(settings));
  return { sheets };
}

/** Whether a cell holds nothing (blank value and no formula). */
export function isBlankCell(cell: CellEntry | undefined): boolean {
  return !cell || (!cell.formula && isBlank(cell.value));
}

/** A1 address of a cell. */
export function addressOf(cell: { row: number; col: number }): string {
  return cellAddress(cell.row, cell.col);
}
