/** How the Excel fake reads and writes structured references (Table[Column], [@Column], Table[[#Headers],[A]:[B]]). */
import { WorkbookState } from "./excel/state";
import { checkStructuredRefs, parseSpec, renderSpec } from "./excel/structuredRefs";

describe("parseSpec", () => {
  it("reads columns, special items, @ and column spans", () => {
    expect(parseSpec("Status")).toMatchObject({ items: [], columns: ["Status", "Status"] });
    expect(parseSpec("Gap score")).toMatchObject({ columns: ["Gap score", "Gap score"] });
    expect(parseSpec("#All")).toMatchObject({ items: ["#all"], columns: null });
    expect(parseSpec("[#This Row],[Status]")).toMatchObject({
      items: ["#this row"],
      columns: ["Status", "Status"],
      at: false,
    });
    expect(parseSpec("@Status")).toMatchObject({ items: ["#this row"], at: true });
    expect(parseSpec("@[Risk level]")).toMatchObject({ columns: ["Risk level", "Risk level"] });
    expect(parseSpec("[#Headers],[#Data],[ID]:[Status]")).toMatchObject({
      items: ["#headers", "#data"],
      columns: ["ID", "Status"],
    });
    expect(parseSpec("['#Items]")).toMatchObject({ columns: ["#Items", "#Items"] });
  });

  it("refuses what Excel refuses", () => {
    for (const bad of ["[ID],[Status]", "#Everything", "[Status],[#All]", "[#All],[#Data]", "[]"])
      expect(parseSpec(bad)).toBeNull();
  });

  it("renders back in the form it was written", () => {
    for (const text of [
      "[Status]",
      "[[Status]]",
      "[#All]",
      "[[#This Row],[Status]]",
      "[@Status]",
      "[@[Risk level]]",
      "[[#Headers],[ID]:[Status]]",
      "[['#Items]]",
    ])
      expect(renderSpec(parseSpec(text.slice(1, -1))!)).toBe(text);
  });
});

describe("checkStructuredRefs", () => {
  it("ignores external books, R1C1 text, quoted sheet names and string literals", () => {
    const wb = new WorkbookState(["S"]);
    for (const ok of [
      "=[1]Sheet1!A1",
      "=SUM('[Book.xlsx]Data'!A1:A3)",
      '=LEN("Clauses[Status]")',
      "=R[1]C",
    ])
      expect(() => checkStructuredRefs(wb, ok, null)).not.toThrow();
    expect(() => checkStructuredRefs(wb, "=SUM(Clauses[Status])", null)).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
  });
});
