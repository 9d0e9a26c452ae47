// How many data validations cover each cell of an .xlsx file, read straight from the package:
// `<dataValidation sqref>` and the x14 form in a worksheet's extLst (`<xm:sqref>`), which ExcelJS
// does not read. Excel applies one validation per cell; a cell covered twice is a file Excel
// repairs (or a rule shadowed without anyone seeing it).
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { parseCellAddress } from "../../src/core/snapshot";

/** Sheet name → `row:col` (0-based, as parseCellAddress) → number of validations covering it. */
export type ValidationCoverage = Map<string, Map<string, number>>;

const decode = (v: string): string =>
  v.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] as string
  );

/** Each cell of an A1 range ("B5", "B5:D9"), as `row:col` keys. */
export function cellsOf(range: string): string[] {
  const [a, b = a] = range.replace(/\$/g, "").split(":");
  const from = parseCellAddress(a);
  const to = parseCellAddress(b);
  const out: string[] = [];
  for (let row = from.row; row <= to.row; row++)
    for (let col = from.col; col <= to.col; col++) out.push(`${row}:${col}`);
  return out;
}

export async function validationCoverage(file: string): Promise<ValidationCoverage> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (p: string): Promise<string> =>
    (await zip.file(p.replace(/^\//, ""))?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /\bId="([^"]+)"/.exec(m[0])?.[1],
      /\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? "",
    ])
  );
  const coverage: ValidationCoverage = new Map();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const target = targets.get(/\br:id="([^"]+)"/.exec(m[0])?.[1]) ?? "";
    const part = target.startsWith("/") ? target : path.posix.join("xl", target);
    const xml = await text(part);
    const counts = new Map<string, number>();
    const count = (sqref: string): void => {
      for (const range of sqref.trim().split(/\s+/).filter(Boolean))
        for (const key of cellsOf(range)) counts.set(key, (counts.get(key) ?? 0) + 1);
    };
    for (const v of xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]*)"/g)) count(v[1]);
    for (const v of xml.matchAll(
      /<(?:\w+:)?dataValidation\b[^>]*(?<!\/)>(?:(?!<\/(?:\w+:)?dataValidation>)[\s\S])*?<(?:\w+:)?sqref>([^<]*)<\/(?:\w+:)?sqref>/g
    ))
      count(v[1]);
    coverage.set(name, counts);
  }
  return coverage;
}
