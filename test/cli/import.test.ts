import { createHash } from "crypto";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { importCommand } from "../../src/cli/commands/import";
import { auditorQuestions, checklist2013 } from "../core/adopt/fixtures/buildFixtures";

const GRC_CSV = path.join(__dirname, "../core/adopt/fixtures/grc-export-stray-spaces.csv");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    ["import", ...args],
    { out: (t) => out.push(t), err: (t) => err.push(t) },
    [importCommand]
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const sha = async (file: string): Promise<string> =>
  createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");

describe("gap-assessor import", () => {
  let dir: string;
  let checklist: string;
  let auditor: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "import-cli-"));
    checklist = path.join(dir, "checklist2013.xlsx");
    auditor = path.join(dir, "auditor.xlsx");
    await fs.writeFile(checklist, (await checklist2013()).buffer);
    await fs.writeFile(auditor, (await auditorQuestions()).buffer);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("prints a human-readable dry-run report and writes nothing", async () => {
    const before = await sha(checklist);
    const out = path.join(dir, "never.xlsx");
    const r = await run([checklist, "--dry-run", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sheet "Annex A checklist"/);
    expect(r.out).toMatch(/2013 Annex A controls/);
    expect(r.out).toMatch(
      /9 rows matched → 7 assessment rows; 2 merged from several rows, 2 conflicts, 2 unmatched, 3 skipped/
    );
    expect(r.out).toMatch(/row 11 +6\.1\.2 +→ control 5\.3 +Partially Compliant/);
    expect(r.out).toMatch(/row 16: "A\.19\.1\.1" is not a clause or control id we know/);
    expect(r.out).toMatch(/"Maybe" in column C/);
    expect(r.out).toMatch(/Dry run: nothing written/);
    expect(existsSync(out)).toBe(false);
    expect(await sha(checklist)).toBe(before);
  });

  it("prints the JSON report: rows with source row, target id, status and action, and unmatched rows", async () => {
    const r = await run([auditor, "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.sheet).toBe("Audit questions");
    expect(report.rows).toContainEqual(
      expect.objectContaining({
        sourceRow: 12,
        targetId: "5.10",
        status: "Non-Compliant",
        action: "set",
      })
    );
    expect(report.rows).toContainEqual(
      expect.objectContaining({ sourceRow: 8, targetId: null, action: "skipped" })
    );
    expect(report.unmatched).toEqual([]);
    expect(report.counts).toMatchObject({ matched: 14, unmatched: 0 });
    expect(report.unknownWords.map((w: { word: string }) => w.word)).toEqual(["Χ", "Maybe"]);
    expect(report.sheets.find((s: { name: string }) => s.name === "Old notes")).toMatchObject({
      used: false,
    });
  });

  it("imports a CSV export, and --sheet picks a sheet", async () => {
    const csv = await run([GRC_CSV, "--dry-run", "--json"]);
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.out).unmatched.map((u: { row: number }) => u.row)).toEqual([9, 10]);
    const chosen = await run([auditor, "--dry-run", "--json", "--sheet", "Old notes"]);
    expect(JSON.parse(chosen.out).sheet).toBe("Old notes");
  });

  it("reads a workbook saved under a .csv name as the workbook it is", async () => {
    const misnamed = path.join(dir, "checklist.csv");
    await fs.copyFile(checklist, misnamed);
    const r = await run([misnamed, "--dry-run", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).sheet).toBe("Annex A checklist");
  });

  it("exits 2 with a clear message when there is no status column and nothing to import", async () => {
    const file = path.join(dir, "ids-only.csv");
    await fs.writeFile(file, "control_id;title;category\nA.5.1;Richtlinien;N\nA.5.2;Rollen;N\n");
    const r = await run([file, "--out", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing to import.*no status or applicability column/);
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });

  it.each([
    ["a missing file", (d: string) => path.join(d, "missing.xlsx"), /File not found/],
    ["an empty file", (d: string) => path.join(d, "empty.xlsx"), /empty/],
    ["a text file named .xlsx", (d: string) => path.join(d, "text.xlsx"), /not an \.xlsx workbook/],
    [
      "a password-protected workbook",
      (d: string) => path.join(d, "locked.xlsx"),
      /password-protected/,
    ],
    ["an empty CSV", (d: string) => path.join(d, "empty.csv"), /empty/],
  ])("exits 2 for %s", async (_name, file, message) => {
    await fs.writeFile(path.join(dir, "empty.xlsx"), "");
    await fs.writeFile(path.join(dir, "empty.csv"), "");
    await fs.writeFile(path.join(dir, "text.xlsx"), "ID,Status\n5.1,Yes\n");
    await fs.writeFile(
      path.join(dir, "locked.xlsx"),
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(1024),
      ])
    );
    const r = await run([file(dir), "--dry-run"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it.each([
    ["no template", [] as string[], /exactly one template/],
    ["two templates", ["a.xlsx", "b.xlsx", "--dry-run"], /exactly one template/],
    ["no --out and no --dry-run", ["a.xlsx"], /--out is required/],
    ["an unknown option", ["a.xlsx", "--dry-run", "--frobnicate"], /frobnicate/],
  ])("exits 2 with usage for %s", async (_name, args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/Usage: gap-assessor import/);
  });

  it("refuses to write over the template or the --into file", async () => {
    const before = await sha(checklist);
    const same = await run([checklist, "--out", checklist]);
    expect(same.code).toBe(2);
    expect(same.err).toMatch(/--out must differ/);
    const into = await run([
      checklist,
      "--into",
      auditor,
      "--out",
      path.join(path.dirname(auditor), ".", path.basename(auditor)),
    ]);
    expect(into.code).toBe(2);
    expect(await sha(checklist)).toBe(before);
  });

  it("names the sheets when --sheet does not exist", async () => {
    const r = await run([auditor, "--dry-run", "--sheet", "Nope"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no sheet "Nope".*"Audit questions", "Old notes"/);
  });
});
