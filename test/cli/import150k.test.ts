// A 150,000-row CSV template: import reads and writes it (it once died with "Maximum call stack
// size exceeded" from a spread over the rows), as one list of controls with duplicate and
// cell-limit warnings. Time and memory are bench figures; this suite only has a hang guard.
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { CONTROLS } from "../../src/catalog";
import { main } from "../../src/cli/main";

import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { harvestWorkbook } from "../../src/core/read/harvest";
import { capture } from "../support/cliIo";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "gap-import-150k-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("imports a 150,000-row CSV that lists the 93 controls over and over", async () => {
  const answers = ["Yes", "No", "Partial", "N/A"];
  const lines = ["ID,Control,Status,Notes"];
  for (let i = 0; i < 150_000; i++) {
    const c = CONTROLS[i % CONTROLS.length];
    lines.push(`${c.id},"${c.title}",${answers[i % 4]},note ${i}`);
  }
  const template = path.join(dir, "big.csv");
  await fs.writeFile(template, `${lines.join("\n")}\n`);
  const out = path.join(dir, "assessment.xlsx");

  const io = capture();
  expect(await main(["import", template, "--out", out], io)).toBe(0);
  expect(io.stdout).toMatch(/150000 rows matched → 93 assessment rows/);
  expect(io.stdout).toMatch(/Listed more than once: 93 controls/);
  expect(io.stdout).toMatch(/Wrote .*assessment\.xlsx: 93 Annex A and 0 clause rows/);

  const { inputs } = harvestWorkbook(await readSnapshots(out));
  expect(inputs.annexA.get("8.34")?.Status).toBe("Non-Compliant");
  // No control row was read as a clause: every clause is still Not Assessed.
  expect(new Set([...inputs.clauses.values()].map((r) => r.Status))).toEqual(
    new Set(["Not Assessed"])
  );
}, 240_000);
