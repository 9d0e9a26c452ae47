// Writing fixtures with openpyxl (python3-openpyxl from apt): finds a python3 that can import it
// (a pyenv shim on PATH may not see Debian's dist-packages, /usr/bin/python3 does) and runs a
// script that saves a workbook.
import { spawnSync } from "child_process";

const CANDIDATES = ["python3", "/usr/bin/python3"];

function canImportOpenpyxl(python: string): boolean {
  const run = spawnSync(python, ["-c", "import openpyxl"], { encoding: "utf8", timeout: 30000 });
  return run.status === 0;
}

/** A python3 executable that can import openpyxl, or null. */
export const PYTHON_WITH_OPENPYXL: string | null =
  CANDIDATES.find((python) => canImportOpenpyxl(python)) ?? null;

/** Runs `script` (python source; `sys.argv[1]` is `out`) and fails with its stderr. */
export function runOpenpyxl(script: string, out: string): void {
  if (!PYTHON_WITH_OPENPYXL) throw new Error("no python3 with openpyxl");
  const run = spawnSync(PYTHON_WITH_OPENPYXL, ["-c", script, out], {
    encoding: "utf8",
    timeout: 60000,
  });
  if (run.status !== 0) throw new Error(`openpyxl script failed: ${run.stderr || run.error}`);
}
