// Scratch timing (not a jest suite): compare and merge of two 10,000-row workbooks, core (on
// snapshots) and end to end through the CLI (files read, MERGED written).
// Run: node bin/run-ts.js test/core/compare/bench10k.ts
import { performance } from "perf_hooks";
import { compareWorkbooks } from "../../../src/core/compare/diff";
import { mergeWorkbooks } from "../../../src/core/compare/merge";
import { readComparable } from "../../../src/core/compare/model";
import { main as cli } from "../../../src/cli/main";
import { readSnapshots } from "../../../src/xlsx/readSnapshots";
import { SHEETS } from "../../../src/core/contract";
import { buildWorkbook, capture, editCopy, headers, sheet, tempDir } from "./workbookEdits";

const ROWS = 10_000;
const ms = (t: number): string => `${Math.round(performance.now() - t)} ms`;

export async function main(): Promise<number> {
  const file = tempDir("gap-compare-bench-");
  const base = file("base.xlsx");
  await buildWorkbook(base);
  // BASE with 10,000 hand rows under Annex A; MINE and THEIRS edit every 10th and 7th row.
  const grow =
    (edit?: (id: number) => [string, string] | null) => (wb: import("exceljs").Workbook) => {
      const ws = sheet(wb, SHEETS.annexA);
      const h = headers(ws);
      const first = ws.rowCount + 1;
      for (let i = 0; i < ROWS; i++) {
        const r = first + i;
        ws.getCell(r, h.at.get("ID") as number).value = `X.${i + 1}`;
        ws.getCell(r, h.at.get("Title") as number).value = `Own control ${i + 1}`;
        ws.getCell(r, h.at.get("Status") as number).value = "Not Assessed";
        const change = edit?.(i);
        if (change) ws.getCell(r, h.at.get(change[0]) as number).value = change[1];
      }
    };
  const big = file("big.xlsx");
  const mine = file("mine.xlsx");
  const theirs = file("theirs.xlsx");
  await editCopy(base, big, grow());
  await editCopy(
    base,
    mine,
    grow((i) => (i % 10 === 0 ? ["Owner", `Mine ${i}`] : null))
  );
  await editCopy(
    base,
    theirs,
    grow((i) => (i % 7 === 0 ? ["Notes", `Theirs ${i}`] : i % 10 === 0 ? ["Owner", "Them"] : null))
  );

  const [sb, sm, st] = await Promise.all([big, mine, theirs].map((f) => readSnapshots(f)));
  let t = performance.now();
  const [cb, cm, ct] = [sb, sm, st].map((s, i) => readComparable(s, `#${i}`));
  const readMs = ms(t);
  let diff = compareWorkbooks(cb, cm);
  let merged = mergeWorkbooks(cb, cm, ct);
  // Best of three (the first run includes the JIT warming up).
  let compareMs = "";
  let mergeMs = "";
  for (let run = 0; run < 3; run++) {
    t = performance.now();
    diff = compareWorkbooks(cb, cm);
    compareMs = ms(t);
    t = performance.now();
    merged = mergeWorkbooks(cb, cm, ct);
    mergeMs = ms(t);
    console.log(`run ${run + 1}: compare ${compareMs}, merge ${mergeMs}`);
  }
  console.log(
    `core, ${ROWS + 93} Annex A rows: readComparable ×3 ${readMs}; compare ${compareMs} (${diff.changes.length} changes); ` +
      `merge ${mergeMs} (${merged.taken.length} taken, ${merged.conflicts.length} conflicts)`
  );
  t = performance.now();
  const c1 = await cli(["compare", big, mine, "--json"], capture());
  console.log(`cli compare (two files read): ${ms(t)} (exit ${c1})`);
  t = performance.now();
  const c2 = await cli(["merge", big, mine, theirs, "--out", file("merged.xlsx")], capture());
  console.log(`cli merge (three files read, MERGED written): ${ms(t)} (exit ${c2})`);
  return 0;
}
