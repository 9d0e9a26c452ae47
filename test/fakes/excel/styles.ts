/** Cell formatting as "last write wins" layers: rectangle runs for range-wide sets, per-cell entries for 2D arrays. */
import {
  MAX_COLS,
  Rect,
  cellCount,
  contains,
  containsCell,
  intersect,
  isUnbounded,
  rect,
} from "./address";

export const STYLE_DEFAULTS = {
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Calibri",
  fill: null as string | null,
  wrap: false,
  hAlign: "General",
  vAlign: "Bottom",
  indentLevel: 0,
  locked: true,
  formulaHidden: false,
  numberFormat: "General",
};

export type StyleProp = keyof typeof STYLE_DEFAULTS | `border${string}`;

interface Layer {
  seq: number;
  value: unknown;
}
interface Run extends Layer {
  rect: Rect;
}

/** Writes up to this many cells are stored per cell rather than as a run. */
const SMALL = 64;

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;

export function defaultOf(prop: StyleProp): unknown {
  return prop in STYLE_DEFAULTS ? STYLE_DEFAULTS[prop as keyof typeof STYLE_DEFAULTS] : null;
}

export class StyleStore {
  private runs = new Map<StyleProp, Run[]>();
  private cells = new Map<StyleProp, Map<number, Layer>>();
  private seq = 0;

  /** One value over a rectangle; older runs it fully covers are dropped so repeated formatting stays cheap. */
  setRange(prop: StyleProp, r: Rect, value: unknown): void {
    if (cellCount(r) <= SMALL) {
      // Small writes go per cell so loops over single cells never build long run lists.
      this.setCells(prop, r, () => value, false);
      return;
    }
    const list = (this.runs.get(prop) ?? []).filter((run) => !contains(r, run.rect));
    list.push({ seq: ++this.seq, rect: r, value });
    this.runs.set(prop, list);
    const cells = this.cells.get(prop);
    if (cells && cells.size > 0 && cellCount(r) >= cells.size) {
      for (const key of [...cells.keys()]) {
        if (containsCell(r, Math.floor(key / MAX_COLS), key % MAX_COLS)) cells.delete(key);
      }
    }
  }

  /** Per-cell values from a 2D array (null entries leave the cell as it is); uniform arrays become one run. */
  setMatrix(prop: StyleProp, top: number, left: number, values: unknown[][]): void {
    const first = values[0]?.[0];
    const r = rect(top, left, top + values.length - 1, left + (values[0]?.length ?? 1) - 1);
    if (
      first !== null &&
      first !== undefined &&
      values.every((row) => row.every((v) => v === first))
    ) {
      this.setRange(prop, r, first);
      return;
    }
    const head = values[0] ?? [];
    if (values.length > SMALL && values.every((row) => row.every((v, j) => v === head[j]))) {
      // Every row alike (a format per column, the usual shape): one run per column.
      head.forEach((v, j) => {
        if (v !== null && v !== undefined)
          this.setRange(prop, rect(r.r0, left + j, r.r1, left + j), v);
      });
      return;
    }
    this.setCells(prop, r, (row, col) => values[row - top][col - left], true);
  }

  private setCells(
    prop: StyleProp,
    r: Rect,
    valueAt: (row: number, col: number) => unknown,
    skipNull: boolean
  ): void {
    const seq = ++this.seq;
    let cells = this.cells.get(prop);
    if (!cells) this.cells.set(prop, (cells = new Map()));
    for (let row = r.r0; row <= r.r1; row++) {
      for (let col = r.c0; col <= r.c1; col++) {
        const value = valueAt(row, col);
        if (!skipNull || (value !== null && value !== undefined))
          cells.set(cellKey(row, col), { seq, value });
      }
    }
  }

  get(prop: StyleProp, row: number, col: number): unknown {
    const cell = this.cells.get(prop)?.get(cellKey(row, col));
    const run = this.lastRun(prop, row, col);
    const layer = !run ? cell : !cell ? run : cell.seq > run.seq ? cell : run;
    return layer ? layer.value : defaultOf(prop);
  }

  private lastRun(prop: StyleProp, row: number, col: number): Run | undefined {
    const list = this.runs.get(prop);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--)
      if (containsCell(list[i].rect, row, col)) return list[i];
    return undefined;
  }

  /** The value shared by every cell of the rectangle, or undefined when they differ (Excel then reports null). */
  uniform(prop: StyleProp, r: Rect): unknown {
    // Runs cut the rectangle into blocks that are uniform apart from per-cell entries; a block shows its
    // run value if any of its cells has no per-cell entry.
    const runs = (this.runs.get(prop) ?? []).filter((run) => intersect(run.rect, r));
    const rows = breakpoints(
      r.r0,
      r.r1,
      runs.map((x) => [x.rect.r0, x.rect.r1])
    );
    const cols = breakpoints(
      r.c0,
      r.c1,
      runs.map((x) => [x.rect.c0, x.rect.c1])
    );
    const values = new Set<string>();
    const explicitPerBlock = new Map<number, number>();
    for (const key of this.cells.get(prop)?.keys() ?? []) {
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      if (!containsCell(r, row, col)) continue;
      values.add(JSON.stringify(this.get(prop, row, col) ?? null));
      if (values.size > 1) return undefined;
      const block = blockOf(rows, row) * cols.length + blockOf(cols, col);
      explicitPerBlock.set(block, (explicitPerBlock.get(block) ?? 0) + 1);
    }
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < cols.length; j++) {
        const size = ((rows[i + 1] ?? r.r1 + 1) - rows[i]) * ((cols[j + 1] ?? r.c1 + 1) - cols[j]);
        if ((explicitPerBlock.get(i * cols.length + j) ?? 0) >= size) continue;
        const run = this.lastRun(prop, rows[i], cols[j]);
        values.add(JSON.stringify((run ? run.value : defaultOf(prop)) ?? null));
        if (values.size > 1) return undefined;
      }
    }
    return JSON.parse([...values][0]);
  }

  /** Rectangles and cells carrying a non-default format, for getUsedRange(false). */
  formattedBounds(): Rect | null {
    let out: Rect | null = null;
    const grow = (x: Rect): void => {
      out = out
        ? rect(
            Math.min(out.r0, x.r0),
            Math.min(out.c0, x.c0),
            Math.max(out.r1, x.r1),
            Math.max(out.c1, x.c1)
          )
        : x;
    };
    for (const [prop, list] of this.runs) {
      for (const run of list)
        if (!isUnbounded(run.rect) && run.value !== defaultOf(prop)) grow(run.rect);
    }
    for (const [prop, cells] of this.cells) {
      for (const [key, layer] of cells) {
        if (layer.value === defaultOf(prop)) continue;
        const row = Math.floor(key / MAX_COLS);
        grow(rect(row, key % MAX_COLS, row, key % MAX_COLS));
      }
    }
    return out;
  }

  /** Copy one cell's formats to another (used when table rows shift). */
  copyCell(
    fromRow: number,
    fromCol: number,
    toRow: number,
    toCol: number,
    props: StyleProp[]
  ): void {
    for (const prop of props) {
      const value = this.get(prop, fromRow, fromCol);
      if (value !== this.get(prop, toRow, toCol))
        this.setRange(prop, rect(toRow, toCol, toRow, toCol), value);
    }
  }

  props(): StyleProp[] {
    return [...new Set<StyleProp>([...this.runs.keys(), ...this.cells.keys()])];
  }
}

/** Sorted start coordinates of the blocks the runs cut a span into. */
function breakpoints(lo: number, hi: number, spans: Array<[number, number]>): number[] {
  const set = new Set<number>([lo]);
  for (const [a, b] of spans) {
    if (a > lo && a <= hi) set.add(a);
    if (b + 1 > lo && b + 1 <= hi) set.add(b + 1);
  }
  return [...set].sort((a, b) => a - b);
}

/** Index of the block holding coordinate v (binary search over block starts). */
function blockOf(starts: number[], v: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
