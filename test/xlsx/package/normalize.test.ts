// The package pre-pass on its own: our own files pass through byte for byte; other writers'
// layouts (prefixed SpreadsheetML, odd part names, absolute targets) are rewritten so ExcelJS
// reads them; the helpers it is built from keep their contracts.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { WorkbookReadError } from "../../../src/core/errors";
import { clipSqref } from "../../../src/xlsx/package/cellRanges";
import {
  DRAWING_PLAN,
  canonicalizePrefixes,
  hasExpectedPrefixes,
  spreadsheetPlan,
} from "../../../src/xlsx/package/namespaces";
import { normalizeXlsxPackage } from "../../../src/xlsx/package/normalize";
import { relativeTarget, resolveTarget } from "../../../src/xlsx/package/relationships";
import { decodeXString, escapeForExcelJs } from "../../../src/xlsx/package/xstring";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A package as .NET OpenXML-SDK-based exporters write it: `x:` prefixes, its own part names. */
async function prefixedPackage(
  options: { absolute?: boolean; table?: string } = {}
): Promise<Buffer> {
  const zip = new JSZip();
  const sheetTarget = options.absolute ? "/xl/worksheets/data.xml" : "worksheets/data.xml";
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="R0" Type="${R}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${R}"><x:sheets><x:sheet name="Data" sheetId="1" rel:id="R1"/></x:sheets></x:workbook>`
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG}">` +
      `<Relationship Id="R1" Type="${R}/worksheet" Target="${sheetTarget}"/>` +
      `<Relationship Id="R2" Type="${R}/sharedStrings" Target="/xl/strings.xml"/>` +
      "</Relationships>"
  );
  zip.file(
    "xl/strings.xml",
    `<x:sst xmlns:x="${MAIN}" count="2"><x:si><x:t>Control</x:t></x:si><x:si><x:t>A.5.1</x:t></x:si></x:sst>`
  );
  zip.file(
    "xl/worksheets/data.xml",
    `<x:worksheet xmlns:x="${MAIN}" xmlns:rel="${R}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Score</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>4</x:v></x:c></x:row>' +
      "</x:sheetData>" +
      (options.table ? '<x:tableParts count="1"><x:tablePart rel:id="T1"/></x:tableParts>' : "") +
      "</x:worksheet>"
  );
  if (options.table)
    zip.file(
      "xl/worksheets/_rels/data.xml.rels",
      `<Relationships xmlns="${PKG}"><Relationship Id="T1" Type="${R}/table" Target="${options.table}"/></Relationships>`
    );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("normalizeXlsxPackage", () => {
  it("returns our own files byte for byte, with no changes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Annex A");
    ws.addTable({
      name: "AnnexA",
      ref: "A1",
      columns: [{ name: "ID" }, { name: "Status" }],
      rows: [["5.1", "Compliant"]],
    });
    ws.getCell("B2").note = "checked";
    (
      ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add("B2:B2", { type: "list", formulae: ['"Compliant,Non-Compliant"'] });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await normalizeXlsxPackage(bytes);
    expect(result.changes).toEqual([]);
    expect(result.bytes).toBe(bytes);
  });

  it("reads prefixed SpreadsheetML with its own part names, which ExcelJS alone reads empty", async () => {
    const bytes = await prefixedPackage({ absolute: true });
    const raw = new ExcelJS.Workbook();
    const rawValues = await raw.xlsx.load(bytes as unknown as ArrayBuffer).then(
      () => raw.worksheets.map((w) => w.getSheetValues().length),
      () => "threw"
    );
    expect(rawValues).not.toEqual([3]);
    const { changes } = await normalizeXlsxPackage(bytes);
    expect(changes).toEqual(
      expect.arrayContaining([
        "renamed xl/worksheets/data.xml → xl/worksheets/sheet1.xml",
        "renamed xl/strings.xml → xl/sharedStrings.xml",
        "rewrote namespace prefixes in xl/workbook.xml",
      ])
    );
    const [sheet] = await readSnapshots(bytes);
    expect(sheet.name).toBe("Data");
    expect(sheet.values).toEqual([
      ["Control", "Score"],
      ["A.5.1", 4],
    ]);
  });

  it("finds a namespace declared inside the cell data, which the frame of the sheet does not show", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = "ID";
    ws.getCell("A2").value = 5;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    // The relationships namespace bound to another prefix, on a row: ExcelJS matches `r:` literally.
    zip.file("xl/worksheets/sheet1.xml", sheet.replace('<row r="2"', `<row xmlns:q="${R}" r="2"`));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const { changes } = await normalizeXlsxPackage(bytes);
    expect(changes).toEqual(["rewrote namespace prefixes in xl/worksheets/sheet1.xml"]);
    const [read] = await readSnapshots(bytes);
    expect(read.values).toEqual([["ID"], [5]]);
  });

  it("refuses a zip without a workbook part before inflating its sheets", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    await expect(readSnapshots(bytes)).rejects.toThrow(
      "The workbook is not an Excel workbook: it is a zip archive without a workbook part (xl/workbook.xml)"
    );
  });

  it("names a missing part a sheet needs instead of crashing", async () => {
    const bytes = await prefixedPackage({ table: "../tables/table9.xml" });
    await expect(readSnapshots(bytes)).rejects.toThrow(WorkbookReadError);
    await expect(readSnapshots(bytes)).rejects.toThrow(
      "The workbook is damaged: xl/worksheets/data.xml refers to ../tables/table9.xml, which is not in the file"
    );
  });
});

describe("relationship targets", () => {
  it("resolves absolute and relative targets and writes them relative", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "/xl/tables/table1.xml")).toBe(
      "xl/tables/table1.xml"
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe(
      "xl/tables/table1.xml"
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolveTarget("xl/workbook.xml", "./worksheets/sheet%201.xml")).toBe(
      "xl/worksheets/sheet 1.xml"
    );
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/comments1.xml")).toBe("../comments1.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet1.xml")).toBe(
      "worksheets/sheet1.xml"
    );
    expect(relativeTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });
});

describe("clipSqref", () => {
  const used = { bottom: 40, right: 6 };
  it.each([
    ["B2:B1048576", "B2:B40"],
    ["A:A", "A1:A40"],
    ["$C$5:$C$1048576", "C5:C40"],
    ["3:3", "A3:F3"],
    ["B2:B1048576 D4 F10:XFD20", "B2:B40 D4 F10:F20"],
    ["B100:B1048576", "B100"],
    ["A1:C10", "A1:C10"],
    ["not-a-range", "not-a-range"],
  ])("%s → %s", (sqref, clipped) => {
    expect(clipSqref(sqref, used)).toBe(clipped);
  });
});

describe("_xHHHH_ escapes", () => {
  /** ExcelJS 4.4's own decoding of `<t>` text (upper-case hex, one pass). */
  const excelJsDecode = (text: string): string =>
    text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

  it("decodes once, left to right, as Excel does", () => {
    expect(decodeXString("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeXString("A_x000D_B")).toBe("A\rB");
    expect(decodeXString("_x004a_")).toBe("J");
    expect(decodeXString("_X0041_ and _x41_")).toBe("_X0041_ and _x41_");
  });

  it("pre-escaping makes ExcelJS's decoding return the stored text, for any text", () => {
    const pieces = fc.constantFrom(
      "_x",
      "_x0041_",
      "_x005F_",
      "_x005f_",
      "0041_",
      "_",
      "x",
      "A",
      "_x00"
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const stored = parts.join("");
        expect(excelJsDecode(escapeForExcelJs(stored))).toBe(stored);
      })
    );
  });
});

describe("namespace prefixes", () => {
  it("rewrites a default-namespace drawing to ExcelJS's prefixes, keeping content", () => {
    const drawing =
      '<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor>' +
      "<from><col>5</col><row>1</row></from>" +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="u">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/>` +
      "</a:graphicData></a:graphic></oneCellAnchor></wsDr>";
    expect(hasExpectedPrefixes(drawing, DRAWING_PLAN)).toBe(false);
    const out = canonicalizePrefixes(drawing, DRAWING_PLAN);
    expect(hasExpectedPrefixes(out, DRAWING_PLAN)).toBe(true);
    expect(out).toContain("<xdr:oneCellAnchor><xdr:from><xdr:col>5</xdr:col>");
    expect(out).toContain('<c:chart r:id="rId1"/>');
  });

  it("keeps other namespaces and maps the prefixes mc:Ignorable lists", () => {
    const sheet =
      `<s:worksheet xmlns:s="${MAIN}" xmlns:m="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
      'xmlns:ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ' +
      'm:Ignorable="ac xr" xr:uid="{1}"><s:sheetData><s:row r="1" ac:dyDescent="0.25"><s:c r="A1"><s:v>1 &amp; 2</s:v></s:c></s:row></s:sheetData></s:worksheet>';
    const plan = spreadsheetPlan("worksheet");
    const out = canonicalizePrefixes(sheet, plan);
    expect(hasExpectedPrefixes(out, plan)).toBe(true);
    expect(out).toContain('mc:Ignorable="x14ac xr"');
    expect(out).toContain('xr:uid="{1}"');
    expect(out).toContain('<row r="1" x14ac:dyDescent="0.25"><c r="A1"><v>1 &amp; 2</v></c></row>');
  });
});
