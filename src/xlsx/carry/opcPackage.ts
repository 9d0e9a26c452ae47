// An .xlsx package held as parts in memory, for the carry-over pass: read under the limits of
// ../package (ZipArchive), parts by name (no leading slash, any letter case), relationships
// parsed per part, content types, and written back as a deflated zip.
import * as posix from "path/posix";
import {
  REL_TYPES,
  encodeAttribute,
  parseRelationships,
  relsPartOf,
  resolveTarget,
  attributesOf,
  type Relationship,
} from "../package/relationships";
import { ZipArchive } from "../package/zipArchive";
import { inflateEntry, readZipEntries, writeZip, type StoredEntry } from "./nativeZip";

/** Parts up to this size are kept once inflated; larger ones are inflated each time they are read. */
const CACHED_PART_BYTES = 1024 * 1024;

export const CONTENT_TYPES = "[Content_Types].xml";

/** Relationship types by the last segment of their URI (Office 2006 and later namespaces). */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export class OpcPackage {
  /** Bytes of each part; null while it is only stored (compressed) in `stored`. */
  private readonly parts = new Map<string, Buffer | null>();
  /** Parts read from a zip and not changed since: written back as they were stored. */
  private readonly stored = new Map<string, StoredEntry>();
  private readonly byLower = new Map<string, string>();

  /** Part names in the order they were added. */
  get names(): string[] {
    return [...this.parts.keys()];
  }

  static async read(bytes: Buffer, label: string): Promise<OpcPackage> {
    const archive = await ZipArchive.open(bytes, label);
    const pkg = new OpcPackage();
    for (const name of archive.names)
      pkg.set(name.replace(/^\/+/, ""), await archive.inflate(name));
    return pkg;
  }

  /**
   * A package this process just wrote (ExcelJS's output), read with native zlib; an input file
   * goes through `read`, which holds it to the package limits.
   */
  static readOwn(bytes: Buffer): OpcPackage {
    const pkg = new OpcPackage();
    for (const [name, entry] of readZipEntries(bytes)) {
      const clean = name.replace(/^\/+/, "");
      pkg.parts.set(clean, null);
      pkg.stored.set(clean, entry);
      pkg.byLower.set(clean.toLowerCase(), clean);
    }
    return pkg;
  }

  /** A package of parts already inflated (under the limits `read` holds a file to). */
  static fromParts(parts: [string, Buffer][]): OpcPackage {
    const pkg = new OpcPackage();
    for (const [name, part] of parts) pkg.set(name.replace(/^\/+/, ""), part);
    return pkg;
  }

  /** The stored name of a part (part names compare without case), or null. */
  find(name: string): string | null {
    const clean = name.replace(/^\/+/, "");
    if (this.parts.has(clean)) return clean;
    return this.byLower.get(clean.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  get(name: string): Buffer | undefined {
    const found = this.find(name);
    if (found === null) return undefined;
    const bytes = this.parts.get(found);
    if (bytes) return bytes;
    const inflated = inflateEntry(found, this.stored.get(found) as StoredEntry);
    if (inflated.length <= CACHED_PART_BYTES) this.parts.set(found, inflated);
    return inflated;
  }

  /** A part's inflated size as its zip entry declares it, while it is unchanged; else null. */
  storedSize(name: string): number | null {
    const found = this.find(name);
    return found === null ? null : (this.stored.get(found)?.size ?? null);
  }

  text(name: string): string | undefined {
    const bytes = this.get(name);
    if (!bytes) return undefined;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString("utf16le", 2);
    return bytes.toString(
      "utf8",
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    );
  }

  /** Sets a part's content: bytes or text, or an entry already deflated (see DeflateSink). */
  set(name: string, content: Buffer | string | StoredEntry): void {
    const clean = name.replace(/^\/+/, "");
    const existing = this.find(clean);
    const key = existing ?? clean;
    if (typeof content === "string" || Buffer.isBuffer(content)) {
      this.parts.set(key, typeof content === "string" ? Buffer.from(content, "utf8") : content);
      this.stored.delete(key);
    } else {
      // Written as it is; inflated again only if the part is read.
      this.parts.set(key, null);
      this.stored.set(key, content);
    }
    this.byLower.set(key.toLowerCase(), key);
  }

  delete(name: string): void {
    const found = this.find(name);
    if (found === null) return;
    this.parts.delete(found);
    this.stored.delete(found);
    this.byLower.delete(found.toLowerCase());
  }

  /** The relationships a part holds (empty when it has no rels part). */
  rels(part: string): Relationship[] {
    const xml = this.text(relsPartOf(part));
    return xml === undefined ? [] : parseRelationships(xml);
  }

  /** The part a relationship of `source` points at, when it is in the package. */
  target(source: string, rel: Relationship): string | null {
    if (rel.external) return null;
    return this.find(resolveTarget(source, rel.target));
  }

  setRels(part: string, rels: Relationship[]): void {
    const rows = rels.map(
      (r) =>
        `<Relationship Id="${encodeAttribute(r.id)}" Type="${encodeAttribute(r.type)}" Target="${encodeAttribute(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`
    );
    this.set(
      relsPartOf(part),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rows.join("")}</Relationships>`
    );
  }

  /** The workbook part, through the package relationships. */
  workbookPart(): string | null {
    const rel = this.rels("").find((r) => r.type === REL_TYPES.officeDocument);
    return rel ? this.target("", rel) : this.find("xl/workbook.xml");
  }

  /** Content type of a part: its Override, else the Default for its extension. */
  contentType(part: string): string | null {
    const xml = this.text(CONTENT_TYPES) ?? "";
    const wanted = `/${part}`.toLowerCase();
    for (const tag of xml.match(/<(?:\w+:)?Override\b[^>]*>/g) ?? []) {
      const a = attributesOf(tag);
      if ((a.PartName ?? "").toLowerCase() === wanted) return a.ContentType ?? null;
    }
    const ext = posix.extname(part).slice(1).toLowerCase();
    for (const tag of xml.match(/<(?:\w+:)?Default\b[^>]*>/g) ?? []) {
      const a = attributesOf(tag);
      if ((a.Extension ?? "").toLowerCase() === ext) return a.ContentType ?? null;
    }
    return null;
  }

  /** Declares `part`'s content type with an Override (replacing one it had). */
  setContentType(part: string, type: string): void {
    const xml = this.text(CONTENT_TYPES) ?? "";
    const without = this.withoutOverride(xml, part);
    const entry = `<Override PartName="/${encodeAttribute(part)}" ContentType="${encodeAttribute(type)}"/>`;
    this.set(
      CONTENT_TYPES,
      without.replace(/<\/(\w+:)?Types>\s*$/, (end) => `${entry}${end}`)
    );
  }

  removeContentType(part: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml !== undefined) this.set(CONTENT_TYPES, this.withoutOverride(xml, part));
  }

  private withoutOverride(xml: string, part: string): string {
    const wanted = `/${part}`.toLowerCase();
    return xml.replace(/<(?:\w+:)?Override\b[^>]*>(?:\s*<\/(?:\w+:)?Override>)?/g, (tag) =>
      (attributesOf(tag).PartName ?? "").toLowerCase() === wanted ? "" : tag
    );
  }

  /** Deletes parts no relationship reaches (and their Overrides); the package root stays. */
  collectGarbage(): string[] {
    const reached = new Set<string>([CONTENT_TYPES]);
    const queue = [""];
    const seen = new Set<string>([""]);
    while (queue.length) {
      const source = queue.shift() as string;
      const relsName = this.find(relsPartOf(source));
      if (relsName) reached.add(relsName);
      for (const rel of this.rels(source)) {
        const target = this.target(source, rel);
        if (target && !seen.has(target)) {
          seen.add(target);
          reached.add(target);
          queue.push(target);
        }
      }
    }
    const removed = this.names.filter((n) => !reached.has(n));
    for (const name of removed) {
      this.delete(name);
      this.removeContentType(name);
    }
    return removed;
  }

  async write(): Promise<Buffer> {
    // [Content_Types].xml first, as Excel writes it.
    const order = [CONTENT_TYPES, ...this.names.filter((n) => n !== CONTENT_TYPES)];
    const parts: [string, Buffer | StoredEntry][] = [];
    for (const name of order) {
      // A deflated part goes back as it was stored; a stored (uncompressed) one is deflated.
      const stored = this.stored.get(name);
      const part = stored && stored.method !== 0 ? stored : this.get(name);
      if (part) parts.push([name, part]);
    }
    return writeZip(parts);
  }
}

/** A free part name like `wanted` (same folder and extension, another number) in `taken`. */
export function freePartName(wanted: string, taken: (name: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  const dir = posix.dirname(wanted);
  const ext = posix.extname(wanted);
  const stem = posix.basename(wanted, ext).replace(/\d+$/, "");
  for (let n = 1; ; n++) {
    const name = `${dir === "." ? "" : `${dir}/`}${stem}${n}${ext}`;
    if (!taken(name)) return name;
  }
}
