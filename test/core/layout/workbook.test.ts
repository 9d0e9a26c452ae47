import { layoutWorkbook } from "../../../src/core/layout/workbook";
import { ANNEX_A_COLUMNS, CLAUSE_COLUMNS } from "../../../src/core/contract";
import { emptyInputs } from "../../../src/core/inputs";

describe("layoutWorkbook", () => {
  const plan = layoutWorkbook({ org: "Acme", start: 46000 });
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name);

  it("lays out the contract sheets in order", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Clauses 4-10",
      "Annex A",
      "Statement of Applicability",
      "Risk Register",
      "Documents",
      "Summary",
      "Snapshot History",
      "Settings",
    ]);
  });

  it("gives each assessment sheet one table with the exact contract columns and every catalog row", () => {
    expect(
      sheet("Clauses 4-10")?.tables.map((t) => [t.name, t.rows, t.columns.map((c) => c.header)])
    ).toEqual([["Clauses", 30, [...CLAUSE_COLUMNS]]]);
    expect(
      sheet("Annex A")?.tables.map((t) => [t.name, t.rows, t.columns.map((c) => c.header)])
    ).toEqual([["AnnexA", 93, [...ANNEX_A_COLUMNS]]]);
  });

  it("defines every workbook name a formula uses", () => {
    const defined = new Set(plan.names.map((n) => n.name));
    const formulas = plan.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => b.cells.flat().map((c) => c.formula ?? ""))
    );
    const used = new Set(
      formulas.flatMap((f) =>
        [...f.matchAll(/\b(Weight_\w+|Band_\w+|Org_Name|Assessment_\w+|SLA_\w+)\b/g)].map(
          (m) => m[1]
        )
      )
    );
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(defined).toContain(name);
    for (const n of [
      "Compliance_Overall",
      "Compliance_Clauses",
      "Compliance_AnnexA",
      "Status_List",
    ])
      expect(defined).toContain(n);
  });

  it("writes structured references in the file form, never [@Column]", () => {
    const formulas = plan.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => b.cells.flat().map((c) => c.formula ?? ""))
    );
    expect(formulas.some((f) => f.includes("[[#This Row],"))).toBe(true);
    expect(formulas.filter((f) => f.includes("[@"))).toEqual([]);
  });

  it("puts typed values and added rows into the table, defaults elsewhere", () => {
    const inputs = emptyInputs();
    inputs.annexA.set("5.1", { Status: "Compliant", Evidence: "Policy v3" });
    inputs.annexA.set("X.9", { Title: "Own control", Status: "Non-Compliant" });
    const annex = layoutWorkbook({ inputs }).sheets.find((s) => s.name === "Annex A");
    const grid = annex?.blocks[1].cells ?? [];
    const header = grid[0].map((c) => c.value);
    const row = (id: string) => grid.find((r) => r[0].value === id) ?? [];
    expect(row("5.1")[header.indexOf("Evidence")].value).toBe("Policy v3");
    expect(row("5.2")[header.indexOf("Status")].value).toBe("Not Assessed");
    expect(row("X.9")[header.indexOf("Title")].value).toBe("Own control");
    expect(annex?.tables[0].rows).toBe(94);
  });
});
