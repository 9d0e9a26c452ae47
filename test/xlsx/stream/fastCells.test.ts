// The fast cell reader reads a cell's `r`, `s` and `t` by character in the usual shape and falls
// back to patterns for any other: whatever the shape, it must hand on exactly the cells the
// general (saxes) reader does, which is the oracle here.
import { fastReadable, scanSheetCells } from "../../../src/xlsx/stream/fastCells";
import { readSheetCells, type RawCell } from "../../../src/xlsx/stream/sheetCells";

function sheet(rows: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}

/** Cells with something in them: the general reader also hands on empty (styled) ones. */
const filled = (c: RawCell): boolean =>
  c.value !== undefined ||
  c.runs !== null ||
  c.formula !== undefined ||
  c.formulaType !== undefined;

function bothReaders(xml: string): { fast: RawCell[]; general: RawCell[] } {
  const fast: RawCell[] = [];
  const general: RawCell[] = [];
  scanSheetCells(xml, (c) => fast.push({ ...c }), "test.xlsx", "sheet1.xml");
  readSheetCells(xml, (c) => general.push({ ...c }), "test.xlsx", "sheet1.xml");
  // As bytes too (read in pieces, decoded as UTF-8).
  const fromBytes: RawCell[] = [];
  scanSheetCells(Buffer.from(xml, "utf8"), (c) => fromBytes.push({ ...c }), "t", "p");
  expect(fromBytes).toEqual(fast);
  return { fast, general: general.filter(filled) };
}

const SHAPES: Record<string, string> = {
  usual: '<row r="2"><c r="B2" s="3" t="s"><v>1</v></c><c r="C2" s="12"><v>4.5</v></c></row>',
  "lower-case and absolute references":
    '<row r="3"><c r="d3" t="n"><v>1</v></c><c r="$E$3"><v>2</v></c><c r="AB3"><v>3</v></c></row>',
  "no r: the column follows the last one, empty cells included":
    '<row r="4"><c r="C4" s="1"/><c s="2"><v>7</v></c><c/><c t="b"><v>1</v></c></row>',
  "single quotes, tabs, spaces around =":
    "<row r='5'><c r='B5'\ts='2' t = \"str\"><v>x</v></c><c  r=\"D5\"  s=\"1\" ><v>9</v></c></row>",
  "other attributes, a value holding = or '":
    '<row r="6"><c r="A6" cm="1" vm="2" s="4"><v>1</v></c>' +
    '<c x="a=b" r="B6" t="e"><v>#N/A</v></c><c note="it\'s" r="C6"><v>2</v></c></row>',
  "empty s and t, big style numbers":
    '<row r="7"><c r="A7" s="" t=""><v>1</v></c><c r="B7" s="1234567890"><v>2</v></c></row>',
  "rows past nine digits of style, and many letters of column":
    '<row r="8"><c r="XFD8" s="007"><v>3</v></c></row>',
  "formulas, shared and plain":
    '<row r="9"><c r="A9"><f t="shared" ref="A9:A11" si="0">B9*2</f><v>4</v></c>' +
    '<c r="B9" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
    '<row r="10"><c r="A10"><f t="shared" si="0"/><v>6</v></c></row>',
  "inline strings (the general path)":
    '<row r="12"><c r="A12" t="inlineStr"><is><t>hi &amp; bye</t></is></c></row>',
  "rows without r": '<row><c r="A13"><v>1</v></c></row><row><c><v>2</v></c></row>',
};

describe("fast cell reader", () => {
  for (const [name, rows] of Object.entries(SHAPES)) {
    it(`reads ${name} as the general reader does`, () => {
      const { fast, general } = bothReaders(sheet(rows));
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(general);
    });
  }

  it("reads every shape together, in one sheet", () => {
    const { fast, general } = bothReaders(sheet(Object.values(SHAPES).join("")));
    expect(fast).toEqual(general);
  });

  it("leaves parts with comments, CDATA or carriage returns to the general reader", () => {
    const cases: [string, boolean][] = [
      ['<c r="A1"><f>Sheet1!A1&amp;"!--"</f></c><!', true],
      ["<!---->", false],
      ['<c r="A1"><v>1</v></c><!-- note -->', false],
      ["<t><![CDATA[a<b]]></t>", false],
      ["<t>!-- ![CDATA[ </t>", true],
      ["<row>\r\n</row>", false],
      ["", true],
    ];
    for (const [xml, fast] of cases) {
      expect(fastReadable(xml)).toBe(fast);
      expect(fastReadable(Buffer.from(xml))).toBe(fast);
    }
  });

  it("refuses a reference that is not one, as the general reader does", () => {
    const xml = sheet('<row r="1"><c r="ABCD1"><v>1</v></c></row>');
    expect(() => scanSheetCells(xml, () => undefined, "t", "p")).toThrow(/Not a cell address/);
    expect(() => readSheetCells(xml, () => undefined, "t", "p")).toThrow(/Not a cell address/);
  });
});
