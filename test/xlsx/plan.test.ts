// The Remediation Plan end to end on files: plan, edit, re-assess, regenerate — nothing lost;
// and in LibreOffice the plan's Risk level / Priority follow the assessment rows live.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { REMEDIATION_HEADER_ROW } from "../../src/core/layout/remediationSheet";
import { columnLetter } from "../../src/core/snapshot";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import { readCachedValues } from "../support/xlsxValues";
import { headerColumns, openWorkbook } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-plan-"));
const file = (n: string): string => path.join(dir, n);
const silent = { out: () => undefined, err: () => undefined };

const open = openWorkbook;
const headers = headerColumns;
function findRow(ws: ExcelJS.Worksheet, first: number, match: (r: number) => boolean): number {
  for (let r = first; r <= ws.rowCount; r++) if (match(r)) return r;
  return -1;
}
async function setAssessment(
  p: string,
  out: string,
  sheet: string,
  values: Record<string, Record<string, ExcelJS.CellValue>>
): Promise<void> {
  const wb = await open(p);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const cols = headers(ws, TABLE_HEADER_ROW);
  for (const [id, cells] of Object.entries(values)) {
    const r = findRow(ws, TABLE_HEADER_ROW + 1, (x) => String(ws.getCell(x, 1).value) === id);
    for (const [c, v] of Object.entries(cells)) ws.getCell(r, cols.get(c) as number).value = v;
  }
  await wb.xlsx.writeFile(out);
}
async function planRows(p: string): Promise<Record<string, ExcelJS.CellValue>[]> {
  const ws = (await open(p)).getWorksheet("Remediation Plan") as ExcelJS.Worksheet;
  const cols = headers(ws, REMEDIATION_HEADER_ROW);
  const rows = [];
  for (let r = REMEDIATION_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = Object.fromEntries([...cols].map(([h, c]) => [h, ws.getCell(r, c).value]));
    if (Object.values(row).some((v) => v !== null && v !== "")) rows.push(row);
  }
  return rows;
}

describe("gap-assessor plan", () => {
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: 46000 });
    await setAssessment(file("base.xlsx"), file("a1.xlsx"), "Annex A", {
      "5.10": { Status: "Non-Compliant", Likelihood: 3, Impact: 3, Owner: "Ann" },
      "5.2": { Status: "Non-Compliant", Likelihood: 3, Impact: 3 },
      "8.8": { Status: "Partially Compliant", Likelihood: 5, Impact: 5, Owner: "Ops" },
      "5.7": { Status: "Compliant", Evidence: "Feed" },
    });
    await setAssessment(file("a1.xlsx"), file("a2.xlsx"), "Clauses 4-10", {
      "6.1.2": { Status: "Partially Compliant" },
    });
  });

  it("creates one row per open gap, clause gaps first, by priority then natural id, with SLA dates", async () => {
    expect(await main(["plan", file("a2.xlsx"), "--out", file("p1.xlsx")], silent)).toBe(0);
    const rows = await planRows(file("p1.xlsx"));
    expect(rows.map((r) => `${r.Source}:${r.ID}`)).toEqual([
      "Clauses 4-10:6.1.2",
      "Annex A:8.8",
      "Annex A:5.2",
      "Annex A:5.10",
    ]);
    const r88 = rows[1];
    expect(r88).toMatchObject({
      Owner: "Ops",
      Progress: "Not started",
      Treatment: "Mitigate",
      Type: "Technical",
    });
    // ExcelJS reads a date-formatted serial back as a Date: 46000 → 2025-12-09 (a Tuesday); a
    // partial gap takes half its catalog effort (5 of 10 days), counted in working days.
    expect(new Date(r88.Due as Date).toISOString().slice(0, 10)).toBe("2025-12-15");
    expect(new Date(rows[0].Due as Date).toISOString().slice(0, 10)).toBe("2025-12-15"); // 6.1.2: 5 of 10 days
    expect(rows[3].Owner).toBe("Ann");
  });

  it("regenerates without losing an edit: resolved rows stay, new gaps appear once, hand rows stay", async () => {
    const wb = await open(file("p1.xlsx"));
    const ws = wb.getWorksheet("Remediation Plan") as ExcelJS.Worksheet;
    const cols = headers(ws, REMEDIATION_HEADER_ROW);
    const row = (id: string): number =>
      findRow(ws, REMEDIATION_HEADER_ROW + 1, (r) => ws.getCell(r, 1).value === id);
    const set = (id: string, c: string, v: ExcelJS.CellValue): void => {
      ws.getCell(row(id), cols.get(c) as number).value = v;
    };
    set("8.8", "Action", "Monthly patch cycle");
    set("8.8", "Owner", "Platform team");
    set("8.8", "Due", new Date(Date.UTC(2026, 5, 30)));
    set("8.8", "Progress", "In progress");
    set("8.8", "Phase", "Phase 3");
    set("8.8", "Effort (days)", 4);
    set("8.8", "Cost", 900);
    set("5.2", "Notes", "Waiting for HR");
    const budget = cols.size + 1; // a column of the team's own, right of the table
    ws.getCell(REMEDIATION_HEADER_ROW, budget).value = "Budget";
    ws.getCell(row("8.8"), budget).value = 1200;
    const hand = ws.rowCount + 1;
    ws.getCell(hand, cols.get("Title") as number).value = "Replace badge readers";
    ws.getCell(hand, cols.get("Action") as number).value = "Get quotes";
    await wb.xlsx.writeFile(file("p1-edited.xlsx"));
    await setAssessment(file("p1-edited.xlsx"), file("p1-reassessed.xlsx"), "Annex A", {
      "5.2": { Status: "Compliant", Evidence: "Roles matrix" },
      "7.4": { Status: "Non-Compliant", Likelihood: 2, Impact: 2 },
    });

    expect(await main(["plan", file("p1-reassessed.xlsx"), "--out", file("p2.xlsx")], silent)).toBe(
      0
    );
    const rows = await planRows(file("p2.xlsx"));
    const by = (id: string) => rows.filter((r) => r.ID === id);
    expect(by("8.8")).toHaveLength(1);
    expect(by("8.8")[0]).toMatchObject({
      Action: "Monthly patch cycle",
      Owner: "Platform team",
      Progress: "In progress",
      Budget: 1200,
      Phase: "Phase 3",
      "Effort (days)": 4,
      Cost: 900,
    });
    expect(new Date(by("8.8")[0].Due as Date).toISOString().slice(0, 10)).toBe("2026-06-30");
    expect(by("5.2")[0]).toMatchObject({ Progress: "Resolved", Notes: "Waiting for HR" });
    expect(by("7.4")).toHaveLength(1);
    expect(rows.filter((r) => r.Title === "Replace badge readers")).toHaveLength(1);
    expect(rows).toHaveLength(6);

    // Regenerating the regenerated plan changes nothing.
    expect(await main(["plan", file("p2.xlsx"), "--out", file("p3.xlsx")], silent)).toBe(0);
    expect(await planRows(file("p3.xlsx"))).toEqual(rows);
    // A plain rebuild keeps the plan too.
    await buildAssessmentFile({ from: file("p3.xlsx"), out: file("p4.xlsx") });
    expect(await planRows(file("p4.xlsx"))).toEqual(rows);
  });

  it("never writes its input and needs --out", async () => {
    expect(await main(["plan", file("a2.xlsx"), "--out", file("a2.xlsx")], silent)).toBe(2);
    expect(await main(["plan", file("a2.xlsx")], silent)).toBe(2);
  });
});

describeWithTool("LibreOffice", SOFFICE, "plan formulas in LibreOffice", () => {
  it("Risk level and Priority follow the assessment row; Summary counts overdue and open actions", async () => {
    await buildAssessmentFile({ out: file("lo-base.xlsx"), start: 45000 });
    await setAssessment(file("lo-base.xlsx"), file("lo-a.xlsx"), "Annex A", {
      "8.8": { Status: "Partially Compliant", Likelihood: 4, Impact: 5, Owner: "Ops" },
      "5.1": { Status: "Non-Compliant", Likelihood: 2, Impact: 2 },
    });
    await buildAssessmentFile({
      from: file("lo-a.xlsx"),
      out: file("lo-p.xlsx"),
      remediation: true,
    });
    // Re-score 5.1 after planning: the plan must follow without regenerating.
    await setAssessment(file("lo-p.xlsx"), file("lo-p2.xlsx"), "Annex A", {
      "5.1": { Likelihood: 5, Impact: 5 },
    });
    const [out] = await recalculate([file("lo-p2.xlsx")]);
    const values = await readCachedValues(out);
    const ws = (await open(file("lo-p2.xlsx"))).getWorksheet(
      "Remediation Plan"
    ) as ExcelJS.Worksheet;
    const cols = headers(ws, REMEDIATION_HEADER_ROW);
    const cell = (id: string, c: string): unknown => {
      const r = findRow(ws, REMEDIATION_HEADER_ROW + 1, (x) => ws.getCell(x, 1).value === id);
      return values.cell("Remediation Plan", `${columnLetter((cols.get(c) as number) - 1)}${r}`);
    };
    expect([cell("8.8", "Risk level"), cell("8.8", "Priority")]).toEqual(["Critical", 10]);
    expect([cell("5.1", "Risk level"), cell("5.1", "Priority")]).toEqual(["Critical", 25]);
    let overdue = 0;
    let openActions = 0;
    for (let r = 1; r < 200; r++) {
      const label = String(values.cell("Summary", `A${r}`) ?? "");
      if (label.startsWith("Overdue")) overdue = values.cell("Summary", `B${r}`) as number;
      if (label === "Open actions") openActions = values.cell("Summary", `B${r}`) as number;
    }
    expect([openActions, overdue]).toEqual([2, 2]); // start 45000 (2023) + SLA is long past
  });

  it("totals effort, cost and latest due date per phase, owner and finding type for leadership", async () => {
    await buildAssessmentFile({ out: file("ph-base.xlsx"), start: 46000 });
    await setAssessment(file("ph-base.xlsx"), file("ph-a.xlsx"), "Annex A", {
      "8.8": { Status: "Non-Compliant", Likelihood: 5, Impact: 5, Owner: "Ops" }, // priority 25 → Phase 1
      "5.1": { Status: "Non-Compliant", Likelihood: 3, Impact: 4, Owner: "CISO" }, // 12, High → Phase 2
      "7.4": { Status: "Partially Compliant", Likelihood: 2, Impact: 2, Owner: "Ops" }, // 2, Low → Phase 3
    });
    await setAssessment(file("ph-a.xlsx"), file("ph-b.xlsx"), "Clauses 4-10", {
      "9.2.2": { Status: "Non-Compliant" },
    }); // unscored, not a foundation → Phase 3
    await buildAssessmentFile({
      from: file("ph-b.xlsx"),
      out: file("ph-p.xlsx"),
      remediation: true,
    });
    const wb = await open(file("ph-p.xlsx"));
    const ws = wb.getWorksheet("Remediation Plan") as ExcelJS.Worksheet;
    const cols = headers(ws, REMEDIATION_HEADER_ROW);
    const row = (id: string): number =>
      findRow(ws, REMEDIATION_HEADER_ROW + 1, (r) => ws.getCell(r, 1).value === id);
    expect(
      ["9.2.2", "8.8", "5.1", "7.4"].map(
        (id) => ws.getCell(row(id), cols.get("Phase") as number).value
      )
    ).toEqual(["Phase 3", "Phase 1", "Phase 2", "Phase 3"]);
    const effort: Record<string, [number, number]> = {
      "9.2.2": [5, 4000],
      "8.8": [10, 12000],
      "5.1": [2, 1500],
      "7.4": [1.5, 300],
    };
    for (const [id, [days, cost]] of Object.entries(effort)) {
      ws.getCell(row(id), cols.get("Effort (days)") as number).value = days;
      ws.getCell(row(id), cols.get("Cost") as number).value = cost;
    }
    ws.getCell(row("7.4"), cols.get("Progress") as number).value = "Done";
    await wb.xlsx.writeFile(file("ph-edited.xlsx"));
    const [out] = await recalculate([file("ph-edited.xlsx")]);
    const values = await readCachedValues(out);
    const line = (label: string, after: string): unknown[] => {
      let start = 0;
      for (let r = 1; r < 300; r++) {
        const a = String(values.cell("Summary", `A${r}`) ?? "");
        if (a === after) start = r;
        if (start && r > start && a === label)
          return ["B", "C", "D", "E"].map((c) => values.cell("Summary", `${c}${r}`));
      }
      throw new Error(`no Summary row ${label} after ${after}`);
    };
    const serial = (y: number, m: number, d: number): number =>
      (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
    // From Tue 2025-12-09, 8.8 takes its 10 working days (Phase 1 ends 2025-12-22); 5.1 and 9.2.2
    // would end sooner but phases finish in order, so each phase's last action is due that day.
    expect(line("Phase 1", "By phase")).toEqual([1, 10, 12000, serial(2025, 12, 22)]);
    expect(line("Phase 2", "By phase")).toEqual([1, 2, 1500, serial(2025, 12, 22)]);
    expect(line("Phase 3", "By phase")).toEqual([1, 5, 4000, serial(2025, 12, 22)]); // 7.4 is Done
    expect(line("Ops", "By owner").slice(0, 3)).toEqual([1, 10, 12000]);
    expect(line("Technical", "By finding type").slice(0, 3)).toEqual([1, 10, 12000]);
  });
});
