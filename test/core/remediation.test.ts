import {
  compareGaps,
  findGaps,
  mergeRemediation,
  newRemediationRow,
  DEFAULT_REMEDIATION_SETTINGS,
  type Gap,
} from "../../src/core/remediation";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type RemediationRow } from "../../src/core/read/remediation";

const gap = (over: Partial<Gap>): Gap => ({
  id: "5.1",
  source: "Annex A",
  title: "T",
  status: "Non-Compliant",
  owner: null,
  level: null,
  priority: null,
  risk: null,
  ...over,
});
const settings = { ...DEFAULT_REMEDIATION_SETTINGS, start: 46000 };

function snapshot(name: string, rows: (string | number | null)[][]): SheetSnapshot {
  return {
    name,
    origin: { row: 3, col: 0 },
    values: rows,
    text: rows.map((r) => r.map((v) => (v === null ? "" : String(v)))),
    formulas: rows.map((r) => r.map(() => null)),
  };
}

describe("remediation ordering and defaults", () => {
  it("puts clause gaps first, then priority, risk and natural id order", () => {
    const gaps = [
      gap({ id: "5.10", priority: 6, risk: 12 }),
      gap({ id: "5.2", priority: 6, risk: 12 }),
      gap({ id: "8.1", priority: 20, risk: 20 }),
      gap({ id: "6.1.2", source: "Clauses 4-10", priority: 1, risk: 2 }),
      gap({ id: "5.3", priority: 6, risk: 16 }),
      gap({ id: "5.4", priority: null, risk: null }),
    ];
    expect(gaps.sort(compareGaps).map((g) => g.id)).toEqual([
      "6.1.2",
      "8.1",
      "5.3",
      "5.2",
      "5.10",
      "5.4",
    ]);
  });

  it("defaults owner, type, dates from Settings SLAs (unscored gaps use Medium)", () => {
    const critical = newRemediationRow(
      gap({ id: "8.8", level: "Critical", owner: "Ops" }),
      settings
    );
    expect(critical).toMatchObject({
      Owner: "Ops",
      Start: 46000,
      Due: 46030,
      Progress: "Not started",
      Treatment: "Mitigate",
      Type: "Technical",
      Source: "Annex A",
    });
    expect(newRemediationRow(gap({ level: "Low" }), settings).Due).toBe(46180);
    expect(newRemediationRow(gap({ level: null }), settings).Due).toBe(46090);
    expect(newRemediationRow(gap({ id: "5.1", level: null }), settings).Type).toBe("Policy");
  });
});

describe("mergeRemediation", () => {
  const edited: RemediationRow[] = [
    {
      ID: "5.1",
      Source: "Annex A",
      Title: "x",
      Action: "Write policy",
      Owner: "Ann",
      Start: 46001,
      Due: 46100,
      Progress: "In progress",
      Notes: "n",
      "Budget code": "B-7",
    },
    {
      ID: "8.8",
      Source: "Annex A",
      Title: "y",
      Action: "Patch",
      Owner: "Bob",
      Progress: "Not started",
    },
    { ID: "", Source: "", Title: "Hand-written row", Action: "Buy shredder" },
  ];

  it("keeps edits, resolves closed gaps, adds new ones once and keeps hand rows", () => {
    const gaps = [
      gap({ id: "5.1", status: "Partially Compliant" }),
      gap({ id: "7.4", level: "High" }),
    ];
    const merged = mergeRemediation(edited, gaps, new Set(["annex a|8.8"]), settings, [
      "Budget code",
    ]);
    expect(merged).toMatchObject({ added: 1, resolved: 1 });
    const byId = (id: string) => merged.rows.filter((r) => r.ID === id);
    expect(byId("5.1")).toHaveLength(1);
    expect(byId("5.1")[0]).toMatchObject({
      Action: "Write policy",
      Owner: "Ann",
      Start: 46001,
      Due: 46100,
      Progress: "In progress",
      Notes: "n",
      "Budget code": "B-7",
    });
    expect(byId("8.8")[0]).toMatchObject({ Progress: "Resolved", Action: "Patch", Owner: "Bob" });
    // Scheduled: 5 working days of effort from Tuesday 46000 (within its SLA, no longer at it).
    expect(byId("7.4")[0]).toMatchObject({ Progress: "Not started", Due: 46006 });
    expect(merged.rows.some((r) => r.Title === "Hand-written row")).toBe(true);
    expect(merged.rows).toHaveLength(4);
    // Regenerating again changes nothing: idempotent.
    const again = mergeRemediation(merged.rows, gaps, new Set(["annex a|8.8"]), settings, [
      "Budget code",
    ]);
    expect(again.rows).toEqual(merged.rows);
    expect(again.added).toBe(0);
  });

  it("reopens a resolved action whose gap came back", () => {
    const merged = mergeRemediation(
      [{ ID: "8.8", Source: "Annex A", Progress: "Resolved", Action: "Patch" }],
      [gap({ id: "8.8" })],
      new Set(),
      settings
    );
    expect(merged.rows[0]).toMatchObject({ Progress: "Not started", Action: "Patch" });
    expect(merged.reopened).toBe(1);
  });
});

describe("findGaps", () => {
  it("reads open gaps with scores and closed rows from the assessment sheets", () => {
    const header = [
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
    ];
    const annex = snapshot("Annex A", [
      header,
      ["5.1", "Organizational", "P", "q", "Yes", null, "Non-Compliant", null, "Ann", 4, 5],
      ["5.2", "Organizational", "R", "q", "No", "n/a", "Non-Compliant", null, null, 4, 5],
      ["5.3", "Organizational", "S", "q", "Yes", null, "Compliant", "e", null, null, null],
      [
        "5.4",
        "Organizational",
        "M",
        "q",
        "Yes",
        null,
        "partially compliant",
        null,
        null,
        null,
        null,
      ],
    ]);
    const { gaps, closed } = findGaps([annex]);
    expect(gaps.map((g) => [g.id, g.status, g.level, g.priority])).toEqual([
      ["5.1", "Non-Compliant", "Critical", 20],
      ["5.4", "Partially Compliant", null, null],
    ]);
    expect([...closed].sort()).toEqual(["annex a|5.2", "annex a|5.3"]);
  });
});
