// The common case of ./sheetCells without a general XML parser: cells that hold only `<v>` and
// `<f>` (what Excel, LibreOffice, openpyxl and our own files write for numbers, shared strings,
// booleans, errors and formulas) are read with a few regular expressions, 32 KB of the part at
// a time; any other cell (inline strings, rich text) goes through ./sheetCells. Parts with
// comments, CDATA or carriage returns inside are left to ./sheetCells entirely (the XML rules for
// those are saxes's job).
import { StringDecoder } from "string_decoder";
import { WorkbookReadError } from "../../core/errors";
import { parseCellAddress } from "../../core/snapshot";
import { attributesOf } from "../package/relationships";
import { readSheetCells, type RawCell } from "./sheetCells";

/** Small enough that each decoded piece is a young-generation string, freed at once (1 MB
 * pieces went to V8's large-object space and took peak memory on a 50,000-row file past 1 GB). */
const CHUNK_BYTES = 1 << 15;
const TOKEN = /<(row|c)(?=[\s/>])([^>]*?)(\/?)>|<\/sheetData\s*>/g;
const CONTENT = /\s*<(f|v)(?=[\s/>])([^>]*?)(?:\/>|>([^<]*)<\/\1\s*>)\s*/y;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_m, hex?: string, dec?: string, name?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : NAMED[name as string]
  );
}

const CELL_ATTRIBUTE = /(?:^|\s)(r|s|t)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The `r`, `s` and `t` of a `<c>` (their values never hold entities). */
function cellAttributes(attrs: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  CELL_ATTRIBUTE.lastIndex = 0;
  for (let m = CELL_ATTRIBUTE.exec(attrs); m; m = CELL_ATTRIBUTE.exec(attrs))
    out[m[1] as "r" | "s" | "t"] = m[2] ?? m[3];
  return out;
}

/** True when the fast reader can take the part: no comments, CDATA or carriage returns. */
export function fastReadable(xml: string | Buffer): boolean {
  return !xml.includes("<!--") && !xml.includes("<![CDATA[") && !xml.includes("\r");
}

/** Reads the cells of a worksheet part that passes `fastReadable`, in document order. */
export function scanSheetCells(
  xml: string | Buffer,
  onCell: (cell: RawCell) => void,
  label: string,
  part: string
): void {
  let phase = "before" as "before" | "cells" | "after";
  let row = 0;
  let col = -1;
  let carry = "";

  /** Per column, the last formula as stored and decoded: a table repeats it on every row. */
  const lastStored: string[] = [];
  const lastDecoded: string[] = [];
  const cellOf = (attrs: string, content: string): RawCell | null => {
    const a = cellAttributes(attrs);
    const at = a.r ? parseCellAddress(a.r) : { row, col: col + 1 };
    col = at.col;
    const cell: RawCell = {
      row: at.row,
      col: at.col,
      type: a.t,
      style: a.s ? parseInt(a.s, 10) : 0,
      value: undefined,
      runs: null,
      formula: undefined,
      formulaType: undefined,
      sharedIndex: undefined,
      formulaRef: undefined,
    };
    CONTENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (CONTENT.lastIndex < content.length && (m = CONTENT.exec(content))) {
      if (m[1] === "v") {
        if (m[3]) cell.value = (cell.value ?? "") + decodeText(m[3]);
      } else {
        let text: string | undefined;
        if (m[3] && m[3] === lastStored[at.col]) text = lastDecoded[at.col];
        else if (m[3]) {
          text = decodeText(m[3]);
          lastStored[at.col] = m[3];
          lastDecoded[at.col] = text;
        }
        const fa = attributesOf(m[2]);
        cell.formulaType = fa.t;
        cell.sharedIndex = fa.si;
        cell.formulaRef = fa.ref;
        if (text !== undefined) cell.formula = (cell.formula ?? "") + text;
      }
    }
    return CONTENT.lastIndex >= content.length || content.trim() === "" ? cell : null;
  };

  /** A cell with other content: read by the general reader, as a one-cell sheet. */
  const general = (attrs: string, content: string): void => {
    readSheetCells(
      `<worksheet><sheetData><row r="${row + 1}"><c${attrs}>${content}</c></row></sheetData></worksheet>`,
      (cell) => {
        col = cell.col;
        onCell(cell);
      },
      label,
      part
    );
  };

  /** Handles what `text` holds completely; returns where the unfinished rest starts. */
  const take = (text: string): number => {
    let pos = 0;
    if (phase === "before") {
      const open = text.search(/<sheetData(?=[\s/>])/);
      if (open < 0) return Math.max(0, text.length - 16);
      const close = text.indexOf(">", open);
      if (close < 0) return open;
      phase = text[close - 1] === "/" ? "after" : "cells";
      pos = close + 1;
    }
    if (phase !== "cells") return text.length;
    TOKEN.lastIndex = pos;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      if (m[1] === undefined) {
        phase = "after";
        return text.length;
      }
      if (m[1] === "row") {
        const r = /(?:^|\s)r\s*=\s*["'](\d+)["']/.exec(m[2]);
        row = r ? Number(r[1]) - 1 : row + 1;
        col = -1;
        pos = TOKEN.lastIndex;
        continue;
      }
      if (m[3] === "/") {
        // An empty (styled) cell has no value: only its column matters, for cells without `r`.
        const r = cellAttributes(m[2]).r;
        col = r ? parseCellAddress(r).col : col + 1;
        pos = TOKEN.lastIndex;
        continue;
      }
      const end = text.indexOf("</c>", TOKEN.lastIndex);
      if (end < 0) return m.index;
      const content = text.slice(TOKEN.lastIndex, end);
      const cell = cellOf(m[2], content);
      if (cell) onCell(cell);
      else general(m[2], content);
      TOKEN.lastIndex = end + 4;
      pos = TOKEN.lastIndex;
    }
    // Keep an unfinished tag for the next piece.
    const lastOpen = text.lastIndexOf("<");
    return lastOpen >= pos ? lastOpen : text.length;
  };

  const feed = (piece: string): void => {
    const text = carry + piece;
    carry = text.slice(take(text));
  };
  if (typeof xml === "string") feed(xml);
  else {
    const decoder = new StringDecoder("utf8");
    const bom = xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? 3 : 0;
    for (let at = bom; at < xml.length && phase !== "after"; at += CHUNK_BYTES)
      feed(decoder.write(xml.subarray(at, Math.min(xml.length, at + CHUNK_BYTES))));
  }
  if (phase === "cells")
    throw new WorkbookReadError(
      `${label} could not be read as an .xlsx workbook: part ${part} is not well-formed XML (its cell data does not end)`,
      "The file may be damaged. Open it in Excel and save it again as .xlsx."
    );
}
