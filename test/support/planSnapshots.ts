// Test helper: the SheetSnapshots a reader would return for a freshly rendered WorkbookPlan —
// constants as values, formulas as formula text with no cached result (like a file ExcelJS wrote).
import type { WorkbookPlan } from "../../src/core/layout/workbookPlan";
import { parseCellAddress, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";

export function planToSnapshots(plan: WorkbookPlan): SheetSnapshot[] {
  return plan.sheets.map((sheet) => {
    const cells = new Map<string, { value: CellValue; formula: string | null }>();
    let rows = 0;
    let cols = 0;
    for (const block of sheet.blocks) {
      const origin = parseCellAddress(block.at);
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          const row = origin.row + r;
          const col = origin.col + c;
          const value = cell.formula !== undefined ? null : (cell.value ?? null);
          if (value === null && cell.formula === undefined) return;
          cells.set(`${row},${col}`, { value, formula: cell.formula ?? null });
          rows = Math.max(rows, row + 1);
          cols = Math.max(cols, col + 1);
        })
      );
    }
    const snapshot: SheetSnapshot = {
      name: sheet.name,
      origin: { row: 0, col: 0 },
      values: [],
      text: [],
      formulas: [],
    };
    for (let r = 0; r < rows; r++) {
      snapshot.values.push(new Array<CellValue>(cols).fill(null));
      snapshot.text.push(new Array<string>(cols).fill(""));
      snapshot.formulas.push(new Array<string | null>(cols).fill(null));
    }
    for (const [key, cell] of cells) {
      const [r, c] = key.split(",").map(Number);
      snapshot.values[r][c] = cell.value;
      snapshot.text[r][c] = cell.value === null ? "" : String(cell.value);
      snapshot.formulas[r][c] = cell.formula;
    }
    return snapshot;
  });
}

/** Sets a cell of a table row found by the value in its first column; headers found in the first 20 rows. */
export function setTableCell(
  snapshots: SheetSnapshot[],
  sheet: string,
  key: CellValue,
  column: string,
  value: CellValue,
  keyColumn = "ID"
): void {
  const s = snapshots.find((x) => x.name === sheet);
  if (!s) throw new Error(`No sheet ${sheet}`);
  const header = s.values.findIndex(
    (row, i) => i < 20 && row.includes(keyColumn) && row.includes(column)
  );
  if (header < 0) throw new Error(`No header with ${keyColumn} and ${column} on ${sheet}`);
  const k = s.values[header].indexOf(keyColumn);
  const c = s.values[header].indexOf(column);
  const r = s.values.findIndex((row, i) => i > header && row[k] === key);
  if (r < 0) throw new Error(`No row ${String(key)} on ${sheet}`);
  s.values[r][c] = value;
  s.text[r][c] = value === null ? "" : String(value);
  s.formulas[r][c] = null;
}
