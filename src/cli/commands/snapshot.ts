// `gap-assessor snapshot F.xlsx --out G.xlsx [--date YYYY-MM-DD] [--note TEXT]`: record today's scores
// as a new row of values on the Snapshot History sheet (the rest of the workbook is rebuilt, nothing lost).
import { dateOption, parseCommandArgs } from "../args";
import type { ComposeOptions } from "../../core/layout/compose";
import { UsageError } from "../../core/errors";
import { snapshotRow } from "../../core/history";
import { SHEETS } from "../../core/contract";
import type { BuildOptions } from "../../xlsx/build";
import { streamSnapshots } from "../../xlsx/streamSnapshots";
import type { CliCommand } from "../command";
import { EXIT } from "../io";
import { assertOutputNotInput } from "../safeWrite";
import { writeWorkbook } from "./lazy";
import { isoDate, parseIsoDate, todaySerial } from "../../core/dates";

const pct = (v: unknown): string => (typeof v === "number" ? `${(v * 100).toFixed(1)}%` : "—");

export const snapshotCommand: CliCommand = {
  name: "snapshot",
  summary: `record the current scores as a new row on the ${SHEETS.history} sheet (values, not formulas)`,
  usage: [
    "Usage: gap-assessor snapshot F.xlsx --out G.xlsx [--date YYYY-MM-DD] [--note TEXT]",
    "  F.xlsx        the assessment workbook (never written)",
    "  --out G.xlsx  file to write: F with one more snapshot row, every other value kept",
    "  --date D      date of the snapshot (default: today)",
    '  --note TEXT   a note stored with the snapshot (e.g. "Before stage 1 audit")',
    "  --allow-loss  write even when the input holds parts this command cannot keep",
    "                (e.g. macros in an .xlsx file); they are left out and listed",
  ].join("\n"),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: "string", short: "o" },
      date: { type: "string" },
      note: { type: "string" },
      "allow-loss": { type: "boolean" },
    });
    if (positionals.length !== 1)
      throw new UsageError("Name exactly one assessment workbook to take the snapshot of.");
    const [from] = positionals;
    if (!values.out) throw new UsageError("--out is required.");
    await assertOutputNotInput(values.out, [from]);
    const date = dateOption("--date", values.date, todaySerial(), parseIsoDate);
    const row = snapshotRow(await streamSnapshots(from), { date, note: values.note });
    // The build pipeline hands its options to composeWorkbook, which appends the row.
    const options: BuildOptions & Pick<ComposeOptions, "appendHistory"> = {
      from,
      out: values.out,
      appendHistory: [row],
      allowLoss: values["allow-loss"],
    };
    await writeWorkbook().writeAssessmentWorkbook(options, io);
    io.out(
      `Wrote ${values.out}: snapshot ${isoDate(date)} — overall ${pct(row.Overall)}, clauses ${pct(row["Clauses 4-10"])}, ` +
        `Annex A ${pct(row["Annex A"])}, ${row["Open actions"] === null ? "no remediation plan" : `${row["Open actions"]} open actions`}.`
    );
    return EXIT.ok;
  },
};
