// The sheet scanner counts rows and cells while a sheet inflates (the limits' guard) and finds the
// used extent. It reads tags by character; the pattern it replaced, fed the same pieces (of every
// small size, so tags are cut anywhere), is the oracle here.
import fc from "fast-check";
import { columnNumber } from "../../../src/xlsx/package/cellRanges";
import { SheetScanner, type SheetExtent } from "../../../src/xlsx/package/sheetScan";

/** The scan as the pattern it replaced did it: piece by piece, an unfinished tag carried over. */
function byPattern(xml: string, piece: number): SheetExtent {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g;
  const rAttr = /(?:^|\s)r\s*=\s*["']([A-Za-z]*)(\d*)["']/;
  const out = { rows: 0, cells: 0, lastRow: 0, lastCol: 0 };
  let row = 0;
  let col = 0;
  let carry = "";
  for (let at = 0; at < xml.length; at += piece) {
    const text = carry + xml.slice(at, at + piece);
    const open = text.lastIndexOf("<");
    const complete = open > text.lastIndexOf(">") ? open : text.length;
    carry = text.slice(complete);
    const body = text.slice(0, complete);
    tag.lastIndex = 0;
    for (let m = tag.exec(body); m; m = tag.exec(body)) {
      const ref = rAttr.exec(m[2]);
      if (m[1] === "row") {
        row = ref && ref[2] ? Number(ref[2]) : row + 1;
        col = 0;
        out.rows++;
        out.lastRow = Math.max(out.lastRow, row);
      } else {
        col = ref && ref[1] ? columnNumber(ref[1]) : col + 1;
        if (ref && ref[2]) out.lastRow = Math.max(out.lastRow, Number(ref[2]));
        out.lastCol = Math.max(out.lastCol, col);
        out.cells++;
      }
    }
  }
  return out;
}

function scanned(xml: string, piece: number): SheetExtent {
  const bytes = Buffer.from(xml, "latin1");
  const scanner = new SheetScanner();
  for (let at = 0; at < bytes.length; at += piece)
    scanner.feed(bytes.subarray(at, Math.min(bytes.length, at + piece)));
  const { rows, cells, lastRow, lastCol } = scanner;
  return { rows, cells, lastRow, lastCol };
}

const SHEETS: Record<string, string> = {
  usual:
    '<worksheet><cols><col min="1" max="3"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>' +
    '<c r="C1"/></row><row r="4"><c r="B4"><f>A1</f></c></row></sheetData>' +
    '<conditionalFormatting sqref="A1"><cfRule type="x"/></conditionalFormatting></worksheet>',
  "prefixed tags":
    '<x:worksheet><x:sheetData><x:row r="2"><x:c r="AB2"/><x:c/></x:row></x:sheetData>',
  "no r, and r in other shapes":
    "<row><c/><c><v>1</v></c></row><row r = '9'><c\tr='d9'/><c r=\"$E$9\"/></row>",
  "names that only start like row or c":
    '<rows/><rowx r="5"/><col r="7"/><cfRule/><cc r="Z9"/><a:colour/><row\u00a0r="3"><c\u00a0r="F3"/></row>',
  "prefix-like names and odd characters":
    '<a.b-c:row r="6"><_:c r="G6"/></a.b-c:row><1:row r="99"/><:c r="H1"/><row/><c/>',
  "a '<' inside a tag": '<row r="2" note="<c r=\'Q2\'/>"><c r="B2"/></row>',
};

describe("sheet scanner", () => {
  for (const [name, xml] of Object.entries(SHEETS)) {
    it(`scans ${name} as the pattern does, in pieces of any size`, () => {
      const whole = byPattern(xml, xml.length);
      expect(whole.rows + whole.cells).toBeGreaterThan(0);
      for (const piece of [1, 2, 3, 5, 7, 16, 64, 1 << 16])
        expect(scanned(xml, piece)).toEqual(byPattern(xml, piece));
    });
  }

  it("scans any mix of plain, prefixed and look-alike tags as the pattern does", () => {
    const token = fc.constantFrom(
      '<row r="3">',
      "<row>",
      "</row>",
      '<c r="B3" s="1"/>',
      '<c r="AA12"><v>1</v></c>',
      "<c/>",
      "<c>",
      '<c r = "C4"/>',
      "<c r='D5'/>",
      '<c r="$E$1"/>',
      '<c r="ABCD1"/>',
      '<row r="12345678901">',
      '<c r="b0"/>',
      '<c r="7"/>',
      '<x:row r="7">',
      "<x:c/>",
      "<a:colour/>",
      "<cols>",
      "<rowBreaks/>",
      "<cfRule/>",
      ":c ",
      ":row>",
      "<",
      ">",
      ' r="F9"',
      "\u00a0",
      '<c\u00a0r="G2"/>',
      "text"
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (parts, piece) => {
          const xml = parts.join("");
          expect(scanned(xml, piece)).toEqual(byPattern(xml, piece));
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("stops when told to, at the row past the limit", () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"/></row>`);
    const scanner = new SheetScanner((n) => {
      if (n > 10) throw new Error(`row ${n}`);
    });
    expect(() => scanner.feed(Buffer.from(rows.join("")))).toThrow("row 11");
    expect(scanner.cells).toBe(10);
  });
});
