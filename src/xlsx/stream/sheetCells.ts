// One worksheet's XML → the cells as ExcelJS would model them (before it turns them into values)
// and the relationship ids of its tables. One pass with saxes; each cell is
// handed on as soon as it is closed, so nothing per cell is kept here.
import { parseCellAddress } from "../../core/snapshot";
import { excelJsTextDecode, walkXml } from "./xml";

/** A cell as written: type attribute, style, value text or runs, formula parts. */
export interface RawCell {
  row: number;
  col: number;
  /** The `t` attribute ("s", "str", "inlineStr", "b", "e", "n", …). */
  type: string | undefined;
  style: number;
  /** `<v>` and plain `<is><t>` text as written (undefined when the cell had none). */
  value: string | undefined;
  /** Rich-text runs of an inline string (ExcelJS-decoded, i.e. in stored form). */
  runs: string[] | null;
  formula: string | undefined;
  /** `<f t="…">`: "shared", "array", … */
  formulaType: string | undefined;
  sharedIndex: string | undefined;
  formulaRef: string | undefined;
}

export interface SheetCells {
  /** Relationship ids of the sheet's `<tablePart>`s, in order. */
  tableIds: string[];
}

/** Parses a worksheet, handing each cell to `onCell` in document order. */
export function readSheetCells(
  xml: string | Buffer,
  onCell: (cell: RawCell) => void,
  label: string,
  part: string
): SheetCells {
  const tableIds: string[] = [];
  let inData = false;
  let row = 0;
  let col = -1;
  let cell: RawCell | null = null;
  /** Which text the parser is collecting: formula, value, a run, or none. */
  let into: "f" | "v" | "run" | null = null;
  let run: string[] = [];
  let phonetic = 0;
  walkXml(
    xml,
    {
      open(name, a) {
        if (!inData) {
          if (name === "sheetData") inData = true;
          else if (name === "tablePart") {
            const id = relId(a);
            if (id) tableIds.push(id);
          }
          return;
        }
        if (cell === null) {
          if (name === "row") {
            row = a.r ? Number(a.r) - 1 : row + 1;
            col = -1;
          } else if (name === "c") {
            const at = a.r ? parseCellAddress(a.r) : { row, col: col + 1 };
            col = at.col;
            cell = {
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
          }
          return;
        }
        if (name === "rPh") phonetic++;
        if (phonetic > 0) return;
        if (name === "f") {
          into = "f";
          cell.formulaType = a.t;
          cell.sharedIndex = a.si;
          cell.formulaRef = a.ref;
        } else if (name === "v") into = "v";
        else if (name === "r") {
          cell.runs ??= [];
          run = [];
          into = "run";
        } else if (name === "t" && into !== "run") into = "v";
      },
      text(text) {
        if (cell === null || into === null) return;
        if (into === "f") cell.formula = (cell.formula ?? "") + text;
        else if (into === "v") cell.value = (cell.value ?? "") + text;
        else run.push(text);
      },
      close(name) {
        if (!inData) return;
        if (name === "sheetData") {
          inData = false;
          return;
        }
        if (cell === null) return;
        if (name === "rPh") {
          phonetic--;
          return;
        }
        if (phonetic > 0) return;
        if (name === "c") {
          onCell(cell);
          cell = null;
          into = null;
        } else if (name === "r" && into === "run") {
          cell.runs?.push(excelJsTextDecode(run.join("")));
          into = null;
        } else if (name === "f" || name === "v" || (name === "t" && into === "v")) into = null;
      },
    },
    label,
    part
  );
  return { tableIds };
}

/** The relationship id attribute (`r:id`, whatever its prefix). */
function relId(a: Record<string, string>): string | undefined {
  return a["r:id"] ?? Object.entries(a).find(([k]) => /:id$/.test(k))?.[1];
}
