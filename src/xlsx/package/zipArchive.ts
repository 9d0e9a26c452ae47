// The zip layer of an .xlsx package, read with JSZip under the limits in ./limits: the entry count
// and the declared sizes are checked before anything is inflated; every part is inflated as a
// stream, counting the bytes it really produces, and refused the moment it passes what it declared
// or what the whole package may hold. Nothing here knows about spreadsheets.
// In Node the parts are inflated by its native zlib (several times faster than JSZip's pako); JSZip
// still reads the directory. The task pane runs this code in a browser, where JSZip inflates.
import JSZip from "jszip";
import type * as Zlib from "zlib";
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

/** Node's zlib, or null in a browser. Asked of the runtime, so no bundler pulls a zlib in. */
export function nativeZlib(): typeof Zlib | null {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const zlib = runtime?.getBuiltinModule?.("zlib") as typeof Zlib | undefined;
  return zlib && typeof zlib.createInflateRaw === "function" ? zlib : null;
}

/** What JSZip keeps of an entry read from an archive (JSZip 3.x CompressedObject, untyped). */
interface StoredEntry {
  compressedContent: Uint8Array;
  compression: { magic: string };
}

const STORED = "\x00\x00";
const DEFLATED = "\x08\x00";
/** Output piece of the native inflater: small enough for the sheet scanner's strings to stay young. */
const NATIVE_CHUNK = 1 << 16;

/** The entry's compressed bytes and method as JSZip found them, when they are at hand. */
function storedEntry(entry: JSZip.JSZipObject): StoredEntry | null {
  const data = (entry as unknown as { _data?: Partial<StoredEntry> })._data;
  const content = data?.compressedContent;
  const magic = data?.compression?.magic;
  if (!(content instanceof Uint8Array) || (magic !== STORED && magic !== DEFLATED)) return null;
  return { compressedContent: content, compression: { magic } };
}

/**
 * Collects one part's bytes under the limits: counts what is really produced, refuses more than
 * the part declared or than the package may hold, hands each piece to the visitor. With a
 * declared size the bytes go straight into one buffer of that size (no list of chunks to join).
 */
class PartSink {
  produced = 0;
  private readonly chunks: Buffer[] = [];
  private readonly out: Buffer | null;

  constructor(
    private readonly archive: { inflated: number; label: string },
    private readonly name: string,
    private readonly declared: number | null,
    private readonly visit: ChunkVisitor | undefined
  ) {
    this.out = declared === null ? null : Buffer.allocUnsafe(declared);
  }

  /** Takes a piece (copied: an inflater may reuse its output buffer); throws past a limit. */
  take(bytes: Uint8Array): void {
    const start = this.produced;
    this.produced += bytes.length;
    this.archive.inflated += bytes.length;
    if (this.declared !== null && this.produced > this.declared)
      throw sizeMismatch(this.archive.label, this.name, this.declared);
    if (this.archive.inflated > MAX_UNCOMPRESSED_BYTES)
      throw inflatedTooLarge(this.archive.label, this.name);
    let piece: Buffer;
    if (this.out) {
      this.out.set(bytes, start);
      piece = this.out.subarray(start, this.produced);
    } else {
      piece = Buffer.from(bytes);
      this.chunks.push(piece);
    }
    this.visit?.(piece);
  }

  bytes(): Buffer {
    if (!this.out) return Buffer.concat(this.chunks, this.produced);
    return this.produced === this.out.length ? this.out : this.out.subarray(0, this.produced);
  }
}

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
  /** Bytes inflated so far, all parts together. */
  inflated = 0;

  private constructor(
    private readonly zip: JSZip,
    readonly label: string,
    /** File entries (folders left out) in archive order. */
    readonly names: string[],
    private readonly zlib: typeof Zlib | null
  ) {}

  /**
   * Opens the archive's directory. Refuses too many entries or declared sizes over the limit;
   * throws WorkbookReadError when the bytes are not a readable zip. `inflater` "jszip" keeps
   * Node's zlib out (tests compare the two).
   */
  static async open(
    bytes: Buffer,
    label: string,
    inflater: "native" | "jszip" = "native"
  ): Promise<ZipArchive> {
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
      files.map((f) => f.name),
      inflater === "native" ? nativeZlib() : null
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
    const sink = new PartSink(this, name, declared, visit);
    const stored = this.zlib ? storedEntry(file) : null;
    try {
      if (stored && this.zlib) await inflateNative(this.zlib, stored, sink);
      else await inflateJsZip(file, sink);
    } catch (error) {
      throw error instanceof WorkbookReadError ? error : unreadable(this.label, error, name);
    }
    // JSZip makes the same check itself; zlib stops quietly at the end of the deflate data.
    if (stored && declared !== null && sink.produced !== declared)
      throw unreadable(
        this.label,
        new Error(`it unpacks to ${sink.produced} bytes, not the ${declared} it declares`),
        name
      );
    return sink.bytes();
  }
}

/** Inflates with JSZip's own stream: the task pane reads copies with this code in the browser. */
async function inflateJsZip(file: JSZip.JSZipObject, sink: PartSink): Promise<void> {
  // Not nodeStream, which needs Node's streams. In Node it hands out Buffers: asked for
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
      reject(error);
    };
    stream.on("data", (bytes: Uint8Array) => {
      if (failed) return;
      try {
        sink.take(bytes);
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
}

/** Inflates with Node's zlib, piece by piece, stopping the moment the sink refuses a piece. */
async function inflateNative(zlib: typeof Zlib, entry: StoredEntry, sink: PartSink): Promise<void> {
  const content = entry.compressedContent;
  if (entry.compression.magic === STORED) {
    for (let at = 0; at < content.length; at += NATIVE_CHUNK)
      sink.take(content.subarray(at, Math.min(content.length, at + NATIVE_CHUNK)));
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize: NATIVE_CHUNK });
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      inflater.destroy(); // nothing more is inflated from this part
      reject(error);
    };
    inflater.on("data", (bytes: Buffer) => {
      if (failed) return;
      try {
        sink.take(bytes);
      } catch (error) {
        fail(error);
      }
    });
    inflater.on("error", fail);
    inflater.on("end", () => {
      if (!failed) resolve();
    });
    inflater.end(content);
  });
}

function unreadable(label: string, error: unknown, part?: string): WorkbookReadError {
  const reason = (error as Error)?.message ?? String(error);
  return new WorkbookReadError(
    `${label} could not be read as an .xlsx workbook${part ? ` (part ${part})` : ""}: ${reason}`,
    "The file may be damaged. Open it in Excel and save it again as .xlsx."
  );
}
