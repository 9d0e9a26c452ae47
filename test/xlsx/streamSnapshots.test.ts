// The stream reader (src/xlsx/streamSnapshots.ts, no ExcelJS object model) gives the same
// SheetSnapshot[] as the ExcelJS reader (src/xlsx/readSnapshots.ts) on every kind of file we
// read: our own builds (before and after `plan` and `snapshot`), other writers' layouts, escaped
// text, whole-column ranges, shared formulas, date formats, the 1904 date system and the real
// templates in ../shared/templates. Validate switched to the stream reader on this proof.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/core/contract";
import { parseCellAddress } from "../../src/core/snapshot";
import type { RowInputs } from "../../src/core/inputs";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { streamSnapshots } from "../../src/xlsx/streamSnapshots";
import { capture } from "../support/cliIo";
import { openWorkbook } from "../support/workbookFiles";
import { describeWithTool } from "../support/externalTools";
import { PYTHON_WITH_OPENPYXL, runOpenpyxl } from "./package/openpyxl";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-stream-"));
const file = (name: string): string => path.join(dir, name);
const TEMPLATES = path.resolve(__dirname, "../../../shared/templates");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Both readers on the same input; the stream reader's result, after asserting they agree. */
async function agree(source: string | Buffer, options = {}) {
  const expected = await readSnapshots(source, options);
  const actual = await streamSnapshots(source, options);
  expect(actual).toStrictEqual(expected);
  return actual;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface HandSheet {
  name: string;
  state?: string;
  xml: string;
  rels?: string;
}

/** A package written part by part, as other writers lay it out. */
async function handPackage(
  sheets: HandSheet[],
  extra: { styles?: string; strings?: string; workbookPr?: string; files?: Record<string, string> }
): Promise<Buffer> {
  const zip = new JSZip();
  const overrides = sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    )
    .join("");
  zip.file(
    "[Content_Types].xml",
    DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      (extra.styles
        ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        : "") +
      (extra.strings
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : "") +
      `${overrides}</Types>`
  );
  zip.file(
    "_rels/.rels",
    DECL +
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  zip.file(
    "xl/workbook.xml",
    DECL +
      `<workbook xmlns="${MAIN}" xmlns:r="${R}">${extra.workbookPr ?? "<workbookPr/>"}<sheets>` +
      sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rIdS${i + 1}"/>`
        )
        .join("") +
      "</sheets></workbook>"
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    DECL +
      `<Relationships xmlns="${PKG}">` +
      sheets
        .map(
          (_s, i) =>
            `<Relationship Id="rIdS${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      (extra.styles ? `<Relationship Id="rIdSt" Type="${R}/styles" Target="styles.xml"/>` : "") +
      (extra.strings
        ? `<Relationship Id="rIdSs" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`
        : "") +
      "</Relationships>"
  );
  sheets.forEach((s, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${R}">${s.xml}</worksheet>`
    );
    if (s.rels)
      zip.file(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `${DECL}<Relationships xmlns="${PKG}">${s.rels}</Relationships>`
      );
  });
  if (extra.styles)
    zip.file("xl/styles.xml", `${DECL}<styleSheet xmlns="${MAIN}">${extra.styles}</styleSheet>`);
  if (extra.strings)
    zip.file("xl/sharedStrings.xml", `${DECL}<sst xmlns="${MAIN}">${extra.strings}</sst>`);
  for (const [name, text] of Object.entries(extra.files ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const inline = (ref: string, text: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe("streamSnapshots agrees with readSnapshots", () => {
  it("on a CLI-built assessment with typed values, dates, booleans and rich text, then after plan and snapshot", async () => {
    const annexA = new Map<string, RowInputs>([
      [
        "5.1",
        { Applicable: "Yes", Status: "Compliant", Evidence: "Policy v3 & annex", Owner: "CISO" },
      ],
      ["5.2", { Applicable: "Yes", Status: "Non-Compliant", Likelihood: 4, Impact: 5 }],
      ["5.3", { Applicable: "No", Status: "Partially Compliant", Likelihood: 2, Impact: 3 }],
    ]);
    await buildAssessmentFile({
      out: file("built.xlsx"),
      start: 46000,
      adopted: { clauses: new Map(), annexA },
    });
    await agree(file("built.xlsx"));

    // Typed by a person afterwards: rich text, a date, a boolean, a decimal, an error, an escape.
    const wb = await openWorkbook(file("built.xlsx"));
    const annex = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    const cols = new Map<string, number>();
    annex.getRow(TABLE_HEADER_ROW).eachCell((c, i) => cols.set(String(c.value), i));
    const at = (row: number, col: string): ExcelJS.Cell =>
      annex.getCell(TABLE_HEADER_ROW + row, cols.get(col) as number);
    at(4, "Evidence").value = {
      richText: [{ text: "Signed " }, { font: { bold: true }, text: "minutes" }, { text: " 2025" }],
    };
    at(5, "Evidence").value = new Date(Date.UTC(2025, 2, 31));
    // A fresh style object: ExcelJS shares one between cells of a column.
    at(5, "Evidence").style = { ...at(5, "Evidence").style, numFmt: "yyyy-mm-dd" };
    at(6, "Evidence").value = true;
    at(7, "Evidence").value = 0.1 + 0.2;
    at(8, "Evidence").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    at(9, "Owner").value = "Team _x0041_ lead";
    at(10, "Owner").value = new Date(Date.UTC(2025, 5, 1, 13, 45));
    at(10, "Owner").style = { ...at(10, "Owner").style, numFmt: "d-mmm-yy h:mm" };
    await wb.xlsx.writeFile(file("typed.xlsx"));
    const typed = await agree(file("typed.xlsx"));
    const sheet = typed.find((s) => s.name === SHEETS.annexA);
    const shown = sheet?.text.flat() ?? [];
    // The values really went through: rich text joined, the date shown in its format.
    expect(shown).toContain("Signed minutes 2025");
    expect(shown).toContain("2025-03-31");
    expect(shown).toContain("TRUE");
    expect(shown).toContain("0.3");
    expect(shown).toContain("Team A lead");
    expect(shown).toContain("1-Jun-25 13:45");

    expect(await main(["plan", file("typed.xlsx"), "--out", file("planned.xlsx")], capture())).toBe(
      0
    );
    await agree(file("planned.xlsx"));
    expect(
      await main(
        ["snapshot", file("planned.xlsx"), "--out", file("snap.xlsx"), "--date", "2026-01-15"],
        capture()
      )
    ).toBe(0);
    await agree(file("snap.xlsx"));
    // Options as the other commands pass them.
    await agree(file("snap.xlsx"), { sheets: ["Settings", SHEETS.annexA] });
    await agree(file("snap.xlsx"), { maxRows: 20, maxCols: 5 });
  }, 120_000);

  it("on Google Sheets' layout: inline strings, booleans, hyperlinks, cached results, no styles", async () => {
    const bytes = await handPackage(
      [
        {
          name: "Assessment",
          xml:
            "<sheetData>" +
            `<row r="1">${inline("A1", "ID")}${inline("B1", "Status")}${inline("C1", "Score")}${inline("D1", "Evidence")}${inline("E1", "Done")}${inline("F1", "Twice")}</row>` +
            `<row r="2">${inline("A2", "5.1")}${inline("B2", "Compliant")}<c r="C2"><v>3</v></c>${inline("D2", "Policy &amp; procedures")}<c r="E2" t="b"><v>1</v></c><c r="F2"><f>C2*2</f><v>6</v></c></row>` +
            `<row r="3">${inline("A3", "5.2")}${inline("B3", "Non-Compliant")}<c r="C3"><v>4.5</v></c>${inline("D3", "")}<c r="E3" t="b"><v>0</v></c><c r="F3"><f>C3*2</f><v>9</v></c></row>` +
            "</sheetData>" +
            '<hyperlinks><hyperlink r:id="rId1" ref="D2"/><hyperlink r:id="rId1" ref="C3"/></hyperlinks>',
          rels: `<Relationship Id="rId1" Type="${R}/hyperlink" Target="https://example.com/policy" TargetMode="External"/>`,
        },
        {
          name: "Lists",
          xml: `<sheetData><row r="1">${inline("A1", "Compliant")}</row></sheetData>`,
        },
      ],
      {}
    );
    const [assessment] = await agree(bytes);
    expect(assessment.values[1]).toEqual(["5.1", "Compliant", 3, "Policy & procedures", true, 6]);
  });

  it("on escaped text (_x0041_) in shared strings, runs, inline strings and formulas", async () => {
    const bytes = await handPackage(
      [
        {
          name: "Text",
          xml:
            "<sheetData>" +
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
            `<row r="2">${inline("A2", "Inline _x0041_ and _x005F_x0042_")}<c r="B2" t="inlineStr"><is><r><t>Run _x0043_</t></r><r><rPr><b/></rPr><t xml:space="preserve"> two _x005f_x0044_</t></r></is></c>` +
            '<c r="C2" t="str"><f>"_x0045_"&amp;A1</f><v>_x0045_x</v></c><c r="D2" t="s"><v>4</v></c></row>' +
            "</sheetData>",
        },
      ],
      {
        strings:
          "<si><t>Plain _x0041_</t></si><si><t>Literal _x005F_x0041_</t></si>" +
          '<si><r><t>Rich _x0041_</t></r><r><rPr><i/></rPr><t xml:space="preserve"> lower _x00e9_</t></r></si>' +
          '<si><t>Phonetic</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si/>',
      }
    );
    const [sheet] = await agree(bytes);
    expect(sheet.text[0].slice(0, 3)).toEqual(["Plain A", "Literal _x0041_", "Rich A lower é"]);
  });

  it("on shared formulas, date formats, errors, merges, tables and hidden sheets", async () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yy\\.m\\.d;@"/><numFmt numFmtId="165" formatCode="[$-409]d/m/yyyy\\ h:mm"/></numFmts>' +
      '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="7"><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>';
    const data =
      "<sheetData>" +
      '<row r="2"><c r="B2"><v>1</v></c><c r="C2"><f t="shared" ref="C2:C6" si="0">B2*2+$B$2+SUM(B$2:B2)</f><v>4</v></c><c r="D2" s="1"><v>45747</v></c><c r="E2" s="2"><v>45747.5</v></c></row>' +
      '<row r="3"><c r="B3"><v>2</v></c><c r="C3"><f t="shared" si="0"/><v>7</v></c><c r="D3" s="3"><v>45747.123456789</v></c><c r="E3" s="4"><v>45000.25</v></c></row>' +
      '<row r="4"><c r="B4"><v>0</v></c><c r="C4"><f t="shared" si="0"/><v>0</v></c><c r="D4" s="5"><v>0.125</v></c><c r="E4" s="6"><v>1234.5678</v></c></row>' +
      '<row r="5"><c r="B5" t="e"><v>#DIV/0!</v></c><c r="C5"><f t="shared" si="0"/><v>#DIV/0!</v></c><c r="D5" s="0"><v>45000</v></c><c r="E5" t="b"><v>0</v></c></row>' +
      '<row r="6"><c r="B6"><v>-3.5E-3</v></c><c r="C6"><f t="shared" si="0"/><v>1E+21</v></c><c r="D6" s="1"><f>D2+1</f><v>45748</v></c><c r="E6" t="str"><f>IF(B2&gt;0,"yes","")</f><v></v></c></row>' +
      '<row r="8"><c r="A8" t="inlineStr"><is><t>Merged</t></is></c><c r="B8" t="inlineStr"><is><t>hidden by the merge</t></is></c><c r="C8"><f>A1</f><v>1</v></c></row>' +
      '<row r="9"><c r="A9"><f t="array" ref="A9:A9">SUM(B2:B3*2)</f><v>6</v></c><c r="B9" s="2"/></row>' +
      "</sheetData>" +
      '<mergeCells count="2"><mergeCell ref="A8:B8"/><mergeCell ref="C8:D9"/></mergeCells>' +
      '<tableParts count="1"><tablePart r:id="rIdT"/></tableParts>';
    const bytes = await handPackage(
      [
        {
          name: "Formulas &amp; dates",
          xml: data,
          rels: `<Relationship Id="rIdT" Type="${R}/table" Target="../tables/table1.xml"/>`,
        },
        {
          name: "Hidden",
          state: "hidden",
          xml: `<sheetData><row r="1">${inline("A1", "h")}</row></sheetData>`,
        },
        { name: "Very", state: "veryHidden", xml: "<sheetData/>" },
      ],
      {
        styles,
        files: {
          "xl/tables/table1.xml":
            `${DECL}<table xmlns="${MAIN}" id="1" name="Numbers" displayName="Numbers" ref="B1:C6" headerRowCount="1">` +
            '<autoFilter ref="B1:C6"/><tableColumns count="2"><tableColumn id="1" name="B"/><tableColumn id="2" name="C"><calculatedColumnFormula>B2*2</calculatedColumnFormula></tableColumn></tableColumns></table>',
        },
      }
    );
    const [sheet, hidden, very] = await agree(bytes);
    const cell = (a1: string) => {
      const { row, col } = parseCellAddress(a1);
      const r = row - sheet.origin.row;
      const c = col - sheet.origin.col;
      return { value: sheet.values[r][c], text: sheet.text[r][c], formula: sheet.formulas[r][c] };
    };
    // Kept from ExcelJS for agreement, though Excel differs: a formula's cached 0 reads as empty,
    // the value under a merge is dropped, built-in format 14 shows as mm-dd-yy.
    expect(cell("C4")).toEqual({ value: null, text: "", formula: "=B4*2+$B$2+SUM(B$2:B4)" });
    expect(cell("B8")).toEqual({ value: null, text: "", formula: null });
    expect(cell("D2")).toEqual({ value: 45747, text: "03-31-25", formula: null });
    expect(cell("E2").text).toBe("25.3.31");
    expect(cell("B5")).toEqual({ value: "#DIV/0!", text: "#DIV/0!", formula: null });
    // Shared-formula children carry the master's formula moved to their row.
    expect(sheet.formulas[2 - sheet.origin.row][2 - sheet.origin.col]).toBe(
      "=B3*2+$B$2+SUM(B$2:B3)"
    );
    expect(sheet.tables).toEqual([{ name: "Numbers", top: 0, left: 1, bottom: 5, right: 2 }]);
    expect(hidden).toMatchObject({ name: "Hidden", hidden: true });
    expect(very).toMatchObject({ name: "Very", hidden: true });
  });

  it("on the 1904 date system", async () => {
    const bytes = await handPackage(
      [
        {
          name: "Dates",
          xml: '<sheetData><row r="1"><c r="A1" s="1"><v>43000</v></c><c r="B1" s="1"><f>A1+1</f><v>43001</v></c></row></sheetData>',
        },
      ],
      {
        workbookPr: '<workbookPr date1904="1"/>',
        styles:
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>',
      }
    );
    await agree(bytes);
  });

  it("on whole-column validation and format ranges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Register");
    ws.addRow(["Field A", "Field B", "Field C"]);
    for (let r = 1; r <= 40; r++) ws.addRow([r, "Yes", r % 3 ? "No" : "Yes"]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const part = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(part)?.async("string")) as string;
    zip.file(
      part,
      xml.replace(
        "</sheetData>",
        '</sheetData><conditionalFormatting sqref="B2:C1048576"><cfRule type="containsText" priority="1" operator="containsText" text="No"><formula>NOT(ISERROR(SEARCH("No",B2)))</formula></cfRule></conditionalFormatting>' +
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="B1:B1048576 C:C"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>'
      )
    );
    await agree(await zip.generateAsync({ type: "nodebuffer" }));
  });

  describeWithTool("python3-openpyxl", PYTHON_WITH_OPENPYXL, "on openpyxl's layout", () => {
    it("reads the same", async () => {
      const out = file("openpyxl.xlsx");
      runOpenpyxl(
        `
import sys, datetime
from openpyxl import Workbook
from openpyxl.worksheet.table import Table
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
wb = Workbook()
ws = wb.active
ws.title = "Controls"
ws.append(["ID", "Status", "Score", "Evidence", "Reviewed"])
ws.append(["A.5.1", "Compliant", 3, "Policy v3", datetime.date(2025, 3, 31)])
ws.append(["A.5.2", "Non-Compliant", 5.5, "_x0041_ memo", datetime.datetime(2025, 4, 1, 9, 30)])
ws.append(["A.5.3", None, True, "Segregation", None])
ws["E2"].number_format = "yyyy-mm-dd"
ws["F2"] = "=C2*2"
ws.add_table(Table(displayName="Controls", ref="A1:E4"))
ws["B2"].comment = Comment("Checked", "Auditor")
ws["D2"].hyperlink = "https://example.com/policy?v=3&lang=en"
dv = DataValidation(type="list", formula1='"Compliant,Non-Compliant"', allow_blank=True)
ws.add_data_validation(dv)
dv.add("B2:B1048576")
notes = wb.create_sheet("Notes")
notes["A1"] = "Scope"
notes["B1"] = "Head office"
notes["C1"] = "lost in the merge"
notes.merge_cells("B1:D1")
hidden = wb.create_sheet("Lists")
hidden.sheet_state = "hidden"
hidden["A1"] = "Yes"
wb.save(sys.argv[1])
`,
        out
      );
      const sheets = await agree(out);
      expect(sheets.map((s) => s.name)).toEqual(["Controls", "Notes", "Lists"]);
    });
  });

  const templates = fs.existsSync(TEMPLATES)
    ? fs.readdirSync(TEMPLATES).filter((f) => f.endsWith(".xlsx"))
    : [];
  (templates.length > 0 ? it.each(templates) : it.skip.each(["(no ../shared/templates)"]))(
    "on the real template %s",
    async (name) => {
      await agree(path.join(TEMPLATES, name));
    },
    120_000
  );
});
