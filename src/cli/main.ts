// gap-assessor: dispatches to the commands, prints help and version, maps errors to exit codes.
import { GapAssessorError, UsageError, WorkbookReadError } from "../core/errors";
import type { CliCommand } from "./command";
import { EXIT, processIo, type CliIo } from "./io";
import { terminalOutput } from "../core/escape";
import { COMMANDS } from "./commands";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = require("../../package.json").version;

function helpText(commands: CliCommand[]): string {
  const width = commands.reduce((w, c) => Math.max(w, c.name.length), 0);
  return [
    "gap-assessor — ISO/IEC 27001:2022 gap assessment workbooks, without Excel",
    "",
    "Usage: gap-assessor <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  --help, -h     show help (also: gap-assessor <command> --help)",
    "  --version, -v  print the version",
    "",
    "Exit codes: 0 ok, 1 problems found, 2 input could not be read or used.",
  ].join("\n");
}

/** Every line a command prints passes here: no escape sequence or control character from a cell reaches the terminal. */
function terminalIo(io: CliIo): CliIo {
  return {
    out: (text) => io.out(terminalOutput(text)),
    err: (text) => io.err(terminalOutput(text)),
  };
}

export async function main(
  argv: string[],
  rawIo: CliIo = processIo,
  commands: CliCommand[] = COMMANDS
): Promise<number> {
  const io = terminalIo(rawIo);
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(helpText(commands));
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.out(VERSION);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run gap-assessor --help for the list.`);
    return EXIT.unreadable;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof GapAssessorError) {
      io.err(`Error: ${error.message}${error.hint ? `\n${error.hint}` : ""}`);
      if (error instanceof UsageError) io.err(`\n${command.usage}`);
      return error instanceof UsageError || error instanceof WorkbookReadError
        ? EXIT.unreadable
        : EXIT.problems;
    }
    const fileError = describeFileError(error);
    if (fileError) {
      io.err(`Error: ${fileError}`);
      return EXIT.unreadable;
    }
    throw error;
  }
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "that is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  ENOSPC: "the disk is full",
  EROFS: "the file system is read-only",
};

/** Node's file errors (a bad --out path, a read-only folder) in words, or null for anything else. */
function describeFileError(error: unknown): string | null {
  const e = error as { code?: string; path?: string };
  const reason = typeof e?.code === "string" ? FILE_ERRORS[e.code] : undefined;
  return reason ? `cannot use ${e.path ?? "the file"}: ${reason}.` : null;
}
