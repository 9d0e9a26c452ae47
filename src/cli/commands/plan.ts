// `gap-assessor plan F.xlsx --out G.xlsx`: create or regenerate the Remediation Plan.
import { parseCommandArgs } from "../args";
import { UsageError } from "../../core/errors";
import { buildAssessmentFile } from "../../xlsx/build";
import type { CliCommand } from "../command";
import { EXIT } from "../io";

export const planCommand: CliCommand = {
  name: "plan",
  summary: "create or regenerate the Remediation Plan from the open gaps, keeping every edit",
  usage: [
    "Usage: gap-assessor plan F.xlsx --out G.xlsx",
    "  F.xlsx      the assessment workbook (never written)",
    "  --out G.xlsx  file to write",
  ].join("\n"),
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: "string", short: "o" } });
    const from = positionals[0];
    if (!from) throw new UsageError("Name the assessment workbook to plan from.");
    if (!values.out) throw new UsageError("--out is required.");
    const result = await buildAssessmentFile({ from, out: values.out, remediation: true });
    const m = result.remediation;
    io.out(
      `Wrote ${values.out}: ${m?.rows.length ?? 0} plan rows — ${m?.added ?? 0} new, ${m?.kept ?? 0} kept, ${m?.resolved ?? 0} resolved${m?.reopened ? `, ${m.reopened} reopened` : ""}.`
    );
    return EXIT.ok;
  },
};
