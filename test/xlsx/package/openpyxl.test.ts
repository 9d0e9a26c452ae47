// Files written by openpyxl (pandas and Python scripts) read in full: absolute relationship
// targets (ExcelJS #1468), comments in xl/comments/, legacy drawings named commentsDrawing1.vml,
// drawings in a default namespace. The fixture is written here by python3 + openpyxl.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildAssessmentFile } from "../../../src/xlsx/build";
import { openXlsxPackage } from "../../../src/xlsx/package/openXlsxPackage";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";
import { describeWithTool } from "../../support/externalTools";
import { PYTHON_WITH_OPENPYXL, runOpenpyxl } from "./openpyxl";

const SCRIPT = `
import sys, datetime
from openpyxl import Workbook
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill

wb = Workbook()
ws = wb.active
ws.title = "Controls"
ws.append(["ID", "Status", "Score", "Evidence", "Reviewed"])
ws.append(["A.5.1", "Compliant", 3, "Policy v3", datetime.date(2025, 3, 31)])
ws.append(["A.5.2", "Non-Compliant", 5, "Roles memo", datetime.date(2025, 4, 1)])
ws.append(["A.5.3", "Partially Compliant", 4, "Segregation", None])
ws["E2"].number_format = "yyyy-mm-dd"
ws["E3"].number_format = "yyyy-mm-dd"
ws["F2"] = "=C2*2"
table = Table(displayName="Controls", ref="A1:E4")
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ws.add_table(table)
ws["B2"].comment = Comment("Checked by the auditor", "Auditor")
ws["D2"].hyperlink = "https://example.com/policy?v=3&lang=en"
dv = DataValidation(type="list", formula1='"Compliant,Partially Compliant,Non-Compliant"', allow_blank=True)
ws.add_data_validation(dv)
dv.add("B2:B1048576")
ws.conditional_formatting.add("C2:C1048576", CellIsRule(operator="greaterThan", formula=["4"], fill=PatternFill(bgColor="FFC7CE", fill_type="solid")))
chart = BarChart()
chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=4), titles_from_data=True)
ws.add_chart(chart, "H2")

notes = wb.create_sheet("Notes")
notes["A1"] = "Scope"
notes["B1"] = "Head office and data centre"
notes.merge_cells("B1:D1")
notes["A2"] = "Owner"
notes["B2"] = "CISO"
notes["A2"].comment = Comment("Named in the policy", "Me")
wb.save(sys.argv[1])
`;

describeWithTool("python3-openpyxl", PYTHON_WITH_OPENPYXL, "files written by openpyxl", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-openpyxl-"));
  const file = path.join(dir, "openpyxl.xlsx");

  beforeAll(() => runOpenpyxl(SCRIPT, file));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is the layout ExcelJS cannot read on its own", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const rels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")?.async("string");
    expect(rels).toContain('Target="/xl/tables/table1.xml"');
    expect(zip.file("xl/comments/comment1.xml")).not.toBeNull();
    const raw = new ExcelJS.Workbook();
    await expect(raw.xlsx.readFile(file)).rejects.toThrow(/anchors|comments|undefined/);
  });

  it("reads every value, formula, date, table and merge", async () => {
    const [controls, notes] = await readSnapshots(file);
    expect(controls.name).toBe("Controls");
    expect(controls.values.map((row) => row.slice(0, 4))).toEqual([
      ["ID", "Status", "Score", "Evidence"],
      ["A.5.1", "Compliant", 3, "Policy v3"],
      ["A.5.2", "Non-Compliant", 5, "Roles memo"],
      ["A.5.3", "Partially Compliant", 4, "Segregation"],
    ]);
    expect(controls.text[1][4]).toBe("2025-03-31");
    expect(controls.text[2][4]).toBe("2025-04-01");
    expect(controls.formulas[1][5]).toBe("=C2*2");
    expect(controls.tables).toEqual([{ name: "Controls", top: 0, left: 0, bottom: 3, right: 4 }]);
    expect(notes.values).toEqual([
      ["Scope", "Head office and data centre"],
      ["Owner", "CISO"],
    ]);
    expect(notes.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 3 }]);
  });

  it("keeps comments, hyperlinks, validations and conditional formats", async () => {
    const { workbook, changes } = await openXlsxPackage(file);
    expect(changes.join("\n")).toMatch(
      /renamed xl\/comments\/comment1\.xml → xl\/comments\d+\.xml/
    );
    const controls = workbook.getWorksheet("Controls") as ExcelJS.Worksheet;
    const noteText = (cell: ExcelJS.Cell): string => {
      const note = cell.note as unknown;
      if (typeof note === "string") return note;
      const texts = (note as { texts?: { text: string }[] } | undefined)?.texts ?? [];
      return texts.map((t) => t.text).join("");
    };
    expect(noteText(controls.getCell("B2"))).toBe("Checked by the auditor");
    expect(noteText((workbook.getWorksheet("Notes") as ExcelJS.Worksheet).getCell("A2"))).toBe(
      "Named in the policy"
    );
    expect(controls.getCell("D2").value).toEqual({
      text: "Policy v3",
      hyperlink: "https://example.com/policy?v=3&lang=en",
    });
    const validations = (
      controls as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    // On every used row of the column, and not a million cells below.
    expect(Object.keys(validations).sort()).toEqual(["B2", "B3", "B4"]);
    expect(validations.B3.formulae).toEqual(['"Compliant,Partially Compliant,Non-Compliant"']);
    const formats = (controls as unknown as { conditionalFormattings: { ref: string }[] })
      .conditionalFormattings;
    expect(formats.map((f) => f.ref)).toEqual(["C2:C4"]);
  });

  it("rebuilds from it, keeping the user's sheets and comments", async () => {
    const out = path.join(dir, "rebuilt.xlsx");
    await buildAssessmentFile({ from: file, out, org: "Acme" });
    // Read back through the same door: parts carried over from openpyxl keep openpyxl's layout.
    const { workbook: rebuilt } = await openXlsxPackage(out);
    const notes = rebuilt.getWorksheet("Notes") as ExcelJS.Worksheet;
    expect(notes.getCell("B2").value).toBe("CISO");
    expect(notes.getCell("A2").note).toBeDefined();
    expect((rebuilt.getWorksheet("Controls") as ExcelJS.Worksheet).getCell("A4").value).toBe(
      "A.5.3"
    );
  });
});
