// Open Packaging Conventions, the slice ExcelJS depends on: relationship parts (`_rels/*.rels`),
// their targets resolved to part names, and targets rewritten in the relative form ExcelJS looks
// up literally (`../tables/table1.xml` from a sheet, not openpyxl's `/xl/tables/table1.xml`).
// Part names here have no leading slash, as zip entries do.
import * as posix from "path/posix";

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The relationship types ExcelJS resolves, by the last segment of their type URI. */
export const REL_TYPES = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  sharedStrings: `${REL}/sharedStrings`,
  styles: `${REL}/styles`,
  theme: `${REL}/theme`,
  table: `${REL}/table`,
  comments: `${REL}/comments`,
  vmlDrawing: `${REL}/vmlDrawing`,
  drawing: `${REL}/drawing`,
  image: `${REL}/image`,
  coreProperties:
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  extendedProperties: `${REL}/extended-properties`,
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The Target attribute as written (entities decoded). */
  target: string;
  external: boolean;
}

const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character and entity references decoded (`&amp;`, `&#x41;` …). */
export function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(ENTITY, (_m, hex?: string, dec?: string, name?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : NAMED[name as string]
  );
}

export function encodeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag (`<x a="1" b='2'>`), entities decoded; names keep prefixes. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag))
    out[m[1]] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}

/** `<Relationship …>` start tags, with or without a namespace prefix. */
export const RELATIONSHIP_TAG = /<(?:[A-Za-z_][\w.-]*:)?Relationship(?=[\s/>])[^>]*>/g;

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const tag of xml.match(RELATIONSHIP_TAG) ?? []) {
    const a = attributesOf(tag);
    if (a.Id === undefined || a.Target === undefined) continue;
    out.push({
      id: a.Id,
      type: a.Type ?? "",
      target: a.Target,
      external: (a.TargetMode ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  const rels = `_rels/${posix.basename(part)}.rels`;
  return dir === "." ? rels : `${dir}/${rels}`;
}

/** Resolves a relationship target against the part that holds it (absolute or relative). */
export function resolveTarget(source: string, target: string): string {
  const path = target.split("#")[0];
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a stray % that is not an escape: take the target as written
  }
  const joined = decoded.startsWith("/")
    ? decoded
    : posix.join("/", posix.dirname(source || "x"), decoded);
  return posix.normalize(joined).replace(/^\/+/, "");
}

/** The target that reaches `target` from `source` in the relative form Excel and ExcelJS write. */
export function relativeTarget(source: string, target: string): string {
  return posix.relative(posix.dirname(source || "x"), target);
}
