// AssessmentActions on Office.js: each action is one runExcel batch over the excel/ functions.
// The only task-pane module that reaches the workbook; components get this object as a prop.
import { applyAdoption, listTemplateSheets, previewAdoption } from '../excel/adoptSheet';
import { buildAssessment, hasAssessment } from '../excel/buildAssessment';
import { checkWorkbook, selectCell } from '../excel/checkWorkbook';
import { planRemediation } from '../excel/planRemediation';
import { readOverview } from '../excel/readOverview';
import { runExcel } from '../excel/run';
import type { AssessmentActions } from './actions';

/** Worksheet change events need ExcelApi 1.9; older hosts simply get no live updates. */
function supportsChangeEvents(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported?.('ExcelApi', '1.9') === true;
  } catch {
    return false;
  }
}

export function createOfficeActions(): AssessmentActions {
  return {
    readOverview: () => runExcel((context) => readOverview(context)),
    hasAssessment: () => runExcel((context) => hasAssessment(context)),
    build: (onProgress) =>
      runExcel(async (context) => {
        const result = await buildAssessment(context, { onProgress });
        return { rows: result.rows, rebuilt: result.rebuilt };
      }),
    check: () => runExcel((context) => checkWorkbook(context)),
    selectCell: (sheet, cell) => runExcel((context) => selectCell(context, sheet, cell)),
    plan: (apply) => runExcel((context) => planRemediation(context, { apply })),
    listTemplateSheets: () => runExcel((context) => listTemplateSheets(context)),
    previewAdoption: (sheet) => runExcel((context) => previewAdoption(context, sheet)),
    applyAdoption: (preview, overwrite) =>
      runExcel(async (context) => {
        const result = await applyAdoption(context, preview, overwrite);
        return { rows: result.rows, rebuilt: result.rebuilt };
      }),
    subscribeToChanges: async (listener) => {
      if (!supportsChangeEvents()) return () => undefined;
      let active = true;
      await runExcel(async (context) => {
        context.workbook.worksheets.onChanged.add(async () => {
          if (active) listener();
        });
        await context.sync();
      });
      // Removing an Office.js handler needs Excel.run on the context that added it, which the one
      // runExcel wrapper does not offer; the handler stays registered and falls silent instead.
      return () => {
        active = false;
      };
    },
  };
}
