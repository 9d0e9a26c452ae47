// The executive report carries readiness and the remediation estimate (issue 11).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { openXlsxPackage } from "../../src/xlsx/package/openXlsxPackage";
import { executiveReport } from "../../src/core/report";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { REMEDIATION_HEADER_ROW } from "../../src/core/layout/remediationSheet";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-report-"));
const file = (n: string): string => path.join(dir, n);

async function edit(
  from: string,
  to: string,
  sheet: string,
  header: number,
  values: Record<string, Record<string, ExcelJS.CellValue>>
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await openXlsxPackage(from, wb);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const cols = new Map<string, number>();
  ws.getRow(header).eachCell((c, i) => cols.set(String(c.value), i));
  for (const [id, cells] of Object.entries(values)) {
    let r = header + 1;
    while (String(ws.getCell(r, 1).value) !== id) r++;
    for (const [c, v] of Object.entries(cells)) ws.getCell(r, cols.get(c) as number).value = v;
  }
  await wb.xlsx.writeFile(to);
}

describe("executive report: readiness and estimate", () => {
  it("states both verdicts with named blockers, and effort and cost per phase", async () => {
    await buildAssessmentFile({ out: file("a.xlsx"), start: 46000 });
    await edit(file("a.xlsx"), file("b.xlsx"), "Annex A", TABLE_HEADER_ROW, {
      "8.8": { Status: "Non-Compliant", Likelihood: 5, Impact: 5 },
      "5.1": { Status: "Partially Compliant", Likelihood: 3, Impact: 4 },
    });
    await buildAssessmentFile({ from: file("b.xlsx"), out: file("c.xlsx"), remediation: true });
    await edit(file("c.xlsx"), file("d.xlsx"), "Remediation Plan", REMEDIATION_HEADER_ROW, {
      "8.8": { "Effort (days)": 10, Cost: 12000 },
      "5.1": { "Effort (days)": 3, Cost: 2500 },
    });
    const md = executiveReport(await readSnapshots(file("d.xlsx")), { today: 46010 });
    expect(md).toMatch(/## Certification readiness/);
    expect(md).toMatch(/Stage 1 \(documentation review\): \*\*not ready\*\* \(\d+ blockers\)/);
    expect(md).toMatch(
      /- Stage 1: 25 clauses are not assessed \(4\.1, 4\.2, 4\.3, 4\.4, 5\.1, and 20 more\)/
    );
    expect(md).toMatch(
      /- Stage 2 only: 5 clauses are not assessed \(9\.2\.1, 9\.2\.2, 9\.3\.1, 9\.3\.2, 9\.3\.3\)/
    );
    // 8.8 is Non-Compliant and Critical: a Stage 2 blocker; 5.1 is Partially Compliant and High:
    // a finding to expect, not a blocker.
    expect(md).toMatch(
      /- Stage 2 only: 1 applicable control is Non-Compliant with a Critical or High risk \(A\.8\.8\)/
    );
    expect(md).toMatch(
      /Findings to expect, not blockers: 1 partially compliant gap rated Critical or High \(A\.5\.1\)/
    );
    expect(md).toMatch(/## Remediation estimate/);
    expect(md).toMatch(/2 open actions; estimated 13 person-days and 14500 EUR in total/);
    // 8.8 (priority 25) is Phase 1, due after its 10 working days; 5.1 (priority 6, Medium) is
    // Phase 3, which finishes no earlier than Phase 1.
    expect(md).toMatch(/\| Phase 1 \| 1 \| 10 \| 12000 \| 2025-12-22 \|/);
    expect(md).toMatch(/\| Phase 3 \| 1 \| 3 \| 2500 \| 2025-12-22 \|/);
  });
});
