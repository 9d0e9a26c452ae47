// Where a SheetPlan's cells land: each planned table with its body cells by row and column, and
// the cells outside every table by sheet position. Both reconcilers (excel/ and xlsx/) diff these.
import { parseCellAddress } from "../snapshot";
import type { PlanCell, SheetPlan, TablePlan } from "./workbookPlan";

/** A planned table with its cells taken from the sheet's blocks. */
export interface PlannedTable {
  plan: TablePlan;
  /** 0-based header cell. */
  row: number;
  col: number;
  headers: string[];
  /** body[r][c]: planned cell of data row r, column c. */
  body: (PlanCell | undefined)[][];
}

export interface PlannedCells {
  /** Cells outside every table, 0-based. */
  free: { row: number; col: number; cell: PlanCell }[];
  tables: PlannedTable[];
  /** Columns the blocks span (0 when the plan has no blocks). */
  minCol: number;
  maxCol: number;
}

export function plannedCells(plan: SheetPlan): PlannedCells {
  const tables: PlannedTable[] = plan.tables.map((t) => {
    const at = parseCellAddress(t.at);
    return {
      plan: t,
      row: at.row,
      col: at.col,
      headers: t.columns.map((c) => c.header),
      body: Array.from({ length: t.rows }, () => new Array<PlanCell | undefined>(t.columns.length)),
    };
  });
  const free: PlannedCells["free"] = [];
  let minCol = Infinity;
  let maxCol = -1;
  for (const block of plan.blocks) {
    const origin = parseCellAddress(block.at);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const row = origin.row + r;
        const col = origin.col + c;
        minCol = Math.min(minCol, col);
        maxCol = Math.max(maxCol, col);
        const table = tables.find(
          (t) =>
            row >= t.row &&
            row <= t.row + t.plan.rows &&
            col >= t.col &&
            col < t.col + t.headers.length
        );
        if (!table) free.push({ row, col, cell });
        else if (row > table.row) table.body[row - table.row - 1][col - table.col] = cell;
      })
    );
  }
  return {
    free,
    tables,
    minCol: Number.isFinite(minCol) ? minCol : 0,
    maxCol: Math.max(0, maxCol),
  };
}
