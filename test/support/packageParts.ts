// An .xlsx file as its package parts (name → bytes), for tests that compare packages part by part.
import * as fs from "fs";
import JSZip from "jszip";

export type Parts = Map<string, Buffer>;

export async function packageParts(file: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts: Parts = new Map();
  for (const [n, entry] of Object.entries(zip.files))
    if (!entry.dir) parts.set(n, Buffer.from(await entry.async("uint8array")));
  return parts;
}
