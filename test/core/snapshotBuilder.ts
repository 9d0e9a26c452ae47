// Test helper: contract-conformant `Clauses 4-10` / `Annex A` snapshots with every catalog row,
// which a test then edits by row ID and column (typos, moved tables, extra columns, merges ...).
import { CLAUSES, CONTROLS } from "../../src/catalog";
import {
  ASSESSMENT_SHEETS,
  SCORE_COLUMNS,
  type AssessmentSheetSpec,
} from "../../src/core/contract";
import { DEFAULT_WEIGHTS, asStatus } from "../../src/core/scale";
import { cellAddress, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";

export interface Cell {
  value: CellValue;
  /** Displayed text; derived from the value when absent. */
  text?: string;
  formula: string | null;
}

interface Row {
  /** Catalog id the row was created for ("" for rows a test added without one); tests address rows by it. */
  key: string;
  cells: Map<string, Cell>;
}

export interface SheetOptions {
  /** Sheet cell (0-based) of the snapshot's top-left; the table starts `titleRows` below it. */
  origin?: { row: number; col: number };
  /** Title rows above the header ("ISO 27001 gap assessment", blank). */
  titleRows?: number;
  /** User columns inserted after a contract column. */
  extraColumns?: { header: string; after: string }[];
  /** 'complete': every row assessed, consistent and clean; 'blank': as freshly built. */
  fill?: "complete" | "blank";
}

type Fill = NonNullable<SheetOptions["fill"]>;

const BLANK_ROW = Symbol("blank row");

function scoreValues(
  status: CellValue,
  likelihood: CellValue,
  impact: CellValue
): Record<string, CellValue> {
  const s = asStatus(status);
  const gap = s === null ? null : DEFAULT_WEIGHTS[s];
  const risk =
    typeof likelihood === "number" && typeof impact === "number" ? likelihood * impact : null;
  const level =
    risk === null
      ? null
      : risk >= 20
        ? "Critical"
        : risk >= 10
          ? "High"
          : risk >= 5
            ? "Medium"
            : "Low";
  const priority = gap !== null && risk !== null ? gap * risk : null;
  return {
    "Gap score": gap ?? "",
    "Risk score": risk ?? "",
    "Risk level": level ?? "",
    Priority: priority ?? "",
  };
}

function formulaFor(table: string, column: string): string {
  const ref = (c: string) => `${table}[[#This Row],[${c}]]`;
  switch (column) {
    case "Gap score":
      return `=IFERROR(INDEX(Weights,MATCH(${ref("Status")},StatusList,0)),"")`;
    case "Risk score":
      return `=IF(AND(ISNUMBER(${ref("Likelihood")}),ISNUMBER(${ref("Impact")})),${ref("Likelihood")}*${ref("Impact")},"")`;
    case "Risk level":
      return `=IF(ISNUMBER(${ref("Risk score")}),LOOKUP(${ref("Risk score")},BandMin,BandName),"")`;
    default:
      return `=IF(AND(ISNUMBER(${ref("Gap score")}),ISNUMBER(${ref("Risk score")})),${ref("Gap score")}*${ref("Risk score")},"")`;
  }
}

// A completed assessment that an auditor would accept: varied statuses, all consistent.
function completeInputs(
  kind: AssessmentSheetSpec["kind"],
  id: string,
  index: number
): Record<string, CellValue> {
  const pick = index % 5;
  const common = { Owner: "ISMS Manager", Notes: null as CellValue };
  if (kind === "annexA" && pick === 4) {
    return {
      ...common,
      Applicable: "No",
      Justification: `Control ${id} excluded: no own premises, all staff remote`,
      Status: "Not Applicable",
      Evidence: null,
      Likelihood: null,
      Impact: null,
      Owner: null,
    };
  }
  const status = pick === 1 ? "Partially Compliant" : pick === 2 ? "Non-Compliant" : "Compliant";
  return {
    ...common,
    ...(kind === "annexA"
      ? { Applicable: "Yes", Justification: "Needed to treat risks R-12 and R-14" }
      : {}),
    Status: status,
    Evidence:
      status === "Non-Compliant"
        ? null
        : `Procedure ${id} v2 in SharePoint/ISMS, approved 2024-03-01`,
    Likelihood: (index % 5) + 1,
    Impact: ((index + 2) % 5) + 1,
  };
}

function blankInputs(kind: AssessmentSheetSpec["kind"]): Record<string, CellValue> {
  return { Status: "Not Assessed", ...(kind === "annexA" ? { Applicable: null } : {}) };
}

export class SheetBuilder {
  readonly spec: AssessmentSheetSpec;
  readonly columns: string[];
  private readonly rows: (Row | typeof BLANK_ROW)[] = [];
  private readonly merges: { key: string; column: string; count: number }[] = [];
  private readonly origin: { row: number; col: number };
  private readonly titleRows: number;
  /** Sheet name written into the snapshot (tests may rename it). */
  name: string;

  constructor(kind: AssessmentSheetSpec["kind"], options: SheetOptions = {}) {
    this.spec = ASSESSMENT_SHEETS.find((s) => s.kind === kind)!;
    this.name = this.spec.sheet;
    this.origin = options.origin ?? { row: 0, col: 0 };
    this.titleRows = options.titleRows ?? 0;
    this.columns = [...this.spec.columns];
    for (const extra of options.extraColumns ?? []) {
      this.columns.splice(this.columns.indexOf(extra.after) + 1, 0, extra.header);
    }
    const fill: Fill = options.fill ?? "complete";
    const items = kind === "clauses" ? CLAUSES : CONTROLS;
    items.forEach((item, index) => {
      const catalog: Record<string, CellValue> = {
        ID: item.id,
        Title: item.title,
        Question: item.question,
        ...("theme" in item ? { Theme: item.theme } : {}),
      };
      const inputs = fill === "complete" ? completeInputs(kind, item.id, index) : blankInputs(kind);
      const cells = new Map<string, Cell>();
      for (const [column, value] of Object.entries({ ...catalog, ...inputs }))
        cells.set(column, { value, formula: null });
      const row: Row = { key: item.id, cells };
      this.rows.push(row);
      this.recompute(row);
    });
  }

  private row(key: string): Row {
    const row = this.rows.find((r): r is Row => r !== BLANK_ROW && r.key === key);
    if (!row) throw new Error(`No row ${key} on ${this.spec.sheet}`);
    return row;
  }

  // Keeps formula cells' values in step with the inputs, as Excel would after recalculation.
  private recompute(row: Row): void {
    const v = (c: string) => row.cells.get(c)?.value ?? null;
    const scores = scoreValues(v("Status"), v("Likelihood"), v("Impact"));
    for (const column of SCORE_COLUMNS) {
      const cell = row.cells.get(column);
      if (cell && cell.formula === null) continue; // typed over by a test: leave it
      row.cells.set(column, {
        value: scores[column],
        formula: formulaFor(this.spec.table, column),
      });
    }
  }

  /** Types a value into a cell of row `key` (a score column loses its formula, as in Excel). */
  set(key: string, column: string, value: CellValue, text?: string): this {
    const row = this.row(key);
    row.cells.set(column, { value, text, formula: null });
    this.recompute(row);
    return this;
  }

  /** Several cells of one row at once. */
  setRow(key: string, cells: Record<string, CellValue>): this {
    for (const [column, value] of Object.entries(cells)) this.set(key, column, value);
    return this;
  }

  /** Deletes a row. */
  remove(key: string): this {
    this.rows.splice(this.rows.indexOf(this.row(key)), 1);
    return this;
  }

  /** Adds a row (after `afterKey`, else at the end); `key` addresses it later. */
  addRow(key: string, cells: Record<string, CellValue>, afterKey?: string): this {
    const row: Row = { key, cells: new Map() };
    for (const [column, value] of Object.entries(cells))
      row.cells.set(column, { value, formula: null });
    this.recompute(row);
    const at =
      afterKey === undefined ? this.rows.length : this.rows.indexOf(this.row(afterKey)) + 1;
    this.rows.splice(at, 0, row);
    return this;
  }

  /** Inserts an entirely empty row after row `key`. */
  blankRowAfter(key: string): this {
    this.rows.splice(this.rows.indexOf(this.row(key)) + 1, 0, BLANK_ROW);
    return this;
  }

  /** Merges the cell of `column` in row `key` with the `count` rows below it (their cells become blank). */
  mergeDown(key: string, column: string, count: number): this {
    this.merges.push({ key, column, count });
    return this;
  }

  private sheetRowOf(key: string): number {
    const index = this.rows.indexOf(this.row(key));
    return this.origin.row + this.titleRows + 1 + index;
  }

  private sheetColOf(column: string): number {
    const c = this.columns.indexOf(column);
    if (c < 0) throw new Error(`No column ${column}`);
    return this.origin.col + c;
  }

  /** A1 address of a cell of row `key`, in the current layout. */
  address(key: string, column: string): string {
    return cellAddress(this.sheetRowOf(key), this.sheetColOf(column));
  }

  /** A1 address of the first empty row below the table, in `column`. */
  endAddress(column = "ID"): string {
    return cellAddress(
      this.origin.row + this.titleRows + 1 + this.rows.length,
      this.sheetColOf(column)
    );
  }

  /** Removes a contract column (its header and cells). */
  dropColumn(column: string): this {
    this.columns.splice(this.columns.indexOf(column), 1);
    return this;
  }

  snapshot(): SheetSnapshot {
    const width = this.columns.length;
    const values: CellValue[][] = [];
    const text: string[][] = [];
    const formulas: (string | null)[][] = [];
    const push = (cells: Cell[]) => {
      values.push(cells.map((c) => c.value));
      text.push(cells.map((c) => c.text ?? (c.value === null ? "" : String(c.value))));
      formulas.push(cells.map((c) => c.formula));
    };
    const empty = (): Cell => ({ value: null, formula: null });
    for (let t = 0; t < this.titleRows; t++) {
      push(
        Array.from({ length: width }, (_, c) =>
          t === 0 && c === 0 ? { value: "ISO/IEC 27001 gap assessment", formula: null } : empty()
        )
      );
    }
    push(this.columns.map((h) => ({ value: h, formula: null })));
    for (const row of this.rows) {
      push(
        this.columns.map((column) =>
          row === BLANK_ROW ? empty() : (row.cells.get(column) ?? empty())
        )
      );
    }
    const merges = this.merges.map((m) => {
      const top = this.sheetRowOf(m.key);
      const col = this.sheetColOf(m.column);
      for (let k = 1; k <= m.count; k++) {
        const r = top - this.origin.row + k;
        const c = col - this.origin.col;
        values[r][c] = null;
        text[r][c] = "";
        formulas[r][c] = null;
      }
      return { top, left: col, bottom: top + m.count, right: col };
    });
    const headerRow = this.origin.row + this.titleRows;
    return {
      name: this.name,
      origin: { ...this.origin },
      values,
      text,
      formulas,
      merges,
      tables: [
        {
          name: this.spec.table,
          top: headerRow,
          left: this.origin.col,
          bottom: headerRow + this.rows.length,
          right: this.origin.col + width - 1,
        },
      ],
    };
  }
}

/** Both assessment sheets, plus Summary and Settings stubs, as a workbook adapter would read them. */
export class WorkbookBuilder {
  readonly clauses: SheetBuilder;
  readonly annexA: SheetBuilder;

  constructor(options: SheetOptions = {}, annexOptions: SheetOptions = options) {
    this.clauses = new SheetBuilder("clauses", options);
    this.annexA = new SheetBuilder("annexA", annexOptions);
  }

  snapshots(): SheetSnapshot[] {
    const stub = (name: string): SheetSnapshot => ({
      name,
      origin: { row: 0, col: 0 },
      values: [[name]],
      text: [[name]],
      formulas: [[null]],
    });
    return [this.clauses.snapshot(), this.annexA.snapshot(), stub("Summary"), stub("Settings")];
  }
}
