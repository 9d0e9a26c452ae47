// The one way CLI commands write an assessment workbook: refuse an output that is an input, build
// through the xlsx adapter into a temp file beside the target, check Excel's cell limit, then
// rename over the target (src/cli/safeWrite.ts). Cell-limit warnings name sheet, row and column.
import { WorkbookReadError } from "../core/errors";
import { terminalText } from "../core/escape";
import { capCellText, type CellLimitWarning } from "../core/layout/cellLimit";
import { buildAssessmentFile, type BuildOptions, type BuildResult } from "../xlsx/build";
import type { CliIo } from "./io";
import { safeWrite } from "./safeWrite";

/** A build result that may carry the cuts compose made to fit Excel's cell limit. */
type WithCellWarnings = BuildResult & { cellWarnings?: CellLimitWarning[] };

/**
 * Builds `options.out` safely. `inputs` are every file the command reads (the template, --from,
 * --into): the output may be none of them, not even through a symlink or hard link.
 */
export async function writeAssessmentWorkbook(
  options: BuildOptions,
  io: CliIo,
  inputs: (string | undefined)[] = [options.from]
): Promise<BuildResult> {
  const result = await safeWrite(
    options.out,
    async (temp) => {
      const built: WithCellWarnings = await buildAssessmentFile({ ...options, out: temp });
      // Cells compose did not cut (it cuts them when it calls capCellText): never written oversized.
      const uncut = capCellText(built.plan);
      if (uncut.length > 0) {
        throw new WorkbookReadError(
          `${uncut.length} cell${uncut.length === 1 ? " is" : "s are"} over Excel's limit of 32,767 characters; nothing was written:\n` +
            uncut
              .slice(0, 10)
              .map((w) => `  ${terminalText(w.message)}`)
              .join("\n") +
            (uncut.length > 10 ? `\n  and ${uncut.length - 10} more` : ""),
          "Shorten those cells in the input workbook, then run the command again."
        );
      }
      return built;
    },
    { inputs }
  );
  for (const w of result.cellWarnings ?? []) io.err(`Warning: ${terminalText(w.message)}`);
  for (const part of result.dropped ?? [])
    io.err(`Warning: left out of ${options.out}: ${terminalText(part)}`);
  return { ...result, out: options.out };
}
