// Data validations Excel keeps in a worksheet's extLst (`<x14:dataValidations>`: a list or rule
// whose formula refers to another sheet), which ExcelJS does not read. Unseen, our rule looked
// missing, was added again as a plain `<dataValidation>`, and the carried-over extension kept the
// first one: every cell had two. The pre-pass lifts them into the plain list ExcelJS reads (only
// for ExcelJS: the order of the sheet's children does not matter to its parser), so they are
// compared, kept and written once; the carry-over leaves the extension out (LIFTED_EXTENSIONS).

/** The extension (by uri) holding x14 data validations. */
export const X14_DATA_VALIDATIONS_URI = "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}";
/** Extensions the pre-pass turns into parts ExcelJS models: written by ExcelJS, never carried. */
export const LIFTED_EXTENSIONS: ReadonlySet<string> = new Set([
  X14_DATA_VALIDATIONS_URI.toUpperCase(),
]);

const P = "(?:[A-Za-z_][\\w.-]*:)?";
const EXT = new RegExp(`<${P}ext\\b[^>]*>[\\s\\S]*?<\\/${P}ext>`, "g");
const VALIDATION = new RegExp(
  `<${P}dataValidation\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}dataValidation>)`,
  "g"
);
const formulaOf = (body: string, n: 1 | 2): string | undefined =>
  new RegExp(`<${P}formula${n}\\b[^>]*>\\s*<${P}f\\b[^>]*>([\\s\\S]*?)<\\/${P}f>`).exec(body)?.[1];
const SQREF = new RegExp(`<${P}sqref\\b[^>]*>([^<]*)<\\/${P}sqref>`);
const PLAIN_LIST_END = /<\/dataValidations>/;
const EXT_LIST = new RegExp(`<${P}extLst\\b`);

/** Unprefixed attributes only: prefixed ones (xr:uid) name namespaces the main list lacks. */
function plainAttributes(attributes: string): string {
  return [...attributes.matchAll(/\s([A-Za-z_][\w.-]*)\s*=\s*("[^"]*"|'[^']*')/g)]
    .map((m) => ` ${m[1]}=${m[2]}`)
    .join("");
}

/**
 * Moves the x14 data validations of a worksheet's XML into its `<dataValidations>` (created when
 * missing) as plain ones; returns the XML unchanged when it has none.
 */
export function liftX14Validations(xml: string): string {
  if (!/CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF/i.test(xml)) return xml;
  const lifted: string[] = [];
  const without = xml.replace(EXT, (ext) => {
    const uri = /\suri\s*=\s*["']([^"']*)["']/.exec(/^<[^>]*>/.exec(ext)?.[0] ?? "")?.[1] ?? "";
    if (!LIFTED_EXTENSIONS.has(uri.toUpperCase())) return ext;
    for (const m of ext.matchAll(VALIDATION)) {
      const body = m[2] ?? "";
      const sqref = SQREF.exec(body)?.[1]?.trim();
      if (!sqref) continue;
      const f1 = formulaOf(body, 1);
      const f2 = formulaOf(body, 2);
      lifted.push(
        `<dataValidation${plainAttributes(m[1])} sqref="${sqref}">` +
          (f1 === undefined ? "" : `<formula1>${f1}</formula1>`) +
          (f2 === undefined ? "" : `<formula2>${f2}</formula2>`) +
          "</dataValidation>"
      );
    }
    return "";
  });
  if (without === xml) return xml;
  if (lifted.length === 0) return without;
  if (PLAIN_LIST_END.test(without))
    return without.replace(PLAIN_LIST_END, `${lifted.join("")}</dataValidations>`);
  const list = `<dataValidations count="${lifted.length}">${lifted.join("")}</dataValidations>`;
  const at = EXT_LIST.exec(without)?.index ?? without.lastIndexOf("</");
  return without.slice(0, at) + list + without.slice(at);
}
