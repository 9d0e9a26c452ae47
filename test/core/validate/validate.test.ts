// validateWorkbook (src/core/validate/validate.ts): whole workbooks, report order and shape,
// robustness on any input, and the Remediation Plan extension point. Each rule has its own suite.
import fc from "fast-check";
import { CLAUSES, CONTROLS } from "../../../src/catalog";
import { ruleInfo, validateWorkbook } from "../../../src/core/validate/validate";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { SheetBuilder, WorkbookBuilder } from "../snapshotBuilder";
import {
  ANNEX,
  CLAUSE,
  CLAUSES_SHEET,
  CONTROL,
  EXCLUDED,
  NC_CLAUSE,
  NC_CONTROL,
  PARTIAL_CLAUSE,
  PARTIAL_CONTROL,
  brief,
  run,
} from "./support";

describe("validateWorkbook: whole workbooks", () => {
  it("reports nothing on a correctly completed workbook", () => {
    const report = run(new WorkbookBuilder());
    expect(report.problems).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it("reports only one not-assessed info per row on a freshly built workbook", () => {
    const report = run(new WorkbookBuilder({ fill: "blank" }));
    expect(report.summary).toEqual({
      errors: 0,
      warnings: 0,
      infos: CLAUSES.length + CONTROLS.length,
    });
    expect(new Set(report.problems.map((p) => p.rule))).toEqual(new Set(["not-assessed"]));
    expect(report.problems[0]).toMatchObject({ sheet: CLAUSES_SHEET, cell: "D2", id: "4.1" });
  });

  it("reports each planted defect at its cell, and nothing else", () => {
    const wb = new WorkbookBuilder({
      origin: { row: 2, col: 1 },
      titleRows: 1,
      extraColumns: [{ header: "Auditor comment", after: "Evidence" }],
    });
    const c = wb.clauses;
    const a = wb.annexA;
    c.set(CLAUSE, "Status", "Compliant ");
    c.set(PARTIAL_CLAUSE, "Evidence", null);
    c.set(NC_CLAUSE, "Status", "Not Applicable");
    c.set("4.4", "Likelihood", "3");
    c.set("5.1", "Risk score", 12);
    c.remove("10.2");
    a.set(CONTROL, "Status", "compliant");
    a.set(PARTIAL_CONTROL, "Owner", null);
    a.set(NC_CONTROL, "Impact", null);
    a.set(EXCLUDED, "Justification", "  ");
    a.set("5.6", "Evidence", "TBD");
    a.set("5.7", "Applicable", "No");
    a.set("5.8", "Status", "Not Assessed");
    a.addRow("dup", {
      ID: "5.9",
      Status: "Compliant",
      Evidence: "Asset inventory export",
      Owner: "IT",
      Applicable: "Yes",
      Justification: "Risk R-3",
    });
    a.addRow("unknown", {
      ID: "9.9",
      Status: "Compliant",
      Evidence: "Doc",
      Owner: "IT",
      Applicable: "Yes",
      Justification: "Risk R-3",
    });
    const got = run(wb).problems.map(brief);
    const expected = [
      `status-invalid ${CLAUSES_SHEET}!${c.address(CLAUSE, "Status")}`,
      `evidence-missing ${CLAUSES_SHEET}!${c.address(PARTIAL_CLAUSE, "Evidence")}`,
      `clause-not-applicable ${CLAUSES_SHEET}!${c.address(NC_CLAUSE, "Status")}`,
      `risk-out-of-range ${CLAUSES_SHEET}!${c.address("4.4", "Likelihood")}`,
      `formula-overwritten ${CLAUSES_SHEET}!${c.address("5.1", "Risk score")}`,
      `row-missing ${CLAUSES_SHEET}!${c.endAddress()}`,
      `status-case ${ANNEX}!${a.address(CONTROL, "Status")}`,
      `owner-missing ${ANNEX}!${a.address(PARTIAL_CONTROL, "Owner")}`,
      `risk-missing ${ANNEX}!${a.address(NC_CONTROL, "Impact")}`,
      `justification-missing ${ANNEX}!${a.address(EXCLUDED, "Justification")}`,
      `evidence-placeholder ${ANNEX}!${a.address("5.6", "Evidence")}`,
      `applicable-conflict ${ANNEX}!${a.address("5.7", "Status")}`,
      `not-assessed ${ANNEX}!${a.address("5.8", "Status")}`,
      `id-duplicate ${ANNEX}!${a.address("dup", "ID")}`,
      `id-unknown ${ANNEX}!${a.address("unknown", "ID")}`,
    ];
    expect(got).toEqual(expected);
    expect(run(wb).summary).toEqual({ errors: 9, warnings: 5, infos: 1 });
  });

  it("sorts by sheet order, then row, then column", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.2", "Owner", null).set("5.2", "Evidence", null).set("5.1", "Priority", 3);
    wb.clauses.set("4.3", "Owner", "").set("4.1", "Evidence", "");
    const cells = run(wb).problems.map((p) => `${p.sheet}!${p.cell}`);
    expect(cells).toEqual([
      `${CLAUSES_SHEET}!${wb.clauses.address("4.1", "Evidence")}`,
      `${CLAUSES_SHEET}!${wb.clauses.address("4.3", "Owner")}`,
      `${ANNEX}!${wb.annexA.address("5.1", "Priority")}`,
      `${ANNEX}!${wb.annexA.address("5.2", "Evidence")}`,
      `${ANNEX}!${wb.annexA.address("5.2", "Owner")}`,
    ]);
  });

  it("follows the workbook order of sheets", () => {
    const wb = new WorkbookBuilder();
    wb.clauses.set("4.1", "Evidence", null);
    wb.annexA.set("5.1", "Evidence", null);
    const [clauses, annex, ...rest] = wb.snapshots();
    const report = validateWorkbook([annex, ...rest, clauses]);
    expect(report.problems.map((p) => p.sheet)).toEqual([ANNEX, CLAUSES_SHEET]);
  });

  it("returns problems with exactly the contract keys", () => {
    const wb = new WorkbookBuilder();
    wb.annexA.set("5.1", "Status", "Yes");
    const [p] = run(wb).problems;
    expect(Object.keys(p)).toEqual(["sheet", "cell", "id", "rule", "severity", "message"]);
  });
});

describe("robustness", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -10, max: 10 }),
    fc.string(),
    fc.constantFrom(
      "Compliant",
      "Compliant ",
      "yes",
      "No",
      "Not Applicable",
      "5.1",
      "A.5.1",
      "6.1.2",
      "3",
      "TBD",
      ""
    )
  );
  const header = fc.shuffledSubarray(
    [
      "ID",
      "Theme",
      "Title",
      "Question",
      "Applicable",
      "Justification",
      "Status",
      "Evidence",
      "Owner",
      "Likelihood",
      "Impact",
      "Gap score",
      "Risk score",
      "Risk level",
      "Priority",
      "Notes",
      "Extra",
    ],
    { minLength: 0 }
  ) as fc.Arbitrary<CellValue[]>;
  const grid = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 18 }), { maxLength: 30 }))
    .map(([h, rows]) => [h, ...rows]);
  const snapshot: fc.Arbitrary<SheetSnapshot> = fc.record({
    name: fc.constantFrom("Clauses 4-10", "Annex A", "Remediation Plan", "Other", ""),
    origin: fc.record({
      row: fc.integer({ min: -3, max: 1_048_576 }),
      col: fc.integer({ min: -3, max: 16_384 }),
    }),
    values: grid,
    text: fc.array(fc.array(fc.string(), { maxLength: 18 }), { maxLength: 30 }),
    formulas: fc.array(fc.array(fc.option(fc.string()), { maxLength: 18 }), { maxLength: 30 }),
    merges: fc.array(
      fc.record({
        top: fc.integer({ min: -2, max: 40 }),
        left: fc.integer({ min: -2, max: 20 }),
        bottom: fc.integer({ min: -2, max: 1_048_576 }),
        right: fc.integer({ min: -2, max: 20 }),
      }),
      { maxLength: 3 }
    ),
  });

  it("never throws and always returns a consistent report (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 4 }), (snaps) => {
        const report = validateWorkbook(snaps);
        const counted = report.summary.errors + report.summary.warnings + report.summary.infos;
        expect(counted).toBe(report.problems.length);
        for (const p of report.problems) expect(p.cell).toMatch(/^[A-Z]+[0-9]+$/);
      }),
      { numRuns: 300 }
    );
  });

  it("never throws on malformed snapshots", () => {
    const bad = [
      null,
      undefined,
      42,
      "sheet",
      {},
      { name: "Annex A" },
      { name: "Annex A", values: "x" },
      {
        name: "Annex A",
        origin: { row: NaN, col: -1 },
        values: [null, "row", [{}], [["ID", "Status"]]],
        text: null,
        formulas: [1],
      },
      {
        name: "Clauses 4-10",
        origin: { row: 0, col: 0 },
        values: [
          ["ID", "Status"],
          [Symbol.iterator.toString(), {}],
        ],
        text: [],
        formulas: [],
        merges: "all",
      },
    ];
    expect(() => validateWorkbook(bad as unknown as SheetSnapshot[])).not.toThrow();
    expect(() => validateWorkbook(null as unknown as SheetSnapshot[])).not.toThrow();
    expect(
      validateWorkbook(null as unknown as SheetSnapshot[]).problems.map((p) => p.rule)
    ).toEqual(["sheet-missing", "sheet-missing"]);
  });

  // Speed is measured by `npm run bench` ("validate (core)"); here only the result, with a hang guard.
  it("checks 10,000 rows with mixed content and finds their problems", () => {
    const sheet = new SheetBuilder("annexA");
    const template = sheet.snapshot();
    const rows = template.values.length - 1;
    const big: SheetSnapshot = {
      ...template,
      values: [template.values[0]],
      text: [template.text[0]],
      formulas: [template.formulas[0]],
    };
    const statusCol = template.values[0].indexOf("Status");
    const ownerCol = template.values[0].indexOf("Owner");
    for (let i = 0; i < 10_000; i++) {
      const src = 1 + (i % rows);
      const values = [...template.values[src]];
      // Mixed content, so the slow paths (typos, suggestions, placeholders) run too.
      if (i % 7 === 0)
        values[statusCol] = ["Complaint", "yes", "Partially  Compliant", "compliant"][i % 4];
      if (i % 11 === 0) values[ownerCol] = null;
      big.values.push(values);
      big.text.push(values.map((v) => (v === null ? "" : String(v))));
      big.formulas.push(template.formulas[src]);
    }
    const clauses = new SheetBuilder("clauses").snapshot();
    const problems = validateWorkbook([clauses, big]).problems.length;
    expect(problems).toBeGreaterThan(9_000);
  }, 30_000);
});

describe("Remediation Plan extension point", () => {
  it("runs REMEDIATION_RULES over the plan sheet with today, and sorts their problems with the rest", () => {
    const calls: { sheet: string; today: Date }[] = [];
    jest.isolateModules(() => {
      jest.doMock("../../../src/core/validate/remediationPlan", () => ({
        REMEDIATION_RULES: [
          {
            id: "plan-test",
            severity: "warning",
            scope: "plan",
            description: "test rule for the extension point",
            check(
              plan: { snapshot: SheetSnapshot; today: Date },
              report: (at: object, message: string) => void
            ) {
              calls.push({ sheet: plan.snapshot.name, today: plan.today });
              report(
                { sheet: plan.snapshot.name, row: 1, col: 2, id: "R-1" },
                "Action R-1 has no owner."
              );
            },
          },
        ],
      }));
      const isolated =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../../src/core/validate/validate") as typeof import("../../../src/core/validate/validate");
      const wb = new WorkbookBuilder();
      wb.annexA.set("5.1", "Evidence", null);
      const plan: SheetSnapshot = {
        name: "Remediation Plan",
        origin: { row: 0, col: 0 },
        values: [["ID"]],
        text: [["ID"]],
        formulas: [[null]],
      };
      const [clauses, annex, ...rest] = wb.snapshots();
      const today = new Date("2025-01-31T00:00:00Z");
      const report = isolated.validateWorkbook([clauses, annex, plan, ...rest], { today });
      expect(report.problems.map(brief)).toEqual([
        `evidence-missing ${ANNEX}!H2`,
        "plan-test Remediation Plan!C2",
      ]);
      expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
      expect(isolated.validateWorkbook(wb.snapshots()).problems).toHaveLength(1); // no plan sheet: not called
    });
    expect(calls).toEqual([{ sheet: "Remediation Plan", today: new Date("2025-01-31T00:00:00Z") }]);
  });
});

describe("ruleInfo", () => {
  it("describes a rule from the table, and a check that could not run", () => {
    expect(ruleInfo("evidence-missing")).toEqual({
      id: "evidence-missing",
      severity: "error",
      description: "Compliant or Partially Compliant with empty Evidence",
    });
    expect(ruleInfo("plan-overdue").severity).toBe("warning");
    expect(ruleInfo("check-failed")).toMatchObject({ id: "check-failed", severity: "error" });
  });
});
