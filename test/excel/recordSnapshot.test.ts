// "Record snapshot" and the executive summary through Office.js, on the recording fake: a row of
// values on Snapshot History in a constant number of syncs, audit-sheet entries kept, sheets protected.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { recordSnapshot } from "../../src/excel/recordSnapshot";
import { writeReport } from "../../src/excel/writeReport";
import { HISTORY_COLUMNS, PROTECTED_SHEETS, SHEETS } from "../../src/core/contract";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { DOCUMENTS_HEADER_ROW } from "../../src/core/layout/documentsSheet";
import { HISTORY_HEADER_ROW } from "../../src/core/layout/historySheet";
import { RISK_HEADER_ROW } from "../../src/core/layout/riskRegisterSheet";
import { SOA_APPROVAL_ROW, SOA_HEADER_ROW } from "../../src/core/layout/soaSheet";
import { columnLetter } from "../../src/core/snapshot";

function fakeExcel(): ExcelFake {
  const fake = createExcelFake();
  fake.install();
  return fake;
}
const run = <T>(fake: ExcelFake, f: (c: Excel.RequestContext) => Promise<T>): Promise<T> =>
  fake.Excel.run(f);

/** Column letter of a header on a sheet of the fake. */
function col(fake: ExcelFake, sheet: string, headerRow: number, header: string): string {
  const row = fake.state.sheet(sheet).getValues(`A${headerRow}:Z${headerRow}`)[0].map(String);
  const i = row.indexOf(header);
  if (i < 0) throw new Error(`${header} not on ${sheet}`);
  return columnLetter(i);
}
function rowOf(fake: ExcelFake, sheet: string, headerRow: number, id: string): number {
  const ids = fake.state
    .sheet(sheet)
    .getValues(`A${headerRow + 1}:A${headerRow + 200}`)
    .map((r: unknown[]) => String(r[0]));
  const i = ids.indexOf(id);
  if (i < 0) throw new Error(`${id} not on ${sheet}`);
  return headerRow + 1 + i;
}

describe("recordSnapshot through Office.js", () => {
  it("adds a row of values, keeps what people typed on the audit sheets, and protects the shared sheets", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, { org: "Acme" }));
    for (const name of PROTECTED_SHEETS.filter((n) => n !== SHEETS.remediation))
      expect([name, fake.state.sheet(name).protection.protected]).toEqual([name, true]);
    expect(fake.state.sheet(SHEETS.history).protection.protected).toBe(false);

    const annex = fake.state.sheet(SHEETS.annexA);
    annex.setCell(
      `${col(fake, SHEETS.annexA, TABLE_HEADER_ROW, "Status")}${TABLE_HEADER_ROW + 1}`,
      "Compliant"
    );
    annex.setCell(
      `${col(fake, SHEETS.annexA, TABLE_HEADER_ROW, "Status")}${TABLE_HEADER_ROW + 2}`,
      "Non-Compliant"
    );
    const soa = fake.state.sheet(SHEETS.soa);
    // Issue 17: the SoA's inputs are the reason columns (the justification is typed on Annex A).
    soa.setCell(
      `${col(fake, SHEETS.soa, SOA_HEADER_ROW, "Legal or regulatory")}${rowOf(fake, SHEETS.soa, SOA_HEADER_ROW, "5.1")}`,
      "Yes"
    );
    soa.setCell(`C${SOA_APPROVAL_ROW + 2}`, "CEO");
    const docs = fake.state.sheet(SHEETS.documents);
    docs.setCell(
      `${col(fake, SHEETS.documents, DOCUMENTS_HEADER_ROW, "Exists")}${rowOf(fake, SHEETS.documents, DOCUMENTS_HEADER_ROW, "isms-scope")}`,
      "Partly"
    );
    const risks = fake.state.sheet(SHEETS.risks);
    risks.setCell(
      `${col(fake, SHEETS.risks, RISK_HEADER_ROW, "Asset or process")}${RISK_HEADER_ROW + 1}`,
      "Payroll"
    );
    risks.setCell(
      `${col(fake, SHEETS.risks, RISK_HEADER_ROW, "Likelihood")}${RISK_HEADER_ROW + 1}`,
      3
    );

    fake.stats.reset();
    const result = await run(fake, (c) => recordSnapshot(c, { date: 46100, note: "Stage 1" }));
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
    expect(fake.stats.maxSyncPayloadBytes).toBeLessThan(5 * 1024 * 1024);
    expect(result.row).toMatchObject({
      Date: 46100,
      Overall: 0.5,
      "Annex A": 0.5,
      Compliant: 1,
      "Non-Compliant": 1,
      "Open actions": null,
      Note: "Stage 1",
    });
    expect(result.snapshots).toBe(1);

    const history = fake.state.sheet(SHEETS.history);
    const header = history.getValues(`A${HISTORY_HEADER_ROW}:K${HISTORY_HEADER_ROW}`)[0];
    expect(header).toEqual([...HISTORY_COLUMNS]);
    const row = HISTORY_COLUMNS.map((_, i) =>
      history.cell(`${columnLetter(i)}${HISTORY_HEADER_ROW + 1}`)
    );
    expect(row.every((cell: { formula: string | null }) => !cell.formula)).toBe(true);
    expect(row.map((cell: { value: unknown }) => cell.value).slice(0, 4)).toEqual([
      46100,
      0.5,
      "",
      0.5,
    ]);

    expect(
      soa.cell(
        `${col(fake, SHEETS.soa, SOA_HEADER_ROW, "Legal or regulatory")}${rowOf(fake, SHEETS.soa, SOA_HEADER_ROW, "5.1")}`
      ).value
    ).toBe("Yes");
    expect(soa.cell(`C${SOA_APPROVAL_ROW + 2}`).value).toBe("CEO");
    expect(
      docs.cell(
        `${col(fake, SHEETS.documents, DOCUMENTS_HEADER_ROW, "Exists")}${rowOf(fake, SHEETS.documents, DOCUMENTS_HEADER_ROW, "isms-scope")}`
      ).value
    ).toBe("Partly");
    expect(
      risks.cell(
        `${col(fake, SHEETS.risks, RISK_HEADER_ROW, "Asset or process")}${RISK_HEADER_ROW + 1}`
      ).value
    ).toBe("Payroll");
    expect(
      risks.cell(
        `${col(fake, SHEETS.risks, RISK_HEADER_ROW, "Inherent risk")}${RISK_HEADER_ROW + 1}`
      ).formula
    ).toMatch(/^=IF\(AND\(ISNUMBER\(RiskRegister\[\[#This Row\],\[Likelihood\]\]\)/);
    expect(
      fake.state
        .sheet(SHEETS.summary)
        .charts.map((c: { name: string }) => c.name)
        .sort()
    ).toEqual(["ComplianceByArea", "ComplianceByTheme", "ComplianceTrend", "StatusMix"]);

    // A second snapshot goes below the first.
    const again = await run(fake, (c) => recordSnapshot(c, { date: 46130 }));
    expect(again.snapshots).toBe(2);
    expect([
      history.cell(`A${HISTORY_HEADER_ROW + 1}`).value,
      history.cell(`A${HISTORY_HEADER_ROW + 2}`).value,
      history.cell(`K${HISTORY_HEADER_ROW + 1}`).value,
    ]).toEqual([46100, 46130, "Stage 1"]);
  });

  it("returns the executive summary in one read and changes nothing", async () => {
    const fake = fakeExcel();
    await run(fake, (c) => buildAssessment(c, { org: "Acme" }));
    const annex = fake.state.sheet(SHEETS.annexA);
    annex.setCell(
      `${col(fake, SHEETS.annexA, TABLE_HEADER_ROW, "Status")}${TABLE_HEADER_ROW + 1}`,
      "Non-Compliant"
    );
    fake.stats.reset();
    const log = fake.log.length;
    const md = await run(fake, (c) => writeReport(c, { today: 46100 }));
    expect(fake.stats.syncs).toBe(1);
    const writes = fake.log
      .slice(log)
      .filter((op: string) =>
        /^(Range\.(values|formulas)|\w+Collection\.add|WorksheetProtection\.(protect|unprotect))$/.test(
          op
        )
      );
    expect(writes).toEqual([]);
    expect(fake.log.slice(log)).toContain("Range.load");
    expect(md).toMatch(/^# ISO\/IEC 27001:2022 gap assessment — executive summary: Acme/);
    expect(md).toContain(
      "| 1 | A.5.1 | Policies for information security | Non-Compliant | — | — | — |"
    );
    expect(md).toContain("Of 26 required documents and records, 26 are missing");
  });
});
