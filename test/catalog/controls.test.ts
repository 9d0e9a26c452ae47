// Annex A: the 93 controls of 2022, their themes, titles, the 11 new ones and our own questions.
import { CLAUSES } from "../../src/catalog/clauses";
import { CONTROLS, THEMES, themeOf } from "../../src/catalog/controls";

const NEW_2022 = [
  "5.7",
  "5.23",
  "5.30",
  "7.4",
  "8.9",
  "8.10",
  "8.11",
  "8.12",
  "8.16",
  "8.23",
  "8.28",
];

function range(prefix: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`);
}

describe("CONTROLS", () => {
  it("holds 5.1-5.37, 6.1-6.8, 7.1-7.14 and 8.1-8.34 in order", () => {
    expect(CONTROLS).toHaveLength(93);
    expect(CONTROLS.map((c) => c.id)).toEqual([
      ...range(5, 37),
      ...range(6, 8),
      ...range(7, 14),
      ...range(8, 34),
    ]);
  });

  it.each([
    ["Organizational", 37],
    ["People", 8],
    ["Physical", 14],
    ["Technological", 34],
  ])("has %s controls: %i", (theme, count) => {
    expect(CONTROLS.filter((c) => c.theme === theme)).toHaveLength(count);
  });

  it("puts each control in the theme of its id prefix", () => {
    for (const c of CONTROLS) {
      const theme = THEMES.find((t) => t.id === Number(c.id.split(".")[0]));
      expect(c.theme).toBe(theme?.theme);
    }
  });

  it("flags exactly the 11 new controls", () => {
    expect(CONTROLS.filter((c) => c.new).map((c) => c.id)).toEqual(NEW_2022);
  });

  it("has unique ids and unique, non-empty titles", () => {
    expect(new Set(CONTROLS.map((c) => c.id)).size).toBe(93);
    expect(new Set(CONTROLS.map((c) => c.title)).size).toBe(93);
    for (const c of CONTROLS) expect(c.title.trim()).not.toBe("");
  });

  it.each([
    ["5.1", "Policies for information security"],
    ["5.7", "Threat intelligence"],
    ["5.9", "Inventory of information and other associated assets"],
    ["5.23", "Information security for use of cloud services"],
    ["5.30", "ICT readiness for business continuity"],
    ["5.37", "Documented operating procedures"],
    ["6.7", "Remote working"],
    ["6.8", "Information security event reporting"],
    ["7.4", "Physical security monitoring"],
    ["7.10", "Storage media"],
    ["8.1", "User end point devices"],
    ["8.5", "Secure authentication"],
    ["8.9", "Configuration management"],
    ["8.12", "Data leakage prevention"],
    ["8.16", "Monitoring activities"],
    ["8.20", "Networks security"],
    ["8.23", "Web filtering"],
    ["8.28", "Secure coding"],
    ["8.34", "Protection of information systems during audit testing"],
  ])('titles %s "%s"', (id, title) => {
    expect(CONTROLS.find((c) => c.id === id)?.title).toBe(title);
  });

  it("has a question and evidence for every control", () => {
    for (const c of CONTROLS) {
      expect(c.question.trim()).not.toBe("");
      expect(c.question).toContain("?");
      expect(c.question.length).toBeLessThanOrEqual(250);
      expect(c.evidence.trim()).not.toBe("");
    }
  });

  it("never repeats a question across clauses and controls", () => {
    const all = [...CLAUSES.map((c) => c.question), ...CONTROLS.map((c) => c.question)];
    const seen = new Map<string, number>();
    for (const q of all) seen.set(q, (seen.get(q) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
  });

  it("is written as our own checklist, not control text", () => {
    for (const c of CONTROLS) expect(`${c.question} ${c.evidence}`).not.toMatch(/\bshall\b/i);
  });

  it.each([
    ["5.1", "Policy"],
    ["5.24", "Procedural"],
    ["8.5", "Technical"],
    ["8.8", "Technical"],
    ["8.32", "Procedural"],
  ])("defaults %s to finding type %s", (id, type) => {
    expect(CONTROLS.find((c) => c.id === id)?.type).toBe(type);
  });

  it("uses only the three finding types, each at least once", () => {
    const types = new Set(CONTROLS.map((c) => c.type));
    expect([...types].sort()).toEqual(["Policy", "Procedural", "Technical"]);
  });
});

describe("THEMES", () => {
  it("lists the four themes with counts that match the controls and sum to 93", () => {
    expect(THEMES.map((t) => [t.id, t.theme, t.count])).toEqual([
      [5, "Organizational", 37],
      [6, "People", 8],
      [7, "Physical", 14],
      [8, "Technological", 34],
    ]);
    for (const t of THEMES)
      expect(CONTROLS.filter((c) => c.theme === t.theme)).toHaveLength(t.count);
  });

  it("themeOf reads the prefix and rejects ids outside 5-8", () => {
    expect(themeOf("5.23")).toBe("Organizational");
    expect(themeOf("8.34")).toBe("Technological");
    expect(themeOf("4.1")).toBeUndefined();
    expect(themeOf("")).toBeUndefined();
  });
});
