// `gap-assessor plan F.xlsx --out G.xlsx`: create or regenerate the Remediation Plan.
import { parseCommandArgs } from "../args";
import { UsageError } from "../../core/errors";
import type { CliCommand } from "../command";
import { EXIT } from "../io";
import { writeWorkbook } from "./lazy";

export const planCommand: CliCommand = {
  name: "plan",
  summary: "create or regenerate the Remediation Plan from the open gaps, keeping every edit",
  usage: [
    "Usage: gap-assessor plan F.xlsx --out G.xlsx",
    "  F.xlsx      the assessment workbook (never written)",
    "  --out G.xlsx  file to write",
    "  --allow-loss  write even when the input holds parts this command cannot keep",
    "                (e.g. macros in an .xlsx file); they are left out and listed",
  ].join("\n"),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: "string", short: "o" },
      "allow-loss": { type: "boolean" },
    });
    const from = positionals[0];
    if (!from) throw new UsageError("Name the assessment workbook to plan from.");
    if (!values.out) throw new UsageError("--out is required.");
    const result = await writeWorkbook().writeAssessmentWorkbook(
      { from, out: values.out, remediation: true, allowLoss: values["allow-loss"] },
      io
    );
    const m = result.remediation;
    io.out(
      `Wrote ${values.out}: ${m?.rows.length ?? 0} plan rows — ${m?.added ?? 0} new, ${m?.kept ?? 0} kept, ${m?.resolved ?? 0} resolved${m?.reopened ? `, ${m.reopened} reopened` : ""}.`
    );
    return EXIT.ok;
  },
};
