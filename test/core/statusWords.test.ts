import { STATUSES } from "../../src/core/scale";
import type { SheetSnapshot } from "../../src/core/snapshot";
import {
  APPLICABILITY_WORDS,
  builtInStatusEntries,
  foldWord,
  readStatusWordsTable,
  statusWordReader,
  STATUS_WORDS,
} from "../../src/core/statusWords";

const reader = statusWordReader();
const status = (word: string, context?: Parameters<typeof reader.readStatus>[1]) => {
  const r = reader.readStatus(word, context);
  return r.kind === "status" ? r.status : r.kind;
};
const applicable = (word: string) => {
  const r = reader.readApplicability(word);
  return r.kind === "applicability" ? r.applicable : r.kind;
};

describe("foldWord", () => {
  it("trims, lower-cases, drops accents and trailing punctuation, reads _ and - as spaces", () => {
    expect(foldWord("  Částečně ")).toBe("castecne");
    expect(foldWord("Όχι")).toBe("οχι");
    expect(foldWord("partially_implemented")).toBe("partially implemented");
    expect(foldWord("Non-Compliant")).toBe("non compliant");
    expect(foldWord("En place?")).toBe("en place");
    expect(foldWord("ΛΟΓΟΙ ΕΞΑΙΡΕΣΗΣ")).toBe("λογοι εξαιρεσησ");
  });
});

describe("built-in tables", () => {
  it("never list one word under two statuses", () => {
    const seen = new Map<string, string>();
    for (const [word, s] of builtInStatusEntries()) {
      expect([word, seen.get(word) ?? s]).toEqual([word, s]);
      seen.set(word, s);
    }
  });

  it("never list one applicability word as both applicable and not applicable", () => {
    const yes = new Set(
      Object.values(APPLICABILITY_WORDS.applicable)
        .flat()
        .map((w) => foldWord(w as string))
    );
    const no = Object.values(APPLICABILITY_WORDS.notApplicable)
      .flat()
      .map((w) => foldWord(w as string));
    expect(no.filter((w) => yes.has(w))).toEqual([]);
  });

  it("cover every status in all nine languages", () => {
    for (const s of STATUSES)
      expect(Object.keys(STATUS_WORDS[s]).sort()).toEqual([
        "cs",
        "de",
        "el",
        "en",
        "es",
        "fr",
        "it",
        "nl",
        "pt",
      ]);
  });
});

describe("readStatus", () => {
  it.each([
    ["Yes", "Compliant"],
    ["Met", "Compliant"],
    ["Implemented", "Compliant"],
    ["Fully", "Compliant"],
    ["Done", "Compliant"],
    ["compliant", "Compliant"],
    ["Partial", "Partially Compliant"],
    ["Partly", "Partially Compliant"],
    ["In progress", "Partially Compliant"],
    ["Partially implemented", "Partially Compliant"],
    ["No", "Non-Compliant"],
    ["Not met", "Non-Compliant"],
    ["Not implemented", "Non-Compliant"],
    ["Gap", "Non-Compliant"],
    ["Missing", "Non-Compliant"],
    ["N/A", "Not Applicable"],
    ["Not applicable", "Not Applicable"],
    ["Excluded", "Not Applicable"],
    ["Not Assessed", "Not Assessed"],
    ["Non-Compliant", "Non-Compliant"],
    ["Partially Compliant", "Partially Compliant"],
  ])("English %s → %s", (word, expected) => expect(status(word)).toBe(expected));

  it.each([
    ["partially_implemented", "Partially Compliant"],
    ["not_applicable", "Not Applicable"],
    ["implemented", "Compliant"],
    ["not_implemented", "Non-Compliant"],
    ["fully_implemented", "Compliant"],
    ["n/a", "Not Applicable"],
    ["in_progress", "Partially Compliant"],
  ])("snake_case %s → %s", (word, expected) => expect(status(word)).toBe(expected));

  it.each([
    ["Ja", "Compliant"],
    ["teilweise umgesetzt", "Partially Compliant"],
    ["Nein", "Non-Compliant"],
    ["nicht anwendbar", "Not Applicable"],
    ["Oui", "Compliant"],
    ["Partiellement", "Partially Compliant"],
    ["Non", "Non-Compliant"],
    ["Non applicable", "Not Applicable"],
    ["Sí", "Compliant"],
    ["si", "Compliant"],
    ["En curso", "Partially Compliant"],
    ["No aplica", "Not Applicable"],
    ["Sì", "Compliant"],
    ["Parzialmente", "Partially Compliant"],
    ["Non applicabile", "Not Applicable"],
    ["Nee", "Non-Compliant"],
    ["Gedeeltelijk", "Partially Compliant"],
    ["Niet van toepassing", "Not Applicable"],
    ["Sim", "Compliant"],
    ["Não", "Non-Compliant"],
    ["nao", "Non-Compliant"],
    ["Não aplicável", "Not Applicable"],
    ["Ano", "Compliant"],
    ["Částečně", "Partially Compliant"],
    ["castecne", "Partially Compliant"],
    ["Ne", "Non-Compliant"],
    ["Ναι", "Compliant"],
    ["Όχι", "Non-Compliant"],
    ["ΟΧΙ", "Non-Compliant"],
    ["Μερικώς", "Partially Compliant"],
  ])("other languages: %s → %s", (word, expected) => expect(status(word)).toBe(expected));

  it("ignores case and surrounding spaces", () => {
    expect(status("  YES  ")).toBe("Compliant");
    expect(status("Yes ")).toBe("Compliant");
    expect(status("pArTiAlLy CoMpLiAnT")).toBe("Partially Compliant");
  });

  it("reads blank as blank (Not Assessed is decided by the caller)", () => {
    expect(reader.readStatus("")).toEqual({ kind: "blank" });
    expect(reader.readStatus("   ")).toEqual({ kind: "blank" });
    expect(reader.readStatus(null)).toEqual({ kind: "blank" });
  });

  it("reports unknown words as they were written, never guessing", () => {
    expect(reader.readStatus(" Yes, mostly ")).toEqual({ kind: "unknown", word: "Yes, mostly" });
    expect(reader.readStatus("Maybe")).toEqual({ kind: "unknown", word: "Maybe" });
  });

  it("does not read a Greek capital chi tick mark, or a Latin X, as a status", () => {
    expect(reader.readStatus("Χ").kind).toBe("unknown");
    expect(reader.readStatus("X").kind).toBe("unknown");
    expect(reader.readStatus("x").kind).toBe("unknown");
  });

  it("reads single letters and ticks only where the column allows them", () => {
    expect(status("Y")).toBe("Compliant");
    expect(status("n")).toBe("Non-Compliant");
    expect(status("✓")).toBe("Compliant");
    expect(reader.readStatus("Y", { letters: false }).kind).toBe("unknown");
    expect(reader.readStatus("N", { letters: false }).kind).toBe("unknown");
  });

  it("reads percentages by thresholds (defaults: 100 % Compliant, ≥ 1 % partial, 0 % non-compliant)", () => {
    expect(status("100%")).toBe("Compliant");
    expect(status("75 %")).toBe("Partially Compliant");
    expect(status("0%")).toBe("Non-Compliant");
    expect(status("75", { numbers: "percent" })).toBe("Partially Compliant");
    expect(reader.readStatus("75%", { numbers: "none" }).kind).toBe("unknown");
  });

  it("reads maturity levels 0–5 by thresholds (defaults: 3+ Compliant, 1–2 partial, 0 non-compliant)", () => {
    expect(status("0")).toBe("Non-Compliant");
    expect(status("2")).toBe("Partially Compliant");
    expect(status("3")).toBe("Compliant");
    expect(status("Level 5")).toBe("Compliant");
    expect(status("4/5")).toBe("Compliant");
    expect(reader.readStatus("7").kind).toBe("unknown");
    expect(reader.readStatus("3", { numbers: "none" }).kind).toBe("unknown");
  });

  it("takes configured thresholds", () => {
    const strict = statusWordReader({
      percent: { compliantMin: 90, partialMin: 50 },
      maturity: { compliantMin: 4, partialMin: 2 },
    });
    expect(strict.readStatus("95%")).toMatchObject({ status: "Compliant", via: "percent" });
    expect(strict.readStatus("40%")).toMatchObject({ status: "Non-Compliant" });
    expect(strict.readStatus("3")).toMatchObject({
      status: "Partially Compliant",
      via: "maturity",
    });
    expect(strict.readStatus("1")).toMatchObject({ status: "Non-Compliant" });
  });

  it("lets the user table add and override words", () => {
    const mine = statusWordReader({
      extraWords: {
        Yep: "Compliant",
        "Done-ish": "Partially Compliant",
        done: "Partially Compliant",
        bad: "Nonsense" as never,
      },
    });
    expect(mine.readStatus("yep")).toEqual({ kind: "status", status: "Compliant", via: "user" });
    expect(mine.readStatus("DONE ISH")).toMatchObject({ status: "Partially Compliant" });
    expect(mine.readStatus("Done")).toMatchObject({ status: "Partially Compliant", via: "user" });
    expect(mine.readStatus("bad").kind).toBe("unknown");
    const fromMap = statusWordReader({ extraWords: new Map([["Χ", "Compliant" as const]]) });
    expect(fromMap.readStatus("Χ")).toMatchObject({ status: "Compliant" });
  });
});

describe("readApplicability", () => {
  it.each([
    ["Yes", true],
    ["No", false],
    ["Applicable", true],
    ["Excluded", false],
    ["applicable", true],
    ["not_applicable", false],
    ["Oui", true],
    ["Non", false],
    ["Ano", true],
    ["Ne", false],
    ["Ναι", true],
    ["Όχι", false],
    ["Ja", true],
    ["Nein", false],
    ["Y", true],
    ["n", false],
    ["N/A", false],
  ])("%s → %s", (word, expected) => expect(applicable(word)).toBe(expected));

  it("reports unknown applicability words", () => {
    expect(reader.readApplicability("Implemented")).toEqual({
      kind: "unknown",
      word: "Implemented",
    });
    expect(reader.readApplicability("Χ").kind).toBe("unknown");
    expect(reader.readApplicability("").kind).toBe("blank");
  });
});

describe("readStatusWordsTable", () => {
  const sheet = (rows: (string | null)[][]): SheetSnapshot => ({
    name: "Settings",
    origin: { row: 0, col: 0 },
    values: rows,
    text: rows.map((r) => r.map((v) => v ?? "")),
    formulas: rows.map((r) => r.map(() => null)),
  });

  it('reads word → status pairs under a "Status words" title and reports bad statuses', () => {
    const { words, problems } = readStatusWordsTable(
      sheet([
        ["Weights", null, null],
        [null, null, null],
        ["Status words", null, null],
        ["Word", "Status", null],
        ["Yep", "Compliant", null],
        ["Sort of", "partially compliant", null],
        ["Huh", "Maybe", null],
        [null, null, null],
        ["Other", "Compliant", null],
      ])
    );
    // A blank row inside the table is skipped, not taken for its end (issue 16).
    expect([...words]).toEqual([
      ["Yep", "Compliant"],
      ["Sort of", "Partially Compliant"],
      ["Other", "Compliant"],
    ]);
    expect(problems).toEqual([
      'Status words: "Huh" maps to "Maybe", which is not a status on the scale',
    ]);
  });

  it("finds nothing on a sheet without the table", () => {
    expect(
      readStatusWordsTable(
        sheet([
          ["Word", "Status"],
          ["Yep", "Compliant"],
        ])
      ).words.size
    ).toBe(0);
  });
});
