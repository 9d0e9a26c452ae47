// Safe file output for every command that writes: the file is written to a temp file in the
// target's folder, flushed to disk (fsync), then renamed over the target, so a crash, a kill or a
// full disk leaves the previous file whole and never a partial one. An output that is (or links
// to) one of the command's inputs is refused before anything is read or written.
import { promises as fs, constants as fsConstants } from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { UsageError } from "../core/errors";

/** Temp files are named `.<target name>.<pid>-<random>.gap-tmp`, beside the target. */
const TEMP_SUFFIX = ".gap-tmp";
const TEMP_PATTERN = /^\.(.+)\.(\d+)-[0-9a-f]+\.gap-tmp$/;

/** The file an output path really writes to: symlinks followed, also when the file does not exist yet. */
async function resolveTarget(out: string, depth = 0): Promise<string> {
  const absolute = path.resolve(out);
  try {
    return await fs.realpath(absolute);
  } catch {
    // A dangling symlink still points somewhere: follow it by hand (a loop ends after 40 links).
    const link = depth < 40 ? await fs.readlink(absolute).catch(() => null) : null;
    if (link !== null) return resolveTarget(path.resolve(path.dirname(absolute), link), depth + 1);
    // No such file: resolve its folder (the folder may itself be a symlink).
    const dir = await fs.realpath(path.dirname(absolute)).catch(() => null);
    return dir === null ? absolute : path.join(dir, path.basename(absolute));
  }
}

async function statOrNull(file: string): Promise<{ dev: number; ino: number } | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/**
 * Refuses an output that is one of the inputs: the same path, a symlink to it, a path through a
 * symlinked folder, or a hard link (same device and inode).
 */
export async function assertOutputNotInput(
  out: string,
  inputs: (string | undefined)[]
): Promise<void> {
  const target = await resolveTarget(out);
  const outStat = await statOrNull(target);
  for (const input of inputs) {
    if (!input) continue;
    const source = await resolveTarget(input);
    const inStat = outStat && (await statOrNull(source));
    const sameFile =
      source === target ||
      (inStat !== null &&
        outStat !== null &&
        inStat.dev === outStat.dev &&
        inStat.ino === outStat.ino);
    if (sameFile) {
      const how = path.resolve(out) === path.resolve(input) ? "" : " (through a link)";
      throw new UsageError(
        `--out must differ from the input file: ${out} is ${input}${how}; inputs are never written.`,
        "Name a new file with --out."
      );
    }
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temp files that an earlier, killed run left beside the target (their process is gone). */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_PATTERN.exec(name);
    if (!m || m[1] !== base || isAlive(Number(m[2]))) continue;
    try {
      await fs.unlink(path.join(dir, name));
      removed.push(name);
    } catch {
      // Gone already or not ours to remove: leave it.
    }
  }
  return removed;
}

async function fsyncPath(file: string, flags: number): Promise<void> {
  const handle = await fs.open(file, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface SafeWriteOptions {
  /** Files the command reads: the output must not be one of them. */
  inputs?: (string | undefined)[];
}

/**
 * Writes `out` safely: `write(tempPath)` writes the whole file to a temp path beside the target;
 * it is then fsynced and renamed over the target (a symlinked target: the file it points to).
 * On any error the temp file is removed and the previous target is untouched.
 */
export async function safeWrite<T>(
  out: string,
  write: (tempPath: string) => Promise<T>,
  options: SafeWriteOptions = {}
): Promise<T> {
  await assertOutputNotInput(out, options.inputs ?? []);
  const target = await resolveTarget(out);
  const existing = await fs.stat(target).catch(() => null);
  // Reported like any file error: "cannot use X: that is a folder, not a file."
  if (existing?.isDirectory())
    throw Object.assign(new Error(`${out} is a folder`), { code: "EISDIR", path: out });
  await removeStaleTemps(target);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`
  );
  let result: T;
  try {
    result = await write(temp);
    if (existing) await fs.chmod(temp, existing.mode & 0o7777).catch(() => undefined);
    await fsyncPath(temp, fsConstants.O_RDONLY);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    // Node names the temp path in file errors; the user knows the target.
    const e = error as NodeJS.ErrnoException;
    if (e && typeof e === "object" && e.path === temp) e.path = out;
    throw error;
  }
  // The rename itself reaches the disk with the folder's entry (not supported everywhere).
  await fsyncPath(path.dirname(target), fsConstants.O_RDONLY).catch(() => undefined);
  return result;
}
