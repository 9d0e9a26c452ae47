// End-to-end "Compare with a copy": the production task pane in Chromium with the recording fake.
// A copy is made here the way a colleague's copy comes back — built by the CLI's builder, then
// edited with ExcelJS — and chosen in the pane's file picker. The pane reads it in the browser
// (the lazily loaded compare chunk: ExcelJS, JSZip), lists the differences by sheet, jumps to a
// cell, takes the chosen changes and the workbook in the fake holds them.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { describeWithTool, findExecutable } from "../support/externalTools";
import { buildE2EBundles } from "./bundle";
import { CHROMIUM_ARGS, serve, VIEWPORT, type StaticServer } from "./server";
import type { GapHarness } from "./fakeHost";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";

const CHROMIUM = findExecutable(["chromium", "chromium-browser"]);

type Gap = Omit<GapHarness, "fake"> & {
  fake: {
    state: {
      sheet(name: string): { getValues(a: string): unknown[][]; usedRange(): string | null };
    };
  };
};
declare const window: { __gap: Gap };

/** Sets cells of the Annex A row `id` in an ExcelJS workbook (by header), or adds the row. */
function editRow(ws: ExcelJS.Worksheet, id: string, values: Record<string, string>): void {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.values && (row.values as unknown[]).includes("Status")) headerRow = n;
  });
  const header = ws.getRow(headerRow).values as unknown[];
  let target = 0;
  let last = headerRow;
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const cell = ws.getRow(n).getCell(header.indexOf("ID")).text;
    if (cell) last = n;
    if (cell === id) target = n;
  }
  if (!target) {
    target = last + 1;
    ws.getRow(target).getCell(header.indexOf("ID")).value = id;
  }
  for (const [column, value] of Object.entries(values))
    ws.getRow(target).getCell(header.indexOf(column)).value = value;
}

describeWithTool("Chromium", CHROMIUM, "compare with a copy in a real browser", () => {
  let dir: string;
  let copy: string;
  let server: StaticServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-assessor-compare-e2e-"));
    const site = path.join(dir, "site");
    await buildE2EBundles(site);
    server = await serve(site);
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    // Their copy: a fresh build, with answers typed into it and a row of their own.
    const built = path.join(dir, "built.xlsx");
    await buildAssessmentFile({ out: built, org: "Example Ltd" });
    // Opened through the package pre-pass, as `build --from` opens a workbook for ExcelJS.
    const { workbook } = await openXlsxPackage(built);
    const annex = workbook.getWorksheet("Annex A") as ExcelJS.Worksheet;
    editRow(annex, "5.1", { Evidence: "Their evidence for 5.1" });
    editRow(annex, "5.3", { Owner: "Their owner" });
    editRow(annex, "CUSTOM-1", { Status: "Compliant", Evidence: "Their own control" });
    copy = path.join(dir, "their copy.xlsx");
    await workbook.xlsx.writeFile(copy);
  }, 600_000); // a hang guard: the bundle build alone takes minutes on a busy machine

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(query: string): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: "reduce" });
    await context.route(
      (url) => !url.href.startsWith(server.url),
      (route) => route.abort()
    );
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    await page.goto(`${server.url}/taskpane.html?${query}`);
    await page.evaluate(() => window.__gap.ready);
    await page
      .getByTestId("overview")
      .getByText(/Assessed/)
      .first()
      .waitFor();
    return page;
  }

  const annexValues = (page: Page, id: string): Promise<Record<string, unknown>> =>
    page.evaluate((rowId) => {
      const sheet = window.__gap.fake.state.sheet("Annex A");
      const grid = sheet.getValues(`A1:${String(sheet.usedRange()).split(":").pop()}`);
      const header = grid.find((r) => r[0] === "ID") as string[];
      const row = grid.find((r) => r[0] === rowId) ?? [];
      return Object.fromEntries(header.map((h, i) => [h, row[i]]));
    }, id);

  it("reads a copy, lists the differences by sheet, jumps to a cell and takes the chosen changes", async () => {
    const page = await open("seed=assessed");
    const before52 = await annexValues(page, "5.2");
    expect(before52.Evidence).toBe("RACI draft");

    // Choose the file with the keyboard-reachable native picker.
    const picker = page.getByLabel("Workbook to compare with (.xlsx)");
    await picker.focus();
    await picker.setInputFiles(copy);
    await page
      .getByTestId("compare-result")
      .getByText(/cells? differ/)
      .waitFor({ timeout: 60_000 });

    // Grouped by sheet: Annex A lists 5.1's evidence (mine "Policy set…", theirs their text).
    const annex = page.locator('[data-testid="compare-sheet"][data-sheet="Annex A"]');
    await annex.waitFor();
    // Only the first sheet's group starts open; open Annex A's.
    if ((await annex.getAttribute("open")) === null) await annex.locator("summary").click();
    await expect(annex.getByTestId("compare-added").textContent()).resolves.toContain("CUSTOM-1");
    const evidence = annex
      .getByTestId("compare-cell")
      .filter({ hasText: "5.1 · Evidence" })
      .first();
    await expect(evidence.textContent()).resolves.toContain("Their evidence for 5.1");
    const owner53 = annex.getByTestId("compare-cell").filter({ hasText: "5.3 · Owner" }).first();

    // Jump to the cell in the open workbook.
    const address = await evidence.getAttribute("data-cell");
    await evidence.getByRole("button").first().click();
    const until = Date.now() + 5000;
    let selection = await page.evaluate(() => window.__gap.selection());
    while (selection !== `'Annex A'!${address}` && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      selection = await page.evaluate(() => window.__gap.selection());
    }
    expect(selection).toBe(`'Annex A'!${address}`);

    // Decide: theirs for 5.1's evidence and 5.3's owner; everything else keeps mine.
    await evidence.getByLabel("Take theirs").check();
    await owner53.getByLabel("Take theirs").focus();
    await page.keyboard.press("Space");
    await expect(owner53.getByLabel("Take theirs").isChecked()).resolves.toBe(true);

    const axe = await new AxeBuilder({ page }).include('[data-testid="compare-section"]').analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual(
      []
    );

    await page.getByRole("button", { name: "Take their changes" }).click();
    await page.getByTestId("compare-result").getByText("Their changes taken").waitFor();

    expect(await annexValues(page, "5.1")).toMatchObject({
      Status: "Compliant",
      Evidence: "Their evidence for 5.1",
    });
    expect(await annexValues(page, "5.3")).toMatchObject({ Owner: "Their owner" });
    // Not chosen: mine is kept even though their copy has it blank.
    expect(await annexValues(page, "5.2")).toMatchObject({ Evidence: "RACI draft", Owner: "CISO" });
    // Their own row joined the table.
    expect(await annexValues(page, "CUSTOM-1")).toMatchObject({
      Status: "Compliant",
      Evidence: "Their own control",
    });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("downloads the report as one HTML page and as a Word document", async () => {
    const page = await open("seed=assessed");
    const section = page.getByTestId("report-section");
    const save = async (name: string): Promise<{ file: string; bytes: Buffer }> => {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        section.getByRole("button", { name }).click(),
      ]);
      const saved = path.join(dir, download.suggestedFilename());
      await download.saveAs(saved);
      return { file: download.suggestedFilename(), bytes: fs.readFileSync(saved) };
    };
    const html = await save("Download HTML");
    expect(html.file).toMatch(/^executive-summary-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html.bytes.toString("utf8")).toMatch(/<html[\s\S]*Example Ltd[\s\S]*<svg/);
    await page.getByTestId("report-result").getByText("HTML report downloaded").waitFor();
    const word = await save("Download Word");
    expect(word.file).toMatch(/\.docx$/);
    // A Word document is a zip holding word/document.xml with the organisation's name.
    expect(word.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(word.bytes);
    await expect(zip.file("word/document.xml")?.async("string")).resolves.toContain("Example Ltd");
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("says what is wrong with a file that is not a workbook", async () => {
    const page = await open("seed=assessed");
    const bogus = path.join(dir, "notes.xlsx");
    fs.writeFileSync(bogus, "just some text");
    await page.getByLabel("Workbook to compare with (.xlsx)").setInputFiles(bogus);
    const error = page.getByTestId("compare-error");
    await error.waitFor({ timeout: 60_000 });
    await expect(error.textContent()).resolves.toMatch(/notes\.xlsx.*not an \.xlsx workbook/);
  }, 60_000);
});
