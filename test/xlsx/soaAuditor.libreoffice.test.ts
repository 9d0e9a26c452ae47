// Issue 17, "An SoA an auditor accepts", on files recalculated by LibreOffice: the SoA shows the
// justification typed once on Annex A, lists the risks each control treats, and the Summary counts
// an unapproved SoA as a Stage 1 blocker exactly as core/readiness.ts names it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { RISK_HEADER_ROW } from "../../src/core/layout/riskRegisterSheet";
import { SOA_APPROVAL_ROW, SOA_HEADER_ROW } from "../../src/core/layout/soaSheet";
import { assessReadiness, blockerCounts, BLOCKER_KINDS } from "../../src/core/readiness";
import { todaySerial } from "../../src/core/dates";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { headerColumns, openWorkbook, rowById } from "../support/workbookFiles";
import { readCachedValues, type CachedWorkbook } from "../support/xlsxValues";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-soa-"));
const file = (n: string): string => path.join(dir, n);
const LABEL = BLOCKER_KINDS.find((k) => k.kind === "soa-unapproved")?.label ?? "";

const CASES: { name: string; approval: [ExcelJS.CellValue, ExcelJS.CellValue]; count: number }[] = [
  { name: "unapproved", approval: [null, null], count: 1 },
  { name: "no-date", approval: ["Managing director", null], count: 1 },
  { name: "approved", approval: ["Managing director", new Date(Date.UTC(2026, 2, 31))], count: 0 },
];

function summaryLine(values: CachedWorkbook): [number, number] {
  for (let r = 1; r < 400; r++)
    if (values.cell("Summary", `A${r}`) === LABEL)
      return [
        Number(values.cell("Summary", `B${r}`) ?? 0),
        Number(values.cell("Summary", `C${r}`) ?? 0),
      ];
  throw new Error(`No Summary line "${LABEL}"`);
}

describeWithTool("LibreOffice", SOFFICE, "an SoA an auditor accepts (LibreOffice)", () => {
  const recalculated = new Map<string, CachedWorkbook>();
  let soaCells: (id: string, column: string) => string = () => "";

  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), org: "Acme", start: 46000 });
    const wb = await openWorkbook(file("base.xlsx"));
    const annex = wb.getWorksheet(SHEETS.annexA) as ExcelJS.Worksheet;
    const ac = headerColumns(annex, TABLE_HEADER_ROW);
    const r74 = rowById(annex, TABLE_HEADER_ROW, "7.4");
    annex.getCell(r74, ac.get("Applicable") as number).value = "No";
    annex.getCell(r74, ac.get("Justification") as number).value = "No premises of our own";
    const risks = wb.getWorksheet(SHEETS.risks) as ExcelJS.Worksheet;
    const rc = headerColumns(risks, RISK_HEADER_ROW);
    risks.getCell(RISK_HEADER_ROW + 1, rc.get("ID") as number).value = "R-01";
    risks.getCell(RISK_HEADER_ROW + 1, rc.get("Asset or process") as number).value = "CRM";
    risks.getCell(RISK_HEADER_ROW + 1, rc.get("Annex A controls") as number).value = "8.8, 7.4";
    await wb.xlsx.writeFile(file("edited.xlsx"));
    // The rebuild fills "Treats risks" from the register.
    await buildAssessmentFile({ from: file("edited.xlsx"), out: file("rebuilt.xlsx") });
    for (const c of CASES) {
      const copy = await openWorkbook(file("rebuilt.xlsx"));
      const soa = copy.getWorksheet(SHEETS.soa) as ExcelJS.Worksheet;
      soa.getCell(`C${SOA_APPROVAL_ROW + 2}`).value = c.approval[0];
      soa.getCell(`C${SOA_APPROVAL_ROW + 3}`).value = c.approval[1];
      await copy.xlsx.writeFile(file(`${c.name}.xlsx`));
    }
    const rebuilt = await openWorkbook(file("rebuilt.xlsx"));
    const soa = rebuilt.getWorksheet(SHEETS.soa) as ExcelJS.Worksheet;
    const sc = headerColumns(soa, SOA_HEADER_ROW);
    soaCells = (id, column) =>
      soa.getCell(rowById(soa, SOA_HEADER_ROW, id), sc.get(column) as number).address;
    const outputs = await recalculate(CASES.map((c) => file(`${c.name}.xlsx`)));
    for (const [i, c] of CASES.entries())
      recalculated.set(c.name, await readCachedValues(outputs[i]));
  }, 240000);

  it("shows Annex A's justification and the risks each control treats", () => {
    const values = recalculated.get("approved")!;
    expect(values.cell(SHEETS.soa, soaCells("7.4", "Justification"))).toBe(
      "No premises of our own"
    );
    expect(values.cell(SHEETS.soa, soaCells("7.4", "Applicable"))).toBe("No");
    expect(values.cell(SHEETS.soa, soaCells("7.4", "Treats risks"))).toBe("R-01");
    expect(values.cell(SHEETS.soa, soaCells("8.8", "Treats risks"))).toBe("R-01");
    expect(values.cell(SHEETS.soa, soaCells("5.1", "Justification")) ?? "").toBe("");
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s: the Summary counts the unapproved SoA as core/readiness.ts does",
    async (name, c) => {
      const values = recalculated.get(name)!;
      const model = assessReadiness(await readSnapshots(file(`${name}.xlsx`)), {
        today: todaySerial(),
      });
      const mine = model.blockers.filter((b) => b.kind === "soa-unapproved");
      expect(mine).toHaveLength(c.count);
      expect(summaryLine(values)).toEqual([c.count, c.count]);
      const { stage1, stage2 } = blockerCounts(model.blockers);
      expect([
        values.name("Readiness_Stage1_Blockers"),
        values.name("Readiness_Stage2_Blockers"),
      ]).toEqual([stage1, stage2]);
    }
  );
});
