// The eight real public templates in ../shared/templates import as expectations.json says.
// They are read in place (never copied into this repository); the suite skips when they are absent.
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { adopt, type AdoptResult } from "../../src/core/adopt";
import { csvToSnapshot, decodeCsvBytes } from "../../src/core/csv";
import type { Status } from "../../src/core/scale";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { main } from "../../src/cli/main";
import { importCommand } from "../../src/cli/commands/import";
import { readSnapshots } from "../../src/xlsx/readSnapshots";

const DIR = path.resolve(__dirname, "../../../shared/templates");
const present = existsSync(path.join(DIR, "expectations.json"));

interface Expectation {
  statuses?: Record<string, Status>;
  notStatus?: Record<string, Status>;
  rowContains?: Record<string, string>;
  untouchedClauses?: string[];
  noStatusColumnMayFail?: boolean;
  maxSeconds?: number;
}

const KNOWN_KEYS = new Set([
  "statuses",
  "notStatus",
  "rowContains",
  "untouchedClauses",
  "noStatusColumnMayFail",
  "maxSeconds",
]);
const DEFAULT_MAX_SECONDS = 10;

if (!present) {
  console.warn(
    `Skipping the real-template import tests: ${DIR} is absent (a clone without the shared folder beside it).`
  );
}
const describeIf = present ? describe : describe.skip;
const expectations: Record<string, Expectation> = present
  ? JSON.parse(readFileSync(path.join(DIR, "expectations.json"), "utf8"))
  : {};

async function read(file: string): Promise<SheetSnapshot[]> {
  const full = path.join(DIR, file);
  if (file.toLowerCase().endsWith(".csv"))
    return [csvToSnapshot(decodeCsvBytes(readFileSync(full)), { name: file })];
  return readSnapshots(full);
}

function statusOf(result: AdoptResult, id: string): Status {
  return (result.inputs.annexA.get(id)?.Status as Status | undefined) ?? "Not Assessed";
}

describeIf("real templates (../shared/templates)", () => {
  it("has only expectation keys this suite checks", () => {
    for (const [file, e] of Object.entries(expectations)) {
      expect([file, Object.keys(e).filter((k) => !KNOWN_KEYS.has(k))]).toEqual([file, []]);
    }
  });

  describe.each(Object.keys(expectations))("%s", (file) => {
    const e = expectations[file];
    let result: AdoptResult;
    let seconds = 0;

    beforeAll(async () => {
      const started = Date.now();
      result = adopt(await read(file));
      seconds = (Date.now() - started) / 1000;
    });

    it(`imports within ${e.maxSeconds ?? DEFAULT_MAX_SECONDS} s`, () => {
      expect(seconds).toBeLessThan(e.maxSeconds ?? DEFAULT_MAX_SECONDS);
    });

    it("gives the expected statuses", () => {
      for (const [id, status] of Object.entries(e.statuses ?? {}))
        expect([id, statusOf(result, id)]).toEqual([id, status]);
    });

    it("avoids the statuses that would be wrong", () => {
      for (const [id, status] of Object.entries(e.notStatus ?? {}))
        expect([id, statusOf(result, id)]).not.toEqual([id, status]);
    });

    it("carries the texts into the right rows", () => {
      for (const [id, text] of Object.entries(e.rowContains ?? {})) {
        const row = result.inputs.annexA.get(id) ?? {};
        expect([id, Object.values(row).some((v) => String(v).includes(text))]).toEqual([id, true]);
      }
    });

    it("leaves clauses alone where bare 2013 ids are Annex A controls", () => {
      for (const id of e.untouchedClauses ?? []) {
        expect([id, result.inputs.clauses.get(id)]).toEqual([id, undefined]);
        expect(
          result.report.rows.some((r) => r.target === "Clauses 4-10" && r.targetId === id)
        ).toBe(false);
      }
    });

    it("says what it decided and accounts for every row", () => {
      const { report } = result;
      expect(report.decisions.length).toBeGreaterThan(0);
      const seen = new Set([
        ...report.rows.map((r) => r.sourceRow),
        ...report.unmatched.map((u) => u.row),
      ]);
      expect(seen.size).toBe(report.counts.rows);
    });

    if (e.noStatusColumnMayFail) {
      it("stops the CLI with exit 2 and a clear message when there is nothing to import", async () => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await main(
          ["import", path.join(DIR, file), "--dry-run"],
          { out: (t) => out.push(t), err: (t) => err.push(t) },
          [importCommand]
        );
        expect(code).toBe(2);
        expect(err.join("\n")).toMatch(/nothing to import/);
      });
    } else {
      it("has answers and no problems", () => {
        expect(result.report.hasAnswers).toBe(true);
        expect(result.report.problems).toEqual([]);
        expect(result.report.counts.unmatched).toBe(0);
      });
    }
  });
});
