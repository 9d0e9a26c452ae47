// The drawing part (`xl/drawings/drawingN.xml`, SpreadsheetML drawing) that places charts on a
// sheet: one twoCellAnchor per chart, its graphicFrame pointing at the chart part by relationship
// id. Also reads an existing drawing's anchors, so ours can be told from a user's and replaced.
import { attributesOf, encodeAttribute } from "../package/relationships";
import { CHART_NS, DRAWINGML_NS } from "./chartXml";

export const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** 0-based cell corners: the chart runs from the top-left of `from` to the top-left of `to`. */
export interface Frame {
  /** Unique within the drawing (cNvPr id). */
  id: number;
  /** The chart's name, as Excel shows it and Office.js finds it (`sheet.charts.getItem`). */
  name: string;
  relId: string;
  from: { row: number; col: number };
  to: { row: number; col: number };
}

function marker(tag: "from" | "to", at: { row: number; col: number }): string {
  return `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** One anchored chart frame (declares the prefixes it uses, so it fits any drawing). */
export function anchorXml(frame: Frame): string {
  const name = encodeAttribute(frame.name);
  return [
    `<xdr:twoCellAnchor xmlns:xdr="${XDR_NS}" xmlns:a="${DRAWINGML_NS}" editAs="oneCell">`,
    marker("from", frame.from),
    marker("to", frame.to),
    '<xdr:graphicFrame macro="">',
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${frame.id}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
    `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${R_NS}" r:id="${encodeAttribute(frame.relId)}"/></a:graphicData></a:graphic>`,
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
  ].join("");
}

/** A drawing part holding `anchors`. */
export function drawingPartXml(anchors: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${DRAWINGML_NS}">${anchors.join("")}</xdr:wsDr>`
  );
}

/** An anchor of an existing drawing: where it is, its object's name and the ids it points at. */
export interface Anchor {
  start: number;
  end: number;
  /** cNvPr name and id of the object (first one in the anchor). */
  name: string;
  id: number;
  /** Relationship ids the anchor uses (chart, picture, …). */
  relIds: string[];
}

const ANCHOR =
  /<((?:[\w.-]+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor))\b[^>]*>[\s\S]*?<\/\1>/g;

/** The anchors of a drawing part, in order. */
export function anchorsOf(xml: string): Anchor[] {
  return [...xml.matchAll(ANCHOR)].map((m) => {
    const pr = /<(?:[\w.-]+:)?cNvPr\b[^>]*>/.exec(m[0]);
    const a = pr ? attributesOf(pr[0]) : {};
    const relIds = [...m[0].matchAll(/\s[\w.-]+:(?:id|embed|link)\s*=\s*"([^"]*)"/g)].map(
      (r) => r[1]
    );
    return {
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      name: a.name ?? "",
      id: Number(a.id) || 0,
      relIds,
    };
  });
}
