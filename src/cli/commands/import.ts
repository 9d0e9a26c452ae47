// `gap-assessor import T.xlsx|T.csv`: adopt an existing checklist or SoA. --dry-run prints what would
// land where; otherwise the adopted answers are written into a new assessment workbook.
import { promises as fs } from "fs";
import * as path from "path";
import { parseCommandArgs } from "../args";
import { adopt, type AdoptReport } from "../../core/adopt/adopt";
import { csvToSnapshot, decodeCsvBytes } from "../../core/adopt/csv";
import { UsageError, WorkbookReadError } from "../../core/errors";
import type { SheetSnapshot } from "../../core/snapshot";
import { readStatusWordsTable } from "../../core/statusWords";
import type { Status } from "../../core/scale";
import { readSnapshots } from "../../xlsx/readSnapshots";
import { streamSnapshots } from "../../xlsx/streamSnapshots";
import type { CliCommand } from "../command";
import { EXIT, type CliIo } from "../io";
import { terminalJson, terminalText } from "../../core/escape";
import { assertOutputNotInput } from "../safeWrite";
import { writeWorkbook } from "./lazy";

const USAGE = [
  "Usage: gap-assessor import T.xlsx|T.csv [--sheet NAME] [--dry-run] [--into OLD.xlsx] --out F.xlsx [--json] [--overwrite]",
  "  T.xlsx|T.csv     the template to adopt (Statement of Applicability, 2013 or 2022 checklist, CSV export);",
  "                   it is only read, never changed",
  "  --sheet NAME     import this sheet (default: the sheet with the most control rows)",
  "  --dry-run        print what would be imported and write nothing",
  "  --into OLD.xlsx  put the answers into an existing assessment (its values are kept unless --overwrite;",
  '                   its Settings "Status words" table maps extra answer words)',
  "  --out F.xlsx     the assessment workbook to write (never the template or --into file)",
  "  --json           machine-readable report",
  "  --overwrite      adopted answers replace values already typed in --into",
  "  --allow-loss     write even when --into holds parts this command cannot keep",
  "                   (e.g. macros in an .xlsx file); they are left out and listed",
].join("\n");

const CSV_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

async function readTemplate(file: string): Promise<SheetSnapshot[]> {
  if (!CSV_EXTENSIONS.has(path.extname(file).toLowerCase())) return readSnapshots(file);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      code === "ENOENT"
        ? `File not found: ${file}`
        : `Cannot read "${file}": ${(error as Error).message}`
    );
  }
  if (bytes.length === 0) throw new WorkbookReadError(`"${file}" is empty (0 bytes)`);
  // A workbook saved under a .csv name (zip or encrypted/legacy OLE) is read as the workbook it is.
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    return readSnapshots(bytes);
  return [csvToSnapshot(decodeCsvBytes(bytes), { name: path.basename(file) })];
}

/** The user's extra answer words from the Settings sheet of the workbook being imported into. */
async function statusWordsOf(into: string | undefined, io: CliIo): Promise<Map<string, Status>> {
  if (!into) return new Map();
  const [settings] = await streamSnapshots(into, { sheets: ["Settings"] });
  if (!settings) return new Map();
  const { words, problems } = readStatusWordsTable(settings);
  for (const p of problems) io.err(`Warning: ${p}`);
  return words;
}

function jsonReport(file: string, report: AdoptReport, written?: string): string {
  return terminalJson({
    file,
    sheet: report.sheet,
    idKind: report.idKind,
    headerRows: report.headerRows,
    idColumn: report.idColumn,
    columns: report.columns,
    sheets: report.sheets,
    decisions: report.decisions,
    problems: report.problems,
    warnings: report.warnings,
    counts: report.counts,
    rows: report.rows.map((r) => ({
      sheet: r.sheet,
      sourceRow: r.sourceRow,
      sourceId: r.sourceId,
      target: r.target,
      targetId: r.targetId,
      status: r.status,
      action: r.action,
      ...(r.note ? { note: r.note } : {}),
    })),
    unmatched: report.unmatched,
    unknownWords: report.unknownWords,
    conflicts: report.conflicts,
    ...(written ? { written } : {}),
  });
}

/** The dry-run report for a person: every text that comes from a cell is one clean terminal line. */
function humanReport(file: string, report: AdoptReport, listRows: boolean): string {
  const c = report.counts;
  const t = terminalText;
  const lines = [
    `Template ${t(file)}${report.sheet !== null ? `, sheet "${t(report.sheet)}"` : ""}`,
  ];
  for (const d of report.decisions) lines.push(`  - ${t(d)}`);
  for (const p of report.problems) lines.push(`  ! ${t(p)}`);
  for (const w of report.warnings) lines.push(`  ! ${t(w)}`);
  lines.push(
    `${c.matched} rows matched → ${c.targets} assessment rows; ${c.merged} merged from several rows, ` +
      `${c.conflicts} conflicts, ${c.unmatched} unmatched, ${c.skipped} skipped (headings).`
  );
  if (listRows && report.rows.length > 0) {
    lines.push("", "Rows:");
    for (const r of report.rows) {
      const target = r.targetId
        ? `${r.target === "Clauses 4-10" ? "clause" : "control"} ${r.targetId}`
        : "-";
      lines.push(
        `  row ${String(r.sourceRow).padEnd(5)} ${t(r.sourceId).slice(0, 14).padEnd(14)} → ${t(target).padEnd(14)} ` +
          `${(r.status ?? "").padEnd(19)} ${r.action}${r.note ? `  (${t(r.note)})` : ""}`
      );
    }
  }
  if (report.conflicts.length > 0) {
    lines.push(
      "",
      "Conflicts (most severe status kept; Not Applicable only when every row says so):"
    );
    for (const x of report.conflicts) lines.push(`  ${t(x.message)}`);
  }
  if (report.unmatched.length > 0) {
    lines.push("", "Unmatched rows:");
    for (const u of report.unmatched)
      lines.push(`  ${t(u.sheet)} row ${u.row}: ${t(u.reason)} — "${t(u.text)}"`);
  }
  if (report.unknownWords.length > 0) {
    lines.push(
      "",
      "Unknown answers (left unread; add them to the Status words table on Settings):"
    );
    for (const w of report.unknownWords) {
      lines.push(
        `  "${t(w.word)}" in column ${w.column} "${t(w.header)}": ${w.count} rows (${w.rows.join(", ")}${w.count > w.rows.length ? ", …" : ""})`
      );
    }
  }
  return lines.join("\n");
}

export const importCommand: CliCommand = {
  name: "import",
  summary:
    "adopt an existing checklist or SoA (.xlsx or .csv): preview with --dry-run, then write the assessment",
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      sheet: { type: "string" },
      "dry-run": { type: "boolean" },
      into: { type: "string" },
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
      overwrite: { type: "boolean" },
      "allow-loss": { type: "boolean" },
    });
    if (positionals.length !== 1)
      throw new UsageError("Give exactly one template file (.xlsx or .csv).");
    const [file] = positionals;
    const dryRun = values["dry-run"] ?? false;
    const out = values.out;
    if (!dryRun && !out)
      throw new UsageError(
        "--out is required (or use --dry-run to see the report without writing)."
      );
    if (out) await assertOutputNotInput(out, [file, values.into]);
    const sheets = await readTemplate(file);
    if (values.sheet !== undefined && !sheets.some((s) => s.name === values.sheet)) {
      throw new UsageError(
        `There is no sheet "${values.sheet}" in ${file}. Sheets: ${sheets.map((s) => `"${s.name}"`).join(", ")}.`
      );
    }
    const extraWords = await statusWordsOf(values.into, io);
    const { inputs, report } = adopt(sheets, { sheet: values.sheet, extraWords });
    const nothing = inputs.annexA.size + inputs.clauses.size === 0;

    if (dryRun || nothing) {
      io.out(values.json ? jsonReport(file, report) : humanReport(file, report, true));
    }
    if (nothing) {
      const reason =
        report.problems[0] ??
        (report.hasAnswers
          ? `Sheet "${report.sheet}" has ${report.counts.matched} control rows, but none carries an answer.`
          : `Sheet "${report.sheet}" has no status or applicability column (${report.counts.matched} control rows matched, no answers).`);
      io.err(`Error: nothing to import. ${terminalText(reason)}`);
      io.err(
        "Add a Status (or Applicable) column to the template, or pick another sheet with --sheet."
      );
      return EXIT.unreadable;
    }
    if (dryRun) {
      if (!values.json) io.out("\nDry run: nothing written.");
      return EXIT.ok;
    }
    const started = Date.now();
    const built = await writeWorkbook().writeAssessmentWorkbook(
      {
        out: out as string,
        from: values.into,
        adopted: inputs,
        overwrite: values.overwrite ?? false,
        allowLoss: values["allow-loss"],
      },
      io,
      [file, values.into]
    );
    if (values.json) {
      io.out(jsonReport(file, report, built.out));
    } else {
      io.out(humanReport(file, report, false));
      io.out(
        `Wrote ${built.out}: ${inputs.annexA.size} Annex A and ${inputs.clauses.size} clause rows from the template` +
          `${values.into ? `, other values kept from ${values.into}` : ""} (${Date.now() - started} ms).`
      );
    }
    return EXIT.ok;
  },
};
