/** The workbook the fake keeps (sheets, cells, formats, names) and the synchronous API tests use on it. */
import {
  MAX_COLS,
  Rect,
  cellName,
  colCount,
  formatRect,
  lettersToCol,
  overlaps,
  parseAddress,
  parseCell,
  qualify,
  rect,
  rowCount,
} from "./address";
import {
  CellData,
  ChartEntity,
  ConditionalFormatEntity,
  EventHandler,
  HyperlinkData,
  NameEntity,
  ProtectionOptions,
  RangeRef,
  TableEntity,
  ValidationEntry,
  defaultErrorAlert,
  defaultPrompt,
  defaultProtectionOptions,
  splitValidation,
  validationType,
} from "./entities";
import { accessDenied, alreadyExists, invalidArgument, invalidOperation } from "./errors";
import { CellScalar, checkFormula, deleteSheetInFormula, renameSheetInFormula } from "./formula";
import { formatValue } from "./numberFormat";
import { breakTableRefs } from "./structuredRefs";
import { STYLE_DEFAULTS, StyleStore, cellKey } from "./styles";
import {
  CellView,
  ConditionalFormatView,
  TableView,
  conditionalFormatView,
  tableView,
} from "./views";

/** Where a formula lives: its cell, or the top-left cell of the rule's range (null for a defined name). */
export interface FormulaHost {
  sheet: SheetState;
  row: number;
  col: number;
}

export interface SetCellOptions {
  /** Cached result of a formula cell (what `values` returns for it). */
  result?: CellScalar | null;
  numberFormat?: string;
  locked?: boolean;
  bold?: boolean;
  fill?: string | null;
}

export class SheetState {
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  deleted = false;
  readonly cells = new Map<number, CellData>();
  /** Hyperlinks per cell (a link set on a range is stored on each of its cells). */
  readonly hyperlinks = new Map<number, HyperlinkData>();
  readonly styles = new StyleStore();
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  defaultColWidth = 48;
  defaultRowHeight = 15;
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  mergeList: Rect[] = [];
  dv: ValidationEntry[] = [];
  /** Conditional formats in priority order (index 0 is evaluated first). */
  cfs: ConditionalFormatEntity[] = [];
  chartList: ChartEntity[] = [];
  prot = {
    protected: false,
    options: defaultProtectionOptions(),
    password: undefined as string | undefined,
  };
  frozen = { rows: 0, columns: 0 };
  changedHandlers: EventHandler[] = [];
  activatedHandlers: EventHandler[] = [];

  constructor(
    readonly workbook: WorkbookState,
    readonly id: string,
    public name: string
  ) {}

  // ---- cells (internal) ----
  getCell(row: number, col: number): CellData | undefined {
    return this.cells.get(cellKey(row, col));
  }

  putCell(row: number, col: number, data: CellData | null): void {
    if (!data || (data.f === undefined && (data.v === "" || data.v === null)))
      this.cells.delete(cellKey(row, col));
    else this.cells.set(cellKey(row, col), data);
  }

  /** What `values` shows: the constant, the cached formula result, or "" for empty/uncalculated. */
  valueAt(row: number, col: number): CellScalar {
    const c = this.getCell(row, col);
    return c?.v ?? "";
  }

  formulaAt(row: number, col: number): CellScalar {
    const c = this.getCell(row, col);
    return c?.f ?? c?.v ?? "";
  }

  textAt(row: number, col: number): string {
    return formatValue(
      this.getCell(row, col)?.v ?? "",
      String(this.styles.get("numberFormat", row, col))
    );
  }

  /** Bounding box of cells with content (and, unless valuesOnly, with formatting). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const key of this.cells.keys()) {
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      if (row < r0) r0 = row;
      if (row > r1) r1 = row;
      if (col < c0) c0 = col;
      if (col > c1) c1 = col;
    }
    let out: Rect | null = r1 < 0 ? null : rect(r0, c0, r1, c1);
    if (!valuesOnly) {
      const f = this.styles.formattedBounds();
      if (f)
        out = out
          ? rect(
              Math.min(out.r0, f.r0),
              Math.min(out.c0, f.c0),
              Math.max(out.r1, f.r1),
              Math.max(out.c1, f.c1)
            )
          : f;
    }
    return out;
  }

  columnWidthAt(col: number): number {
    return this.colWidths.get(col) ?? this.defaultColWidth;
  }

  rowHeightAt(row: number): number {
    return this.rowHeights.get(row) ?? this.defaultRowHeight;
  }

  // ---- protection (internal) ----
  /** Writing cell contents on a protected sheet needs every target cell unlocked. */
  assertEditable(r: Rect, location?: string): void {
    if (!this.prot.protected) return;
    if (this.styles.uniform("locked", r) !== false) {
      throw accessDenied(
        `The cell or chart you're trying to change is on a protected sheet (${qualify(this.name, r)}).`,
        location
      );
    }
  }

  assertAllowed(permission: keyof ProtectionOptions | null, location?: string): void {
    if (!this.prot.protected) return;
    if (permission && this.prot.options[permission]) return;
    throw accessDenied(`The sheet '${this.name}' is protected.`, location);
  }

  ownTables(): TableEntity[] {
    return this.workbook.tableList.filter((t) => t.sheet === this);
  }

  // ---- test-facing API (synchronous, never counted as syncs) ----
  get position(): number {
    return this.workbook.sheetList.indexOf(this);
  }

  cell(a1: string): CellView {
    const { row, col } = parseCell(a1);
    const c = this.getCell(row, col);
    const s = (p: keyof typeof STYLE_DEFAULTS): unknown => this.styles.get(p, row, col);
    const link = this.hyperlinks.get(cellKey(row, col));
    return {
      value: c?.v ?? "",
      formula: c?.f ?? null,
      hyperlink: link ? { ...link } : null,
      numberFormat: String(s("numberFormat")),
      text: this.textAt(row, col),
      format: {
        bold: s("bold") as boolean,
        italic: s("italic") as boolean,
        fontColor: s("fontColor") as string,
        fontSize: s("fontSize") as number,
        fontName: s("fontName") as string,
        fill: s("fill") as string | null,
        wrap: s("wrap") as boolean,
        horizontalAlignment: s("hAlign") as string,
        verticalAlignment: s("vAlign") as string,
        locked: s("locked") as boolean,
      },
    };
  }

  /** Seed one cell: strings starting with "=" become formulas, everything else is stored as given. */
  setCell(a1: string, value: CellScalar | null, opts: SetCellOptions = {}): this {
    const { row, col } = parseCell(a1);
    if (typeof value === "string" && value.startsWith("=") && value.length > 1) {
      checkFormula(value);
      this.putCell(row, col, { v: opts.result ?? null, f: value });
    } else {
      this.putCell(row, col, { v: value ?? "" });
    }
    const one = rect(row, col, row, col);
    if (opts.numberFormat !== undefined)
      this.styles.setRange("numberFormat", one, opts.numberFormat);
    if (opts.locked !== undefined) this.styles.setRange("locked", one, opts.locked);
    if (opts.bold !== undefined) this.styles.setRange("bold", one, opts.bold);
    if (opts.fill !== undefined) this.styles.setRange("fill", one, opts.fill);
    return this;
  }

  /** Seed a hyperlink on a cell (no text or format change, as when a saved workbook is opened). */
  setHyperlink(a1: string, link: HyperlinkData): this {
    const { row, col } = parseCell(a1);
    this.hyperlinks.set(cellKey(row, col), { ...link });
    return this;
  }

  /** Seed a block from its top-left cell. */
  setValues(topLeft: string, rows: Array<Array<CellScalar | null>>): this {
    const { row, col } = parseCell(topLeft);
    rows.forEach((values, i) =>
      values.forEach((v, j) => this.setCell(cellName(row + i, col + j), v))
    );
    return this;
  }

  /** Values of a block as `range.values` would return them. */
  getValues(address: string): CellScalar[][] {
    const { rect: r } = parseAddress(address);
    const out: CellScalar[][] = [];
    for (let i = r.r0; i <= r.r1; i++) {
      const row: CellScalar[] = [];
      for (let j = r.c0; j <= r.c1; j++) row.push(this.valueAt(i, j));
      out.push(row);
    }
    return out;
  }

  /** Used range address without the sheet name (e.g. "A1:P94"), or null for an empty sheet. */
  usedRange(valuesOnly = false): string | null {
    const r = this.usedRect(valuesOnly);
    return r ? formatRect(r) : null;
  }

  /** Column width in points (Excel's default is 48). */
  columnWidth(column: string): number {
    return this.columnWidthAt(lettersToCol(column));
  }

  rowHeight(row: number): number {
    return this.rowHeightAt(row - 1);
  }

  get tables(): TableView[] {
    return this.ownTables().map(tableView);
  }

  get validations(): Array<{
    address: string;
    type: string;
    rule: Record<string, unknown> | null;
    prompt: ValidationEntry["prompt"];
    errorAlert: ValidationEntry["errorAlert"];
    ignoreBlanks: boolean;
  }> {
    return this.dv.map((v) => ({
      address: formatRect(v.rect),
      type: validationType(v.rule),
      rule: v.rule,
      prompt: v.prompt,
      errorAlert: v.errorAlert,
      ignoreBlanks: v.ignoreBlanks,
    }));
  }

  get conditionalFormats(): ConditionalFormatView[] {
    return this.cfs.map((cf, priority) => conditionalFormatView(cf, priority));
  }

  get charts(): Array<{
    name: string;
    type: string;
    source: string;
    seriesBy: string;
    title: string;
    titleVisible: boolean;
    start: string | null;
    end: string | null;
  }> {
    return this.chartList.map((c) => ({
      name: c.name,
      type: c.chartType,
      source: qualify(c.source.sheet.name, c.source.rect),
      seriesBy: c.seriesBy,
      title: c.title.text,
      titleVisible: c.title.visible,
      start: c.position.start,
      end: c.position.end,
    }));
  }

  get protection(): {
    protected: boolean;
    options: ProtectionOptions;
    password: string | undefined;
  } {
    return {
      protected: this.prot.protected,
      options: { ...this.prot.options },
      password: this.prot.password,
    };
  }

  get freeze(): { rows: number; columns: number } {
    return { ...this.frozen };
  }

  get merges(): string[] {
    return this.mergeList.map((r) => formatRect(r));
  }

  /** Seed protection (cells stay locked unless seeded otherwise). */
  protect(options: Partial<ProtectionOptions> = {}, password?: string): this {
    this.prot = {
      protected: true,
      options: { ...defaultProtectionOptions(), ...options },
      password,
    };
    return this;
  }

  unprotect(): this {
    this.prot = { protected: false, options: defaultProtectionOptions(), password: undefined };
    return this;
  }

  /** Seed a list validation (or any rule object shaped like Excel.DataValidationRule). */
  addValidation(address: string, rule: Record<string, unknown>): this {
    const { rect: r } = parseAddress(address);
    this.dv = this.dv.flatMap((v) => splitValidation(v, r).outside);
    this.dv.push({
      rect: r,
      rule,
      prompt: defaultPrompt(),
      errorAlert: defaultErrorAlert(),
      ignoreBlanks: true,
    });
    return this;
  }

  merge(address: string): this {
    this.mergeList.push(parseAddress(address).rect);
    return this;
  }
}

const RESERVED_SHEET_NAMES = ["history"];

export class WorkbookState {
  sheetList: SheetState[] = [];
  tableList: TableEntity[] = [];
  nameList: NameEntity[] = [];
  activeSheet: SheetState | null = null;
  selected: RangeRef | null = null;
  calculationMode = "Automatic";
  /** True between suspendApiCalculationUntilNextSync() and the end of that sync. */
  calculationSuspended = false;
  /** One entry per applied sync: whether API calculation was suspended during it. */
  calculationSuspendedHistory: boolean[] = [];
  calculateCalls: string[] = [];
  /** Formula engine hook (createExcelFake's `calculate` option), run after syncs and on application.calculate(). */
  onCalculate?: (wb: WorkbookState) => void;
  changedHandlers: EventHandler[] = [];
  activatedHandlers: EventHandler[] = [];
  private nextId = 1;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
  }

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheetList.find((s) => s.name.toLowerCase() === lower);
  }

  /** Excel's sheet-name rules: 1-31 chars, none of : \ / ? * [ ], no leading/trailing apostrophe, not "History". */
  checkSheetName(name: unknown, self?: SheetState, location?: string): string {
    if (
      typeof name !== "string" ||
      name.trim() === "" ||
      name.length > 31 ||
      /[:\\/?*[\]]/.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw invalidArgument(`'${String(name)}' is not a valid sheet name.`, location);
    }
    if (RESERVED_SHEET_NAMES.includes(name.toLowerCase())) {
      throw invalidArgument(`'${name}' is a reserved sheet name in Excel.`, location);
    }
    const other = this.findSheet(name);
    if (other && other !== self)
      throw alreadyExists(`A sheet named '${name}' already exists.`, location);
    return name;
  }

  addSheetInternal(name: string | undefined, location?: string): SheetState {
    let n = name;
    if (n === undefined || n === null || n === "") {
      let i = this.sheetList.length + 1;
      while (this.findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    const sheet = new SheetState(
      this,
      this.newId("sheet"),
      this.checkSheetName(n, undefined, location)
    );
    this.sheetList.push(sheet);
    if (!this.activeSheet) {
      this.activeSheet = sheet;
      this.selected = new RangeRef(sheet, rect(0, 0, 0, 0));
    }
    return sheet;
  }

  renameSheet(sheet: SheetState, newName: string, location?: string): void {
    if (sheet.name === newName) return;
    this.checkSheetName(newName, sheet, location);
    const old = sheet.name;
    sheet.name = newName;
    this.rewriteFormulas((f) => renameSheetInFormula(f, old, newName));
  }

  deleteSheet(sheet: SheetState, location?: string): void {
    const visible = this.sheetList.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw invalidOperation("A workbook must contain at least one visible worksheet.", location);
    }
    this.sheetList = this.sheetList.filter((s) => s !== sheet);
    sheet.deleted = true;
    for (const t of this.tableList.filter((x) => x.sheet === sheet)) {
      breakTableRefs(t);
      t.deleted = true;
    }
    this.tableList = this.tableList.filter((t) => !t.deleted);
    this.rewriteFormulas((f) => deleteSheetInFormula(f, sheet.name));
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheetList.find((s) => s.visibility === "Visible") ?? null;
      this.selected = this.activeSheet ? new RangeRef(this.activeSheet, rect(0, 0, 0, 0)) : null;
    }
  }

  /** Apply a text rewrite to every formula the workbook stores (cells, names, rules), told where each lives. */
  rewriteFormulas(fn: (formula: string, host: FormulaHost | null) => string): void {
    for (const s of this.sheetList) {
      for (const [key, c] of s.cells) {
        if (c.f === undefined) continue;
        const f = fn(c.f, { sheet: s, row: Math.floor(key / MAX_COLS), col: key % MAX_COLS });
        if (f !== c.f) s.cells.set(key, { ...c, f });
      }
      for (const cf of s.cfs) {
        const at = cf.rects[0];
        const host = at ? { sheet: s, row: at.r0, col: at.c0 } : null;
        cf.data = rewriteDeep(cf.data, (f) => fn(f, host)) as ConditionalFormatEntity["data"];
      }
      for (const v of s.dv) {
        const host = { sheet: s, row: v.rect.r0, col: v.rect.c0 };
        v.rule = rewriteDeep(v.rule, (f) => fn(f, host)) as ValidationEntry["rule"];
      }
    }
    for (const n of this.nameList) n.formula = fn(n.formula, null);
  }

  findTable(name: string): TableEntity | undefined {
    const lower = name.toLowerCase();
    return this.tableList.find((t) => t.name.toLowerCase() === lower);
  }

  findName(name: string): NameEntity | undefined {
    const lower = name.toLowerCase();
    return this.nameList.find((n) => n.name.toLowerCase() === lower);
  }

  // ---- test-facing API ----
  get sheets(): SheetState[] {
    return [...this.sheetList];
  }

  sheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s)
      throw new Error(
        `Excel fake state: no sheet named '${name}' (have: ${this.sheetList.map((x) => x.name).join(", ")})`
      );
    return s;
  }

  addSheet(name: string): SheetState {
    return this.addSheetInternal(name);
  }

  /** Workbook-scoped names as name → formula (e.g. { Compliance_Overall: "=Summary!$B$2" }). */
  get names(): Record<string, string> {
    return Object.fromEntries(this.nameList.map((n) => [n.name, n.formula]));
  }

  /** Seed a name; like Excel, names differing only in case are the same name. */
  addName(name: string, formula: string): this {
    if (this.findName(name) || this.findTable(name))
      throw new Error(
        `Excel fake state: the name '${name}' is already used (names are case-insensitive)`
      );
    this.nameList.push(new NameEntity(name, formula.startsWith("=") ? formula : `=${formula}`));
    return this;
  }

  get tables(): TableView[] {
    return this.tableList.map(tableView);
  }

  /** Address of the selection, sheet-qualified ('Annex A'!B2), as Range.select() left it. */
  get selection(): string | null {
    return this.selected ? qualify(this.selected.sheet.name, this.selected.rect) : null;
  }

  get activeSheetName(): string | null {
    return this.activeSheet?.name ?? null;
  }

  /** Run the onChanged handlers registered on the sheet and on the worksheet collection. */
  async fireWorksheetChanged(
    sheetName: string,
    address: string,
    details?: Record<string, unknown>
  ): Promise<void> {
    const sheet = this.sheet(sheetName);
    const r = parseAddress(address).rect;
    const args = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: formatRect(r),
      changeType: "RangeEdited",
      source: "Local",
      triggerSource: "ThisLocalAddin",
      details,
      getRange: (ctx: { workbook: any }) =>
        ctx.workbook.worksheets.getItem(sheet.name).getRange(formatRect(r)),
      getRangeOrNullObject: (ctx: { workbook: any }) =>
        ctx.workbook.worksheets.getItem(sheet.name).getRange(formatRect(r)),
    };
    await Promise.all([...sheet.changedHandlers, ...this.changedHandlers].map((h) => h(args)));
  }

  /** Make the sheet active and run its onActivated handlers. */
  async fireActivated(sheetName: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    this.activeSheet = sheet;
    const args = { type: "WorksheetActivated", worksheetId: sheet.id };
    await Promise.all([...sheet.activatedHandlers, ...this.activatedHandlers].map((h) => h(args)));
  }
}

function rewriteDeep(value: unknown, fn: (f: string) => string): unknown {
  if (typeof value === "string") return value.startsWith("=") ? fn(value) : value;
  if (Array.isArray(value)) return value.map((v) => rewriteDeep(v, fn));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteDeep(v, fn)]));
  }
  return value;
}

/** Cells of a rectangle as a 2D array. */
export function matrix<T>(r: Rect, at: (row: number, col: number) => T): T[][] {
  const out: T[][] = new Array(rowCount(r));
  for (let i = 0; i < out.length; i++) {
    const row: T[] = new Array(colCount(r));
    for (let j = 0; j < row.length; j++) row[j] = at(r.r0 + i, r.c0 + j);
    out[i] = row;
  }
  return out;
}

export function tablesOverlapping(
  wb: WorkbookState,
  sheet: SheetState,
  r: Rect,
  except?: TableEntity
): TableEntity[] {
  return wb.tableList.filter((t) => t.sheet === sheet && t !== except && overlaps(t.rect, r));
}
