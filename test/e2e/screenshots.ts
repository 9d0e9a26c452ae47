// `npm run screenshots`: the README's task pane screenshots, docs/images/taskpane-light.png and
// taskpane-dark.png. Same harness as the e2e test (the production bundle from bundle.ts, served by
// server.ts with fakeHost.ts standing in for office.js, in Debian's chromium), driven the way a
// person would. This is the only thing that writes those tracked files; `npm test` never does.
// Nothing is written unless both pages rendered without a page error.
//   --out DIR   write the two PNGs into DIR instead of docs/images
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { findExecutable } from "../support/externalTools";
import { buildE2EBundles, ROOT } from "./bundle";
import { CHROMIUM_ARGS, serve, VIEWPORT, type StaticServer } from "./server";
import type { GapHarness } from "./fakeHost";

declare const window: { __gap: GapHarness };

/** Rows typed into Annex A after building, so the light screenshot shows scores, problems and a plan. */
const EDITS: [string, Record<string, string | number>][] = [
  ["5.1", { Status: "Compliant", Evidence: "Policy set v3" }],
  ["5.2", { Status: "Partially Compliant", Owner: "CISO", Likelihood: 3, Impact: 4 }],
  ["5.3", { Status: "Compliant", Owner: "CISO" }],
  [
    "8.8",
    {
      Status: "Non-Compliant",
      Owner: "IT Ops",
      Likelihood: 4,
      Impact: 5,
      Evidence: "Scanner bought, not deployed",
    },
  ],
];

async function open(
  browser: Browser,
  server: StaticServer,
  query: string,
  colorScheme: "light" | "dark",
  errors: string[]
): Promise<Page> {
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
  page.setDefaultTimeout(30_000);
  page.on("pageerror", (e) => errors.push(`${query}: ${String(e)}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${query}: ${m.text()}`);
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

/** The page with no hover effect from the last click, so the same run gives the same picture. */
async function still(page: Page): Promise<Buffer> {
  await page.mouse.move(0, 0);
  return page.screenshot({ fullPage: true, animations: "disabled", caret: "hide" });
}

/** A pasted checklist, built, answered, rebuilt, planned, adopted and checked: every section shows a result. */
async function light(page: Page): Promise<Buffer> {
  await page.getByRole("button", { name: "Build assessment" }).click();
  await page.getByTestId("build-result").getByText("Assessment built").waitFor();
  for (const [id, values] of EDITS)
    await page.evaluate(([rowId, v]) => window.__gap.edit("Annex A", rowId, v), [
      id,
      values,
    ] as const);
  await page
    .getByTestId("overview-assessed")
    .getByText(new RegExp(`\\b${EDITS.length} of \\d+ rows`))
    .waitFor();
  // Rebuild over the answers (asks first, keeps every typed value).
  await page.getByRole("button", { name: "Build assessment" }).click();
  await page
    .getByRole("alertdialog", { name: "Rebuild the assessment?" })
    .getByRole("button", { name: "Rebuild" })
    .click();
  await page.getByTestId("build-result").getByText("Assessment rebuilt").waitFor();

  await page.getByRole("button", { name: "Preview plan" }).click();
  await page.getByTestId("plan-preview").waitFor();
  await page.getByRole("button", { name: "Write plan" }).click();
  await page.getByTestId("plan-result").getByText("Remediation plan written").waitFor();

  await page.getByLabel("Template sheet").selectOption("Old checklist");
  await page.getByRole("button", { name: "Preview adoption" }).click();
  await page.getByTestId("adopt-preview").waitFor();
  await page.getByRole("button", { name: /^Adopt \d+ rows?$/ }).click();
  await page.getByTestId("adopt-result").getByText("Template adopted").waitFor();

  await page.getByRole("button", { name: "Check workbook" }).click();
  await page.getByTestId("check-result").waitFor();
  return still(page);
}

/** An assessed workbook in Office's dark theme, checked, with the plan preview open. */
async function dark(page: Page): Promise<Buffer> {
  await page
    .getByTestId("overview-assessed")
    .getByText(/\d+ of \d+ rows/)
    .waitFor();
  await page.getByRole("button", { name: "Check workbook" }).click();
  await page.getByTestId("check-result").waitFor();
  await page.getByRole("button", { name: "Preview plan" }).click();
  await page.getByTestId("plan-preview").waitFor();
  return still(page);
}

export async function main(argv: string[]): Promise<number> {
  const outArg = argv.indexOf("--out");
  if (outArg >= 0 && !argv[outArg + 1]) {
    process.stderr.write("--out needs a folder, e.g. --out /tmp/shots\n");
    return 2;
  }
  const out = outArg >= 0 ? path.resolve(argv[outArg + 1]) : path.join(ROOT, "docs", "images");
  const executable = findExecutable(["chromium", "chromium-browser"]);
  if (!executable) {
    process.stderr.write("Chromium not found on PATH (Debian: apt-get install chromium).\n");
    return 1;
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-assessor-screenshots-"));
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    process.stderr.write("Building the task pane and the fake host…\n");
    await buildE2EBundles(dir);
    server = await serve(dir);
    browser = await chromium.launch({
      executablePath: executable,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const errors: string[] = [];
    let shots: [string, Buffer][] = [];
    try {
      shots = [
        [
          "taskpane-light.png",
          await light(await open(browser, server, "seed=checklist", "light", errors)),
        ],
        [
          "taskpane-dark.png",
          await dark(await open(browser, server, "seed=assessed&theme=dark", "dark", errors)),
        ],
      ];
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
    if (errors.length) {
      process.stderr.write(
        `The task pane did not reach the screenshot state; nothing written:\n${errors.join("\n")}\n`
      );
      return 1;
    }
    fs.mkdirSync(out, { recursive: true });
    for (const [name, png] of shots) {
      fs.writeFileSync(path.join(out, name), png);
      process.stdout.write(`${path.relative(process.cwd(), path.join(out, name)) || name}\n`);
    }
    return 0;
  } finally {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
