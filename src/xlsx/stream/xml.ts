// One small door to saxes for the stream reader: parses a part's text and hands each start tag,
// text run and end tag to the caller. Names are qualified names as written; the pre-pass
// (../package/namespaces) has already given SpreadsheetML parts the default namespace.
import { StringDecoder } from "string_decoder";
import { SaxesParser } from "saxes";
import { WorkbookReadError } from "../../core/errors";

export interface XmlVisitor {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Bytes decoded and parsed per step: a big sheet is never one string (see ./fastCells). */
const CHUNK_BYTES = 1 << 15;

/**
 * Parses `xml` (text, or UTF-8 bytes fed a slice at a time), calling `visit` as it goes;
 * malformed XML becomes a message naming the part.
 */
export function walkXml(
  xml: string | Buffer,
  visit: XmlVisitor,
  label: string,
  part: string
): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (visit.open) {
    const open = visit.open;
    parser.on("opentag", (tag) =>
      open(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing)
    );
  }
  if (visit.text) {
    parser.on("text", visit.text);
    parser.on("cdata", visit.text);
  }
  if (visit.close) {
    const close = visit.close;
    parser.on("closetag", (tag) => close(tag.name));
  }
  try {
    if (typeof xml === "string") parser.write(xml);
    else {
      const decoder = new StringDecoder("utf8");
      const bom = xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? 3 : 0;
      for (let at = bom; at < xml.length; at += CHUNK_BYTES)
        parser.write(decoder.write(xml.subarray(at, Math.min(xml.length, at + CHUNK_BYTES))));
      parser.write(decoder.end());
    }
    parser.close();
  } catch (error) {
    throw new WorkbookReadError(
      `${label} could not be read as an .xlsx workbook: part ${part} is not well-formed XML (${(error as Error).message})`,
      "The file may be damaged. Open it in Excel and save it again as .xlsx."
    );
  }
}

/** ExcelJS's own `<t>` decoding (upper-case hex only); the pre-pass escapes text so this yields the stored form. */
export function excelJsTextDecode(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
