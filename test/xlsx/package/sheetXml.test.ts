// Where a sheet's cell data ends is searched from the end of its XML (a sheet may be 100 MB):
// it must be the last place the pattern of a closing `</sheetData>` or an empty `<sheetData/>`
// matches, as a scan of the whole text from the start finds it.
import { mergedRefs } from "../../../src/xlsx/package/sheetXml";

/** The tail's start as a forward scan of the whole text finds it. */
function tailByScan(xml: string): number {
  const end = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>|<(?:[A-Za-z_][\w.-]*:)?sheetData\s*\/>/g;
  let at = 0;
  for (let m = end.exec(xml); m; m = end.exec(xml)) at = m.index;
  return at;
}

const merge = (ref: string): string => `<mergeCell ref="${ref}"/>`;

const SHEETS: Record<string, string> = {
  usual: `<worksheet><sheetData><row/></sheetData><mergeCells>${merge("A1:B2")}</mergeCells></worksheet>`,
  prefixed: `<x:worksheet><x:sheetData></x:sheetData><x:mergeCells>${merge("C1:D1")}</x:mergeCells></x:worksheet>`,
  empty: `<worksheet><sheetData  /><mergeCells>${merge("E1:E9")}</mergeCells></worksheet>`,
  "the name in text and attributes after the data":
    `<worksheet><sheetData>${merge("Z1:Z2")}</sheetData><mergeCells>${merge("A1:A2")}</mergeCells>` +
    `<extLst note="sheetData"><t>sheetData </t><t>&lt;/sheetData&gt;</t></extLst></worksheet>`,
  "a fake end inside a value after the real one": `<worksheet><sheetData></sheetData>${merge("B1:B2")}<a v="</sheetData>"/>${merge("C1:C2")}</worksheet>`,
  "no end at all": `<worksheet>${merge("A1:A3")}<sheetData><row/></worksheet>`,
  "a prefix named sheetData": `<sheetData:sheetData/>${merge("F1:F2")}`,
  "starts with the name": `sheetData</sheetData>${merge("G1:G2")}`,
};

describe("the tail of a sheet", () => {
  for (const [name, xml] of Object.entries(SHEETS)) {
    it(`starts where a scan from the start finds it: ${name}`, () => {
      const expected = (xml.slice(tailByScan(xml)).match(/<mergeCell ref="[^"]*"\/>/g) ?? []).map(
        (tag) => /ref="([^"]*)"/.exec(tag)?.[1]
      );
      expect(mergedRefs(xml)).toEqual(expected);
    });
  }
});
