// Namespace prefixes, rewritten to the ones ExcelJS matches literally. ExcelJS compares qualified
// names (`xdr:wsDr`, `worksheet`, `r:id`), so a part that binds the same namespaces to other
// prefixes reads as empty or crashes it: openpyxl writes drawings with a default namespace
// (`<wsDr xmlns="…spreadsheetDrawing">`, "reading 'anchors'"), .NET writers use `<x:worksheet>`.
// A part is rewritten only when it needs it (its root or a known namespace is not bound as ExcelJS
// expects); the rewrite is namespace-aware (saxes) and keeps every element, attribute and text.
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** How ExcelJS expects a kind of part to bind its namespaces. */
export interface PrefixPlan {
  /** Namespace of the root element, and its expected qualified name. */
  root: { uri: string; name: string };
  /** The default namespace (unprefixed elements), if any. */
  defaultUri: string | null;
  /** Namespace URI → prefix. */
  prefixes: Record<string, string>;
}

const SML_PREFIXES = {
  [NS.r]: "r",
  [NS.mc]: "mc",
  [NS.x14ac]: "x14ac",
  [NS.x14]: "x14",
  [NS.xm]: "xm",
};

/** SpreadsheetML parts: workbook, worksheets, shared strings, styles, tables, comments. */
export function spreadsheetPlan(rootName: string): PrefixPlan {
  return { root: { uri: NS.main, name: rootName }, defaultUri: NS.main, prefixes: SML_PREFIXES };
}

export const DRAWING_PLAN: PrefixPlan = {
  root: { uri: NS.xdr, name: "xdr:wsDr" },
  defaultUri: null,
  prefixes: { [NS.xdr]: "xdr", [NS.a]: "a", [NS.r]: "r", [NS.c]: "c", [NS.mc]: "mc" },
};

export const RELS_PLAN: PrefixPlan = {
  root: { uri: NS.rels, name: "Relationships" },
  defaultUri: NS.rels,
  prefixes: {},
};

const ROOT_TAG = /<([A-Za-z_][\w.:-]*)[\s/>]/g;
const DECLARATION = /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The first element's qualified name (skipping the declaration, comments and PIs). */
function rootName(xml: string): string | null {
  ROOT_TAG.lastIndex = 0;
  for (let m = ROOT_TAG.exec(xml); m; m = ROOT_TAG.exec(xml)) {
    const before = xml[m.index + 1];
    if (before !== "?" && before !== "!") return m[1];
  }
  return null;
}

/**
 * True when ExcelJS would read the part as written: the root has the expected qualified name and
 * every declaration of a namespace the plan knows uses the plan's prefix.
 */
export function hasExpectedPrefixes(xml: string, plan: PrefixPlan): boolean {
  if (rootName(xml) !== plan.root.name) return false;
  DECLARATION.lastIndex = 0;
  for (let m = DECLARATION.exec(xml); m; m = DECLARATION.exec(xml)) {
    const prefix = m[1] ?? "";
    const uri = m[2] ?? m[3] ?? "";
    const expected = uri === plan.defaultUri ? "" : plan.prefixes[uri];
    if (expected !== undefined && expected !== prefix) return false;
    if (prefix === "" && uri !== plan.defaultUri && uri !== "") return false;
  }
  return true;
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;");
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** Markup-compatibility attributes whose value is a list of namespace prefixes. */
const PREFIX_LISTS = new Set(["Ignorable", "ProcessContent", "MustUnderstand"]);

interface Scope {
  /** Output prefix per namespace URI outside the plan, declared at this level. */
  out: Map<string, string>;
  /** Input prefix → URI declared at this level ("" for the default namespace). */
  input: Map<string, string>;
  /** Output default namespace in effect. */
  defaultUri: string;
}

/**
 * Rewrites `xml` so that namespaces the plan knows use its prefixes (declared once on the root)
 * and every other namespace keeps its prefix and place of declaration unless the prefix clashes.
 * Throws on malformed XML.
 */
export function canonicalizePrefixes(xml: string, plan: PrefixPlan): string {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const out: string[] = [];
  const reserved = new Set<string>(Object.values(plan.prefixes));
  const scopes: Scope[] = [];
  const names: { name: string; selfClosing: boolean }[] = [];
  let generated = 0;

  const lookupOut = (uri: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const p = scopes[i].out.get(uri);
      if (p !== undefined) return p;
    }
    return undefined;
  };
  const lookupIn = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const u = scopes[i].input.get(prefix);
      if (u !== undefined) return u;
    }
    return undefined;
  };
  const inUse = (prefix: string): boolean =>
    scopes.some((s) => [...s.out.values()].includes(prefix));
  /** Output prefix of a namespace outside the plan, declared on the current element if new. */
  const prefixFor = (uri: string, wanted: string, decls: string[]): string => {
    const known = lookupOut(uri);
    if (known !== undefined) return known;
    let prefix = wanted;
    while (prefix === "" || /^xml/i.test(prefix) || reserved.has(prefix) || inUse(prefix))
      prefix = `ns${++generated}`;
    scopes[scopes.length - 1].out.set(uri, prefix);
    decls.push(` xmlns:${prefix}="${escapeAttribute(uri)}"`);
    return prefix;
  };
  const outPrefix = (uri: string, wanted: string, decls: string[]): string =>
    plan.prefixes[uri] ?? prefixFor(uri, wanted, decls);
  const mapPrefixList = (value: string): string =>
    value
      .split(/\s+/)
      .filter(Boolean)
      .map((p) => {
        const uri = lookupIn(p);
        return uri === undefined ? p : (plan.prefixes[uri] ?? lookupOut(uri) ?? p);
      })
      .join(" ");

  parser.on("xmldecl", (decl) => {
    out.push(
      `<?xml version="${decl.version ?? "1.0"}"` +
        (decl.encoding ? ` encoding="${decl.encoding}"` : "") +
        (decl.standalone ? ` standalone="${decl.standalone}"` : "") +
        "?>"
    );
  });
  parser.on("processinginstruction", (pi) => out.push(`<?${pi.target} ${pi.body}?>`));
  parser.on("comment", (text) => out.push(`<!--${text}-->`));
  parser.on("cdata", (text) => out.push(`<![CDATA[${text}]]>`));
  parser.on("text", (text) => out.push(escapeText(text)));
  parser.on("opentag", (tag: SaxesTagNS) => {
    const parent = scopes[scopes.length - 1];
    const scope: Scope = { out: new Map(), input: new Map(), defaultUri: parent?.defaultUri ?? "" };
    scopes.push(scope);
    const decls: string[] = [];
    const attributes = Object.values(tag.attributes) as SaxesAttributeNS[];
    for (const a of attributes)
      if (a.uri === XMLNS_NS) scope.input.set(a.prefix === "" ? "" : a.local, a.value);
    if (!parent) {
      if (plan.defaultUri) {
        decls.push(` xmlns="${plan.defaultUri}"`);
        scope.defaultUri = plan.defaultUri;
      }
      for (const [uri, prefix] of Object.entries(plan.prefixes))
        decls.push(` xmlns:${prefix}="${uri}"`);
    }
    // A namespace outside the plan stays declared where it was, so that prefix lists such as
    // mc:Ignorable still resolve there.
    for (const [prefix, uri] of scope.input)
      if (uri !== "" && uri !== plan.defaultUri && plan.prefixes[uri] === undefined)
        prefixFor(uri, prefix, decls);

    let name: string;
    if (tag.uri !== "" && tag.uri === plan.defaultUri) name = tag.local;
    else if (tag.uri === "") {
      name = tag.local;
      if (scope.defaultUri !== "") {
        decls.push(' xmlns=""');
        scope.defaultUri = "";
      }
    } else name = `${outPrefix(tag.uri, tag.prefix, decls)}:${tag.local}`;

    const attrs: string[] = [];
    for (const a of attributes) {
      if (a.uri === XMLNS_NS) continue;
      const prefixList =
        (a.uri === NS.mc && PREFIX_LISTS.has(a.local)) ||
        (tag.uri === NS.mc && a.uri === "" && a.local === "Requires");
      const value = prefixList ? mapPrefixList(a.value) : a.value;
      let attrName: string;
      if (a.uri === "") attrName = a.local;
      else if (a.uri === XML_NS) attrName = `xml:${a.local}`;
      else attrName = `${outPrefix(a.uri, a.prefix, decls)}:${a.local}`;
      attrs.push(` ${attrName}="${escapeAttribute(value)}"`);
    }
    names.push({ name, selfClosing: tag.isSelfClosing });
    out.push(`<${name}${decls.join("")}${attrs.join("")}${tag.isSelfClosing ? "/>" : ">"}`);
  });
  parser.on("closetag", () => {
    scopes.pop();
    const open = names.pop();
    if (open && !open.selfClosing) out.push(`</${open.name}>`);
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
  return out.join("");
}
