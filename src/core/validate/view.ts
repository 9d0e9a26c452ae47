// Builds the views the rules read: each assessment table located once, each row read once.
import { ANNEX_A_INPUT_COLUMNS } from "../inputs";
import { findClause, findControl } from "../../catalog";
import { ASSESSMENT_SHEETS, REVIEW_COLUMNS, type AssessmentSheetSpec } from "../contract";
import { locateAssessmentTable, type LocatedTable } from "../read/locate";
import type { Status } from "../scale";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { isBlankValue, readApplicable, readStatus } from "./readings";
import type {
  ApplicableReading,
  AssessmentSheetView,
  CellRef,
  RowView,
  StatusReading,
  WorkbookView,
} from "./types";
import { findSheet } from "../read/sheets";

/**
 * Input columns that hold an assessment: a row without an ID but with one of these is still a row.
 * Notes, review notes and the how-assessed columns alone do not make one (a section heading with a note).
 */
const ENTRY_COLUMNS = ANNEX_A_INPUT_COLUMNS.filter(
  (c) =>
    !["Maturity", "Method", "Assessed by", "Assessed on", "Notes", ...REVIEW_COLUMNS].includes(c)
);

const SAFE_CELL = (v: unknown): CellValue =>
  v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;

function nonNegativeInt(n: unknown): number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

/**
 * The snapshot itself when it is well formed (the usual case, no copy), else a repaired copy:
 * missing arrays become empty, rows that are not arrays become empty rows, odd cells become null.
 * Rules must never throw, whatever an adapter or a hostile file hands them.
 */
export function sanitizeSnapshot(input: unknown): SheetSnapshot {
  const s = (typeof input === "object" && input !== null ? input : {}) as Partial<SheetSnapshot>;
  const grid = <T>(g: unknown, cell: (v: unknown) => T): T[][] | null => {
    if (!Array.isArray(g)) return [];
    let fine = true;
    for (const row of g) {
      if (!Array.isArray(row)) {
        fine = false;
        break;
      }
    }
    if (fine) return null;
    return g.map((row) => (Array.isArray(row) ? row.map(cell) : []));
  };
  const values = grid(s.values, SAFE_CELL);
  const text = grid(s.text, (v) => (typeof v === "string" ? v : ""));
  const formulas = grid(s.formulas, (v) => (typeof v === "string" ? v : null));
  const origin = s.origin;
  const originOk =
    typeof origin === "object" &&
    origin !== null &&
    nonNegativeInt(origin.row) === origin.row &&
    nonNegativeInt(origin.col) === origin.col;
  const nameOk = typeof s.name === "string";
  const mergesOk = s.merges === undefined || Array.isArray(s.merges);
  const tablesOk = s.tables === undefined || Array.isArray(s.tables);
  if (!values && !text && !formulas && originOk && nameOk && mergesOk && tablesOk)
    return s as SheetSnapshot;
  return {
    ...s,
    name: nameOk ? (s.name as string) : String(s.name ?? ""),
    origin: originOk
      ? (origin as SheetSnapshot["origin"])
      : { row: nonNegativeInt(origin?.row), col: nonNegativeInt(origin?.col) },
    values: values ?? (s.values as CellValue[][]),
    text: text ?? (s.text as string[][]),
    formulas: formulas ?? (s.formulas as (string | null)[][]),
    merges: mergesOk ? s.merges : undefined,
    tables: tablesOk ? s.tables : undefined,
  };
}

const EXCEL_LAST_ROW = 1_048_575;

// Numeric key of a snapshot cell (columns stop at 16,384 in Excel).
const key = (r: number, c: number): number => r * 20000 + c;

/**
 * Continuation cells of merged areas → the merge's top-left snapshot cell, only in the table's
 * columns and only within the snapshot, so a hostile 1,048,576-row merge stays small.
 */
function mergeContinuations(
  snapshot: SheetSnapshot,
  columns: readonly number[]
): Map<number, [number, number]> {
  const map = new Map<number, [number, number]>();
  const { row: or, col: oc } = snapshot.origin;
  for (const m of snapshot.merges ?? []) {
    if (!m || typeof m !== "object") continue;
    const { top, left, bottom, right } = m;
    if (![top, left, bottom, right].every((n) => Number.isInteger(n))) continue;
    const lastRow = Math.min(bottom, or + snapshot.values.length - 1);
    for (const col of columns) {
      const c = col + oc;
      if (c < left || c > right) continue;
      for (let r = Math.max(top, or); r <= lastRow; r++) {
        if (r === top && c === left) continue;
        map.set(key(r - or, col), [top - or, left - oc]);
      }
    }
  }
  return map;
}

class SheetViewImpl implements AssessmentSheetView {
  readonly rows: RowView[] = [];
  readonly endRow: number;
  readonly merged: Map<number, [number, number]>;
  readonly statusCache = new Map<string, StatusReading>();
  private readonly idCol: number;

  constructor(
    readonly spec: AssessmentSheetSpec,
    readonly snapshot: SheetSnapshot,
    readonly table: LocatedTable
  ) {
    this.merged = mergeContinuations(snapshot, [...table.columns.values()]);
    this.idCol = table.columns.get("ID") ?? 0;
    const last = table.dataRows.length
      ? table.dataRows[table.dataRows.length - 1]
      : table.headerRow;
    const listObject = snapshot.tables?.find(
      (t) => t && typeof t.name === "string" && t.name.toLowerCase() === spec.table.toLowerCase()
    );
    const tableBottom = listObject && Number.isInteger(listObject.bottom) ? listObject.bottom : -1;
    // Clamped to Excel's last row: a table may claim all 1,048,576 of them.
    this.endRow = Math.min(
      Math.max(snapshot.origin.row + last + 1, tableBottom + 1),
      EXCEL_LAST_ROW
    );
    for (const r of table.dataRows) {
      // The lower part of a merged ID cell continues the record above it; it is not a row of its own.
      if (this.merged.has(key(r, this.idCol))) continue;
      const row = new RowViewImpl(this, r);
      if (row.id !== "" || ENTRY_COLUMNS.some((c) => !isBlankValue(row.value(c))))
        this.rows.push(row);
    }
  }

  // 10,000 rows share ~100 distinct ids: parse each text once.
  private readonly catalogIds = new Map<string, string | null>();

  catalogIdOf(id: string): string | null {
    if (id === "") return null;
    let known = this.catalogIds.get(id);
    if (known === undefined) {
      known = (this.spec.kind === "clauses" ? findClause(id) : findControl(id))?.id ?? null;
      this.catalogIds.set(id, known);
    }
    return known;
  }

  col(column: string): number {
    return this.snapshot.origin.col + (this.table.columns.get(column) ?? this.idCol);
  }
}

class RowViewImpl implements RowView {
  readonly id: string;
  readonly catalogId: string | null;
  readonly label: string;
  readonly status: StatusReading;
  readonly effective: Status | null;
  readonly applicable: ApplicableReading;

  constructor(
    readonly sheet: SheetViewImpl,
    readonly r: number
  ) {
    this.id = this.shownRaw("ID");
    const kind = sheet.spec.kind;
    this.catalogId = sheet.catalogIdOf(this.id);
    const noun = kind === "clauses" ? "Clause" : "Control";
    this.label =
      this.catalogId !== null
        ? `${noun} ${this.catalogId}`
        : this.id !== ""
          ? `Row ${sheet.snapshot.origin.row + r + 1} (ID "${this.id}")`
          : `Row ${sheet.snapshot.origin.row + r + 1}`;
    this.status = readStatus(this.value("Status"), sheet.statusCache);
    this.effective =
      this.status.kind === "blank"
        ? "Not Assessed"
        : this.status.kind === "invalid"
          ? null
          : this.status.status;
    this.applicable =
      kind === "annexA" ? readApplicable(this.value("Applicable")) : { kind: "blank" };
  }

  has(column: string): boolean {
    return this.sheet.table.columns.has(column);
  }

  value(column: string): CellValue {
    const c = this.sheet.table.columns.get(column);
    return c === undefined ? null : SAFE_CELL(this.sheet.snapshot.values[this.r]?.[c] ?? null);
  }

  private shownRaw(column: string): string {
    const c = this.sheet.table.columns.get(column);
    return c === undefined ? "" : cellText(this.sheet.snapshot, this.r, c);
  }

  shown(column: string): string {
    const c = this.sheet.table.columns.get(column);
    if (c === undefined) return "";
    const own = cellText(this.sheet.snapshot, this.r, c);
    if (own !== "") return own;
    const top = this.sheet.merged.get(key(this.r, c));
    return top ? cellText(this.sheet.snapshot, top[0], top[1]) : "";
  }

  isFormula(column: string): boolean {
    const c = this.sheet.table.columns.get(column);
    if (c === undefined) return false;
    const f = this.sheet.snapshot.formulas[this.r]?.[c];
    return typeof f === "string" && f !== "";
  }

  at(column: string): CellRef {
    const { snapshot } = this.sheet;
    return {
      sheet: snapshot.name,
      row: snapshot.origin.row + this.r,
      col: this.sheet.col(column),
      id: this.id,
    };
  }
}

/** Displayed text of a snapshot cell, trimmed; the raw value when the adapter gave no text. */
function cellText(snapshot: SheetSnapshot, r: number, c: number): string {
  const shown = snapshot.text[r]?.[c];
  if (typeof shown === "string" && shown.trim() !== "") return shown.trim();
  const v = SAFE_CELL(snapshot.values[r]?.[c] ?? null);
  return v === null ? "" : String(v).trim();
}

/** The snapshot of this sheet, by the one matching rule (trimmed, any letter case). */
export function findSnapshot(
  snapshots: readonly SheetSnapshot[],
  name: string
): SheetSnapshot | undefined {
  return findSheet(snapshots, name);
}

function buildAssessmentView(
  spec: AssessmentSheetSpec,
  snapshot: SheetSnapshot
): AssessmentSheetView | null {
  const table = locateAssessmentTable(snapshot, spec);
  return table ? new SheetViewImpl(spec, snapshot, table) : null;
}

/** Locates both assessment tables; `onError` hears about a sheet whose view could not be built. */
export function buildWorkbookView(
  snapshots: readonly SheetSnapshot[],
  today: Date,
  onError: (spec: AssessmentSheetSpec, error: unknown) => void
): WorkbookView {
  const sheets = new Map<AssessmentSheetSpec["kind"], AssessmentSheetView | null>();
  const broken = new Set<AssessmentSheetSpec["kind"]>();
  for (const spec of ASSESSMENT_SHEETS) {
    const snapshot = findSnapshot(snapshots, spec.sheet);
    try {
      sheets.set(spec.kind, snapshot ? buildAssessmentView(spec, snapshot) : null);
    } catch (error) {
      sheets.set(spec.kind, null);
      broken.add(spec.kind);
      onError(spec, error);
    }
  }
  return { snapshots, sheets, broken, today };
}
