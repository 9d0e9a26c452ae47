// The CLI writes the same package for the same input: every part of each workbook (sheets, tables,
// names, styles, strings) hashed and compared with the stored snapshot. A refactor that must not
// change behaviour keeps these hashes; a change that means to alter output updates them on purpose
// (`npx jest test/cli/sameOutput -u`) and the diff shows which parts moved. On a mismatch the
// parts are written to test-output/same-output/ to compare by eye.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { auditorQuestions } from "../core/adopt/fixtures/buildFixtures";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-same-output-"));
const file = (n: string): string => path.join(dir, n);
const quiet: CliIo = { out: () => undefined, err: () => undefined };
/** Parts that carry a timestamp of when they were written, not what was written. */
const VOLATILE = /^docProps\//;
/** ExcelJS gives every data bar a fresh random GUID; the rest of the part must match exactly. */
const RANDOM_GUID = /\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/g;

async function cli(...args: string[]): Promise<void> {
  const code = await main(args, quiet);
  if (code !== 0) throw new Error(`gap-assessor ${args.join(" ")} exited ${code}`);
}

async function partHashes(name: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file(name)));
  const hashes: Record<string, string> = {};
  const dump = path.resolve(__dirname, "../../test-output/same-output", name);
  for (const part of Object.keys(zip.files).sort()) {
    if (zip.files[part].dir || VOLATILE.test(part)) continue;
    const bytes = Buffer.from(
      (await zip.files[part].async("string")).replace(RANDOM_GUID, "{GUID}")
    );
    hashes[part] = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    if (process.env.SAME_OUTPUT_DUMP) {
      fs.mkdirSync(path.dirname(path.join(dump, part)), { recursive: true });
      fs.writeFileSync(path.join(dump, part), bytes);
    }
  }
  return hashes;
}

/** Fills a realistic handful of inputs on both assessment sheets, as a person would. */
async function fill(from: string, to: string): Promise<void> {
  const wb = await openWorkbook(file(from));
  const set = (sheet: string, id: string, values: Record<string, ExcelJS.CellValue>): void => {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    const headerRow = 4;
    const columns = headerColumns(ws, headerRow);
    const row = rowById(ws, headerRow, id);
    for (const [header, value] of Object.entries(values))
      ws.getCell(row, columns.get(header) as number).value = value;
  };
  set("Clauses 4-10", "4.1", { Status: "Compliant", Evidence: "Context memo", Owner: "CISO" });
  set("Clauses 4-10", "6.1.2", {
    Status: "Non-Compliant",
    Owner: "Risk lead",
    Likelihood: 4,
    Impact: 5,
  });
  set("Clauses 4-10", "9.2.1", { Status: "Partially Compliant", Likelihood: 2, Impact: 3 });
  set("Annex A", "5.1", { Status: "Compliant", Evidence: "Policy v3", Owner: "CISO" });
  set("Annex A", "5.7", { Status: "Non-Compliant", Owner: "SOC", Likelihood: 3, Impact: 4 });
  set("Annex A", "7.4", { Applicable: "No", Justification: "No physical site", Status: "" });
  set("Annex A", "8.8", {
    Status: "Partially Compliant",
    Owner: "IT",
    Likelihood: 5,
    Impact: 4,
    Notes: "Scans monthly",
  });
  await wb.xlsx.writeFile(file(to));
}

describe("the CLI writes the same package for the same input", () => {
  beforeAll(async () => {
    // Only Date is fixed: the commands default to today, and the output must not depend on the day.
    jest.useFakeTimers({
      now: new Date("2026-03-02T09:00:00Z"),
      doNotFake: [
        "nextTick",
        "setImmediate",
        "clearImmediate",
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
        "queueMicrotask",
        "hrtime",
        "performance",
      ],
    });
    await cli("build", "--out", file("built.xlsx"), "--org", "Acme Ltd");
    await fill("built.xlsx", "filled.xlsx");
    await cli("build", "--from", file("filled.xlsx"), "--out", file("rebuilt.xlsx"));
    await cli("plan", file("filled.xlsx"), "--out", file("planned.xlsx"));
    await cli("snapshot", file("planned.xlsx"), "--out", file("snapshot.xlsx"), "--note", "Q1");
    fs.writeFileSync(file("questions.xlsx"), (await auditorQuestions()).buffer);
    await cli(
      "import",
      file("questions.xlsx"),
      "--into",
      file("built.xlsx"),
      "--out",
      file("imported.xlsx")
    );
  });
  afterAll(() => {
    jest.useRealTimers();
  });

  it.each(["built.xlsx", "rebuilt.xlsx", "planned.xlsx", "snapshot.xlsx", "imported.xlsx"])(
    "%s",
    async (name) => {
      expect(await partHashes(name)).toMatchSnapshot();
    }
  );
});
