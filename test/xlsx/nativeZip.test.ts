// The zip container the package pass writes with Node's zlib: other zip readers (JSZip, the
// bounded reader inputs go through) see every part byte for byte, and the reader for our own
// output reads back both what it writes and what JSZip writes stored (ExcelJS's output).
import JSZip from "jszip";
import { DeflateSink, readOwnZip, writeZip } from "../../src/xlsx/carry/nativeZip";
import { ZipArchive } from "../../src/xlsx/package/zipArchive";

const parts: [string, Buffer][] = [
  ["[Content_Types].xml", Buffer.from('<?xml version="1.0"?><Types/>')],
  ["xl/worksheets/sheet1.xml", Buffer.from("<row/>".repeat(50_000))],
  ["xl/media/Bild ä.png", Buffer.from([0, 255, 1, 254, 2, 253])],
  ["xl/empty.xml", Buffer.alloc(0)],
];

describe("the native zip container", () => {
  it("is read by JSZip with every part, name and byte as written, in order", async () => {
    const zip = await JSZip.loadAsync(writeZip(parts), { checkCRC32: true });
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(names).toEqual(parts.map(([name]) => name));
    for (const [name, bytes] of parts)
      expect(Buffer.from(await zip.file(name)!.async("uint8array"))).toEqual(bytes);
  });

  it("is deflated, and passes the bounded reader's size checks", async () => {
    const written = writeZip(parts);
    expect(written.length).toBeLessThan(parts[1][1].length / 10);
    const archive = await ZipArchive.open(written, "test");
    for (const [name, bytes] of parts) expect(await archive.inflate(name)).toEqual(bytes);
  });

  it("reads back its own zips and JSZip's stored ones", async () => {
    expect(readOwnZip(writeZip(parts))).toEqual(parts);
    const zip = new JSZip();
    for (const [name, bytes] of parts) zip.file(name, bytes, { createFolders: false });
    const stored = await zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
    expect(readOwnZip(stored)).toEqual(parts);
  });
});

describe("DeflateSink", () => {
  /** Writes `pieces` to a sink, zips the entry and reads it back with JSZip (CRC checked). */
  async function roundTrip(pieces: (string | Buffer)[]): Promise<Buffer> {
    const sink = new DeflateSink();
    for (const piece of pieces) {
      if (typeof piece === "string") sink.text(piece);
      else sink.bytes(piece);
    }
    const zip = await JSZip.loadAsync(writeZip([["part.xml", sink.finish()]]), {
      checkCRC32: true,
    });
    return Buffer.from(await zip.file("part.xml")!.async("uint8array"));
  }
  const whole = (pieces: (string | Buffer)[]): Buffer =>
    Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)));

  it("writes a small part as one deflated piece", async () => {
    const pieces = ["<a>", Buffer.from("ä ✓ 😀"), "</a>", ""];
    expect(await roundTrip(pieces)).toEqual(whole(pieces));
  });

  it("joins the pieces of a part of many MB into one valid stream, text and bytes mixed", async () => {
    const row = (i: number): string =>
      `<row r="${i}"><c r="A${i}"><v>${i}</v></c><c><is><t>Zoë ✓ ${i}</t></is></c></row>`;
    const pieces: (string | Buffer)[] = ["<sheetData>"];
    for (let i = 1; i <= 60_000; i++) pieces.push(i % 3 ? row(i) : Buffer.from(row(i)));
    // Pieces larger than the 4 MB the sink gathers, as text and as bytes.
    pieces.push("é".repeat(2_500_000), Buffer.alloc(5 * 1024 * 1024, 0x41), "</sheetData>");
    const expected = whole(pieces);
    expect(expected.length).toBeGreaterThan(12 * 1024 * 1024);
    expect((await roundTrip(pieces)).equals(expected)).toBe(true);
  });
});
