// The catalog's remediation advice: an action for a partial and for a missing item, and a default
// effort, on every clause and control; the foundations and prerequisites the plan schedules by.
import { CLAUSES, CONTROLS, findClause } from "../../src/catalog";
import {
  CLAUSE_ADVICE,
  CLAUSE_PREREQUISITES,
  CONTROL_ADVICE,
  FOUNDATION_CLAUSES,
} from "../../src/catalog/actions";

const items = [
  ...CLAUSES.map((c) => ({ what: `clause ${c.id}`, ...c })),
  ...CONTROLS.map((c) => ({ what: `control ${c.id}`, ...c })),
];

describe("remediation advice", () => {
  it("exists for exactly the catalog's clauses and controls", () => {
    expect(Object.keys(CLAUSE_ADVICE).sort()).toEqual(CLAUSES.map((c) => c.id).sort());
    expect(Object.keys(CONTROL_ADVICE).sort()).toEqual(CONTROLS.map((c) => c.id).sort());
    for (const item of items) expect(item.advice).toBeDefined();
  });

  it.each(items.map((i) => [i.what, i] as const))(
    "%s: two different actions, written as sentences, and a plausible effort",
    (_, item) => {
      const { partial, missing, effort } = item.advice;
      for (const text of [partial, missing]) {
        expect(text).toMatch(/^[A-Z][^\n]{30,}\.$/);
        // Fits a plan cell and an Excel input message comfortably.
        expect(text.length).toBeLessThanOrEqual(160);
        // Our own words: the catalog's audit question or evidence hint is not repeated.
        expect(text).not.toContain(item.question.slice(0, 40));
        expect(text).not.toContain(item.evidence.slice(0, 40));
      }
      expect(partial).not.toBe(missing);
      expect(effort).toBeGreaterThanOrEqual(1);
      expect(effort).toBeLessThanOrEqual(20);
      expect(effort * 2).toBe(Math.round(effort * 2)); // whole or half days
    }
  );

  it("words every action differently, so a plan never shows the same line for two gaps", () => {
    const texts = items.flatMap((i) => [i.advice.partial, i.advice.missing]);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("costs more to build a technical control than to write a policy, on average", () => {
    const mean = (type: string): number => {
      const efforts = items.filter((i) => i.type === type).map((i) => i.advice.effort);
      return efforts.reduce((a, b) => a + b, 0) / efforts.length;
    };
    expect(mean("Technical")).toBeGreaterThan(mean("Policy"));
  });
});

describe("foundations and prerequisites", () => {
  it("marks scope, policy, roles and the risk method as foundations", () => {
    expect(CLAUSES.filter((c) => c.foundation).map((c) => c.id)).toEqual([...FOUNDATION_CLAUSES]);
    for (const id of ["4.3", "5.2", "6.1.2", "6.1.3"])
      expect(findClause(id)?.foundation).toBe(true);
    expect(findClause("9.2.2")?.foundation).toBe(false);
  });

  it("names only real clauses as prerequisites, without a circle", () => {
    for (const [id, before] of Object.entries(CLAUSE_PREREQUISITES)) {
      expect(findClause(id)?.after).toEqual(before);
      for (const b of before) expect(findClause(b)?.id).toBe(b);
    }
    const depth = (id: string, seen: string[] = []): number => {
      if (seen.includes(id)) throw new Error(`circle: ${[...seen, id].join(" → ")}`);
      const after = findClause(id)?.after ?? [];
      return after.length === 0 ? 0 : 1 + Math.max(...after.map((b) => depth(b, [...seen, id])));
    };
    for (const c of CLAUSES) expect(depth(c.id)).toBeLessThanOrEqual(3);
    expect(findClause("6.1.3")?.after).toEqual(["6.1.2"]);
    expect(findClause("4.1")?.after).toEqual([]);
  });
});
