// The Summary charts the CLI writes, opened in LibreOffice: (a) converted to .ods and back to
// .xlsx, every chart survives with its series on the same Summary ranges (and, recalculated, the
// values the cells compute); (b) the Summary's chart column printed to PDF draws them (chart
// titles on the page, brand-green bars and status-coloured pie slices in the pixels). Also renders docs/images/summary-charts.png
// when SAVE_SUMMARY_CHARTS=1.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CLAUSES, CONTROLS } from "../../src/catalog";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/core/contract";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { describeWithTool, findExecutable } from "../support/externalTools";
import { SOFFICE, recalculate, resultOf } from "../support/libreoffice";
import { fillRealistically, realisticRows } from "../support/realisticAssessment";
import { chartsOn, readPackage, type ChartRead } from "./chartsPackage";

const run = promisify(execFile);
const PDFTOPPM = findExecutable(["pdftoppm"]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-charts-lo-"));
const file = (n: string): string => path.join(dir, n);
const silent = { out: () => undefined, err: () => undefined };
// A realistic assessment, half of it done at the first snapshot and all of it at the second.
const LATEST = realisticRows();
const EARLIER = LATEST.filter((_, i) => i % 2 === 0);
const OURS = ["ComplianceByArea", "ComplianceByTheme", "ComplianceTrend", "StatusMix"];

/** LibreOffice headless with a private profile that recalculates OOXML on load. */
async function soffice(args: string[]): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gap-lo-charts-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`
  );
  await run(
    SOFFICE as string,
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args],
    { timeout: 180000 }
  );
}

/**
 * A copy that prints only `area` of the Summary, on one page: every other sheet hidden
 * (LibreOffice prints visible sheets only), Summary active, its print area and fit replaced.
 */
async function summaryArea(from: string, to: string, area: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  let workbook = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
  const tags = workbook.match(/<sheet\b[^>]*>/g) ?? [];
  const index = tags.findIndex((t) => t.includes(`name="${SHEETS.summary}"`));
  workbook = workbook
    .replace(/<sheet\b[^>]*>/g, (t) =>
      t.includes(`name="${SHEETS.summary}"`) ? t : t.replace(/state="[^"]*"/, 'state="hidden"')
    )
    .replace(/activeTab="\d+"/, `activeTab="${index}"`);
  workbook = workbook.replace(
    new RegExp(
      `<definedName name="_xlnm.Print_Area" localSheetId="${index}"[^>]*>[^<]*</definedName>`
    ),
    ""
  );
  const name = `<definedName name="_xlnm.Print_Area" localSheetId="${index}">'${SHEETS.summary}'!${area}</definedName>`;
  workbook = workbook.includes("<definedNames>")
    ? workbook.replace("<definedNames>", `<definedNames>${name}`)
    : workbook.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`);
  // One page: fit to page, 1 × 1.
  const rels = await (zip.file("xl/_rels/workbook.xml.rels") as JSZip.JSZipObject).async("string");
  const id = /r:id="([^"]*)"/.exec(tags[index])?.[1] as string;
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? "";
  const part = `xl/${target.replace(/^\/?xl\//, "")}`;
  let sheet = await (zip.file(part) as JSZip.JSZipObject).async("string");
  sheet = sheet
    .replace(/<pageSetUpPr\b[^>]*\/>/, "")
    .replace(/<sheetPr\b([^>]*?)\/>/, "<sheetPr$1></sheetPr>")
    .replace(/<\/sheetPr>/, '<pageSetUpPr fitToPage="1"/></sheetPr>')
    .replace(
      /<pageSetup\b[^>]*\/>/,
      '<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="1"/>'
    );
  zip.file(part, sheet);
  zip.file("xl/workbook.xml", workbook);
  fs.writeFileSync(to, await zip.generateAsync({ type: "nodebuffer" }));
}

/** An RGB image from pdftoppm's PPM (P6) output. */
function readPpm(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("not a PPM");
  return { width: +header[1], height: +header[2], rgb: bytes.subarray(header[0].length) };
}

/** Pixels within `tolerance` of a colour ("RRGGBB"). */
function pixelsNear(image: { rgb: Buffer }, hex: string, tolerance = 40): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < image.rgb.length; i += 3)
    if (
      Math.abs(image.rgb[i] - r) +
        Math.abs(image.rgb[i + 1] - g) +
        Math.abs(image.rgb[i + 2] - b) <=
      tolerance
    )
      n++;
  return n;
}

/**
 * The rectangle the chart frames make: their borders (a light grey) are the only lines of that
 * colour running over half the page's height (left, right) or half the frames' width (top, bottom).
 */
function frameBox(
  image: { width: number; height: number; rgb: Buffer },
  hex: string
): { left: number; top: number; right: number; bottom: number } {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const hit = (x: number, y: number): boolean => {
    const i = (y * image.width + x) * 3;
    return (
      Math.abs(image.rgb[i] - r) +
        Math.abs(image.rgb[i + 1] - g) +
        Math.abs(image.rgb[i + 2] - b) <=
      12
    );
  };
  const columns: number[] = [];
  for (let x = 0; x < image.width; x++) {
    let n = 0;
    for (let y = 0; y < image.height; y++) if (hit(x, y)) n++;
    if (n > image.height / 2) columns.push(x);
  }
  const left = Math.min(...columns);
  const right = Math.max(...columns);
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let n = 0;
    for (let x = left; x <= right; x++) if (hit(x, y)) n++;
    if (n > (right - left) / 2) rows.push(y);
  }
  return { left, right, top: Math.min(...rows), bottom: Math.max(...rows) };
}

/** `'Summary'!$A$13:$A$19` → `Summary.A13:Summary.A19`, as LibreOffice names ranges in .ods. */
function odsRange(ref: string): string {
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const [, sheet, c1, r1, c2 = c1, r2 = r1] = m;
  return `${sheet}.${c1}${r1}:${sheet}.${c2}${r2}`;
}

const plainRef = (ref: string): string => ref.replace(/'/g, "");

describeWithTool("LibreOffice", SOFFICE, "Summary charts in LibreOffice", () => {
  let ours: ChartRead[];
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 46000 });
    await fillRealistically(file("base.xlsx"), file("a1.xlsx"), EARLIER);
    expect(
      await main(
        ["snapshot", file("a1.xlsx"), "--out", file("s1.xlsx"), "--date", "2026-01-31"],
        silent
      )
    ).toBe(0);
    await fillRealistically(file("s1.xlsx"), file("a2.xlsx"), LATEST);
    expect(
      await main(
        ["snapshot", file("a2.xlsx"), "--out", file("s2.xlsx"), "--date", "2026-02-28"],
        silent
      )
    ).toBe(0);
    ours = chartsOn(await readPackage(file("s2.xlsx")), SHEETS.summary);
    expect(ours.map((c) => c.name).sort()).toEqual(OURS);
  });

  it("keeps every chart, on the same ranges, through .ods and back to .xlsx", async () => {
    await soffice(["--convert-to", "ods", "--outdir", dir, file("s2.xlsx")]);
    const ods = await JSZip.loadAsync(fs.readFileSync(file("s2.ods")));
    const content = await (ods.file("content.xml") as JSZip.JSZipObject).async("string");
    const frames = [
      ...content.matchAll(
        /<draw:frame\b[^>]*draw:name="([^"]*)"[^>]*>\s*<draw:object\b[^>]*draw:notify-on-update-of-ranges="([^"]*)"[^>]*xlink:href="\.\/([^"]*)"/g
      ),
    ];
    expect(frames.map((f) => f[1]).sort()).toEqual(OURS);
    const kinds: Record<string, string> = {};
    for (const [, name, ranges, object] of frames) {
      const chart = ours.find((c) => c.name === name) as ChartRead;
      const expected = chart.series.flatMap((s) =>
        [s.name, s.categories, s.values].filter((r): r is string => !!r).map(odsRange)
      );
      for (const range of expected) expect(ranges.split(" ")).toContain(range);
      const inner = await (ods.file(`${object}/content.xml`) as JSZip.JSZipObject).async("string");
      kinds[name] = /<chart:chart\b[^>]*chart:class="chart:(\w+)"/.exec(inner)?.[1] ?? "";
    }
    expect(kinds).toEqual({
      ComplianceByArea: "bar",
      ComplianceByTheme: "bar",
      ComplianceTrend: "line",
      StatusMix: "circle",
    });

    // Back to .xlsx through LibreOffice's own writer, recalculated: same refs, and caches that
    // hold what the Summary cells compute.
    const [resaved] = await recalculate([file("s2.xlsx")]);
    const again = chartsOn(await readPackage(resaved), SHEETS.summary);
    expect(again.map((c) => c.name).sort()).toEqual(OURS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(resaved);
    const summary = wb.getWorksheet(SHEETS.summary) as ExcelJS.Worksheet;
    for (const chart of ours) {
      const theirs = again.find((c) => c.name === chart.name) as ChartRead;
      expect(theirs.series.map((s) => [s.categories, s.values].map(plainRef))).toEqual(
        chart.series.map((s) => [s.categories, s.values].map(plainRef))
      );
      for (const s of theirs.series) {
        const [, col, top] = /\$([A-Z]+)\$(\d+)/.exec(s.values) as RegExpExecArray;
        for (const [idx, cached] of s.valueCache) {
          const cell = resultOf(summary.getCell(`${col}${Number(top) + idx}`));
          expect(Number(cached)).toBeCloseTo(Number(cell), 9);
        }
      }
    }
    // Computed values, not blanks.
    const clause = again.find((c) => c.name === "ComplianceByArea") as ChartRead;
    expect(clause.series[0].valueCache.size).toBeGreaterThan(0);
    const mix = again.find((c) => c.name === "StatusMix") as ChartRead;
    const counts = [...mix.series[0].valueCache.values()].map(Number);
    const scored = ["Compliant", "Partially Compliant", "Non-Compliant", "Not Applicable"].map(
      (status) => LATEST.filter((r) => r.status === status).length
    );
    const rows = CLAUSES.length + CONTROLS.length;
    expect(counts).toEqual([...scored, rows - LATEST.length]);
  });

  (PDFTOPPM ? it : it.skip)(
    "draws the charts when the Summary's chart column is printed",
    async () => {
      // J3:Q72 holds the four charts (J4:Q71) and nothing else: one page, fitted.
      await summaryArea(file("s2.xlsx"), file("charts-only.xlsx"), "$J$3:$Q$72");
      await soffice(["--convert-to", "pdf", "--outdir", dir, file("charts-only.xlsx")]);
      const pdf = file("charts-only.pdf");
      const titles = [
        "Compliance per clause",
        "Compliance per Annex A theme",
        "Status mix",
        "Compliance over time",
      ];
      let page = 0;
      for (let p = 1; p <= 10 && !page; p++) {
        const text = await run("pdftotext", ["-f", `${p}`, "-l", `${p}`, pdf, "-"]).then(
          (r) => r.stdout,
          () => null
        );
        if (text === null) break;
        if (titles.every((t) => text.includes(t))) page = p;
      }
      expect(page).toBeGreaterThan(0);
      const { stdout } = await run(
        PDFTOPPM as string,
        ["-f", `${page}`, "-l", `${page}`, "-r", "60", "-singlefile", pdf],
        { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 }
      );
      const image = readPpm(stdout as unknown as Buffer);
      // Bars in brand green (#217346): drawn only where a compliance value was calculated.
      expect(pixelsNear(image, "217346")).toBeGreaterThan(1000);
      // Pie slices in the status colours, each well over its legend key's few pixels.
      const slices = ["548235", "FFC000", "C00000"].map((c) => pixelsNear(image, c, 30));
      for (const n of slices) expect(n).toBeGreaterThan(150);

      // The README image (docs/images/summary-charts.png): this page, cropped to the chart frames
      // (their light grey borders), at 96 dpi.
      const frame = frameBox(image, "D9D9D9");
      expect(frame.right - frame.left).toBeGreaterThan(100);
      const scale = 96 / 60;
      const crop = [
        frame.left - 2,
        frame.top - 2,
        frame.right - frame.left + 4,
        frame.bottom - frame.top + 4,
      ].map((n) => `${Math.round(n * scale)}`);
      await run(PDFTOPPM as string, [
        "-f",
        `${page}`,
        "-l",
        `${page}`,
        "-r",
        "96",
        "-x",
        crop[0],
        "-y",
        crop[1],
        "-W",
        crop[2],
        "-H",
        crop[3],
        "-png",
        "-singlefile",
        pdf,
        file("summary-charts"),
      ]);
      const png = fs.readFileSync(file("summary-charts.png"));
      expect(png.length).toBeLessThan(200 * 1024);
      if (process.env.SAVE_SUMMARY_CHARTS === "1")
        fs.writeFileSync(path.join(__dirname, "../../docs/images/summary-charts.png"), png);
    }
  );
});
