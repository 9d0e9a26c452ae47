// The task pane's overview on the recording fake: one sync, figures from the cells (the fake does
// not calculate, so formula results cannot be what it reads), plan actions open and overdue,
// certification readiness counted like the Summary's formulas.
import { SOA_APPROVAL_ROW } from "../../src/core/layout/soaSheet";
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { readOverview } from "../../src/excel/readOverview";
import { overviewOf } from "../../src/core/overview";
import { openActionCounts, readRemediationRows } from "../../src/core/read/remediation";
import { readWorkbook } from "../../src/excel/readSnapshots";
import { readinessBlockers } from "../../src/core/readiness";
import { SHEETS, OWNED_SHEETS } from "../../src/core/contract";
import { locateTable, setRow, type SeedSheet } from "../support/workbookSeeds";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { dateSerial } from "../../src/core/dates";

const TODAY = new Date(2025, 5, 15); // 15 June 2025, serial 45823

function fakeExcel(): ExcelFake {
  const fake = createExcelFake();
  fake.install();
  return fake;
}
const run = <T>(fake: ExcelFake, f: (c: Excel.RequestContext) => Promise<T>): Promise<T> =>
  fake.Excel.run(f);

function snapshot(name: string, values: (string | number | null)[][]): SheetSnapshot {
  return { name, origin: { row: 0, col: 0 }, values, text: [], formulas: [] };
}

describe("readOverview", () => {
  it("reports no assessment in a new workbook, in one sync", async () => {
    const fake = fakeExcel();
    const overview = await run(fake, (c) => readOverview(c, TODAY));
    expect(overview).toEqual({
      found: false,
      compliance: { overall: null, clauses: null, annexA: null },
      assessed: 0,
      total: 0,
      openActions: 0,
      overdue: 0,
      readiness: null,
    });
    expect(fake.stats.syncs).toBe(1);
  });

  it("scores compliance from the statuses typed in the sheets", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    const annex = fake.state.sheet("Annex A");
    setRow(annex, "5.1", { Status: "Compliant" });
    setRow(annex, "5.2", { Status: "Partially Compliant" });
    setRow(annex, "5.3", { Status: "Non-Compliant" });
    setRow(annex, "5.4", { Status: "Compliant", Applicable: "No" }); // excluded: not applicable
    setRow(annex, "5.5", { Status: "Not Applicable", Applicable: "No" }); // assessed, not scored
    const clauses = fake.state.sheet("Clauses 4-10");
    setRow(clauses, "4.1", { Status: "Compliant" });
    fake.stats.reset();

    const overview = await run(fake, (c) => readOverview(c, TODAY));
    expect(fake.stats.syncs).toBe(1);
    expect(overview.found).toBe(true);
    expect(overview.total).toBe(123);
    expect(overview.assessed).toBe(6);
    expect(overview.compliance.annexA).toBeCloseTo(1.5 / 3);
    expect(overview.compliance.clauses).toBe(1);
    expect(overview.compliance.overall).toBeCloseTo(2.5 / 4);
  });

  it("uses the weights a person set on Settings", () => {
    const settings = snapshot("Settings", [
      ["Status scale", null],
      ["Status", "Gap weight"],
      ["Compliant", 0],
      ["Partially Compliant", 0.25],
      ["Non-Compliant", 1],
    ]);
    const annex = snapshot("Annex A", [
      ["ID", "Applicable", "Status"],
      ["5.1", "Yes", "Partially Compliant"],
    ]);
    expect(overviewOf([annex, settings], TODAY).compliance.annexA).toBeCloseTo(0.75);
    expect(overviewOf([annex], TODAY).compliance.annexA).toBeCloseTo(0.5);
  });

  it("counts open and overdue Remediation Plan actions", async () => {
    const fake = fakeExcel();
    const plan = fake.state.addSheet("Remediation Plan");
    plan.setValues("A1", [
      ["Remediation Plan", null, null, null],
      [null, null, null, null],
      ["ID", "Due", "Progress", "Owner"],
      ["5.1", 45800, "In progress", "A"], // overdue
      ["5.2", 45900, "Not started", "B"], // open, due later
      ["5.3", 45000, "Done", "C"], // done: neither
      ["5.4", 45000, "Resolved", "D"], // resolved: neither
      ["5.5", "2025-01-31", null, "E"], // blank progress is open; due as text, overdue
      [null, 45000, "Not started", null], // no ID: not an action
    ]);
    const overview = await run(fake, (c) => readOverview(c, TODAY));
    expect(overview.openActions).toBe(3);
    expect(overview.overdue).toBe(2);
  });

  it("counts Stage 1 and Stage 2 blockers in the same single sync, as readinessBlockers does on a full read", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    const clauses = fake.state.sheet(SHEETS.clauses);
    setRow(clauses, "4.1", { Status: "Compliant" });
    setRow(clauses, "6.1.2", { Status: "Non-Compliant", Likelihood: 4, Impact: 5 });
    setRow(fake.state.sheet(SHEETS.annexA), "7.4", { Applicable: "No" }); // excluded without a justification
    fake.stats.reset();
    const overview = await run(fake, (c) => readOverview(c, TODAY));
    expect(fake.stats.syncs).toBe(1);
    const full = await run(fake, (c) => readWorkbook(c, OWNED_SHEETS));
    const blockers = readinessBlockers(full.snapshots);
    expect(blockers.some((b) => b.stage === 2)).toBe(true);
    expect(overview.readiness).toEqual({
      stage1: blockers.filter((b) => b.stage === 1).length,
      stage2: blockers.length,
    });
    expect(overview.readiness?.stage1).toBeGreaterThan(0);
  });

  it("says Ready once every blocker is cleared, and names each stage a blocker holds back", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, {}));
    fill(fake.state.sheet(SHEETS.clauses), { Status: "Compliant" });
    fill(fake.state.sheet(SHEETS.annexA), { Status: "Compliant" });
    const documents = fake.state.sheet(SHEETS.documents);
    fill(documents, { Exists: "Yes", "Last review": 45800 });
    const readiness = async () => (await run(fake, (c) => readOverview(c, TODAY))).readiness;
    // Issue 17: an unapproved SoA blocks Stage 1; approving it clears the last blocker.
    await expect(readiness()).resolves.toEqual({ stage1: 1, stage2: 1 });
    const soa = fake.state.sheet(SHEETS.soa);
    soa.setCell(`C${SOA_APPROVAL_ROW + 2}`, "CEO");
    soa.setCell(`C${SOA_APPROVAL_ROW + 3}`, 46000);
    await expect(readiness()).resolves.toEqual({ stage1: 0, stage2: 0 });

    // A Stage 2 record missing holds back Stage 2 only.
    setRow(documents, "audit-results", { Exists: "No" });
    await expect(readiness()).resolves.toEqual({ stage1: 0, stage2: 1 });
    setRow(documents, "audit-results", { Exists: "Yes" });
    // A mandatory document missing holds back both.
    setRow(documents, "isms-scope", { Exists: "Partly" });
    await expect(readiness()).resolves.toEqual({ stage1: 1, stage2: 1 });
    setRow(documents, "isms-scope", { Exists: "Yes" });
    // A Non-Compliant clause blocks both stages, counted once (rated High it is not a second blocker).
    setRow(fake.state.sheet(SHEETS.clauses), "6.1.2", {
      Status: "Non-Compliant",
      Likelihood: 3,
      Impact: 4,
    });
    await expect(readiness()).resolves.toEqual({ stage1: 1, stage2: 1 });
    // A Non-Compliant applicable control rated High holds back Stage 2 only.
    setRow(fake.state.sheet(SHEETS.annexA), "8.8", {
      Status: "Non-Compliant",
      Likelihood: 3,
      Impact: 4,
    });
    await expect(readiness()).resolves.toEqual({ stage1: 1, stage2: 2 });
  });

  it("cannot judge readiness without a Documents sheet, or without an assessment", () => {
    const annex = snapshot("Annex A", [
      ["ID", "Applicable", "Status"],
      ["5.1", "Yes", "Compliant"],
    ]);
    expect(overviewOf([annex], TODAY).readiness).toBeNull();
    const documents = snapshot("Documents", [
      ["ID", "Document", "Clause", "Exists", "Last review"],
      ["isms-scope", "ISMS scope", "4.3", "No", null],
    ]);
    expect(overviewOf([annex, documents], TODAY).readiness).toEqual({ stage1: 1, stage2: 1 });
    expect(overviewOf([documents], TODAY).readiness).toBeNull();
  });

  it("reads dates as serials or ISO text and ignores anything else", () => {
    expect(dateSerial(45823.5)).toBe(45823);
    expect(dateSerial("2025-06-15")).toBe(45823);
    expect(dateSerial("next week")).toBeNull();
    expect(dateSerial(null)).toBeNull();
    const actions = (plan?: SheetSnapshot) =>
      openActionCounts(readRemediationRows(plan).rows, 45823);
    expect(actions(undefined)).toEqual({ openActions: 0, overdue: 0 });
    expect(actions(snapshot("Remediation Plan", [["Nothing", "here"]]))).toEqual({
      openActions: 0,
      overdue: 0,
    });
  });
});

/** Sets the given columns on every row of the sheet's table that has an ID. */
function fill(sheet: SeedSheet, values: Record<string, string | number>): void {
  const { headerRow, column } = locateTable(sheet);
  const last = Number(/(\d+)$/.exec(sheet.usedRange() ?? "")?.[1] ?? headerRow);
  const ids = sheet.getValues(`A${headerRow + 1}:A${last}`);
  ids.forEach(([id], i) => {
    if (id === null || id === "") return;
    for (const [header, value] of Object.entries(values))
      sheet.setValues(`${column(header)}${headerRow + 1 + i}`, [[value]]);
  });
}
