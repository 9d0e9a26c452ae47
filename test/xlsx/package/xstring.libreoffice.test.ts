// Literal `_x0041_` text survives a file saved by LibreOffice: OOXML stores it escaped as
// `_x005F_x0041_` (in shared strings, formula text and cached formula results), and we read back
// what the person typed, not "A". The file is saved by LibreOffice headless from a CSV.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";
import JSZip from "jszip";
import { buildAssessmentFile } from "../../../src/xlsx/build";
import { openXlsxPackage } from "../../../src/xlsx/package/openXlsxPackage";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";
import { describeWithTool } from "../../support/externalTools";
import { SOFFICE } from "../../support/libreoffice";

const CSV = [
  "ID,Text,Formula",
  '1,_x0041_,"=CONCATENATE(""_x00"";""41_"")"',
  "2,plain _x005F_ text,x",
  "3,A_x000D_B,_X0041_",
].join("\n");

describeWithTool("LibreOffice (soffice)", SOFFICE, "_xHHHH_ text in a LibreOffice file", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-xstring-lo-"));
  const xlsx = path.join(dir, "literal.xlsx");

  beforeAll(async () => {
    const csv = path.join(dir, "literal.csv");
    fs.writeFileSync(csv, CSV);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gap-lo-profile-"));
    await promisify(execFile)(
      SOFFICE as string,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        dir,
        csv,
      ],
      { timeout: 180000 }
    );
    if (!fs.existsSync(xlsx)) throw new Error("LibreOffice did not write literal.xlsx");
  }, 200000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("stores the literal text escaped", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
    const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
    expect(strings).toContain("_x005F_x0041_");
  });

  it("reads the text as typed, in strings, formula results and formulas", async () => {
    const [sheet] = await readSnapshots(xlsx);
    expect(sheet.values.map((row) => row[1])).toEqual([
      "Text",
      "_x0041_",
      "plain _x005F_ text",
      "A_x000D_B",
    ]);
    expect(sheet.text[1][1]).toBe("_x0041_");
    // A formula's cached string result and the formula text are escaped the same way.
    expect(sheet.values[1][2]).toBe("_x0041_");
    expect(sheet.formulas[1][2]).toMatch(/^=CONCATENATE\("_x00"[,;]"41_"\)$/);
    expect(sheet.values[3][2]).toBe("_X0041_");
  });

  it("writes the literal text back escaped when the workbook is rebuilt", async () => {
    const out = path.join(dir, "rebuilt.xlsx");
    await buildAssessmentFile({ from: xlsx, out, org: "Acme" });
    const [again] = await readSnapshots(out, { sheets: ["literal"] });
    expect(again.values[1][1]).toBe("_x0041_");
    expect(again.values[2][1]).toBe("plain _x005F_ text");
    // Through the pre-pass: ExcelJS alone misreads the calculated-column formulas of our tables.
    const { workbook: raw } = await openXlsxPackage(out);
    expect(raw.worksheets.map((w) => w.name)).toContain("literal");
  });
});
