/** Worksheet.pageLayout (ExcelApi 1.9): orientation, zoom, margins, print area and titles,
 *  headers and footers, and worksheet.horizontalPageBreaks. Rules are in test/fakes/README.md. */
import type { Rect } from "./address";
import { invalidArgument } from "./errors";
import { ClientObject, defineClass, type Exec } from "./proxy";
import { RangeRef } from "./entities";
import { Range, rangeArg } from "./range";
import { RangeAreas } from "./rangeAreas";
import type { SheetState } from "./state";

export interface HeaderFooterTexts {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  printOrder: "DownThenOver" | "OverThenDown";
  /** Either a scale (10–400) or pages to fit; the other side is null. */
  zoom: {
    scale: number | null;
    horizontalFitToPages: number | null;
    verticalFitToPages: number | null;
  };
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  printArea: Rect[] | null;
  titleRows: Rect | null;
  titleColumns: Rect | null;
  headers: HeaderFooterTexts;
  /** 0-based rows a manual page break comes before. */
  rowBreaks: number[];
}

const pages = new WeakMap<SheetState, PageState>();

/** The sheet's page layout (Excel's defaults for a new sheet until set). */
export function pageStateOf(sheet: SheetState): PageState {
  let page = pages.get(sheet);
  if (!page) {
    page = {
      orientation: "Portrait",
      paperSize: "Letter",
      printOrder: "DownThenOver",
      zoom: { scale: 100, horizontalFitToPages: null, verticalFitToPages: null },
      // Excel's "Normal" margins, in points.
      margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
      printArea: null,
      titleRows: null,
      titleColumns: null,
      headers: {
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "",
        rightFooter: "",
      },
      rowBreaks: [],
    };
    pages.set(sheet, page);
  }
  return page;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;
const ORIENTATIONS = ["Portrait", "Landscape"];

function pageCount(v: unknown, what: string, x: Exec): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
    throw invalidArgument(`Bad ${what} '${String(v)}'.`, x.location);
  return v;
}

function margin(v: unknown, x: Exec): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
    throw invalidArgument(`Bad margin '${String(v)}'.`, x.location);
  return v;
}

export class PageLayout extends ClientObject {
  setPrintArea(printArea: Range | string): void {
    this._call("setPrintArea", [printArea], (s: SheetState, x) => {
      const parts =
        typeof printArea === "string" ? printArea.split(",").map((p) => p.trim()) : [printArea];
      pageStateOf(s).printArea = parts.map((p) => rangeArg(p, s, x).rect);
    });
  }

  /** Whole rows: Excel repeats the rows the range spans. */
  setPrintTitleRows(printTitleRows: Range | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (s: SheetState, x) => {
      const r = rangeArg(printTitleRows, s, x).rect;
      pageStateOf(s).titleRows = { r0: r.r0, c0: 0, r1: r.r1, c1: MAX_COL };
    });
  }

  /** Whole columns: Excel repeats the columns the range spans. */
  setPrintTitleColumns(printTitleColumns: Range | string): void {
    this._call("setPrintTitleColumns", [printTitleColumns], (s: SheetState, x) => {
      const r = rangeArg(printTitleColumns, s, x).rect;
      pageStateOf(s).titleColumns = { r0: 0, c0: r.c0, r1: MAX_ROW, c1: r.c1 };
    });
  }

  /** RangeAreas, as Office.js returns it (a print area may have several rectangles). */
  getPrintAreaOrNullObject(): RangeAreas {
    return this._child(RangeAreas, "getPrintAreaOrNullObject", [], (s: SheetState) => {
      const rects = pageStateOf(s).printArea;
      return rects?.length ? { sheet: s, rects } : null;
    });
  }

  getPrintTitleRowsOrNullObject(): Range {
    return this._child(Range, "getPrintTitleRowsOrNullObject", [], (s: SheetState) => {
      const rows = pageStateOf(s).titleRows;
      return rows ? new RangeRef(s, rows) : null;
    });
  }

  getPrintTitleColumnsOrNullObject(): Range {
    return this._child(Range, "getPrintTitleColumnsOrNullObject", [], (s: SheetState) => {
      const columns = pageStateOf(s).titleColumns;
      return columns ? new RangeRef(s, columns) : null;
    });
  }
}

const marginProp = (side: keyof PageState["margins"]) => ({
  get: (s: SheetState) => pageStateOf(s).margins[side],
  set: (s: SheetState, v: unknown, x: Exec) => {
    pageStateOf(s).margins[side] = margin(v, x);
  },
});

defineClass(PageLayout, {
  name: "PageLayout",
  props: {
    orientation: {
      get: (s: SheetState) => pageStateOf(s).orientation,
      set: (s: SheetState, v, x) => {
        if (!ORIENTATIONS.includes(v as string))
          throw invalidArgument(`Bad orientation '${String(v)}'.`, x.location);
        pageStateOf(s).orientation = v as PageState["orientation"];
      },
    },
    printOrder: {
      get: (s: SheetState) => pageStateOf(s).printOrder,
      set: (s: SheetState, v, x) => {
        if (v !== "DownThenOver" && v !== "OverThenDown")
          throw invalidArgument(`Bad printOrder '${String(v)}'.`, x.location);
        pageStateOf(s).printOrder = v;
      },
    },
    paperSize: {
      get: (s: SheetState) => pageStateOf(s).paperSize,
      set: (s: SheetState, v) => {
        pageStateOf(s).paperSize = String(v);
      },
    },
    zoom: {
      get: (s: SheetState) => ({ ...pageStateOf(s).zoom }),
      set: (s: SheetState, v, x) => {
        const z = (v ?? {}) as Record<string, unknown>;
        const wide = pageCount(z.horizontalFitToPages, "horizontalFitToPages", x);
        const tall = pageCount(z.verticalFitToPages, "verticalFitToPages", x);
        const scale = z.scale === undefined || z.scale === null ? null : z.scale;
        if (scale !== null && (typeof scale !== "number" || scale < 10 || scale > 400))
          throw invalidArgument(`Bad scale '${String(scale)}': 10 to 400.`, x.location);
        if (scale !== null && (wide !== null || tall !== null))
          throw invalidArgument("Set either a scale or pages to fit, not both.", x.location);
        pageStateOf(s).zoom =
          scale !== null
            ? { scale, horizontalFitToPages: null, verticalFitToPages: null }
            : { scale: null, horizontalFitToPages: wide, verticalFitToPages: tall };
      },
    },
    leftMargin: marginProp("left"),
    rightMargin: marginProp("right"),
    topMargin: marginProp("top"),
    bottomMargin: marginProp("bottom"),
    headerMargin: marginProp("header"),
    footerMargin: marginProp("footer"),
  },
  nav: {
    headersFooters: (p) => p._child(HeaderFooterGroup, "headersFooters", [], (s) => s),
  },
});

export class HeaderFooterGroup extends ClientObject {}

defineClass(HeaderFooterGroup, {
  name: "HeaderFooterGroup",
  props: {},
  nav: {
    defaultForAllPages: (p) => p._child(HeaderFooter, "defaultForAllPages", [], (s) => s),
  },
});

export class HeaderFooter extends ClientObject {}

const textProp = (key: keyof HeaderFooterTexts) => ({
  get: (s: SheetState) => pageStateOf(s).headers[key],
  set: (s: SheetState, v: unknown, x: Exec) => {
    if (typeof v !== "string") throw invalidArgument("Expected a string.", x.location);
    // Excel caps each header or footer at 255 characters.
    if (v.length > 255) throw invalidArgument("Header or footer over 255 characters.", x.location);
    pageStateOf(s).headers[key] = v;
  },
});

defineClass(HeaderFooter, {
  name: "HeaderFooter",
  props: {
    leftHeader: textProp("leftHeader"),
    centerHeader: textProp("centerHeader"),
    rightHeader: textProp("rightHeader"),
    leftFooter: textProp("leftFooter"),
    centerFooter: textProp("centerFooter"),
    rightFooter: textProp("rightFooter"),
  },
  nav: {},
});

export class PageBreakCollection extends ClientObject {
  /** A break before the top-left cell of the range. */
  add(pageBreakRange: Range | string): void {
    this._call("add", [pageBreakRange], (s: SheetState, x) => {
      const row = rangeArg(pageBreakRange, s, x).rect.r0;
      if (row === 0) throw invalidArgument("No page break can come before row 1.", x.location);
      const breaks = pageStateOf(s).rowBreaks;
      if (!breaks.includes(row)) breaks.push(row);
      breaks.sort((a, b) => a - b);
    });
  }

  removePageBreaks(): void {
    this._call("removePageBreaks", [], (s: SheetState) => {
      pageStateOf(s).rowBreaks = [];
    });
  }
}

defineClass(PageBreakCollection, {
  name: "PageBreakCollection",
  props: {},
  nav: {},
});
