// Oversized and crafted files are refused with a WorkbookReadError that names the file, the part
// or sheet and the limit, before anything is expanded: a zip bomb of 1.6 million rows, parts that
// inflate to more than they declare, declared sizes over the limit, too many cells or entries, a
// file over the size limit. The jest timeouts are hang guards, not speed checks.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { WorkbookReadError } from "../../../src/core/errors";
import {
  MAX_CELLS,
  MAX_FILE_BYTES,
  MAX_SHEET_ROWS,
  MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
} from "../../../src/xlsx/package/limits";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";
import { declareSize } from "../../support/zipBytes";

const HANG_GUARD_MS = 30_000;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const SHEET = "xl/worksheets/sheet1.xml";

/** A minimal one-sheet package whose sheet XML is `sheetData` (the rows) wrapped as a worksheet. */
function workbookZip(sheetData: string, sheetName = "Evidence"): JSZip {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>'
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
  );
  zip.file(SHEET, `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`);
  return zip;
}

const deflate = (zip: JSZip): Promise<Buffer> =>
  zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });

async function refusal(source: Buffer | string): Promise<WorkbookReadError> {
  try {
    await readSnapshots(source);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }
  throw new Error("the file was read instead of refused");
}

const number = (n: number): string => n.toLocaleString("en-US");

describe("package limits", () => {
  it(
    "refuses a zip bomb of 1.6 million rows while inflating it",
    async () => {
      const rows = "<row><c><v>1</v></c></row>".repeat(1_600_000);
      const bomb = await deflate(workbookZip(rows));
      expect(bomb.length).toBeLessThan(1024 * 1024); // ~43 MB of XML in well under 1 MB
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-bomb-"));
      const file = path.join(dir, "bomb.xlsx");
      fs.writeFileSync(file, bomb);
      const error = await refusal(file);
      expect(error.message).toBe(
        `"${file}": sheet "Evidence" (${SHEET}) has more than ${number(MAX_SHEET_ROWS)} rows, the limit per sheet`
      );
      expect(error.hint).toMatch(/Evidence/);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    HANG_GUARD_MS
  );

  it(
    "refuses a part that inflates to more than it declares",
    async () => {
      const rows = "<row><c><v>1</v></c></row>".repeat(100_000);
      const lying = declareSize(await deflate(workbookZip(rows)), SHEET, 4096);
      const error = await refusal(lying);
      expect(error.message).toMatch(
        new RegExp(`part ${SHEET} declares 4,096 bytes but unpacks to more`)
      );
    },
    HANG_GUARD_MS
  );

  it("refuses declared sizes over the limit before inflating anything", async () => {
    const big = declareSize(await deflate(workbookZip("")), SHEET, MAX_UNCOMPRESSED_BYTES * 1.25);
    const error = await refusal(big);
    expect(error.message).toMatch(
      /unpacks to 320 MB \(the largest part is xl\/worksheets\/sheet1\.xml\)/
    );
    expect(error.message).toMatch(/more than the 256 MB limit/);
  });

  it(
    "refuses more cells than the workbook limit",
    async () => {
      const rows = "<row><c/><c/><c/><c/><c/><c/></row>".repeat(Math.ceil(MAX_CELLS / 6) + 1);
      const error = await refusal(await deflate(workbookZip(rows, "Raw data")));
      expect(error.message).toBe(
        `The workbook has more than ${number(MAX_CELLS)} cells, the limit per workbook ` +
          `(reached on sheet "Raw data", ${SHEET}); formatted empty cells count too`
      );
    },
    HANG_GUARD_MS
  );

  it(
    "refuses more zip entries than the limit",
    async () => {
      const zip = workbookZip("<row><c><v>1</v></c></row>");
      for (let i = 0; i < MAX_ZIP_ENTRIES; i++) zip.file(`customXml/item${i}.xml`, "<a/>");
      const error = await refusal(await zip.generateAsync({ type: "nodebuffer" }));
      // The package's own parts, its folders and the padding entries.
      expect(error.message).toMatch(/holds 10,0\d\d zip entries, more than the limit of 10,000/);
    },
    HANG_GUARD_MS
  );

  it("refuses a file over the size limit without reading it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-limits-"));
    const file = path.join(dir, "huge.xlsx");
    fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    fs.truncateSync(file, MAX_FILE_BYTES * 1.5); // sparse: costs no disk and no reading
    const error = await refusal(file);
    expect(error.message).toBe(`"${file}" is 150 MB, more than the 100 MB limit for an .xlsx file`);
    expect(error.hint).toMatch(/CSV/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads a file of ordinary size as before", async () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`
    );
    const [sheet] = await readSnapshots(await deflate(workbookZip(rows.join(""))));
    expect(sheet.values.length).toBe(1000);
    expect(sheet.values[999][0]).toBe(999);
  });
});
