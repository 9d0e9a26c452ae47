// The plan a client accepts, in core: suggested actions, findings from the evidence, effort and
// cost, phases by dependency and priority, dates scheduled per owner within the SLA, and what a
// regeneration keeps or moves along.
import { findClause, findControl } from "../../src/catalog";
import { isoDate, parseIsoDate } from "../../src/core/dates";
import {
  addWorkingDays,
  costOf,
  defaultEffort,
  defaultPhase,
  findingText,
  mergeRemediation,
  priorityBand,
  remediationSettingsFrom,
  suggestedAction,
  workingDayFrom,
  DEFAULT_REMEDIATION_SETTINGS,
  type Gap,
  type RemediationSettings,
} from "../../src/core/remediation";
import { type RemediationRow } from "../../src/core/read/remediation";
import type { CellValue } from "../../src/core/snapshot";

const MONDAY = parseIsoDate("2026-03-02") as number;
const settings: RemediationSettings = { ...DEFAULT_REMEDIATION_SETTINGS, start: MONDAY };

const gap = (over: Partial<Gap>): Gap => ({
  id: "5.1",
  source: "Annex A",
  title: "T",
  status: "Non-Compliant",
  owner: "Ann",
  level: "High",
  priority: 12,
  risk: 12,
  ...over,
});
const clause = (id: string, over: Partial<Gap> = {}): Gap =>
  gap({ id, source: "Clauses 4-10", title: findClause(id)?.title, ...over });

const plan = (gaps: Gap[], existing: RemediationRow[] = [], s = settings) =>
  mergeRemediation(existing, gaps, new Set(), s);
const row = (rows: RemediationRow[], id: string, source = "Annex A"): RemediationRow => {
  const found = rows.find((r) => r.ID === id && r.Source === source);
  if (!found) throw new Error(`no row ${source} ${id}`);
  return found;
};
const day = (v: CellValue | undefined): string => isoDate(v as number);
const weekday = (v: CellValue | undefined): number => new Date(`${day(v)}T00:00:00Z`).getUTCDay();

/** Most actions an owner has in progress (Start ≤ day ≤ Due) on any one day. */
function peakLoad(rows: RemediationRow[]): Map<string, number> {
  const peak = new Map<string, number>();
  for (const r of rows) {
    const owner = String(r.Owner);
    for (let d = r.Start as number; d <= (r.Due as number); d++) {
      const load = rows.filter(
        (x) => x.Owner === r.Owner && (x.Start as number) <= d && d <= (x.Due as number)
      ).length;
      peak.set(owner, Math.max(peak.get(owner) ?? 0, load));
    }
  }
  return peak;
}

describe("working days", () => {
  it("skips weekends forwards and backwards", () => {
    const saturday = MONDAY + 5;
    expect(day(workingDayFrom(saturday))).toBe("2026-03-09");
    expect(day(workingDayFrom(saturday, -1))).toBe("2026-03-06");
    expect(day(addWorkingDays(MONDAY, 4))).toBe("2026-03-06");
    expect(day(addWorkingDays(MONDAY, 5))).toBe("2026-03-09");
    expect(day(addWorkingDays(MONDAY + 4, 1))).toBe("2026-03-09"); // Friday + 1
    expect(day(addWorkingDays(MONDAY + 7, -1))).toBe("2026-03-06");
    expect(day(addWorkingDays(MONDAY, 12))).toBe("2026-03-18");
  });
});

describe("suggested action, effort and cost", () => {
  it("words the catalog's action for a partial and for a missing item", () => {
    expect(suggestedAction(gap({ id: "8.8", status: "Partially Compliant" }))).toBe(
      findControl("8.8")?.advice.partial
    );
    expect(suggestedAction(clause("4.3"))).toBe(findClause("4.3")?.advice.missing);
    // A row the team added themselves gets a generic action naming its title.
    expect(suggestedAction(gap({ id: "X-1", title: "Badge readers" }))).toMatch(
      /^Put "Badge readers" in place/
    );
  });

  it("takes the catalog's effort for a missing item, half for a partial one, Settings per type first", () => {
    const full = findControl("8.8")?.advice.effort as number;
    expect(defaultEffort(gap({ id: "8.8" }), settings)).toBe(full);
    expect(defaultEffort(gap({ id: "8.8", status: "Partially Compliant" }), settings)).toBe(
      Math.ceil(full) / 2
    );
    const typed = { ...settings, effort: { Technical: 12 } };
    expect(defaultEffort(gap({ id: "8.8" }), typed)).toBe(12);
    expect(defaultEffort(gap({ id: "8.8", status: "Partially Compliant" }), typed)).toBe(6);
    expect(defaultEffort(gap({ id: "5.1" }), typed)).toBe(findControl("5.1")?.advice.effort); // Policy
    expect(costOf(2.5, { dayRate: 900 })).toBe(2250);
  });

  it("fills Action, Effort and Cost on every new row", () => {
    const { rows } = plan([gap({ id: "8.8" }), clause("9.2.2", { status: "Partially Compliant" })]);
    for (const r of rows) {
      expect(String(r.Action).length).toBeGreaterThan(30);
      expect(r["Effort (days)"]).toBeGreaterThan(0);
      expect(r.Cost).toBe((r["Effort (days)"] as number) * settings.dayRate);
    }
  });
});

describe("finding", () => {
  it("quotes the recorded evidence and the notes as the gap", () => {
    const text = findingText(
      gap({
        status: "Partially Compliant",
        evidence: "Policy v2.1 on SharePoint",
        notes: "Not reviewed since 2023.",
      })
    );
    expect(text).toBe(
      "Evidence: Policy v2.1 on SharePoint — gap: Not reviewed since 2023 (Partially Compliant)."
    );
  });

  it("says what an auditor will look for when there are no notes, and when nothing is recorded", () => {
    const hint = findControl("8.8")?.evidence as string;
    expect(findingText(gap({ id: "8.8", evidence: null }))).toBe(
      `Evidence: none recorded — gap: not in place; an auditor will look for ${hint} (Non-Compliant).`
    );
    expect(
      findingText(gap({ id: "8.8", status: "Partially Compliant", evidence: "Monthly scans" }))
    ).toMatch(/^Evidence: Monthly scans — gap: only partly in place; still to show: /);
  });

  it("keeps long or multi-line cells to one line of reasonable length", () => {
    const text = findingText(
      gap({ evidence: `Scan\nreport\t${"word ".repeat(200)}`, notes: "x\u0007y ".repeat(300) })
    );
    expect(text.length).toBeLessThanOrEqual(480);
    expect(text).toMatch(/^Evidence: Scan report word word/);
    expect(text).not.toMatch(/[\u0000-\u001f]/);
    expect(text).toContain("…");
  });
});

describe("phases", () => {
  it("puts the foundations first whatever their priority, then the priority bands", () => {
    expect(priorityBand({ priority: 12.5, level: "Critical" })).toBe("High");
    expect(priorityBand({ priority: null, level: null })).toBe("Medium");
    expect(defaultPhase(clause("4.3", { priority: 1, level: "Low" }))).toBe("Phase 1");
    expect(defaultPhase(clause("6.1.2", { priority: null, level: null }))).toBe("Phase 1");
    expect(defaultPhase(clause("9.2.2", { priority: 1, level: "Low" }))).toBe("Phase 3");
    expect(defaultPhase(gap({ priority: 20 }))).toBe("Phase 1");
    expect(defaultPhase(gap({ priority: 12.5, level: "Critical" }))).toBe("Phase 2");
    expect(defaultPhase(gap({ priority: 6 }))).toBe("Phase 3");
  });

  it("pulls a prerequisite forward to the phase of the clause that needs it", () => {
    const { rows } = plan([
      clause("8.3", { priority: 20, risk: 20 }), // Phase 1 by priority
      clause("8.2", { priority: 2, risk: 4 }), // Low; 8.3 needs 6.1.3, not 8.2
      clause("9.2.1", { priority: 16, risk: 16 }), // Phase 2
      clause("9.2.2", { priority: 1, risk: 2 }), // Low: pulled into Phase 2 and done first
    ]);
    expect(row(rows, "9.2.2", "Clauses 4-10").Phase).toBe("Phase 2");
    expect(row(rows, "8.2", "Clauses 4-10").Phase).toBe("Phase 3"); // 8.3 does not need 8.2
    expect(row(rows, "9.2.1", "Clauses 4-10").Start as number).toBeGreaterThan(
      row(rows, "9.2.2", "Clauses 4-10").Due as number
    );
  });

  it("finishes phases in order even when one owner is the bottleneck of Phase 1", () => {
    const gaps = [
      gap({ id: "8.8", owner: "Ops", priority: 25, risk: 25 }),
      gap({ id: "8.9", owner: "Ops", priority: 20, risk: 20 }),
      gap({ id: "8.14", owner: "Ops", priority: 20, risk: 20 }),
      gap({ id: "5.1", owner: "CISO", priority: 16, risk: 16 }), // Phase 2, free owner
      gap({ id: "6.4", owner: "HR", priority: 2, risk: 4 }), // Phase 3, free owner
    ];
    const { rows } = plan(gaps);
    const end = (phase: string): number =>
      Math.max(...rows.filter((r) => r.Phase === phase).map((r) => r.Due as number));
    expect(end("Phase 1")).toBeLessThanOrEqual(end("Phase 2"));
    expect(end("Phase 2")).toBeLessThanOrEqual(end("Phase 3"));
    // CISO was free from the first day; the action moved later keeps its length.
    const moved = row(rows, "5.1");
    expect(moved.Start as number).toBeGreaterThan(MONDAY);
    expect(addWorkingDays(moved.Start as number, (moved["Effort (days)"] as number) - 1)).toBe(
      moved.Due
    );
  });
});

describe("scheduling", () => {
  const many = (owner: string, n: number, priority: number): Gap[] =>
    Array.from({ length: n }, (_, i) =>
      gap({ id: `8.${i + 1}`, owner, priority, risk: priority, level: "Medium" })
    );

  it("starts an owner's actions when one of their slots is free, never on a weekend", () => {
    const { rows, overCapacity } = plan([...many("Ops", 8, 6), gap({ id: "6.3", owner: "HR" })]);
    expect(overCapacity).toBe(0);
    expect(peakLoad(rows).get("Ops")).toBe(2);
    expect(new Set(rows.map((r) => r.Start)).size).toBeGreaterThan(3);
    for (const r of rows) {
      expect([0, 6]).not.toContain(weekday(r.Start));
      expect([0, 6]).not.toContain(weekday(r.Due));
      const days = Math.max(1, Math.ceil(r["Effort (days)"] as number));
      expect(r.Due).toBe(addWorkingDays(r.Start as number, days - 1));
    }
    expect(row(rows, "6.3").Start).toBe(MONDAY); // another owner is not held up
  });

  it("follows the Settings capacity, day rate and effort per finding type", () => {
    const s = remediationSettingsFrom(
      new Map<string, CellValue>([
        ["start", MONDAY],
        ["plan.capacity", 1],
        ["plan.dayRate", 1000],
        ["plan.effort.Technical", 4],
      ]),
      0
    );
    expect(s).toMatchObject({ capacity: 1, dayRate: 1000, effort: { Technical: 4 } });
    const { rows } = plan(many("Ops", 5, 6), [], s);
    expect(peakLoad(rows).get("Ops")).toBe(1);
    expect(rows.map((r) => [r["Effort (days)"], r.Cost])).toEqual(Array(5).fill([4, 4000]));
    const defaults = remediationSettingsFrom(new Map(), MONDAY);
    expect(defaults).toMatchObject({ capacity: 2, dayRate: 800, effort: {}, start: MONDAY });
  });

  it("orders by priority, not risk level: a 16 is due before a partial 12.5", () => {
    const { rows } = plan([
      gap({ id: "8.8", owner: "Ops", status: "Partially Compliant", priority: 12.5, risk: 25 }),
      gap({ id: "8.9", owner: "Ops", priority: 16, risk: 16, level: "High" }),
      gap({ id: "8.7", owner: "Ops", priority: 20, risk: 20, level: "Critical" }),
    ]);
    const start = (id: string): number => row(rows, id).Start as number;
    expect(start("8.7")).toBeLessThanOrEqual(start("8.9"));
    expect(start("8.9")).toBeLessThanOrEqual(start("8.8"));
    // Both are High-band priorities: due within the High SLA of the plan start.
    for (const id of ["8.8", "8.9"])
      expect(row(rows, id).Due as number).toBeLessThanOrEqual(MONDAY + settings.sla.High);
  });

  it("meets the SLA over the owner's capacity when the queue is too long, and says so", () => {
    const s = { ...settings, capacity: 1, sla: { ...settings.sla, Critical: 10 } };
    const { rows, overCapacity } = plan(
      Array.from({ length: 4 }, (_, i) =>
        gap({ id: `8.${i + 1}`, owner: "Ops", priority: 25, risk: 25, level: "Critical" })
      ),
      [],
      s
    );
    expect(overCapacity).toBeGreaterThan(0);
    for (const r of rows) expect(r.Due as number).toBeLessThanOrEqual(MONDAY + 10);
  });

  it("plans a regenerated gap around the dates people already have", () => {
    const kept: RemediationRow[] = [
      {
        ID: "8.8",
        Source: "Annex A",
        Owner: "Ops",
        Start: MONDAY,
        Due: MONDAY + 18,
        Progress: "In progress",
      },
      {
        ID: "8.9",
        Source: "Annex A",
        Owner: "Ops",
        Start: MONDAY,
        Due: MONDAY + 9,
        Progress: "Not started",
      },
    ];
    const { rows } = plan(
      [
        gap({ id: "8.8", owner: "Ops" }),
        gap({ id: "8.9", owner: "Ops" }),
        gap({ id: "8.7", owner: "Ops" }),
      ],
      kept
    );
    expect(row(rows, "8.7").Start).toBe(addWorkingDays(MONDAY + 9, 1));
    expect(peakLoad(rows).get("Ops")).toBe(2);
    expect(row(rows, "8.8")).toMatchObject({ Start: MONDAY, Due: MONDAY + 18 });
  });
});

describe("regeneration", () => {
  const first = plan([
    gap({ id: "8.8", owner: "Ops", status: "Partially Compliant", evidence: "Scans" }),
    gap({ id: "5.1", owner: "CISO" }),
  ]).rows;

  it("changes nothing the second time", () => {
    const again = mergeRemediation(
      first,
      [
        gap({ id: "8.8", owner: "Ops", status: "Partially Compliant", evidence: "Scans" }),
        gap({ id: "5.1", owner: "CISO" }),
      ],
      new Set(),
      settings
    );
    expect(again.rows).toEqual(first);
    expect(again.added).toBe(0);
  });

  it("moves our untouched action and effort with the status, and keeps what a person typed", () => {
    const edited = first.map((r) =>
      r.ID === "5.1" ? { ...r, Action: "Board to approve the policy set", "Effort (days)": 7 } : r
    );
    const { rows } = mergeRemediation(
      edited,
      [
        gap({ id: "8.8", owner: "Ops", status: "Non-Compliant", evidence: "Scans" }),
        gap({ id: "5.1", owner: "CISO", status: "Partially Compliant" }),
      ],
      new Set(),
      settings
    );
    const full = findControl("8.8")?.advice.effort as number;
    expect(row(rows, "8.8")).toMatchObject({
      Action: findControl("8.8")?.advice.missing,
      "Effort (days)": full,
      Cost: full * settings.dayRate,
      Start: row(first, "8.8").Start,
      Due: row(first, "8.8").Due,
      Finding: row(first, "8.8").Finding,
    });
    expect(row(rows, "5.1")).toMatchObject({
      Action: "Board to approve the policy set",
      "Effort (days)": 7,
      Cost: 7 * settings.dayRate, // still our cost: it follows the edited effort
    });
  });

  it("fills what older plans lack and replaces their boilerplate finding", () => {
    const old: RemediationRow[] = [
      {
        ID: "8.8",
        Source: "Annex A",
        Finding:
          'Non-Compliant: the control "Management of technical vulnerabilities" is not in place.',
        Action: "",
        Owner: "Ops",
        Start: MONDAY,
        Due: MONDAY + 30,
        Progress: "Not started",
        Phase: "Phase 1",
        "Effort (days)": null,
        Cost: 5000,
      },
      {
        ID: "5.1",
        Source: "Annex A",
        Finding: "Our own words",
        Owner: "CISO",
        Progress: "Not started",
      },
    ];
    const { rows } = plan(
      [
        gap({ id: "8.8", owner: "Ops", evidence: "Quarterly scan report" }),
        gap({ id: "5.1", owner: "CISO" }),
      ],
      old
    );
    expect(row(rows, "8.8")).toMatchObject({
      Action: findControl("8.8")?.advice.missing,
      "Effort (days)": findControl("8.8")?.advice.effort,
      Cost: 5000,
      Phase: "Phase 1",
      Start: MONDAY,
      Due: MONDAY + 30,
    });
    expect(row(rows, "8.8").Finding).toMatch(/^Evidence: Quarterly scan report — gap: /);
    expect(row(rows, "5.1").Finding).toBe("Our own words");
    // A kept row without dates is scheduled like a new one: Phase 2, so not due before Phase 1's
    // last action (8.8, due on MONDAY + 30), with its effort's length.
    const scheduled = row(rows, "5.1");
    expect(scheduled).toMatchObject({ Phase: "Phase 2", Due: MONDAY + 30 });
    expect(scheduled.Start).toBe(
      addWorkingDays(MONDAY + 30, -((scheduled["Effort (days)"] as number) - 1))
    );
  });
});
