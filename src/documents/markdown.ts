/** What a resume written in Markdown says, without the marks that lay it out. */
export interface PlainMarkdown {
  text: string;
  /** The addresses of links whose text hides them ("[GitHub](https://github.com/jane)"). */
  targets: string[];
}

const LINK = /(!?)\[([^\]\n]*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+"[^"\n]*")?\s*\)/g;
/**
 * "*word*" and "_word_": the mark must hug the words and stand apart from them, so "snake_case",
 * "2*3*4" and a footnote's "Python*" are left as they are.
 */
const EMPHASIS = /(?<![\p{L}\p{N}*_\\])([*_])(?![\s*_])([^\n]*?[^\s\\*_])\1(?![\p{L}\p{N}*_])/gu;

/**
 * Markdown's marks are layout, not content: "# Jane Doe" is a name and "[Acme](https://acme.com)"
 * an employer. Plain text rarely uses these marks in these places, so every text resume goes through
 * this (a .md file arrives as text, with nothing else to tell it apart). Lines are kept, so the
 * reader's line structure is the Markdown's.
 */
export function plainMarkdown(markdown: string): PlainMarkdown {
  const targets: string[] = [];
  const text = markdown
    // "## Experience ##": an ATX heading's marks, before and after.
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm, "$1")
    .replace(/^[ \t]{0,3}>[ \t]?/gm, "")
    // Rules and setext underlines ("---", "***", "==="): no content, and never a headline.
    .replace(/^[ \t]{0,3}(?:([-*_=])[ \t]*)(?:\1[ \t]*){2,}$/gm, "")
    .replace(LINK, (_, image: string, label: string, url: string) => {
      if (image) return "";
      if (url && !url.startsWith("#")) targets.push(url);
      return label;
    })
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/\*\*|__/g, "")
    .replace(EMPHASIS, "$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
  return { text, targets };
}
