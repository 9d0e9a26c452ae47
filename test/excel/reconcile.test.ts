// Reconcile, don't regenerate, on the recording Excel fake: after the first build every operation
// changes only what differs — no table converted to a range, no range cleared, no name deleted
// and added again — in a constant number of syncs, keeping what people added around our cells.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { applyAdoption, previewAdoption } from "../../src/excel/adoptSheet";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { planRemediation } from "../../src/excel/planRemediation";
import { readWorkbook } from "../../src/excel/readSnapshots";
import { recordSnapshot } from "../../src/excel/recordSnapshot";
import { renderPlan } from "../../src/excel/renderPlan";
import { composeWorkbook } from "../../src/core/layout/compose";
import { SHEETS, TABLES, OWNED_SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { HISTORY_HEADER_ROW } from "../../src/core/layout/historySheet";
import { REMEDIATION_HEADER_ROW } from "../../src/core/layout/remediationSheet";
import { columnLetter } from "../../src/core/snapshot";
import {
  locateTable,
  seedAnnexA,
  seedYesNoChecklist,
  setRow,
  type SeedSheet,
  type SeedState,
} from "../support/workbookSeeds";
import { ownedState } from "../support/ownedState";

type Ctx = Excel.RequestContext;

function fakeExcel(options: Parameters<typeof createExcelFake>[0] = {}): ExcelFake {
  const fake = createExcelFake(options);
  fake.install();
  return fake;
}
const run = <T>(fake: ExcelFake, f: (c: Ctx) => Promise<T>): Promise<T> => fake.Excel.run(f);

/** Operations a reconcile must never send, and the delete of a name. */
const DESTRUCTIVE =
  /^(Table\.convertToRange|Table\.delete|Range\.clear|Worksheet\.delete|NamedItem\.delete)$/;
/** Operations that change the workbook. */
const WRITES =
  /^(Range\.(values|formulas|numberFormat|hyperlink|merge|columnHidden)|\w+Collection\.add|Table\.(name|style|resize)|TableColumn\.|NamedItem\.formula|DataValidation\.(rule|clear|errorAlert|prompt)|ConditionalFormat\.delete|Chart\.(setData|setPosition)|Range(Font|Fill)\.|RangeFormat\.|WorksheetProtection\.(protect|unprotect)|Worksheet\.(position|tabColor))$/;

/** Runs one operation and returns the operations it applied. */
async function logged(fake: ExcelFake, f: (c: Ctx) => Promise<unknown>): Promise<string[]> {
  const at = fake.log.length;
  fake.stats.reset();
  await run(fake, f);
  return fake.log.slice(at);
}

const sheet = (
  fake: ExcelFake,
  name: string
): SeedSheet & ReturnType<ExcelFake["state"]["sheet"]> =>
  fake.state.sheet(name) as SeedSheet & ReturnType<ExcelFake["state"]["sheet"]>;

/** Cell address of `header` on the row of `id` in an assessment-style table. */
function cellOf(fake: ExcelFake, sheetName: string, id: string, header: string): string {
  const s = sheet(fake, sheetName);
  const { column } = locateTable(s);
  const row = setRow(s, id, {});
  return `${column(header)}${row}`;
}

/** A built workbook with some answers typed in, a fill and a hyperlink, as a person leaves it. */
async function builtAndEdited(): Promise<ExcelFake> {
  const fake = fakeExcel();
  await run(fake, (c) => buildAssessment(c, { org: "Acme" }));
  const annex = sheet(fake, SHEETS.annexA);
  setRow(annex, "5.1", { Status: "Non-Compliant", Likelihood: 4, Impact: 5, Owner: "CISO" });
  setRow(annex, "5.2", { Status: "Partially Compliant", Likelihood: 2, Impact: 3 });
  setRow(annex, "8.1", { Status: "Compliant", Evidence: "MDM report" });
  setRow(sheet(fake, SHEETS.clauses), "4.1", { Status: "Partially Compliant" });
  annex.setCell(cellOf(fake, SHEETS.annexA, "5.1", "Notes"), "Ask the board", { fill: "#FFFF00" });
  annex.setHyperlink(cellOf(fake, SHEETS.annexA, "8.1", "Evidence"), {
    address: "https://intranet.example/mdm",
  });
  return fake;
}

type Operation = (fake: ExcelFake) => Promise<(c: Ctx) => Promise<unknown>>;
const OPERATIONS: [string, Operation][] = [
  ["build again", async () => (c) => buildAssessment(c, {})],
  ["create the remediation plan", async () => (c) => planRemediation(c, { apply: true })],
  ["record a snapshot", async () => (c) => recordSnapshot(c, { date: 46100, note: "Stage 1" })],
  [
    "adopt a template",
    async (fake) => {
      seedYesNoChecklist(fake.state as unknown as SeedState, "Old checklist");
      const preview = await run(fake, (c) => previewAdoption(c, "Old checklist"));
      return (c) => applyAdoption(c, preview, false);
    },
  ],
];

describe("after the first build, each operation changes only what differs", () => {
  it.each(OPERATIONS)(
    "%s: no table converted or deleted, no range cleared, no name deleted or added twice",
    async (_, operation) => {
      const fake = await builtAndEdited();
      const names = Object.keys(fake.state.names).length;
      const fill = cellOf(fake, SHEETS.annexA, "5.1", "Notes");
      const link = cellOf(fake, SHEETS.annexA, "8.1", "Evidence");
      const ops = await logged(fake, await operation(fake));
      expect(ops.filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
      // Names that were right are neither deleted nor added again.
      expect(ops.filter((op) => op === "NamedItemCollection.add")).toEqual([]);
      expect(Object.keys(fake.state.names)).toHaveLength(names);
      expect(fake.stats.syncs).toBeLessThanOrEqual(4);
      // What the person added is still there.
      const annex = sheet(fake, SHEETS.annexA);
      expect(annex.cell(fill)).toMatchObject({
        value: "Ask the board",
        format: { fill: "#FFFF00" },
      });
      expect(annex.cell(link).hyperlink).toMatchObject({ address: "https://intranet.example/mdm" });
      expect(fake.state.tables.map((t) => t.name).sort()).toEqual(
        [
          TABLES.clauses,
          TABLES.annexA,
          TABLES.soa,
          TABLES.risks,
          TABLES.documents,
          TABLES.history,
          TABLES.team,
          TABLES.statusWords,
          ...(ops.includes("WorksheetCollection.add") ? [TABLES.remediation] : []),
        ].sort()
      );
    }
  );

  it("an operation on an unchanged workbook writes nothing and sends well under 100 KB", async () => {
    const fake = await builtAndEdited();
    await run(fake, (c) => planRemediation(c, { apply: true }));
    await run(fake, (c) => recordSnapshot(c, { date: 46100 }));
    for (const operation of [
      (c: Ctx) => buildAssessment(c, {}),
      (c: Ctx) => planRemediation(c, { apply: true }),
    ]) {
      const ops = await logged(fake, operation);
      expect(ops.filter((op) => WRITES.test(op))).toEqual([]);
      expect(fake.stats.syncs).toBe(2);
      expect(fake.stats.payloadBytes).toBeLessThan(100 * 1024);
    }
  });

  it("appends a snapshot as one table row and leaves the earlier ones alone", async () => {
    const fake = await builtAndEdited();
    await run(fake, (c) => recordSnapshot(c, { date: 46100, note: "first" }));
    const history = sheet(fake, SHEETS.history);
    history.setCell(`K${HISTORY_HEADER_ROW + 1}`, "first (board pack)", { fill: "#DDEBF7" });
    const ops = await logged(fake, (c) => recordSnapshot(c, { date: 46130 }));
    expect(ops.filter((op) => op === "TableRowCollection.add")).toHaveLength(1);
    expect(ops.filter((op) => /^Range\.(values|formulas)$/.test(op))).toEqual([]);
    expect(fake.stats.payloadBytes).toBeLessThan(100 * 1024);
    expect(fake.state.tables.find((t) => t.name === TABLES.history)?.rowCount).toBe(2);
    expect(history.cell(`K${HISTORY_HEADER_ROW + 1}`)).toMatchObject({
      value: "first (board pack)",
      format: { fill: "#DDEBF7" },
    });
    expect(history.cell(`A${HISTORY_HEADER_ROW + 2}`).value).toBe(46130);
  });

  it("merges plan rows in place: edits, fills and links stay on their row, new gaps are added through the table", async () => {
    const fake = await builtAndEdited();
    await run(fake, (c) => planRemediation(c, { apply: true }));
    const plan = sheet(fake, SHEETS.remediation);
    const header = plan
      .getValues(`A${REMEDIATION_HEADER_ROW}:R${REMEDIATION_HEADER_ROW}`)[0]
      .map(String);
    const col = (h: string): string => columnLetter(header.indexOf(h));
    const rowOf = (id: string): number =>
      REMEDIATION_HEADER_ROW +
      1 +
      plan
        .getValues(`A${REMEDIATION_HEADER_ROW + 1}:A${REMEDIATION_HEADER_ROW + 40}`)
        .findIndex((r) => String(r[0]) === id);
    const row = rowOf("5.2");
    plan.setCell(`${col("Action")}${row}`, "Write the RACI", { fill: "#E2EFDA" });
    plan.setHyperlink(`${col("Resources")}${row}`, { address: "https://wiki.example/raci" });
    const rows = fake.state.tables.find((t) => t.name === TABLES.remediation)!.rowCount;

    const annex = sheet(fake, SHEETS.annexA);
    setRow(annex, "5.1", { Status: "Compliant", Evidence: "Board minutes" });
    setRow(annex, "8.2", { Status: "Non-Compliant", Likelihood: 5, Impact: 5 });
    const ops = await logged(fake, (c) => planRemediation(c, { apply: true }));
    expect(ops.filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
    expect(ops.filter((op) => op === "TableRowCollection.add")).toHaveLength(1);
    expect(fake.state.tables.find((t) => t.name === TABLES.remediation)!.rowCount).toBe(rows + 1);
    expect(rowOf("5.2")).toBe(row);
    expect(plan.cell(`${col("Action")}${row}`)).toMatchObject({
      value: "Write the RACI",
      format: { fill: "#E2EFDA" },
    });
    expect(plan.cell(`${col("Resources")}${row}`).hyperlink).toMatchObject({
      address: "https://wiki.example/raci",
    });
    expect(plan.cell(`${col("Progress")}${rowOf("5.1")}`).value).toBe("Resolved");
    expect(plan.cell(`${col("Priority")}${rowOf("8.2")}`).formula).toMatch(/^=IFERROR\(/);
  });

  it("matches rows by ID: a table sorted by hand is not rewritten", async () => {
    const fake = await builtAndEdited();
    const annex = sheet(fake, SHEETS.annexA);
    const first = TABLE_HEADER_ROW + 1;
    // Swap the first two rows' inputs, as a sort by hand would move them.
    const inputs = annex.getValues(`A${first}:K${first + 1}`) as (string | number | null)[][];
    annex.setValues(`A${first}`, [inputs[1], inputs[0]]);
    const ops = await logged(fake, (c) => buildAssessment(c, {}));
    expect(ops.filter((op) => WRITES.test(op))).toEqual([]);
  });

  it("restores a damaged score column, a removed validation and a deleted conditional format", async () => {
    const fake = await builtAndEdited();
    const annex = sheet(fake, SHEETS.annexA);
    const gap = cellOf(fake, SHEETS.annexA, "5.1", "Gap score");
    const status = cellOf(fake, SHEETS.annexA, "5.1", "Status");
    const column = gap.replace(/\d+$/, "");
    const before = {
      validations: annex.validations.map((v) => `${v.address} ${JSON.stringify(v.rule)}`).sort(),
      formats: annex.conditionalFormats.map((cf) => `${cf.address} ${cf.formula}`).sort(),
    };
    await run(fake, async (c) => {
      const ws = c.workbook.worksheets.getItem(SHEETS.annexA);
      ws.protection.unprotect();
      ws.getRange(`${column}${TABLE_HEADER_ROW + 1}:${column}${TABLE_HEADER_ROW + 93}`).formulas =
        "=1" as unknown as string[][];
      ws.getRange(status).dataValidation.clear();
      ws.getRange(status).conditionalFormats.getItemAt(0).delete();
      await c.sync();
    });
    expect(annex.cell(gap).formula).toBe("=1");
    const ops = await logged(fake, (c) => buildAssessment(c, {}));
    expect(ops.filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
    expect(annex.cell(gap).formula).toMatch(/^=IF\(AnnexA\[\[#This Row\],\[Applicable\]\]="No"/);
    const table = fake.state.tables.find((t) => t.name === TABLES.annexA)!;
    expect(table.columns.find((c) => c.name === "Gap score")?.formula).toMatch(/^=IF\(/);
    expect(annex.validations.map((v) => `${v.address} ${JSON.stringify(v.rule)}`).sort()).toEqual(
      before.validations
    );
    expect(annex.conditionalFormats.map((cf) => `${cf.address} ${cf.formula}`).sort()).toEqual(
      before.formats
    );
  });

  it("makes a table someone converted to a range a table again, and a deleted column comes back", async () => {
    const fake = await builtAndEdited();
    await run(fake, async (c) => {
      c.workbook.worksheets.getItem(SHEETS.clauses).protection.unprotect();
      c.workbook.worksheets.getItem(SHEETS.annexA).protection.unprotect();
      c.workbook.tables.getItem(TABLES.clauses).convertToRange();
      c.workbook.tables.getItem(TABLES.annexA).columns.getItem("Method").delete();
      await c.sync();
    });
    expect(fake.state.tables.map((t) => t.name)).not.toContain(TABLES.clauses);
    const ops = await logged(fake, (c) => buildAssessment(c, {}));
    expect(ops.filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
    const clauses = fake.state.tables.find((t) => t.name === TABLES.clauses)!;
    expect(clauses.rowCount).toBe(30);
    expect(clauses.columns.find((c) => c.name === "Gap score")?.formula).toMatch(/^=IF\(/);
    const annex = fake.state.tables.find((t) => t.name === TABLES.annexA)!;
    expect(annex.headers).toContain("Method");
    expect(
      sheet(fake, SHEETS.clauses).cell(cellOf(fake, SHEETS.clauses, "4.1", "Status")).value
    ).toBe("Partially Compliant");
    // Summary formulas Excel rewrote to A1 references name the table again.
    const summary = sheet(fake, SHEETS.summary);
    expect(summary.cell("D7").formula).toBe("=ROWS(Clauses[ID])");
  });

  it("leaves the workbook as a fresh render of the same plan would draw what we own", async () => {
    const fake = await builtAndEdited();
    await run(fake, (c) => planRemediation(c, { apply: true }));
    await run(fake, (c) => recordSnapshot(c, { date: 46100 }));
    const annex = sheet(fake, SHEETS.annexA);
    setRow(annex, "5.1", { Status: "Compliant" });
    setRow(annex, "8.3", { Status: "Non-Compliant", Likelihood: 5, Impact: 4 });
    await run(fake, (c) => planRemediation(c, { apply: true }));
    await run(fake, (c) => recordSnapshot(c, { date: 46130 }));
    const plan = await run(fake, async (c) => {
      const read = await readWorkbook(c, OWNED_SHEETS, { lean: true });
      return composeWorkbook(read.snapshots, {}).plan;
    });
    const fresh = fakeExcel();
    await run(fresh, (c) => renderPlan(c, plan, { sheets: [], names: [] }));
    fake.install();
    const reconciled = ownedState(fake, plan);
    const rendered = ownedState(fresh, plan);
    // The person's fill and link are theirs, not ours: compare without those two cells.
    delete reconciled.sheets[SHEETS.annexA].formats[cellOf(fake, SHEETS.annexA, "5.1", "Notes")];
    delete reconciled.sheets[SHEETS.annexA].formats[cellOf(fake, SHEETS.annexA, "8.1", "Evidence")];
    expect(reconciled).toEqual(rendered);
  });
});

describe("order and size Excel accepts", () => {
  it("builds a workbook that already holds a name in other case (names are case-insensitive)", async () => {
    const fake = fakeExcel();
    fake.state.sheet("Sheet1").setValues("A1", [["a"], ["b"]]);
    fake.state.addName("status_list", "=Sheet1!$A$1:$A$2");
    await run(fake, (c) => buildAssessment(c, {}));
    expect(fake.state.names).toMatchObject({ status_list: "='Settings'!$A$15:$A$19" });
    expect(fake.state.names).not.toHaveProperty("Status_List");
    const status = sheet(fake, SHEETS.annexA).validations.find((v) =>
      JSON.stringify(v.rule).includes("Status_List")
    );
    expect(status).toBeDefined();
  });

  it("sizes requests in UTF-8 bytes: 6,000 rows of Japanese notes go out in requests under 5 MB", async () => {
    const fake = fakeExcel();
    seedAnnexA(fake.state as unknown as SeedState, 6000);
    const annex = sheet(fake, SHEETS.annexA);
    const { column } = locateTable(annex);
    const note = "監査証跡は四半期ごとに確認し、所有者が承認した記録を保管すること。".repeat(8);
    annex.setValues(
      `${column("Notes")}2`,
      Array.from({ length: 6000 }, (_, i) => [`${i + 1}: ${note}`])
    );
    await run(fake, (c) => buildAssessment(c, {}));
    expect(fake.stats.maxSyncPayloadBytes).toBeLessThan(5 * 1024 * 1024);
    expect(fake.stats.payloadBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.state.tables.find((t) => t.name === TABLES.annexA)?.rowCount).toBe(6000);
    expect(annex.cell(cellOf(fake, SHEETS.annexA, "X-6000", "Notes")).value).toBe(`6000: ${note}`);
  });

  it("writes with calculation suspended and asks for one recalculation afterwards", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    expect(fake.state.calculateCalls).toEqual(["Recalculate"]);
    // Every request that wrote ran suspended; the last one is the recalculation.
    const history = fake.state.calculationSuspendedHistory;
    expect(history.slice(-2)).toEqual([true, false]);
    setRow(sheet(fake, SHEETS.annexA), "5.1", { Status: "Non-Compliant" });
    await run(fake, (c) => planRemediation(c, { apply: true }));
    expect(fake.state.calculateCalls).toEqual(["Recalculate", "Recalculate"]);
  });

  it("makes score columns calculated columns: a row added by hand gets Gap score, Risk score, Risk level and Priority", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    const annexTable = fake.state.tables.find((t) => t.name === TABLES.annexA)!;
    const calculated = annexTable.columns.filter((c) => c.formula).map((c) => c.name);
    expect(calculated).toEqual(["Gap score", "Risk score", "Risk level", "Priority"]);
    for (const t of fake.state.tables)
      expect([t.name, t.columns.filter((c) => c.formula).length > 0]).toEqual([
        t.name,
        t.name !== TABLES.history && t.name !== TABLES.team && t.name !== TABLES.statusWords,
      ]);
    await run(fake, async (c) => {
      c.workbook.worksheets.getItem(SHEETS.annexA).protection.unprotect();
      const width = annexTable.headers.length;
      const row = new Array<string | number>(width).fill("");
      row[annexTable.headers.indexOf("ID")] = "X.1";
      row[annexTable.headers.indexOf("Status")] = "Non-Compliant";
      row[annexTable.headers.indexOf("Likelihood")] = 3;
      row[annexTable.headers.indexOf("Impact")] = 4;
      c.workbook.tables.getItem(TABLES.annexA).rows.add(undefined, [row]);
      await c.sync();
    });
    const annex = sheet(fake, SHEETS.annexA);
    for (const header of calculated)
      expect([header, annex.cell(cellOf(fake, SHEETS.annexA, "X.1", header)).formula]).toEqual([
        header,
        expect.stringMatching(/^=/),
      ]);
    // The next build keeps the row and its formulas, and adds it to the SoA through the table.
    const ops = await logged(fake, (c) => buildAssessment(c, {}));
    expect(ops.filter((op) => DESTRUCTIVE.test(op))).toEqual([]);
    expect(annex.cell(cellOf(fake, SHEETS.annexA, "X.1", "Status")).value).toBe("Non-Compliant");
    expect(fake.state.tables.find((t) => t.name === TABLES.soa)?.rowCount).toBe(94);
  });
});
