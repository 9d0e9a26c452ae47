// AssessmentActions on Office.js: each action is one runExcel batch over the excel/ functions.
// The only task-pane module that reaches the workbook; components get this object as a prop.
import { buildAssessment, hasAssessment } from "../excel/buildAssessment";
import { checkWorkbook, selectCell } from "../excel/checkWorkbook";
import { planRemediation } from "../excel/planRemediation";
import { readOverview } from "../excel/readOverview";
import { recordSnapshot } from "../excel/recordSnapshot";
import { runExcel } from "../excel/run";
import type { AssessmentActions } from "./actions";

const fraction = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Worksheet change events need ExcelApi 1.9; older hosts simply get no live updates. */
function supportsChangeEvents(): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.9") === true
    );
  } catch {
    return false;
  }
}

/** Template adoption (header detection, word tables in nine languages, CSV) loads on first use. */
const adoption = (): Promise<typeof import("../excel/adoptSheet")> =>
  import(/* webpackChunkName: "adopt" */ "../excel/adoptSheet");

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
    listTemplateSheets: async () => {
      const { listTemplateSheets } = await adoption();
      return runExcel((context) => listTemplateSheets(context));
    },
    previewAdoption: async (sheet) => {
      const { previewAdoption } = await adoption();
      return runExcel((context) => previewAdoption(context, sheet));
    },
    applyAdoption: async (preview, overwrite) => {
      const { applyAdoption } = await adoption();
      return runExcel(async (context) => {
        const result = await applyAdoption(context, preview, overwrite);
        return { rows: result.rows, rebuilt: result.rebuilt };
      });
    },
    recordSnapshot: (onProgress) =>
      runExcel(async (context) => {
        const { row, snapshots } = await recordSnapshot(context, { onProgress });
        return {
          date: Number(row.Date),
          overall: fraction(row.Overall),
          clauses: fraction(row["Clauses 4-10"]),
          annexA: fraction(row["Annex A"]),
          snapshots,
        };
      }),
    // The report generator loads on first use: it is a tenth of the bundle and most sessions never ask.
    report: async () => {
      const { writeReport } = await import(/* webpackChunkName: "report" */ "../excel/writeReport");
      return runExcel((context) => writeReport(context));
    },
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
