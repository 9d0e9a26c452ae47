// 2013 -> 2022 mapping: all 114 rows, checked against ISO/IEC 27002:2022 Annex B in both directions.
import { CONTROLS } from "../../src/catalog/controls";
import { naturalIdCompare } from "../../src/catalog/ids";
import { MAPPING_2013 } from "../../src/catalog/mapping2013";

const CONTROL_IDS = new Set(CONTROLS.map((c) => c.id));
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

// Table B.1 direction (2022 -> 2013), typed independently of the data file so a slip in one
// direction shows up as a mismatch in the other.
const SOURCES_2022: Record<string, string[]> = {
  "5.1": ["5.1.1", "5.1.2"],
  "5.2": ["6.1.1"],
  "5.3": ["6.1.2"],
  "5.4": ["7.2.1"],
  "5.5": ["6.1.3"],
  "5.6": ["6.1.4"],
  "5.8": ["6.1.5", "14.1.1"],
  "5.9": ["8.1.1", "8.1.2"],
  "5.10": ["8.1.3", "8.2.3"],
  "5.11": ["8.1.4"],
  "5.12": ["8.2.1"],
  "5.13": ["8.2.2"],
  "5.14": ["13.2.1", "13.2.2", "13.2.3"],
  "5.15": ["9.1.1", "9.1.2"],
  "5.16": ["9.2.1"],
  "5.17": ["9.2.4", "9.3.1", "9.4.3"],
  "5.18": ["9.2.2", "9.2.5", "9.2.6"],
  "5.19": ["15.1.1"],
  "5.20": ["15.1.2"],
  "5.21": ["15.1.3"],
  "5.22": ["15.2.1", "15.2.2"],
  "5.24": ["16.1.1"],
  "5.25": ["16.1.4"],
  "5.26": ["16.1.5"],
  "5.27": ["16.1.6"],
  "5.28": ["16.1.7"],
  "5.29": ["17.1.1", "17.1.2", "17.1.3"],
  "5.31": ["18.1.1", "18.1.5"],
  "5.32": ["18.1.2"],
  "5.33": ["18.1.3"],
  "5.34": ["18.1.4"],
  "5.35": ["18.2.1"],
  "5.36": ["18.2.2", "18.2.3"],
  "5.37": ["12.1.1"],
  "6.1": ["7.1.1"],
  "6.2": ["7.1.2"],
  "6.3": ["7.2.2"],
  "6.4": ["7.2.3"],
  "6.5": ["7.3.1"],
  "6.6": ["13.2.4"],
  "6.7": ["6.2.2"],
  "6.8": ["16.1.2", "16.1.3"],
  "7.1": ["11.1.1"],
  "7.2": ["11.1.2", "11.1.6"],
  "7.3": ["11.1.3"],
  "7.5": ["11.1.4"],
  "7.6": ["11.1.5"],
  "7.7": ["11.2.9"],
  "7.8": ["11.2.1"],
  "7.9": ["11.2.6"],
  "7.10": ["8.3.1", "8.3.2", "8.3.3", "11.2.5"],
  "7.11": ["11.2.2"],
  "7.12": ["11.2.3"],
  "7.13": ["11.2.4"],
  "7.14": ["11.2.7"],
  "8.1": ["6.2.1", "11.2.8"],
  "8.2": ["9.2.3"],
  "8.3": ["9.4.1"],
  "8.4": ["9.4.5"],
  "8.5": ["9.4.2"],
  "8.6": ["12.1.3"],
  "8.7": ["12.2.1"],
  "8.8": ["12.6.1", "18.2.3"],
  "8.13": ["12.3.1"],
  "8.14": ["17.2.1"],
  "8.15": ["12.4.1", "12.4.2", "12.4.3"],
  "8.17": ["12.4.4"],
  "8.18": ["9.4.4"],
  "8.19": ["12.5.1", "12.6.2"],
  "8.20": ["13.1.1"],
  "8.21": ["13.1.2"],
  "8.22": ["13.1.3"],
  "8.24": ["10.1.1", "10.1.2"],
  "8.25": ["14.2.1"],
  "8.26": ["14.1.2", "14.1.3"],
  "8.27": ["14.2.5"],
  "8.29": ["14.2.8", "14.2.9"],
  "8.30": ["14.2.7"],
  "8.31": ["12.1.4", "14.2.6"],
  "8.32": ["12.1.2", "14.2.2", "14.2.3", "14.2.4"],
  "8.33": ["14.3.1"],
  "8.34": ["12.7.1"],
};

function row(iso2013: string) {
  return MAPPING_2013.find((m) => m.iso2013 === iso2013);
}

describe("MAPPING_2013", () => {
  it("has 114 rows with unique, well-formed 2013 ids in 2013 order", () => {
    expect(MAPPING_2013).toHaveLength(114);
    const ids = MAPPING_2013.map((m) => m.iso2013);
    expect(new Set(ids).size).toBe(114);
    for (const id of ids) expect(id).toMatch(/^A\.(?:[5-9]|1[0-8])\.\d+\.\d+$/);
    expect([...ids].sort(naturalIdCompare)).toEqual(ids);
    expect(ids[0]).toBe("A.5.1.1");
    expect(ids[113]).toBe("A.18.2.3");
  });

  it.each([
    ["A.5", 2],
    ["A.6", 7],
    ["A.7", 6],
    ["A.8", 10],
    ["A.9", 14],
    ["A.10", 2],
    ["A.11", 15],
    ["A.12", 14],
    ["A.13", 7],
    ["A.14", 13],
    ["A.15", 5],
    ["A.16", 7],
    ["A.17", 4],
    ["A.18", 8],
  ])("has the right number of controls in %s (%i)", (section, count) => {
    expect(MAPPING_2013.filter((m) => m.iso2013.startsWith(`${section}.`))).toHaveLength(count);
  });

  it("gives every row a title and at least one existing 2022 control", () => {
    for (const m of MAPPING_2013) {
      expect(m.title2013.trim()).not.toBe("");
      expect(m.iso2022.length).toBeGreaterThan(0);
      for (const id of m.iso2022) expect(CONTROL_IDS.has(id)).toBe(true);
    }
  });

  it("splits only A.18.2.3", () => {
    expect(MAPPING_2013.filter((m) => m.iso2022.length > 1).map((m) => m.iso2013)).toEqual([
      "A.18.2.3",
    ]);
  });

  it("reaches every 2022 control except exactly the 11 new ones", () => {
    const reached = new Set(MAPPING_2013.flatMap((m) => m.iso2022));
    const unreached = CONTROLS.map((c) => c.id).filter((id) => !reached.has(id));
    expect(unreached).toEqual(NEW_2022);
    expect(unreached).toEqual(CONTROLS.filter((c) => c.new).map((c) => c.id));
    expect(reached.size).toBe(82);
  });

  it("agrees with Table B.1 read in the other direction", () => {
    for (const c of CONTROLS) {
      const sources = MAPPING_2013.filter((m) => m.iso2022.includes(c.id)).map((m) => m.iso2013);
      expect([c.id, sources]).toEqual([c.id, (SOURCES_2022[c.id] ?? []).map((s) => `A.${s}`)]);
    }
  });

  // Rows that public mappings often get wrong.
  it.each([
    ["A.5.1.2", ["5.1"]],
    ["A.6.1.5", ["5.8"]],
    ["A.6.2.1", ["8.1"]],
    ["A.6.2.2", ["6.7"]],
    ["A.7.2.1", ["5.4"]],
    ["A.8.2.3", ["5.10"]],
    ["A.8.3.2", ["7.10"]],
    ["A.9.1.2", ["5.15"]],
    ["A.9.2.3", ["8.2"]],
    ["A.9.4.2", ["8.5"]],
    ["A.9.4.3", ["5.17"]],
    ["A.11.1.6", ["7.2"]],
    ["A.11.2.5", ["7.10"]],
    ["A.11.2.8", ["8.1"]],
    ["A.11.2.9", ["7.7"]],
    ["A.12.4.1", ["8.15"]],
    ["A.12.4.3", ["8.15"]],
    ["A.12.6.2", ["8.19"]],
    ["A.13.2.4", ["6.6"]],
    ["A.14.1.1", ["5.8"]],
    ["A.14.2.6", ["8.31"]],
    ["A.16.1.2", ["6.8"]],
    ["A.17.1.1", ["5.29"]],
    ["A.18.1.5", ["5.31"]],
    ["A.18.2.3", ["5.36", "8.8"]],
  ])("maps %s to %j", (iso2013, iso2022) => {
    expect(row(iso2013)?.iso2022).toEqual(iso2022);
  });

  it.each([
    ["A.6.2.1", "Mobile device policy"],
    ["A.9.2.3", "Management of privileged access rights"],
    ["A.12.4.4", "Clock synchronisation"],
    ["A.18.2.3", "Technical compliance review"],
  ])('titles %s "%s"', (iso2013, title) => {
    expect(row(iso2013)?.title2013).toBe(title);
  });
});
