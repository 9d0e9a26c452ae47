// Printing a realistically filled workbook, as a person would from LibreOffice: every sheet to
// PDF on A4 and on Letter, then the pages read back with poppler (pdfinfo, pdftotext). Each page
// is landscape, carries the classification and version on top and organisation, sheet and
// "Page N of M" below; nothing prints as ### or cut; the wide assessment sheets print their
// status and evidence columns; Settings fits two pages; the Summary's readiness starts a page.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { SHEETS } from "../../src/core/contract";
import { BLOCKER_KINDS } from "../../src/core/readiness";
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { renderPlanToWorkbook } from "../../src/xlsx/renderPlan";
import { describeWithTool, findExecutable } from "../support/externalTools";
import { SOFFICE } from "../support/libreoffice";
import { realisticRows, type AssessedRow } from "../support/realisticAssessment";
import { realisticPlan } from "../support/realisticPlan";

const run = promisify(execFile);
const PDFTOTEXT = findExecutable(["pdftotext"]);
const TOOLS = SOFFICE && PDFTOTEXT ? SOFFICE : null;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-print-"));

interface Page {
  number: number;
  width: number;
  height: number;
  text: string;
  /** The sheet named in the footer ("… · Annex A · Page 2 of 9"). */
  sheet: string | null;
}

const flat = (text: string): string => text.replace(/\s+/g, " ").trim();

async function printToPdf(plan: WorkbookPlan, paperSize: number, name: string): Promise<Page[]> {
  const workbook = new ExcelJS.Workbook();
  await renderPlanToWorkbook(plan, workbook);
  // The paper a printer would use (the plan leaves it to the printer's default).
  for (const ws of workbook.worksheets) ws.pageSetup.paperSize = paperSize as never;
  const xlsx = path.join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(xlsx);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gap-print-profile-"));
  await run(
    SOFFICE as string,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      xlsx,
    ],
    { timeout: 240000 }
  );
  const pdf = path.join(dir, `${name}.pdf`);
  const info = (await run("pdfinfo", ["-f", "1", "-l", "9999", pdf])).stdout;
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    number: Number(m[1]),
    width: Number(m[2]),
    height: Number(m[3]),
  }));
  const texts = (await run("pdftotext", [pdf, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout.split(
    "\f"
  );
  const sheets = plan.sheets.map((s) => s.name);
  return sizes.map((size, i) => {
    const text = texts[i] ?? "";
    const footer = flat(text).match(/· ([^·]+?) · Page \d+ of \d+/);
    const sheet = footer ? (sheets.find((s) => s === footer[1].trim()) ?? footer[1].trim()) : null;
    return { ...size, text, sheet };
  });
}

describeWithTool("LibreOffice and poppler", TOOLS, "printing the workbook", () => {
  const plan = realisticPlan("Acme & Sons Ltd");
  const rows = realisticRows();
  const papers = [
    { name: "a4", paperSize: 9, width: 841.9, height: 595.3 },
    { name: "letter", paperSize: 1, width: 792, height: 612 },
  ];
  const printed = new Map<string, Page[]>();
  beforeAll(async () => {
    for (const paper of papers)
      printed.set(paper.name, await printToPdf(plan, paper.paperSize, paper.name));
  }, 480000);

  const pagesOf = (paper: string, sheet: string): Page[] =>
    (printed.get(paper) ?? []).filter((p) => p.sheet === sheet);

  it.each(papers)("prints every sheet landscape on $name, nothing as ###", (paper) => {
    const pages = printed.get(paper.name) ?? [];
    expect(pages.length).toBeGreaterThan(plan.sheets.length);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(paper.width, 0);
      expect(page.height).toBeCloseTo(paper.height, 0);
      expect(page.text).not.toContain("###");
    }
    // Every sheet of the plan is on paper, named in its footers.
    expect(new Set(pages.map((p) => p.sheet))).toEqual(new Set(plan.sheets.map((s) => s.name)));
  });

  it.each(papers)(
    "heads each page with the classification and version, foots it with organisation, sheet and page N of M ($name)",
    (paper) => {
      const pages = printed.get(paper.name) ?? [];
      for (const page of pages) {
        const text = flat(page.text);
        expect(text).toContain("Confidential");
        expect(text).toContain("Version 1.0");
        // Printing the whole workbook numbers its pages through (as Excel does for a workbook).
        expect(text).toContain(
          `Acme & Sons Ltd · ${page.sheet} · Page ${page.number} of ${pages.length}`
        );
      }
    }
  );

  it.each(papers)(
    "prints status, evidence and scores of the assessment rows at a readable page count ($name)",
    (paper) => {
      for (const sheet of [SHEETS.clauses, SHEETS.annexA]) {
        const pages = pagesOf(paper.name, sheet);
        const text = flat(pages.map((p) => p.text).join(" "));
        // Header row repeated on every page: the printed columns by name.
        for (const page of pages)
          for (const header of ["ID", "Title", "Status", "Evidence", "Owner", "Priority"])
            expect(flat(page.text)).toContain(header);
        // The question column is left to the screen.
        expect(text).not.toContain("Question");
        // A known row's status and evidence (its first words; long evidence wraps in the cell).
        const known = rows.find(
          (r) => r.sheet === sheet && r.status === "Partially Compliant" && r.evidence
        ) as AssessedRow;
        const evidence = flat(String(known.evidence)).split(" ").slice(0, 2).join(" ");
        expect(text).toContain(evidence);
        expect(text).toContain("Partially Compliant");
        // Rows on a page: more than a handful, so the sheet takes pages in proportion.
        const tableRows = plan.sheets.find((s) => s.name === sheet)?.tables[0]?.rows ?? 0;
        expect(pages.length).toBeLessThanOrEqual(Math.ceil(tableRows / 5));
      }
    }
  );

  it.each(papers)("prints Settings compactly, on at most two pages ($name)", (paper) => {
    const pages = pagesOf(paper.name, SHEETS.settings);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const text = flat(pages.map((p) => p.text).join(" "));
    expect(text).toContain("Classification");
    expect(text).toContain("Remediation planning");
  });

  it.each(papers)(
    "prints the Summary whole: statuses uncut, no helper column, no section split ($name)",
    (paper) => {
      const pages = pagesOf(paper.name, SHEETS.summary);
      const text = flat(pages.map((p) => p.text).join(" "));
      expect(text).toContain("Partially Compliant");
      expect(text).not.toMatch(/Partially Complia(?!nt)/);
      expect(text).not.toContain("Table row");
      // The readiness section on one page: its title, both verdicts and every blocker line.
      const readiness = pages.filter((p) => p.text.includes("Certification readiness"));
      expect(readiness).toHaveLength(1);
      const page = flat(readiness[0].text);
      for (const line of ["Stage 1 (documentation review)", "Stage 2 (certification audit)"])
        expect(page).toContain(line);
      for (const kind of BLOCKER_KINDS) expect(page).toContain(kind.label);
      // No page holds only leftovers of the section before (a near-empty page).
      for (const p of pages) expect(flat(p.text).length).toBeGreaterThan(120);
    }
  );
});
