// `node bin/run-ts.js test/e2e/printPage.ts`: the README's printed-page picture,
// docs/images/print-annex-a.png — the first page of Annex A of a realistically filled workbook,
// rendered by the file renderer, printed to PDF by LibreOffice headless (its default paper) and
// turned into a PNG by poppler's pdftoppm at 60 dpi. `npm test` never writes it.
//   --out FILE   write the PNG there instead
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { SHEETS } from "../../src/core/contract";
import { renderPlanToWorkbook } from "../../src/xlsx/renderPlan";
import { realisticPlan } from "../support/realisticPlan";
import { SOFFICE } from "../support/libreoffice";

const ROOT = path.resolve(__dirname, "../..");

async function main(): Promise<void> {
  const at = process.argv.indexOf("--out");
  const out =
    at > 0 ? path.resolve(process.argv[at + 1]) : path.join(ROOT, "docs/images/print-annex-a.png");
  if (!SOFFICE) throw new Error("LibreOffice (soffice) is needed");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-print-page-"));
  const workbook = new ExcelJS.Workbook();
  await renderPlanToWorkbook(realisticPlan(), workbook);
  const xlsx = path.join(dir, "workbook.xlsx");
  await workbook.xlsx.writeFile(xlsx);
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--norestore"].concat([
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      xlsx,
    ]),
    { stdio: "ignore", timeout: 240000 }
  );
  const pdf = path.join(dir, "workbook.pdf");
  const pages = execFileSync("pdftotext", [pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  }).split("\f");
  const page = pages.findIndex((text) => text.includes(`· ${SHEETS.annexA} · Page`)) + 1;
  if (page < 1) throw new Error("No Annex A page in the PDF");
  const stem = path.join(dir, "page");
  execFileSync("pdftoppm", [
    "-r",
    "60",
    "-png",
    "-singlefile",
    "-f",
    `${page}`,
    "-l",
    `${page}`,
    pdf,
    stem,
  ]);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.copyFileSync(`${stem}.png`, out);
  process.stdout.write(
    `${path.relative(ROOT, out)}: page ${page}, ${fs.statSync(out).size} bytes\n`
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
