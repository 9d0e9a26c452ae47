// Offline manifest check: what `office-addin-manifest validate` would catch that we can see
// without the internet — well-formed XML, ids, https URLs, icons, permissions, requirements.
import * as fs from "fs";
import * as path from "path";
import { DOMParser } from "@xmldom/xmldom";

const root = path.resolve(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function parse(text: string): Document {
  const errors: string[] = [];
  let doc: unknown;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") errors.push(msg);
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    errors.push(String(error));
  }
  if (errors.length) throw new Error(`manifest.xml is not well-formed: ${errors.join("; ")}`);
  return doc as unknown as Document;
}

const doc = parse(xml);
const byTag = (tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const text = (tag: string): string => (byTag(tag)[0]?.textContent ?? "").trim();

describe("manifest.xml", () => {
  it("rejects malformed XML (the parser check itself works)", () => {
    expect(() => parse("<OfficeApp><Id></OfficeApp>")).toThrow(/not well-formed/);
  });

  it("is a task pane add-in for Excel with a fixed GUID and a four-part version", () => {
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text("Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const hosts = byTag("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"));
    expect(hosts).toContain("Workbook");
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(byTag("Permissions").map((p) => p.textContent?.trim())).toEqual(["ReadWriteDocument"]);
  });

  it("requires ExcelApi 1.8 at the lowest", () => {
    const set = byTag("Set").find((s) => s.getAttribute("Name") === "ExcelApi");
    expect(set?.getAttribute("MinVersion")).toBe("1.8");
  });

  it("uses https URLs only, all on the dev host", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|>)\s*(https?:\/\/[^"<\s]+)/g)].map(
      (m) => m[1]
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  });

  it("references icons that exist in assets/ at the sizes they claim", () => {
    const iconUrls = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)/g)];
    expect(new Set(iconUrls.map((m) => m[2]))).toEqual(new Set(["16", "32", "64", "80"]));
    for (const [, rel, size] of iconUrls) {
      const png = fs.readFileSync(path.join(root, rel));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(Number(size));
      expect(png.readUInt32BE(20)).toBe(Number(size));
    }
  });

  it("opens the task pane from a Home tab button, with every resid defined", () => {
    const tab = byTag("OfficeTab")[0];
    expect(tab?.getAttribute("id")).toBe("TabHome");
    expect(byTag("Action")[0]?.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const defined = new Set(
      ["bt:Image", "bt:Url", "bt:String"]
        .flatMap((t) => byTag(t).map((e) => e.getAttribute("id")))
        .filter(Boolean)
    );
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
  });
});
