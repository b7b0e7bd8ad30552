/** What a resume written in Markdown says, without the marks that lay it out. */
export interface PlainMarkdown {
  text: string;
  /** The addresses of links whose text hides them ("[GitHub](https://github.com/jane)"). */
  targets: string[];
}

/**
 * Spans are bounded and hold no mark of their own kind, here and below: a 150 KB line of unclosed
 * "[" or "_a " had taken a minute, each mark scanning the rest of the line for its pair.
 */
const LINK =
  /(!?)\[([^[\]\n]{0,300})\]\([ \t]{0,20}<?([^()\s<>]{0,500}(?:\([^()\s]{0,100}\)[^()\s<>]{0,100})?)>?(?:[ \t]{1,20}"[^"\n]{0,300}")?[ \t]{0,20}\)/g;
/**
 * "*word*" and "_word_": the mark must hug the words and stand apart from them, so "snake_case",
 * "2*3*4" and a footnote's "Python*" are left as they are.
 */
const STAR_EMPHASIS = /(?<![\p{L}\p{N}*_\\])\*(?![\s*_])([^\n*]{0,300}?[^\s\\*_])\*(?![\p{L}\p{N}*_])/gu;
const UNDERSCORE_EMPHASIS = /(?<![\p{L}\p{N}*_\\])_(?![\s*_])([^\n_]{0,300}?[^\s\\*_])_(?![\p{L}\p{N}*_])/gu;

/**
 * Markdown's marks are layout, not content: "# Jane Doe" is a name and "[Acme](https://acme.com)"
 * an employer. Plain text rarely uses these marks in these places, so every text resume goes through
 * this (a .md file arrives as text, with nothing else to tell it apart). Lines are kept, so the
 * reader's line structure is the Markdown's.
 */
export function plainMarkdown(markdown: string): PlainMarkdown {
  const targets: string[] = [];
  const text = markdown
    .split("\n")
    .map(tableRowText)
    .join("\n")
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*)$/gm, (_, heading: string) => withoutClosingHashes(heading))
    .replace(/^[ \t]{0,3}>[ \t]?/gm, "")
    // Rules and setext underlines ("---", "***", "==="): no content, and never a headline.
    .replace(/^[ \t]{0,3}(?:([-*_=])[ \t]*)(?:\1[ \t]*){2,}$/gm, "")
    .replace(LINK, (_, image: string, label: string, url: string) => {
      if (image) return "";
      if (url && !url.startsWith("#")) targets.push(url);
      return label;
    })
    .replace(/`([^`\n]{1,300})`/g, "$1")
    .replace(/\*\*|__/g, "")
    .replace(STAR_EMPHASIS, "$1")
    .replace(UNDERSCORE_EMPHASIS, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
  return { text, targets };
}

/**
 * A table row's cells as text, joined as a plain-text resume joins a job's parts ("Data Scientist,
 * Acme"); a separator row ("|---|:--:|") is no content, like a rule. The pipes had reached names,
 * headlines and job descriptions, and a separator row had cut a job's title from its dates.
 */
function tableRowText(line: string): string {
  const t = line.trim();
  if (!t.startsWith("|") || t.indexOf("|", 1) < 0) return line;
  if (/^[|:\s-]+$/.test(t) && t.includes("-")) return "";
  return t
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(", ");
}

/**
 * "Experience ##" is "Experience": an ATX heading's closing marks, found without a pattern
 * anchored at the end, which had scanned a long run of spaces from each of its characters.
 */
function withoutClosingHashes(heading: string): string {
  const t = heading.trimEnd();
  let at = t.length;
  while (at > 0 && t[at - 1] === "#") at--;
  return at < t.length && (at === 0 || t[at - 1] === " " || t[at - 1] === "\t") ? t.slice(0, at).trimEnd() : t;
}
