// `gap-assessor report F.xlsx [--out report.md|.html|.docx] [--date YYYY-MM-DD]`: the assessment
// report computed from the workbook's values; Markdown by default, HTML or Word by --out extension.
import { promises as fs } from "fs";
import { dateOption, parseCommandArgs } from "../args";
import { UsageError } from "../../core/errors";
import { executiveReport } from "../../core/report";
import { buildReportModel } from "../../core/report/model";
import { reportHtml } from "../../core/report/html";
import { reportDocx } from "../reportDocx";
import * as path from "path";
// Only reads: the stream reader (same snapshots as ExcelJS's, test/xlsx/streamSnapshots.test.ts).
import { streamSnapshots } from "../../xlsx/streamSnapshots";
import type { CliCommand } from "../command";
import { EXIT } from "../io";
import { assertOutputNotInput, safeWrite } from "../safeWrite";
import { parseIsoDate, todaySerial } from "../../core/dates";

export const reportCommand: CliCommand = {
  name: "report",
  summary:
    "write an executive summary in Markdown, HTML (charts) or Word: scores, readiness, plan, SoA",
  usage: [
    "Usage: gap-assessor report F.xlsx [--out report.md|.html|.docx] [--date YYYY-MM-DD] [--top N]",
    "  F.xlsx          the assessment workbook (only read)",
    "  --out FILE      file to write: report.md (Markdown), report.html (one self-contained page",
    "                  with charts, prints to PDF) or report.docx (Word); default: print Markdown",
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
    if (values.out) await assertOutputNotInput(values.out, [file]);
    // The format follows the --out extension: .html/.htm, .docx, else Markdown (as before).
    const format = values.out ? path.extname(values.out).toLowerCase() : ".md";
    if ([".pdf", ".doc", ".xlsx", ".xlsm", ".xls"].includes(format))
      throw new UsageError(
        `report writes Markdown (.md), HTML (.html) or Word (.docx), not ${format}.`,
        format === ".pdf" ? "Write report.html and print it to PDF from a browser." : undefined
      );
    const today = dateOption("--date", values.date, todaySerial(), parseIsoDate);
    const top = values.top === undefined ? 10 : Number(values.top);
    if (!Number.isInteger(top) || top < 1 || top > 100)
      throw new UsageError("--top is a whole number from 1 to 100.");
    const snapshots = await streamSnapshots(file);
    if (values.out && (format === ".html" || format === ".htm" || format === ".docx")) {
      const model = buildReportModel(snapshots, { today, top });
      const bytes =
        format === ".docx" ? await reportDocx(model) : Buffer.from(reportHtml(model), "utf8");
      await safeWrite(values.out, (temp) => fs.writeFile(temp, bytes), { inputs: [file] });
      io.out(
        `Wrote ${values.out} (${format === ".docx" ? "Word document" : "HTML"}, ${bytes.length} bytes).`
      );
      return EXIT.ok;
    }
    const markdown = executiveReport(snapshots, { today, top });
    if (!values.out) {
      io.out(markdown);
      return EXIT.ok;
    }
    await safeWrite(values.out, (temp) => fs.writeFile(temp, markdown, "utf8"), {
      inputs: [file],
    });
    io.out(`Wrote ${values.out} (${markdown.split("\n").length} lines).`);
    return EXIT.ok;
  },
};
