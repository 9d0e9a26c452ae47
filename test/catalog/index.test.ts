// Catalog entry point: lookups by any id spelling and the JSON contract printed by the CLI.
import {
  catalogJson,
  CLAUSES,
  CONTROLS,
  controlsFrom2013,
  DOCUMENTS,
  findClause,
  findControl,
  MAPPING_2013,
  sourcesOf2022,
} from "../../src/catalog";

describe("lookups", () => {
  it("findClause accepts canonical and typed ids", () => {
    expect(findClause("6.1.2")?.title).toBe("Information security risk assessment");
    expect(findClause("Clause 10.2")?.id).toBe("10.2");
    expect(findClause("§ 9.3.3")?.id).toBe("9.3.3");
    expect(findClause("A.5.1")).toBeUndefined();
    expect(findClause("11.1")).toBeUndefined();
    expect(findClause(null)).toBeUndefined();
  });

  it("findControl accepts canonical and prefixed ids", () => {
    expect(findControl("8.28")?.title).toBe("Secure coding");
    expect(findControl("A.5.23")?.new).toBe(true);
    expect(findControl("Control 5.01")?.id).toBe("5.1");
    expect(findControl("Clause 5.1")).toBeUndefined();
    expect(findControl("A.12.6.1")).toBeUndefined();
    expect(findControl("9.9")).toBeUndefined();
  });

  it("controlsFrom2013 returns the 2022 ids, with or without the A. prefix", () => {
    expect(controlsFrom2013("A.18.2.3")).toEqual(["5.36", "8.8"]);
    expect(controlsFrom2013("12.6.1")).toEqual(["8.8"]);
    expect(controlsFrom2013("6.1.2")).toEqual(["5.3"]);
    expect(controlsFrom2013("A.99.1.1")).toEqual([]);
    expect(controlsFrom2013("5.1")).toEqual([]);
  });

  it("controlsFrom2013 hands out a copy", () => {
    controlsFrom2013("A.5.1.1").push("8.99");
    expect(controlsFrom2013("A.5.1.1")).toEqual(["5.1"]);
  });

  it("sourcesOf2022 lists the 2013 rows behind a control", () => {
    expect(sourcesOf2022("8.8").map((m) => m.iso2013)).toEqual(["A.12.6.1", "A.18.2.3"]);
    expect(sourcesOf2022("A.7.10").map((m) => m.iso2013)).toEqual([
      "A.8.3.1",
      "A.8.3.2",
      "A.8.3.3",
      "A.11.2.5",
    ]);
    expect(sourcesOf2022("5.7")).toEqual([]);
    expect(sourcesOf2022("nonsense")).toEqual([]);
  });
});

describe("catalogJson", () => {
  const json = catalogJson();

  it("has exactly the four sections in order", () => {
    expect(Object.keys(json)).toEqual(["clauses", "controls", "mapping2013", "documents"]);
  });

  it("gives each entry exactly the contracted keys, in order", () => {
    for (const c of json.clauses)
      expect(Object.keys(c)).toEqual(["id", "parent", "title", "question", "evidence"]);
    for (const c of json.controls) {
      expect(Object.keys(c)).toEqual([
        "id",
        "theme",
        "title",
        "new",
        "question",
        "evidence",
        "type",
      ]);
    }
    for (const m of json.mapping2013) expect(Object.keys(m)).toEqual(["iso2013", "iso2022"]);
    for (const d of json.documents) expect(Object.keys(d)).toEqual(["id", "title", "clause"]);
  });

  it("carries the whole catalog", () => {
    expect(json.clauses).toHaveLength(CLAUSES.length);
    expect(json.controls).toHaveLength(CONTROLS.length);
    expect(json.mapping2013).toHaveLength(MAPPING_2013.length);
    expect(json.documents).toHaveLength(DOCUMENTS.length);
    expect(json.mapping2013[0]).toEqual({ iso2013: "A.5.1.1", iso2022: ["5.1"] });
    expect(json.controls.find((c) => c.id === "8.16")).toMatchObject({
      theme: "Technological",
      new: true,
    });
  });

  it("survives a JSON round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("cannot be used to change the catalog", () => {
    catalogJson().mapping2013[0].iso2022.push("8.99");
    expect(MAPPING_2013[0].iso2022).toEqual(["5.1"]);
  });
});
