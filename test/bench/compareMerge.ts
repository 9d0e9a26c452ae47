// Compare and merge of two 10,000-row workbooks in core (issue 18's bench rows): BASE holds 10,000
// rows a person added under Annex A; MINE and THEIRS edit every 10th and 7th of them. The files
// are made and read first, untimed; compare and merge are timed best of three (the first run
// includes the JIT warming up).
import { performance } from "perf_hooks";
import type ExcelJS from "exceljs";
import { compareWorkbooks } from "../../src/core/compare/diff";
import { mergeWorkbooks } from "../../src/core/compare/merge";
import { readComparable } from "../../src/core/compare/model";
import { SHEETS } from "../../src/core/contract";
import { readSnapshots } from "../../src/xlsx/readSnapshots";
import { buildWorkbook, editCopy, headers, sheet, tempDir } from "../core/compare/workbookEdits";

export interface CoreTiming {
  task: string;
  rows: number;
  ms: number;
  note: string;
}

type Edit = (i: number) => [string, string] | null;

function grow(rows: number, edit?: Edit) {
  return (wb: ExcelJS.Workbook): void => {
    const ws = sheet(wb, SHEETS.annexA);
    const h = headers(ws);
    const first = ws.rowCount + 1;
    for (let i = 0; i < rows; i++) {
      const r = first + i;
      ws.getCell(r, h.at.get("ID") as number).value = `X.${i + 1}`;
      ws.getCell(r, h.at.get("Title") as number).value = `Own control ${i + 1}`;
      ws.getCell(r, h.at.get("Status") as number).value = "Not Assessed";
      const change = edit?.(i);
      if (change) ws.getCell(r, h.at.get(change[0]) as number).value = change[1];
    }
  };
}

function bestOf<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result = fn();
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t);
  }
  return { ms: Math.round(best), result };
}

export async function compareMergeTimings(rows = 10_000): Promise<CoreTiming[]> {
  const file = tempDir("gap-compare-bench-");
  const base = file("base.xlsx");
  await buildWorkbook(base);
  const [big, mine, theirs] = [file("big.xlsx"), file("mine.xlsx"), file("theirs.xlsx")];
  await editCopy(base, big, grow(rows));
  await editCopy(
    base,
    mine,
    grow(rows, (i) => (i % 10 === 0 ? ["Owner", `Mine ${i}`] : null))
  );
  await editCopy(
    base,
    theirs,
    grow(rows, (i) =>
      i % 7 === 0 ? ["Notes", `Theirs ${i}`] : i % 10 === 0 ? ["Owner", "Them"] : null
    )
  );
  const snapshots = await Promise.all([big, mine, theirs].map((f) => readSnapshots(f)));
  const [cb, cm, ct] = snapshots.map((s, i) => readComparable(s, `#${i}`));
  const compared = bestOf(3, () => compareWorkbooks(cb, cm));
  const merged = bestOf(3, () => mergeWorkbooks(cb, cm, ct));
  return [
    {
      task: "compare two workbooks (core)",
      rows,
      ms: compared.ms,
      note: `${compared.result.changes.length} changes found`,
    },
    {
      task: "merge three workbooks (core)",
      rows,
      ms: merged.ms,
      note: `${merged.result.taken.length} taken, ${merged.result.conflicts.length} conflicts`,
    },
  ];
}
