// Reconcile, don't regenerate: brings the workbook to a WorkbookPlan by changing only what differs.
// One read (readWorkbook with `tables`, done by the caller), one inspection of what the lean read
// could not tell (formula text outside tables, validations, conditional formats, hidden columns),
// then the work applied in as few requests as the payload allows. A workbook without any of the
// plan's sheets is rendered whole; in every later operation tables keep their identity, no sheet
// is cleared and no name that is right is touched.
import { TABLES } from "../core/contract";
import type { WorkbookPlan } from "../core/layout/workbookPlan";
import { parseCellAddress } from "../core/snapshot";
import type { WorkbookRead } from "./readSnapshots";
import { applyWork, type ApplyOptions } from "./renderPlan";
import {
  WorkbookDiff,
  emptyInspection,
  type FormatState,
  type Inspection,
  type InspectionRequest,
  type ValidationState,
  type WorkbookWork,
} from "./workbookDiff";

/** The tables a reconcile reads back (pass to readWorkbook as `tables`). */
export const OWNED_TABLES: readonly string[] = Object.values(TABLES);

export interface ReconcileResult {
  syncs: number;
  work: WorkbookWork;
}

const isEmptyRequest = (r: InspectionRequest): boolean =>
  !r.formulas.length &&
  !r.validations.length &&
  !r.conditionalFormats.length &&
  !r.hidden.length &&
  !r.columns.length;

const MAX_COLS = 16384;

/** One sync: the reads the diff asked for. */
async function inspect(
  context: Excel.RequestContext,
  request: InspectionRequest
): Promise<Inspection> {
  const sheet = (name: string): Excel.Worksheet => context.workbook.worksheets.getItem(name);
  const formulas = request.formulas.map((f) => ({
    sheet: f.sheet,
    address: f.range,
    range: sheet(f.sheet).getRange(f.range).load("formulas"),
  }));
  const validations = request.validations.map((v) => ({
    ...v,
    dv: sheet(v.sheet).getRange(v.range).dataValidation.load("type,rule,prompt,errorAlert"),
  }));
  const formats = request.conditionalFormats.map((name) => ({
    name,
    items: sheet(name)
      .getRange()
      .conditionalFormats.load("items/id,items/type,items/customOrNullObject/rule/formula"),
  }));
  const hidden = request.hidden.map((h) => ({
    ...h,
    range: sheet(h.sheet).getRange(`${h.letter}:${h.letter}`).load("columnHidden"),
  }));
  const columns = request.columns.map((c) => ({
    ...c,
    range: sheet(c.sheet)
      .getRange(`${c.letter}:${c.letter}`)
      .load("columnHidden,format/columnWidth"),
  }));
  const pages = request.pageLayout.map((name) => {
    const layout = sheet(name).pageLayout;
    return {
      name,
      layout: layout.load(
        "orientation,zoom,leftMargin,rightMargin,topMargin,bottomMargin,headerMargin,footerMargin"
      ),
      texts: layout.headersFooters.defaultForAllPages.load(
        "leftHeader,centerHeader,rightHeader,leftFooter,centerFooter,rightFooter"
      ),
      area: layout.getPrintAreaOrNullObject().load("address"),
      rows: layout.getPrintTitleRowsOrNullObject().load("address"),
      columns: layout.getPrintTitleColumnsOrNullObject().load("address"),
    };
  });
  await context.sync();

  const result = emptyInspection();
  for (const f of formulas) {
    const origin = parseCellAddress(f.address.split(":")[0]);
    const map = result.formulas.get(f.sheet) ?? new Map<number, string>();
    (f.range.formulas as unknown[][]).forEach((line, r) =>
      line.forEach((text, c) => {
        if (typeof text === "string" && text.startsWith("="))
          map.set((origin.row + r) * MAX_COLS + origin.col + c, text);
      })
    );
    result.formulas.set(f.sheet, map);
  }
  for (const v of validations) {
    const state: ValidationState = {
      type: String(v.dv.type),
      rule: v.dv.rule,
      prompt: v.dv.prompt,
      errorAlert: v.dv.errorAlert,
    };
    result.validations.set(v.key, state);
  }
  for (const f of formats) {
    const list: FormatState[] = f.items.items.map((cf) => ({
      id: cf.id,
      type: String(cf.type),
      formula: cf.customOrNullObject.isNullObject
        ? null
        : String(cf.customOrNullObject.rule.formula),
    }));
    result.conditionalFormats.set(f.name, list);
  }
  for (const h of hidden) result.hidden.set(`${h.sheet}!${h.letter}`, h.range.columnHidden);
  for (const c of columns)
    result.columns.set(`${c.sheet}!${c.letter}`, {
      width: c.range.format.columnWidth,
      hidden: c.range.columnHidden,
    });
  const address = (r: { isNullObject: boolean; address: string }): string | null =>
    r.isNullObject ? null : r.address;
  for (const p of pages) {
    const l = p.layout;
    result.pageLayout.set(p.name, {
      orientation: String(l.orientation),
      zoom: l.zoom,
      margins: {
        left: l.leftMargin,
        right: l.rightMargin,
        top: l.topMargin,
        bottom: l.bottomMargin,
        header: l.headerMargin,
        footer: l.footerMargin,
      },
      headers: {
        leftHeader: p.texts.leftHeader,
        centerHeader: p.texts.centerHeader,
        rightHeader: p.texts.rightHeader,
        leftFooter: p.texts.leftFooter,
        centerFooter: p.texts.centerFooter,
        rightFooter: p.texts.rightFooter,
      },
      printArea: address(p.area),
      titleRows: address(p.rows),
      titleColumns: address(p.columns),
    });
  }
  return result;
}

/** Brings the workbook to the plan; `read` is readWorkbook(…, { lean: true, tables: OWNED_TABLES }). */
export async function reconcilePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  read: WorkbookRead,
  options: ApplyOptions = {}
): Promise<ReconcileResult> {
  const diff = new WorkbookDiff(plan, {
    snapshots: read.snapshots,
    sheets: read.sheets,
    names: read.definedNames ?? read.names.map((name) => ({ name, formula: "" })),
    tables: read.tables ?? [],
    order: read.order ?? read.sheets.filter((s) => s.exists).map((s) => s.name),
  });
  const request = diff.request();
  let syncs = 0;
  let inspection = emptyInspection();
  if (!isEmptyRequest(request)) {
    inspection = await inspect(context, request);
    syncs++;
  }
  const work = diff.work(inspection);
  syncs += await applyWork(context, work, options);
  return { syncs, work };
}
