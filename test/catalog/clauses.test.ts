// Clauses 4-10: the exact 30 leaf requirements, their published titles and our own questions.
import { CLAUSE_PARENTS, CLAUSES } from "../../src/catalog/clauses";

const LEAF_IDS = [
  "4.1",
  "4.2",
  "4.3",
  "4.4",
  "5.1",
  "5.2",
  "5.3",
  "6.1.1",
  "6.1.2",
  "6.1.3",
  "6.2",
  "6.3",
  "7.1",
  "7.2",
  "7.3",
  "7.4",
  "7.5.1",
  "7.5.2",
  "7.5.3",
  "8.1",
  "8.2",
  "8.3",
  "9.1",
  "9.2.1",
  "9.2.2",
  "9.3.1",
  "9.3.2",
  "9.3.3",
  "10.1",
  "10.2",
];

describe("CLAUSES", () => {
  it("holds exactly the 30 leaf clauses in standard order", () => {
    expect(CLAUSES).toHaveLength(30);
    expect(CLAUSES.map((c) => c.id)).toEqual(LEAF_IDS);
  });

  it("has unique ids", () => {
    expect(new Set(CLAUSES.map((c) => c.id)).size).toBe(CLAUSES.length);
  });

  it("sets parent to the top-level clause of the id", () => {
    for (const c of CLAUSES) expect(c.parent).toBe(Number(c.id.split(".")[0]));
  });

  it.each([
    ["4.1", "Understanding the organization and its context"],
    ["4.2", "Understanding the needs and expectations of interested parties"],
    ["4.3", "Determining the scope of the information security management system"],
    ["5.1", "Leadership and commitment"],
    ["5.3", "Organizational roles, responsibilities and authorities"],
    ["6.1.2", "Information security risk assessment"],
    ["6.2", "Information security objectives and planning to achieve them"],
    ["6.3", "Planning of changes"],
    ["6.1.1", "General: planning for ISMS risks and opportunities"],
    ["7.5.1", "General: documented information the ISMS needs"],
    ["7.5.2", "Creating and updating"],
    ["7.5.3", "Control of documented information"],
    ["8.1", "Operational planning and control"],
    ["9.1", "Monitoring, measurement, analysis and evaluation"],
    ["9.2.1", "General: internal audits of the ISMS"],
    ["9.3.1", "General: top management reviews the ISMS"],
    ["9.2.2", "Internal audit programme"],
    ["9.3.2", "Management review inputs"],
    ["9.3.3", "Management review results"],
    ["10.1", "Continual improvement"],
    ["10.2", "Nonconformity and corrective action"],
  ])('titles %s "%s"', (id, title) => {
    expect(CLAUSES.find((c) => c.id === id)?.title).toBe(title);
  });

  it('says what each general sub-clause is about: no title is a bare "General"', () => {
    // The published title of 6.1.1, 7.5.1, 9.2.1 and 9.3.1 is "General", which tells a reader of
    // the Summary, the plan or the report nothing: we keep it and add our own few words.
    const general = CLAUSES.filter((c) => /^general\b/i.test(c.title));
    expect(general.map((c) => c.id)).toEqual(["6.1.1", "7.5.1", "9.2.1", "9.3.1"]);
    for (const c of general) expect(c.title).toMatch(/^General: \S.{5,60}$/);
    expect(new Set(general.map((c) => c.title)).size).toBe(general.length);
  });

  it("has non-empty title, question and evidence everywhere", () => {
    for (const c of CLAUSES) {
      expect(c.title.trim()).not.toBe("");
      expect(c.question.trim()).not.toBe("");
      expect(c.evidence.trim()).not.toBe("");
    }
  });

  it("asks short, distinct questions", () => {
    for (const c of CLAUSES) {
      expect(c.question.length).toBeLessThanOrEqual(250);
      expect(c.question).toContain("?");
    }
    expect(new Set(CLAUSES.map((c) => c.question)).size).toBe(CLAUSES.length);
  });

  it("uses a valid finding type", () => {
    for (const c of CLAUSES) expect(["Policy", "Procedural", "Technical"]).toContain(c.type);
  });

  it("carries the 2024 climate question on 4.1 and 4.2 only", () => {
    const withClimate = CLAUSES.filter((c) => c.climateQuestion !== undefined).map((c) => c.id);
    expect(withClimate).toEqual(["4.1", "4.2"]);
    for (const c of CLAUSES.filter((x) => x.climateQuestion)) {
      expect(c.climateQuestion).toMatch(/climate/i);
      expect(c.climateQuestion).not.toBe(c.question);
      expect(c.climateQuestion!.length).toBeLessThanOrEqual(250);
    }
  });

  it("is written as our own checklist, not requirement text", () => {
    // "shall" is the standard's voice; our questions never use it.
    for (const c of CLAUSES) {
      expect(`${c.question} ${c.evidence} ${c.climateQuestion ?? ""}`).not.toMatch(/\bshall\b/i);
    }
  });
});

describe("CLAUSE_PARENTS", () => {
  it("lists clauses 4-10 with their titles", () => {
    expect(CLAUSE_PARENTS).toEqual([
      { id: 4, title: "Context of the organization" },
      { id: 5, title: "Leadership" },
      { id: 6, title: "Planning" },
      { id: 7, title: "Support" },
      { id: 8, title: "Operation" },
      { id: 9, title: "Performance evaluation" },
      { id: 10, title: "Improvement" },
    ]);
  });

  it("has at least one leaf under every parent, and no leaf without a parent", () => {
    const parents = CLAUSE_PARENTS.map((p) => p.id);
    for (const p of parents) expect(CLAUSES.some((c) => c.parent === p)).toBe(true);
    for (const c of CLAUSES) expect(parents).toContain(c.parent);
  });
});
