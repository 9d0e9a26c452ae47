// Where CLI output goes: real streams in the binary, buffers in tests.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** Exit codes every command shares. */
export const EXIT = { ok: 0, problems: 1, unreadable: 2 } as const;
