// A CliIo that keeps what a command printed, for tests that run src/cli/main.ts in process.
import type { CliIo } from "../../src/cli/io";

export type CapturedIo = CliIo & { stdout: string; stderr: string };

export function capture(): CapturedIo {
  const io = {
    stdout: "",
    stderr: "",
    out: (t: string) => {
      io.stdout += `${t}\n`;
    },
    err: (t: string) => {
      io.stderr += `${t}\n`;
    },
  };
  return io;
}
