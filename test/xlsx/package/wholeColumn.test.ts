// Whole-column data validations and conditional formats (`X1:X1048576`) are clipped to the used
// range in the package, before ExcelJS expands a validation once per cell (26 such columns took
// ExcelJS alone over 400 s and 1.28 GB). The jest timeout is a hang guard, not a speed check.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openXlsxPackage } from "../../../src/xlsx/package/openXlsxPackage";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";

const HANG_GUARD_MS = 20_000;
const ROWS = 40; // data rows below the header
const letter = (i: number): string => String.fromCharCode(65 + i);

/** A 26-column register whose every column has a list validation over the whole column. */
async function wholeColumnWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Register");
  ws.addRow(Array.from({ length: 26 }, (_, c) => `Field ${letter(c)}`));
  for (let r = 1; r <= ROWS; r++) ws.addRow(Array.from({ length: 26 }, (_, c) => (c ? "Yes" : r)));
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = "xl/worksheets/sheet1.xml";
  const validations = Array.from(
    { length: 26 },
    (_, c) =>
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letter(c)}1:${letter(c)}1048576">` +
      `<formula1>"Yes,No"</formula1></dataValidation>`
  ).join("");
  const formats =
    '<conditionalFormatting sqref="B2:Z1048576"><cfRule type="containsText" priority="1" operator="containsText" text="No">' +
    '<formula>NOT(ISERROR(SEARCH("No",B2)))</formula></cfRule></conditionalFormatting>';
  const xml = (await zip.file(part)?.async("string")) as string;
  expect(xml).toContain("</sheetData>");
  zip.file(
    part,
    xml.replace(
      "</sheetData>",
      `</sheetData>${formats}<dataValidations count="26">${validations}</dataValidations>`
    )
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("whole-column validations and formats", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await wholeColumnWorkbook();
  });

  it(
    "reads 26 whole-column validations, clipped to the used rows",
    async () => {
      const { workbook, changes } = await openXlsxPackage(bytes);
      expect(changes.join("\n")).toMatch(/clipped validation and format ranges/);
      const ws = workbook.getWorksheet("Register") as ExcelJS.Worksheet;
      const model = (
        ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
      ).dataValidations.model;
      // Every used cell of every column keeps its list; nothing below the used range exists.
      expect(Object.keys(model).length).toBe(26 * (ROWS + 1));
      for (const address of ["A1", "A41", "M20", "Z41"])
        expect(model[address]).toMatchObject({ type: "list", formulae: ['"Yes,No"'] });
      expect(model.A42).toBeUndefined();
      const formats = (ws as unknown as { conditionalFormattings: { ref: string }[] })
        .conditionalFormattings;
      expect(formats.map((f) => f.ref)).toEqual([`B2:Z${ROWS + 1}`]);
    },
    HANG_GUARD_MS
  );

  it(
    "gives readSnapshots every value",
    async () => {
      const [sheet] = await readSnapshots(bytes);
      expect(sheet.values.length).toBe(ROWS + 1);
      expect(sheet.values[ROWS][0]).toBe(ROWS);
      expect(sheet.values[ROWS][25]).toBe("Yes");
    },
    HANG_GUARD_MS
  );
});
