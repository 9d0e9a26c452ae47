// "Adopt a template" in Excel: read a sheet a person pasted in (never changing it), preview what
// would land where, then write the adopted answers into the assessment through the build path.
import { adopt, type AdoptResult } from "../core/adopt/adopt";
import { SHEETS, OWNED_SHEETS } from "../core/contract";
import { readStatusWordsTable } from "../core/statusWords";
import { buildAssessment, type BuildInExcelResult } from "./buildAssessment";
import { readWorkbook } from "./readSnapshots";
import { findSheet, sameSheetName } from "../core/read/sheets";

/** Sheets a template could be on (everything the add-in does not own), and the active sheet
 *  when it is one of them — where a person most likely just pasted their checklist. One sync. */
export async function listTemplateSheets(
  context: Excel.RequestContext
): Promise<{ sheets: string[]; active: string | null }> {
  const sheets = context.workbook.worksheets.load("items/name");
  const active = context.workbook.worksheets.getActiveWorksheet().load("name");
  await context.sync();
  const owned = new Set<string>([...OWNED_SHEETS, "Remediation Plan"].map((n) => n.toLowerCase()));
  const names = sheets.items.map((s) => s.name).filter((n) => !owned.has(n.toLowerCase()));
  return { sheets: names, active: names.includes(active.name) ? active.name : null };
}

/** Dry run: reads the sheet in one sync and reports what would be adopted. */
export async function previewAdoption(
  context: Excel.RequestContext,
  sheetName: string
): Promise<AdoptResult> {
  const read = await readWorkbook(context, [sheetName, SHEETS.settings]);
  const settings = sameSheetName(sheetName, SHEETS.settings)
    ? undefined
    : findSheet(read.snapshots, SHEETS.settings);
  const extraWords = settings ? readStatusWordsTable(settings).words : undefined;
  return adopt(
    read.snapshots.filter((s) => s !== settings),
    { extraWords }
  );
}

/** Writes the adopted values (blanks only unless `overwrite`), building the assessment if absent. */
export async function applyAdoption(
  context: Excel.RequestContext,
  result: AdoptResult,
  overwrite = false
): Promise<BuildInExcelResult> {
  return buildAssessment(context, { adopted: result.inputs, overwrite });
}
