// Suites that need LibreOffice or Chromium: skip with a notice on a laptop without them,
// fail under CI=true so CI can never pass without running them.
import { execFileSync } from "child_process";

export function findExecutable(names: string[]): string | null {
  for (const name of names) {
    try {
      return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || null;
    } catch {
      // not on PATH; try the next name
    }
  }
  return null;
}

/** `describe` when the tool is there; otherwise skip with a notice, or fail under CI. */
export function describeWithTool(
  tool: string,
  executable: string | null,
  title: string,
  body: () => void
): void {
  if (executable) {
    describe(title, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(title, () => {
      it(`needs ${tool}`, () => {
        throw new Error(
          `${tool} is required under CI=true but was not found on PATH (.ci/run installs it).`
        );
      });
    });
    return;
  }
  // Straight to stderr: jest hides console output of skipped suites when several suites run.
  process.stderr.write(
    `[skip] ${title}: ${tool} not found on PATH; install it to run this suite.\n`
  );
  describe.skip(title, body);
}
