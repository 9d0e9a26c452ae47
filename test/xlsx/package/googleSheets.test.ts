// The package layout of Google Sheets' "Download › Microsoft Excel (.xlsx)": relative part names,
// inline strings (t="inlineStr") instead of a shared-strings part, no styles part, booleans and
// cached formula results. The parts are written here with JSZip.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildAssessmentFile } from "../../../src/xlsx/build";
import { openXlsxPackage } from "../../../src/xlsx/package/openXlsxPackage";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const inline = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

async function googleSheetsExport(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      "</Types>"
  );
  zip.file(
    "_rels/.rels",
    DECL +
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    DECL +
      `<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr/><sheets>` +
      '<sheet state="visible" name="Assessment" sheetId="1" r:id="rId3"/>' +
      '<sheet state="visible" name="Lists" sheetId="2" r:id="rId4"/>' +
      "</sheets><definedNames/><calcPr/></workbook>"
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    DECL +
      `<Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId3" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId4" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>` +
      "</Relationships>"
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    DECL +
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/>' +
      "<sheetData>" +
      `<row r="1">${inline("A1", "ID")}${inline("B1", "Status")}${inline("C1", "Likelihood")}${inline("D1", "Evidence")}${inline("E1", "Done")}${inline("F1", "Score")}</row>` +
      `<row r="2">${inline("A2", "5.1")}${inline("B2", "Compliant")}<c r="C2"><v>3</v></c>${inline("D2", "Policy &amp; procedures")}<c r="E2" t="b"><v>1</v></c><c r="F2"><f>C2*2</f><v>6</v></c></row>` +
      `<row r="3">${inline("A3", "5.2")}${inline("B3", "Non-Compliant")}<c r="C3"><v>4.5</v></c>${inline("D3", "")}<c r="E3" t="b"><v>0</v></c><c r="F3"><f>C3*2</f><v>9</v></c></row>` +
      "</sheetData>" +
      '<dataValidations><dataValidation type="list" allowBlank="1" showDropDown="1" showErrorMessage="1" sqref="B2:B1000">' +
      "<formula1>Lists!$A$1:$A$3</formula1></dataValidation></dataValidations>" +
      '<hyperlinks><hyperlink r:id="rId1" ref="D2"/></hyperlinks>' +
      "</worksheet>"
  );
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    DECL +
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/hyperlink" Target="https://example.com/policy" TargetMode="External"/></Relationships>`
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    DECL +
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>` +
      `<row r="1">${inline("A1", "Compliant")}</row><row r="2">${inline("A2", "Partially Compliant")}</row><row r="3">${inline("A3", "Non-Compliant")}</row>` +
      "</sheetData></worksheet>"
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("Google Sheets' .xlsx export layout", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await googleSheetsExport();
  });

  it("reads inline strings, numbers, booleans and formulas without a styles part", async () => {
    const [assessment, lists] = await readSnapshots(bytes);
    expect(assessment.name).toBe("Assessment");
    expect(assessment.values).toEqual([
      ["ID", "Status", "Likelihood", "Evidence", "Done", "Score"],
      ["5.1", "Compliant", 3, "Policy & procedures", true, 6],
      ["5.2", "Non-Compliant", 4.5, null, false, 9],
    ]);
    expect(assessment.text[2][2]).toBe("4.5");
    expect(assessment.formulas[1][5]).toBe("=C2*2");
    expect(lists.values).toEqual([["Compliant"], ["Partially Compliant"], ["Non-Compliant"]]);
  });

  it("keeps the hyperlink and the list validation on the used rows", async () => {
    const { workbook } = await openXlsxPackage(bytes);
    const ws = workbook.getWorksheet("Assessment") as ExcelJS.Worksheet;
    expect(ws.getCell("D2").value).toEqual({
      text: "Policy & procedures",
      hyperlink: "https://example.com/policy",
    });
    const validations = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(Object.keys(validations).sort()).toEqual(["B2", "B3"]);
    expect(validations.B2.formulae).toEqual(["Lists!$A$1:$A$3"]);
  });

  it("rebuilds from it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-gsheets-"));
    const from = path.join(dir, "export.xlsx");
    fs.writeFileSync(from, bytes);
    await buildAssessmentFile({ from, out: path.join(dir, "built.xlsx"), org: "Acme" });
    const built = new ExcelJS.Workbook();
    await openXlsxPackage(path.join(dir, "built.xlsx"), built);
    expect((built.getWorksheet("Lists") as ExcelJS.Worksheet).getCell("A2").value).toBe(
      "Partially Compliant"
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
