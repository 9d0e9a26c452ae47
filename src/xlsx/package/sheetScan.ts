// Counts a worksheet's rows and cells while its XML is being inflated, so an oversized or
// zip-bombed sheet is refused after the first rows past the limit, never after expanding it, and
// finds the sheet's used extent (last row and column that exist) for clipping ranges later.
// Works on raw chunks: tag names are ASCII, so chunks are read as latin1 and tags cut at a chunk
// boundary are carried to the next chunk.
import { columnNumber } from "./cellRanges";

/** What scanning a sheet found. Rows and columns are 1-based; 0 when the sheet has none. */
export interface SheetExtent {
  rows: number;
  cells: number;
  lastRow: number;
  lastCol: number;
}

/** `<row …>` or `<c …>` with any namespace prefix; `<col>`, `<cfRule>`, `<cols>` do not match. */
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g;
const R_ATTR = /(?:^|\s)r\s*=\s*["']([A-Za-z]*)(\d*)["']/;

export class SheetScanner implements SheetExtent {
  rows = 0;
  cells = 0;
  lastRow = 0;
  lastCol = 0;
  private carry = "";
  private row = 0;
  private col = 0;

  /**
   * @param onRow called after each row is counted (may throw to stop)
   * @param onCell called after each cell is counted (may throw to stop)
   */
  constructor(
    private readonly onRow: (rows: number) => void = () => undefined,
    private readonly onCell: () => void = () => undefined
  ) {}

  feed(chunk: Buffer): void {
    const text = this.carry + chunk.toString("latin1");
    // Everything from the last '<' that has no '>' after it waits for the next chunk.
    const open = text.lastIndexOf("<");
    const complete = open > text.lastIndexOf(">") ? open : text.length;
    this.carry = text.slice(complete);
    const body = complete === text.length ? text : text.slice(0, complete);
    TAG.lastIndex = 0;
    for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
      const ref = R_ATTR.exec(m[2]);
      if (m[1] === "row") {
        this.row = ref && ref[2] ? Number(ref[2]) : this.row + 1;
        this.col = 0;
        this.rows++;
        if (this.row > this.lastRow) this.lastRow = this.row;
        this.onRow(this.rows);
      } else {
        this.col = ref && ref[1] ? columnNumber(ref[1]) : this.col + 1;
        if (ref && ref[2] && Number(ref[2]) > this.lastRow) this.lastRow = Number(ref[2]);
        if (this.col > this.lastCol) this.lastCol = this.col;
        this.cells++;
        this.onCell();
      }
    }
  }
}
