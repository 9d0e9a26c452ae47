// `gap-assessor merge`: a three-way merge by sheet, ID and column. One-sided changes are taken,
// both-sided different changes are conflicts (MINE's value kept, both listed with links), rows added
// on either side are kept once, THEIRS' extra column values arrive, and a rebuild of MERGED keeps
// every merged value.
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/core/contract";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import {
  buildWorkbook,
  capture,
  cell,
  editCopy,
  headers,
  openBook,
  rowOf,
  settingCell,
  sheet,
  tempDir,
} from "../core/compare/workbookEdits";

const file = tempDir("gap-merge-");
const base = file("base.xlsx");
const mine = file("mine.xlsx");
const theirs = file("theirs.xlsx");
const merged = file("merged.xlsx");
const rebuilt = file("rebuilt.xlsx");

interface MergeJson {
  taken: {
    sheet: string;
    id: string;
    column: string;
    before: string | null;
    after: string | null;
  }[];
  added: { sheet: string; id: string }[];
  conflicts: {
    sheet: string;
    id: string;
    column: string;
    base: string | null;
    mine: string | null;
    theirs: string | null;
  }[];
}

function text(wb: ExcelJS.Workbook, name: string, id: string, column: string): string {
  return cell(sheet(wb, name), id, column).text;
}

let result: { code: number; json: MergeJson; stdout: string };

beforeAll(async () => {
  await buildWorkbook(base);
  await editCopy(base, mine, (wb) => {
    const annex = sheet(wb, SHEETS.annexA);
    cell(annex, "5.1", "Status").value = "Compliant";
    cell(annex, "5.2", "Owner").value = "Alice"; // conflict
    cell(annex, "5.4", "Notes").value = "Same words"; // same change on both sides: no conflict
    cell(sheet(wb, SHEETS.clauses), "4.1", "Evidence").value = "Policy v2";
    const risks = sheet(wb, SHEETS.risks);
    const r = headers(risks);
    risks.getCell(r.row + 1, r.at.get("ID") as number).value = "R-MINE";
    risks.getCell(r.row + 1, r.at.get("Asset or process") as number).value = "Servers";
  });
  await editCopy(base, theirs, (wb) => {
    const annex = sheet(wb, SHEETS.annexA);
    cell(annex, "5.3", "Notes").value = "Reviewed by consultant";
    cell(annex, "5.2", "Owner").value = "Bob"; // conflict
    cell(annex, "5.4", "Notes").value = "Same words";
    cell(annex, "5.5", "Likelihood").value = 3;
    // An extra column of theirs, right of the table, with a value on a matching row.
    const h = headers(annex);
    const extra = Math.max(...h.at.values()) + 1;
    annex.getCell(h.row, extra).value = "Consultant remark";
    annex.getCell(rowOf(annex, "5.6"), extra).value = "Show me the log";
    // A reviewer's note in the contract's review column (issue 18) is an input like any other.
    cell(annex, "5.7", "Reviewer note").value = "Feeds for May?";
    // A row of their own, typed under the table.
    const own = rowOf(annex, "8.34") + 1;
    annex.getCell(own, h.at.get("ID") as number).value = "X.1";
    annex.getCell(own, h.at.get("Title") as number).value = "Own control";
    annex.getCell(own, h.at.get("Status") as number).value = "Compliant";
    cell(sheet(wb, SHEETS.clauses), "4.2", "Status").value = "Partially Compliant";
    settingCell(sheet(wb, SHEETS.settings), "Organisation").value = "Acme Ltd";
    const risks = sheet(wb, SHEETS.risks);
    const r = headers(risks);
    risks.getCell(r.row + 1, r.at.get("ID") as number).value = "R-THEIRS";
    risks.getCell(r.row + 1, r.at.get("Asset or process") as number).value = "Laptops";
    risks.getCell(r.row + 1, r.at.get("Likelihood") as number).value = 2;
  });
  const io = capture();
  const code = await main(["merge", base, mine, theirs, "--out", merged, "--json"], io);
  result = { code, json: JSON.parse(io.stdout) as MergeJson, stdout: io.stdout };
});

describe("merge", () => {
  it("takes every one-sided change of theirs and reports exactly the conflicts (exit 1)", () => {
    expect(result.code).toBe(1);
    const taken = result.json.taken.map((t) => `${t.sheet}|${t.id}|${t.column}|${t.after}`);
    expect(taken.sort()).toEqual(
      [
        "Annex A|5.3|Notes|Reviewed by consultant",
        "Annex A|5.5|Likelihood|3",
        "Annex A|5.6|Consultant remark|Show me the log",
        "Annex A|5.7|Reviewer note|Feeds for May?",
        "Clauses 4-10|4.2|Status|Partially Compliant",
        "Settings|Organisation|Value|Acme Ltd",
      ].sort()
    );
    expect(result.json.conflicts).toEqual([
      {
        sheet: SHEETS.annexA,
        id: "5.2",
        column: "Owner",
        base: null,
        mine: "Alice",
        theirs: "Bob",
      },
    ]);
    expect(result.json.added).toEqual([
      expect.objectContaining({ sheet: SHEETS.annexA, id: "X.1" }),
      expect.objectContaining({ sheet: SHEETS.risks, id: "R-THEIRS" }),
    ]);
  });

  it("writes MERGED: mine kept, theirs' changes in, rows of both kept once, conflicts listed with links", async () => {
    const wb = await openBook(merged);
    expect(text(wb, SHEETS.annexA, "5.1", "Status")).toBe("Compliant");
    expect(text(wb, SHEETS.annexA, "5.2", "Owner")).toBe("Alice");
    expect(text(wb, SHEETS.annexA, "5.3", "Notes")).toBe("Reviewed by consultant");
    expect(text(wb, SHEETS.annexA, "5.4", "Notes")).toBe("Same words");
    expect(cell(sheet(wb, SHEETS.annexA), "5.5", "Likelihood").value).toBe(3);
    expect(text(wb, SHEETS.annexA, "5.6", "Consultant remark")).toBe("Show me the log");
    expect(text(wb, SHEETS.annexA, "5.7", "Reviewer note")).toBe("Feeds for May?");
    expect(text(wb, SHEETS.clauses, "4.1", "Evidence")).toBe("Policy v2");
    expect(text(wb, SHEETS.clauses, "4.2", "Status")).toBe("Partially Compliant");
    expect(settingCell(sheet(wb, SHEETS.settings), "Organisation").text).toBe("Acme Ltd");
    const risks = sheet(wb, SHEETS.risks);
    expect(text(wb, SHEETS.risks, "R-MINE", "Asset or process")).toBe("Servers");
    expect(text(wb, SHEETS.risks, "R-THEIRS", "Asset or process")).toBe("Laptops");
    expect(rowOf(risks, "R-THEIRS")).toBe(rowOf(risks, "R-MINE") + 1);
    // Their own row joins the table, with the table's row formulas.
    expect(text(wb, SHEETS.annexA, "X.1", "Title")).toBe("Own control");
    const row = rowOf(sheet(wb, SHEETS.annexA), "X.1");
    const table = (await readSnapshots(merged)).find((s) => s.name === SHEETS.annexA)?.tables?.[0];
    expect(table?.bottom).toBe(row - 1);
    expect(cell(sheet(wb, SHEETS.annexA), "X.1", "Gap score").formula).toMatch(/#This Row/);
    const conflicts = sheet(wb, "Merge Conflicts");
    expect((conflicts.getRow(2).values as ExcelJS.CellValue[]).slice(1, 7)).toEqual(
      [SHEETS.annexA, "5.2", "Owner", null, "Alice", "Bob"].map((v) => v ?? undefined)
    );
    expect(conflicts.getCell(2, 7).value).toEqual(
      expect.objectContaining({ hyperlink: expect.stringMatching(/^#'Annex A'!J6$/) })
    );
    expect(conflicts.getCell(2, 8).value).toEqual(
      expect.objectContaining({ hyperlink: "theirs.xlsx#'Annex A'!J6" })
    );
  });

  it("loses nothing when MERGED is rebuilt", async () => {
    const io = capture();
    expect(await main(["build", "--from", merged, "--out", rebuilt], io)).toBe(0);
    const io2 = capture();
    await main(["compare", merged, rebuilt, "--json"], io2);
    const diff = JSON.parse(io2.stdout) as {
      changes: unknown[];
      removed: unknown[];
      added: { sheet: string; id: string }[];
    };
    expect(diff.changes).toEqual([]);
    expect(diff.removed).toEqual([]);
    // The rebuild only adds what follows from the merge: their own control joins the SoA.
    expect(diff.added).toEqual([expect.objectContaining({ sheet: SHEETS.soa, id: "X.1" })]);
    const wb = await openBook(rebuilt);
    expect(text(wb, SHEETS.annexA, "5.6", "Consultant remark")).toBe("Show me the log");
    expect(text(wb, SHEETS.annexA, "5.7", "Reviewer note")).toBe("Feeds for May?");
    expect(text(wb, SHEETS.risks, "R-THEIRS", "Asset or process")).toBe("Laptops");
    expect(text(wb, SHEETS.annexA, "X.1", "Title")).toBe("Own control");
    expect(wb.getWorksheet("Merge Conflicts")).toBeDefined();
  });

  it("merges without conflicts with exit 0, and reports every difference as a conflict two-way", async () => {
    const io = capture();
    expect(await main(["merge", base, base, theirs, "--out", file("m2.xlsx"), "--json"], io)).toBe(
      0
    );
    expect((JSON.parse(io.stdout) as MergeJson).conflicts).toEqual([]);
    const two = capture();
    expect(await main(["merge", mine, theirs, "--out", file("m3.xlsx"), "--json"], two)).toBe(1);
    const json = JSON.parse(two.stdout) as MergeJson;
    expect(json.taken.map((t) => t.column)).toEqual(["Consultant remark"]);
    expect(json.conflicts.map((c) => `${c.sheet}|${c.id}|${c.column}`).sort()).toEqual(
      [
        "Annex A|5.1|Status",
        "Annex A|5.2|Owner",
        "Annex A|5.3|Notes",
        "Annex A|5.5|Likelihood",
        "Annex A|5.7|Reviewer note",
        "Clauses 4-10|4.1|Evidence",
        "Clauses 4-10|4.2|Status",
        "Settings|Organisation|Value",
      ].sort()
    );
  });

  it("exits 2 on a file it cannot read, and refuses an output that is an input", async () => {
    expect(
      await main(["merge", base, mine, file("nope.xlsx"), "--out", file("m4.xlsx")], capture())
    ).toBe(2);
    expect(await main(["merge", base, mine, theirs, "--out", mine], capture())).toBe(2);
    expect(await main(["merge", base, mine, theirs], capture())).toBe(2);
  });
});
