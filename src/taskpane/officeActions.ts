// AssessmentActions on Office.js: each action is one runExcel batch over the excel/ functions.
// The only task-pane module that reaches the workbook; components get this object as a prop.
import { readOverview } from "../excel/readOverview";
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

// Only the overview loads with the pane (it is read straight away). Everything an action needs
// loads on its first use, in chunks webpack splits out: the layout and the reconcile that build,
// plan and snapshot share; the validation rules; adoption; the report; compare. It keeps the
// pane's first download small (npm run bench reports it against a 200 KB budget).
const writing = (): Promise<
  [
    typeof import("../excel/buildAssessment"),
    typeof import("../excel/planRemediation"),
    typeof import("../excel/recordSnapshot"),
  ]
> =>
  Promise.all([
    import(/* webpackChunkName: "workbook" */ "../excel/buildAssessment"),
    import(/* webpackChunkName: "workbook" */ "../excel/planRemediation"),
    import(/* webpackChunkName: "workbook" */ "../excel/recordSnapshot"),
  ]);

const checking = (): Promise<
  [typeof import("../excel/checkWorkbook"), typeof import("../core/validate/validate")]
> =>
  Promise.all([
    import(/* webpackChunkName: "check" */ "../excel/checkWorkbook"),
    import(/* webpackChunkName: "check" */ "../core/validate/validate"),
  ]);

/** Template adoption (header detection, word tables in nine languages, CSV) loads on first use. */
const adoption = (): Promise<typeof import("../excel/adoptSheet")> =>
  import(/* webpackChunkName: "adopt" */ "../excel/adoptSheet");

export function createOfficeActions(): AssessmentActions {
  return {
    readOverview: () => runExcel((context) => readOverview(context)),
    hasAssessment: async () => {
      const [{ hasAssessment }] = await writing();
      return runExcel((context) => hasAssessment(context));
    },
    build: async (onProgress) => {
      const [{ buildAssessment }] = await writing();
      return runExcel(async (context) => {
        const result = await buildAssessment(context, { onProgress });
        return { rows: result.rows, rebuilt: result.rebuilt };
      });
    },
    check: async () => {
      const [{ checkWorkbook }, { ruleInfo }] = await checking();
      const report = await runExcel((context) => checkWorkbook(context));
      const rules = new Set(report.problems.map((p) => p.rule));
      const descriptions = Object.fromEntries(
        [...rules].map((rule) => [rule, ruleInfo(rule).description])
      );
      return { ...report, descriptions };
    },
    selectCell: async (sheet, cell) => {
      const [{ selectCell }] = await checking();
      return runExcel((context) => selectCell(context, sheet, cell));
    },
    plan: async (apply) => {
      const [, { planRemediation }] = await writing();
      return runExcel((context) => planRemediation(context, { apply }));
    },
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
    recordSnapshot: async (onProgress) => {
      const [, , { recordSnapshot }] = await writing();
      return runExcel(async (context) => {
        const { row, snapshots } = await recordSnapshot(context, { onProgress });
        return {
          date: Number(row.Date),
          overall: fraction(row.Overall),
          clauses: fraction(row["Clauses 4-10"]),
          annexA: fraction(row["Annex A"]),
          snapshots,
        };
      });
    },
    // The report generator loads on first use: it is a tenth of the bundle and most sessions never ask.
    report: async () => {
      const { writeReport } = await import(/* webpackChunkName: "report" */ "../excel/writeReport");
      return runExcel((context) => writeReport(context));
    },
    // The HTML page and the Word document load on first use; Word brings the docx library.
    reportFile: async (format) => {
      const { readReportModel } = await import(
        /* webpackChunkName: "report" */ "../excel/readReportModel"
      );
      const model = await runExcel((context) => readReportModel(context));
      if (format === "html") {
        const { reportHtml } = await import(/* webpackChunkName: "report" */ "../core/report/html");
        return new Blob([reportHtml(model)], { type: "text/html;charset=utf-8" });
      }
      const [{ Packer }, { reportDocument }] = await Promise.all([
        import(/* webpackChunkName: "docx" */ "docx"),
        import(/* webpackChunkName: "docx" */ "../core/report/docx"),
      ]);
      return Packer.toBlob(reportDocument(model));
    },
    // Compare loads ExcelJS and JSZip to read the copy: its own chunk, fetched on first use.
    compareWithCopy: async (copy) => {
      const [{ compareWithCopy }, { readForCompare }] = await Promise.all([
        import(/* webpackChunkName: "compare" */ "./compareCopy"),
        import(/* webpackChunkName: "compare" */ "../excel/applyChanges"),
      ]);
      const mine = await runExcel((context) => readForCompare(context));
      return compareWithCopy(mine, copy);
    },
    applyCopyChanges: async (comparison, takeTheirs) => {
      const [{ changesToApply }, { applyChanges }] = await Promise.all([
        import(/* webpackChunkName: "compare" */ "./compareCopy"),
        import(/* webpackChunkName: "compare" */ "../excel/applyChanges"),
      ]);
      const changes = changesToApply(comparison, takeTheirs);
      const { cells, rows, columns } = await runExcel((context) => applyChanges(context, changes));
      return { cells, rows, columns };
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
