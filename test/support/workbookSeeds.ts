// Seeds for the recording Excel fake, shared by the task-pane e2e harness and the bench:
// an Annex A sheet with N rows, a pasted template checklist, statuses set by ID.
import { CONTROLS } from "../../src/catalog";
import { ANNEX_A_COLUMNS } from "../../src/core/contract";

/** The slice of the fake's SheetState the seeds use. */
export interface SeedSheet {
  setValues(topLeft: string, rows: Array<Array<string | number | boolean | null>>): unknown;
  getValues(address: string): unknown[][];
  usedRange(valuesOnly?: boolean): string | null;
}

export interface SeedState {
  addSheet(name: string): SeedSheet;
  sheet(name: string): SeedSheet;
  findSheet(name: string): unknown;
}

const STATUS_CYCLE = ["Compliant", "Partially Compliant", "Non-Compliant", "Not Assessed"];

/**
 * An `Annex A` sheet of `rows` rows, as a person might have it: the 93 controls, then rows they
 * added (ids, …). A rebuild keeps added rows, so it writes them all.
 */
export function seedAnnexA(state: SeedState, rows: number): void {
  const sheet = state.findSheet("Annex A") ? state.sheet("Annex A") : state.addSheet("Annex A");
  const grid: (string | number | null)[][] = [[...ANNEX_A_COLUMNS]];
  for (let i = 0; i < rows; i++) {
    const id = i < CONTROLS.length ? CONTROLS[i].id : `X-${i + 1}`;
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
    grid.push(
      ANNEX_A_COLUMNS.map((c) => {
        switch (c) {
          case "ID":
            return id;
          case "Applicable":
            return "Yes";
          case "Status":
            return status;
          case "Evidence":
            return status === "Compliant" || i % 5 === 0 ? `Document DOC-${i + 1}` : null;
          case "Owner":
            return i % 7 === 0 ? null : `Owner ${i % 13}`;
          case "Likelihood":
            return status === "Partially Compliant" || status === "Non-Compliant"
              ? 1 + (i % 5)
              : null;
          case "Impact":
            return status === "Partially Compliant" || status === "Non-Compliant"
              ? 1 + ((i * 3) % 5)
              : null;
          default:
            return null;
        }
      })
    );
  }
  sheet.setValues("A1", grid);
}

const ANSWERS = ["Yes", "No", "Partial", "Yes", "N/A"];

/** A pasted 2022 checklist of `rows` rows: Control / Implemented? / Comments, ids cycling over Annex A. */
export function seedTemplate(state: SeedState, name: string, rows: number): void {
  const sheet = state.findSheet(name) ? state.sheet(name) : state.addSheet(name);
  const grid: (string | null)[][] = [["Control", "Title", "Implemented?", "Comments"]];
  for (let i = 0; i < rows; i++) {
    const c = CONTROLS[i % CONTROLS.length];
    grid.push([
      `A.${c.id}`,
      c.title,
      ANSWERS[i % ANSWERS.length],
      i % 3 === 0 ? `Checked in audit round ${1 + Math.floor(i / CONTROLS.length)}` : null,
    ]);
  }
  sheet.setValues("A1", grid);
}

/**
 * A small 2013-style Yes/No checklist, as a team would paste it: a title block, a header row,
 * a section heading, matchable rows and one row that matches nothing.
 */
export function seedYesNoChecklist(state: SeedState, name: string): void {
  const sheet = state.findSheet(name) ? state.sheet(name) : state.addSheet(name);
  sheet.setValues("A1", [
    ["ISMS checklist (ISO 27001:2013)", null, null, null],
    [null, null, null, null],
    ["Ref", "Control", "Implemented (Yes/No)", "Comments"],
    ["A.5", "Information security policies", null, null],
    [
      "A.5.1.1",
      "Policies for information security",
      "Yes",
      "Policy approved by the board, March 2024",
    ],
    ["A.5.1.2", "Review of the policies for information security", "No", "No review cycle yet"],
    ["A.9.2.3", "Management of privileged access rights", "Partial", "PAM for servers only"],
    ["A.12.6.1", "Management of technical vulnerabilities", "Yes", "Monthly scans"],
    ["A.99.1", "Coffee machine hygiene", "Yes", "Not an ISO control"],
  ]);
}

/** Values from A1 to the end of the used range, so indices are sheet rows and columns. */
function fromA1(sheet: SeedSheet): unknown[][] {
  const used = (sheet.usedRange() ?? "A1").replace(/^.*!/, "");
  return sheet.getValues(`A1:${used.split(":").pop()}`);
}

/** Header row (1-based) and column letters of an assessment table on a sheet, found from its ID header. */
export function locateTable(sheet: SeedSheet): {
  headerRow: number;
  column: (header: string) => string;
} {
  const grid = fromA1(sheet);
  const headerIndex = grid.findIndex((row) => row[0] === "ID");
  if (headerIndex < 0) throw new Error("No table with an ID column");
  const headers = grid[headerIndex].map(String);
  return {
    headerRow: headerIndex + 1,
    column: (header: string) => {
      const i = headers.indexOf(header);
      if (i < 0) throw new Error(`No column ${header}`);
      return String.fromCharCode(65 + i);
    },
  };
}

/** Sets input cells of the assessment row with the given ID (e.g. { Status: 'Compliant' }); returns its 1-based row. */
export function setRow(
  sheet: SeedSheet,
  id: string,
  values: Record<string, string | number | null>
): number {
  const { headerRow, column } = locateTable(sheet);
  const ids = fromA1(sheet).map((row) => String(row[0]));
  const index = ids.indexOf(id);
  if (index <= headerRow - 1) throw new Error(`No row ${id}`);
  for (const [header, value] of Object.entries(values))
    sheet.setValues(`${column(header)}${index + 1}`, [[value]]);
  return index + 1;
}
