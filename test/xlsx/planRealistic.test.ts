// The Remediation Plan of a realistically filled workbook (30 clauses and 93 controls assessed by
// a team of seven), end to end through `gap-assessor plan`: every row has an action, a finding
// quoting its evidence, effort and cost; phases finish in order; starts are spread per owner
// within their capacity and the SLA; edits survive regeneration; Settings steer the plan; and in
// LibreOffice the Summary totals what the plan holds.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { findClause, findControl } from "../../src/catalog";
import { main } from "../../src/cli/main";
import { isoDate, parseIsoDate, serialFromFileDate } from "../../src/core/dates";
import { REMEDIATION_HEADER_ROW } from "../../src/core/layout/remediationSheet";
import { addWorkingDays, priorityBand } from "../../src/core/remediation";
import { DEFAULT_SCORING } from "../../src/core/scoring";
import { DEFAULT_SLA_DAYS } from "../../src/core/scale";
import { buildAssessmentFile } from "../../src/xlsx/build";
import { describeWithTool } from "../support/externalTools";
import { SOFFICE, recalculate } from "../support/libreoffice";
import {
  fillRealistically,
  realisticRows,
  setSetting,
  type AssessedRow,
} from "../support/realisticAssessment";
import { readCachedValues } from "../support/xlsxValues";
import { headerColumns, openWorkbook } from "../support/workbookFiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gap-plan-realistic-"));
const file = (n: string): string => path.join(dir, n);
const silent = { out: () => undefined, err: () => undefined };
const START = parseIsoDate("2026-03-02") as number; // a Monday
const PHASES = ["Phase 1", "Phase 2", "Phase 3"];

type PlanRow = Record<string, ExcelJS.CellValue>;
const serial = (v: ExcelJS.CellValue): number =>
  v instanceof Date ? Math.round(serialFromFileDate(v)) : (v as number);

async function planRows(p: string): Promise<PlanRow[]> {
  const ws = (await openWorkbook(p)).getWorksheet("Remediation Plan") as ExcelJS.Worksheet;
  const cols = headerColumns(ws, REMEDIATION_HEADER_ROW);
  const rows: PlanRow[] = [];
  for (let r = REMEDIATION_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = Object.fromEntries([...cols].map(([h, c]) => [h, ws.getCell(r, c).value]));
    if (Object.values(row).some((v) => v !== null && v !== "")) rows.push(row);
  }
  return rows;
}

async function plan(from: string, to: string): Promise<PlanRow[]> {
  expect(await main(["plan", file(from), "--out", file(to)], silent)).toBe(0);
  return planRows(file(to));
}

/** Most actions one owner has in progress (Start ≤ day ≤ Due) on any day. */
function peakLoad(rows: PlanRow[]): Map<string, number> {
  const peak = new Map<string, number>();
  const owners = new Set(rows.map((r) => String(r.Owner)));
  for (const owner of owners) {
    const mine = rows.filter((r) => String(r.Owner) === owner);
    for (const r of mine) {
      const d = serial(r.Start);
      const load = mine.filter((x) => serial(x.Start) <= d && d <= serial(x.Due)).length;
      peak.set(owner, Math.max(peak.get(owner) ?? 0, load));
    }
  }
  return peak;
}

const keyOf = (r: PlanRow): string => `${String(r.Source)}|${String(r.ID)}`;
const lastDue = (rows: PlanRow[], phase: string): number =>
  Math.max(...rows.filter((r) => r.Phase === phase).map((r) => serial(r.Due)));

const assessed = realisticRows();
const gaps = assessed.filter(
  (r) => r.status === "Partially Compliant" || r.status === "Non-Compliant"
);
const gapOf = (r: PlanRow): AssessedRow => {
  const found = gaps.find((g) => g.sheet === r.Source && g.id === r.ID);
  if (!found) throw new Error(`no gap ${String(r.Source)} ${String(r.ID)}`);
  return found;
};
const catalog = (g: AssessedRow) => (g.sheet === "Annex A" ? findControl(g.id) : findClause(g.id));

describe("the plan of a realistically filled workbook", () => {
  let rows: PlanRow[] = [];
  beforeAll(async () => {
    await buildAssessmentFile({ out: file("base.xlsx"), start: START, org: "Acme Ltd" });
    await fillRealistically(file("base.xlsx"), file("filled.xlsx"));
    rows = await plan("filled.xlsx", "planned.xlsx");
  });

  it("has one row per open gap, each with our action for its status, effort and cost", () => {
    expect(gaps.length).toBeGreaterThan(40);
    expect(rows).toHaveLength(gaps.length);
    for (const r of rows) {
      const g = gapOf(r);
      const advice = catalog(g)?.advice;
      expect(r.Action).toBe(g.status === "Non-Compliant" ? advice?.missing : advice?.partial);
      expect(r["Effort (days)"]).toBeGreaterThan(0);
      expect(r.Cost).toBe((r["Effort (days)"] as number) * 800); // default day rate
      expect(r.Owner).toBe(g.owner);
    }
  });

  it("writes each finding from the recorded evidence and notes", () => {
    for (const r of rows) {
      const g = gapOf(r);
      const finding = String(r.Finding);
      expect(finding).toMatch(/^Evidence: .+ — gap: .+\((Partially Compliant|Non-Compliant)\)\.$/);
      expect(finding).toContain(`Evidence: ${g.evidence ?? "none recorded"} — gap: `);
      if (g.notes) expect(finding).toContain(`gap: ${g.notes.replace(/\.$/, "")}`);
      expect(finding.length).toBeLessThanOrEqual(480);
    }
  });

  it("puts the foundations in Phase 1 and finishes the phases in order", () => {
    for (const r of rows.filter((x) => x.Source === "Clauses 4-10")) {
      if (findClause(r.ID)?.foundation) expect(r.Phase).toBe("Phase 1");
    }
    expect(rows.filter((r) => r.Phase === "Phase 1").length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.Phase === "Phase 2").length).toBeGreaterThan(0);
    expect(lastDue(rows, "Phase 1")).toBeLessThanOrEqual(lastDue(rows, "Phase 2"));
    expect(lastDue(rows, "Phase 2")).toBeLessThanOrEqual(lastDue(rows, "Phase 3"));
  });

  it("spreads starts per owner: never more than two actions in progress, never a weekend", () => {
    const peak = peakLoad(rows);
    expect(Math.max(...peak.values())).toBe(2);
    expect(new Set(rows.map((r) => serial(r.Start))).size).toBeGreaterThan(10);
    for (const r of rows) {
      const start = serial(r.Start);
      const due = serial(r.Due);
      expect(start).toBeGreaterThanOrEqual(START);
      expect([0, 6]).not.toContain(new Date(`${isoDate(start)}T00:00:00Z`).getUTCDay());
      expect(due).toBe(addWorkingDays(start, Math.ceil(r["Effort (days)"] as number) - 1));
    }
  });

  it("is due within the SLA of each gap's priority band", () => {
    for (const r of rows) {
      const g = gapOf(r);
      const priority = (g.status === "Non-Compliant" ? 1 : 0.5) * g.likelihood * g.impact;
      const band = priorityBand({ priority, level: null }, DEFAULT_SCORING);
      expect(serial(r.Due)).toBeLessThanOrEqual(START + DEFAULT_SLA_DAYS[band]);
    }
  });

  it("keeps every edit when regenerated, and plans a new gap around the kept dates", async () => {
    const wb = await openWorkbook(file("planned.xlsx"));
    const ws = wb.getWorksheet("Remediation Plan") as ExcelJS.Worksheet;
    const cols = headerColumns(ws, REMEDIATION_HEADER_ROW);
    const at = (i: number, c: string): ExcelJS.Cell =>
      ws.getCell(REMEDIATION_HEADER_ROW + 1 + i, cols.get(c) as number);
    const edits: Record<string, ExcelJS.CellValue> = {
      Action: "Board signs the revised policy at the April meeting",
      Finding: "Auditor: policy not communicated to contractors",
      "Effort (days)": 9,
      Cost: 12345,
      Start: new Date(Date.UTC(2026, 3, 6)),
      Due: new Date(Date.UTC(2026, 3, 30)),
      Phase: "Phase 2",
      Progress: "In progress",
    };
    for (const [c, v] of Object.entries(edits)) at(0, c).value = v;
    at(1, "Owner").value = "Interim CISO";
    const firstKey = keyOf(rows[0]);
    await wb.xlsx.writeFile(file("edited.xlsx"));
    // Re-assess: one gap closes, one control not assessed before becomes a gap.
    const closing = rows[2];
    const newGap = assessed.find((r) => r.sheet === "Annex A" && r.status === "Compliant");
    if (!newGap) throw new Error("no compliant control");
    const re = await openWorkbook(file("edited.xlsx"));
    for (const [sheet, id, status] of [
      [String(closing.Source), String(closing.ID), "Compliant"],
      ["Annex A", newGap.id, "Non-Compliant"],
    ]) {
      const sh = re.getWorksheet(sheet) as ExcelJS.Worksheet;
      const c = headerColumns(sh, 4);
      for (let r = 5; r <= sh.rowCount; r++)
        if (String(sh.getCell(r, 1).value) === id)
          sh.getCell(r, c.get("Status") as number).value = status;
    }
    await re.xlsx.writeFile(file("reassessed.xlsx"));

    const again = await plan("reassessed.xlsx", "replanned.xlsx");
    const first = again.find((r) => keyOf(r) === firstKey);
    expect(first).toMatchObject({ ...edits, Start: expect.any(Date), Due: expect.any(Date) });
    expect(isoDate(serial(first?.Start ?? null))).toBe("2026-04-06");
    expect(isoDate(serial(first?.Due ?? null))).toBe("2026-04-30");
    expect(again.find((r) => r.ID === rows[1].ID && r.Source === rows[1].Source)?.Owner).toBe(
      "Interim CISO"
    );
    expect(again.find((r) => r.ID === closing.ID && r.Source === closing.Source)?.Progress).toBe(
      "Resolved"
    );
    const added = again.filter((r) => r.ID === newGap.id && r.Source === "Annex A");
    expect(added).toHaveLength(1);
    expect(String(added[0].Finding)).toContain(`Evidence: ${newGap.evidence}`);
    const open = again.filter((r) => r.Progress !== "Resolved" && r.Progress !== "Done");
    expect(Math.max(...peakLoad(open).values())).toBeLessThanOrEqual(2);
    // Every other row is exactly as planned the first time.
    const changed = new Set([rows[0], rows[1], closing].map(keyOf).concat(`Annex A|${newGap.id}`));
    const untouched = again.filter((r) => !changed.has(keyOf(r)));
    expect(untouched).toHaveLength(rows.length - 3);
    for (const r of untouched) expect(r).toEqual(rows.find((x) => keyOf(x) === keyOf(r)));
    // And a second regeneration changes nothing.
    expect(await plan("replanned.xlsx", "replanned2.xlsx")).toEqual(again);
  });

  it("follows the Settings day rate, owner capacity and effort per finding type", async () => {
    const wb = await openWorkbook(file("filled.xlsx"));
    setSetting(wb, "Day rate", 1000);
    setSetting(wb, "Actions per owner at a time", 1);
    setSetting(wb, "Effort of a Technical action (days)", 6);
    await wb.xlsx.writeFile(file("settings.xlsx"));
    const planned = await plan("settings.xlsx", "settings-planned.xlsx");
    expect(Math.max(...peakLoad(planned).values())).toBe(1);
    for (const r of planned) {
      expect(r.Cost).toBe((r["Effort (days)"] as number) * 1000);
      if (r.Type === "Technical")
        expect(r["Effort (days)"]).toBe(gapOf(r).status === "Non-Compliant" ? 6 : 3);
    }
    expect(lastDue(planned, "Phase 1")).toBeLessThanOrEqual(lastDue(planned, "Phase 2"));
    expect(lastDue(planned, "Phase 2")).toBeLessThanOrEqual(lastDue(planned, "Phase 3"));
  });
});

describeWithTool("LibreOffice", SOFFICE, "the realistic plan's totals in LibreOffice", () => {
  it("Summary totals the plan's effort and cost, and each phase's latest due date", async () => {
    await buildAssessmentFile({ out: file("lo-base.xlsx"), start: START });
    await fillRealistically(file("lo-base.xlsx"), file("lo-filled.xlsx"));
    const rows = await plan("lo-filled.xlsx", "lo-planned.xlsx");
    const [out] = await recalculate([file("lo-planned.xlsx")]);
    const values = await readCachedValues(out);
    /** Columns B–E of the first Summary row starting with `label` (below the row `after`). */
    const find = (label: string, after?: string): unknown[] => {
      let armed = after === undefined;
      for (let r = 1; r < 400; r++) {
        const a = String(values.cell("Summary", `A${r}`) ?? "");
        if (!armed) armed = a === after;
        else if (a.startsWith(label))
          return ["B", "C", "D", "E"].map((c) => values.cell("Summary", `${c}${r}`));
      }
      throw new Error(`no Summary row ${label}`);
    };
    const sum = (list: PlanRow[], c: string): number =>
      list.reduce((n, r) => n + (r[c] as number), 0);
    expect(find("Estimated effort of open actions")[0]).toBeCloseTo(sum(rows, "Effort (days)"));
    expect(find("Estimated cost of open actions")[0]).toBeCloseTo(sum(rows, "Cost"));
    for (const phase of PHASES) {
      const mine = rows.filter((r) => r.Phase === phase);
      const [count, effort, cost, latest] = find(phase, "By phase");
      expect([count, effort, cost, latest]).toEqual([
        mine.length,
        sum(mine, "Effort (days)"),
        sum(mine, "Cost"),
        lastDue(rows, phase),
      ]);
    }
  });
});
