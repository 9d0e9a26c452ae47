// Argument parsing shared by every command: node's parseArgs, with its errors turned into
// UsageError (exit 2 and the command's usage) instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../core/errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** "2026-11-25" → Excel serial; UsageError naming the option otherwise. */
export function dateOption(
  name: string,
  value: string | undefined,
  fallback: number,
  parse: (text: string) => number | null
): number {
  if (value === undefined) return fallback;
  const serial = parse(value);
  if (serial === null)
    throw new UsageError(`${name} "${value}" is not a date; write it as YYYY-MM-DD.`);
  return serial;
}
