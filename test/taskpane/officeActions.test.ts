// The Office.js side of the task pane's actions, on the recording fake: each action is one
// Excel.run, errors arrive typed with a hint, and change events reach the pane when supported.
import { createExcelFake, OfficeExtensionError, type ExcelFake } from "../fakes/excelFake";
import { createOfficeActions } from "../../src/taskpane/officeActions";
import { GapAssessorError } from "../../src/core/errors";
import { SHEETS } from "../../src/core/contract";
import { HISTORY_HEADER_ROW } from "../../src/core/layout/historySheet";
import { seedYesNoChecklist, setRow, type SeedState } from "../support/workbookSeeds";
import { todaySerial } from "../../src/core/dates";

function install(options: Parameters<typeof createExcelFake>[0] = {}): ExcelFake {
  const fake = createExcelFake(options);
  fake.install();
  return fake;
}

describe("createOfficeActions", () => {
  afterEach(() => {
    for (const key of ["Excel", "Office", "OfficeExtension"])
      delete (globalThis as Record<string, unknown>)[key];
  });

  it("builds, reads the overview, checks, selects and plans through Excel.run", async () => {
    const fake = install();
    const actions = createOfficeActions();
    await expect(actions.hasAssessment()).resolves.toBe(false);
    const progress: number[] = [];
    const built = await actions.build((done) => progress.push(done));
    expect(built).toEqual({ rows: 123, rebuilt: false });
    expect(progress.length).toBeGreaterThan(0);
    await expect(actions.hasAssessment()).resolves.toBe(true);
    const overview = await actions.readOverview();
    expect(overview).toMatchObject({ found: true, total: 123, assessed: 0 });
    const report = await actions.check();
    expect(report.summary.infos).toBe(123);
    await actions.selectCell("Annex A", "H12");
    expect(fake.state.selection).toBe("'Annex A'!H12");
    await expect(actions.plan(false)).resolves.toEqual({
      added: 0,
      kept: 0,
      resolved: 0,
      rows: 0,
      gaps: { added: [], kept: [], resolved: [] },
    });
  });

  it("previews which gaps the plan adds, keeps and resolves", async () => {
    const fake = install();
    const actions = createOfficeActions();
    await actions.build();
    const annex = fake.state.sheet(SHEETS.annexA);
    setRow(annex, "5.1", { Status: "Non-Compliant" });
    setRow(annex, "5.2", { Status: "Partially Compliant" });
    const first = await actions.plan(false);
    expect(first).toMatchObject({ added: 2, kept: 0, resolved: 0 });
    expect(first.gaps?.added).toEqual([
      expect.stringMatching(/^5\.1 \S/),
      expect.stringMatching(/^5\.2 \S/),
    ]);
    await actions.plan(true);
    setRow(annex, "5.1", { Status: "Compliant" });
    setRow(annex, "5.3", { Status: "Non-Compliant" });
    const second = await actions.plan(false);
    expect(second.gaps?.added).toEqual([expect.stringMatching(/^5\.3 /)]);
    expect(second.gaps?.kept).toEqual([expect.stringMatching(/^5\.2 /)]);
    expect(second.gaps?.resolved).toEqual([expect.stringMatching(/^5\.1 /)]);
  });

  it("reads readiness with the overview, records a snapshot and returns the executive summary", async () => {
    const fake = install();
    const actions = createOfficeActions();
    await actions.build();
    const annex = fake.state.sheet(SHEETS.annexA);
    setRow(annex, "5.1", { Status: "Compliant" });
    setRow(annex, "5.2", { Status: "Non-Compliant" });

    const overview = await actions.readOverview();
    expect(overview.readiness?.stage1).toBeGreaterThan(0);
    expect(overview.readiness?.stage2).toBeGreaterThanOrEqual(
      overview.readiness?.stage1 ?? Infinity
    );

    const progress: number[] = [];
    const runs = fake.stats.runs;
    const summary = await actions.recordSnapshot((done) => progress.push(done));
    expect(fake.stats.runs - runs).toBe(1);
    expect(summary).toEqual({
      date: todaySerial(),
      overall: 0.5,
      clauses: null,
      annexA: 0.5,
      snapshots: 1,
    });
    expect(progress.length).toBeGreaterThan(0);
    const history = fake.state.sheet(SHEETS.history);
    expect([
      history.cell(`A${HISTORY_HEADER_ROW + 1}`).value,
      history.cell(`B${HISTORY_HEADER_ROW + 1}`).value,
    ]).toEqual([todaySerial(), 0.5]);
    const logged = fake.log.length;
    await expect(actions.recordSnapshot()).resolves.toMatchObject({ snapshots: 2 });
    // The second snapshot is one table row: no table converted, no range cleared, no name re-added.
    const snapshotOps = fake.log.slice(logged);
    expect(snapshotOps.filter((op: string) => op === "TableRowCollection.add")).toHaveLength(1);
    expect(
      snapshotOps.filter((op: string) =>
        /^(Table\.convertToRange|Range\.clear|NamedItem\.delete|NamedItemCollection\.add)$/.test(op)
      )
    ).toEqual([]);

    const before = fake.log.length;
    const markdown = await actions.report();
    expect(markdown).toMatch(/^# .*executive summary/i);
    const operations = fake.log.slice(before);
    expect(operations).toContain("Range.load");
    expect(
      operations.filter((op: string) =>
        /^Range\.(values|formulas|clear)$|Collection\.add$|\.delete$|^WorksheetProtection\.(protect|unprotect)$/.test(
          op
        )
      )
    ).toEqual([]);
  });

  it("offers the report as an HTML page and a Word document without changing the workbook", async () => {
    const fake = install();
    const actions = createOfficeActions();
    await actions.build();
    const before = fake.log.length;
    const html = await actions.reportFile("html");
    expect(html.type).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!doctype html>[\s\S]*<svg/i);
    const word = await actions.reportFile("docx");
    const bytes = Buffer.from(await word.arrayBuffer());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
    expect(
      fake.log
        .slice(before)
        .filter((op: string) => /^Range\.(values|formulas|clear)$|Collection\.add$/.test(op))
    ).toEqual([]);
  });

  it("previews and applies an adoption, never touching the template", async () => {
    const fake = install();
    seedYesNoChecklist(fake.state as unknown as SeedState, "Old checklist");
    const before = fake.state.sheet("Old checklist").getValues("A1:D9");
    const actions = createOfficeActions();
    await expect(actions.listTemplateSheets()).resolves.toEqual({
      sheets: ["Sheet1", "Old checklist"],
      active: "Sheet1",
    });
    // The person went to the sheet they pasted: it is the one offered.
    fake.state.activeSheet = fake.state.sheet("Old checklist");
    await expect(actions.listTemplateSheets()).resolves.toMatchObject({ active: "Old checklist" });
    const preview = await actions.previewAdoption("Old checklist");
    expect(preview.report.counts).toMatchObject({ matched: 4, unmatched: 1 });
    await expect(actions.applyAdoption(preview, false)).resolves.toMatchObject({ rows: 123 });
    expect(fake.state.sheet("Old checklist").getValues("A1:D9")).toEqual(before);
  });

  it("reports Office failures as typed errors with what to do next", async () => {
    install({ failOn: () => new OfficeExtensionError("AccessDenied") });
    const error = await createOfficeActions()
      .check()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GapAssessorError);
    expect((error as GapAssessorError).hint).toMatch(/Unprotect/);
  });

  it("passes worksheet change events on until unsubscribed", async () => {
    const fake = install();
    const listener = jest.fn();
    const off = await createOfficeActions().subscribeToChanges(listener);
    await fake.state.fireWorksheetChanged("Sheet1", "B2");
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fake.state.fireWorksheetChanged("Sheet1", "B3");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("does without change events where ExcelApi 1.9 is missing", async () => {
    const fake = install({ supportedApi: "1.8" });
    const listener = jest.fn();
    const off = await createOfficeActions().subscribeToChanges(listener);
    await fake.state.fireWorksheetChanged("Sheet1", "B2");
    expect(listener).not.toHaveBeenCalled();
    off();
  });
});
