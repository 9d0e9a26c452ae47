// The worksheet patch on its own: edited cells replaced where they are, new rows and cells put in
// order, and every byte of the rows it does not edit copied as it was (found by byte search, the
// untouched rows are never decoded).
import {
  PatchUnsupported,
  patchRows,
  splitSheet,
  type CellEdit,
  type SheetEdits,
} from "../../../src/xlsx/patch/sheetPatch";

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>';
const TAIL = '</sheetData><rowBreaks count="1"><brk id="2"/></rowBreaks></worksheet>';
const ROW1 =
  '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="3"><v>5</v></c></row>';
const ROW2 =
  '<row r="2" ht="30" customHeight="1"><c r="A2" s="4" t="inlineStr"><is><t>Zoë ✓</t></is></c><c r="C2" s="5"/></row>';
const ROW4 = '<row r="4"><c r="A4" s="6"><f>SUM(B1:B2)</f><v>5</v></c></row>';
const SHEET = HEAD + ROW1 + ROW2 + ROW4 + TAIL;

function edits(
  cells: [number, number, CellEdit][],
  attributes: [number, string][] = []
): SheetEdits {
  const out: SheetEdits = { cells: new Map(), newRowAttributes: new Map(attributes) };
  for (const [row, col, edit] of cells) {
    const line = out.cells.get(row) ?? new Map<number, CellEdit>();
    line.set(col, edit);
    out.cells.set(row, line);
  }
  return out;
}

const keepStyle = (style: string): string => style;
/** The patch as the package writes it, its pieces collected: head, rows (bytes), tail. */
function patchSheetBytes(bytes: Buffer, e: SheetEdits, sheet: string, restyle = keepStyle) {
  const split = splitSheet(bytes, sheet);
  const body: Buffer[] = [];
  const sink = {
    text: (t: string) => body.push(Buffer.from(t, "utf8")),
    bytes: (b: Buffer) => body.push(b),
  };
  const result = patchRows(bytes, split, e, sheet, restyle, sink);
  return { head: split.head, body, tail: split.tail, ...result };
}
const patch = (xml: string, e: SheetEdits): string => {
  const out = patchSheetBytes(Buffer.from(xml, "utf8"), e, "Sheet");
  return out.head + Buffer.concat(out.body).toString("utf8") + out.tail;
};

describe("patchSheetBytes", () => {
  it("replaces an edited cell in place, keeping its style and every other byte", () => {
    const out = patch(SHEET, edits([[0, 1, { cell: { value: 7 } }]]));
    expect(out).toBe(SHEET.replace('<c r="B1" s="3"><v>5</v></c>', '<c r="B1" s="3"><v>7</v></c>'));
  });

  it("leaves the rows it does not edit as slices of the input, and splits head, rows and tail", () => {
    const bytes = Buffer.from(SHEET, "utf8");
    const out = patchSheetBytes(
      bytes,
      edits([[3, 0, { cell: { formula: "=SUM(B1:B9)" } }]]),
      "Sheet",
      keepStyle
    );
    expect(out.head).toBe(HEAD);
    expect(out.tail).toBe(TAIL);
    // The first piece is the untouched rows 1 and 2 and row 4's tag: a view of the input's bytes.
    expect(out.body[0].buffer).toBe(bytes.buffer);
    expect(out.body[0].toString("utf8")).toBe(ROW1 + ROW2 + '<row r="4">');
    expect(Buffer.concat(out.body).toString("utf8")).toBe(
      ROW1 + ROW2 + '<row r="4"><c r="A4" s="6"><f>SUM(B1:B9)</f></c></row>'
    );
    expect(out).toMatchObject({ written: 1, lastRow: 3 });
  });

  it("puts a cell a row lacks in column order and drops the row's spans hint", () => {
    const out = patch(SHEET, edits([[0, 2, { cell: { value: "new" } }]]));
    expect(out).toContain(
      '<row r="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="3"><v>5</v></c><c r="C1" t="inlineStr"><is><t>new</t></is></c></row>'
    );
    expect(out).toContain(ROW2 + ROW4);
  });

  it("inserts new rows between and after the existing ones, styled from a row it names", () => {
    const out = patch(
      SHEET,
      edits(
        [
          [2, 0, { cell: { value: "between" }, styleFromRow: 1 }],
          [6, 0, { cell: { value: 1 }, styleFromRow: 1 }],
        ],
        [[2, ' ht="30" customHeight="1"']]
      )
    );
    expect(out).toBe(
      HEAD +
        ROW1 +
        ROW2 +
        '<row r="3" ht="30" customHeight="1"><c r="A3" s="4" t="inlineStr"><is><t>between</t></is></c></row>' +
        ROW4 +
        '<row r="7"><c r="A7" s="4"><v>1</v></c></row>' +
        TAIL
    );
  });

  it("fills an empty, self-closed sheetData", () => {
    const xml = `${HEAD.replace("<sheetData>", "")}<sheetData/>${TAIL.replace("</sheetData>", "")}`;
    expect(patch(xml, edits([[0, 0, { cell: { value: true } }]]))).toBe(
      `${HEAD}<row r="1"><c r="A1" t="b"><v>1</v></c></row>${TAIL}`
    );
  });

  it("opens a self-closed row to add its cell", () => {
    const xml = HEAD + '<row r="1" spans="1:1" ht="20"/>' + ROW2 + TAIL;
    expect(patch(xml, edits([[0, 0, { cell: { value: 3 } }]]))).toBe(
      HEAD + '<row r="1" ht="20"><c r="A1"><v>3</v></c></row>' + ROW2 + TAIL
    );
  });

  it("reads a part that starts with a byte-order mark, and keeps text beyond ASCII", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SHEET, "utf8")]);
    const out = patchSheetBytes(
      bytes,
      edits([[1, 2, { cell: { value: "Ünïcode ✓" } }]]),
      "Sheet",
      keepStyle
    );
    const xml = out.head + Buffer.concat(out.body).toString("utf8") + out.tail;
    expect(xml).toBe(
      SHEET.replace(
        '<c r="C2" s="5"/>',
        '<c r="C2" s="5" t="inlineStr"><is><t>Ünïcode ✓</t></is></c>'
      )
    );
  });

  it("does not take a tag that only starts like a row for one", () => {
    const xml = HEAD + ROW1 + "<rowx/>" + ROW2 + TAIL;
    expect(patch(xml, edits([[1, 0, { cell: { value: "x" } }]]))).toBe(
      HEAD + ROW1 + "<rowx/>" + ROW2.replace("<is><t>Zoë ✓</t></is>", "<is><t>x</t></is>") + TAIL
    );
  });

  it("hands over what it cannot do safely", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SHEET, "utf16le")]);
    expect(() => patchSheetBytes(utf16, edits([]), "Sheet", keepStyle)).toThrow(PatchUnsupported);
    const noNumber = HEAD + '<row><c r="A1"/></row>' + TAIL;
    expect(() => patch(noNumber, edits([[0, 0, { cell: { value: 1 } }]]))).toThrow(
      'sheet "Sheet" has a row without its number'
    );
    const shared =
      HEAD + '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f></c></row>' + TAIL;
    expect(() => patch(shared, edits([[0, 0, { cell: { value: 1 } }]]))).toThrow(
      "holds a shared or array formula"
    );
  });
});
