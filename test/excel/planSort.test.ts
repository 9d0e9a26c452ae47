// A re-plan merges plan rows in place, appends new ones through the table and puts them in order
// with the table's own sort (issue 15): what a person put on a plan row — a fill, a link, a note —
// moves with that row, and the number of syncs does not grow with the rows added.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { planRemediation } from "../../src/excel/planRemediation";
import { SHEETS } from "../../src/core/contract";
import { REMEDIATION_HEADER_ROW } from "../../src/core/layout/remediationSheet";
import { CLAUSES } from "../../src/catalog/clauses";
import { locateTable, setRow, type SeedSheet } from "../support/workbookSeeds";

type Ctx = Excel.RequestContext;
type Sheet = SeedSheet & ReturnType<ExcelFake["state"]["sheet"]>;

const run = <T>(fake: ExcelFake, f: (c: Ctx) => Promise<T>): Promise<T> => fake.Excel.run(f);
const sheet = (fake: ExcelFake, name: string): Sheet => fake.state.sheet(name) as Sheet;

async function planned(): Promise<ExcelFake> {
  const fake = createExcelFake();
  fake.install();
  await run(fake, (c) => buildAssessment(c, { org: "Acme" }));
  const annex = sheet(fake, SHEETS.annexA);
  setRow(annex, "5.1", { Status: "Non-Compliant", Likelihood: 4, Impact: 5 });
  setRow(annex, "5.2", { Status: "Partially Compliant", Likelihood: 2, Impact: 3 });
  await run(fake, (c) => planRemediation(c, { apply: true }));
  return fake;
}

/** The plan's body as [Source, ID] pairs, top to bottom. */
function planRows(fake: ExcelFake): string[][] {
  const plan = sheet(fake, SHEETS.remediation);
  const { column } = locateTable(plan);
  const rows: string[][] = [];
  for (let r = REMEDIATION_HEADER_ROW + 1; ; r++) {
    const id = plan.cell(`${column("ID")}${r}`).value;
    if (id === "" || id === null) break;
    rows.push([String(plan.cell(`${column("Source")}${r}`).value), String(id)]);
  }
  return rows;
}

describe("re-planning orders rows with the table's sort", () => {
  it("keeps a person's fill, link and note on their row when new gaps sort above it", async () => {
    const fake = await planned();
    expect(planRows(fake)).toEqual([
      [SHEETS.annexA, "5.1"],
      [SHEETS.annexA, "5.2"],
    ]);
    const plan = sheet(fake, SHEETS.remediation);
    const { column } = locateTable(plan);
    const notes = (id: string): string => `${column("Notes")}${setRow(plan, id, {})}`;
    plan.setCell(notes("5.2"), "Waiting for HR", { fill: "#FFFF00", bold: true });
    plan.setHyperlink(notes("5.2"), { address: "https://intranet.example/hr-ticket" });

    setRow(sheet(fake, SHEETS.clauses), "4.1", { Status: "Non-Compliant" });
    setRow(sheet(fake, SHEETS.clauses), "6.2", { Status: "Partially Compliant" });
    const at = fake.log.length;
    await run(fake, (c) => planRemediation(c, { apply: true }));
    const ops = fake.log.slice(at);

    // Clause gaps first: appended, then moved up by the sort, not by rewriting rows.
    expect(ops).toContain("TableSort.apply");
    expect(ops.filter((op) => /^(Range\.clear|Table\.delete|TableRow\.delete)/.test(op))).toEqual(
      []
    );
    expect(planRows(fake)).toEqual([
      [SHEETS.clauses, "4.1"],
      [SHEETS.clauses, "6.2"],
      [SHEETS.annexA, "5.1"],
      [SHEETS.annexA, "5.2"],
    ]);
    expect(plan.cell(notes("5.2"))).toMatchObject({
      value: "Waiting for HR",
      hyperlink: { address: "https://intranet.example/hr-ticket" },
      format: { fill: "#FFFF00", bold: true },
    });
    for (const id of ["4.1", "6.2", "5.1"])
      expect(plan.cell(notes(id))).toMatchObject({ value: "", hyperlink: null });
  });

  it("sorts in the last request: as many syncs for one new row as for many", async () => {
    const syncsFor = async (ids: string[]): Promise<number> => {
      const fake = await planned();
      for (const id of ids) setRow(sheet(fake, SHEETS.clauses), id, { Status: "Non-Compliant" });
      fake.stats.reset();
      await run(fake, (c) => planRemediation(c, { apply: true }));
      expect(
        planRows(fake)
          .slice(0, ids.length)
          .map((r) => r[0])
      ).toEqual(ids.map(() => SHEETS.clauses));
      return fake.stats.syncs;
    };
    const clauseIds = CLAUSES.map((c) => c.id);
    expect(clauseIds.length).toBeGreaterThan(20);
    expect(await syncsFor(clauseIds.slice(0, 1))).toBe(await syncsFor(clauseIds.slice(0, 20)));
  });

  it("does not sort when no row is added", async () => {
    const fake = await planned();
    const at = fake.log.length;
    await run(fake, (c) => planRemediation(c, { apply: true }));
    expect(fake.log.slice(at)).not.toContain("TableSort.apply");
  });
});
