// One readiness model (core/readiness.ts) behind validate --readiness, the task pane overview and
// the report (issue 17): each contradiction an auditor found on a filled workbook gets a case, and
// every consumer must say the same thing about it. The Summary's live formulas are held to the same
// counts in LibreOffice by test/xlsx/readinessAgreement.libreoffice.test.ts.
import { CLAUSES, CONTROLS, DOCUMENTS } from "../../src/catalog";
import { SHEETS } from "../../src/core/contract";
import { emptyInputs } from "../../src/core/inputs";
import { documentClause } from "../../src/core/layout/documentsSheet";
import { layoutWorkbook } from "../../src/core/layout/workbook";
import { overviewOf, readinessOf } from "../../src/core/overview";
import { emptyAudit } from "../../src/core/read/audit";
import {
  assessReadiness,
  blockerCounts,
  countBlockers,
  nextReview,
  readinessBlockers,
  stageOfClause,
  type Blocker,
  type BlockerKind,
} from "../../src/core/readiness";
import { executiveReport, oneDecimal, pointsSince } from "../../src/core/report";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { validateWorkbook } from "../../src/core/validate/validate";
import { planToSnapshots, setTableCell } from "../support/planSnapshots";

const TODAY = 46100; // 2026-03-19
const TODAY_DATE = new Date(2026, 2, 19);
const REVIEWED = 45900; // 2025-08-31: next review 2026-08-31, not due on TODAY

/** A workbook an auditor would call ready: clauses met, controls decided, documents reviewed. */
function readyWorkbook(): SheetSnapshot[] {
  const inputs = emptyInputs();
  for (const c of CLAUSES) inputs.clauses.set(c.id, { Status: "Compliant", Evidence: "Minutes" });
  for (const c of CONTROLS)
    inputs.annexA.set(c.id, { Applicable: "Yes", Status: "Compliant", Evidence: "Procedure" });
  inputs.annexA.set("7.4", {
    Applicable: "No",
    Status: "Not Applicable",
    Justification: "No premises of our own",
  });
  const audit = emptyAudit();
  audit.documents.rows = DOCUMENTS.map((d) => ({
    ID: d.id,
    Exists: "Yes",
    "Last review": REVIEWED,
  }));
  // An approved SoA (issue 17: an unapproved one blocks Stage 1).
  audit.soa.approval = { Version: "1.0", "Approved by": "CISO", "Approval date": 46000 };
  return planToSnapshots(layoutWorkbook({ start: 46000, inputs, audit }));
}

type Edit = [sheet: string, id: string, column: string, value: CellValue];
function workbook(...edits: Edit[]): SheetSnapshot[] {
  const snapshots = readyWorkbook();
  for (const [sheet, id, column, value] of edits) setTableCell(snapshots, sheet, id, column, value);
  return snapshots;
}

const kinds = (blockers: Blocker[]): Partial<Record<BlockerKind, [number, number]>> => {
  const out: Partial<Record<BlockerKind, [number, number]>> = {};
  for (const b of blockers) {
    const [s1, s2] = out[b.kind] ?? [0, 0];
    out[b.kind] = [s1 + (b.stage === 1 ? 1 : 0), s2 + 1];
  }
  return out;
};

const report = (snapshots: SheetSnapshot[]): string => executiveReport(snapshots, { today: TODAY });
const readinessInfos = (snapshots: SheetSnapshot[]) =>
  validateWorkbook(snapshots, { readiness: true, today: TODAY_DATE }).problems.filter(
    (p) => p.rule === "readiness-blocker"
  );

/** Every consumer counts as the model does: overview, report verdicts, validate's infos. */
function expectAgreement(snapshots: SheetSnapshot[]): void {
  const blockers = readinessBlockers(snapshots, { today: TODAY });
  const counts = blockerCounts(blockers);
  expect(readinessOf(snapshots, TODAY_DATE)).toEqual(counts);
  expect(overviewOf(snapshots, TODAY_DATE).readiness).toEqual(counts);
  const md = report(snapshots);
  const verdict = (n: number): string =>
    n === 0 ? "**ready**" : `**not ready** (${n} blocker${n === 1 ? "" : "s"})`;
  expect(md).toContain(`- Stage 1 (documentation review): ${verdict(counts.stage1)}`);
  expect(md).toContain(`- Stage 2 (certification audit): ${verdict(counts.stage2)}`);
  // validate names each blocker (not-assessed rows summarised with their count).
  const named = readinessInfos(snapshots).reduce((n, p) => {
    const summary = / (\d+) (clauses?|applicable controls?) not assessed yet/.exec(p.message);
    return n + (summary ? Number(summary[1]) : 1);
  }, 0);
  expect(named).toBe(blockers.length);
}

describe("readiness: one model, every consumer agrees", () => {
  it("a ready workbook is ready everywhere", () => {
    const snapshots = readyWorkbook();
    expect(readinessBlockers(snapshots, { today: TODAY })).toEqual([]);
    expectAgreement(snapshots);
  });

  it("documents: missing and partly existing are counted and worded apart", () => {
    const snapshots = workbook(
      [SHEETS.documents, "isms-scope", "Exists", "No"],
      [SHEETS.documents, "security-policy", "Exists", null],
      [SHEETS.documents, "risk-treatment-plan", "Exists", "Partly"],
      [SHEETS.documents, "security-objectives", "Exists", "Partly"],
      [SHEETS.documents, "asset-inventory", "Exists", "Partly"]
    );
    const blockers = readinessBlockers(snapshots, { today: TODAY });
    expect(kinds(blockers)).toEqual({ "document-missing": [2, 2], "document-partial": [3, 3] });
    const md = report(snapshots);
    expect(md).toContain(
      "- Stage 1: 2 required documents or records are missing (ISMS scope statement, Information security policy)"
    );
    expect(md).toContain("- Stage 1: 3 required documents or records exist only in part (");
    expect(md).not.toMatch(/do not exist/);
    // The Missing documents section counts the same two groups.
    expect(md).toContain(
      `Of ${DOCUMENTS.length} required documents and records, 2 are missing (No or not answered) and 3 exist only in part:`
    );
    const infos = readinessInfos(snapshots).map((p) => p.message);
    expect(infos).toContain(
      'Stage 1 and 2 blocker: "ISMS scope statement" is missing (Exists is No or not answered).'
    );
    expect(infos).toContain(
      'Stage 1 and 2 blocker: "Risk treatment plan (6.1.3 e)" exists only in part.'
    );
    expectAgreement(snapshots);
  });

  it("a clause marked Not Applicable is one blocker of its own, neither assessed nor 'not assessed'", () => {
    const snapshots = workbook([SHEETS.clauses, "6.3", "Status", "Not Applicable"]);
    const blockers = readinessBlockers(snapshots, { today: TODAY });
    expect(blockers.map((b) => [b.kind, b.stage, b.id])).toEqual([
      ["clause-not-applicable", 1, "6.3"],
    ]);
    const md = report(snapshots);
    expect(md).toContain(
      "- Stage 1: 1 clause is marked Not Applicable, which clauses 4-10 cannot be (6.3)"
    );
    expect(md).not.toMatch(/clauses? (is|are) not assessed/);
    expect(md).toContain("| Clauses 4-10 (mandatory) | 100.0% | 29 of 30 |");
    expect(md).toContain("1 clause marked Not Applicable (not allowed: clauses are mandatory)");
    const overview = overviewOf(snapshots, TODAY_DATE);
    expect([overview.assessed, overview.total]).toEqual([
      29 + CONTROLS.length,
      30 + CONTROLS.length,
    ]);
    expect(readinessInfos(snapshots).map((p) => p.message)).toEqual([
      "Stage 1 and 2 blocker: Clause 6.3 is marked Not Applicable; clauses 4-10 are mandatory, so it needs a real status.",
    ]);
    expectAgreement(snapshots);
  });

  it("internal audit and management review (9.2, 9.3) block Stage 2 only, clause rows and records alike", () => {
    expect(["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"].map(stageOfClause)).toEqual([
      2, 2, 2, 2, 2,
    ]);
    expect(["9.1", "10.2", "6.1.2", "A.5.9", null].map(stageOfClause)).toEqual([1, 1, 1, 1, 1]);
    // Every Documents row listed under 9.2 or 9.3 is Stage 2, and only those.
    for (const d of DOCUMENTS)
      expect([d.id, stageOfClause(documentClause(d))]).toEqual([
        d.id,
        /^9\.[23]/.test(documentClause(d)) ? 2 : 1,
      ]);
    const snapshots = workbook(
      [SHEETS.clauses, "9.2.1", "Status", "Non-Compliant"],
      [SHEETS.clauses, "9.3.2", "Status", "Not Assessed"],
      [SHEETS.documents, "audit-programme", "Exists", "No"],
      [SHEETS.documents, "management-review-results", "Exists", "Partly"]
    );
    const blockers = readinessBlockers(snapshots, { today: TODAY });
    expect(blockerCounts(blockers)).toEqual({ stage1: 0, stage2: 4 });
    const md = report(snapshots);
    expect(md).toContain("- Stage 1 (documentation review): **ready**");
    expect(md).toContain("- Stage 2 only: 1 clause is Non-Compliant (9.2.1)");
    expect(md).toContain("- Stage 2 only: 1 clause is not assessed (9.3.2)");
    expect(md).toContain(
      "- Stage 2 only: 1 required document or record is missing (Internal audit programme and its execution)"
    );
    expect(md).not.toMatch(/^- Stage 1:/m);
    expectAgreement(snapshots);
  });

  it("a review past its Next review blocks the stage of its document, from the day after", () => {
    const last = 45700; // 2025-02-12: next review 2026-02-12 (12 months)
    const snapshots = workbook(
      [SHEETS.documents, "isms-scope", "Last review", last],
      [SHEETS.documents, "audit-results", "Last review", last],
      [SHEETS.documents, "security-policy", "Last review", last],
      [SHEETS.documents, "security-policy", "Months between reviews", 24],
      [SHEETS.documents, "risk-treatment-plan", "Last review", null]
    );
    expect(nextReview(last, 12)).toBe(46065);
    expect(nextReview(last, 24)).toBe(46430);
    expect(nextReview(45322, 1)).toBe(45351); // 2024-01-31 + 1 month = 2024-02-29, as EDATE
    expect(nextReview("2025-02-12", 12)).toBeNull(); // text: the sheet's formula shows nothing
    const on = (today: number) => kinds(readinessBlockers(snapshots, { today }));
    expect(on(46065)).toEqual({ "document-unreviewed": [1, 1] }); // due today: not overdue yet
    expect(on(46066)).toEqual({
      "document-unreviewed": [1, 1],
      "document-review-overdue": [1, 2], // isms-scope (Stage 1), audit-results (Stage 2)
    });
    expect(report(snapshots)).toContain(
      "- Stage 1: 1 existing document or record is past its next review (ISMS scope statement)"
    );
    expectAgreement(snapshots);
  });

  it("Stage 2 blocks on Non-Compliant applicable controls rated Critical or High; partial ones are findings", () => {
    const partial = CONTROLS.slice(0, 30).map((c): Edit[] => [
      [SHEETS.annexA, c.id, "Status", "Partially Compliant"],
      [SHEETS.annexA, c.id, "Likelihood", 4],
      [SHEETS.annexA, c.id, "Impact", 4],
    ]);
    const snapshots = workbook(
      ...partial.flat(),
      [SHEETS.annexA, "8.8", "Status", "Non-Compliant"],
      [SHEETS.annexA, "8.8", "Likelihood", 5],
      [SHEETS.annexA, "8.8", "Impact", 4], // 20: Critical
      [SHEETS.annexA, "8.9", "Status", "Non-Compliant"],
      [SHEETS.annexA, "8.9", "Likelihood", 2],
      [SHEETS.annexA, "8.9", "Impact", 2], // 4: Low, a gap to plan, not a blocker
      [SHEETS.clauses, "6.1.2", "Status", "Non-Compliant"],
      [SHEETS.clauses, "6.1.2", "Likelihood", 4],
      [SHEETS.clauses, "6.1.2", "Impact", 4] // a clause blocker already: counted once
    );
    const model = assessReadiness(snapshots, { today: TODAY });
    expect(kinds(model.blockers)).toEqual({
      "clause-non-compliant": [1, 1],
      "open-high-gap": [0, 1],
    });
    expect(model.findings.map((f) => f.id)).toEqual(CONTROLS.slice(0, 30).map((c) => c.id));
    const md = report(snapshots);
    expect(md).toContain(
      "- Stage 2 only: 1 applicable control is Non-Compliant with a Critical or High risk (A.8.8)"
    );
    expect(md).toContain(
      "Findings to expect, not blockers: 30 partially compliant gaps rated Critical or High (A.5.1, A.5.2, A.5.3, A.5.4, A.5.5, and 25 more)."
    );
    expectAgreement(snapshots);
  });

  it("Stage 2 reads the risk bands set on Settings, as the sheet's Risk level does", () => {
    const snapshots = workbook(
      [SHEETS.annexA, "8.8", "Status", "Non-Compliant"],
      [SHEETS.annexA, "8.8", "Likelihood", 3],
      [SHEETS.annexA, "8.8", "Impact", 3] // 9: Medium with the default bands
    );
    expect(readinessBlockers(snapshots, { today: TODAY })).toEqual([]);
    const settings = snapshots.find((s) => s.name === SHEETS.settings)!;
    const r = settings.values.findIndex((row) => row.includes("High") && row.includes(10));
    expect(r).toBeGreaterThan(0);
    settings.values[r][settings.values[r].indexOf(10)] = 9; // High from 9
    expect(kinds(readinessBlockers(snapshots, { today: TODAY }))).toEqual({
      "open-high-gap": [0, 1],
    });
  });

  it("says 1 clause, 1 document, 1 blocker: singular where the count is one", () => {
    expect(countBlockers("clause-not-assessed", 1)).toBe("1 clause is not assessed");
    expect(countBlockers("clause-not-assessed", 2)).toBe("2 clauses are not assessed");
    const snapshots = workbook(
      [SHEETS.clauses, "4.2", "Status", "Not Assessed"],
      [SHEETS.annexA, "5.1", "Status", null]
    );
    const md = report(snapshots);
    expect(md).toContain("**not ready** (2 blockers)");
    expect(md).toContain("- Stage 1: 1 clause is not assessed (4.2)");
    expect(md).toContain("- Stage 1: 1 applicable control is not assessed (A.5.1)");
    expect(md).not.toMatch(/(?<!Stage )\b1 (clauses|controls|blockers|documents)\b/);
    expect(readinessInfos(snapshots).map((p) => p.message)).toEqual([
      "Stage 1 and 2 blocker: 1 clause not assessed yet, from 4.2.",
      "Stage 1 and 2 blocker: 1 applicable control not assessed yet, from 5.1.",
    ]);
    expectAgreement(snapshots);
  });
});

describe("report numbers after a LibreOffice save", () => {
  it("rounds before it formats: never -0.0", () => {
    expect(oneDecimal(-0.04)).toBe("0.0");
    expect(oneDecimal(-1e-15)).toBe("0.0");
    expect(oneDecimal(-0.06)).toBe("-0.1");
    expect(oneDecimal(12.345)).toBe("12.3");
    expect(pointsSince(0.3, 0.30000000000000004)).toBe(" (unchanged since then)");
    expect(pointsSince(0.35, 0.3)).toBe(" (+5.0 points since then)");
    expect(pointsSince(0.25, 0.3)).toBe(" (-5.0 points since then)");
  });

  it("says unchanged when the last snapshot holds the same overall as a float a save rewrote", () => {
    const inputs = emptyInputs();
    for (const [i, c] of CLAUSES.slice(0, 10).entries())
      inputs.clauses.set(c.id, { Status: i < 3 ? "Compliant" : "Non-Compliant" }); // 30%
    const audit = emptyAudit();
    audit.history.rows = [{ Date: 46000, Overall: 0.30000000000000004 }];
    const md = executiveReport(planToSnapshots(layoutWorkbook({ start: 46000, inputs, audit })), {
      today: TODAY,
    });
    expect(md).toContain("overall 30.0% (unchanged since then)");
    expect(md).not.toContain("-0.0");
  });
});
