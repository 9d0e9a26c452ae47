// Just enough XML for the carry-over pass, on strings: the root element's direct children (the
// long `<sheetData>` is skipped in one jump), inserting a child where the schema orders it,
// one attribute set on a start tag, and namespace declarations a moved fragment needs.
import { attributesOf, encodeAttribute } from "../package/relationships";

export interface Child {
  /** Qualified name as written. */
  name: string;
  /** Local name; for `mc:AlternateContent`, the local name of the element its Choice holds. */
  local: string;
  start: number;
  end: number;
  xml: string;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

const localOf = (name: string): string => name.slice(name.indexOf(":") + 1);

/** The root's start tag (name, bounds) or null when there is no element. */
export function rootOf(
  xml: string
): { name: string; start: number; end: number; tag: string } | null {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[1]) return null;
    return { name: m[2], start: m.index, end: m.index + m[0].length, tag: m[0] };
  }
  return null;
}

/** The direct children of the root element, in order. */
export function childrenOf(xml: string): Child[] {
  const root = rootOf(xml);
  if (!root || root.tag.endsWith("/>")) return [];
  const out: Child[] = [];
  let depth = 0;
  let current: { name: string; start: number } | null = null;
  TAG.lastIndex = root.end;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [whole, closing, name, , selfClosing] = m;
    if (whole.startsWith("<?") || whole.startsWith("<!")) continue;
    if (closing) {
      if (depth === 0) break; // the root closes
      depth--;
      if (depth === 0 && current) {
        const end = m.index + whole.length;
        out.push(child(xml, current.name, current.start, end));
        current = null;
      }
      continue;
    }
    if (depth === 0) {
      if (selfClosing) {
        out.push(child(xml, name, m.index, m.index + whole.length));
        continue;
      }
      current = { name, start: m.index };
      if (localOf(name) === "sheetData") {
        // Rows and cells are never children of interest: jump to the end of the element.
        const close = xml.indexOf(`</${name}>`, m.index);
        if (close < 0) break;
        out.push(child(xml, name, m.index, close + name.length + 3));
        current = null;
        TAG.lastIndex = close + name.length + 3;
        continue;
      }
    }
    if (!selfClosing) depth++;
  }
  return out;
}

function child(xml: string, name: string, start: number, end: number): Child {
  const text = xml.slice(start, end);
  let local = localOf(name);
  if (local === "AlternateContent") {
    const inner = /<(?:[\w.-]+:)?Choice\b[^>]*>\s*<([A-Za-z_][\w.:-]*)/.exec(text);
    if (inner) local = localOf(inner[1]);
  }
  return { name, local, start, end, xml: text };
}

/** Replaces `[start, end)` edits (non-overlapping) in one pass. */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/**
 * Inserts `fragments` (each with its local name) among the root's children where `order` puts
 * them; children whose name `order` does not list stay where they are.
 */
export function insertChildren(
  xml: string,
  fragments: { local: string; xml: string }[],
  order: readonly string[]
): string {
  if (fragments.length === 0) return xml;
  const children = childrenOf(xml);
  const rank = (local: string): number => {
    // A child the order does not know goes before the last one listed (always extLst).
    const i = order.indexOf(local);
    return i < 0 ? order.length - 1.5 : i;
  };
  const root = rootOf(xml);
  if (!root) return xml;
  const closeAt = xml.lastIndexOf(`</${root.name}>`);
  // In schema order among themselves (a stable sort keeps equals as given), each before the
  // first child the schema puts after it.
  const ordered = [...fragments].sort((x, y) => rank(x.local) - rank(y.local));
  const edits = ordered.map((f) => {
    const next = children.find((c) => rank(c.local) > rank(f.local));
    const at = next ? next.start : closeAt;
    return { start: at, end: at, text: f.xml };
  });
  return splice(xml, edits);
}

/** Sets (or adds) one attribute on the first start tag in `tag`. */
export function setAttribute(tag: string, name: string, value: string): string {
  const escaped = encodeAttribute(value);
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(["'])[^"']*\\2`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${escaped}"`);
  return tag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${escaped}"`);
}

/** Prefix → namespace URI declared on a start tag. */
export function declarations(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(attributesOf(tag))) {
    if (k === "xmlns") out.set("", v);
    else if (k.startsWith("xmlns:")) out.set(k.slice(6), v);
  }
  return out;
}

/** Namespace prefixes an XML fragment uses in element or attribute names. */
function prefixesUsed(fragment: string): Set<string> {
  const used = new Set<string>();
  for (const m of fragment.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g)) used.add(m[1]);
  for (const m of fragment.matchAll(/\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=/g))
    if (m[1] !== "xmlns" && m[1] !== "xml") used.add(m[1]);
  for (const m of fragment.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=/g)) used.delete(m[1]);
  return used;
}

/**
 * Declares on the root of `xml` each prefix the inserted fragments use that the root lacks,
 * with the URI `known` gives it (the source document's declarations).
 */
export function declarePrefixes(
  xml: string,
  fragments: string[],
  known: Map<string, string>
): string {
  const root = rootOf(xml);
  if (!root) return xml;
  const have = declarations(root.tag);
  let tag = root.tag;
  for (const fragment of fragments)
    for (const prefix of prefixesUsed(fragment)) {
      const uri = known.get(prefix);
      if (uri === undefined || have.has(prefix)) continue;
      have.set(prefix, uri);
      tag = tag.replace(/(\/?>)$/, ` xmlns:${prefix}="${encodeAttribute(uri)}"$1`);
    }
  return tag === root.tag ? xml : xml.slice(0, root.start) + tag + xml.slice(root.end);
}

/** Rewrites `r:id`-style attributes (any prefix bound to the relationships namespace) through `ids`. */
export function remapRelIds(
  fragment: string,
  ids: Map<string, string>,
  prefixes: string[]
): string {
  if (ids.size === 0 || prefixes.length === 0) return fragment;
  const names = prefixes.map((p) => p.replace(/[.-]/g, "\\$&")).join("|");
  const pattern = new RegExp(`(\\s(?:${names}):[A-Za-z]+\\s*=\\s*)(["'])([^"']*)\\2`, "g");
  return fragment.replace(pattern, (whole, lead: string, _q: string, id: string) => {
    const to = ids.get(id);
    return to === undefined ? whole : `${lead}"${encodeAttribute(to)}"`;
  });
}
