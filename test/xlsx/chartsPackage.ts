// Reads the charts of a written .xlsx the way a consumer would: workbook → sheet → drawing →
// anchors → chart parts, each chart parsed with @xmldom/xmldom (a parse error fails the test).
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import * as fs from "fs";
import { OpcPackage } from "../../src/xlsx/carry/opcPackage";
import { sheetEntries } from "../../src/xlsx/carry/carryOver";
import { anchorsOf } from "../../src/xlsx/charts/drawingXml";
import { CHART_NS } from "../../src/xlsx/charts/chartXml";

export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

export interface SeriesRead {
  name: string | null;
  categories: string;
  values: string;
  /** Cached points: idx → value text. */
  categoryCache: Map<number, string>;
  valueCache: Map<number, string>;
}

export interface ChartRead {
  /** The drawing object's name (what Excel and Office.js call the chart). */
  name: string;
  part: string;
  xml: string;
  kind: string;
  title: string;
  series: SeriesRead[];
}

const byTag = (el: Element | Document, tag: string): Element[] =>
  Array.from(el.getElementsByTagNameNS(CHART_NS, tag));

function cache(el: Element | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!el) return out;
  for (const pt of byTag(el, "pt"))
    out.set(Number(pt.getAttribute("idx")), byTag(pt, "v")[0]?.textContent ?? "");
  return out;
}

function formula(el: Element | undefined): string {
  return el ? (byTag(el, "f")[0]?.textContent ?? "") : "";
}

export async function readPackage(file: string): Promise<OpcPackage> {
  return OpcPackage.read(fs.readFileSync(file), file);
}

/** The sheet's worksheet part, by sheet name. */
export function sheetPart(pkg: OpcPackage, sheet: string): string {
  const workbook = pkg.workbookPart() as string;
  const entry = sheetEntries(pkg, workbook, pkg.text(workbook) ?? "").find((e) => e.name === sheet);
  if (!entry?.part) throw new Error(`no sheet ${sheet}`);
  return entry.part;
}

/** The charts a sheet's drawing shows, in drawing order. */
export function chartsOn(pkg: OpcPackage, sheet: string): ChartRead[] {
  const part = sheetPart(pkg, sheet);
  const rel = pkg.rels(part).find((r) => r.type.endsWith("/drawing"));
  if (!rel) return [];
  const drawing = pkg.target(part, rel) as string;
  const byId = new Map(pkg.rels(drawing).map((r) => [r.id, pkg.target(drawing, r)]));
  return anchorsOf(pkg.text(drawing) ?? "").flatMap((a) => {
    const chartPart = a.relIds.map((id) => byId.get(id)).find((p) => p?.includes("chart"));
    if (!chartPart) return [];
    const xml = pkg.text(chartPart) ?? "";
    const doc = parseXml(xml);
    const plot = byTag(doc, "plotArea")[0];
    const kindEl = Array.from(plot.childNodes).find(
      (n): n is Element => n.nodeType === 1 && ((n as Element).localName ?? "").endsWith("Chart")
    );
    return [
      {
        name: a.name,
        part: chartPart,
        xml,
        kind: kindEl?.localName ?? "",
        title: byTag(byTag(doc, "title")[0], "rich")[0]?.textContent ?? "",
        series: byTag(doc, "ser").map((ser) => {
          const tx = byTag(ser, "tx")[0];
          const cat = byTag(ser, "cat")[0];
          const val = byTag(ser, "val")[0];
          return {
            name: tx ? formula(tx) : null,
            categories: formula(cat),
            values: formula(val),
            categoryCache: cache(cat),
            valueCache: cache(val),
          };
        }),
      },
    ];
  });
}
