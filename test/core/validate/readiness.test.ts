// Readiness blockers in validate (src/core/validate/readiness.ts): infos, only when asked, each
// blocker of the readiness model (core/readiness.ts) at the cell to fix with its stage, and
// not-assessed rows summarised once per kind and stage.
import { CONTROLS } from "../../../src/catalog";
import { todaySerial } from "../../../src/core/dates";
import { readinessBlockers } from "../../../src/core/readiness";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { validateWorkbook, type Problem } from "../../../src/core/validate/validate";
import { WorkbookBuilder } from "../snapshotBuilder";
import { ANNEX, CLAUSES_SHEET, EXCLUDED, NC_CLAUSE } from "./support";

const TODAY = new Date(2025, 11, 9);
const blockers = (snapshots: SheetSnapshot[]): Problem[] =>
  validateWorkbook(snapshots, { readiness: true, today: TODAY }).problems.filter(
    (p) => p.rule === "readiness-blocker"
  );
const brief = (p: Problem) => `${p.sheet}!${p.cell} ${p.message}`;
const NOT_ASSESSED = new Set(["clause-not-assessed", "control-not-assessed"]);

function documents(): SheetSnapshot {
  const values: CellValue[][] = [
    ["ID", "Document", "Clause", "Exists", "Last review"],
    ["isms-scope", "ISMS scope statement", "4.3", "No", null],
    ["audit-results", "Internal audit results", "9.2.2", null, null],
    ["risk-method", "Risk assessment process", "6.1.2", "Yes", 45900],
  ];
  return {
    name: "Documents",
    origin: { row: 3, col: 0 },
    values,
    text: values.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: [],
  };
}

describe("readiness-blocker", () => {
  it("is listed only when asked for, and only as information", () => {
    const wb = new WorkbookBuilder();
    const plain = validateWorkbook(wb.snapshots(), { today: TODAY });
    expect(plain.problems.filter((p) => p.rule === "readiness-blocker")).toEqual([]);
    const found = blockers(wb.snapshots());
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((p) => p.severity))).toEqual(new Set(["info"]));
    const asked = validateWorkbook(wb.snapshots(), { readiness: true, today: TODAY }).summary;
    expect(asked.infos - plain.summary.infos).toBe(found.length);
    expect([asked.errors, asked.warnings]).toEqual([plain.summary.errors, plain.summary.warnings]);
  });

  it("reports every blocker of the readiness model at its cell, with the stages it blocks", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Justification", null);
    const snapshots = [...wb.snapshots(), documents()];
    const model = readinessBlockers(snapshots, { today: todaySerial(TODAY) }).filter(
      (b) => !NOT_ASSESSED.has(b.kind)
    );
    expect(model.length).toBeGreaterThan(3);
    const expected = model.map(
      (b) =>
        `${b.sheet}!${b.cell} ${b.stage === 1 ? "Stage 1 and 2" : "Stage 2"} blocker: ${b.message}`
    );
    expect(blockers(snapshots).map(brief).sort()).toEqual(expected.sort());
  });

  it("names a Non-Compliant clause, an unjustified exclusion and missing documents where to fix them", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set(EXCLUDED, "Justification", null);
    const found = blockers([...wb.snapshots(), documents()]);
    const at = (sheet: string, cell: string) =>
      found.filter((p) => p.sheet === sheet && p.cell === cell).map((p) => p.message);
    expect(at(CLAUSES_SHEET, wb.clauses.address(NC_CLAUSE, "Status"))).toContainEqual(
      expect.stringMatching(new RegExp(`^Stage 1 and 2 blocker: .*${NC_CLAUSE}.*Non-Compliant`))
    );
    expect(at(ANNEX, wb.annexA.address(EXCLUDED, "Justification"))).toEqual([
      expect.stringMatching(new RegExp(`^Stage 1 and 2 blocker: .*${EXCLUDED}.*justification`)),
    ]);
    expect(at("Documents", "D5")).toEqual([
      expect.stringMatching(/^Stage 1 and 2 blocker: .*ISMS scope statement/),
    ]);
    expect(at("Documents", "D6")).toEqual([
      expect.stringMatching(/^Stage 2 blocker: .*Internal audit results/),
    ]);
  });

  it("summarises not-assessed rows once per kind and stage, at the first, with their count", () => {
    const wb = new WorkbookBuilder({ fill: "blank" });
    wb.annexA.setRow("5.1", { Applicable: "No", Justification: "Out of scope" });
    const snapshots = wb.snapshots();
    const groups = new Map<string, { first: string; count: number; stage: number }>();
    for (const b of readinessBlockers(snapshots, { today: todaySerial(TODAY) })) {
      if (!NOT_ASSESSED.has(b.kind)) continue;
      const key = `${b.kind}|${b.stage}`;
      const group = groups.get(key) ?? { first: `${b.sheet}!${b.cell}`, count: 0, stage: b.stage };
      groups.set(key, { ...group, count: group.count + 1 });
    }
    const found = blockers(snapshots).filter((p) => / not assessed yet, from /.test(p.message));
    expect(found.map((p) => `${p.sheet}!${p.cell}`).sort()).toEqual(
      [...groups.values()].map((g) => g.first).sort()
    );
    for (const g of groups.values()) {
      const [p] = found.filter((x) => `${x.sheet}!${x.cell}` === g.first);
      expect(p.message).toMatch(
        new RegExp(`^${g.stage === 1 ? "Stage 1 and 2" : "Stage 2"} blocker: ${g.count} `)
      );
    }
    // Excluded controls are not waiting for an assessment.
    expect(found.map(brief)).toContain(
      `${ANNEX}!${wb.annexA.address("5.2", "Status")} Stage 1 and 2 blocker: ${CONTROLS.length - 1} applicable controls not assessed yet, from 5.2.`
    );
  });

  it("says one row in the singular", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set("4.1", "Status", null);
    expect(blockers(wb.snapshots()).map(brief)).toContain(
      `${CLAUSES_SHEET}!${wb.clauses.address("4.1", "Status")} Stage 1 and 2 blocker: 1 clause not assessed yet, from 4.1.`
    );
  });
});
