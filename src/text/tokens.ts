/**
 * Tokens with their offsets in the original text, so every match can point back at the exact
 * characters that prove it. Separators (spaces, hyphens, slashes, dots between words, HTML
 * remnants) are dropped, which makes "scikit-learn", "scikit learn" and "Python/R/SQL" tokenise
 * the way a reader splits them.
 */
export interface Token {
  /** The characters as written. */
  raw: string;
  /** Lower-cased, NFKC-folded and de-pluralised: what case-insensitive matching compares. */
  key: string;
  start: number;
  end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/**
 * ASCII letters and digits are decided by code; anything else by the Unicode classes. Taking the
 * code alone, not also the character as a string, saves making a string per character (a fifth
 * of tokenising).
 */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

/**
 * Splits text into words: letters and digits, with a leading dot when it is not between two words
 * (".NET" but "Node.js" is two words) and a trailing "+", "++" or "#" ("C++", "C#", "F#"). One pass,
 * no backtracking, so it is linear in the length of the text.
 */
export function tokenize(text: string, keys?: KeyCache): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    // Astral characters (emoji, rare scripts) are two UTF-16 units; they are never part of a word here.
    if (!isWordChar(code)) {
      const dotWord = code === 46 && i + 1 < n && isWordChar(text.charCodeAt(i + 1));
      const afterWord = i > 0 && isWordChar(text.charCodeAt(i - 1));
      if (!dotWord || afterWord) {
        i++;
        continue;
      }
    }
    const start = i;
    // Most words are plain lower-case ASCII without a final "s": their key is the word itself.
    let plain = code >= 97 && code <= 122;
    let ascii = code < 128;
    i++;
    while (i < n) {
      code = text.charCodeAt(i);
      if (!isWordChar(code)) break;
      if (code > 122 || (code >= 65 && code <= 90)) plain = false;
      if (code >= 128) ascii = false;
      i++;
    }
    const after = text.charCodeAt(i);
    if (after === 35) i++;
    else if (after === 43) i += text.charCodeAt(i + 1) === 43 ? 2 : 1;
    const raw = text.slice(start, i);
    // An ASCII key is cheaper to compute than to look up in a memo of tens of thousands of words.
    const key =
      plain && text.charCodeAt(i - 1) !== 115
        ? raw
        : ascii
          ? foldedKey(raw.toLowerCase())
          : keys
            ? keys.get(raw)
            : keyOf(raw);
    tokens.push({ raw, key, start, end: i });
  }
  return tokens;
}

/**
 * Remembers a function of a word per distinct word: texts reuse a small vocabulary (Zipf). Owned
 * by whoever builds it, not global, and bounded: full, it starts again empty.
 */
export class WordMemo<V> {
  private readonly values = new Map<string, V>();
  constructor(
    private readonly compute: (word: string) => V,
    private readonly limit: number,
  ) {}

  get(word: string): V {
    let value = this.values.get(word);
    if (value === undefined) {
      if (this.values.size >= this.limit) this.values.clear();
      value = this.compute(word);
      this.values.set(word, value);
    }
    return value;
  }
}

/** keyOf per distinct word: folding is the costly part of tokenising. */
export class KeyCache extends WordMemo<string> {
  constructor(limit = 200_000) {
    super(keyOf, limit);
  }
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Folds case and width, and drops a plural "s" so "LLMs", "transformers" and "GANs" meet their
 * singular. Both aliases and text go through here, so a stem only has to agree with itself.
 */
export function keyOf(word: string): string {
  return foldedKey((ASCII.test(word) ? word : word.normalize("NFKC")).toLowerCase());
}

/** keyOf's last step, on a word already folded to lower case: the plural "s" dropped. */
function foldedKey(w: string): string {
  const n = w.length;
  // A final "s" after a letter other than s, u, i or y ("class", "status", "analysis", "keys").
  if (n > 3 && w.charCodeAt(n - 1) === 115) {
    const before = w.charCodeAt(n - 2);
    if (isLower(before) && before !== 115 && before !== 117 && before !== 105 && before !== 121) {
      return before === 101 && n > 4 && w.charCodeAt(n - 3) === 105 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
    }
  }
  return w;
}

/**
 * Text copied from a web page often loses the line breaks between list items, gluing the last
 * word of one item to the first of the next: "SQL and PythonUnix shell scripting", "Python or
 * RProficient with Tableau". Splits a token where a lower-case letter meets an upper-case one, or
 * an upper-case run meets a capitalised word ("RProficient", "SQLServer"), with offsets into the
 * text, unless the whole word is one `keep` knows ("JavaScript", "PyTorch", "MLflow"). Both sides
 * must be a word: a lower-case prefix of one letter ("iPhone") stays, a capital ("R" + "Proficient") splits.
 */
export function splitGlued(tokens: Token[], keep: (key: string) => boolean, keys?: KeyCache): Token[] {
  let out: Token[] | null = null;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    // Where a word could split is cheap to find and rare; whether it is a known name is a look-up.
    const cuts = token.raw.length >= 4 ? gluePoints(token.raw) : [];
    if (cuts.length === 0 || keep(token.key)) {
      out?.push(token);
      continue;
    }
    out ??= tokens.slice(0, t);
    let from = 0;
    for (const cut of [...cuts, token.raw.length]) {
      const raw = token.raw.slice(from, cut);
      out.push({
        raw,
        key: keys && !ASCII.test(raw) ? keys.get(raw) : keyOf(raw),
        start: token.start + from,
        end: token.start + cut,
      });
      from = cut;
    }
  }
  return out ?? tokens;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;

/**
 * Second halves that make a product or practice name rather than a new word: "GitOps", "AIOps",
 * "KubeCon", "RSpec", "GitLab", "WordPress" stay whole even when the pack does not know them.
 */
const NAME_ENDINGS = new Set([
  "ops",
  "spec",
  "con",
  "hub",
  "lab",
  "labs",
  "script",
  "flow",
  "kit",
  "base",
  "bot",
  "bots",
  "db",
  "ql",
  "net",
  "bench",
  "ware",
  "cloud",
  "stack",
  "space",
  "works",
  "mind",
  "view",
  "point",
  "query",
  "mate",
  "force",
  "lake",
  "house",
  "press",
]);

/**
 * The start of a surname or place name written in camel case ("McLean", "MacArthur", "DeVry",
 * "LaSalle", "VanBuren"). English words such as "Do" in "What You'll DoBuild" still split.
 */
const NAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Del|Des|Fitz)$/;

/** Where a glued word splits: before a capitalised word that follows a lower-case word or a capital run. */
function gluePoints(raw: string): number[] {
  const cuts: number[] = [];
  let last = 0;
  for (let i = 1; i < raw.length - 1; i++) {
    if (!isUpper(raw.charCodeAt(i)) || !isLower(raw.charCodeAt(i + 1))) continue;
    const before = raw.charCodeAt(i - 1);
    // "iPhone" and "eBay" keep their one-letter prefix; "RProficient" and "SQLServer" split.
    if (!isUpper(before) && !(isLower(before) && i - last >= 2)) continue;
    // "McLean", "MacArthur", "DeVry", "LaSalle": a name prefix glued to a capitalised name is
    // one proper name, not two words.
    if (last === 0 && NAME_PREFIX.test(raw.slice(0, i))) continue;
    let j = i + 1;
    while (j < raw.length && isLower(raw.charCodeAt(j))) j++;
    const next = raw.slice(i, j);
    // A lone capital only splits off before a real word ("R" + "Proficient", not "R" + "Spec").
    if (NAME_ENDINGS.has(next.toLowerCase()) || (i - last === 1 && next.length < 5)) continue;
    cuts.push(i);
    last = i;
  }
  return cuts;
}
