// Safe, merge-aware reading of a SheetSnapshot for template import: any shape in, plain text out.
import { cellAddress, type CellValue, type SheetSnapshot } from "../snapshot";

/** Merged areas are looked up cell by cell; past this many covered cells the rest are ignored. */
const MAX_MERGED_CELLS = 2_000_000;

export class Grid {
  readonly rows: number;
  readonly cols: number;
  readonly name: string;
  private readonly values: unknown[];
  private readonly texts: unknown[];
  private readonly originRow: number;
  private readonly originCol: number;
  /** Cell index (r * cols + c) → index of the merge's top-left cell, for covered cells only. */
  private readonly mergeMaster = new Map<number, number>();

  constructor(snapshot: SheetSnapshot) {
    const s = (snapshot ?? {}) as Partial<SheetSnapshot>;
    this.name = typeof s.name === "string" ? s.name : "";
    this.values = Array.isArray(s.values) ? s.values : [];
    this.texts = Array.isArray(s.text) ? s.text : [];
    const o = s.origin as { row?: unknown; col?: unknown } | undefined;
    this.originRow =
      Number.isSafeInteger(o?.row) && (o?.row as number) >= 0 ? (o?.row as number) : 0;
    this.originCol =
      Number.isSafeInteger(o?.col) && (o?.col as number) >= 0 ? (o?.col as number) : 0;
    this.rows = Math.max(this.values.length, this.texts.length);
    let cols = 0;
    for (let r = 0; r < this.rows; r++) {
      const v = this.values[r];
      const t = this.texts[r];
      if (Array.isArray(v)) cols = Math.max(cols, v.length);
      if (Array.isArray(t)) cols = Math.max(cols, t.length);
    }
    this.cols = cols;
    this.indexMerges(Array.isArray(s.merges) ? s.merges : []);
  }

  private indexMerges(merges: unknown[]): void {
    let budget = MAX_MERGED_CELLS;
    for (const m of merges) {
      const area = m as { top?: unknown; left?: unknown; bottom?: unknown; right?: unknown } | null;
      const nums = [area?.top, area?.left, area?.bottom, area?.right];
      if (!nums.every((n) => Number.isSafeInteger(n))) continue;
      // Merges are in sheet coordinates; clip them to the snapshot.
      const top = (nums[0] as number) - this.originRow;
      const left = (nums[1] as number) - this.originCol;
      const bottom = Math.min((nums[2] as number) - this.originRow, this.rows - 1);
      const right = Math.min((nums[3] as number) - this.originCol, this.cols - 1);
      if (
        top < 0 ||
        left < 0 ||
        top >= this.rows ||
        left >= this.cols ||
        bottom < top ||
        right < left
      )
        continue;
      const master = top * this.cols + left;
      for (let r = top; r <= bottom && budget > 0; r++) {
        for (let c = left; c <= right && budget > 0; c++, budget--) {
          if (r !== top || c !== left) this.mergeMaster.set(r * this.cols + c, master);
        }
      }
    }
  }

  raw(r: number, c: number): CellValue {
    const row = this.values[r];
    if (!Array.isArray(row)) return null;
    const v = row[c] as unknown;
    return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
  }

  /** What the cell displays: the snapshot's text, else the raw value as text. */
  text(r: number, c: number): string {
    const row = this.texts[r];
    const shown = Array.isArray(row) ? (row[c] as unknown) : undefined;
    if (typeof shown === "string" && shown !== "") return shown;
    const v = this.raw(r, c);
    if (v === null) return "";
    if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return v;
  }

  /** Header reading: a cell covered by a merge shows the merge's text. */
  headerText(r: number, c: number): string {
    const master = this.mergeMaster.get(r * this.cols + c);
    if (master === undefined) return this.text(r, c);
    return this.text(Math.floor(master / this.cols), master % this.cols);
  }

  /**
   * Data reading: a vertical merge repeats its value on every row it covers (one answer for several
   * controls), while a cell to the right of a merge's first column is a continuation and reads empty,
   * so a section title merged across a row does not land in every column.
   */
  dataText(r: number, c: number): string {
    const master = this.mergeMaster.get(r * this.cols + c);
    if (master === undefined) return this.text(r, c);
    const mr = Math.floor(master / this.cols);
    const mc = master % this.cols;
    return mc === c && mr < r ? this.text(mr, mc) : "";
  }

  isNumber(r: number, c: number): boolean {
    return typeof this.raw(r, c) === "number";
  }

  isMerged(r: number, c: number): boolean {
    return this.mergeMaster.has(r * this.cols + c);
  }

  /** Covered by a merge whose first column is to the left. */
  isHorizontalContinuation(r: number, c: number): boolean {
    const master = this.mergeMaster.get(r * this.cols + c);
    return master !== undefined && master % this.cols < c;
  }

  /** 1-based sheet row number of snapshot row r. */
  sheetRow(r: number): number {
    return this.originRow + r + 1;
  }

  address(r: number, c: number): string {
    return cellAddress(this.originRow + r, this.originCol + c);
  }

  column(c: number): string {
    return cellAddress(0, this.originCol + c).replace(/\d+$/, "");
  }

  /** Non-empty data texts of row r, with their columns. */
  rowTexts(r: number): { c: number; text: string }[] {
    const out: { c: number; text: string }[] = [];
    for (let c = 0; c < this.cols; c++) {
      const t = this.dataText(r, c).trim();
      if (t !== "") out.push({ c, text: t });
    }
    return out;
  }
}
