// Reads cached cell results straight from an .xlsx (ExcelJS drops a cached 0 of a formula cell,
// which is exactly what a recalculation test must see).
import * as fs from "fs";
import JSZip from "jszip";

export type CachedValue = number | string | boolean | null;

export interface CachedWorkbook {
  cell(sheet: string, address: string): CachedValue;
  name(name: string): CachedValue;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export async function readCachedValues(file: string): Promise<CachedWorkbook> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async("string")) ?? "";
  const shared = [...(await text("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => decode([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""))
  );
  const workbookXml = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ])
  );
  const sheets = new Map<string, Map<string, CachedValue>>();
  for (const m of workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = await text(`xl/${(target.get(m[2]) ?? "").replace(/^\/?xl\//, "")}`);
    const cells = new Map<string, CachedValue>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /t="(\w+)"/.exec(c[2])?.[1] ?? "n";
      const raw = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? "")?.[1];
      let value: CachedValue = null;
      if (type === "s" && raw !== undefined) value = shared[Number(raw)];
      else if (type === "str" || type === "e") value = raw === undefined ? "" : decode(raw);
      else if (type === "inlineStr") value = inline === undefined ? "" : decode(inline);
      else if (type === "b") value = raw === "1";
      else if (raw !== undefined && raw !== "") value = Number(raw);
      cells.set(c[1], value);
    }
    sheets.set(decode(m[1]), cells);
  }
  const names = new Map(
    [...workbookXml.matchAll(/<definedName [^>]*name="([^"]+)"[^>]*>([^<]+)<\/definedName>/g)].map(
      (m) => [m[1], decode(m[2])]
    )
  );
  const cell = (sheet: string, address: string): CachedValue => {
    const s = sheets.get(sheet);
    if (!s) throw new Error(`No sheet ${sheet}`);
    return s.get(address.replace(/\$/g, "")) ?? null;
  };
  return {
    cell,
    name(name) {
      const ref = names.get(name);
      if (!ref) throw new Error(`No name ${name}`);
      const [sheet, address] = ref.split("!");
      return cell(sheet.replace(/^'|'$/g, "").replace(/''/g, "'"), address);
    },
  };
}
