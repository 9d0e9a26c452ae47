// The browser twin of path/posix the .xlsx reader uses in the task pane's compare chunk: the same
// answers as Node's for the part names a package holds (relative, absolute, with . and ..).
import * as posix from "path/posix";
import { basename, dirname, join, normalize, relative } from "../../src/taskpane/browser/pathPosix";

const PATHS = [
  "",
  "/",
  "x",
  "xl/workbook.xml",
  "/xl/worksheets/sheet1.xml",
  "xl/worksheets/../media/image1.png",
  "/xl/./drawings/../charts/chart1.xml",
  "../outside.xml",
  "a/../../b",
  "a//b/",
  "_rels/.rels",
];

describe("pathPosix (browser twin of path/posix)", () => {
  it.each(PATHS)("normalize, dirname and basename of %j match Node's", (p) => {
    expect([normalize(p), dirname(p), basename(p)]).toEqual([
      posix.normalize(p),
      posix.dirname(p),
      posix.basename(p),
    ]);
  });

  it("joins and relates every pair as Node does from the package root", () => {
    for (const a of PATHS)
      for (const b of PATHS) {
        expect(join("/", a, b)).toBe(posix.join("/", a, b));
        expect(relative(a, b)).toBe(posix.relative(`/${a}`, `/${b}`));
      }
  });
});
