// Byte-level edits of a zip, for tests of readers that must not trust what an archive declares.

/** Overwrites the uncompressed size `entry` declares, in its local header and central directory. */
export function declareSize(bytes: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  const name = Buffer.from(entry);
  let patched = 0;
  for (let at = 0; at < out.length - 46; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + name.length).equals(name)) {
      out.writeUInt32LE(size, at + 22);
      patched++;
    } else if (
      signature === 0x02014b50 &&
      out.subarray(at + 46, at + 46 + name.length).equals(name)
    ) {
      out.writeUInt32LE(size, at + 24);
      patched++;
    }
  }
  expect(patched).toBe(2);
  return out;
}
