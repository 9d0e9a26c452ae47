// The Settings sheet: organisation details, the status weights, scales, risk bands and SLAs.
// Every value is a named cell; the formulas on the other sheets reach them by name.

import { SHEETS } from "../contract";
import type { CellValue } from "../snapshot";
import { emptySheet, type NamePlan, type PlanCell, type SheetPlan } from "./workbookPlan";
import { HEADER, INPUT, SECTION, SUBTITLE, TITLE } from "./styles";
import {
  settingsSections,
  STATUS_WORDS_TITLE,
  TEAM_TITLE,
  TEAM_COLUMNS,
  TEAM_ROWS,
} from "../settings";

export interface SettingsLayout {
  sheet: SheetPlan;
  names: NamePlan[];
  /** key → A1 address of the value cell, so a reader can find values again. */
  cells: Map<string, string>;
}

/** Lays out Settings; `kept` holds values a person changed (by key), which win over defaults;
 *  `statusWords` are the person's own answer words (word → status) that template import reads. */
export function layoutSettings(
  org: string,
  start: number,
  kept: Map<string, CellValue>,
  statusWords: [CellValue, CellValue][] = [],
  team: CellValue[][] = []
): SettingsLayout {
  const sheet = emptySheet(SHEETS.settings);
  sheet.tabColor = "#7F7F7F";
  sheet.widths = { A: 26, B: 22, C: 60 };
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
      if (row.note) line.push({ value: row.note });
      rows.push(line);
    }
    if (section.labelName) {
      names.push({
        name: section.labelName,
        refersTo: `='${SHEETS.settings}'!$A$${first}:$A$${rows.length}`,
      });
    }
  }
  rows.push([]);
  rows.push([{ value: STATUS_WORDS_TITLE }]);
  sheet.formats.push({ range: `A${rows.length}`, style: SECTION });
  rows.push([
    { value: "Word" },
    { value: "Status" },
    { value: 'Answers in templates you import that mean a status (e.g. "Erfüllt" → Compliant).' },
  ]);
  sheet.formats.push({ range: `A${rows.length}:B${rows.length}`, style: HEADER });
  const firstWord = rows.length + 1;
  for (const [word, status] of statusWords) rows.push([{ value: word }, { value: status }]);
  const lastWord = firstWord + statusWords.length + 19;
  sheet.formats.push({ range: `A${firstWord}:B${lastWord}`, style: INPUT });
  sheet.validations.push({
    range: `B${firstWord}:B${lastWord}`,
    rule: { kind: "list", source: "=Status_List" },
    error: { title: "Not a status", message: "Pick the status this word means.", style: "stop" },
  });
  rows.push([]);
  rows.push([{ value: TEAM_TITLE }]);
  sheet.formats.push({ range: `A${rows.length}`, style: SECTION });
  rows.push(TEAM_COLUMNS.map((c) => ({ value: c })));
  sheet.formats.push({ range: `A${rows.length}:C${rows.length}`, style: HEADER });
  const firstMember = rows.length + 1;
  for (const member of team) rows.push(member.map((value) => ({ value })));
  const lastMember = firstMember + Math.max(TEAM_ROWS, team.length + 5) - 1;
  sheet.formats.push({ range: `A${firstMember}:C${lastMember}`, style: INPUT });
  names.push({
    name: "Team_Names",
    refersTo: `='${SHEETS.settings}'!$A$${firstMember}:$A$${lastMember}`,
  });
  const maturityCell = cells.get("maturity");
  if (maturityCell) {
    sheet.validations.push({
      range: maturityCell,
      rule: { kind: "list", source: "Yes,No" },
      error: { title: "Yes or No", message: "Yes shows the maturity column.", style: "stop" },
    });
  }
  sheet.blocks.push({ at: "A1", cells: rows });
  sheet.protect = false;
  return { sheet, names, cells };
}
