/**
 * HTML markup in a posting pasted or saved as a page: tags, comments, entities, and the content of
 * scripts and styles. Read as text, "<div class="tensorflow">" and "var kubernetes" were skills.
 */

/** Tags of HTML that postings carry; a "<" before any other word ("a < b", "<3 years>") is text. */
const TAG_NAMES =
  "a|abbr|article|aside|b|blockquote|body|br|button|center|code|dd|div|dl|dt|em|font|footer|form|h[1-6]|head|header|hr|html|i|img|input|label|li|link|main|meta|nav|ol|p|pre|section|small|span|strong|sub|sup|table|tbody|td|tfoot|th|thead|title|tr|u|ul";
/** Tags that end a line of text: the mask starts with a line break there, so lists and headings stay lines. */
const BLOCK = /^<\/?(?:article|blockquote|br|dd|div|dl|dt|footer|h[1-6]|header|hr|li|ol|p|pre|section|table|tr|ul)\b/i;
/** Elements whose content is code or style, never text. */
const OPAQUE = /<(script|style|noscript|template|svg|iframe)\b[^<>]{0,2000}>/gi;
const TAG = new RegExp(
  String.raw`</?(?:${TAG_NAMES})\b[^<>]{0,2000}>|<!--|&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[0-9a-fA-F]{1,6});`,
  "gi",
);
const ANY_TAG = new RegExp(String.raw`</?(?:${TAG_NAMES}|script|style)\b[^<>]{0,2000}>`, "i");
const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Spaces as long as `text`, its line breaks kept, so every offset after it stays where it was. */
const blank = (text: string) => text.replace(/[^\n]/g, " ");

/**
 * The text with its markup blanked out, character for character: the same length and the same
 * offsets, so mentions found in it point into the text as given (the web UI highlights them
 * there). Text without a known HTML tag is returned as it is. Linear: an unclosed script or
 * comment blanks to the end once, not once per later opening.
 */
export function maskMarkup(text: string): string {
  if (!ANY_TAG.test(text)) return text;
  const parts: string[] = [];
  let at = 0;
  const keep = (to: number) => {
    if (to > at) parts.push(text.slice(at, to));
    at = Math.max(at, to);
  };
  const mask = (from: number, to: number, first = " ") => {
    keep(from);
    if (to <= at) return;
    const masked = blank(text.slice(at, to));
    parts.push(masked[0] === "\n" ? masked : first + masked.slice(1));
    at = to;
  };
  // Opaque elements first, each to its closing tag (or to the end when it has none).
  // An unclosed one runs to the end, as in a browser, and every later opening is inside it.
  const opaque: [number, number][] = [];
  for (const m of text.matchAll(OPAQUE)) {
    const start = m.index;
    if (opaque.length && start < (opaque.at(-1) as [number, number])[1]) continue;
    const close = new RegExp(String.raw`</${m[1]}\s*>`, "gi");
    close.lastIndex = start + m[0].length;
    const end = close.exec(text);
    opaque.push([start, end ? end.index + end[0].length : text.length]);
  }
  let next = 0;
  for (const m of text.matchAll(TAG)) {
    const start = m.index;
    if (start < at) continue;
    while (next < opaque.length && (opaque[next] as [number, number])[1] <= start) {
      const [from, to] = opaque[next] as [number, number];
      mask(from, to);
      next++;
    }
    const inside = opaque[next];
    if (inside && start >= inside[0]) continue;
    const token = m[0];
    if (token === "<!--") {
      const end = text.indexOf("-->", start + 4);
      mask(start, end < 0 ? text.length : end + 3);
    } else if (token.startsWith("&")) {
      const name = token.slice(1, -1).toLowerCase();
      const char = name.startsWith("#x")
        ? fromCode(Number.parseInt(name.slice(2), 16))
        : name.startsWith("#")
          ? fromCode(Number.parseInt(name.slice(1), 10))
          : (ENTITY[name] ?? " ");
      // A character outside the basic plane takes two places: blanked, as it would not fit.
      mask(start, start + token.length, char.length === 1 ? char : " ");
    } else mask(start, start + token.length, BLOCK.test(token) ? "\n" : " ");
  }
  for (; next < opaque.length; next++) {
    const [from, to] = opaque[next] as [number, number];
    mask(from, to);
  }
  keep(text.length);
  return parts.join("");
}

const fromCode = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ");
