// Recalculates .xlsx files in LibreOffice headless and reads the results back with ExcelJS.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { findExecutable } from "./externalTools";

export const SOFFICE = findExecutable(["soffice", "libreoffice"]);

// A private profile that always recalculates OOXML files on load (never trusts cached results).
const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

function profileDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), PROFILE_XCU);
  return dir;
}

/** Recalculates every file in one LibreOffice run; returns the recalculated copies' paths. */
export async function recalculate(files: string[]): Promise<string[]> {
  if (!SOFFICE) throw new Error("LibreOffice (soffice) not found");
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-lo-out-"));
  const profile = profileDir();
  await promisify(execFile)(
    SOFFICE,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--calc",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      outDir,
      ...files,
    ],
    { timeout: 180000 }
  );
  return files.map((f) => {
    const out = path.join(outDir, path.basename(f));
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${f}`);
    return out;
  });
}

/** The value a formula cell computed (or a constant), as number | string | null. */
export function resultOf(cell: ExcelJS.Cell): number | string | boolean | null {
  const v = cell.value as unknown;
  if (v && typeof v === "object" && "formula" in (v as object)) {
    const r = (v as { result?: unknown }).result;
    if (r === undefined || r === null) return null;
    if (typeof r === "object" && r && "error" in (r as object))
      return `#ERR ${(r as { error: string }).error}`;
    return r as number | string | boolean;
  }
  if (v && typeof v === "object" && "sharedFormula" in (v as object))
    return ((v as { result?: unknown }).result ?? null) as number | string | null;
  return (v ?? null) as number | string | boolean | null;
}

/** Reads a workbook-level name's single cell result. */
export function nameResult(
  workbook: ExcelJS.Workbook,
  name: string
): number | string | boolean | null {
  const ranges = workbook.definedNames.getRanges(name).ranges;
  if (!ranges.length) throw new Error(`No name ${name}`);
  const [sheet, address] = ranges[0].replace(/\$/g, "").split("!");
  const ws = workbook.getWorksheet(sheet.replace(/^'|'$/g, ""));
  if (!ws) throw new Error(`Name ${name} points at missing sheet ${sheet}`);
  return resultOf(ws.getCell(address));
}
