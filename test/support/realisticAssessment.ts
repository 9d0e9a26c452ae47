// A realistically filled assessment, as an ISMS lead would leave it before planning: every clause
// and control assessed, owners from a team of seven, evidence with versions and places, notes
// saying what is missing, likelihood and impact on every row, a few controls excluded.
// Deterministic (a seeded generator), so the tests that read its plan are stable.
import ExcelJS from "exceljs";
import { CLAUSES, CONTROLS } from "../../src/catalog";
import { TABLE_HEADER_ROW } from "../../src/core/layout/assessmentSheet";
import { headerColumns, openWorkbook, rowById } from "./workbookFiles";

export const TEAM = {
  ciso: "Dana Lee",
  risk: "Omar Haddad",
  ops: "Marc Olsen",
  dev: "Ana Ruiz",
  hr: "Sara Khan",
  facilities: "Tom Berg",
  legal: "Lena Fischer",
} as const;

export interface AssessedRow {
  sheet: "Clauses 4-10" | "Annex A";
  id: string;
  status: string;
  owner: string;
  evidence: string | null;
  notes: string | null;
  likelihood: number;
  impact: number;
}

const PARTIAL_NOTES = [
  "Not reviewed since 2023.",
  "Covers head office only; the Leeds site is missing.",
  "Approved by IT, not yet by management.",
  "Done for production; staging and SaaS tools not covered.",
  "Owner left in March; nobody has picked it up.",
  "Draft exists but was never published to staff.",
  "Only half of the teams follow it; no records for the rest.",
];

const NON_COMPLIANT_NOTES = [
  "Nothing in place yet.",
  "Planned for next year's budget.",
  "Handled informally by email; no records kept.",
  null,
];

function ownerOf(sheet: AssessedRow["sheet"], id: string): string {
  if (sheet === "Clauses 4-10")
    return id.startsWith("6.1") || id.startsWith("8.") ? TEAM.risk : TEAM.ciso;
  const [theme, n] = id.split(".").map(Number);
  if (theme === 6) return TEAM.hr;
  if (theme === 7) return TEAM.facilities;
  if (theme === 8) return n >= 25 && n <= 31 ? TEAM.dev : TEAM.ops;
  if (n >= 31 && n <= 34) return TEAM.legal;
  if (n >= 19 && n <= 23) return TEAM.legal;
  return TEAM.ciso;
}

/** Seeded pseudo-random numbers in [0, 1) (a linear congruential generator). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Controls excluded from the SoA in the realistic workbook (no physical data centre). */
export const EXCLUDED = ["7.11", "7.12"];

/** The rows `fillRealistically` writes, for tests to compare the plan with. */
export function realisticRows(seed = 27001): AssessedRow[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const rows: AssessedRow[] = [];
  const items = [
    ...CLAUSES.map((c) => ({ sheet: "Clauses 4-10" as const, id: c.id, hint: c.evidence })),
    ...CONTROLS.map((c) => ({ sheet: "Annex A" as const, id: c.id, hint: c.evidence })),
  ];
  for (const item of items) {
    const roll = next();
    if (item.sheet === "Annex A" && EXCLUDED.includes(item.id)) {
      rows.push({
        ...item,
        status: "Not Applicable",
        owner: TEAM.facilities,
        evidence: null,
        notes: null,
        likelihood: 1,
        impact: 1,
      });
      continue;
    }
    // First-year ISMS: clauses more often open than controls.
    const gapShare = item.sheet === "Clauses 4-10" ? 0.6 : 0.45;
    const status =
      roll < gapShare * 0.6
        ? "Partially Compliant"
        : roll < gapShare
          ? "Non-Compliant"
          : "Compliant";
    const first = item.hint.split(";")[0].trim();
    const version = `v${1 + Math.floor(next() * 3)}.${Math.floor(next() * 10)}`;
    const evidence =
      status === "Non-Compliant"
        ? next() < 0.25
          ? `Draft: ${first} (not approved)`
          : null
        : `${first} ${version}, SharePoint › ISMS › ${item.id}`;
    rows.push({
      sheet: item.sheet,
      id: item.id,
      status,
      owner: ownerOf(item.sheet, item.id),
      evidence,
      notes:
        status === "Partially Compliant"
          ? pick(PARTIAL_NOTES)
          : status === "Non-Compliant"
            ? pick(NON_COMPLIANT_NOTES)
            : null,
      likelihood: 1 + Math.floor(next() * 5),
      impact: 1 + Math.floor(next() * 5),
    });
  }
  return rows;
}

/** Writes `realisticRows` (and the team, excluded controls) into a freshly built workbook. */
export async function fillRealistically(
  from: string,
  to: string,
  rows: AssessedRow[] = realisticRows()
): Promise<void> {
  const wb = await openWorkbook(from);
  for (const sheet of ["Clauses 4-10", "Annex A"] as const) {
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    const columns = headerColumns(ws, TABLE_HEADER_ROW);
    const set = (r: number, header: string, value: ExcelJS.CellValue): void => {
      const c = columns.get(header);
      if (c === undefined) throw new Error(`${sheet} has no column ${header}`);
      ws.getCell(r, c).value = value;
    };
    for (const row of rows.filter((x) => x.sheet === sheet)) {
      const r = rowById(ws, TABLE_HEADER_ROW, row.id);
      if (row.status === "Not Applicable") {
        set(r, "Applicable", "No");
        set(r, "Justification", "Servers are hosted by our cloud provider; no own data centre.");
        set(r, "Status", "Not Applicable");
        continue;
      }
      if (sheet === "Annex A") set(r, "Applicable", "Yes");
      set(r, "Status", row.status);
      set(r, "Owner", row.owner);
      set(r, "Evidence", row.evidence);
      set(r, "Notes", row.notes);
      set(r, "Likelihood", row.likelihood);
      set(r, "Impact", row.impact);
    }
  }
  await wb.xlsx.writeFile(to);
}

/** Sets a value on Settings next to its label in column A (the first match). */
export function setSetting(wb: ExcelJS.Workbook, label: string, value: ExcelJS.CellValue): void {
  const ws = wb.getWorksheet("Settings") as ExcelJS.Worksheet;
  for (let r = 1; r <= ws.rowCount; r++) {
    if (String(ws.getCell(r, 1).value ?? "").trim() === label) {
      ws.getCell(r, 2).value = value;
      return;
    }
  }
  throw new Error(`Settings has no row "${label}"`);
}
