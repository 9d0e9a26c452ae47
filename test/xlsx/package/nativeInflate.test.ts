// In Node the zip layer inflates parts with native zlib instead of JSZip's pako: the same bytes,
// under the same limits (a part that produces more than it declares is refused while it is being
// inflated, a damaged or short part is a WorkbookReadError naming the part), and JSZip stays the
// path where no zlib exists (the task pane's browser).
import { randomBytes } from "crypto";
import JSZip from "jszip";
import { WorkbookReadError } from "../../../src/core/errors";
import { ZipArchive, nativeZlib } from "../../../src/xlsx/package/zipArchive";
import { declareSize } from "../../support/zipBytes";

const HANG_GUARD_MS = 30_000;

/** Text that deflates well but not trivially, like a worksheet's XML. */
function sheetLike(rows: number): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++)
    out.push(`<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 1000}</v></c></row>`);
  return `<worksheet><sheetData>${out.join("")}</sheetData></worksheet>`;
}

async function zipOf(
  entries: { name: string; data: string | Buffer; stored?: boolean }[]
): Promise<Buffer> {
  const zip = new JSZip();
  for (const e of entries)
    zip.file(e.name, e.data, { compression: e.stored ? "STORE" : "DEFLATE" });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Where `entry`'s compressed data starts and how long it is (from its local header). */
function dataOf(bytes: Buffer, entry: string): { start: number; length: number } {
  const name = Buffer.from(entry);
  for (let at = 0; at < bytes.length - 30; at++) {
    if (bytes.readUInt32LE(at) !== 0x04034b50) continue;
    const nameLength = bytes.readUInt16LE(at + 26);
    if (!bytes.subarray(at + 30, at + 30 + nameLength).equals(name)) continue;
    const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    return { start, length: bytes.readUInt32LE(at + 18) };
  }
  throw new Error(`no entry ${entry}`);
}

async function refusal(run: () => Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }
  throw new Error("the part was inflated instead of refused");
}

describe("native inflate", () => {
  it("is Node's zlib here", () => {
    expect(nativeZlib()).not.toBeNull();
  });

  it("gives the same bytes as JSZip, deflated and stored parts, big and empty", async () => {
    const binary = randomBytes(300_000); // does not deflate: many pieces of raw blocks
    const bytes = await zipOf([
      { name: "xl/worksheets/sheet1.xml", data: sheetLike(20_000) },
      { name: "xl/media/image1.png", data: binary },
      { name: "xl/stored.xml", data: sheetLike(3_000), stored: true },
      { name: "xl/empty.xml", data: "" },
      { name: "xl/ünïcode.xml", data: "<a>€ – ✓</a>" },
    ]);
    const native = await ZipArchive.open(bytes, "native.xlsx");
    const jszip = await ZipArchive.open(bytes, "jszip.xlsx", "jszip");
    expect(native.names).toEqual(jszip.names);
    for (const name of native.names) {
      const pieces: Buffer[] = [];
      const ours = await native.inflate(name, (piece) => pieces.push(Buffer.from(piece)));
      expect(ours.equals(await jszip.inflate(name))).toBe(true);
      // The visitor sees every byte once, in order.
      expect(Buffer.concat(pieces).equals(ours)).toBe(true);
    }
    expect(native.inflated).toBe(jszip.inflated);
    expect((await native.inflate("xl/media/image1.png")).equals(binary)).toBe(true);
  });

  it(
    "refuses a part that inflates to more than it declares, while inflating it",
    async () => {
      const part = "xl/worksheets/sheet1.xml";
      const real = Buffer.byteLength(sheetLike(200_000)); // ~11 MB of XML
      const bytes = declareSize(
        await zipOf([{ name: part, data: sheetLike(200_000) }]),
        part,
        100_000
      );
      const archive = await ZipArchive.open(bytes, '"bomb.xlsx"');
      let seen = 0;
      const error = await refusal(() => archive.inflate(part, (piece) => (seen += piece.length)));
      expect(error.message).toContain('"bomb.xlsx"');
      expect(error.message).toContain(part);
      expect(error.message).toContain("declares 100,000 bytes but unpacks to more");
      // Stopped at the declared size: nothing past it reached the visitor.
      expect(seen).toBeLessThanOrEqual(100_000);
      expect(real).toBeGreaterThan(10 * 100_000);
    },
    HANG_GUARD_MS
  );

  it("refuses a stored part longer than it declares", async () => {
    const part = "xl/stored.xml";
    const bytes = declareSize(
      await zipOf([{ name: part, data: sheetLike(2_000), stored: true }]),
      part,
      1_000
    );
    const archive = await ZipArchive.open(bytes, '"stored.xlsx"');
    const error = await refusal(() => archive.inflate(part));
    expect(error.message).toContain("declares 1,000 bytes but unpacks to more");
  });

  it("refuses a part that inflates to less than it declares", async () => {
    const part = "xl/worksheets/sheet1.xml";
    const real = Buffer.byteLength(sheetLike(1_000));
    const bytes = declareSize(
      await zipOf([{ name: part, data: sheetLike(1_000) }]),
      part,
      real + 10
    );
    const archive = await ZipArchive.open(bytes, '"short.xlsx"');
    const error = await refusal(() => archive.inflate(part));
    expect(error.message).toContain(`(part ${part})`);
    expect(error.message).toContain(`unpacks to ${real} bytes, not the ${real + 10} it declares`);
  });

  it("names the part when its deflate data is damaged, and does not hang", async () => {
    const part = "xl/worksheets/sheet1.xml";
    const bytes = await zipOf([{ name: part, data: sheetLike(5_000) }]);
    const { start, length } = dataOf(bytes, part);
    const damaged = Buffer.from(bytes);
    // Block type 3 does not exist in deflate: the very first block is invalid.
    damaged[start] = 0x07;
    damaged.fill(0xff, start + 1, start + Math.min(length, 64));
    const archive = await ZipArchive.open(damaged, '"damaged.xlsx"');
    const error = await refusal(() => archive.inflate(part));
    expect(error.message).toContain('"damaged.xlsx" could not be read as an .xlsx workbook');
    expect(error.message).toContain(`(part ${part})`);
  });

  it("names the part when its deflate data stops short", async () => {
    const part = "xl/worksheets/sheet1.xml";
    const bytes = await zipOf([
      { name: part, data: sheetLike(5_000) },
      { name: "xl/after.xml", data: "<after/>" },
    ]);
    const { start, length } = dataOf(bytes, part);
    // The deflate stream cut in half, the rest of the archive (and its directory) intact.
    const truncated = Buffer.concat([
      bytes.subarray(0, start + (length >> 1)),
      Buffer.alloc(length - (length >> 1)),
      bytes.subarray(start + length),
    ]);
    const archive = await ZipArchive.open(truncated, '"cut.xlsx"');
    const error = await refusal(() => archive.inflate(part));
    expect(error.message).toContain('"cut.xlsx"');
    expect(error.message).toContain(part);
    expect((await archive.inflate("xl/after.xml")).toString()).toBe("<after/>");
  });

  it("refuses a truncated archive when opening it", async () => {
    const bytes = await zipOf([{ name: "xl/worksheets/sheet1.xml", data: sheetLike(5_000) }]);
    const error = await refusal(() =>
      ZipArchive.open(bytes.subarray(0, bytes.length >> 1), '"half.xlsx"')
    );
    expect(error.message).toContain('"half.xlsx" could not be read as an .xlsx workbook');
  });
});
