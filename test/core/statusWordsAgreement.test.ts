// Import and validate read every status word the same way: one word list (core/statusWords.ts)
// feeds the import's reader and validate's "Did you mean …?" suggestions.
import { builtInStatusEntries, STATUS_LETTERS, statusWordReader } from "../../src/core/statusWords";
import { readStatus } from "../../src/core/validate/readings";
import { STATUSES, type Status } from "../../src/core/scale";

const importReader = statusWordReader();

/** What import makes of a word in an answer column (letters allowed, no number reading). */
function imported(word: string): Status | null {
  const read = importReader.readStatus(word, { letters: true, numbers: "none" });
  return read.kind === "status" ? read.status : null;
}

/** What validate makes of the same word: the status it is, or the one it suggests. */
function validated(word: string): Status | null {
  const read = readStatus(word);
  if (read.kind === "exact" || read.kind === "case" || read.kind === "spacing") return read.status;
  return read.kind === "invalid" ? read.suggestion : null;
}

// Words people type, written as they appear in templates; each row is the status both must read.
const TABLE: [string, Status][] = [
  ["Not started", "Non-Compliant"],
  ["not started ", "Non-Compliant"],
  ["In progress", "Partially Compliant"],
  ["WIP", "Partially Compliant"],
  ["Done", "Compliant"],
  ["N/A", "Not Applicable"],
  ["Pending", "Not Assessed"],
  ["TBD", "Not Assessed"],
  ["Y", "Compliant"],
  ["NC", "Non-Compliant"],
  ["Teilweise", "Partially Compliant"],
  ["Non conforme", "Non-Compliant"],
  ["partially_implemented", "Partially Compliant"],
];

describe("import and validate read status words the same way", () => {
  it.each(TABLE)("%j reads as %s in both", (word, status) => {
    expect([imported(word), validated(word)]).toEqual([status, status]);
  });

  it("agrees on every built-in word and letter of the shared list", () => {
    const words: [string, Status][] = [
      ...builtInStatusEntries(),
      ...(Object.entries(STATUS_LETTERS) as [string, Status][]),
      ...STATUSES.map((s): [string, Status] => [s, s]),
    ];
    expect(words.length).toBeGreaterThan(200);
    const disagreements = words
      .map(([word, status]) => ({
        word,
        status,
        imported: imported(word),
        validated: validated(word),
      }))
      .filter((w) => w.imported !== w.status || w.validated !== w.status);
    expect(disagreements).toEqual([]);
  });
});
