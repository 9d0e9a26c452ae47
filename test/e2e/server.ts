// A tiny static server for the e2e page on 127.0.0.1. The task pane's HTML is served as built,
// except that the office.js CDN script (no network here) is replaced by the fake-host bundle.
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** How the e2e test and `npm run screenshots` launch Debian's chromium and size the task pane. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const VIEWPORT = { width: 380, height: 900 };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serve(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, pathname === "/" ? "taskpane.html" : pathname);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let body: Buffer | string = fs.readFileSync(file);
    if (file.endsWith("taskpane.html")) {
      const html = body.toString("utf8");
      if (!html.includes(OFFICE_JS))
        throw new Error(
          "taskpane.html no longer loads office.js from the CDN; update the e2e server"
        );
      body = html.replace(OFFICE_JS, "/fake-host.js");
    }
    res
      .writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
