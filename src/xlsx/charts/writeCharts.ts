// Puts the plan's charts into a written package as native Excel charts (ExcelJS writes none):
// for each sheet of the plan, chart parts, a drawing that anchors them, the relationships, the
// sheet's `<drawing>` element in schema order and the content types.
// Ours are told apart by name: on a sheet the plan owns, a drawing object named like one of the
// plan's charts (or another the layout draws) is ours and is replaced; every other object of the
// drawing (a user's chart, picture or shape, carried over by ../carry) stays as it was.
import type ExcelJS from "exceljs";
import type { SheetPlan, WorkbookPlan } from "../../core/layout/workbookPlan";
import { parseCellAddress } from "../../core/snapshot";
import { freePartName, relKind, type OpcPackage } from "../carry/opcPackage";
import { WORKSHEET_ORDER, sheetEntries } from "../carry/carryOver";
import { declarePrefixes, insertChildren, rootOf, splice } from "../carry/xmlElements";
import { REL, REL_TYPES, relativeTarget, type Relationship } from "../package/relationships";
import { CHART_CONTENT_TYPE, chartPartXml } from "./chartXml";
import {
  DRAWING_CONTENT_TYPE,
  anchorXml,
  anchorsOf,
  drawingPartXml,
  type Frame,
} from "./drawingXml";
import { chartSpec, type CellReader } from "./planCharts";

const CHART_REL = `${REL}/chart`;
/** Every chart the layout draws, also those a plan can leave out (the trend, with no snapshot):
 *  one left from an earlier build is ours even when this plan does not draw it. */
export const OUR_CHART_NAMES = [
  "ComplianceByArea",
  "ComplianceByTheme",
  "StatusMix",
  "ComplianceTrend",
];

const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

function freshId(rels: Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** The plan's sheets as they are in `pkg`, with their worksheet part. */
function planSheets(pkg: OpcPackage, plan: WorkbookPlan): { sheet: SheetPlan; part: string }[] {
  const workbook = pkg.workbookPart();
  if (!workbook) return [];
  const entries = sheetEntries(pkg, workbook, pkg.text(workbook) ?? "");
  return plan.sheets.flatMap((sheet) => {
    const entry = entries.find(
      (e) => e.kind === "worksheet" && e.part && sameName(e.name, sheet.name)
    );
    return entry?.part ? [{ sheet, part: entry.part }] : [];
  });
}

/** The drawing part a sheet shows, when it has one. */
function drawingOf(pkg: OpcPackage, sheetPart: string): string | null {
  const rel = pkg.rels(sheetPart).find((r) => r.type === REL_TYPES.drawing && !r.external);
  return rel ? pkg.target(sheetPart, rel) : null;
}

/** Takes our charts out of the drawings of the plan's sheets; true when any went. */
function removeOurCharts(pkg: OpcPackage, plan: WorkbookPlan): boolean {
  const ours = new Set(
    [...OUR_CHART_NAMES, ...plan.sheets.flatMap((s) => s.charts.map((c) => c.name))].map((n) =>
      n.toLowerCase()
    )
  );
  let removed = false;
  for (const { part } of planSheets(pkg, plan)) {
    const drawing = drawingOf(pkg, part);
    if (!drawing) continue;
    const xml = pkg.text(drawing) ?? "";
    const stale = anchorsOf(xml).filter((a) => ours.has(a.name.trim().toLowerCase()));
    if (stale.length === 0) continue;
    const kept = splice(
      xml,
      stale.map((a) => ({ start: a.start, end: a.end, text: "" }))
    );
    const still = new Set(anchorsOf(kept).flatMap((a) => a.relIds));
    pkg.set(drawing, kept);
    pkg.setRels(
      drawing,
      pkg.rels(drawing).filter((r) => relKind(r.type) !== "chart" || still.has(r.id))
    );
    removed = true;
  }
  return removed;
}

/** Adds the plan's charts to `pkg`, replacing ours from an earlier build; returns the chart parts written. */
export function addPlanCharts(pkg: OpcPackage, plan: WorkbookPlan, read: CellReader): string[] {
  // Ours go first, with the parts only they used, so the new ones take the same part names.
  if (removeOurCharts(pkg, plan)) pkg.collectGarbage();
  const written: string[] = [];
  for (const { sheet, part: sheetPart } of planSheets(pkg, plan)) {
    const specs = sheet.charts.flatMap((c) => {
      const spec = chartSpec(sheet, c, read);
      return spec ? [{ plan: c, spec }] : [];
    });
    if (specs.length === 0) continue;
    // The sheet's drawing (a user's objects stay in it) or a new one.
    const existing = drawingOf(pkg, sheetPart);
    const drawing = existing ?? freePartName("xl/drawings/drawing1.xml", (n) => pkg.has(n));
    let xml = existing ? (pkg.text(existing) ?? "") : drawingPartXml([]);
    const rels = existing ? pkg.rels(existing) : [];
    let nextId = Math.max(1, ...anchorsOf(xml).map((a) => a.id)) + 1;
    const added: string[] = [];
    for (const { plan: c, spec } of specs) {
      const chart = freePartName("xl/charts/chart1.xml", (n) => pkg.has(n));
      pkg.set(chart, chartPartXml(spec));
      pkg.setContentType(chart, CHART_CONTENT_TYPE);
      written.push(chart);
      const relId = freshId(rels);
      rels.push({
        id: relId,
        type: CHART_REL,
        target: relativeTarget(drawing, chart),
        external: false,
      });
      const to = parseCellAddress(c.to);
      const frame: Frame = {
        id: nextId++,
        name: c.name,
        relId,
        from: parseCellAddress(c.from),
        // The plan names the last cell covered; the anchor ends at the next cell's corner.
        to: { row: to.row + 1, col: to.col + 1 },
      };
      added.push(anchorXml(frame));
    }
    const root = rootOf(xml);
    const close = root ? xml.lastIndexOf(`</${root.name}>`) : -1;
    if (close > 0) xml = splice(xml, [{ start: close, end: close, text: added.join("") }]);
    pkg.set(drawing, xml);
    pkg.setRels(drawing, rels);
    if (!existing) attachDrawing(pkg, sheetPart, drawing);
  }
  return written;
}

/** Links a new drawing part to a sheet: relationship, content type, `<drawing>` in schema order. */
function attachDrawing(pkg: OpcPackage, sheetPart: string, drawing: string): void {
  pkg.setContentType(drawing, DRAWING_CONTENT_TYPE);
  const sheetRels = pkg.rels(sheetPart);
  const id = freshId(sheetRels);
  pkg.setRels(sheetPart, [
    ...sheetRels,
    { id, type: REL_TYPES.drawing, target: relativeTarget(sheetPart, drawing), external: false },
  ]);
  const fragment = `<drawing r:id="${id}"/>`;
  const xml = insertChildren(
    pkg.text(sheetPart) ?? "",
    [{ local: "drawing", xml: fragment }],
    WORKSHEET_ORDER
  );
  pkg.set(sheetPart, declarePrefixes(xml, [fragment], new Map([["r", REL]])));
}

/** Excel's serial number of a date (ExcelJS reads date cells as Date, in UTC). */
function serial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** What the ExcelJS model holds in a cell: its value, or a formula's cached result. */
export function workbookReader(workbook: ExcelJS.Workbook): CellReader {
  return (sheet, row, col) => {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) return null;
    let v: unknown = ws.findCell(row, col)?.value ?? null;
    if (v && typeof v === "object" && !(v instanceof Date)) {
      const o = v as { result?: unknown; richText?: { text: string }[] };
      if (o.richText) v = o.richText.map((r) => r.text).join("");
      else v = "result" in o ? (o.result ?? null) : null;
    }
    if (v instanceof Date) return serial(v);
    if (typeof v === "number" || typeof v === "string") return v;
    return null;
  };
}
