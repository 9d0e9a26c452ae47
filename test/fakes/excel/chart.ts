/** Charts on a sheet: type, source range, series orientation, title, legend and position are recorded. */
import { formatRect, qualify } from "./address";
import { ChartEntity } from "./entities";
import { excelEnums } from "./enums";
import { invalidArgument, itemNotFound } from "./errors";
import { ClientCollection, ClientObject, ClientResult, Exec, PropSpec, defineClass } from "./proxy";
import { Range, rangeArg } from "./range";
import { SheetState } from "./state";
import { Worksheet } from "./workbook";

const CHART_TYPES: string[] = Object.values(excelEnums.ChartType);
const SERIES_BY: string[] = Object.values(excelEnums.ChartSeriesBy);
const LEGEND_POSITIONS: string[] = Object.values(excelEnums.ChartLegendPosition);

function findChart(s: SheetState, name: string): ChartEntity | undefined {
  return s.chartList.find((c) => c.name === name);
}

export class ChartCollection extends ClientCollection<Chart> {
  protected _members(s: SheetState): unknown[] {
    return s.chartList;
  }

  protected _makeItem(entity: unknown): Chart {
    return new Chart(this.context, null, null, entity);
  }

  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    return this._child(Chart, "add", [type, sourceData, seriesBy], (s: SheetState, x) => {
      if (!CHART_TYPES.includes(type))
        throw invalidArgument(`Bad chart type '${type}'.`, x.location);
      if (!SERIES_BY.includes(seriesBy))
        throw invalidArgument(`Bad seriesBy '${seriesBy}'.`, x.location);
      s.assertAllowed("allowEditObjects", x.location);
      const source = rangeArg(sourceData, s, x);
      let n = s.chartList.length + 1;
      while (findChart(s, `Chart ${n}`)) n++;
      const chart = new ChartEntity(
        s.workbook.newId("chart"),
        `Chart ${n}`,
        s,
        type,
        source,
        seriesBy
      );
      s.chartList.push(chart);
      return chart;
    });
  }

  getItem(name: string): Chart {
    return this._child(Chart, "getItem", [name], (s: SheetState, x) => {
      const c = findChart(s, name);
      if (!c) throw itemNotFound(`No chart named '${name}'.`, x.location);
      return c;
    });
  }

  getItemOrNullObject(name: string): Chart {
    return this._child(
      Chart,
      "getItemOrNullObject",
      [name],
      (s: SheetState) => findChart(s, name) ?? null
    );
  }

  getItemAt(index: number): Chart {
    return this._child(Chart, "getItemAt", [index], (s: SheetState, x) => {
      const c = s.chartList[index];
      if (!c) throw itemNotFound(`No chart at ${index}.`, x.location);
      return c;
    });
  }

  getCount(): ClientResult<number> {
    return this._callResult("getCount", [], (s: SheetState) => s.chartList.length);
  }
}
defineClass(ChartCollection, {
  name: "ChartCollection",
  props: { count: { get: (s: SheetState) => s.chartList.length } },
  nav: {},
});

/** Anchor cell as an address (qualified only when it is on another sheet). */
function cellAddress(arg: unknown, s: SheetState, x: Exec): string {
  const r = rangeArg(arg, s, x);
  return r.sheet === s ? formatRect(r.rect) : qualify(r.sheet.name, r.rect);
}

export class Chart extends ClientObject {
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._call("setPosition", [startCell, endCell], (c: ChartEntity, x) => {
      c.sheet.assertAllowed("allowEditObjects", x.location);
      c.position = {
        start: cellAddress(startCell, c.sheet, x),
        end: endCell === undefined ? null : cellAddress(endCell, c.sheet, x),
      };
    });
  }

  setData(sourceData: Range, seriesBy: string = "Auto"): void {
    this._call("setData", [sourceData, seriesBy], (c: ChartEntity, x) => {
      if (!SERIES_BY.includes(seriesBy))
        throw invalidArgument(`Bad seriesBy '${seriesBy}'.`, x.location);
      c.source = rangeArg(sourceData, c.sheet, x);
      c.seriesBy = seriesBy;
    });
  }

  delete(): void {
    this._call("delete", [], (c: ChartEntity, x) => {
      c.sheet.assertAllowed("allowEditObjects", x.location);
      c.deleted = true;
      c.sheet.chartList = c.sheet.chartList.filter((o) => o !== c);
    });
  }

  activate(): void {
    this._call("activate", [], () => undefined);
  }
}

function field<K extends "top" | "left" | "width" | "height">(key: K): PropSpec<ChartEntity> {
  return {
    get: (c) => c[key],
    set: (c, v, x) => {
      if (typeof v !== "number" || v < 0) throw invalidArgument(`Bad ${key}.`, x.location);
      c[key] = v;
    },
  };
}

defineClass(Chart, {
  name: "Chart",
  props: {
    id: { get: (c: ChartEntity) => c.id },
    name: {
      get: (c: ChartEntity) => c.name,
      set: (c: ChartEntity, v, x) => {
        if (typeof v !== "string" || v === "")
          throw invalidArgument("A chart name is required.", x.location);
        c.name = v;
      },
    },
    chartType: {
      get: (c: ChartEntity) => c.chartType,
      set: (c: ChartEntity, v, x) => {
        if (!CHART_TYPES.includes(v as string))
          throw invalidArgument(`Bad chart type '${String(v)}'.`, x.location);
        c.chartType = v as string;
      },
    },
    top: field("top"),
    left: field("left"),
    width: field("width"),
    height: field("height"),
  },
  nav: {
    title: (p) => p._child(ChartTitle, "title", [], (c) => c),
    legend: (p) => p._child(ChartLegend, "legend", [], (c) => c),
    worksheet: (p) => p._child(Worksheet, "worksheet", [], (c: ChartEntity) => c.sheet),
  },
});

/** Setting a title's text makes it visible, as Excel does. */
export class ChartTitle extends ClientObject {}
defineClass(ChartTitle, {
  name: "ChartTitle",
  props: {
    text: {
      get: (c: ChartEntity) => c.title.text,
      set: (c: ChartEntity, v, x) => {
        if (typeof v !== "string") throw invalidArgument("Expected a string.", x.location);
        c.title = { text: v, visible: v !== "" ? true : c.title.visible };
      },
    },
    visible: {
      get: (c: ChartEntity) => c.title.visible,
      set: (c: ChartEntity, v, x) => {
        if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
        c.title = { ...c.title, visible: v };
      },
    },
  },
  nav: {},
});

export class ChartLegend extends ClientObject {}
defineClass(ChartLegend, {
  name: "ChartLegend",
  props: {
    visible: {
      get: (c: ChartEntity) => c.legend.visible,
      set: (c: ChartEntity, v, x) => {
        if (typeof v !== "boolean") throw invalidArgument("Expected a boolean.", x.location);
        c.legend = { ...c.legend, visible: v };
      },
    },
    position: {
      get: (c: ChartEntity) => c.legend.position,
      set: (c: ChartEntity, v, x) => {
        if (!LEGEND_POSITIONS.includes(v as string))
          throw invalidArgument(`Bad legend position '${String(v)}'.`, x.location);
        c.legend = { ...c.legend, position: v as string };
      },
    },
  },
  nav: {},
});
