import { execFileSync, spawnSync } from "child_process";
import * as path from "path";
import { tmpdir } from "os";
import { main } from "../../src/cli/main";

import { capture } from "../support/cliIo";

describe("gap-assessor main", () => {
  it("prints every command in --help", async () => {
    const io = capture();
    await expect(main(["--help"], io)).resolves.toBe(0);
    expect(io.stdout).toMatch(/Usage: gap-assessor <command>/);
    expect(io.stdout).toMatch(/catalog/);
  });

  it("prints the package version", async () => {
    const io = capture();
    await main(["--version"], io);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(io.stdout.trim()).toBe(require("../../package.json").version);
  });

  it("rejects an unknown command with exit 2", async () => {
    const io = capture();
    await expect(main(["frobnicate"], io)).resolves.toBe(2);
    expect(io.stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it("runs as a real process through the bin script", () => {
    const bin = path.resolve(__dirname, "../../bin/gap-assessor.js");
    const out = execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(out).toMatch(/Commands:/);
    const bad = spawnSync(process.execPath, [bin, "nope"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
});

describe("every command turns bad options into a usage error", () => {
  it.each(["build", "validate", "plan", "import", "snapshot", "report", "catalog"])(
    "%s --bogus exits 2 with its usage",
    async (name) => {
      const io = capture();
      await expect(main([name, "--bogus"], io)).resolves.toBe(2);
      expect(io.stderr).toMatch(/Error: .*bogus/);
      expect(io.stderr).toMatch(/Usage: gap-assessor/);
    }
  );
});

describe("file errors", () => {
  it("turns a bad output path into a clear message and exit 2", async () => {
    const io = capture();
    await expect(main(["build", "--out", "/nonexistent-folder/x.xlsx"], io)).resolves.toBe(2);
    expect(io.stderr).toMatch(
      /Error: cannot use \/nonexistent-folder\/x\.xlsx: no such file or folder\./
    );
    const dir = capture();
    await expect(main(["build", "--out", tmpdir()], dir)).resolves.toBe(2);
    expect(dir.stderr).toMatch(/that is a folder, not a file/);
  });
});
