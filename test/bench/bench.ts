// `npm run bench`: syncs, request payload bytes and milliseconds of the task pane's actions
// (build, check, plan, adopt, compare's apply) at 100, 1,000 and 10,000 rows on the recording
// Excel fake, the core rules timed alone (validate, adopt, compare and merge of two 10,000-row
// workbooks), and the gzipped size of the production task pane bundle. It also times, once
// each, the speed cases the jest suites only guard against hangs (jest never asserts wall-clock
// time): the large adopt() cases of test/core/adopt, building and reading .xlsx files, and each
// real template in ../shared/templates against expectations.json's maxSeconds (skipped with a
// notice when the folder is absent). A row over its budget is marked and makes the exit code 1.
//   --json            print [{"task","rows","syncs","payloadBytes","ms"}] only (bundle size on stderr)
//   --rows 100,1000   row counts to measure (default 100,1000,10000)
//   --no-build        do not build dist/ when it is missing; report "not built"
//   --unchanged-only  only build, plan and the "(no change)" rows: each action again on the
//                     unchanged workbook (what a reconcile sends when there is nothing to do)
//   --file-rows 50000 rows of the file targets (./fileTargets: build --from, plan and validate
//                     of a file, and hostile files, each as its own process; time and memory).
//                     They take minutes: measured by default only when --rows is not given
//   --no-file-targets skip them
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
import { adopt } from "../../src/core/adopt/adopt";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { csvToSnapshot, decodeCsvBytes } from "../../src/core/adopt/csv";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { validateWorkbook } from "../../src/core/validate/validate";
import { applyAdoption, previewAdoption } from "../../src/excel/adoptSheet";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { checkWorkbook } from "../../src/excel/checkWorkbook";
import { planRemediation } from "../../src/excel/planRemediation";
import { readOverview } from "../../src/excel/readOverview";
import { readWorkbook } from "../../src/excel/readSnapshots";
import { applyChanges } from "../../src/excel/applyChanges";
import { changesToApply, compareSnapshots } from "../../src/taskpane/compareCopy";
import { recordSnapshot } from "../../src/excel/recordSnapshot";
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { seedAnnexA, seedTemplate } from "../support/workbookSeeds";
import { CHECKED_SHEETS, SHEETS } from "../../src/core/contract";
import { FILE_TARGET, fileTargets } from "./fileTargets";
import { compareMergeTimings } from "./compareMerge";

export interface BenchResult {
  task: string;
  rows: number;
  syncs: number;
  payloadBytes: number;
  ms: number;
}

interface Measured extends BenchResult {
  /** Largest single request (Excel on the web refuses requests over 5 MB). */
  maxSyncPayloadBytes: number;
  /** Bytes Excel sends back (loaded values); Excel on the web refuses responses over 5 MB too. */
  responseBytes?: number;
  note?: string;
  failed?: boolean;
  /** Milliseconds this row should stay under (what a jest suite used to assert). */
  budgetMs?: number;
  /** Peak resident memory of a command run as its own process, and what it should stay under. */
  peakRssBytes?: number;
  budgetRssBytes?: number;
}

const ROOT = path.resolve(__dirname, "..", "..");
const DEFAULT_ROWS = [100, 1000, 10000];
const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const TEMPLATE_SHEET = "Old checklist";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** A fake with Excel on the web's limits; `unlimited` lifts them (only to feed the core timings). */
function freshFake(unlimited = false): ExcelFake {
  const fake = createExcelFake(unlimited ? { payloadLimitBytes: Number.MAX_SAFE_INTEGER } : {});
  fake.install(globalThis);
  return fake;
}

async function measure(
  fake: ExcelFake,
  task: string,
  rows: number,
  batches: Batch<unknown>[],
  describe?: (results: unknown[]) => string
): Promise<Measured> {
  fake.stats.reset();
  const started = performance.now();
  const results: unknown[] = [];
  let failure: string | undefined;
  try {
    for (const batch of batches) results.push(await fake.Excel.run(batch));
  } catch (error) {
    // A failed task is a finding (e.g. a response over Excel on the web's 5 MB), not a crash.
    const e = error as { code?: string; message?: string };
    failure = `FAILED: ${e.code ?? "Error"}: ${String(e.message ?? error).split(". ")[0]}`;
  }
  const ms = performance.now() - started;
  return {
    task,
    rows,
    syncs: fake.stats.syncs,
    payloadBytes: fake.stats.payloadBytes,
    ms: Math.round(ms),
    maxSyncPayloadBytes: fake.stats.maxSyncPayloadBytes,
    responseBytes: fake.stats.responseBytes,
    note: failure ?? describe?.(results),
    failed: failure !== undefined,
  };
}

/** Times `fn` (median of `runs`), for pure core work that is too quick to time once. */
function timeCore(fn: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] * 10) / 10;
}

async function benchRows(rows: number, unchangedOnly = false): Promise<Measured[]> {
  const results: Measured[] = [];

  // Build over an Annex A sheet someone filled with `rows` rows (rebuild keeps rows they added).
  const fake = freshFake();
  seedAnnexA(fake.state, rows);
  results.push(
    await measure(
      fake,
      "build",
      rows,
      [(c) => buildAssessment(c, {})],
      ([r]) => `${(r as { rows: number }).rows} rows written`
    )
  );

  // Check the built workbook.
  results.push(
    await measure(fake, "check", rows, [(c) => checkWorkbook(c)], ([r]) => {
      const s = (r as { summary: { errors: number; warnings: number; infos: number } }).summary;
      return `${s.errors} errors, ${s.warnings} warnings, ${s.infos} notes`;
    })
  );

  // Overview: what the task pane reads on load, after every action and on workbook changes.
  results.push(
    await measure(fake, "overview", rows, [(c) => readOverview(c)], ([r]) => {
      const o = r as { assessed: number; total: number };
      return `${o.assessed} of ${o.total} assessed`;
    })
  );

  // Plan: preview, then write the Remediation Plan (both, as the task pane does).
  results.push(
    await measure(
      fake,
      "plan",
      rows,
      [(c) => planRemediation(c, { apply: false }), (c) => planRemediation(c, { apply: true })],
      ([, r]) => `${(r as { rows: number }).rows} plan rows`
    )
  );

  // The same actions again on the workbook they just wrote: a reconcile with nothing to change
  // should send next to nothing (issue 15: well under 100 KB at 10,000 rows).
  results.push(
    await measure(fake, "build (no change)", rows, [(c) => buildAssessment(c, {})]),
    await measure(fake, "plan (no change)", rows, [
      (c) => planRemediation(c, { apply: false }),
      (c) => planRemediation(c, { apply: true }),
    ]),
    // A snapshot always adds its one row to the history: the rest of the workbook is unchanged.
    await measure(fake, "snapshot (unchanged workbook)", rows, [(c) => recordSnapshot(c)])
  );
  if (unchangedOnly) return results;

  // Adopt a pasted checklist of `rows` rows into a workbook without an assessment: preview, then apply.
  const adoptFake = freshFake();
  seedTemplate(adoptFake.state, TEMPLATE_SHEET, rows);
  let preview: Awaited<ReturnType<typeof previewAdoption>> | null = null;
  results.push(
    await measure(
      adoptFake,
      "adopt",
      rows,
      [
        async (c) => (preview = await previewAdoption(c, TEMPLATE_SHEET)),
        (c) => applyAdoption(c, preview as NonNullable<typeof preview>, false),
      ],
      ([p]) => {
        const counts = (p as { report: { counts: { matched: number; unmatched: number } } }).report
          .counts;
        return `${counts.matched} matched, ${counts.unmatched} unmatched`;
      }
    )
  );
  results.push(await compareApply(rows));
  return results;
}

/**
 * "Compare with a copy" → "Take their changes" over a built workbook with `rows` Annex A rows:
 * their copy changed every row's Evidence (all taken); only the Office.js apply is measured.
 */
async function compareApply(rows: number): Promise<Measured> {
  const fake = freshFake();
  seedAnnexA(fake.state, rows);
  await fake.Excel.run((c: Excel.RequestContext) => buildAssessment(c, {}));
  const read = (c: Excel.RequestContext): ReturnType<typeof readWorkbook> =>
    readWorkbook(c, [SHEETS.annexA]);
  const mine: SheetSnapshot[] = (await fake.Excel.run(read)).snapshots;
  const theirs = mine.map((s) => {
    const header = s.values.findIndex((r) => r.includes("ID") && r.includes("Evidence"));
    const id = s.values[header].indexOf("ID");
    const evidence = s.values[header].indexOf("Evidence");
    const edit = <T>(grid: T[][], value: (row: T[]) => T): T[][] =>
      grid.map((r, i) =>
        i > header && r[id] ? r.map((v, c) => (c === evidence ? value(r) : v)) : r
      );
    return {
      ...s,
      values: edit(s.values, (r) => `Their evidence ${String(r[id])}`),
      text: edit(s.text, (r) => `Their evidence ${r[id]}`),
    };
  });
  const comparison = compareSnapshots(mine, theirs, "theirs.xlsx");
  const all = new Set(comparison.sheets.flatMap((s) => s.conflicts.map((c) => c.key)));
  const changes = changesToApply(comparison, all);
  return measure(
    fake,
    "compare: take their changes",
    rows,
    [(c) => applyChanges(c, changes)],
    ([r]) => `${(r as { cells: number }).cells} cells taken`
  );
}

/** Snapshots of a built workbook with `rows` Annex A rows, as checkWorkbook reads them. */
async function builtSnapshots(rows: number): Promise<SheetSnapshot[]> {
  const fake = freshFake(true);
  seedAnnexA(fake.state, rows);
  await fake.Excel.run((c: Excel.RequestContext) => buildAssessment(c, {}));
  return (await fake.Excel.run((c: Excel.RequestContext) => readWorkbook(c, CHECKED_SHEETS)))
    .snapshots;
}

async function templateSnapshot(rows: number): Promise<SheetSnapshot[]> {
  const fake = freshFake(true);
  seedTemplate(fake.state, TEMPLATE_SHEET, rows);
  return (await fake.Excel.run((c: Excel.RequestContext) => readWorkbook(c, [TEMPLATE_SHEET])))
    .snapshots;
}

/** Newest modification time of the files under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Gzipped size of dist/taskpane.js (building it first when missing, unless told not to). */
export function bundleSize(build: boolean): { bytes: number; gzip: number; stale: boolean } | null {
  const file = path.join(ROOT, "dist", "taskpane.js");
  if (!fs.existsSync(file) && build) {
    process.stderr.write(
      "dist/taskpane.js is missing; building it (npx webpack --mode production)…\n"
    );
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] }
    );
  }
  if (!fs.existsSync(file)) return null;
  const code = fs.readFileSync(file);
  const stale = fs.statSync(file).mtimeMs < newestMtime(path.join(ROOT, "src"));
  return { bytes: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length, stale };
}

const kb = (n: number): string =>
  n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${(n / 1024 / 1024).toFixed(2)} MB`;

function table(results: Measured[]): string {
  const head = ["task", "rows", "syncs", "payload", "largest request", "response", "ms", "result"];
  const body = results.map((r) => [
    r.task,
    r.rows.toLocaleString("en-US"),
    String(r.syncs),
    kb(r.payloadBytes),
    kb(r.maxSyncPayloadBytes),
    r.responseBytes === undefined ? "" : kb(r.responseBytes),
    String(r.ms),
    r.note ?? "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  return [
    line(head),
    `|${widths.map((w, i) => (i === 0 || i === widths.length - 1 ? ` ${"-".repeat(w)} ` : ` ${"-".repeat(w - 1)}: `)).join("|")}|`,
    ...body.map(line),
  ].join("\n");
}

/** A snapshot from rows, as test/core/adopt builds them (every cell displays its value). */
function gridSnapshot(name: string, rows: CellValue[][]): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return {
    name,
    origin: { row: 0, col: 0 },
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: values.map((r) => r.map(() => null)),
  };
}

const duration = (ms: number): string => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/** Times `fn` once (cold, as a person meets it) and holds it to `budgetMs`. */
async function timeOnce(
  task: string,
  rows: number,
  budgetMs: number,
  fn: () => Promise<string> | string
): Promise<Measured> {
  const started = performance.now();
  let note: string;
  let failed = false;
  try {
    note = await fn();
  } catch (error) {
    failed = true;
    note = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = Math.round(performance.now() - started);
  const budget = `budget ${duration(budgetMs)}`;
  return {
    task,
    rows,
    syncs: 0,
    payloadBytes: 0,
    maxSyncPayloadBytes: 0,
    ms,
    budgetMs,
    failed,
    note: `${note}; ${ms > budgetMs ? `OVER ${budget}` : budget}`,
  };
}

/** test/core/adopt: a 50,000-row ID/Status/Evidence sheet, one row in ten not an id. */
function adoptCaseIds(): SheetSnapshot {
  const rows: CellValue[][] = [["ID", "Status", "Evidence"]];
  for (let i = 0; i < 50_000; i++)
    rows.push([i % 10 === 0 ? `Row ${i}` : `A.8.${(i % 34) + 1}`, i % 2 ? "Yes" : "No", `e${i}`]);
  return gridSnapshot("Big", rows);
}

/** test/core/adopt: a 10,000-row checklist under a title block, with status words. */
function adoptCaseChecklist(): SheetSnapshot {
  const ids = [
    "5.1",
    "5.2",
    "5.3",
    "5.7",
    "5.10",
    "6.1",
    "6.8",
    "7.4",
    "7.14",
    "8.1",
    "8.16",
    "8.34",
  ];
  const words = ["Implemented", "Partially implemented", "Not implemented", "N/A", "", "Yes", "No"];
  const rows: CellValue[][] = [
    ["Title block"],
    [],
    ["Control ID", "Title", "Applicable", "Status", "Evidence", "Owner"],
  ];
  for (let i = 0; i < 10_000; i++)
    rows.push([
      `A.${ids[i % ids.length]}`,
      `Row ${i}`,
      i % 13 ? "Yes" : "No",
      words[i % words.length],
      `Evidence ${i}`,
      `Owner ${i % 7}`,
    ]);
  return gridSnapshot("Big", rows);
}

const matched = (snapshots: SheetSnapshot[]): string => {
  const { counts } = adopt(snapshots).report;
  return `${counts.matched} matched, ${counts.unmatched} unmatched`;
};

/** The speed cases the jest suites used to assert, each timed once against the same budget. */
async function formerTestBudgets(): Promise<Measured[]> {
  const results: Measured[] = [];
  const ids = [adoptCaseIds()];
  results.push(await timeOnce("adopt 50k-row sheet (core)", 50_000, 10_000, () => matched(ids)));
  const checklist = [adoptCaseChecklist()];
  matched(checklist); // warm up the JIT, as the test did
  results.push(await timeOnce("adopt checklist (core)", 10_000, 1_000, () => matched(checklist)));

  // test/xlsx/build: the CLI's build of a fresh workbook file (into a temporary folder).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-bench-"));
  try {
    const out = path.join(dir, "built.xlsx");
    let built = 0;
    const row = await timeOnce("build .xlsx file", 0, 3_000, async () => {
      built = (await buildAssessmentFile({ out })).rows;
      return `${kb(fs.statSync(out).size)} written`;
    });
    results.push({ ...row, rows: built });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // test/xlsx/readSnapshots: reading a 50,000-row .xlsx (the file is made first, untimed).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Big");
  ws.addRow(["ID", "Status", "Evidence"]);
  for (let i = 0; i < 50_000; i++)
    ws.addRow([`A.5.${(i % 37) + 1}`, i % 2 ? "Yes" : "No", `evidence ${i}`]);
  const big = Buffer.from(await wb.xlsx.writeBuffer());
  results.push(
    await timeOnce("read .xlsx file", 50_000, 30_000, async () => {
      const [sheet] = await readSnapshots(big);
      return `${sheet.values.length} rows read from ${kb(big.length)}`;
    })
  );
  return results;
}

/** The real public templates beside the repository, read in place (never copied). */
const SHARED_TEMPLATES = path.resolve(ROOT, "..", "shared", "templates");
/** What test/core/adopt.templates used to assert when expectations.json gives no maxSeconds. */
const DEFAULT_TEMPLATE_SECONDS = 10;

/** Import (read + adopt) of each real template, once, against expectations.json's maxSeconds. */
async function realTemplates(): Promise<Measured[]> {
  const listing = path.join(SHARED_TEMPLATES, "expectations.json");
  if (!fs.existsSync(listing)) {
    process.stderr.write(
      `real templates: ${SHARED_TEMPLATES} is absent (a clone without the shared folder beside it); not measured.\n`
    );
    return [];
  }
  const expectations = JSON.parse(fs.readFileSync(listing, "utf8")) as Record<
    string,
    { maxSeconds?: number }
  >;
  const results: Measured[] = [];
  for (const [file, e] of Object.entries(expectations)) {
    const full = path.join(SHARED_TEMPLATES, file);
    let rows = 0;
    const result = await timeOnce(
      `import ${file}`,
      0,
      (e.maxSeconds ?? DEFAULT_TEMPLATE_SECONDS) * 1000,
      async () => {
        const snapshots = file.toLowerCase().endsWith(".csv")
          ? [csvToSnapshot(decodeCsvBytes(fs.readFileSync(full)), { name: file })]
          : await readSnapshots(full);
        const { counts } = adopt(snapshots).report;
        rows = counts.rows;
        return `${counts.matched} matched, ${counts.unmatched} unmatched`;
      }
    );
    results.push({ ...result, rows });
  }
  return results;
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const rowsArg = argv.indexOf("--rows");
  const counts =
    rowsArg >= 0
      ? String(argv[rowsArg + 1] ?? "")
          .split(",")
          .map(Number)
          .filter((n) => Number.isInteger(n) && n > 0)
      : DEFAULT_ROWS;
  if (counts.length === 0) {
    process.stderr.write(
      "--rows needs a comma-separated list of positive whole numbers, e.g. --rows 100,1000\n"
    );
    return 2;
  }

  const results: Measured[] = [];
  const unchangedOnly = argv.includes("--unchanged-only");
  for (const rows of counts) results.push(...(await benchRows(rows, unchangedOnly)));
  if (unchangedOnly) {
    process.stdout.write(`Recording Excel fake, Node ${process.version}\n\n${table(results)}\n`);
    return results.some((r) => r.failed || r.maxSyncPayloadBytes > PAYLOAD_LIMIT) ? 1 : 0;
  }
  const largest = Math.max(...counts);
  const validateSnapshots = await builtSnapshots(largest);
  const today = new Date();
  results.push({
    task: "validate (core)",
    rows: largest,
    syncs: 0,
    payloadBytes: 0,
    maxSyncPayloadBytes: 0,
    ms: timeCore(() => validateWorkbook(validateSnapshots, { today })),
    note: "rules only, no Excel",
  });
  const template = await templateSnapshot(largest);
  results.push({
    task: "adopt (core)",
    rows: largest,
    syncs: 0,
    payloadBytes: 0,
    maxSyncPayloadBytes: 0,
    ms: timeCore(() => adopt(template), 3),
    note: "adopt() only, no Excel",
  });
  results.push(...(await formerTestBudgets()), ...(await realTemplates()));
  for (const timing of await compareMergeTimings())
    results.push({ ...timing, syncs: 0, payloadBytes: 0, maxSyncPayloadBytes: 0 });
  const fileTargetsWanted = argv.includes("--file-rows") || rowsArg < 0;
  if (fileTargetsWanted && !argv.includes("--no-file-targets")) {
    const fileRows = Number(argv[argv.indexOf("--file-rows") + 1]);
    const wanted = argv.includes("--file-rows") && fileRows > 0 ? fileRows : FILE_TARGET.rows;
    results.push(...(await fileTargets(wanted)));
  }

  const bundle = bundleSize(!argv.includes("--no-build"));
  const bundleText = bundle
    ? `task pane bundle: dist/taskpane.js ${kb(bundle.bytes)}, ${kb(bundle.gzip)} gzipped (office.js excluded; budget 200 KB)` +
      (bundle.stale ? " — older than src/, run npm run build for a current figure" : "")
    : "task pane bundle: not built (run npm run build)";
  const overLimit = results.filter((r) => r.maxSyncPayloadBytes > PAYLOAD_LIMIT);
  const failed = results.filter((r) => r.failed);
  const overBudget = results.filter(
    (r) =>
      (r.budgetMs !== undefined && r.ms > r.budgetMs) ||
      (r.budgetRssBytes !== undefined && !((r.peakRssBytes ?? NaN) <= r.budgetRssBytes))
  );
  const overBudgetText = `Over their time or memory budget: ${overBudget.map((r) => `${r.task} (${r.ms} ms, budget ${r.budgetMs} ms)`).join(", ")}\n`;

  if (json) {
    const out: BenchResult[] = results.map(({ task, rows, syncs, payloadBytes, ms }) => ({
      task,
      rows,
      syncs,
      payloadBytes,
      ms,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    process.stderr.write(`${bundleText}\n`);
    for (const r of failed) process.stderr.write(`${r.task} at ${r.rows} rows: ${r.note}\n`);
    if (overBudget.length) process.stderr.write(overBudgetText);
  } else {
    process.stdout.write(
      `Recording Excel fake, Node ${process.version}\n\n${table(results)}\n\n${bundleText}\n`
    );
    if (overLimit.length)
      process.stdout.write(
        `Requests over 5 MB: ${overLimit.map((r) => `${r.task} at ${r.rows}`).join(", ")}\n`
      );
    if (overBudget.length) process.stdout.write(overBudgetText);
  }
  return overLimit.length || failed.length || overBudget.length ? 1 : 0;
}
