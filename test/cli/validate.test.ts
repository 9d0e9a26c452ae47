import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { CLAUSES, CONTROLS } from "../../src/catalog";
import { validateCommand } from "../../src/cli/commands/validate";

import { main } from "../../src/cli/main";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { WorkbookBuilder } from "../core/snapshotBuilder";
import { capture } from "../support/cliIo";

async function cli(...args: string[]) {
  const io = capture();
  const code = await main(["validate", ...args], io, [validateCommand]);
  return { code, ...io };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "gap-validate-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Writes builder snapshots as worksheets: values, formulas (with their results) and merges. */
async function writeSnapshots(name: string, snapshots: SheetSnapshot[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshots) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = ws.getCell(s.origin.row + r + 1, s.origin.col + c + 1);
        const formula = s.formulas[r]?.[c];
        if (formula)
          cell.value = {
            formula: formula.slice(1),
            result: value === null || value === "" ? undefined : value,
          } as ExcelJS.CellFormulaValue;
        else if (value !== null) cell.value = value;
      })
    );
    for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("gap-assessor validate", () => {
  it("exits 0 with an all-clear on a correctly completed workbook", async () => {
    const file = await writeSnapshots("clean.xlsx", new WorkbookBuilder().snapshots());
    const { code, stdout, stderr } = await cli(file);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("0 errors, 0 warnings, 0 infos");
    expect(stdout).toContain("All clear");
  });

  it("exits 1 and prints exactly the JSON contract with --json", async () => {
    const wb = new WorkbookBuilder({ origin: { row: 3, col: 0 } });
    wb.annexA.set("5.1", "Status", "Yes");
    wb.clauses.set("4.2", "Owner", null);
    const file = await writeSnapshots("defects.xlsx", wb.snapshots());
    const { code, stdout } = await cli(file, "--json");
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["problems", "summary"]);
    expect(json.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(json.problems).toEqual([
      expect.objectContaining({
        sheet: "Clauses 4-10",
        cell: wb.clauses.address("4.2", "Owner"),
        id: "4.2",
        rule: "owner-missing",
        severity: "warning",
      }),
      expect.objectContaining({
        sheet: "Annex A",
        cell: wb.annexA.address("5.1", "Status"),
        id: "5.1",
        rule: "status-invalid",
        severity: "error",
      }),
    ]);
    for (const p of json.problems)
      expect(Object.keys(p)).toEqual(["sheet", "cell", "id", "rule", "severity", "message"]);
    expect(json.problems[1].message).toContain('Did you mean "Compliant"?');
  });

  it("groups the human report by rule with counts", async () => {
    const wb = new WorkbookBuilder();
    wb.annexA
      .set("5.1", "Evidence", null)
      .set("5.6", "Evidence", null)
      .set("5.2", "Evidence", "TBD");
    wb.clauses.set("4.1", "Status", "Not Assessed");
    const file = await writeSnapshots("grouped.xlsx", wb.snapshots());
    const { code, stdout } = await cli(file);
    expect(code).toBe(1);
    expect(stdout).toMatch(/2 errors, 1 warning, 1 info\./);
    expect(stdout).toMatch(/Errors\n {2}evidence-missing \(2\) — /);
    expect(stdout).toMatch(/Annex A!H2 {2}Control 5\.1 is Compliant but its Evidence is empty/);
    expect(stdout).toMatch(/Warnings\n {2}evidence-placeholder \(1\)/);
    expect(stdout).toMatch(/not-assessed \(1\) — .*\n {4}Clauses 4-10: 4\.1/);
    expect(stdout.indexOf("Errors")).toBeLessThan(stdout.indexOf("Warnings"));
  });

  it("exits 0 when there are only warnings", async () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.3", "Owner", null);
    const { code, stdout } = await cli(await writeSnapshots("warnings.xlsx", wb.snapshots()));
    expect(code).toBe(0);
    expect(stdout).toMatch(/No errors/);
  });

  it("reads merged cells and a moved table from a real file", async () => {
    const wb = new WorkbookBuilder({ origin: { row: 2, col: 2 }, titleRows: 1 });
    wb.annexA.mergeDown("5.11", "Evidence", 1);
    wb.clauses.set("4.4", "Likelihood", "3");
    const { code, stdout } = await cli(
      await writeSnapshots("messy.xlsx", wb.snapshots()),
      "--json"
    );
    expect(code).toBe(1);
    expect(
      JSON.parse(stdout).problems.map((p: { rule: string; cell: string }) => `${p.rule} ${p.cell}`)
    ).toEqual([`risk-out-of-range ${wb.clauses.address("4.4", "Likelihood")}`]);
  });

  describe("unreadable input exits 2 with a clear message", () => {
    it("file not found", async () => {
      const { code, stderr, stdout } = await cli(path.join(dir, "nope.xlsx"));
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/File not found/);
    });

    it("not an xlsx", async () => {
      const file = path.join(dir, "notes.xlsx");
      await fs.writeFile(file, "ID,Status\n5.1,Compliant\n");
      const { code, stderr } = await cli(file);
      expect(code).toBe(2);
      expect(stderr).toMatch(/not an \.xlsx workbook/);
    });

    it("password-protected", async () => {
      const file = path.join(dir, "locked.xlsx");
      // Encrypted xlsx files are OLE compound documents: this is their signature.
      await fs.writeFile(
        file,
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(504),
        ])
      );
      const { code, stderr } = await cli(file);
      expect(code).toBe(2);
      expect(stderr).toMatch(/password-protected/);
    });

    it("no assessment sheets", async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1").getCell("A1").value = "Shopping list";
      const file = path.join(dir, "other.xlsx");
      await wb.xlsx.writeFile(file);
      const { code, stderr } = await cli(file);
      expect(code).toBe(2);
      expect(stderr).toMatch(/has no assessment sheets \("Clauses 4-10" or "Annex A"\)/);
    });

    it("no file named", async () => {
      const { code, stderr } = await cli();
      expect(code).toBe(2);
      expect(stderr).toMatch(/Name the workbook to check/);
      expect(stderr).toMatch(/Usage: gap-assessor validate/);
    });

    it("unknown option", async () => {
      const { code } = await cli("x.xlsx", "--jsonn");
      expect(code).toBe(2);
    });
  });

  it("still validates when only one assessment sheet is there (exit 1, sheet-missing)", async () => {
    const snaps = new WorkbookBuilder().snapshots().filter((s) => s.name !== "Clauses 4-10");
    const { code, stdout } = await cli(await writeSnapshots("half.xlsx", snaps), "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).problems).toEqual([
      expect.objectContaining({ rule: "sheet-missing", sheet: "Clauses 4-10", cell: "A1" }),
    ]);
  });
});

describe("a workbook built by gap-assessor build", () => {
  // Fills the built file as a person would in Excel: input cells only, formulas untouched.
  async function complete(
    built: string,
    out: string,
    edit?: (
      sheet: ExcelJS.Worksheet,
      row: (id: string) => ExcelJS.Row,
      col: (h: string) => number
    ) => void
  ) {
    const wb = new ExcelJS.Workbook();
    await openXlsxPackage(built, wb);
    for (const name of ["Clauses 4-10", "Annex A"]) {
      const ws = wb.getWorksheet(name)!;
      let headerRow = 0;
      ws.eachRow((row, n) => {
        if (!headerRow && row.getCell(1).value === "ID") headerRow = n;
      });
      const header = ws.getRow(headerRow);
      const col = (h: string): number => {
        let found = 0;
        header.eachCell((cell, c) => {
          if (cell.value === h) found = c;
        });
        return found;
      };
      const rowOf = (id: string): ExcelJS.Row => {
        for (let n = headerRow + 1; n <= ws.rowCount; n++)
          if (ws.getRow(n).getCell(col("ID")).value === id) return ws.getRow(n);
        throw new Error(`no row ${id}`);
      };
      const ids = name === "Annex A" ? CONTROLS.map((c) => c.id) : CLAUSES.map((c) => c.id);
      ids.forEach((id, i) => {
        const row = rowOf(id);
        row.getCell(col("Status")).value = i % 3 === 0 ? "Partially Compliant" : "Compliant";
        row.getCell(col("Evidence")).value = `Procedure ${id} v1, approved 2024-05-02`;
        row.getCell(col("Owner")).value = "ISMS Manager";
        row.getCell(col("Likelihood")).value = 1 + (i % 5);
        row.getCell(col("Impact")).value = 1 + ((i + 1) % 5);
        if (name === "Annex A") row.getCell(col("Justification")).value = "Treats risks R-1 to R-9";
      });
      edit?.(ws, rowOf, col);
    }
    await wb.xlsx.writeFile(out);
    return out;
  }

  let built: string;
  beforeAll(async () => {
    built = path.join(dir, "built.xlsx");
    await buildAssessmentFile({ out: built, org: "Example Ltd" });
  });

  it("has only not-assessed infos when freshly built", async () => {
    const { code, stdout } = await cli(built, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.summary).toEqual({
      errors: 0,
      warnings: 0,
      infos: CLAUSES.length + CONTROLS.length,
    });
  });

  it("validates clean once completed correctly", async () => {
    const { code, stdout } = await cli(
      await complete(built, path.join(dir, "built-complete.xlsx"))
    );
    expect(stdout).toContain("All clear");
    expect(code).toBe(0);
  });

  it("reports planted defects at their cells, and nothing else", async () => {
    const cells: string[] = [];
    const file = await complete(built, path.join(dir, "built-defects.xlsx"), (ws, row, col) => {
      const at = (id: string, h: string) => row(id).getCell(col(h));
      if (ws.name === "Annex A") {
        at("5.7", "Applicable").value = "No";
        at("5.7", "Status").value = "Not Applicable";
        at("5.7", "Justification").value = null;
        at("8.8", "Status").value = "Compliant ";
        at("8.9", "Risk score").value = 12;
        cells.push(`justification-missing Annex A!${at("5.7", "Justification").address}`);
        cells.push(`status-invalid Annex A!${at("8.8", "Status").address}`);
        cells.push(`formula-overwritten Annex A!${at("8.9", "Risk score").address}`);
      } else {
        at("6.1.2", "Status").value = "Not Applicable";
        at("7.2", "Likelihood").value = "4";
        at("9.2.1", "Evidence").value = "see above";
        cells.unshift(`evidence-placeholder Clauses 4-10!${at("9.2.1", "Evidence").address}`);
        cells.unshift(`risk-out-of-range Clauses 4-10!${at("7.2", "Likelihood").address}`);
        cells.unshift(`clause-not-applicable Clauses 4-10!${at("6.1.2", "Status").address}`);
      }
    });
    const { code, stdout } = await cli(file, "--json");
    expect(code).toBe(1);
    const got = JSON.parse(stdout).problems.map(
      (p: { rule: string; sheet: string; cell: string }) => `${p.rule} ${p.sheet}!${p.cell}`
    );
    expect(got).toEqual(cells);
  });
});
