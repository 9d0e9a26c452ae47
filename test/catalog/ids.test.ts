// The id normaliser: every way people write ids, junk that must not read as one, natural order.
import fc from "fast-check";
import { CLAUSES } from "../../src/catalog/clauses";
import { CONTROLS } from "../../src/catalog/controls";
import { naturalIdCompare, normalizeControlId, parseId } from "../../src/catalog/ids";
import { MAPPING_2013 } from "../../src/catalog/mapping2013";
import type { IdMatch } from "../../src/catalog/types";

const control = (id: string): IdMatch => ({ kind: "control2022", id });
const clause = (id: string): IdMatch => ({ kind: "clause", id });
const old = (id: string): IdMatch => ({ kind: "control2013", id });

describe("parseId", () => {
  it.each<[unknown, IdMatch[]]>([
    // 2022 controls with an Annex A / control prefix
    ["A.5.1", [control("5.1")]],
    ["A5.1", [control("5.1")]],
    ["a.5.1", [control("5.1")]],
    ["A 5.1", [control("5.1")]],
    ["A. 5.1", [control("5.1")]],
    ["Annex A 5.1", [control("5.1")]],
    ["Annex A.5.1", [control("5.1")]],
    ["annex a: 8.34", [control("8.34")]],
    ["Control 5.1", [control("5.1")]],
    ["Ctrl. 5.1", [control("5.1")]],
    ["Control A.8.23", [control("8.23")]],
    ["A.5.10", [control("5.10")]],
    // leading zeros go, 5.10 stays 5.10
    ["5.01", [clause("5.1"), control("5.1")]],
    ["A.05.01", [control("5.1")]],
    ["5.10", [control("5.10")]],
    ["A.8.09", [control("8.9")]],
    // clauses
    ["Clause 6.1.2", [clause("6.1.2")]],
    ["clause 9.3.3", [clause("9.3.3")]],
    ["§ 6.1.2", [clause("6.1.2")]],
    ["§6.1.2", [clause("6.1.2")]],
    ["Clause 5.1", [clause("5.1")]],
    ["4.1", [clause("4.1")]],
    ["10.2", [clause("10.2")]],
    ["7.5.3", [clause("7.5.3")]],
    // 2013 controls
    ["A.12.6.1", [old("A.12.6.1")]],
    ["A.6.1.2", [old("A.6.1.2")]],
    ["a.18.2.3", [old("A.18.2.3")]],
    ["12.6.1", [old("A.12.6.1")]],
    ["5.1.1", [old("A.5.1.1")]],
    // ambiguous: clause first
    ["6.1.2", [clause("6.1.2"), old("A.6.1.2")]],
    ["9.2.1", [clause("9.2.1"), old("A.9.2.1")]],
    ["5.1", [clause("5.1"), control("5.1")]],
    ["8.1", [clause("8.1"), control("8.1")]],
    // ids followed by text, stray spaces, trailing dots
    ["A.9.2.3 Management of privileged access rights", [old("A.9.2.3")]],
    ["5.1 - Policies for information security", [clause("5.1"), control("5.1")]],
    ["A.5.1 – Policies", [control("5.1")]],
    ["5.1: Policies", [clause("5.1"), control("5.1")]],
    ["A.5.1. Policies", [control("5.1")]],
    ["5.1.", [clause("5.1"), control("5.1")]],
    ["A.8.34.", [control("8.34")]],
    ["  A.5.1  ", [control("5.1")]],
    ["\u00a0A.5.1\u00a0", [control("5.1")]],
    ["\u200bA.5.1", [control("5.1")]],
    ["Annex\u00a0A\u00a05.1", [control("5.1")]],
    ["(A.5.1)", [control("5.1")]],
    ["ISO 27001:2022 A.8.34", [control("8.34")]],
    // numbers from cells
    [5.1, [clause("5.1"), control("5.1")]],
    [8.34, [control("8.34")]],
    [6.1, [control("6.1")]],
  ])("reads %j", (raw, expected) => {
    expect(parseId(raw)).toEqual(expected);
  });

  it.each<[unknown]>([
    [""],
    ["   "],
    [null],
    [undefined],
    [true],
    [NaN],
    [Infinity],
    [5],
    [{}],
    [["5.1"]],
    [new Date(2024, 4, 1)],
    ["Yes"],
    ["N/A"],
    ["A.99.1"],
    ["A.5.38"],
    ["8.35"],
    ["4.5"],
    ["11.1"],
    ["A.4.1"],
    ["A.12.6"],
    ["A.19.1.1"],
    ["Control objective"],
    ["Control"],
    ["Annex A"],
    ["Clause A.5.1"],
    ["Clause 12.6.1"],
    ["Classification"],
    ["5.1a"],
    ["5.1.2.3"],
    ["5,1"],
    ["2024-05-01"],
    ["01.05.2024"],
    ["1.5.2024"],
    ["05/01/2024"],
    ["12.06.21"],
    [45413],
    ["=A.5.1"],
  ])("returns [] for %j", (raw) => {
    expect(parseId(raw)).toEqual([]);
  });

  it("reads every catalog id back as itself", () => {
    for (const c of CLAUSES) expect(parseId(`Clause ${c.id}`)).toEqual([clause(c.id)]);
    for (const c of CONTROLS) expect(parseId(`A.${c.id}`)).toEqual([control(c.id)]);
    for (const m of MAPPING_2013) expect(parseId(m.iso2013)).toEqual([old(m.iso2013)]);
  });

  it("never throws and only returns ids that exist in the catalog", () => {
    const known = new Set([
      ...CLAUSES.map((c) => `clause:${c.id}`),
      ...CONTROLS.map((c) => `control2022:${c.id}`),
      ...MAPPING_2013.map((m) => `control2013:${m.iso2013}`),
    ]);
    const idLike = fc
      .tuple(
        fc.constantFrom("", "A.", "a", "Annex A ", "Control ", "Clause ", "§ ", " ", "\u00a0"),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom("", ".", " - Title", ":", "x", ".5")
      )
      .map(([p, parts, s]) => `${p}${parts.join(".")}${s}`);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), idLike), (raw) => {
        const matches = parseId(raw);
        for (const m of matches) expect(known.has(`${m.kind}:${m.id}`)).toBe(true);
        expect(new Set(matches.map((m) => `${m.kind}:${m.id}`)).size).toBe(matches.length);
      }),
      { numRuns: 2000 }
    );
  });
});

describe("normalizeControlId", () => {
  it.each<[unknown, string | null]>([
    ["A.5.1", "5.1"],
    ["5.1", "5.1"],
    ["Control 5.10", "5.10"],
    ["a8.1 User end point devices", "8.1"],
    [" A.05.07 ", "5.7"],
    [8.34, "8.34"],
    ["Clause 5.1", null],
    ["6.1.2", null],
    ["A.12.6.1", null],
    ["4.1", null],
    ["A.99.1", null],
    ["", null],
    [null, null],
    ["Yes", null],
  ])("normalizes %j to %j", (raw, expected) => {
    expect(normalizeControlId(raw)).toBe(expected);
  });
});

describe("naturalIdCompare", () => {
  it("orders numerically, part by part", () => {
    expect(naturalIdCompare("5.2", "5.10")).toBeLessThan(0);
    expect(naturalIdCompare("5.10", "5.2")).toBeGreaterThan(0);
    expect(naturalIdCompare("6.1.2", "6.2")).toBeLessThan(0);
    expect(naturalIdCompare("6.1", "6.1.2")).toBeLessThan(0);
    expect(naturalIdCompare("9.3.3", "10.1")).toBeLessThan(0);
    expect(naturalIdCompare("5.1", "5.1")).toBe(0);
  });

  it("works with A. prefixes", () => {
    expect(naturalIdCompare("A.5.2", "A.5.10")).toBeLessThan(0);
    expect(naturalIdCompare("A.9.4.5", "A.10.1.1")).toBeLessThan(0);
    expect(naturalIdCompare("A.12.6.1", "A.5.1.1")).toBeGreaterThan(0);
    expect(naturalIdCompare("A.5.2", "5.10")).toBeLessThan(0);
  });

  it("sorts a shuffled catalog back into standard order", () => {
    const ids = CONTROLS.map((c) => c.id);
    const shuffled = [...ids].reverse();
    expect(shuffled.sort(naturalIdCompare)).toEqual(ids);
    const clauses = CLAUSES.map((c) => c.id);
    expect([...clauses].reverse().sort(naturalIdCompare)).toEqual(clauses);
  });

  it("is antisymmetric", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(Math.sign(naturalIdCompare(a, b))).toBe(-Math.sign(naturalIdCompare(b, a)) || 0);
      })
    );
  });
});
