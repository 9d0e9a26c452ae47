// The add-in on a workbook built before the "Evidence hint" and review columns existed (issues 17
// and 18), on the recording Excel fake: build again, plan and snapshot insert the missing columns
// into the existing tables where the plan puts them (no table converted or deleted), fill the
// hint from the catalog, give the review columns their lists and open cells, and keep every value
// and the person's own column.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { planRemediation } from "../../src/excel/planRemediation";
import { recordSnapshot } from "../../src/excel/recordSnapshot";
import { renderPlan } from "../../src/excel/renderPlan";
import { CONTROLS, CLAUSES } from "../../src/catalog";
import { ANNEX_A_COLUMNS, CLAUSE_COLUMNS, SHEETS, TABLES } from "../../src/core/contract";
import { locateTable, setRow, type SeedSheet } from "../support/workbookSeeds";
import { NEW_COLUMNS, OWN_COLUMN, oldLayoutPlan } from "../support/oldLayout";

type Ctx = Excel.RequestContext;
const DESTRUCTIVE =
  /^(Table\.convertToRange|Table\.delete|Range\.clear|Worksheet\.delete|NamedItem\.delete)$/;

async function oldWorkbook(): Promise<ExcelFake> {
  const fake = createExcelFake();
  fake.install();
  await fake.Excel.run((c: Ctx) => renderPlan(c, oldLayoutPlan(), { sheets: [], names: [] }));
  return fake;
}

const sheet = (fake: ExcelFake, name: string) =>
  fake.state.sheet(name) as SeedSheet & ReturnType<ExcelFake["state"]["sheet"]>;

const OPERATIONS: [string, (c: Ctx) => Promise<unknown>][] = [
  ["build again", (c) => buildAssessment(c, {})],
  ["create the remediation plan", (c) => planRemediation(c, { apply: true })],
  ["record a snapshot", (c) => recordSnapshot(c, { date: 46100, note: "After upgrade" })],
];

describe("an operation on a workbook without the new columns", () => {
  it("starts from the old layout", async () => {
    const fake = await oldWorkbook();
    const annex = fake.state.tables.find((t) => t.name === TABLES.annexA)!;
    for (const c of NEW_COLUMNS) expect(annex.headers).not.toContain(c);
    expect(annex.headers[annex.headers.length - 1]).toBe(OWN_COLUMN);
  });

  it.each(OPERATIONS)("%s inserts them and keeps every value", async (_, operation) => {
    const fake = await oldWorkbook();
    const before = sheet(fake, SHEETS.annexA);
    const old = locateTable(before).column;
    const widthBefore = (h: string) => before.columnWidth(old(h));
    const widths = { Owner: widthBefore("Owner"), Priority: widthBefore("Priority") };
    const at = fake.log.length;
    fake.stats.reset();
    await fake.Excel.run(operation);
    const ops = fake.log.slice(at);
    expect(ops.filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
    expect(fake.stats.syncs).toBeLessThanOrEqual(5);

    // The contract's columns in the contract's order, the person's own column after them.
    const table = (name: string) => fake.state.tables.find((t) => t.name === name)!;
    expect(table(TABLES.annexA).headers).toEqual([...ANNEX_A_COLUMNS, OWN_COLUMN]);
    expect(table(TABLES.clauses).headers).toEqual([...CLAUSE_COLUMNS, OWN_COLUMN]);

    const annex = sheet(fake, SHEETS.annexA);
    const { column } = locateTable(annex);
    const cell = (id: string, header: string) =>
      annex.cell(`${column(header)}${setRow(annex, id, {})}`);
    expect(cell("5.1", "Status").value).toBe("Compliant");
    expect(cell("5.1", "Evidence").value).toBe("ISMS policy v3");
    expect(cell("5.1", "Owner").value).toBe("CISO");
    expect(cell("5.1", "Notes").value).toBe("Signed 2024-02");
    expect(cell("5.1", OWN_COLUMN).value).toBe("Seen on site");
    expect(cell("X.1", OWN_COLUMN).value).toBe("Hand row");
    expect(cell("5.1", "Evidence hint").value).toBe(CONTROLS[0].evidence);
    expect(cell("8.34", "Evidence hint").value).toBe(CONTROLS[CONTROLS.length - 1].evidence);
    // Score formulas still read the right columns after the insert.
    expect(table(TABLES.annexA).columns.find((c) => c.name === "Gap score")?.formula).toMatch(
      /^=IF\(AnnexA\[\[#This Row\],\[Applicable\]\]="No"/
    );

    // The review columns are open for typing and carry their lists, where they now stand.
    for (const h of ["Reviewer", "Reviewer note", "Response", "Review"])
      expect(cell("5.2", h).format.locked).toBe(false);
    expect(cell("5.2", "Evidence hint").format.locked).not.toBe(false);
    const ruleOn = (header: string) =>
      annex.validations.find((v) => v.address.startsWith(`${column(header)}5:`));
    expect(ruleOn("Review")?.rule).toMatchObject({
      list: { source: "Open,Answered,Closed" },
    });
    expect(ruleOn("Reviewer")?.rule).toMatchObject({ list: { source: "=Team_Names" } });

    // Sheet columns do not move with an inserted table column: each column keeps its own width
    // and hidden state (Maturity stays hidden, Priority, which slid under it, is shown).
    const hidden = (h: string) =>
      (annex as unknown as { hiddenCols: Set<number> }).hiddenCols.has(
        column(h).charCodeAt(0) - 65
      );
    expect(["Maturity", "Priority", "Method", "Review"].map(hidden)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(annex.columnWidth(column("Owner"))).toBe(widths.Owner);
    expect(annex.columnWidth(column("Priority"))).toBe(widths.Priority);

    const clauses = sheet(fake, SHEETS.clauses);
    const cc = locateTable(clauses).column;
    const row41 = setRow(clauses, "4.1", {});
    expect(clauses.cell(`${cc("Evidence")}${row41}`).value).toBe("Context memo 2024");
    expect(clauses.cell(`${cc("Evidence hint")}${row41}`).value).toBe(CLAUSES[0].evidence);
  });

  it("a second build after the first changes nothing", async () => {
    const fake = await oldWorkbook();
    await fake.Excel.run((c: Ctx) => buildAssessment(c, {}));
    const at = fake.log.length;
    await fake.Excel.run((c: Ctx) => buildAssessment(c, {}));
    const WRITES =
      /^(Range\.(values|formulas|numberFormat)|\w+Collection\.add|TableColumn\.|DataValidation\.(rule|clear))$/;
    expect(fake.log.slice(at).filter((op) => WRITES.test(op))).toEqual([]);
  });
});
