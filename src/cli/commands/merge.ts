// `gap-assessor merge BASE.xlsx MINE.xlsx THEIRS.xlsx --out MERGED.xlsx [--json]`: a three-way
// merge keyed by sheet, ID and column (core/compare/merge). MERGED is MINE with THEIRS' one-sided
// changes written into it cell by cell: the file is opened as build opens an existing workbook
// (package pre-pass, ExcelJS), only the merged cells, THEIRS' new rows and columns and the
// `Merge Conflicts` sheet are written, and what ExcelJS cannot model is carried over from MINE's
// package (xlsx/carry) — so everything else in MINE stays as it was. A rebuild is not needed and
// not done: `build --from MERGED` lays the new rows into the tables and fills their formulas.
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { parseCommandArgs } from "../args";
import { UsageError } from "../../core/errors";
import { terminalJson, terminalText } from "../../core/escape";
import { mergeWorkbooks, type MergeResult } from "../../core/compare/merge";
import { readComparable } from "../../core/compare/model";
import { readSnapshots, type ReadSnapshot } from "../../xlsx/readSnapshots";
import { carryOver, inspectPackage, PartsWouldBeLostError } from "../../xlsx/carry/carryOver";
import { OpcPackage } from "../../xlsx/carry/opcPackage";
import { loadXlsxBytes, openXlsxPackage } from "../../xlsx/package/openXlsxPackage";
import { tableModel } from "../../xlsx/exceljsModel";
import { cellAddress, parseCellAddress } from "../../core/snapshot";
import { sheetKey } from "../../core/read/sheets";
import type { CliCommand } from "../command";
import { EXIT } from "../io";
import { assertOutputNotInput, safeWrite } from "../safeWrite";
import { cellLink } from "./compare";

const CONFLICTS_SHEET = "Merge Conflicts";

/** "A4:T97" → 0-based rectangle. */
function rectOf(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(":");
  let from, to;
  try {
    from = parseCellAddress(a);
    to = parseCellAddress(b);
  } catch {
    return null;
  }
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

/** Grows the Excel table whose header row is `headerRow` to cover new rows and columns. */
function growTable(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  lastRow: number,
  lastCol: number
): void {
  for (const table of ws.getTables() as unknown as ExcelJS.Table[]) {
    const model = tableModel(table);
    const rect = rectOf(model.tableRef);
    if (!rect || rect.top !== headerRow || model.totalsRow) continue;
    const right = Math.max(rect.right, lastCol);
    const bottom = Math.max(rect.bottom, lastRow);
    for (let c = rect.right + 1; c <= right; c++) {
      const header = ws.getCell(headerRow + 1, c + 1).text || `Column${c - rect.left + 1}`;
      model.columns.push({ name: header, filterButton: model.columns[0]?.filterButton });
    }
    model.tableRef = `${cellAddress(rect.top, rect.left)}:${cellAddress(bottom, right)}`;
    if (model.autoFilterRef) model.autoFilterRef = model.tableRef;
    return;
  }
}

/** Writes the merge into the opened copy of MINE. */
function applyMerge(workbook: ExcelJS.Workbook, merge: MergeResult): void {
  const sheet = (name: string): ExcelJS.Worksheet | undefined =>
    workbook.worksheets.find((ws) => sheetKey(ws.name) === sheetKey(name));
  // New columns: the header styled as the header to its left.
  for (const column of merge.columns) {
    const ws = sheet(column.sheetName);
    if (!ws) continue;
    const cell = ws.getCell(column.headerRow + 1, column.col + 1);
    cell.value = column.header;
    cell.style = { ...ws.getCell(column.headerRow + 1, column.col).style };
  }
  // New rows: styled as the row above; the table's own row formulas ([#This Row]) copied.
  for (const added of merge.added) {
    const ws = sheet(added.sheetName);
    if (!ws) continue;
    const row = ws.getRow(added.row + 1);
    const above = ws.getRow(added.row);
    above.eachCell({ includeEmpty: false }, (cell, col) => {
      const target = row.getCell(col);
      target.style = { ...cell.style };
      const formula = cell.formula;
      if (formula && /\[#This Row\]/i.test(formula))
        target.value = { formula } as ExcelJS.CellValue;
    });
  }
  for (const w of merge.writes) {
    const ws = sheet(w.sheetName);
    if (!ws) continue;
    const cell = ws.getCell(w.row + 1, w.col + 1);
    cell.value = w.formula ? ({ formula: w.formula } as ExcelJS.CellValue) : w.value;
  }
}

/** The `Merge Conflicts` sheet: one line per conflict, linked to the cell in MERGED and THEIRS. */
function writeConflictsSheet(
  workbook: ExcelJS.Workbook,
  merge: MergeResult,
  out: string,
  theirsFile: string
): void {
  const existing = workbook.getWorksheet(CONFLICTS_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  if (merge.conflicts.length === 0) return;
  const ws = workbook.addWorksheet(CONFLICTS_SHEET);
  ws.columns = [
    { header: "Sheet", width: 26 },
    { header: "ID", width: 16 },
    { header: "Column", width: 20 },
    { header: "Base", width: 30 },
    { header: "Mine (kept)", width: 30 },
    { header: "Theirs", width: 30 },
    { header: "Cell in this file", width: 22 },
    { header: "Cell in theirs", width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  const dir = path.dirname(path.resolve(out));
  for (const c of merge.conflicts) {
    ws.addRow([
      c.sheet,
      c.id,
      c.column,
      c.base,
      c.mine,
      c.theirs,
      c.mineAddress && c.mineSheet
        ? {
            text: `${c.mineSheet}!${c.mineAddress}`,
            hyperlink: `#'${c.mineSheet.replace(/'/g, "''")}'!${c.mineAddress}`,
          }
        : "(row removed here)",
      c.theirsAddress && c.theirsSheet
        ? {
            text: `${path.basename(theirsFile)} ${c.theirsSheet}!${c.theirsAddress}`,
            hyperlink: cellLink(dir, theirsFile, c.theirsSheet, c.theirsAddress),
          }
        : null,
    ]);
  }
  ws.autoFilter = { from: "A1", to: `H${ws.rowCount}` };
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** Grows each sheet's table over the rows and columns the merge added. */
function growTables(workbook: ExcelJS.Workbook, merge: MergeResult, mine: ReadSnapshot[]): void {
  const sheets = new Set([
    ...merge.added.map((a) => a.sheetName),
    ...merge.columns.map((c) => c.sheetName),
  ]);
  for (const name of sheets) {
    const ws = workbook.worksheets.find((w) => sheetKey(w.name) === sheetKey(name));
    const snap = mine.find((s) => sheetKey(s.name) === sheetKey(name));
    if (!ws || !snap) continue;
    for (const t of snap.tables ?? []) {
      const rows = merge.added.filter((a) => a.sheetName === name).map((a) => a.row);
      const cols = merge.columns
        .filter((c) => c.sheetName === name && c.headerRow === t.top)
        .map((c) => c.col);
      if (!rows.length && !cols.length) continue;
      growTable(ws, t.top, Math.max(t.bottom, ...rows), Math.max(t.right, ...cols));
    }
  }
}

async function writeMerged(
  mineFile: string,
  theirsFile: string,
  out: string,
  temp: string,
  merge: MergeResult,
  mineSnapshots: ReadSnapshot[]
): Promise<void> {
  const { bytes, label } = await loadXlsxBytes(mineFile);
  const original = await OpcPackage.read(bytes, label);
  const inventory = inspectPackage(original, { out });
  if (inventory.lost.length) throw new PartsWouldBeLostError(label, inventory.lost);
  const { workbook } = await openXlsxPackage(mineFile);
  applyMerge(workbook, merge);
  growTables(workbook, merge, mineSnapshots);
  writeConflictsSheet(workbook, merge, out, theirsFile);
  workbook.lastModifiedBy = "gap-assessor";
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const carried = await carryOver(original, written, { out: temp, ownedNames: [] });
  await fs.writeFile(temp, carried.bytes);
}

function textReport(merge: MergeResult, out: string, twoWay: boolean): string {
  const lines = [
    `Wrote ${out}: ${merge.taken.length} change${merge.taken.length === 1 ? "" : "s"} taken from theirs, ` +
      `${merge.added.length} row${merge.added.length === 1 ? "" : "s"} added, ` +
      `${merge.conflicts.length} conflict${merge.conflicts.length === 1 ? "" : "s"}` +
      (twoWay ? " (two-way: every difference is a conflict)" : "") +
      ".",
  ];
  for (const t of merge.taken)
    lines.push(
      `  taken  ${terminalText(t.sheet)} · ${terminalText(t.id)} · ${terminalText(t.column)} (${t.address}): ${terminalText(t.before ?? "(blank)")} → ${terminalText(t.after ?? "(blank)")}`
    );
  for (const a of merge.added)
    lines.push(`  added  ${terminalText(a.sheet)} · row ${terminalText(a.id)} (row ${a.row + 1})`);
  for (const c of merge.conflicts)
    lines.push(
      `  CONFLICT ${terminalText(c.sheet)} · ${terminalText(c.id)} · ${terminalText(c.column)}: base ${terminalText(c.base ?? "(blank)")}, mine ${terminalText(c.mine ?? "(blank)")} (kept), theirs ${terminalText(c.theirs ?? "(blank)")}`
    );
  for (const k of merge.keptRemoved)
    lines.push(`  kept   ${terminalText(k.sheet)} · row ${terminalText(k.id)} (removed in theirs)`);
  for (const s of merge.missingInMine)
    lines.push(`  Note: "${terminalText(s)}" is only in theirs and was not merged.`);
  if (merge.conflicts.length)
    lines.push(`Conflicts are listed on the "${CONFLICTS_SHEET}" sheet with links to each cell.`);
  return lines.join("\n");
}

export const mergeCommand: CliCommand = {
  name: "merge",
  summary: "merge two copies of a workbook against the copy both started from",
  usage: [
    "Usage: gap-assessor merge BASE.xlsx MINE.xlsx THEIRS.xlsx --out MERGED.xlsx [--json]",
    "       gap-assessor merge MINE.xlsx THEIRS.xlsx --out MERGED.xlsx [--json]",
    "  BASE.xlsx    the copy both started from (only read)",
    "  MINE.xlsx    your copy: MERGED is this file with their one-sided changes written in",
    "  THEIRS.xlsx  their copy: changes only they made are taken, rows they added are added",
    "  --out F      the merged workbook (never one of the inputs)",
    "  --json       print {taken, added, conflicts} as JSON",
    "A cell both sides changed differently is a conflict: MERGED keeps yours and lists it on a",
    `"${CONFLICTS_SHEET}" sheet. Without BASE every difference is a conflict.`,
    "Exit code: 0 merged, 1 merged with conflicts, 2 a file cannot be read.",
  ].join("\n"),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: "boolean" },
      out: { type: "string", short: "o" },
    });
    if (positionals.length !== 2 && positionals.length !== 3)
      throw new UsageError("Name BASE, MINE and THEIRS (or MINE and THEIRS).");
    if (!values.out) throw new UsageError("--out is required.");
    const out = values.out;
    if (path.extname(out).toLowerCase() !== ".xlsx")
      throw new UsageError(`--out ${out}: the merged workbook is an .xlsx file.`);
    const [baseFile, mineFile, theirsFile] =
      positionals.length === 3 ? positionals : [undefined, ...positionals];
    await assertOutputNotInput(out, positionals);
    const read = async (file: string) => {
      const snapshots = await readSnapshots(file);
      return { snapshots, comparable: readComparable(snapshots, `"${file}"`) };
    };
    const base = baseFile ? (await read(baseFile)).comparable : null;
    const mine = await read(mineFile as string);
    const theirs = await read(theirsFile as string);
    const merge = mergeWorkbooks(base, mine.comparable, theirs.comparable);
    await safeWrite(
      out,
      (temp) =>
        writeMerged(mineFile as string, theirsFile as string, out, temp, merge, mine.snapshots),
      { inputs: positionals }
    );
    if (values.json) {
      io.out(
        terminalJson({
          taken: merge.taken,
          added: merge.added.map(({ sheet, id, row }) => ({ sheet, id, row: row + 1 })),
          conflicts: merge.conflicts.map(({ sheet, id, column, base: b, mine: m, theirs: t }) => ({
            sheet,
            id,
            column,
            base: b,
            mine: m,
            theirs: t,
          })),
        })
      );
    } else io.out(textReport(merge, out, !baseFile));
    const mineSheets = new Set(mine.snapshots.map((s) => sheetKey(s.name)));
    const theirsOnly = theirs.snapshots.filter((s) => !mineSheets.has(sheetKey(s.name)));
    if (theirsOnly.length)
      io.err(
        `Note: sheets only in theirs are not copied: ${theirsOnly.map((s) => `"${terminalText(s.name)}"`).join(", ")}.`
      );
    return merge.conflicts.length ? EXIT.problems : EXIT.ok;
  },
};
