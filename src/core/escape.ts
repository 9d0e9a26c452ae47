// Inert output: cell text made safe for the places we print it. Markdown and HTML reports get
// entities and escaped Markdown syntax (no link, image, raw HTML or autolink from a cell); the
// terminal gets no escape sequences or control characters. Pure: no I/O, usable by every host.
import type { CellValue } from "./snapshot";

/**
 * Terminal escape sequences (ECMA-48), 7-bit and 8-bit: CSI (colours, cursor moves, screen
 * clears), string commands up to their terminator (OSC hyperlinks, window titles, clipboard
 * writes; DCS, SOS, PM, APC) and two-character escapes (ESC c resets the terminal). A string
 * command without its terminator ends at the line end, so it cannot swallow the rest of a report.
 */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0020-\u003f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])(?:[^\u0007\u001b\u009c\n]|\u001b(?!\\))*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;

/** C0 and C1 control characters except tab and line feed, DEL, and the bidi overrides. */
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Line breaks inside one cell's text (CR LF, CR, LF, tab, Unicode line and paragraph separators). */
const LINE_BREAK = /\r\n|[\r\n\t\u2028\u2029]/g;

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Whole output for the terminal: escape sequences and control characters removed, our own line feeds and tabs kept. */
export function terminalOutput(output: string): string {
  return output.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/** One cell's text inside a terminal line: as terminalOutput, and its own line breaks become spaces. */
export function terminalText(value: CellValue | undefined): string {
  return terminalOutput(text(value).replace(LINE_BREAK, " "));
}

/** Characters JSON.stringify leaves raw that a terminal may act on: DEL, C1 controls, bidi overrides, U+2028/9. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON for the terminal: the same data, with every control character written as a \uXXXX escape. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(
    JSON_RAW,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for HTML element content or a quoted attribute: the five HTML specials as entities, controls removed. */
export function escapeHtml(value: CellValue | undefined): string {
  return terminalOutput(text(value)).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Markdown inline syntax a cell could use: emphasis, code, links and images (brackets), tables
 * (pipe), strikethrough, and the backslash itself. Raw HTML, autolinks (<http://…>) and entity
 * references are neutralised by the HTML entities.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]|~&<>"']/g;

/**
 * GFM turns bare text into links (extended autolinks): http://, https://, ftp://, www., e-mail
 * addresses, mailto: and xmpp:. An escaped colon or dot renders the same character and keeps the
 * parser from seeing a link. cmark-gfm finds e-mail addresses after escapes are resolved, so an
 * at sign also gets an invisible word joiner (U+2060) after it. Checked with cmark-gfm (GitHub's
 * renderer), markdown-it with linkify, micromark with GFM and marked.
 */
const AUTOLINK = /(\b(?:https?|ftp|mailto|xmpp)):|(\bwww)\.|@/gi;

/** Block syntax that only counts at a line start: headings, quotes, list items, setext underlines. */
const LINE_START = /^(?:[#+\-=]|\d{1,9}(?=[.)](?:\s|$)))/;

/**
 * One cell's text as inert Markdown inline text, on one line: it renders as the same words and
 * never as a link, image, raw HTML, emphasis or table cell break. Use for every value that comes
 * from a cell; our own Markdown goes around it.
 */
export function markdownText(value: CellValue | undefined): string {
  const flat = terminalText(value);
  return flat
    .replace(MARKDOWN_SPECIAL, (c) => HTML_ENTITIES[c] ?? `\\${c}`)
    .replace(AUTOLINK, (match, scheme: string | undefined, www: string | undefined) =>
      scheme ? `${scheme}\\:` : www ? `${www}\\.` : "\\@\u2060"
    )
    .replace(LINE_START, (c) => (/\d/.test(c) ? `${c}\\` : `\\${c}`));
}

/** An absolute http(s) URL, normalised and without credentials; null for anything else (javascript:, data:, file:, relative). */
export function safeHttpUrl(value: CellValue | undefined): string | null {
  const raw = text(value).trim();
  if (raw === "" || raw !== terminalOutput(raw) || /\s/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password)
    return null;
  return url.href;
}

/**
 * A link we create ourselves: [text](url) when the URL is http or https, otherwise the text
 * alone. The URL is percent-encoded where Markdown would end or reshape it.
 */
export function markdownLink(label: CellValue | undefined, href: CellValue | undefined): string {
  const shown = markdownText(label);
  const url = safeHttpUrl(href);
  if (url === null) return shown;
  const encoded = url.replace(
    /[()<>[\]\\`*_|'" ]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
  return `[${shown || markdownText(url)}](${encoded})`;
}
