import sanitizeHtml from "sanitize-html";

/** Tags whose end (or presence) is a line break in the text; every other tag is dropped. */
const BLOCKS = ["p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "tr", "section", "article"];
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Posting HTML as plain text: sanitize-html parses it and keeps only block tags, without
 * attributes (scripts, styles and their content are gone, every handler and URL with them);
 * block tags then become line breaks and list items bullets, and the few entities the sanitiser
 * writes (it escapes text as it serialises it) are decoded. The text is what mlpath stores and shows, so no markup from a job board
 * ever reaches a page.
 */
export function htmlToText(html: string): string {
  const clean = sanitizeHtml(html, {
    allowedTags: BLOCKS,
    allowedAttributes: {},
    nonTextTags: ["script", "style", "noscript", "iframe", "textarea", "option", "template", "svg"],
  });
  return (
    clean
      .replace(/<\/li>/g, "")
      .replace(/<li>/g, "\n- ")
      .replace(/<\/?[a-z0-9]+ ?\/?>/g, "\n")
      // One pass, so "&amp;lt;" in the source stays the text "&lt;".
      .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] as string)
      .replace(/[ \t\u00a0]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
