// The Settings sheet: organisation details, the status weights, scales, risk bands and SLAs in
// columns A–C (every value a named cell the formulas on the other sheets reach by name), and to
// their right, side by side in their own columns, the tables people grow: the assessment team and
// the status words. Each is an Excel table with nothing below it, so growing one never moves,
// shortens or joins another. Cells a person typed anywhere else on the sheet are laid out again
// where they were.

import { SHEETS } from "../contract";
import { cellAddress, columnLetter, parseCellAddress, type CellValue } from "../snapshot";
import {
  emptySheet,
  type CellStyle,
  type NamePlan,
  type PlanCell,
  type SheetPlan,
} from "./workbookPlan";
import { estimateRowHeight, fitWidthPrint } from "./printLayout";
import { HEADER, INPUT, SECTION, SUBTITLE, TITLE } from "./styles";
import { specColumn } from "../settingsTables";
import {
  SECTION_COLUMNS,
  settingsSections,
  SETTINGS_TABLES,
  type KeptCell,
  type KeptTable,
  type SettingsKept,
  type SettingsTableSpec,
} from "../settings";

const NOTE_WIDTH = 60;
const NOTE: CellStyle = { wrap: true, vAlign: "top" };

export interface SettingsLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  /** key → A1 address of the value cell, so a reader can find values again. */
  cells: Map<string, string>;
}

/** Lays out Settings; `kept` holds values a person changed (by key), which win over defaults;
 *  `statusWords` are the person's own answer words (word → status) that template import reads,
 *  `team` the team's rows; `sheetKept` (from the harvest) the tables as they stood and the
 *  person's own cells, which win over `statusWords` and `team`. */
export function layoutSettings(
  org: string,
  start: number,
  kept: Map<string, CellValue>,
  statusWords: [CellValue, CellValue][] = [],
  team: CellValue[][] = [],
  sheetKept: SettingsKept = { cells: [] }
): SettingsLayout {
  const sheet = emptySheet(SHEETS.settings);
  sheet.tabColor = "#7F7F7F";
  sheet.widths = { A: 26, B: 22, C: NOTE_WIDTH };
  const names: NamePlan[] = [];
  const cells = new Map<string, string>();
  const rows: PlanCell[][] = [
    [{ value: "Settings" }],
    [{ value: "Change a value here and every score, level and due date in the workbook follows." }],
  ];
  sheet.formats.push({ range: "A1", style: TITLE }, { range: "A2", style: SUBTITLE });
  for (const section of settingsSections(org, start)) {
    rows.push([]);
    rows.push([{ value: section.title }]);
    sheet.formats.push({ range: `A${rows.length}`, style: SECTION });
    rows.push(section.headers.map((h) => ({ value: h })));
    sheet.formats.push({
      range: `A${rows.length}:${String.fromCharCode(64 + section.headers.length)}${rows.length}`,
      style: HEADER,
    });
    const first = rows.length + 1;
    for (const row of section.rows) {
      const r = rows.length + 1;
      const line: PlanCell[] = [{ value: /^\d+$/.test(row.label) ? Number(row.label) : row.label }];
      row.values.forEach((v, i) => {
        const col = String.fromCharCode(66 + i);
        const address = `${col}${r}`;
        line.push({ value: kept.has(v.key) ? (kept.get(v.key) ?? null) : v.default });
        cells.set(v.key, address);
        if (v.name) names.push({ name: v.name, refersTo: `='${SHEETS.settings}'!$${col}$${r}` });
        sheet.formats.push({ range: address, style: INPUT, numberFormat: v.numberFormat });
      });
      if (row.note) {
        line.push({ value: row.note });
        // Notes wrap in their column (they would run off the printed page), rows sized to them.
        sheet.formats.push({ range: `C${r}`, style: NOTE });
        const height = estimateRowHeight([{ text: row.note, width: NOTE_WIDTH }]);
        if (height !== undefined) sheet.rowHeights[r] = height;
      }
      rows.push(line);
    }
    if (section.labelName) {
      names.push({
        name: section.labelName,
        refersTo: `='${SHEETS.settings}'!$A$${first}:$A$${rows.length}`,
      });
    }
  }
  sheet.blocks.push({ at: "A1", cells: rows });
  // On paper the sections only (the team and status-word tables are working lists): one page
  // wide, two tall (about 75% on A4 and Letter).
  sheet.print = { ...fitWidthPrint(), fitToHeight: 2, area: `A1:C${rows.length}` };

  const sources: Record<SettingsTableSpec["key"], KeptTable> = {
    team: sheetKept.team ?? { headers: [], rows: team, size: 0 },
    statusWords: sheetKept.statusWords ?? { headers: [], rows: statusWords, size: 0 },
  };
  const placed: Rect[] = [{ r0: 0, c0: 0, r1: rows.length, c1: SECTION_COLUMNS - 1 }];
  for (const spec of SETTINGS_TABLES) {
    const table = layoutTable(sheet, spec, sources[spec.key], placed, sheetKept.cells);
    placed.push(table.rect);
    if (spec.key === "team") {
      names.push({
        name: "Team_Names",
        refersTo: `='${SHEETS.settings}'!${absolute(table.column("Name"))}`,
      });
    } else {
      sheet.validations.push({
        range: table.column("Status"),
        rule: { kind: "list", source: "=Status_List" },
        error: {
          title: "Not a status",
          message: "Pick the status this word means.",
          style: "stop",
        },
      });
    }
  }
  // The person's own cells, where they were; one where a section now stands (a section new in
  // this version) moves down below the sections, in its column, rather than being written over.
  const filled = plannedCells(sheet);
  const taken = new Set(sheetKept.cells.map((c) => `${c.row},${c.col}`));
  for (const cell of sheetKept.cells) {
    let row = cell.row;
    if (filled.has(`${row},${cell.col}`)) {
      row = rows.length + 1;
      while (filled.has(`${row},${cell.col}`) || taken.has(`${row},${cell.col}`)) row++;
      taken.add(`${row},${cell.col}`);
    }
    sheet.blocks.push({
      at: cellAddress(row, cell.col),
      cells: [[cell.formula ? { formula: cell.formula } : { value: cell.value }]],
    });
  }
  // Cells of ours the layout no longer fills (the older stacked layout's blocks) are emptied.
  for (const { row, col } of sheetKept.former ?? [])
    if (!filled.has(`${row},${col}`) && !taken.has(`${row},${col}`))
      sheet.blocks.push({ at: cellAddress(row, col), cells: [[{ value: null }]] });
  const maturityCell = cells.get("maturity");
  if (maturityCell) {
    sheet.validations.push({
      range: maturityCell,
      rule: { kind: "list", source: "Yes,No" },
      error: { title: "Yes or No", message: "Yes shows the maturity column.", style: "stop" },
    });
  }
  sheet.protect = false;
  return { sheet, names, cells };
}

/** Every cell the sheet's blocks write, as "row,col" (0-based). */
function plannedCells(sheet: SheetPlan): Set<string> {
  const cells = new Set<string>();
  for (const block of sheet.blocks) {
    const origin = parseCellAddress(block.at);
    block.cells.forEach((line, r) =>
      line.forEach((_, c) => cells.add(`${origin.row + r},${origin.col + c}`))
    );
  }
  return cells;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

const holds = (rect: Rect, cell: KeptCell): boolean =>
  cell.row >= rect.r0 && cell.row <= rect.r1 && cell.col >= rect.c0 && cell.col <= rect.c1;

/** "E6:E35" → "$E$6:$E$35". */
const absolute = (range: string): string => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

/** Rows above the header: the title one row up, the hint three rows up (row 2 for ours). */
const TITLE_ABOVE = 1;
const HINT_ABOVE = 3;

/**
 * Lays out one table: where it stood, or (new, or moving out of the older stacked layout) at its
 * own anchor, moved right past anything in the way — another table, a person's cell. Rows as they
 * were (blank rows inside kept), then blank rows to type into, up to the table's minimum, never
 * over a person's cell below it. Rows typed straight under an existing table (where Excel would
 * have grown it) stay where they are, as cells below the table, and the lists read them with it.
 */
function layoutTable(
  sheet: SheetPlan,
  spec: SettingsTableSpec,
  source: KeptTable,
  placed: Rect[],
  cells: KeptCell[]
): { rect: Rect; column(name: string): string } {
  // Our columns first for a new table; a kept table keeps its own order, ours it lacks appended.
  const headers = source.headers.length ? [...source.headers] : [...spec.columns];
  const index = (name: string): number => {
    const column = spec.columns.indexOf(name);
    return headers.findIndex((h) => specColumn(spec, h) === column);
  };
  for (const name of spec.columns) if (index(name) < 0) headers.push(name);
  const values = source.rows.map((row) =>
    source.headers.length
      ? headers.map((_, i) => row[i] ?? null)
      : headers.map((h) => row[spec.columns.indexOf(h)] ?? null)
  );
  const width = headers.length;
  const wanted = Math.max(source.size, spec.rows, values.length + spec.spare, 1);

  const row = source.at?.row ?? spec.at.row;
  let col = source.at?.col ?? spec.at.col;
  if (!source.at) {
    const area = (c: number): Rect => ({
      r0: row - HINT_ABOVE,
      c0: c,
      r1: row + wanted,
      c1: c + width - 1,
    });
    // One blank column between neighbours.
    const clear = (c: number): boolean =>
      placed.every((p) => !overlaps(area(c), { ...p, c0: p.c0 - 1, c1: p.c1 + 1 })) &&
      cells.every((cell) => !holds(area(c), cell));
    while (!clear(col)) col++;
  }
  // An existing table with rows typed under it keeps its size (those rows stay below it);
  // otherwise it offers its spare rows, short of a person's cell below it.
  const typedBelow = source.at !== undefined && values.length > source.size;
  const below = cells
    .filter((c) => c.col >= col && c.col < col + width && c.row > row)
    .reduce((min, c) => Math.min(min, c.row), Infinity);
  const count = typedBelow
    ? Math.max(source.size, 1)
    : Math.max(source.size, values.length, 1, Math.min(wanted, below - row - 1));
  const last = Math.max(count, values.length);
  const rect: Rect = { r0: row - HINT_ABOVE, c0: col, r1: row + last, c1: col + width - 1 };

  const free = (r: number): boolean =>
    r >= 0 &&
    !cells.some((c) => c.row === r && c.col === col) &&
    placed.every((p) => !holds(p, { row: r, col, value: null }));
  if (free(row - HINT_ABOVE)) {
    sheet.blocks.push({ at: cellAddress(row - HINT_ABOVE, col), cells: [[{ value: spec.hint }]] });
    sheet.formats.push({ range: cellAddress(row - HINT_ABOVE, col), style: SUBTITLE });
  }
  if (free(row - TITLE_ABOVE)) {
    sheet.blocks.push({
      at: cellAddress(row - TITLE_ABOVE, col),
      cells: [[{ value: spec.title }]],
    });
    sheet.formats.push({ range: cellAddress(row - TITLE_ABOVE, col), style: SECTION });
  }
  const body: PlanCell[][] = Array.from({ length: last }, (_, r) =>
    headers.map((_, c) => ({ value: values[r]?.[c] ?? null }))
  );
  sheet.blocks.push({
    at: cellAddress(row, col),
    cells: [headers.map((h) => ({ value: h })), ...body],
  });
  sheet.tables.push({
    name: spec.table,
    at: cellAddress(row, col),
    columns: headers.map((header) => ({ header })),
    rows: count,
    style: "TableStyleLight15",
  });
  const right = col + width - 1;
  sheet.formats.push(
    { range: `${cellAddress(row, col)}:${cellAddress(row, right)}`, style: HEADER },
    { range: `${cellAddress(row + 1, col)}:${cellAddress(row + last, right)}`, style: INPUT }
  );
  headers.forEach((h, i) => {
    const letter = columnLetter(col + i);
    const known = spec.columns.indexOf(h);
    if (sheet.widths[letter] === undefined) sheet.widths[letter] = spec.widths[known] ?? 18;
  });
  // The blank columns either side stay narrow.
  for (const gap of [col - 1, right + 1])
    if (gap >= 0 && sheet.widths[columnLetter(gap)] === undefined)
      sheet.widths[columnLetter(gap)] = 3;
  return {
    rect,
    // A column's rows, those typed under the table included.
    column: (name) => {
      const letter = columnLetter(col + index(name));
      return `${letter}${row + 2}:${letter}${row + last + 1}`;
    },
  };
}
