// Mandatory documented information: every clause item present, linked to a real catalog id.
import { CLAUSES } from "../../src/catalog/clauses";
import { CONTROLS } from "../../src/catalog/controls";
import { DOCUMENTS } from "../../src/catalog/documents";

const CLAUSE_IDS = new Set(CLAUSES.map((c) => c.id));
const CONTROL_IDS = new Set(CONTROLS.map((c) => c.id));

function byId(id: string) {
  return DOCUMENTS.find((d) => d.id === id);
}

describe("DOCUMENTS", () => {
  it("has unique slug ids and non-empty titles", () => {
    expect(new Set(DOCUMENTS.map((d) => d.id)).size).toBe(DOCUMENTS.length);
    for (const d of DOCUMENTS) {
      expect(d.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(d.title.trim()).not.toBe("");
    }
    expect(new Set(DOCUMENTS.map((d) => d.title)).size).toBe(DOCUMENTS.length);
  });

  it("links every item to an existing clause or 2022 control", () => {
    for (const d of DOCUMENTS)
      expect(CLAUSE_IDS.has(d.clause) || CONTROL_IDS.has(d.clause)).toBe(true);
  });

  it("uses only Document and Record kinds", () => {
    for (const d of DOCUMENTS) expect(["Document", "Record"]).toContain(d.kind);
  });

  it.each([
    ["isms-scope", "4.3", "Document"],
    ["security-policy", "5.2", "Document"],
    ["risk-assessment-process", "6.1.2", "Document"],
    ["risk-treatment-process", "6.1.3", "Document"],
    ["statement-of-applicability", "6.1.3", "Document"],
    ["risk-treatment-plan", "6.1.3", "Document"],
    ["security-objectives", "6.2", "Document"],
    ["competence-evidence", "7.2", "Record"],
    ["additional-documents", "7.5.1", "Document"],
    ["operational-control", "8.1", "Record"],
    ["risk-assessment-results", "8.2", "Record"],
    ["risk-treatment-results", "8.3", "Record"],
    ["monitoring-results", "9.1", "Record"],
    ["audit-programme", "9.2.2", "Record"],
    ["audit-results", "9.2.2", "Record"],
    ["management-review-results", "9.3.3", "Record"],
    ["corrective-actions", "10.2", "Record"],
  ])("includes the mandatory item %s (%s, %s)", (id, clause, kind) => {
    expect(byId(id)).toMatchObject({ clause, kind });
  });

  it("covers every clause that demands documented information", () => {
    const clauses = new Set(DOCUMENTS.map((d) => d.clause));
    for (const id of [
      "4.3",
      "5.2",
      "6.1.2",
      "6.1.3",
      "6.2",
      "7.2",
      "7.5.1",
      "8.1",
      "8.2",
      "8.3",
      "9.1",
      "9.2.2",
      "9.3.3",
      "10.2",
    ]) {
      expect(clauses.has(id)).toBe(true);
    }
  });

  it("includes the commonly required Annex A documents", () => {
    const controls = new Set(DOCUMENTS.map((d) => d.clause));
    for (const id of ["5.9", "5.10", "5.15", "5.26", "5.31", "5.37"])
      expect(controls.has(id)).toBe(true);
  });

  it("mentions the Statement of Applicability by name", () => {
    expect(byId("statement-of-applicability")?.title).toMatch(/Statement of Applicability/);
  });
});
