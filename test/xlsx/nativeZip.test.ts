// The zip container the package pass writes with Node's zlib: other zip readers (JSZip, the
// bounded reader inputs go through) see every part byte for byte, and the reader for our own
// output reads back both what it writes and what JSZip writes stored (ExcelJS's output).
import JSZip from "jszip";
import { readOwnZip, writeZip } from "../../src/xlsx/carry/nativeZip";
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
