/** Plain snapshots of cells, tables and conditional formats handed to tests by the state API. */
import { formatRect, rowCount } from "./address";
import { ConditionalFormatEntity, HyperlinkData, TableEntity, cfDataKey } from "./entities";
import type { CellScalar } from "./formula";

/** Per-cell view handed to tests. */
export interface CellView {
  value: CellScalar;
  formula: string | null;
  hyperlink: HyperlinkData | null;
  numberFormat: string;
  text: string;
  format: {
    bold: boolean;
    italic: boolean;
    fontColor: string;
    fontSize: number;
    fontName: string;
    fill: string | null;
    wrap: boolean;
    horizontalAlignment: string;
    verticalAlignment: string;
    locked: boolean;
  };
}

export interface TableView {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
  /** Each column with its calculated-column formula (for the first body row), or null. */
  columns: Array<{ name: string; formula: string | null }>;
  rowCount: number;
  style: string;
  showHeaders: boolean;
  showTotals: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
}

export function tableView(t: TableEntity): TableView {
  return {
    name: t.name,
    sheet: t.sheet.name,
    address: formatRect(t.rect),
    headers: t.columns.map((c) => c.name),
    columns: t.columns.map((c) => ({ name: c.name, formula: c.formula })),
    rowCount: rowCount(t.bodyRect),
    style: t.style,
    showHeaders: t.showHeaders,
    showTotals: t.showTotals,
    showBandedRows: t.showBandedRows,
    showBandedColumns: t.showBandedColumns,
    showFilterButton: t.showFilterButton,
  };
}

export interface ConditionalFormatView {
  id: string;
  address: string;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  /** custom: the rule formula. */
  formula?: string;
  /** cellValue / textComparison / preset / topBottom rule. */
  rule?: unknown;
  format?: {
    fill?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    numberFormat?: string | null;
  };
  dataBar?: Record<string, unknown>;
  colorScale?: unknown;
  iconSet?: Record<string, unknown>;
}

export function conditionalFormatView(
  cf: ConditionalFormatEntity,
  priority: number
): ConditionalFormatView {
  const key = cfDataKey(cf.type);
  const d = (cf.data[key] ?? {}) as Record<string, any>;
  const view: ConditionalFormatView = {
    id: cf.id,
    address: cf.rects.map((r) => formatRect(r)).join(","),
    type: cf.type,
    priority,
    stopIfTrue: cf.stopIfTrue,
  };
  if (cf.type === "Custom") view.formula = d.rule?.formula;
  else if (d.rule !== undefined) view.rule = d.rule;
  if (d.format) {
    view.format = {
      fill: d.format.fill?.color ?? null,
      fontColor: d.format.font?.color ?? null,
      bold: d.format.font?.bold ?? null,
      italic: d.format.font?.italic ?? null,
      numberFormat: d.format.numberFormat ?? null,
    };
  }
  if (cf.type === "DataBar") view.dataBar = d;
  if (cf.type === "ColorScale") view.colorScale = d.criteria;
  if (cf.type === "IconSet") view.iconSet = d;
  return view;
}
