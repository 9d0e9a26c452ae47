// The zip layer of an .xlsx package, read with JSZip under the limits in ./limits: the entry count
// and the declared sizes are checked before anything is inflated; every part is inflated as a
// stream, counting the bytes it really produces, and refused the moment it passes what it declared
// or what the whole package may hold. Nothing here knows about spreadsheets.
import JSZip from "jszip";
import { WorkbookReadError } from "../../core/errors";
import {
  MAX_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
  declaredTooLarge,
  inflatedTooLarge,
  sizeMismatch,
  tooManyEntries,
} from "./limits";

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

/**
 * Number of entries the zip's end-of-central-directory record declares, read before JSZip builds
 * an object per entry; null when the record is not found (JSZip then reports the damage).
 */
function declaredEntryCount(bytes: Buffer): number | null {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    const count = bytes.readUInt16LE(at + 10);
    if (count !== 0xffff || at < 20 || bytes.readUInt32LE(at - 20) !== ZIP64_LOCATOR) return count;
    const zip64 = Number(bytes.readBigUInt64LE(at - 20 + 8));
    if (zip64 + 40 > bytes.length || bytes.readUInt32LE(zip64) !== ZIP64_EOCD) return count;
    return Number(bytes.readBigUInt64LE(zip64 + 32));
  }
  return null;
}

/** JSZip keeps each entry's central-directory sizes on `_data` (JSZip 3.x, not in its typings). */
function declaredSize(entry: JSZip.JSZipObject): number | null {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data
    ?.uncompressedSize;
  return typeof size === "number" && Number.isFinite(size) && size >= 0 ? size : null;
}

/** Receives a part's bytes as they are inflated; may throw to stop inflating. */
export type ChunkVisitor = (chunk: Buffer) => void;

/** JSZip's StreamHelper (untyped in its declarations). */
interface InflateStream {
  on(event: "data", listener: (bytes: Uint8Array) => void): InflateStream;
  on(event: "error", listener: (error: unknown) => void): InflateStream;
  on(event: "end", listener: () => void): InflateStream;
  resume(): void;
  pause(): void;
}

/** An opened zip: its entry names in archive order and a bounded way to inflate each one. */
export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: JSZip,
    private readonly label: string,
    /** File entries (folders left out) in archive order. */
    readonly names: string[]
  ) {}

  /**
   * Opens the archive's directory. Refuses too many entries or declared sizes over the limit;
   * throws WorkbookReadError when the bytes are not a readable zip.
   */
  static async open(bytes: Buffer, label: string): Promise<ZipArchive> {
    const entries = declaredEntryCount(bytes);
    if (entries !== null && entries > MAX_ZIP_ENTRIES) throw tooManyEntries(label, entries);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { createFolders: false });
    } catch (error) {
      throw unreadable(label, error);
    }
    const files = Object.values(zip.files).filter((f) => !f.dir);
    if (files.length > MAX_ZIP_ENTRIES) throw tooManyEntries(label, files.length);
    let total = 0;
    let largest: { name: string; size: number } = { name: "", size: -1 };
    for (const file of files) {
      const size = declaredSize(file) ?? 0;
      total += size;
      if (size > largest.size) largest = { name: file.name, size };
    }
    if (total > MAX_UNCOMPRESSED_BYTES) throw declaredTooLarge(label, total, largest.name);
    return new ZipArchive(
      zip,
      label,
      files.map((f) => f.name)
    );
  }

  has(name: string): boolean {
    const file = this.zip.files[name];
    return Boolean(file && !file.dir);
  }

  /**
   * Inflates one part, handing each chunk to `visit` as it comes. Refuses the part the moment it
   * produces more bytes than it declared or the package passes MAX_UNCOMPRESSED_BYTES.
   */
  async inflate(name: string, visit?: ChunkVisitor): Promise<Buffer> {
    const file = this.zip.files[name];
    if (!file || file.dir) throw new WorkbookReadError(`${this.label} has no part ${name}`);
    const declared = declaredSize(file);
    const chunks: Buffer[] = [];
    let produced = 0;
    // JSZip's own stream (not nodeStream, which needs Node's streams): the task pane reads
    // copies with this code in the browser too. In Node it hands out Buffers: asked for
    // Uint8Arrays it copies every byte of a stored part in a JavaScript loop.
    const stream = (
      file as unknown as { internalStream(type: "uint8array" | "nodebuffer"): InflateStream }
    ).internalStream(JSZip.support.nodebuffer ? "nodebuffer" : "uint8array");
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown): void => {
        if (failed) return;
        failed = true;
        // Stop inflating: nothing more is read from this part.
        stream.pause();
        reject(error instanceof WorkbookReadError ? error : unreadable(this.label, error, name));
      };
      stream.on("data", (bytes: Uint8Array) => {
        if (failed) return;
        try {
          const piece = Buffer.from(bytes); // a copy: the inflater may reuse its output buffer
          produced += piece.length;
          this.inflated += piece.length;
          if (declared !== null && produced > declared)
            throw sizeMismatch(this.label, name, declared);
          if (this.inflated > MAX_UNCOMPRESSED_BYTES) throw inflatedTooLarge(this.label, name);
          visit?.(piece);
          chunks.push(piece);
        } catch (error) {
          fail(error);
        }
      });
      stream.on("error", fail);
      stream.on("end", () => {
        if (!failed) resolve();
      });
      stream.resume();
    });
    return Buffer.concat(chunks, produced);
  }
}

function unreadable(label: string, error: unknown, part?: string): WorkbookReadError {
  const reason = (error as Error)?.message ?? String(error);
  return new WorkbookReadError(
    `${label} could not be read as an .xlsx workbook${part ? ` (part ${part})` : ""}: ${reason}`,
    "The file may be damaged. Open it in Excel and save it again as .xlsx."
  );
}
