// Safe writes: every command that writes goes through a temp file beside the target, fsync and
// rename. Killed mid-write (a real SIGKILL of a child process) or failing, the previous output
// stays whole and the temp file is removed (at once, or by the next run); an --out that is an
// input through a symlink or a hard link is refused before anything is written.
import { spawn } from "child_process";
import { createHash } from "crypto";
import { promises as fs, existsSync, readdirSync, readFileSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

import { removeStaleTemps, safeWrite } from "../../src/cli/safeWrite";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { capture } from "../support/cliIo";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/gap-assessor.js");

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
const temps = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith(".gap-tmp"));

let dir: string;
let base: string;
let csv: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "gap-safe-write-"));
  base = path.join(dir, "base.xlsx");
  await buildAssessmentFile({ out: base, start: 46000, org: "Acme" });
  csv = path.join(dir, "template.csv");
  await fs.writeFile(csv, "ID,Status\n5.1,Yes\n5.2,No\n");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("--out that is an input, through a link", () => {
  // Each command with the output slot left as OUT and the input it must protect.
  const cases: [string, (out: string) => string[], () => string][] = [
    ["build --from", (out) => ["build", "--from", base, "--out", out], () => base],
    ["plan", (out) => ["plan", base, "--out", out], () => base],
    ["snapshot", (out) => ["snapshot", base, "--out", out], () => base],
    ["report", (out) => ["report", base, "--out", out], () => base],
    ["import (template)", (out) => ["import", csv, "--out", out], () => csv],
    ["import --into", (out) => ["import", csv, "--into", base, "--out", out], () => base],
  ];

  it.each(cases)("%s refuses a symlink and a hard link to its input", async (_, args, input) => {
    const before = sha(input());
    const symlink = path.join(dir, `sym-${Math.random().toString(36).slice(2)}.out`);
    const hardlink = path.join(dir, `hard-${Math.random().toString(36).slice(2)}.out`);
    await fs.symlink(input(), symlink);
    await fs.link(input(), hardlink);
    for (const out of [symlink, hardlink]) {
      const io = capture();
      expect(await main(args(out), io)).toBe(2);
      expect(io.stderr).toMatch(/--out must differ from the input file: .* \(through a link\)/);
    }
    expect(sha(input())).toBe(before);
    expect((await fs.lstat(symlink)).isSymbolicLink()).toBe(true);
    expect(temps(dir)).toEqual([]);
    await fs.rm(symlink);
    await fs.rm(hardlink);
  });

  it("refuses an --out reached through a symlinked folder", async () => {
    const alias = path.join(dir, "alias");
    await fs.symlink(dir, alias);
    const io = capture();
    expect(await main(["plan", base, "--out", path.join(alias, "base.xlsx")], io)).toBe(2);
    expect(io.stderr).toMatch(/must differ/);
    await fs.rm(alias);
  });

  it("writes through a symlink to another file: the file it points to is replaced, the link kept", async () => {
    const real = path.join(dir, "real-report.md");
    const link = path.join(dir, "link-report.md");
    await fs.writeFile(real, "old");
    await fs.symlink(real, link);
    const io = capture();
    expect(await main(["report", base, "--out", link, "--date", "2026-03-01"], io)).toBe(0);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, "utf8")).toMatch(/^# ISO\/IEC 27001:2022 gap assessment/);
    expect(temps(dir)).toEqual([]);
  });
});

describe("safeWrite", () => {
  it("leaves the previous file whole and no temp file when the write fails half-way", async () => {
    const target = path.join(dir, "failing.txt");
    await fs.writeFile(target, "previous");
    await expect(
      safeWrite(target, async (temp) => {
        await fs.writeFile(temp, "half of the new fi");
        throw new Error("disk full");
      })
    ).rejects.toThrow("disk full");
    expect(await fs.readFile(target, "utf8")).toBe("previous");
    expect(temps(dir)).toEqual([]);
  });

  it("keeps the previous file's permissions", async () => {
    const target = path.join(dir, "mode.txt");
    await fs.writeFile(target, "old");
    await fs.chmod(target, 0o640);
    await safeWrite(target, (temp) => fs.writeFile(temp, "new"));
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(await fs.readFile(target, "utf8")).toBe("new");
  });

  it("survives a SIGKILL in the middle of the write; the next run removes the dead run's temp file", async () => {
    const target = path.join(dir, "killed.txt");
    await fs.writeFile(target, "previous");
    // A child writes half a file through safeWrite, says so, and waits to be killed.
    const script = `
      require("tsx/cjs/api").register();
      const fs = require("fs");
      const { safeWrite } = require(${JSON.stringify(path.join(ROOT, "src/cli/safeWrite.ts"))});
      safeWrite(${JSON.stringify(target)}, (temp) => {
        fs.writeFileSync(temp, "half of the new fi");
        process.stdout.write("writing\\n");
        return new Promise(() => setInterval(() => undefined, 1000));
      });`;
    const child = spawn(process.execPath, ["-e", script], { cwd: ROOT });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("writing")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    });
    await new Promise((resolve) => child.on("close", resolve));
    expect(await fs.readFile(target, "utf8")).toBe("previous");
    const left = temps(dir).filter((n) => n.startsWith(".killed.txt."));
    expect(left).toHaveLength(1); // the killed process could not clean up...
    expect(await removeStaleTemps(target)).toEqual(left); // ...the next run does
    await safeWrite(target, (temp) => fs.writeFile(temp, "new"));
    expect(await fs.readFile(target, "utf8")).toBe("new");
    expect(temps(dir)).toEqual([]);
  });
});

describe("the CLI killed while writing a workbook", () => {
  it("keeps the previous output whole; the next run cleans up and writes", async () => {
    const out = path.join(dir, "rebuilt.xlsx");
    expect(await main(["build", "--from", base, "--out", out], capture())).toBe(0);
    const before = sha(out);
    const original = statSync(out);

    const child = spawn(process.execPath, [BIN, "build", "--from", base, "--out", out], {
      cwd: ROOT,
    });
    let exited = false;
    child.on("exit", () => (exited = true));
    // Kill the moment writing shows: a temp file appears, or the target itself changes.
    const killedWhile = await new Promise<string>((resolve) => {
      const timer = setInterval(() => {
        const tmp = temps(dir).find((n) => n.startsWith(".rebuilt.xlsx."));
        const now = existsSync(out) ? statSync(out) : null;
        const touched =
          !now ||
          now.size !== original.size ||
          now.mtimeMs !== original.mtimeMs ||
          now.ino !== original.ino;
        if (tmp || touched || exited) {
          clearInterval(timer);
          child.kill("SIGKILL");
          resolve(tmp ? "temp" : touched ? "target" : "exited");
        }
      }, 2);
    });
    await new Promise((resolve) => child.on("close", resolve));
    expect(killedWhile).not.toBe("exited"); // it was killed while writing
    // Never a partial file: the previous output whole, or (when the kill landed just after the
    // rename) the new one whole — it opens and holds every sheet.
    if (sha(out) !== before) {
      const sheets = (await readSnapshots(out)).map((s) => s.name);
      expect(sheets).toEqual(expect.arrayContaining(["Clauses 4-10", "Annex A", "Settings"]));
    }

    // The next run removes the temp file the killed run left, and writes the file.
    expect(await main(["build", "--from", base, "--out", out], capture())).toBe(0);
    expect(temps(dir)).toEqual([]);
  }, 120_000);
});
