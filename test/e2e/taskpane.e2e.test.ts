// End-to-end: the production task pane bundle in Debian's chromium, with the recording Excel fake
// standing in for office.js. Drives every action the way a person would (mouse and keyboard),
// checks what lands in the workbook and runs axe. Its screenshots go to the gitignored
// test-output/e2e/ (to look at after a failure); the README's come from `npm run screenshots`,
// so running the tests never writes a tracked file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { describeWithTool, findExecutable } from "../support/externalTools";
import { buildE2EBundles, ROOT } from "./bundle";
import { CHROMIUM_ARGS, serve, VIEWPORT, type StaticServer } from "./server";
import type { GapHarness } from "./fakeHost";
import { todaySerial } from "../../src/core/dates";

const CHROMIUM = findExecutable(["chromium", "chromium-browser"]);
const IMAGES = path.join(ROOT, "test-output", "e2e");

/** What the page exposes (test/e2e/fakeHost.ts), as seen from page.evaluate. */
type Gap = Omit<GapHarness, "fake"> & {
  fake: {
    log: string[];
    state: {
      sheet(name: string): { getValues(a: string): unknown[][]; usedRange(): string | null };
    };
  };
};
declare const window: { __gap: Gap };

describeWithTool("Chromium", CHROMIUM, "task pane in a real browser", () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-assessor-e2e-"));
    await buildE2EBundles(dir);
    server = await serve(dir);
    browser = await chromium.launch({
      executablePath: CHROMIUM as string,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    fs.mkdirSync(IMAGES, { recursive: true });
  }, 300_000); // a hang guard: the bundle build alone takes a minute on a busy machine

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(query: string, colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      colorScheme,
      reducedMotion: "reduce",
    });
    // No network: anything that is not our server (office.js on the CDN, fonts, telemetry) is refused.
    await context.route(
      (url) => !url.href.startsWith(server.url),
      (route) => route.abort()
    );
    const page = await context.newPage();
    // Fail fast when a button stops working, well inside jest's timeout.
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    await page.goto(`${server.url}/taskpane.html?${query}`);
    await page.evaluate(() => window.__gap.ready);
    await page
      .getByTestId("overview")
      .getByText(/No assessment|Assessed/)
      .first()
      .waitFor();
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
      );
  }

  const gap = <T>(page: Page, fn: (g: Gap) => T | Promise<T>): Promise<T> =>
    page.evaluate(`(${fn.toString()})(window.__gap)`) as Promise<T>;

  /** Waits until `read` returns `expected` (Office work is asynchronous), then asserts it. */
  async function eventually<T>(
    read: () => Promise<T>,
    expected: T,
    timeoutMs = 5000
  ): Promise<void> {
    const until = Date.now() + timeoutMs;
    let value = await read();
    while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      value = await read();
    }
    expect(value).toEqual(expected);
  }

  const annexValues = (page: Page, id: string): Promise<Record<string, unknown>> =>
    page.evaluate((rowId) => {
      const sheet = window.__gap.fake.state.sheet("Annex A");
      const grid = sheet.getValues(`A1:${String(sheet.usedRange()).split(":").pop()}`);
      const header = grid.find((r) => r[0] === "ID") as string[];
      const row = grid.find((r) => r[0] === rowId) ?? [];
      return Object.fromEntries(header.map((h, i) => [h, row[i]]));
    }, id);

  it("builds, checks, selects, plans, adopts and reports errors in the light theme", async () => {
    const page = await open("seed=checklist");
    const overview = page.getByTestId("overview");
    await expect(overview.getByTestId("overview-empty").isVisible()).resolves.toBe(true);

    // Build: the sheets appear in the workbook.
    await page.getByRole("button", { name: "Build assessment" }).click();
    await page.getByTestId("build-result").getByText("Assessment built").waitFor();
    const names = await gap(page, (g) => g.sheetNames());
    expect(names).toEqual(
      expect.arrayContaining(["Clauses 4-10", "Annex A", "Summary", "Settings", "Old checklist"])
    );
    await overview
      .getByTestId("overview-assessed")
      .getByText("0 of 123 rows", { exact: false })
      .waitFor();

    // Rebuild asks first; Cancel does nothing, Rebuild keeps values.
    await gap(page, (g) =>
      g.edit("Annex A", "5.1", { Status: "Compliant", Evidence: "Policy set v3" })
    );
    await page.getByRole("button", { name: "Build assessment" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Rebuild the assessment?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Build assessment" }).click();
    await dialog.getByRole("button", { name: "Rebuild" }).click();
    await page.getByTestId("build-result").getByText("Assessment rebuilt").waitFor();
    expect(await annexValues(page, "5.1")).toMatchObject({
      Status: "Compliant",
      Evidence: "Policy set v3",
    });

    // The overview follows workbook edits (worksheet change event, debounced).
    await overview
      .getByTestId("overview-assessed")
      .getByText("1 of 123 rows", { exact: false })
      .waitFor();
    await expect(overview.getByTestId("compliance-Annex A").textContent()).resolves.toBe("100%");
    await gap(page, (g) =>
      g.edit("Annex A", "5.2", {
        Status: "Partially Compliant",
        Owner: "CISO",
        Likelihood: 3,
        Impact: 4,
      })
    );
    await gap(page, (g) => g.edit("Annex A", "5.3", { Status: "Compliant", Owner: "CISO" }));
    await gap(page, (g) =>
      g.edit("Annex A", "8.8", {
        Status: "Non-Compliant",
        Owner: "IT Ops",
        Likelihood: 4,
        Impact: 5,
        Evidence: "Scanner bought, not deployed",
      })
    );
    await overview
      .getByTestId("overview-assessed")
      .getByText("4 of 123 rows", { exact: false })
      .waitFor();
    await expect(overview.getByTestId("compliance-Annex A").textContent()).resolves.toBe("62.5%");

    // Check: problems grouped by rule, errors first; clicking one selects its cell in Excel.
    await page.getByRole("button", { name: "Check workbook" }).click();
    await page
      .getByTestId("check-result")
      .getByText(/errors? and .* found/)
      .waitFor();
    const firstGroup = page.getByTestId("problem-group").first();
    await expect(firstGroup.getAttribute("data-rule")).resolves.toBe("evidence-missing");
    const problems = firstGroup.getByTestId("problem");
    await expect(problems.count()).resolves.toBe(2);
    const first = {
      sheet: await problems.nth(0).getAttribute("data-sheet"),
      cell: await problems.nth(0).getAttribute("data-cell"),
    };
    const second = {
      sheet: await problems.nth(1).getAttribute("data-sheet"),
      cell: await problems.nth(1).getAttribute("data-cell"),
    };
    expect(first.sheet).toBe("Annex A");
    await problems.nth(0).click();
    await eventually(() => gap(page, (g) => g.selection()), `'Annex A'!${first.cell}`);
    // Keyboard: focus the next problem and press Enter.
    await problems.nth(1).focus();
    await page.keyboard.press("Enter");
    await eventually(() => gap(page, (g) => g.selection()), `'${second.sheet}'!${second.cell}`);
    await expect(page.getByTestId("count-error").textContent()).resolves.toMatch(/^\d+ errors?$/);

    // Plan: preview the counts, then write the sheet.
    await page.getByRole("button", { name: "Preview plan" }).click();
    const planPreview = page.getByTestId("plan-preview");
    await planPreview.waitFor();
    await expect(planPreview.locator('[data-count="New"] dd').textContent()).resolves.toBe("2");
    await expect(planPreview.locator('[data-count="Kept"] dd').textContent()).resolves.toBe("0");
    await page.getByRole("button", { name: "Write plan" }).click();
    await page.getByTestId("plan-result").getByText("Remediation plan written").waitFor();
    expect(await gap(page, (g) => g.sheetNames())).toContain("Remediation Plan");
    await overview.getByTestId("overview-open").getByText("2").waitFor();

    // Adopt the pasted checklist: preview, jump to an unmatched row, adopt; the source is untouched.
    const source = () =>
      page.evaluate(() => window.__gap.fake.state.sheet("Old checklist").getValues("A1:D9"));
    const before = await source();
    await page.getByLabel("Template sheet").selectOption("Old checklist");
    await page.getByRole("button", { name: "Preview adoption" }).click();
    const adoptPreview = page.getByTestId("adopt-preview");
    await adoptPreview.waitFor();
    await expect(adoptPreview.locator('[data-count="Matched"] dd').textContent()).resolves.toBe(
      "4"
    );
    await expect(adoptPreview.locator('[data-count="Unmatched"] dd').textContent()).resolves.toBe(
      "1"
    );
    await page.getByTestId("unmatched").first().click();
    await eventually(() => gap(page, (g) => g.selection()), "'Old checklist'!A9");
    await expect(page.getByTestId("adopt-overwrite").isChecked()).resolves.toBe(false);
    await page.getByRole("button", { name: "Adopt 4 rows" }).click();
    await page.getByTestId("adopt-result").getByText("Template adopted").waitFor();
    expect(await annexValues(page, "8.2")).toMatchObject({
      Status: "Partially Compliant",
      Evidence: "PAM for servers only",
    });
    // Kept, not overwritten: 8.8 was typed as Non-Compliant before; 5.1 keeps its evidence.
    expect(await annexValues(page, "5.1")).toMatchObject({
      Status: "Compliant",
      Evidence: "Policy set v3",
    });
    expect(await source()).toEqual(before);

    // Errors: an Office failure shows its message and what to do next; the next run works again.
    await gap(page, (g) => g.failWith("AccessDenied"));
    await page.getByRole("button", { name: "Check again" }).click();
    const error = page.getByTestId("check-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(
      /protected.*What to do:.*Unprotect the sheet/
    );
    await gap(page, (g) => g.failWith(null));
    await page.getByRole("button", { name: "Check again" }).click();
    await page.getByTestId("check-result").waitFor();

    // One action at a time: while a slow check runs, every action button is disabled and a second click does nothing.
    await gap(page, (g) => g.setLatency(600));
    const runsBefore = await gap(page, (g) => g.runs());
    await page.getByRole("button", { name: "Check again" }).click();
    await page.getByTestId("check-section").getByTestId("busy").waitFor();
    for (const name of [
      "Build assessment",
      "Check again",
      "Preview plan",
      "Preview adoption",
      "Record snapshot",
      "Create report",
    ]) {
      await expect(page.getByRole("button", { name }).getAttribute("aria-disabled")).resolves.toBe(
        "true"
      );
    }
    await page.getByRole("button", { name: "Preview plan" }).click({ force: true });
    await page.getByRole("button", { name: "Check again" }).click({ force: true });
    await page.getByTestId("check-section").getByTestId("busy").waitFor({ state: "detached" });
    await gap(page, (g) => g.setLatency(0));
    // The check itself plus the overview and sheet-list reads that follow it; no second check, no plan.
    await expect(page.getByTestId("plan-preview").count()).resolves.toBe(0);
    expect((await gap(page, (g) => g.runs())) - runsBefore).toBeLessThanOrEqual(3);

    // Leave the page showing a useful state for the screenshot: a fresh check with problems.
    await page.getByRole("button", { name: "Check again" }).click();
    await page.getByTestId("check-result").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(IMAGES, "taskpane-light.png"), fullPage: true });
    await page.context().close();
  });

  it("shows an assessed workbook in the dark theme, accessibly", async () => {
    const page = await open("seed=assessed&theme=dark", "dark");
    const overview = page.getByTestId("overview");
    await overview
      .getByTestId("overview-assessed")
      .getByText("6 of 123 rows", { exact: false })
      .waitFor();
    await expect(overview.getByTestId("overview-open").textContent()).resolves.toBe("3");
    // Background follows Office's dark theme.
    const background = await page.evaluate(
      () =>
        getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor
    );
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    expect(r + g + b).toBeLessThan(200);
    await page.getByRole("button", { name: "Check workbook" }).click();
    await page.getByTestId("check-result").waitFor();
    await page.getByRole("button", { name: "Preview plan" }).click();
    await page.getByTestId("plan-preview").waitFor();
    await expect(
      page.getByTestId("plan-preview").locator('[data-count="Kept"] dd').textContent()
    ).resolves.toBe("3");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(IMAGES, "taskpane-dark.png"), fullPage: true });
    await page.context().close();
  });

  it("shows readiness, records a snapshot and hands over the executive report", async () => {
    const page = await open("seed=assessed");
    const overview = page.getByTestId("overview");
    await overview
      .getByTestId("overview-assessed")
      .getByText("6 of 123 rows", { exact: false })
      .waitFor();

    // Readiness: both stages blocked; Stage 1 blockers hold back Stage 2 too.
    const blockers = async (stage: 1 | 2): Promise<number> => {
      const text = (await overview.getByTestId(`readiness-stage${stage}`).textContent()) ?? "";
      const m = /^Not ready \((\d+) blockers?\)$/.exec(text);
      if (!m) throw new Error(`Stage ${stage}: unexpected verdict "${text}"`);
      return Number(m[1]);
    };
    const readiness = overview.getByTestId("overview-readiness");
    await expect(readiness.innerText()).resolves.toMatch(
      /Stage 1:\s*Not ready \(\d+ blockers\)\s*Stage 2:\s*Not ready \(\d+ blockers\)/
    );
    const [stage1, stage2] = [await blockers(1), await blockers(2)];
    expect(stage2).toBeGreaterThan(stage1);
    // Clause 6.1.2 Non-Compliant (3 × 5, High) is one blocker of both stages (a clause blocker is
    // never also counted as an open gap); fixing it clears it from both.
    await gap(page, (g) => g.edit("Clauses 4-10", "6.1.2", { Status: "Compliant" }));
    await overview
      .getByTestId("readiness-stage1")
      .getByText(`Not ready (${stage1 - 1} blockers)`)
      .waitFor();
    await expect(overview.getByTestId("readiness-stage2").textContent()).resolves.toBe(
      `Not ready (${stage2 - 1} blockers)`
    );

    // Record snapshot: the message names the date and the compliance; the row lands on Snapshot History.
    const overall = await overview.getByTestId("compliance-Overall").textContent();
    const today = todaySerial();
    const iso = new Date(Date.UTC(1899, 11, 30) + today * 86_400_000).toISOString().slice(0, 10);
    await page.getByRole("button", { name: "Record snapshot" }).click();
    const recorded = page.getByTestId("snapshot-result");
    await recorded.getByText("Snapshot recorded").waitFor();
    await expect(recorded.textContent()).resolves.toContain(
      `${iso}: overall compliance ${overall}`
    );
    const history = await page.evaluate(() => {
      const sheet = window.__gap.fake.state.sheet("Snapshot History");
      const grid = sheet.getValues(`A1:${String(sheet.usedRange()).split(":").pop()}`);
      const header = grid.findIndex((r) => r[0] === "Date");
      return grid.slice(header + 1).filter((r) => r[0] !== null && r[0] !== "");
    });
    expect(history).toHaveLength(1);
    expect(history[0][0]).toBe(today);
    expect(`${Math.round(Number(history[0][1]) * 1000) / 10}%`).toBe(overall);

    // Executive report: read-only, labelled Markdown; nothing written to the workbook.
    const logBefore = await gap(page, (g) => g.fake.log.length);
    await page.getByRole("button", { name: "Create report" }).click();
    const text = page.getByLabel("Executive summary (Markdown)");
    await text.waitFor();
    const markdown = await text.inputValue();
    expect(markdown).toMatch(/^# .*executive summary: Example Ltd/i);
    expect(markdown).toContain(iso);
    await expect(text.getAttribute("readonly")).resolves.not.toBeNull();
    const operations = await page.evaluate((from) => window.__gap.fake.log.slice(from), logBefore);
    expect(operations).toContain("Range.load");
    expect(
      operations.filter((op) =>
        /^Range\.(values|formulas|clear)$|Collection\.add$|\.delete$|^WorksheetProtection\.(protect|unprotect)$/.test(
          op
        )
      )
    ).toEqual([]);

    // Download .md: a Markdown file holding exactly the text shown.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download .md" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^executive-summary-\d{4}-\d{2}-\d{2}\.md$/);
    expect(fs.readFileSync(await download.path(), "utf8")).toBe(markdown);

    // Copy, by keyboard: the clipboard then holds the report.
    await page
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await page.getByRole("button", { name: "Copy" }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("report-copy-status").getByText("Copied to the clipboard.").waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(markdown);

    // Where the host allows no clipboard at all: a message says what to do, with the text selected for Ctrl+C.
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
      document.execCommand = () => false;
    });
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByTestId("copy-result").textContent()).resolves.toMatch(
      /Could not copy.*Ctrl\+C/
    );
    await expect(
      page.evaluate(() => {
        const area = document.activeElement as HTMLTextAreaElement;
        return [area.id, area.selectionStart, area.selectionEnd === area.value.length];
      })
    ).resolves.toEqual(["report-text", 0, true]);

    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("raised no page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
