// core/escape: cell text made inert for Markdown, HTML and the terminal. The Markdown cases are
// also rendered by cmark-gfm (GitHub's renderer) when it is installed: no link, image or tag.
import { execFileSync } from "child_process";
import fc from "fast-check";
import {
  escapeHtml,
  markdownLink,
  markdownText,
  safeHttpUrl,
  terminalJson,
  terminalOutput,
  terminalText,
} from "../../src/core/escape";
import { describeWithTool, findExecutable } from "../support/externalTools";

const ESC = "\u001b";
/** Hostile cell texts seen in the wild or in security checklists. */
const HOSTILE = [
  "[x](javascript:alert(1))",
  "[click](http://evil.example/phish)",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "![](http://evil.example/track.png)",
  "![x][y]\n\n[y]: http://evil.example/t.png",
  "<http://evil.example>",
  "see https://evil.example, www.evil.example and a@evil.example",
  "mailto:a@evil.example xmpp:b@evil.example",
  "[a]: http://evil.example",
  "<a href='http://evil.example'>x</a>",
  "x <!-- hidden --> y",
  "&lt;script&gt; &#60;img&#62;",
  "# heading",
  "1. item",
  "- item",
  "`code` *em* _u_ ~~gone~~ | pipe \\ backslash",
  "HTTPS://EVIL.EXAMPLE/x",
  `${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`,
];

/** Control characters a terminal acts on (tab and line feed are ours to keep). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("markdownText", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["line\r\nbreak", "line break"],
    ["back\\slash", "back\\\\slash"],
    ["12.5", "12.5"],
    ["4.3", "4.3"],
    ["Ops & Infra", "Ops &amp; Infra"],
    ["<b>", "&lt;b&gt;"],
    [`"quoted" it's`, "&quot;quoted&quot; it&#39;s"],
    ["[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"],
    ["![](http://e.example/a.png)", "!\\[\\](http\\://e.example/a.png)"],
    ["www.e.example", "www\\.e.example"],
    ["a@b.example", "a\\@\u2060b.example"],
    ["# title", "\\# title"],
    ["1. first", "1\\. first"],
    ["- item", "\\- item"],
    [`red ${ESC}[31mtext${ESC}[0m`, "red text"],
    [null, ""],
    [12.5, "12.5"],
  ] as const)("%p → %p", (input, expected) => {
    expect(markdownText(input)).toBe(expected);
  });

  it("leaves no Markdown or HTML syntax active, for any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.string({ unit: "binary" })),
        (text) => {
          const md = markdownText(text);
          expect(md).not.toMatch(/[<>\n\r]/);
          expect(md).not.toMatch(CONTROL);
          // Every bracket, pipe, backtick, star, underscore and tilde is escaped.
          expect(md.replace(/\\\\/g, "")).not.toMatch(/(^|[^\\])[[\]|`*_~]/);
          // No scheme or www. a GFM parser would turn into a link.
          expect(md).not.toMatch(/(https?|ftp|mailto|xmpp):/i);
          expect(md).not.toMatch(/\bwww\./i);
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("markdownLink and safeHttpUrl", () => {
  it("links only http and https URLs, percent-encoding what would end the link", () => {
    expect(markdownLink("Policy", "https://intranet.example/a_(b) c")).toBe("Policy");
    expect(markdownLink("Policy", "https://intranet.example/a_(b)")).toBe(
      "[Policy](https://intranet.example/a%5F%28b%29)"
    );
    expect(markdownLink("[x]", "http://e.example/")).toBe("[\\[x\\]](http://e.example/)");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>",
      "file:///etc/passwd",
      "vbscript:x",
      "//evil.example",
      "/relative",
      "http://user:pw@evil.example/",
      `https://e.example/${ESC}[31m`,
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
      expect(markdownLink("x", bad)).toBe("x");
    }
  });
});

describe("escapeHtml", () => {
  it("writes the five HTML specials as entities and drops control characters", () => {
    expect(escapeHtml(`<img src=x onerror="a('1')"> & ${ESC}[2J`)).toBe(
      "&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt; &amp; "
    );
  });
});

describe("terminal output", () => {
  it("strips escape sequences (CSI, OSC hyperlinks and titles, 8-bit CSI) and control characters", () => {
    const text = [
      `${ESC}[2J${ESC}[H cleared`,
      `${ESC}]0;evil title\u0007title`,
      `${ESC}]52;c;ZXZpbA==\u0007clipboard`,
      `${ESC}]8;;http://evil.example${ESC}\\link${ESC}]8;;${ESC}\\`,
      `\u009b31mC1 red`,
      `${ESC}c reset`,
      "over\rwrite",
      "back\bspace bell\u0007",
      "bidi \u202eevil\u202c",
    ].join("\n");
    const out = terminalOutput(text);
    expect(out).not.toMatch(CONTROL);
    expect(out.split("\n")).toEqual([
      " cleared",
      "title",
      "clipboard",
      "link",
      "C1 red",
      " reset",
      "overwrite",
      "backspace bell",
      "bidi evil",
    ]);
  });

  it("keeps our newlines but flattens a cell's own line breaks", () => {
    expect(terminalOutput("a\nb\tc")).toBe("a\nb\tc");
    expect(terminalText("fake\nline\r\nand\u2028more")).toBe("fake line and more");
  });

  it("never lets an unterminated string command swallow the next line", () => {
    expect(terminalOutput(`${ESC}]0;no end\nnext line`)).toBe("\nnext line");
  });

  it("writes JSON with every control character escaped, the same data after parsing", () => {
    const data = { text: `${ESC}[31m red \u009b1m \u202e bidi \u2028 line \u007f` };
    const json = terminalJson(data);
    expect(json).not.toMatch(CONTROL);
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

const cmark = findExecutable(["cmark-gfm"]);
describeWithTool("cmark-gfm", cmark, "escaped Markdown rendered by cmark-gfm", () => {
  it("renders every hostile cell as its own words: no link, image, tag or extra table cell", () => {
    const rows = HOSTILE.map((h) => `| ${markdownText(h)} | end |`);
    const sentences = HOSTILE.map((h) => `Text ${markdownText(h)} end`);
    const ours = markdownLink("our link", "https://example.com/");
    const table = ["| Cell | Next |", "|---|---|", ...rows].join("\n");
    const md = [table, ...sentences, ours].join("\n\n");
    const html = execFileSync(
      cmark as string,
      ["--unsafe", "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter"],
      { input: md, encoding: "utf8" }
    );
    const tags = [...html.matchAll(/<(a|img|script|code|em|strong|del|h\d|ol|ul|li)\b[^>]*>/g)];
    expect(tags.map((m) => m[0])).toEqual(['<a href="https://example.com/">']);
    expect(html.match(/<td>/g)?.length).toBe(HOSTILE.length * 2);
    // The reader sees the words that were typed (control characters aside).
    const decode = (s: string): string =>
      s
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, "&")
        .replace(/\u2060/g, "");
    const cells = [...html.matchAll(/<tr>\s*<td>(.*?)<\/td>/g)].map((m) => decode(m[1]));
    expect(cells).toEqual(HOSTILE.map((h) => terminalText(h).trim()));
  });
});
