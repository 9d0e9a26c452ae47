// "Compare with a copy" → "Take their changes" on the recording fake: the copy's edits land in the
// open workbook's cells, its new rows in the table (calculated columns filled), its new column in
// the table, and the number of syncs does not grow with the number of changed rows.
import { createExcelFake, type ExcelFake } from "../fakes/excelFake";
import { seedAnnexA } from "../support/workbookSeeds";
import { buildAssessment } from "../../src/excel/buildAssessment";
import { applyChanges, readForCompare } from "../../src/excel/applyChanges";
import { changesToApply, compareSnapshots } from "../../src/taskpane/compareCopy";
import { SHEETS } from "../../src/core/contract";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

function install(): ExcelFake {
  const fake = createExcelFake();
  fake.install(globalThis);
  return fake;
}

afterEach(() => {
  for (const key of ["Excel", "Office", "OfficeExtension"])
    delete (globalThis as Record<string, unknown>)[key];
});

/** A copy of `snapshot` with `edit` applied to its grid (values and shown text alike). */
function edited(
  snapshot: SheetSnapshot,
  edit: (grid: CellValue[][], header: CellValue[]) => void
): SheetSnapshot {
  const values = snapshot.values.map((r) => [...r]);
  const headerRow = values.findIndex((r) => r.includes("ID") && r.includes("Status"));
  edit(values, values[headerRow]);
  const width = Math.max(...values.map((r) => r.length));
  const grid = values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  return {
    ...snapshot,
    values: grid,
    text: grid.map((r, i) =>
      r.map((v, c) =>
        v === snapshot.values[i]?.[c] && snapshot.text[i]?.[c] !== undefined
          ? snapshot.text[i][c]
          : v === null
            ? ""
            : String(v)
      )
    ),
    formulas: grid.map((r, i) => r.map((_, c) => snapshot.formulas[i]?.[c] ?? null)),
  };
}

/** Their copy: every row's Evidence rewritten, three rows added, a "Second opinion" column filled. */
function theirCopy(mine: SheetSnapshot[]): SheetSnapshot[] {
  return mine.map((s) =>
    s.name !== SHEETS.annexA
      ? s
      : edited(s, (grid, header) => {
          const id = header.indexOf("ID");
          const evidence = header.indexOf("Evidence");
          const headerRow = grid.indexOf(header);
          const right = header.length;
          header[right] = "Second opinion";
          let last = headerRow;
          for (let r = headerRow + 1; r < grid.length; r++) {
            if (grid[r][id] === null) continue;
            grid[r][evidence] = `Their evidence ${String(grid[r][id])}`;
            grid[r][right] = "Auditor A";
            last = r;
          }
          for (let n = 1; n <= 3; n++) {
            const row: CellValue[] = new Array(right + 1).fill(null);
            row[id] = `NEW-${n}`;
            row[header.indexOf("Status")] = "Compliant";
            row[evidence] = `New evidence ${n}`;
            grid.splice(last + n, 0, row);
          }
        })
  );
}

async function compareAndTake(rows: number): Promise<{
  fake: ExcelFake;
  syncs: number;
  applied: { cells: number; rows: number; columns: number; syncs: number };
  conflicts: number;
}> {
  const fake = install();
  seedAnnexA(fake.state, rows);
  await fake.Excel.run((c: Excel.RequestContext) => buildAssessment(c, {}));
  const mine = await fake.Excel.run((c: Excel.RequestContext) => readForCompare(c));
  const comparison = compareSnapshots(mine, theirCopy(mine), "theirs.xlsx");
  const keys = new Set(comparison.sheets.flatMap((s) => s.conflicts.map((c) => c.key)));
  const changes = changesToApply(comparison, keys);
  fake.stats.reset();
  const applied = await fake.Excel.run((c: Excel.RequestContext) => applyChanges(c, changes));
  return { fake, syncs: fake.stats.syncs, applied, conflicts: keys.size };
}

/** Annex A's table as the fake holds it: header → column, and its rows by ID. */
function annexTable(fake: ExcelFake): {
  headers: string[];
  row(id: string): Record<string, unknown>;
  rows: number;
  tableHeaders: string[];
} {
  const sheet = fake.state.sheet(SHEETS.annexA);
  const used = String(sheet.usedRange());
  const grid = sheet.getValues(`A1:${used.split(":").pop()}`);
  const headerAt = grid.findIndex((r) => r.includes("ID") && r.includes("Status"));
  const headers = grid[headerAt].map(String);
  const table = sheet.tables.find((t) => t.name === "AnnexA");
  return {
    headers,
    rows: table?.rowCount ?? 0,
    tableHeaders: table?.headers ?? [],
    row: (id) => {
      const line = grid.find((r, i) => i > headerAt && r[headers.indexOf("ID")] === id) ?? [];
      return Object.fromEntries(headers.map((h, i) => [h, line[i]]));
    },
  };
}

describe("applyChanges (Take their changes)", () => {
  it("writes their edits, rows and column into the table in a constant number of syncs", async () => {
    const small = await compareAndTake(100);
    const large = await compareAndTake(1000);
    expect(small.conflicts).toBe(100);
    expect(large.conflicts).toBe(1000);
    expect(large.applied).toMatchObject({ rows: 3, columns: 1 });
    // 1 read, 1 write request, 1 recalculation — at 100 rows and at 1,000.
    expect(small.syncs).toBe(large.syncs);
    expect(large.syncs).toBe(large.applied.syncs);
    expect(large.syncs).toBeLessThanOrEqual(3);

    const table = annexTable(large.fake);
    expect(table.headers).toContain("Second opinion");
    expect(table.row("5.1")).toMatchObject({
      Evidence: "Their evidence 5.1",
      "Second opinion": "Auditor A",
    });
    expect(table.row("X-1000")).toMatchObject({ Evidence: "Their evidence X-1000" });
    // New rows joined the table and its calculated columns filled in.
    const added = table.row("NEW-2");
    expect(added).toMatchObject({ Status: "Compliant", Evidence: "New evidence 2" });
    expect(large.fake.state.sheet(SHEETS.annexA).protection.protected).toBe(true);
    expect(table.tableHeaders).toContain("Second opinion");
    expect(table.rows).toBeGreaterThanOrEqual(1000 + 3);
  });

  it("keeps mine where the person did not take theirs", async () => {
    const fake = install();
    seedAnnexA(fake.state, 100);
    await fake.Excel.run((c: Excel.RequestContext) => buildAssessment(c, {}));
    const mine = await fake.Excel.run((c: Excel.RequestContext) => readForCompare(c));
    const before = annexTable(fake).row("5.2").Evidence;
    const comparison = compareSnapshots(mine, theirCopy(mine), "theirs.xlsx");
    const annex = comparison.sheets.find((s) => s.sheet === SHEETS.annexA);
    const take = annex?.conflicts.find((c) => c.id === "5.1" && c.column === "Evidence");
    expect(take).toMatchObject({ theirs: "Their evidence 5.1" });
    await fake.Excel.run((c: Excel.RequestContext) =>
      applyChanges(c, changesToApply(comparison, new Set([take?.key as string])))
    );
    const table = annexTable(fake);
    expect(table.row("5.1").Evidence).toBe("Their evidence 5.1");
    expect(table.row("5.2").Evidence).toBe(before);
    // One-sided changes are taken whatever the decisions: the new rows and column.
    expect(table.row("NEW-1").Evidence).toBe("New evidence 1");
    expect(table.row("5.2")["Second opinion"]).toBe("Auditor A");
  });
});
