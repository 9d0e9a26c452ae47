// The shape of one CLI command: a name, a one-line summary, usage text and a runner.
import type { CliIo } from "./io";

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
