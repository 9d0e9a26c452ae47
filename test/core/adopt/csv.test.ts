import { csvToSnapshot, decodeCsvBytes } from "../../../src/core/adopt/csv";

describe("csvToSnapshot", () => {
  it("detects commas and keeps quoted fields with commas and newlines", () => {
    const s = csvToSnapshot(
      'ID,Status,Evidence\nA.5.1,Yes,"Policy, v2"\n5.10,No,"line 1\nline 2"\n',
      { name: "x.csv" }
    );
    expect(s.name).toBe("x.csv");
    expect(s.delimiter).toBe(",");
    expect(s.values).toEqual([
      ["ID", "Status", "Evidence"],
      ["A.5.1", "Yes", "Policy, v2"],
      ["5.10", "No", "line 1\nline 2"],
    ]);
  });

  it("detects semicolons with quoted commas, the way German Excel exports", () => {
    const s = csvToSnapshot(
      'control_id;title;category;flanking\nA.5.15;Zugriffskontrolle;T;"MHC-04,MHC-05"\nA.5.1;Richtlinien;N;\n'
    );
    expect(s.delimiter).toBe(";");
    expect(s.values[1]).toEqual(["A.5.15", "Zugriffskontrolle", "T", "MHC-04,MHC-05"]);
    expect(s.values[2]).toEqual(["A.5.1", "Richtlinien", "N", null]);
  });

  it("strips a UTF-8 BOM, from text and from bytes", () => {
    expect(csvToSnapshot("\uFEFFID,Status\n5.1,Yes").values[0][0]).toBe("ID");
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("ID;Stav\nA.5.1;Částečně\n", "utf8"),
    ]);
    const s = csvToSnapshot(decodeCsvBytes(bytes));
    expect(s.values).toEqual([
      ["ID", "Stav"],
      ["A.5.1", "Částečně"],
    ]);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text", tab-separated)', () => {
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("ID\tStatus\nA.5.1\tČástečně\n", "utf16le"),
    ]);
    const s = csvToSnapshot(decodeCsvBytes(le));
    expect(s.delimiter).toBe("\t");
    expect(s.values).toEqual([
      ["ID", "Status"],
      ["A.5.1", "Částečně"],
    ]);
  });

  it("reads Windows-1252 bytes when the file is not UTF-8", () => {
    const bytes = Buffer.from([
      0x49, 0x44, 0x3b, 0x53, 0x0a, 0x35, 0x2e, 0x31, 0x3b, 0x65, 0x72, 0x66, 0xfc, 0x6c, 0x6c,
      0x74,
    ]);
    expect(csvToSnapshot(decodeCsvBytes(bytes)).values[1]).toEqual(["5.1", "erfüllt"]);
  });

  it("keeps every field as text: no numbers, no formulas", () => {
    const s = csvToSnapshot("ID,Note\n5.10,=1+1\n007,+44 20 7946 0000\n-1,@SUM(A1)\n");
    expect(s.values.slice(1)).toEqual([
      ["5.10", "=1+1"],
      ["007", "+44 20 7946 0000"],
      ["-1", "@SUM(A1)"],
    ]);
    expect(s.formulas.flat().every((f) => f === null)).toBe(true);
    expect(s.text[1]).toEqual(["5.10", "=1+1"]);
  });

  it("pads ragged rows, drops trailing blank lines and handles CRLF", () => {
    const s = csvToSnapshot("a,b,c\r\n1\r\n\r\n\r\n");
    expect(s.values).toEqual([
      ["a", "b", "c"],
      ["1", null, null],
    ]);
    expect(s.text[1]).toEqual(["1", "", ""]);
  });

  it("gives an empty snapshot for empty text", () => {
    const s = csvToSnapshot("");
    expect(s.values).toEqual([]);
    expect(s.origin).toEqual({ row: 0, col: 0 });
  });
});
