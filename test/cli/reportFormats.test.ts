// `gap-assessor report --out report.html | report.docx`: the report people send. The HTML is one
// self-contained page (inline CSS and SVG, no external URL) with the executive summary's figures;
// the DOCX opens in LibreOffice (converted headless to text and to PNG), skipped with a notice when
// soffice is absent unless CI=true.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { main } from "../../src/cli/main";

import { SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { capture } from "../support/cliIo";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-report-formats-"));
const file = (n: string): string => path.join(dir, n);

/** Sets columns of rows (by ID) on one assessment sheet. */
async function fill(
  from: string,
  to: string,
  sheet: string,
  edits: Record<string, Record<string, ExcelJS.CellValue>>
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(from, wb);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const cols = new Map<string, number>();
  ws.getRow(TABLE_HEADER_ROW).eachCell((c, i) => cols.set(String(c.value), i));
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const values = edits[String(ws.getCell(r, 1).value)];
    if (!values) continue;
    for (const [c, v] of Object.entries(values)) ws.getCell(r, cols.get(c) as number).value = v;
  }
  await wb.xlsx.writeFile(to);
}

const HOSTILE = `<script>alert(1)</script><img src="http://evil.example/x.png"> & "quotes"`;

function sofficePath(): string | null {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], {
    encoding: "utf8",
  });
  return found.status === 0 ? found.stdout.trim().split("\n")[0] : null;
}

describe("gap-assessor report --out .html / .docx", () => {
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 46000, org: "Acme & Co" });
    // 4 clauses assessed: 2 compliant, 1 partial, 1 non-compliant → (2 + 0.5) / 4 = 62.5%.
    await fill(file("base.xlsx"), file("a.xlsx"), SHEETS.clauses, {
      "4.1": { Status: "Compliant" },
      "4.2": { Status: "Compliant" },
      "5.2": { Status: "Partially Compliant", Likelihood: 3, Impact: 4, Owner: "CISO" },
      "6.1.2": { Status: "Non-Compliant", Likelihood: 4, Impact: 4, Owner: "Risk lead" },
    });
    // 2 controls: 8.8 non-compliant (20, Critical), 5.1 compliant → Annex A 50%; overall 3.5 / 6.
    await fill(file("a.xlsx"), file("b.xlsx"), SHEETS.annexA, {
      "8.8": {
        Status: "Non-Compliant",
        Likelihood: 4,
        Impact: 5,
        Owner: HOSTILE,
        Evidence: HOSTILE,
      },
      "5.1": { Status: "Compliant" },
    });
    expect(await main(["plan", file("b.xlsx"), "--out", file("c.xlsx")], capture())).toBe(0);
  }, 120_000);

  it("writes one self-contained HTML page with the summary, the charts and the right figures", async () => {
    const before = fs.readFileSync(file("c.xlsx"));
    const io = capture();
    expect(
      await main(
        ["report", file("c.xlsx"), "--out", file("report.html"), "--date", "2026-03-01"],
        io
      )
    ).toBe(0);
    expect(io.stdout).toMatch(/^Wrote .*report\.html \(HTML, \d+ bytes\)/);
    expect(fs.readFileSync(file("c.xlsx")).equals(before)).toBe(true);
    const html = fs.readFileSync(file("report.html"), "utf8");

    expect(html).toMatch(/^<!DOCTYPE html>/);
    // Self-contained: no script, no external resource or link of any kind.
    expect(html).not.toMatch(/<script/i);
    // (Cell text is escaped, so every "<" that opens a tag is ours.)
    expect(html).not.toMatch(/<[a-z][^<>]*\s(?:src|href|xlink:href|action|formaction)\s*=/i);
    expect(html).not.toMatch(/url\(|@import|<link\b|<img\b|<iframe\b|<object\b/i);
    // Hostile cell text shows as text.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // Print layout.
    expect(html).toContain("@page");
    expect(html).toContain("@media print");

    // Executive summary in plain words, with the figures.
    expect(html).toContain("<h2>Executive summary</h2>");
    expect(html).toContain("Acme &amp; Co meets 58.3% of the ISO/IEC 27001:2022 requirements");
    expect(html).toContain("clauses 4-10: 62.5%; Annex A controls: 50.0%");
    expect(html).toContain("6 of 123 clauses and controls are assessed");
    expect(html).toContain("<h3>The three biggest risks</h3>");
    expect(html).toMatch(
      /<li>A\.8\.8 Management of technical vulnerabilities: not in place, critical risk \(priority 20\)/
    );
    expect(html).toMatch(/Stage 1 \(documentation review\): not ready — \d+ blockers to clear/);
    expect(html).toMatch(
      /Closing the \d+ open actions of the plan takes an estimated [\d,]+ person-days/
    );

    // The same figures as the Markdown report.
    const md = capture();
    expect(await main(["report", file("c.xlsx"), "--date", "2026-03-01"], md)).toBe(0);
    expect(md.stdout).toContain("| **Overall** | **58.3%** | 6 of 123 |");

    // Charts: clause bars, theme bars, status mix, trend placeholder (no snapshot yet).
    expect((html.match(/<svg class="chart bars"/g) ?? []).length).toBe(2);
    expect(html).toContain('<svg class="chart mix"');
    expect(html).toContain("Compliant: 3");
    expect(html).toContain("Non-Compliant: 2");
    expect(html).toContain("Partially Compliant: 1");
    expect(html).toContain("No snapshot recorded yet");
    expect(html).toMatch(/<text[^>]*>4 Context of the organization<\/text>.*?>100\.0%</s);

    // The other sections.
    for (const h of [
      "Scores",
      "Certification readiness",
      "Remediation plan by phase",
      "Statement of Applicability",
      "Method and scope",
    ])
      expect(html).toContain(`<h2>${h}</h2>`);
  });

  it("draws the trend once Snapshot History has rows", async () => {
    expect(
      await main(
        ["snapshot", file("c.xlsx"), "--out", file("d.xlsx"), "--date", "2026-02-01"],
        capture()
      )
    ).toBe(0);
    expect(
      await main(
        ["report", file("d.xlsx"), "--out", file("trend.html"), "--date", "2026-03-01"],
        capture()
      )
    ).toBe(0);
    const html = fs.readFileSync(file("trend.html"), "utf8");
    expect(html).toContain('<svg class="chart trend"');
    expect(html).toContain("2026-02-01");
    expect(html).toContain("2026-03-01 (now)");
  });

  it("refuses a PDF target with a hint", async () => {
    const io = capture();
    expect(await main(["report", file("c.xlsx"), "--out", file("r.pdf")], io)).toBe(2);
    expect(io.stderr).toMatch(/not \.pdf/);
  });

  it("writes a Word document that LibreOffice opens", async () => {
    const io = capture();
    expect(
      await main(
        ["report", file("c.xlsx"), "--out", file("report.docx"), "--date", "2026-03-01"],
        io
      )
    ).toBe(0);
    expect(io.stdout).toMatch(/^Wrote .*report\.docx \(Word document, \d+ bytes\)/);
    const bytes = fs.readFileSync(file("report.docx"));
    expect(bytes.subarray(0, 2).toString()).toBe("PK");

    const soffice = sofficePath();
    if (!soffice) {
      if (process.env.CI === "true") throw new Error("soffice is required on CI");
      console.warn("soffice not found: skipping the LibreOffice rendering of report.docx");
      return;
    }
    const out = file("converted");
    const profile = `file://${file("lo-profile")}`;
    const convert = (to: string): void => {
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          to,
          "--outdir",
          out,
          file("report.docx"),
        ],
        { stdio: "pipe", timeout: 120_000 }
      );
    };
    convert("txt:Text");
    const text = fs.readFileSync(path.join(out, "report.txt"), "utf8");
    expect(text).toContain("Executive summary");
    expect(text).toContain("Acme & Co meets 58.3% of the ISO/IEC 27001:2022 requirements");
    expect(text).toContain("clauses 4-10: 62.5%; Annex A controls: 50.0%");
    expect(text).toContain("A.8.8 Management of technical vulnerabilities");
    expect(text).toContain(HOSTILE.replace(/\s+/g, " ").slice(0, 20));
    expect(text).toContain("Remediation plan by phase");

    // Rendered: Writer to PDF, then the first page to PNG (LibreOffice's own PNG export needs Draw).
    convert("pdf");
    const pdf = path.join(out, "report.pdf");
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const pdftoppm = spawnSync("sh", ["-c", "command -v pdftoppm"], { encoding: "utf8" });
    if (pdftoppm.status !== 0) {
      if (process.env.CI === "true") throw new Error("pdftoppm (poppler-utils) is required on CI");
      console.warn("pdftoppm not found: skipping the PNG rendering of report.docx");
      return;
    }
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "50",
      "-f",
      "1",
      "-l",
      "1",
      pdf,
      path.join(out, "page"),
    ]);
    const page = fs.readdirSync(out).find((n) => /^page-0*1\.png$/.test(n)) as string;
    const png = fs.readFileSync(path.join(out, page));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5_000);
  }, 240_000);
});
