// `gap-assessor report F.xlsx [--out report.md] [--date YYYY-MM-DD]`: the executive summary in Markdown
// (scores, top gaps, overdue actions, missing documents), computed from the workbook's values.
import { promises as fs } from "fs";
import { dateOption, parseCommandArgs } from "../args";
import { UsageError } from "../../core/errors";
import { executiveReport } from "../../core/report";
import { samePath } from "../../xlsx/build";
import { readSnapshots } from "../../xlsx/readSnapshots";
import type { CliCommand } from "../command";
import { EXIT } from "../io";
import { parseIsoDate, todaySerial } from "../../core/dates";

export const reportCommand: CliCommand = {
  name: "report",
  summary:
    "write an executive summary in Markdown: scores, top gaps, overdue actions, missing documents",
  usage: [
    "Usage: gap-assessor report F.xlsx [--out report.md] [--date YYYY-MM-DD] [--top N]",
    "  F.xlsx          the assessment workbook (only read)",
    "  --out report.md file to write (default: print to the terminal)",
    "  --date D        report date; actions due before it are overdue (default: today)",
    "  --top N         how many gaps to list (default 10)",
  ].join("\n"),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: "string", short: "o" },
      date: { type: "string" },
      top: { type: "string" },
    });
    if (positionals.length !== 1)
      throw new UsageError("Name exactly one assessment workbook to report on.");
    const [file] = positionals;
    if (values.out && samePath(file, values.out))
      throw new UsageError("--out must differ from the workbook.");
    const today = dateOption("--date", values.date, todaySerial(), parseIsoDate);
    const top = values.top === undefined ? 10 : Number(values.top);
    if (!Number.isInteger(top) || top < 1 || top > 100)
      throw new UsageError("--top is a whole number from 1 to 100.");
    const markdown = executiveReport(await readSnapshots(file), { today, top });
    if (!values.out) {
      io.out(markdown);
      return EXIT.ok;
    }
    await fs.writeFile(values.out, markdown, "utf8");
    io.out(`Wrote ${values.out} (${markdown.split("\n").length} lines).`);
    return EXIT.ok;
  },
};
