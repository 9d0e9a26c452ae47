// The pre-pass turns the data validations Excel keeps in a worksheet's extLst (x14, for rules
// whose formula refers to another sheet) into plain ones ExcelJS reads, leaving every other
// extension (x14 conditional formats, sparklines) where it was.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openXlsxPackage } from "../../../src/xlsx/package/openXlsxPackage";
import { dataValidations } from "../../../src/xlsx/exceljsModel";
import {
  X14_DATA_VALIDATIONS_URI,
  liftX14Validations,
} from "../../../src/xlsx/package/x14Validations";

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const OTHER_EXT =
  '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD8539E65}"><x14:conditionalFormattings/></ext>';

const x14List = (rules: string): string =>
  `<extLst><ext uri="${X14_DATA_VALIDATIONS_URI}" xmlns:x14="${X14}">` +
  `<x14:dataValidations count="1" xmlns:xm="${XM}">${rules}</x14:dataValidations></ext>${OTHER_EXT}</extLst>`;

const RULE =
  '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1" xr:uid="{1}" errorTitle="Pick one">' +
  "<x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B2:B9 D2</xm:sqref></x14:dataValidation>";

describe("x14 data validations", () => {
  it("become plain ones, in a new list, and other extensions stay", () => {
    const xml = `<worksheet><sheetData/>${x14List(RULE)}</worksheet>`;
    const out = liftX14Validations(xml);
    expect(out).toContain(
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" ' +
        'errorTitle="Pick one" sqref="B2:B9 D2"><formula1>Lists!$A$1:$A$3</formula1></dataValidation></dataValidations>'
    );
    expect(out).not.toContain(X14_DATA_VALIDATIONS_URI);
    expect(out).toContain(OTHER_EXT);
  });

  it("join the plain list a sheet already has", () => {
    const plain =
      '<dataValidations count="1"><dataValidation type="whole" sqref="C2"><formula1>1</formula1></dataValidation></dataValidations>';
    const out = liftX14Validations(`<worksheet><sheetData/>${plain}${x14List(RULE)}</worksheet>`);
    expect(out.match(/<dataValidations\b/g)).toHaveLength(1);
    expect(out.match(/<dataValidation\b/g)).toHaveLength(2);
  });

  it("leave a sheet without them untouched", () => {
    const xml = `<worksheet><sheetData/><extLst>${OTHER_EXT}</extLst></worksheet>`;
    expect(liftX14Validations(xml)).toBe(xml);
  });

  it("are read by ExcelJS after the pre-pass, on every cell they cover", async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet("Data");
    data.getCell("A1").value = "x";
    data.getCell("D9").value = 1; // the used range the pre-pass clips ranges to
    wb.addWorksheet("Lists").getCell("A1").value = "Yes";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const part = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(part)?.async("string")) as string;
    zip.file(part, xml.replace("</worksheet>", `${x14List(RULE)}</worksheet>`));
    const bytes = await zip.generateAsync({ type: "nodebuffer" });
    const { workbook } = await openXlsxPackage(bytes);
    const store = dataValidations(workbook.getWorksheet("Data") as ExcelJS.Worksheet);
    for (const address of ["B2", "B9", "D2"])
      expect(store.find(address)).toMatchObject({
        type: "list",
        formulae: ["Lists!$A$1:$A$3"],
        errorTitle: "Pick one",
      });
    expect(store.find("B10")).toBeUndefined();
  });
});
