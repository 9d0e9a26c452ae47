// The formula columns of our tables are real calculated columns in the files the CLI writes
// (issue 15): each table part carries `<calculatedColumnFormula>` on those columns, the form the
// cells hold, in schema order; readers (ours, openpyxl) read the file whole; writing from an
// existing file sets them again and leaves every other column's formulas as they were.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { composeWorkbook } from "../../src/core/layout/compose";
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { planTableFormulas, setTableFormulas } from "../../src/xlsx/tableFormulas";
import { describeWithTool } from "../support/externalTools";
import { PYTHON_WITH_OPENPYXL } from "./package/openpyxl";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-table-formulas-"));
const file = (n: string): string => path.join(dir, n);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

interface TablePart {
  part: string;
  name: string;
  ref: string;
  xml: string;
  /** Column name → its children's local names, in order, and the calculated formula text. */
  columns: { name: string; children: string[]; formula: string | null }[];
}

async function tableParts(bytes: Buffer): Promise<{ zip: JSZip; tables: TablePart[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const tables: TablePart[] = [];
  for (const part of Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const xml = await (zip.file(part) as JSZip.JSZipObject).async("string");
    const head = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
    const columns = [
      ...xml.matchAll(/<tableColumn\b([^>]*?)(?:\/>|>([\s\S]*?)<\/tableColumn>)/g),
    ].map((m) => ({
      name: decode(/\sname="([^"]*)"/.exec(m[1])?.[1] ?? ""),
      children: [...(m[2] ?? "").matchAll(/<([A-Za-z]+)\b/g)].map((c) => c[1]),
      formula:
        m[2] === undefined
          ? null
          : (/<calculatedColumnFormula>([\s\S]*?)<\/calculatedColumnFormula>/.exec(m[2])?.[1] ??
            null),
    }));
    tables.push({
      part,
      name: /\sname="([^"]*)"/.exec(head)?.[1] ?? "",
      ref: /\sref="([^"]*)"/.exec(head)?.[1] ?? "",
      xml,
      columns: columns.map((c) => ({
        ...c,
        formula: c.formula === null ? null : decode(c.formula),
      })),
    });
  }
  return { zip, tables };
}

/** The formula each plan table's column should carry, by table then header. */
function expectedFormulas(plan: WorkbookPlan): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const sheet of plan.sheets)
    for (const t of sheet.tables)
      out.set(
        t.name,
        new Map(
          t.columns.filter((c) => c.formula).map((c) => [c.header, c.formula!.replace(/^=/, "")])
        )
      );
  return out;
}

describe("setTableFormulas", () => {
  const table = (columns: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<table xmlns="${NS}" id="1" name="T" displayName="T" ref="A1:C3"><autoFilter ref="A1:C3"/><tableColumns count="3">${columns}</tableColumns><tableStyleInfo name="TableStyleLight9"/></table>`;

  it("adds the formula as the first child of the column, escaped, and leaves other columns", () => {
    const xml = table(
      '<tableColumn id="1" name="A"/><tableColumn id="2" name="B"/>' +
        '<tableColumn id="3" name="C"><totalsRowFormula>SUM(T[C])</totalsRowFormula><extLst/></tableColumn>'
    );
    const out = setTableFormulas(
      xml,
      new Map([
        ["b", 'IF(T[[#This Row],[A]]>1,"a&b","")'],
        ["c", "T[[#This Row],[A]]*2"],
      ])
    );
    expect(out).toContain('<tableColumn id="1" name="A"/>');
    expect(out).toContain(
      '<tableColumn id="2" name="B"><calculatedColumnFormula>IF(T[[#This Row],[A]]&gt;1,"a&amp;b","")</calculatedColumnFormula></tableColumn>'
    );
    // CT_TableColumn: calculatedColumnFormula, totalsRowFormula, xmlColumnPr, extLst.
    expect(out).toContain(
      '<tableColumn id="3" name="C"><calculatedColumnFormula>T[[#This Row],[A]]*2</calculatedColumnFormula><totalsRowFormula>SUM(T[C])</totalsRowFormula><extLst/></tableColumn>'
    );
    expect(out.endsWith('<tableStyleInfo name="TableStyleLight9"/></table>')).toBe(true);
  });

  it("replaces a formula the column had, keeps the document's prefix, and is idempotent", () => {
    const prefixed = `<x:table xmlns:x="${NS}" name="T"><x:tableColumns count="1"><x:tableColumn id="1" name="Score"><x:calculatedColumnFormula>OLD()</x:calculatedColumnFormula></x:tableColumn></x:tableColumns></x:table>`;
    const formulas = new Map([["score", "NEW()"]]);
    const out = setTableFormulas(prefixed, formulas);
    expect(out).toBe(
      `<x:table xmlns:x="${NS}" name="T"><x:tableColumns count="1"><x:tableColumn id="1" name="Score"><x:calculatedColumnFormula>NEW()</x:calculatedColumnFormula></x:tableColumn></x:tableColumns></x:table>`
    );
    expect(setTableFormulas(out, formulas)).toBe(out);
  });
});

describe("calculated columns in files the CLI writes", () => {
  let plan: WorkbookPlan;
  let first: TablePart[];
  let firstZip: JSZip;

  beforeAll(async () => {
    const built = await buildAssessmentFile({ out: file("new.xlsx"), start: 46000 });
    plan = built.plan;
    ({ tables: first, zip: firstZip } = await tableParts(fs.readFileSync(file("new.xlsx"))));
  }, 60000);

  it("gives every formula column of our tables its calculated-column formula, and no other column one", () => {
    const expected = expectedFormulas(plan);
    const withFormulas = [...expected].filter(([, m]) => m.size > 0).map(([t]) => t);
    expect(withFormulas).toEqual(
      expect.arrayContaining(["Clauses", "AnnexA", "SoA", "RiskRegister", "DocumentList"])
    );
    for (const [name, formulas] of expected) {
      const table = first.find((t) => t.name === name);
      expect(table).toBeDefined();
      for (const column of table!.columns)
        expect([name, column.name, column.formula]).toEqual([
          name,
          column.name,
          formulas.get(column.name) ?? null,
        ]);
    }
  });

  it("stores the same formula text the column's cells hold", async () => {
    const { workbook } = await openXlsxPackage(file("new.xlsx"));
    for (const sheet of plan.sheets)
      for (const t of sheet.tables) {
        const ws = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet;
        const part = first.find((p) => p.name === t.name) as TablePart;
        const top = ws.getCell(part.ref.split(":")[0]);
        t.columns.forEach((c, i) => {
          if (!c.formula) return;
          const cell = ws.getCell(Number(top.row) + 1, Number(top.col) + i);
          const value = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
          const formula =
            "formula" in value && value.formula
              ? value.formula
              : (value as ExcelJS.CellSharedFormulaValue).sharedFormula;
          expect([t.name, c.header, part.columns[i].formula]).toEqual([t.name, c.header, formula]);
        });
      }
  });

  it("reads back whole: every column of every table (ExcelJS alone stops at the first formula)", async () => {
    const { workbook } = await openXlsxPackage(file("new.xlsx"));
    for (const sheet of plan.sheets)
      for (const t of sheet.tables) {
        const ws = workbook.getWorksheet(sheet.name) as ExcelJS.Worksheet;
        const table = ws.getTable(t.name) as unknown as { table: { columns: { name: string }[] } };
        expect(table.table.columns.map((c) => c.name)).toEqual(t.columns.map((c) => c.header));
      }
  });

  it("writes table parts in schema order (CT_Table, CT_TableColumn)", () => {
    const TABLE_ORDER = ["autoFilter", "sortState", "tableColumns", "tableStyleInfo", "extLst"];
    for (const t of first) {
      const children = [
        ...t.xml.matchAll(/<(autoFilter|sortState|tableColumns|tableStyleInfo|extLst)\b/g),
      ]
        .map((m) => m[1])
        .filter((n, i, all) => all.indexOf(n) === i);
      expect(children).toEqual(
        [...children].sort((a, b) => TABLE_ORDER.indexOf(a) - TABLE_ORDER.indexOf(b))
      );
      for (const c of t.columns)
        if (c.formula !== null) expect(c.children[0]).toBe("calculatedColumnFormula");
    }
    expect(firstZip.file("[Content_Types].xml")).not.toBeNull();
  });

  it("sets them again when writing from a file without them, and leaves a person's own", async () => {
    // An older file: no calculated-column formulas, a stale one on Risk score, and one a person
    // set on Notes (a column the plan gives no formula) that must stay.
    const tables = first.find((t) => t.name === "Clauses") as TablePart;
    let xml = tables.xml.replace(
      /><calculatedColumnFormula>[\s\S]*?<\/calculatedColumnFormula><\/tableColumn>/g,
      "/>"
    );
    xml = xml.replace(
      /<tableColumn ([^>]*name="Risk score"[^>]*?)\/>/,
      (_m, a: string) =>
        `<tableColumn ${a}><calculatedColumnFormula>1+1</calculatedColumnFormula></tableColumn>`
    );
    xml = xml.replace(
      /<tableColumn ([^>]*name="Notes"[^>]*?)\/>/,
      (_m, a: string) =>
        `<tableColumn ${a}><calculatedColumnFormula>"mine"</calculatedColumnFormula></tableColumn>`
    );
    expect(xml).toContain("<calculatedColumnFormula>1+1<");
    expect(xml).toContain("<calculatedColumnFormula>&quot;mine&quot;<".replace(/&quot;/g, '"'));
    firstZip.file(tables.part, xml);
    fs.writeFileSync(file("old.xlsx"), await firstZip.generateAsync({ type: "nodebuffer" }));

    const rebuilt = await buildAssessmentFile({ from: file("old.xlsx"), out: file("again.xlsx") });
    const { tables: again } = await tableParts(fs.readFileSync(file("again.xlsx")));
    const clauses = again.find((t) => t.name === "Clauses") as TablePart;
    const expected = expectedFormulas(rebuilt.plan).get("Clauses") as Map<string, string>;
    for (const c of clauses.columns)
      expect([c.name, c.formula]).toEqual([
        c.name,
        c.name === "Notes" ? '"mine"' : (expected.get(c.name) ?? null),
      ]);
  }, 60000);

  it("gives the Remediation Plan's lookup columns theirs when the plan is created", async () => {
    const built = await buildAssessmentFile({
      from: file("new.xlsx"),
      out: file("plan.xlsx"),
      remediation: true,
    });
    const { tables } = await tableParts(fs.readFileSync(file("plan.xlsx")));
    const expected = expectedFormulas(built.plan).get("RemediationPlan") as Map<string, string>;
    expect([...expected.keys()]).toEqual(expect.arrayContaining(["Risk level", "Priority"]));
    const table = tables.find((t) => t.name === "RemediationPlan") as TablePart;
    for (const c of table.columns)
      expect([c.name, c.formula]).toEqual([c.name, expected.get(c.name) ?? null]);
  }, 60000);

  it("agrees with the plan the composer makes for the same inputs", () => {
    const formulas = planTableFormulas(composeWorkbook([], { start: 46000 }).plan);
    expect(formulas.get("clauses")?.get("gap score")).toMatch(
      /^IF\(Clauses\[\[#This Row\],\[Status\]\]/
    );
  });
});

describeWithTool("openpyxl", PYTHON_WITH_OPENPYXL, "openpyxl reads the calculated columns", () => {
  it("loads the file and sees each table's calculated-column formula", async () => {
    await buildAssessmentFile({ out: file("py.xlsx"), start: 46000 });
    const script = [
      "import sys, openpyxl",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "t = wb['Clauses 4-10'].tables['Clauses']",
      "print('\\n'.join(f'{c.name}\\t{c.calculatedColumnFormula.attr_text if c.calculatedColumnFormula is not None else \"\"}' for c in t.tableColumns))",
    ].join("\n");
    const run = spawnSync(PYTHON_WITH_OPENPYXL as string, ["-c", script, file("py.xlsx")], {
      encoding: "utf8",
      timeout: 60000,
    });
    expect([run.status, run.error]).toEqual([0, undefined]);
    const rows = new Map(
      run.stdout
        .trim()
        .split("\n")
        .map((l) => l.split("\t") as [string, string])
    );
    expect(rows.get("Gap score")).toMatch(/^IF\(Clauses\[\[#This Row\],\[Status\]\]/);
    expect(rows.get("Status")).toBe("");
  }, 60000);
});
