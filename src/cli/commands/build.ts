// `gap-assessor build --out F.xlsx [--org NAME] [--from OLD.xlsx]`: write the assessment workbook.
import { parseCommandArgs } from "../args";
import { UsageError } from "../../core/errors";
import type { CliCommand } from "../command";
import { EXIT } from "../io";
import { writeWorkbook } from "./lazy";

export const buildCommand: CliCommand = {
  name: "build",
  summary: "write the assessment workbook (or rebuild one, keeping every typed value)",
  usage: [
    "Usage: gap-assessor build --out F.xlsx [--org NAME] [--from OLD.xlsx]",
    "  --out F.xlsx     file to write (never the same as --from)",
    "  --org NAME       organisation name for the Settings sheet",
    "  --from OLD.xlsx  rebuild from an existing workbook: keeps statuses, evidence, owners,",
    "                   scores, notes, extra columns, extra rows and other sheets",
    "  --allow-loss     write even when the input holds parts this command cannot keep",
    "                   (e.g. macros in an .xlsx file); they are left out and listed",
  ].join("\n"),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: "string", short: "o" },
      org: { type: "string" },
      from: { type: "string" },
      "allow-loss": { type: "boolean" },
    });
    if (positionals.length)
      throw new UsageError(
        `Unexpected argument "${positionals[0]}": name files with --out and --from.`
      );
    if (!values.out) throw new UsageError("--out is required.");
    const started = Date.now();
    const result = await writeWorkbook().writeAssessmentWorkbook(
      { out: values.out, org: values.org, from: values.from, allowLoss: values["allow-loss"] },
      io
    );
    io.out(
      `Wrote ${result.out}: ${result.rows} assessment rows${values.from ? `, values kept from ${values.from}` : ""} (${Date.now() - started} ms).`
    );
    return EXIT.ok;
  },
};
