// "Compare with a copy": the open workbook (MINE) against a copy someone sent back (THEIRS),
// read in the browser with the CLI's own .xlsx reader and matched by the CLI's own merge
// (core/compare). Loaded on first use, in its own chunk with ExcelJS and JSZip.
//
// Without the copy both started from there is no telling who changed a cell, so this is the
// CLI's two-way merge (`gap-assessor merge MINE THEIRS`): every cell that differs is a conflict
// the person decides (kept as mine until they say otherwise, as the CLI keeps MINE's value);
// what only THEIRS has — rows, and cells of columns the open workbook lacks — is taken, since
// taking it overwrites nothing. Rows only the open workbook has are kept: nothing is deleted.
import { cellWrite, mergeWorkbooks, type CellWrite, type MergeResult } from "../core/compare/merge";
import {
  cellShown,
  COMPARED_SHEETS,
  readComparable,
  type ComparableWorkbook,
} from "../core/compare/model";
import { WorkbookReadError } from "../core/errors";
import { parseCellAddress, type SheetSnapshot } from "../core/snapshot";
import { readSnapshots } from "../xlsx/readSnapshots";
import type { CopyCell, CopyComparison, CopyRow, CopySheet, CopyChangesToApply } from "./actions";

/** How messages name the open workbook. */
const OPEN_WORKBOOK = "This workbook";

function theirsWrite(
  theirs: ComparableWorkbook,
  sheet: string,
  sheetName: string,
  id: string,
  column: string,
  address: string
): CellWrite {
  const { row, col } = parseCellAddress(address);
  return cellWrite(sheetName, row, col, theirs.sheets.get(sheet)?.rows.get(id)?.cells.get(column));
}

/** The merge as the pane shows it: per sheet, in the CLI's sheet order. */
function present(
  merge: MergeResult,
  mine: ComparableWorkbook,
  theirs: ComparableWorkbook
): CopySheet[] {
  const sheets: CopySheet[] = [];
  for (const name of COMPARED_SHEETS) {
    const m = mine.sheets.get(name);
    const t = theirs.sheets.get(name);
    if (!m || !t) continue;
    const conflicts: CopyCell[] = merge.conflicts
      .filter((c) => c.sheet === name && c.mineAddress !== null)
      .map((c) => ({
        key: `${name}\u0000${c.id}\u0000${c.column}`,
        id: c.id,
        column: c.column,
        mine: c.mine,
        theirs: c.theirs,
        address: c.mineAddress as string,
        write: theirsWrite(theirs, name, m.actualName, c.id, c.column, c.mineAddress as string),
      }));
    const taken: CopyCell[] = merge.taken
      .filter((c) => c.sheet === name)
      .map((c) => ({
        key: `${name}\u0000${c.id}\u0000${c.column}`,
        id: c.id,
        column: c.column,
        mine: c.before,
        theirs: c.after,
        address: c.address,
        write: null,
      }));
    const added: CopyRow[] = merge.added
      .filter((a) => a.sheet === name)
      .map((a) => {
        const row = t.rows.get(a.id);
        const values: Record<string, string> = {};
        for (const [column, cell] of row?.cells ?? []) {
          const shown = cellShown(cell);
          if (shown !== null) values[column] = shown;
        }
        return { id: a.id, values };
      });
    const onlyMine = [...m.rows.keys()].filter((id) => !t.rows.has(id)).length;
    const newColumns = merge.columns.filter((c) => c.sheet === name).map((c) => c.header);
    if (conflicts.length || taken.length || added.length || onlyMine || newColumns.length)
      sheets.push({
        sheet: name,
        sheetName: m.actualName,
        conflicts,
        taken,
        added,
        onlyMine,
        newColumns,
      });
  }
  return sheets;
}

/** Compares the open workbook's snapshots with the copy's bytes (an .xlsx file the person chose). */
export async function compareWithCopy(
  mineSnapshots: readonly SheetSnapshot[],
  copy: { name: string; bytes: ArrayBuffer }
): Promise<CopyComparison> {
  if (mineSnapshots.length === 0) throw noAssessment();
  return compareSnapshots(mineSnapshots, await readCopy(copy), copy.name);
}

/** The copy's sheets; read errors name the file (the reader calls bytes "The workbook"). */
async function readCopy(copy: { name: string; bytes: ArrayBuffer }): Promise<SheetSnapshot[]> {
  const generic = "The workbook";
  try {
    return await readSnapshots(Buffer.from(copy.bytes));
  } catch (error) {
    if (error instanceof WorkbookReadError && error.message.startsWith(generic))
      throw new WorkbookReadError(
        `"${copy.name}"${error.message.slice(generic.length)}`,
        error.hint
      );
    throw error;
  }
}

const noAssessment = (): WorkbookReadError =>
  new WorkbookReadError(
    "This workbook has no assessment to compare.",
    'Run "Build assessment" first, or open the workbook the copy was made from.'
  );

/** The comparison of two read workbooks; `fileName` names the copy in messages. */
export function compareSnapshots(
  mineSnapshots: readonly SheetSnapshot[],
  theirsSnapshots: readonly SheetSnapshot[],
  fileName: string
): CopyComparison {
  const mine = readComparable(mineSnapshots, OPEN_WORKBOOK);
  if (mine.sheets.size === 0) throw noAssessment();
  const label = `"${fileName}"`;
  const theirs = readComparable(theirsSnapshots, label);
  if (theirs.sheets.size === 0)
    throw new WorkbookReadError(
      `${label} has none of the assessment's sheets.`,
      "Choose a copy of this assessment workbook (an .xlsx file with the Annex A sheet)."
    );
  const merge = mergeWorkbooks(null, mine, theirs);
  const sheets = present(merge, mine, theirs);
  return {
    fileName,
    sheets,
    missingHere: merge.missingInMine,
    merge: { writes: merge.writes, added: merge.added, columns: merge.columns },
  };
}

/** What to write: everything only THEIRS has, plus the conflicts decided for theirs. */
export function changesToApply(
  comparison: CopyComparison,
  takeTheirs: ReadonlySet<string>
): CopyChangesToApply {
  const decided = comparison.sheets.flatMap((s) =>
    s.conflicts.filter((c) => takeTheirs.has(c.key) && c.write).map((c) => c.write as CellWrite)
  );
  return {
    writes: [...comparison.merge.writes, ...decided],
    added: comparison.merge.added,
    columns: comparison.merge.columns,
  };
}
