// One chart part (`xl/charts/chartN.xml`, DrawingML chart) from a ChartSpec: a clustered bar, a
// pie or a line chart whose series point at sheet ranges (`'Summary'!$B$13:$B$19`), each with a
// cache of the cells' current values so a viewer that does not recalculate still draws them.
// Elements follow the ECMA-376 schema order (CT_ChartSpace, CT_Chart, CT_PlotArea, CT_*Ser, axes).
import { encodeAttribute } from "../package/relationships";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const CHART_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** A reference with the values its cells hold now (null: empty or not calculated yet). */
export interface TextData {
  ref: string;
  values: (string | null)[];
}
export interface NumberData {
  ref: string;
  values: (number | null)[];
  /** Excel number format of the cells ("0.0%", "yyyy-mm-dd", "General"). */
  format: string;
}

export interface SeriesSpec {
  /** The header cell naming the series, when the source has one. */
  name?: TextData;
  categories: TextData | NumberData;
  values: NumberData;
}

export interface ChartSpec {
  kind: "bar" | "column" | "line" | "pie";
  title: string;
  series: SeriesSpec[];
  /** Bar fill / line colour of the first series ("RRGGBB"). */
  color?: string;
  /** Colours of the first series' points, by position ("RRGGBB"; null: the viewer's default). */
  pointColors?: (string | null)[];
}

const esc = encodeAttribute;
const CAT_AXIS = 500000001;
const VAL_AXIS = 500000002;

function richText(text: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-GB" b="1"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function points(values: (string | number | null)[]): string {
  return values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${esc(String(v))}</c:v></c:pt>`))
    .join("");
}

function strRef(data: TextData): string {
  return `<c:strRef><c:f>${esc(data.ref)}</c:f><c:strCache><c:ptCount val="${data.values.length}"/>${points(data.values)}</c:strCache></c:strRef>`;
}

function numRef(data: NumberData): string {
  return `<c:numRef><c:f>${esc(data.ref)}</c:f><c:numCache><c:formatCode>${esc(data.format)}</c:formatCode><c:ptCount val="${data.values.length}"/>${points(data.values)}</c:numCache></c:numRef>`;
}

const isNumber = (d: TextData | NumberData): d is NumberData => "format" in d;

function fill(color: string | undefined, line: boolean): string {
  if (!color) return "";
  const solid = `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
  return line
    ? `<c:spPr><a:ln w="28575" cap="rnd">${solid}<a:round/></a:ln></c:spPr>`
    : `<c:spPr>${solid}</c:spPr>`;
}

/** CT_DPt per coloured point (bar and pie series only: a line series puts its marker first). */
function pointFills(spec: ChartSpec): string {
  if (spec.kind === "line") return "";
  return (spec.pointColors ?? [])
    .map((c, idx) =>
      c
        ? `<c:dPt><c:idx val="${idx}"/>${spec.kind === "pie" ? "" : '<c:invertIfNegative val="0"/>'}<c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="${c}"/></a:solidFill></c:spPr></c:dPt>`
        : ""
    )
    .join("");
}

/** CT_BarSer / CT_LineSer / CT_PieSer: idx, order, tx, spPr, (kind-specific), cat, val. */
function seriesXml(spec: ChartSpec, s: SeriesSpec, i: number): string {
  const line = spec.kind === "line";
  const color = i === 0 && spec.kind !== "pie" ? spec.color : undefined;
  return [
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>`,
    s.name ? `<c:tx>${strRef(s.name)}</c:tx>` : "",
    fill(color, line),
    spec.kind === "bar" || spec.kind === "column" ? '<c:invertIfNegative val="0"/>' : "",
    i === 0 ? pointFills(spec) : "",
    line ? '<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>' : "",
    `<c:cat>${isNumber(s.categories) ? numRef(s.categories) : strRef(s.categories)}</c:cat>`,
    `<c:val>${numRef(s.values)}</c:val>`,
    line ? '<c:smooth val="0"/>' : "",
    "</c:ser>",
  ].join("");
}

function axes(spec: ChartSpec): string {
  const format = spec.series[0]?.values.format ?? "General";
  const percent = format.includes("%");
  const horizontal = spec.kind === "bar";
  const categories = spec.series[0]?.categories;
  const dates = categories !== undefined && isNumber(categories);
  // Horizontal bars read top-down in sheet order: categories reversed, values along the bottom.
  return [
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>`,
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>`,
    dates && categories
      ? `<c:numFmt formatCode="${esc(categories.format)}" sourceLinked="0"/>`
      : "",
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    // Dates as plain categories (auto off): one evenly spaced point per snapshot, not a day scale.
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="${dates ? 0 : 1}"/>`,
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>',
    "</c:catAx>",
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/>`,
    percent ? '<c:max val="1"/><c:min val="0"/>' : "",
    `</c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>`,
    `<c:numFmt formatCode="${percent ? "0%" : esc(format)}" sourceLinked="0"/>`,
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/>`,
    "</c:valAx>",
  ].join("");
}

function plotXml(spec: ChartSpec): string {
  const series = spec.series.map((s, i) => seriesXml(spec, s, i)).join("");
  const axisIds = `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`;
  switch (spec.kind) {
    case "pie":
      return (
        `<c:pieChart><c:varyColors val="1"/>${series}` +
        '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>' +
        '<c:firstSliceAng val="0"/></c:pieChart>'
      );
    case "line":
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axisIds}</c:lineChart>${axes(spec)}`;
    default:
      return `<c:barChart><c:barDir val="${spec.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="60"/>${axisIds}</c:barChart>${axes(spec)}`;
  }
}

/** The chart part's XML. */
export function chartPartXml(spec: ChartSpec): string {
  // A legend only where it tells something: pie slices, or several lines.
  const legend = spec.kind === "pie" || spec.series.length > 1;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`,
    '<c:roundedCorners val="0"/>',
    `<c:chart><c:title>${richText(spec.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`,
    `<c:plotArea><c:layout/>${plotXml(spec)}</c:plotArea>`,
    legend ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : "",
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>',
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>',
    "</c:chartSpace>",
  ].join("");
}
