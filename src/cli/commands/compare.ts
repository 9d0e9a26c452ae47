// `gap-assessor compare OLD.xlsx NEW.xlsx [--json] [--out changes.md|changes.xlsx]`: every input
// cell that differs between two copies, keyed by sheet, ID and column, with rows added and removed.
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { parseCommandArgs } from "../args";
import { UsageError } from "../../core/errors";
import { markdownText, terminalJson, terminalText } from "../../core/escape";
import { compareWorkbooks, type CellChange, type Comparison } from "../../core/compare/diff";
import { readComparable, type ComparableWorkbook } from "../../core/compare/model";
// Only reads: the stream reader (same snapshots as ExcelJS's, test/xlsx/streamSnapshots.test.ts).
import { streamSnapshots } from "../../xlsx/streamSnapshots";
import { excelJs } from "../../xlsx/package/loadExcelJs";
import type { CliCommand } from "../command";
import { EXIT } from "../io";
import { assertOutputNotInput, safeWrite } from "../safeWrite";

/** Reads a workbook's compared cells; `label` names it in messages. */
async function readComparableFile(file: string): Promise<ComparableWorkbook> {
  return readComparable(await streamSnapshots(file), `"${file}"`);
}

/** A link from a file in `fromDir` to a cell of `target`: relative path, sheet quoted. */
export function cellLink(fromDir: string, target: string, sheet: string, address: string): string {
  const rel = path.relative(fromDir, path.resolve(target)).split(path.sep).join("/");
  return `${rel}#'${sheet.replace(/'/g, "''")}'!${address}`;
}

const shown = (v: string | null): string => (v === null ? "(blank)" : v);

function bySheet<T extends { sheet: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.sheet, [...(groups.get(item.sheet) ?? []), item]);
  return groups;
}

function summaryLine(c: Comparison): string {
  const s = c.summary;
  return `${s.changes} changed cell${s.changes === 1 ? "" : "s"}, ${s.added} row${s.added === 1 ? "" : "s"} added, ${s.removed} removed`;
}

function textReport(c: Comparison, oldFile: string, newFile: string): string {
  const lines = [`Compared ${oldFile} → ${newFile}: ${summaryLine(c)}.`];
  const sheets = new Set([...c.changes, ...c.added, ...c.removed].map((x) => x.sheet));
  const changes = bySheet(c.changes);
  const added = bySheet(c.added);
  const removed = bySheet(c.removed);
  for (const sheet of sheets) {
    lines.push("", `${terminalText(sheet)}:`);
    for (const x of changes.get(sheet) ?? [])
      lines.push(
        `  ${terminalText(x.id)} · ${terminalText(x.column)} (${x.address}): ${terminalText(shown(x.before))} → ${terminalText(shown(x.after))}`
      );
    for (const x of added.get(sheet) ?? [])
      lines.push(`  + row ${terminalText(x.id)} added (${x.address})`);
    for (const x of removed.get(sheet) ?? [])
      lines.push(`  - row ${terminalText(x.id)} removed (was at ${x.address})`);
  }
  if (c.summary.unkeyed)
    lines.push(
      "",
      `${c.summary.unkeyed} row${c.summary.unkeyed === 1 ? "" : "s"} without an ID could not be matched and were not compared.`
    );
  return lines.join("\n");
}

function markdownReport(c: Comparison, oldFile: string, newFile: string): string {
  const md = (v: string | null): string => (v === null ? "*(blank)*" : markdownText(v));
  const lines = [
    `# Changes from ${markdownText(path.basename(oldFile))} to ${markdownText(path.basename(newFile))}`,
    "",
    `${summaryLine(c)}.`,
  ];
  const sheets = new Set([...c.changes, ...c.added, ...c.removed].map((x) => x.sheet));
  const changes = bySheet(c.changes);
  const added = bySheet(c.added);
  const removed = bySheet(c.removed);
  for (const sheet of sheets) {
    lines.push("", `## ${markdownText(sheet)}`, "");
    const rows = changes.get(sheet) ?? [];
    if (rows.length) {
      lines.push("| ID | Column | Cell | Before | After |", "| --- | --- | --- | --- | --- |");
      for (const x of rows)
        lines.push(
          `| ${markdownText(x.id)} | ${markdownText(x.column)} | ${x.address} | ${md(x.before)} | ${md(x.after)} |`
        );
      lines.push("");
    }
    for (const x of added.get(sheet) ?? []) lines.push(`- Added: row ${markdownText(x.id)}`);
    for (const x of removed.get(sheet) ?? []) lines.push(`- Removed: row ${markdownText(x.id)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Writes the `Changes` sheet: one line per changed cell, added and removed row, linked to NEW. */
async function writeChangesWorkbook(
  c: Comparison,
  out: string,
  temp: string,
  newFile: string,
  oldFile: string
): Promise<void> {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = "gap-assessor";
  const ws = workbook.addWorksheet("Changes");
  ws.columns = [
    { header: "Sheet", width: 26 },
    { header: "ID", width: 16 },
    { header: "Column", width: 20 },
    { header: "Change", width: 10 },
    { header: "Before", width: 40 },
    { header: "After", width: 40 },
    { header: "Cell in NEW", width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  const dir = path.dirname(path.resolve(out));
  const link = (sheet: string, address: string, file: string): ExcelJS.CellHyperlinkValue => ({
    text: `${sheet}!${address}`,
    hyperlink: cellLink(dir, file, sheet, address),
  });
  const add = (values: ExcelJS.CellValue[]): void => {
    // Every value is text from a cell: written as text, never as a formula.
    ws.addRow(values);
  };
  const all: (CellChange & { kind: string })[] = c.changes.map((x) => ({ ...x, kind: "Changed" }));
  for (const x of all)
    add([
      x.sheet,
      x.id,
      x.column,
      x.kind,
      x.before,
      x.after,
      link(x.sheetName, x.address, newFile),
    ]);
  for (const x of c.added)
    add([x.sheet, x.id, null, "Added", null, null, link(x.sheetName, x.address, newFile)]);
  for (const x of c.removed)
    add([x.sheet, x.id, null, "Removed", null, null, link(x.sheetName, x.address, oldFile)]);
  ws.autoFilter = { from: "A1", to: `G${Math.max(1, ws.rowCount)}` };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  await workbook.xlsx.writeFile(temp);
}

export const compareCommand: CliCommand = {
  name: "compare",
  summary: "list every input cell that differs between two copies, and rows added or removed",
  usage: [
    "Usage: gap-assessor compare OLD.xlsx NEW.xlsx [--json] [--out changes.md|changes.xlsx]",
    "  OLD.xlsx NEW.xlsx  two copies of an assessment workbook (only read); rows are matched",
    "                     by sheet, ID and column, never by row number",
    "  --json             print {changes, added, removed, summary} as JSON",
    "  --out F            write the changes as Markdown (.md) or as a Changes sheet (.xlsx)",
    "                     with a link to each changed cell in NEW",
    "Exit code: 0 when the copies hold the same inputs, 1 when something differs, 2 when a",
    "file cannot be read.",
  ].join("\n"),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: "boolean" },
      out: { type: "string", short: "o" },
    });
    if (positionals.length !== 2)
      throw new UsageError("Name two workbooks: the older copy first, then the newer one.");
    const [oldFile, newFile] = positionals;
    const out = values.out;
    const kind = out ? path.extname(out).toLowerCase() : "";
    if (out && kind !== ".md" && kind !== ".xlsx")
      throw new UsageError(`--out ${out}: write changes to a .md or an .xlsx file.`);
    if (out) await assertOutputNotInput(out, [oldFile, newFile]);
    const comparison = compareWorkbooks(
      await readComparableFile(oldFile),
      await readComparableFile(newFile)
    );
    const different =
      comparison.changes.length + comparison.added.length + comparison.removed.length > 0;
    if (values.json) {
      const strip = <T extends { sheetName?: string }>(x: T): Omit<T, "sheetName"> => {
        const { sheetName: _, ...rest } = x;
        return rest;
      };
      io.out(
        terminalJson({
          changes: comparison.changes.map(strip),
          added: comparison.added.map(strip),
          removed: comparison.removed.map(strip),
          summary: comparison.summary,
        })
      );
    } else if (!out) io.out(textReport(comparison, oldFile, newFile));
    if (out) {
      if (kind === ".md") {
        const markdown = markdownReport(comparison, oldFile, newFile);
        await safeWrite(out, (temp) => fs.writeFile(temp, markdown, "utf8"), {
          inputs: [oldFile, newFile],
        });
      } else {
        await safeWrite(
          out,
          (temp) => writeChangesWorkbook(comparison, out, temp, newFile, oldFile),
          {
            inputs: [oldFile, newFile],
          }
        );
      }
      if (!values.json) io.out(`Wrote ${out}: ${summaryLine(comparison)}.`);
    }
    return different ? EXIT.problems : EXIT.ok;
  },
};
