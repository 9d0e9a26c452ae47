// The cell-size check over a WorkbookPlan: text over Excel's 32,767 characters is cut to fit, and
// each cut is reported by sheet, row id and column, so no renderer ever writes an oversized cell.
import { MAX_CELL_TEXT, fitCellText, overLimitText } from "../cellLimit";
import { cellAddress, parseCellAddress, type CellValue } from "../snapshot";
import type { SheetPlan, WorkbookPlan } from "./workbookPlan";

export interface CellLimitWarning {
  sheet: string;
  /** A1 address of the cell. */
  cell: string;
  /** The row's ID (first column of its table), or "" outside a table. */
  id: string;
  /** The table column header, or "" outside a table. */
  column: string;
  /** Characters before the cut. */
  length: number;
  message: string;
}

/** The value at a 0-based sheet cell, looked up in the plan's blocks (only for the rare oversized cell). */
function valueAt(sheet: SheetPlan, row: number, col: number): CellValue | undefined {
  for (const block of sheet.blocks) {
    const at = parseCellAddress(block.at);
    const cell = block.cells[row - at.row]?.[col - at.col];
    if (cell) return cell.value;
  }
  return undefined;
}

function whereInTable(sheet: SheetPlan, row: number, col: number): { id: string; column: string } {
  for (const table of sheet.tables) {
    const at = parseCellAddress(table.at);
    const c = col - at.col;
    if (row <= at.row || row > at.row + table.rows || c < 0 || c >= table.columns.length) continue;
    const idCol = Math.max(
      0,
      table.columns.findIndex((t) => t.header === "ID")
    );
    const id = valueAt(sheet, row, at.col + idCol);
    return {
      id: id === null || id === undefined ? "" : String(id).trim().slice(0, 40),
      column: table.columns[c].header,
    };
  }
  return { id: "", column: "" };
}

/**
 * Cuts every text cell of the plan longer than Excel's limit (in place) and returns one warning per
 * cut cell, naming sheet, row id and column. Call it on a composed plan before rendering it.
 */
export function capCellText(plan: WorkbookPlan): CellLimitWarning[] {
  const warnings: CellLimitWarning[] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const at = parseCellAddress(block.at);
      block.cells.forEach((cells, r) => {
        cells.forEach((cell, c) => {
          if (typeof cell.value !== "string" || cell.value.length <= MAX_CELL_TEXT) return;
          const row = at.row + r;
          const col = at.col + c;
          const length = cell.value.length;
          cell.value = fitCellText(cell.value);
          const address = cellAddress(row, col);
          const { id, column } = whereInTable(sheet, row, col);
          const where = column
            ? `"${sheet.name}" row ${id || address}, column "${column}" (${address})`
            : `"${sheet.name}"!${address}`;
          warnings.push({
            sheet: sheet.name,
            cell: address,
            id,
            column,
            length,
            message: `${where}: ${overLimitText(length)}.`,
          });
        });
      });
    }
  }
  return warnings;
}
