import { readFileSync } from "fs";
import * as path from "path";
import fc from "fast-check";
import { adopt, mergeStatuses, type AdoptResult } from "../../../src/core/adopt/adopt";
import { roleOfHeader } from "../../../src/core/adopt/headers";
import { csvToSnapshot } from "../../../src/core/adopt/csv";
import type { Status } from "../../../src/core/scale";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";
import {
  auditorQuestions,
  checklist2013,
  GRC_EXPORT_EXPECTED,
  type FixtureExpectations,
} from "./fixtures/buildFixtures";

/** A snapshot from rows; `text` overrides what a cell displays (Excel's number formats). */
function sheet(
  name: string,
  rows: CellValue[][],
  extra: Partial<SheetSnapshot> & { shown?: Record<string, string> } = {}
): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const text = values.map((r, ri) =>
    r.map((v, c) => extra.shown?.[`${ri},${c}`] ?? (v === null ? "" : String(v)))
  );
  return {
    name,
    origin: { row: 0, col: 0 },
    values,
    text,
    formulas: values.map((r) => r.map(() => null)),
    ...extra,
  };
}

const statusOf = (result: AdoptResult, id: string): Status =>
  (result.inputs.annexA.get(id)?.Status as Status | undefined) ?? "Not Assessed";
const clauseStatusOf = (result: AdoptResult, id: string): Status =>
  (result.inputs.clauses.get(id)?.Status as Status | undefined) ?? "Not Assessed";

function expectFixture(result: AdoptResult, expected: FixtureExpectations): void {
  for (const [id, s] of Object.entries(expected.annexA))
    expect([id, statusOf(result, id)]).toEqual([id, s]);
  for (const [id, s] of Object.entries(expected.clauses))
    expect([id, clauseStatusOf(result, id)]).toEqual([id, s]);
  const { report } = result;
  const matched = [
    ...new Set(report.rows.filter((r) => r.action !== "skipped").map((r) => r.sourceRow)),
  ];
  expect(matched).toEqual(expected.matchedRows);
  expect(report.unmatched.map((u) => u.row)).toEqual(expected.unmatchedRows);
  expect(report.rows.filter((r) => r.action === "skipped").map((r) => r.sourceRow)).toEqual(
    expected.skippedRows
  );
  // Every non-empty row below the header is accounted for: matched, skipped or unmatched.
  expect(report.counts.rows).toBe(
    expected.matchedRows.length + expected.unmatchedRows.length + expected.skippedRows.length
  );
  expect(report.counts.matched).toBe(expected.matchedRows.length);
}

describe("adopt: fixtures in common layouts", () => {
  it("a 2013 Yes/No checklist: title block, sections, objectives, bare ids, merges, unknown ids", async () => {
    const { buffer, expected } = await checklist2013();
    const result = adopt(await readSnapshots(buffer));
    expectFixture(result, expected);
    const { report, inputs } = result;
    expect(report.idKind).toBe("control2013");
    expect(report.decisions.join("\n")).toMatch(/2013 Annex A controls.*mapped to 2022/);
    expect(report.decisions.join("\n")).toMatch(
      /Bare ids such as 6\.1\.2 are Annex A controls here/
    );
    // Bare 6.1.x are Annex A here: the clauses stay untouched.
    expect(inputs.clauses.size).toBe(0);
    expect(report.rows.find((r) => r.sourceRow === 11)).toMatchObject({
      targetId: "5.3",
      sourceKind: "control2013",
    });
    // A.5.1.1 Yes + A.5.1.2 No land on 5.1: most severe wins, the conflict is reported.
    expect(report.conflicts.map((c) => c.targetId).sort()).toEqual(["5.1", "5.9"]);
    expect(report.conflicts.find((c) => c.targetId === "5.1")).toMatchObject({
      chosen: "Non-Compliant",
    });
    expect(inputs.annexA.get("5.9")?.Evidence).toBe("A.8.1.1: CMDB\nA.8.1.2: @owner missing");
    expect(report.unknownWords).toEqual([
      {
        word: "Maybe",
        column: "C",
        header: "Implemented? (Yes/No)",
        role: "status",
        count: 1,
        rows: [18],
      },
    ]);
    expect(report.unmatched[0].reason).toMatch(/A\.19\.1\.1/);
  });

  it("an auditor question list with Met? Y/N: clauses and Annex A in one sheet, 5.10 stored as 5.1, stale second sheet", async () => {
    const { buffer, expected } = await auditorQuestions();
    const result = adopt(await readSnapshots(buffer));
    expectFixture(result, expected);
    const { report, inputs } = result;
    expect(report.sheet).toBe("Audit questions");
    expect(report.sheets.find((s) => s.name === "Old notes")).toMatchObject({
      used: false,
      controlRows: 2,
    });
    expect(report.idKind).toBe("mixed");
    expect(report.rows.find((r) => r.sourceRow === 12)).toMatchObject({
      targetId: "5.10",
      note: expect.stringMatching(/5\.10/),
    });
    expect(inputs.clauses.get("4.2")).toEqual({
      Status: "Non-Compliant",
      Evidence: "No register",
      Likelihood: 3,
      Impact: 4,
      "Due date": "2025-03-31",
    });
    expect(report.rows.find((r) => r.sourceRow === 17)?.note).toMatch(/mandatory/);
    expect(report.rows.find((r) => r.sourceRow === 16)?.note).toMatch(/likelihood "High"/);
    // The Greek capital chi is a tick mark, not an answer: reported, never read as a status.
    expect(report.unknownWords.map((w) => w.word)).toEqual(["Χ", "Maybe"]);
    expect(report.decisions.join("\n")).toMatch(/"Auditor comments" imported as Evidence/);
  });

  it("a CSV export with stray spaces, prefixes, leading zeros and ids inside text", () => {
    const csv = readFileSync(path.join(__dirname, "fixtures/grc-export-stray-spaces.csv"), "utf8");
    const result = adopt([csvToSnapshot(csv, { name: "grc-export.csv" })]);
    expectFixture(result, GRC_EXPORT_EXPECTED);
    expect(result.inputs.annexA.get("5.5")).toMatchObject({
      Applicable: "No",
      Evidence: "No regulator in scope",
    });
  });
});

describe("adopt: reading rules", () => {
  it("reads ids from the displayed text (dates and numbers Excel made of them)", () => {
    const dated = sheet(
      "S",
      [
        ["Ref", "Applicable"],
        [40179, "No"],
        [40180, "Yes"],
      ],
      { shown: { "1,0": "10.1.1", "2,0": "10.1.2" } }
    );
    expect(adopt([dated]).report.rows.map((x) => [x.sourceId, x.targetId])).toEqual([
      ["10.1.1", "8.24"],
      ["10.1.2", "8.24"],
    ]);
    const numbers = sheet(
      "S",
      [
        ["Ref", "Applicable"],
        [5.1, "Yes"],
        [5.2, "No"],
      ],
      { shown: { "1,0": "5.1", "2,0": "5.20" } }
    );
    expect(adopt([numbers]).report.rows.map((x) => [x.sourceId, x.targetId])).toEqual([
      ["5.1", "5.1"],
      ["5.20", "5.20"],
    ]);
  });

  it("uses applicability alone as Not Applicable / Not Assessed, never as compliance", () => {
    const r = adopt([
      sheet("S", [
        ["Control", "Applicable?"],
        ["A.5.1", "Yes"],
        ["A.5.2", "No"],
        ["A.5.3", ""],
      ]),
    ]);
    expect(r.inputs.annexA.get("5.1")).toEqual({ Applicable: "Yes" });
    expect(r.inputs.annexA.get("5.2")).toEqual({ Status: "Not Applicable", Applicable: "No" });
    expect(r.inputs.annexA.has("5.3")).toBe(false);
    expect(r.report.hasAnswers).toBe(true);
  });

  it("takes the status from the implementation column when there is one", () => {
    const r = adopt([
      sheet("S", [
        ["ID", "Applicable", "Implementation status"],
        ["5.1", "Yes", "Partially implemented"],
        ["5.2", "No", ""],
        ["5.3", "No", "Implemented"],
      ]),
    ]);
    expect(statusOf(r, "5.1")).toBe("Partially Compliant");
    expect(statusOf(r, "5.2")).toBe("Not Applicable");
    expect(statusOf(r, "5.3")).toBe("Compliant");
    expect(r.report.rows.find((x) => x.targetId === "5.3")?.note).toMatch(/not applicable/);
  });

  it("finds a status column from content when the headers say nothing", () => {
    const r = adopt([
      sheet("S", [
        ["A.5.1", "Policies", "Yes"],
        ["A.5.2", "Roles", "No"],
        ["A.5.3", "Segregation", "Partial"],
      ]),
    ]);
    expect(r.report.columns.find((c) => c.role === "status")).toMatchObject({
      column: "C",
      from: "content",
    });
    expect([statusOf(r, "5.1"), statusOf(r, "5.2"), statusOf(r, "5.3")]).toEqual([
      "Compliant",
      "Non-Compliant",
      "Partially Compliant",
    ]);
  });

  it("does not take a column of N / T / S / R categories for answers", () => {
    const r = adopt([
      sheet("S", [
        ["control_id", "category"],
        ["A.5.1", "N"],
        ["A.5.2", "T"],
        ["A.5.3", "N"],
        ["A.5.4", "S"],
      ]),
    ]);
    expect(r.report.hasAnswers).toBe(false);
    expect(r.inputs.annexA.size).toBe(0);
  });

  it("merges two-row headers and merged header cells", () => {
    const s = sheet(
      "S",
      [
        ["Control", null, "Assessment", null],
        [null, null, "Status", "Evidence"],
        ["A.5.1", "Policies", "Met", "Policy v1"],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 0, right: 3 },
        ],
      }
    );
    const r = adopt([s]);
    expect(r.report.headerRows).toEqual([1, 2]);
    expect(r.inputs.annexA.get("5.1")).toEqual({ Status: "Compliant", Evidence: "Policy v1" });
  });

  it("honours the snapshot origin in row numbers", () => {
    const s = {
      ...sheet("S", [
        ["ID", "Status"],
        ["5.1", "Yes"],
        ["A.9.9", "Yes"],
      ]),
      origin: { row: 9, col: 2 },
    };
    const { report } = adopt([s]);
    expect(report.headerRows).toEqual([10]);
    expect(report.idColumn).toBe("C");
    expect(report.rows[0]).toMatchObject({ sourceRow: 11, targetId: "5.1" });
    expect(report.unmatched).toEqual([
      {
        sheet: "S",
        row: 12,
        text: "A.9.9",
        reason: '"A.9.9" is not a clause or control id we know',
      },
    ]);
  });

  it("reads 2022 controls appended to a 2013 checklist", () => {
    const r = adopt([
      sheet("S", [
        ["Ref", "Status"],
        ["A.5.1", "Objective"],
        ["A.5.1.1", "Yes"],
        ["A.12.6.1", "No"],
        ["A.5.7", "Partial"],
        ["A.8.16", "Yes"],
      ]),
    ]);
    expect(r.report.rows.map((x) => [x.sourceId, x.targetId, x.action])).toEqual([
      ["A.5.1", null, "skipped"],
      ["A.5.1.1", "5.1", "set"],
      ["A.12.6.1", "8.8", "set"],
      ["A.5.7", "5.7", "set"],
      ["A.8.16", "8.16", "set"],
    ]);
    expect(statusOf(r, "5.7")).toBe("Partially Compliant");
  });

  it("reads clause sheets: 6.1.2 is a clause in a 2022 file, 7.5 a clause heading", () => {
    const r = adopt([
      sheet("Clauses", [
        ["Clause", "Status"],
        ["4.1", "Yes"],
        ["6.1", ""],
        ["6.1.2", "No"],
        ["7.5", "Documented information"],
        ["7.5.1", "Partial"],
      ]),
    ]);
    expect(r.report.idKind).toBe("clause");
    expect([...r.inputs.clauses.keys()]).toEqual(["4.1", "6.1.2", "7.5.1"]);
    expect(r.inputs.annexA.size).toBe(0);
    expect(r.report.rows.filter((x) => x.action === "skipped").map((x) => x.sourceId)).toEqual([
      "6.1",
      "7.5",
    ]);
  });

  it("reads a second 5.1 in a sheet with clauses first as the control (clauses 4–10, then Annex A)", () => {
    const r = adopt([
      sheet("All", [
        ["ID", "Status"],
        ["4.1", "Yes"],
        ["5.1", "No"],
        ["10.2", "Yes"],
        ["5.1", "Partial"],
        ["5.4", "Yes"],
      ]),
    ]);
    expect(clauseStatusOf(r, "5.1")).toBe("Non-Compliant");
    expect(statusOf(r, "5.1")).toBe("Partially Compliant");
  });

  it("lets the user's Status words map extra answers", () => {
    const rows = [
      ["ID", "Status"],
      ["5.1", "Yep"],
      ["5.2", "Nope"],
    ];
    expect(adopt([sheet("S", rows)]).report.unknownWords.map((w) => w.word)).toEqual([
      "Yep",
      "Nope",
    ]);
    const r = adopt([sheet("S", rows)], {
      extraWords: { yep: "Compliant", nope: "Non-Compliant" },
    });
    expect([statusOf(r, "5.1"), statusOf(r, "5.2")]).toEqual(["Compliant", "Non-Compliant"]);
    expect(r.report.unknownWords).toEqual([]);
  });

  it("reads percentages and maturity levels by column", () => {
    const pct = adopt([
      sheet("S", [
        ["ID", "Completeness (%)"],
        ["5.1", 100],
        ["5.2", 40],
        ["5.3", 0],
      ]),
    ]);
    expect([statusOf(pct, "5.1"), statusOf(pct, "5.2"), statusOf(pct, "5.3")]).toEqual([
      "Compliant",
      "Partially Compliant",
      "Non-Compliant",
    ]);
    const maturity = adopt(
      [
        sheet("S", [
          ["ID", "Maturity"],
          ["5.1", 4],
          ["5.2", 1],
          ["5.3", 0],
        ]),
      ],
      { maturity: { compliantMin: 4 } }
    );
    expect([
      statusOf(maturity, "5.1"),
      statusOf(maturity, "5.2"),
      statusOf(maturity, "5.3"),
    ]).toEqual(["Compliant", "Partially Compliant", "Non-Compliant"]);
  });

  it("picks the sheet with most control rows and never lets another sheet override it", () => {
    const main = sheet("SoA", [
      ["ID", "Status"],
      ["5.1", "Yes"],
      ["5.2", "Yes"],
      ["5.3", "Yes"],
    ]);
    const stale = sheet("Changes", [
      ["Control", "Status"],
      ["5.1", "No"],
      ["5.2", "No"],
    ]);
    const r = adopt([stale, main]);
    expect(r.report.sheet).toBe("SoA");
    expect(statusOf(r, "5.1")).toBe("Compliant");
    expect(adopt([stale, main], { sheet: "Changes" }).report.sheet).toBe("Changes");
    expect(adopt([stale, main], { sheet: "Nope" }).report.problems[0]).toMatch(/no sheet "Nope"/);
  });

  it("reports a workbook with no control rows instead of guessing", () => {
    const r = adopt([
      sheet("Cover", [["Statement of Applicability"], ["Version", "1.0"]]),
      sheet("Empty", []),
    ]);
    expect(r.report.sheet).toBeNull();
    expect(r.report.problems[0]).toMatch(/No control rows/);
    expect(adopt([]).report.problems[0]).toMatch(/no sheets/);
  });

  it("keeps text as text: cells starting with = + - @ are copied as strings", () => {
    const r = adopt([
      sheet("S", [
        ["ID", "Status", "Evidence", "Owner", "Notes"],
        ["5.1", "Yes", '=HYPERLINK("http://x")', "+1 555 0100", "@SUM(A1:A9)"],
        ["5.2", "Yes", "-see policy", "=1+1", null],
      ]),
    ]);
    expect(r.inputs.annexA.get("5.1")).toMatchObject({
      Evidence: '=HYPERLINK("http://x")',
      Owner: "+1 555 0100",
      Notes: "@SUM(A1:A9)",
    });
    expect(r.inputs.annexA.get("5.2")).toMatchObject({ Evidence: "-see policy", Owner: "=1+1" });
  });
});

describe("mergeStatuses", () => {
  it.each([
    [["Compliant", "Non-Compliant"], "Non-Compliant"],
    [["Compliant", "Partially Compliant"], "Partially Compliant"],
    [["Not Applicable", "Compliant"], "Compliant"],
    [["Not Applicable", "Not Applicable"], "Not Applicable"],
    [["Not Applicable", "Not Assessed"], "Not Assessed"],
    [["Not Assessed", "Compliant"], "Compliant"],
    [[], "Not Assessed"],
  ] as [Status[], Status][])("%j → %s", (input, expected) =>
    expect(mergeStatuses(input)).toBe(expected)
  );
});

describe("roleOfHeader", () => {
  it.each([
    ["Control Ref", "id"],
    ["Control ID", "id"],
    ["No.", "id"],
    ["Clause", "id"],
    ["control_id", "id"],
    ["Implementation Status", "status"],
    ["Met?", "status"],
    ["En place?", "status"],
    ["Implementace", "status"],
    ["Compliance", "status"],
    ["Applicable?", "applicability"],
    ["Applicabilité", "applicability"],
    ["Aplikovatelnost", "applicability"],
    ["ΕΦΑΡΜΟΖΕΤΑΙ", "applicability"],
    ["Evidence / Notes", "evidence"],
    ["Dispositif", "evidence"],
    ["Reference", "evidence"],
    ["ΠΕΡΙΓΡΑΦΗ ΥΛΟΠΟΙΗΣΗΣ / ΣΧΟΛΙΑ", "evidence"],
    ["Control Owner", "owner"],
    ["Responsable", "owner"],
    ["Accountable", "owner"],
    ["Justification for Inclusion / Exclusion", "justification"],
    ["Reason for exclusion", "justification"],
    ["Likelihood", "likelihood"],
    ["Impact", "impact"],
    ["Due date", "dueDate"],
    ["Comments", "notes"],
    ["ΛΟΓΟΙ ΕΠΙΛΟΓΗΣ ΕΛΕΓΧΟΥ", "other"],
    ["category", "other"],
    ["Evidence hint", "other"],
    ["Reviewer note", "other"],
    ["Reviewer", "other"],
    ["Control Name", "title"],
  ])("%s → %s", (header, role) => expect(roleOfHeader(header)).toBe(role));
});

describe("adopt: robustness and speed", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constantFrom(
      "A.5.1",
      "5.1",
      "5.10",
      "6.1.2",
      "A.12.6.1",
      "10.1.1",
      "A.5",
      "Annex A",
      "Clause 4",
      "ID",
      "Status",
      "Applicable",
      "Evidence",
      "Owner",
      "Yes",
      "No",
      "Partial",
      "N/A",
      "Χ",
      "=1+1",
      "",
      "  ",
      "4.1",
      "9.2",
      "7.5"
    ),
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 50000 }),
    fc.boolean()
  );
  const snapshot = fc.record({
    name: fc.string({ maxLength: 8 }),
    origin: fc.record({
      row: fc.integer({ min: -3, max: 100 }),
      col: fc.integer({ min: -3, max: 100 }),
    }),
    values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }),
    text: fc.array(
      fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("10.1.1", "5.1", "Yes")), {
        maxLength: 8,
      }),
      { maxLength: 25 }
    ),
    formulas: fc.constant([] as (string | null)[][]),
    merges: fc.option(
      fc.array(
        fc.record({
          top: fc.integer({ min: -2, max: 30 }),
          left: fc.integer({ min: -2, max: 10 }),
          bottom: fc.integer({ min: -2, max: 1e6 }),
          right: fc.integer({ min: -2, max: 1e4 }),
        }),
        { maxLength: 4 }
      ),
      { nil: undefined }
    ),
  }) as fc.Arbitrary<SheetSnapshot>;

  it("never throws, whatever the snapshots hold", () => {
    fc.assert(
      fc.property(
        fc.array(snapshot, { maxLength: 3 }),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        (sheets, name) => {
          const { report, inputs } = adopt(sheets, { sheet: name });
          expect(report.problems.filter((p) => p.includes("could not be read"))).toEqual([]);
          expect(report.counts.unmatched).toBe(report.unmatched.length);
          for (const row of inputs.annexA.values())
            for (const v of Object.values(row)) expect(["string", "number"]).toContain(typeof v);
        }
      ),
      { numRuns: 300 }
    );
  });

  it("survives malformed snapshots (missing arrays, jagged rows, garbage cells)", () => {
    const broken = [
      { name: "a" } as unknown as SheetSnapshot,
      {
        name: "b",
        origin: { row: 0, col: 0 },
        values: [null, [undefined, {}], "x"],
        text: "nope",
      } as unknown as SheetSnapshot,
      null as unknown as SheetSnapshot,
    ];
    expect(() => adopt(broken)).not.toThrow();
  });

  // Speed of both large cases is reported by `npm run bench` (adopt rows); here only a hang guard.
  it("adopts a 50,000-row sheet without trouble", () => {
    const rows: CellValue[][] = [["ID", "Status", "Evidence"]];
    for (let i = 0; i < 50_000; i++)
      rows.push([i % 10 === 0 ? `Row ${i}` : `A.8.${(i % 34) + 1}`, i % 2 ? "Yes" : "No", `e${i}`]);
    const r = adopt([sheet("Big", rows)]);
    expect(r.report.counts.matched).toBe(45_000);
    expect(r.report.counts.unmatched).toBe(5_000);
    expect(r.inputs.annexA.get("8.1")?.Status).toBe("Non-Compliant");
  }, 120_000);

  it("adopts a 10,000-row checklist with a title block", () => {
    const ids = [
      "5.1",
      "5.2",
      "5.3",
      "5.7",
      "5.10",
      "6.1",
      "6.8",
      "7.4",
      "7.14",
      "8.1",
      "8.16",
      "8.34",
    ];
    const words = [
      "Implemented",
      "Partially implemented",
      "Not implemented",
      "N/A",
      "",
      "Yes",
      "No",
    ];
    const rows: CellValue[][] = [
      ["Title block"],
      [],
      ["Control ID", "Title", "Applicable", "Status", "Evidence", "Owner"],
    ];
    for (let i = 0; i < 10_000; i++)
      rows.push([
        `A.${ids[i % ids.length]}`,
        `Row ${i}`,
        i % 13 ? "Yes" : "No",
        words[i % words.length],
        `Evidence ${i}`,
        `Owner ${i % 7}`,
      ]);
    const s = sheet("Big", rows);
    const r = adopt([s]);
    expect(r.report.counts.matched).toBe(10_000);
    expect(r.report.counts.unmatched).toBe(0);
  }, 120_000);
});
