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

// A word: letters and digits, optionally a leading dot (".NET") and trailing + or # ("C++", "C#", "F#").
// The leading dot only counts when it is not between two word characters ("Node.js" is two words).
const WORD = /(?<![\p{L}\p{N}])\.(?=\p{L})[\p{L}\p{N}]+|[\p{L}\p{N}]+(?:\+\+|\+|#)?/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    tokens.push({ raw, key: keyOf(raw), start, end: start + raw.length });
  }
  return tokens;
}

/**
 * Folds case and width, and drops a plural "s" so "LLMs", "transformers" and "GANs" meet their
 * singular. Both aliases and text go through here, so a stem only has to agree with itself.
 */
export function keyOf(word: string): string {
  const w = word.normalize("NFKC").toLowerCase();
  if (w.length > 3 && w.endsWith("s") && !/(ss|us|is|ys)$/.test(w) && /[a-z]s$/.test(w)) {
    return w.endsWith("ies") && w.length > 4 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  }
  return w;
}
