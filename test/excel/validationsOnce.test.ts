// In the add-in, each cell we own carries exactly one data validation, ours, after build → build
// again → plan → snapshot → a re-assessment → plan again → snapshot (issue 16), on the recording
// Excel fake: a rule found missing or stale is set over the cells it covers (never added beside
// another), and a table that grew carries the rule on its new rows.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { planRemediation } from "../../src/excel/planRemediation";
import { readWorkbook } from "../../src/excel/readSnapshots";
import { recordSnapshot } from "../../src/excel/recordSnapshot";
import { composeWorkbook } from "../../src/core/layout/compose";
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { OWNED_SHEETS, SHEETS } from "../../src/core/contract";
import { setRow, type SeedSheet } from "../support/workbookSeeds";
import { cellsOf } from "../support/validationCoverage";

type Ctx = Excel.RequestContext;
const run = <T>(fake: ExcelFake, f: (c: Ctx) => Promise<T>): Promise<T> => fake.Excel.run(f);

const seed = (fake: ExcelFake, name: string): SeedSheet =>
  fake.state.sheet(name) as unknown as SeedSheet;

async function currentPlan(fake: ExcelFake): Promise<WorkbookPlan> {
  return run(fake, async (c) => {
    const read = await readWorkbook(c, OWNED_SHEETS, { lean: true });
    return composeWorkbook(read.snapshots, {}).plan;
  });
}

/** Cells of the plan's validations not covered by exactly one validation of the right kind. */
async function ownedNotOnce(fake: ExcelFake): Promise<string[]> {
  const plan = await currentPlan(fake);
  const kinds: Record<string, string> = {
    list: "List",
    whole: "WholeNumber",
    decimal: "Decimal",
    date: "Date",
    any: "None",
  };
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    const validations = fake.state.sheet(sheet.name).validations;
    const covering = new Map<string, string[]>();
    for (const v of validations)
      for (const cell of cellsOf(v.address))
        covering.set(cell, [...(covering.get(cell) ?? []), v.type]);
    for (const v of sheet.validations)
      for (const cell of cellsOf(v.range)) {
        const found = covering.get(cell) ?? [];
        if (found.length !== 1 || found[0] !== kinds[v.rule.kind])
          out.push(`${sheet.name}!${cell} ${v.rule.kind}: ${found.join(",") || "none"}`);
      }
  }
  return out;
}

describe("data validations in the add-in after every operation", () => {
  const fake = createExcelFake();
  beforeAll(() => fake.install());

  const steps: [string, () => Promise<unknown>][] = [
    ["build", () => run(fake, (c) => buildAssessment(c, { org: "Acme" }))],
    [
      "build again, with answers typed",
      async () => {
        const annex = seed(fake, SHEETS.annexA);
        setRow(annex, "5.1", { Status: "Non-Compliant", Likelihood: 4, Impact: 5 });
        setRow(annex, "5.2", { Status: "Partially Compliant", Likelihood: 2, Impact: 3 });
        setRow(seed(fake, SHEETS.clauses), "4.1", { Status: "Non-Compliant" });
        return run(fake, (c) => buildAssessment(c, {}));
      },
    ],
    ["plan", () => run(fake, (c) => planRemediation(c, { apply: true }))],
    ["snapshot", () => run(fake, (c) => recordSnapshot(c, { date: 46100, note: "Q1" }))],
    [
      "plan again after a re-assessment",
      async () => {
        const annex = seed(fake, SHEETS.annexA);
        for (const id of ["6.3", "7.4", "8.8"])
          setRow(annex, id, { Status: "Non-Compliant", Likelihood: 3, Impact: 3 });
        return run(fake, (c) => planRemediation(c, { apply: true }));
      },
    ],
    ["snapshot again", () => run(fake, (c) => recordSnapshot(c, { date: 46130 }))],
  ];

  it.each(steps)(
    "%s: every cell the plan validates has exactly one validation, ours",
    async (_, step) => {
      await step();
      expect(await ownedNotOnce(fake)).toEqual([]);
    }
  );

  it("the Remediation Plan's rules cover the rows it grew by", async () => {
    const plan = await currentPlan(fake);
    const remediation = plan.sheets.find((s) => s.name === SHEETS.remediation);
    expect(remediation?.tables[0]?.rows).toBe(6);
    expect(remediation?.validations.length).toBeGreaterThan(0);
  });
});
