// The compiled command line (bin/compiledCli.js): built from the sources once, reused while they
// are unchanged, rebuilt (and the old file removed) when one changes; and the real bin runs it.
import { execFileSync } from "child_process";
import { promises as fs, existsSync, readdirSync, statSync } from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compiledCli, sourceStamp } = require("../../bin/compiledCli.js") as {
  compiledCli(root: string): string;
  sourceStamp(root: string): string;
};

const ROOT = path.resolve(__dirname, "../..");
let root: string;

async function writeSource(text: string): Promise<void> {
  await fs.writeFile(path.join(root, "src/cli/main.ts"), text);
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "gap-compiled-cli-"));
  await fs.mkdir(path.join(root, "src/cli"), { recursive: true });
  await fs.mkdir(path.join(root, "src/core"), { recursive: true });
  await fs.writeFile(path.join(root, "package.json"), '{ "version": "1.2.3" }');
  await fs.writeFile(path.join(root, "src/core/answer.ts"), "export const answer: number = 42;\n");
  await writeSource(
    'import { answer } from "../core/answer";\nexport async function main(): Promise<number> { return answer; }\n'
  );
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const cached = (): string[] =>
  readdirSync(path.join(root, "node_modules/.cache/gap-assessor")).filter((n) => n.endsWith(".js"));

test("compiles the sources into one file that runs without tsx", async () => {
  const file = compiledCli(root);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { main } = require(file) as { main(): Promise<number> };
  await expect(main()).resolves.toBe(42);
});

test("reuses the file while the sources are unchanged", () => {
  const first = compiledCli(root);
  const built = statSync(first).mtimeMs;
  expect(compiledCli(root)).toBe(first);
  expect(statSync(first).mtimeMs).toBe(built);
  expect(cached()).toEqual([path.basename(first)]);
});

test("rebuilds when any source file or package.json changes, and removes the old file", async () => {
  const first = compiledCli(root);
  const stamp = sourceStamp(root);
  await fs.writeFile(path.join(root, "src/core/answer.ts"), "export const answer: number = 43;\n");
  expect(sourceStamp(root)).not.toBe(stamp);
  const second = compiledCli(root);
  expect(second).not.toBe(first);
  expect(existsSync(first)).toBe(false);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await expect((require(second) as { main(): Promise<number> }).main()).resolves.toBe(43);

  const before = sourceStamp(root);
  await fs.writeFile(path.join(root, "package.json"), '{ "version": "1.2.4" }');
  expect(sourceStamp(root)).not.toBe(before);
});

test("a source that does not compile is an error, not a stale file", async () => {
  compiledCli(root);
  await writeSource("export async function main( {\n");
  expect(() => compiledCli(root)).toThrow();
});

test("the bin runs the same command from the compiled file and from source", () => {
  const bin = path.join(ROOT, "bin/gap-assessor.js");
  const compiled = execFileSync(process.execPath, [bin, "catalog", "--help"], { encoding: "utf8" });
  const fromSource = execFileSync(process.execPath, [bin, "catalog", "--help"], {
    encoding: "utf8",
    env: { ...process.env, GAP_ASSESSOR_FROM_SOURCE: "1" },
  });
  expect(compiled).toContain("catalog");
  expect(compiled).toBe(fromSource);
  // The first run compiled the current sources.
  const file = `node_modules/.cache/gap-assessor/cli-${sourceStamp(ROOT)}.js`;
  expect(existsSync(path.join(ROOT, file))).toBe(true);
});
