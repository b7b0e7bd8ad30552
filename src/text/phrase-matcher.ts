import { type Token, tokenize } from "./tokens.js";

/** One phrase to find: its value is returned with each match (e.g. a skill id). */
export interface Phrase<V> {
  text: string;
  value: V;
  /** Match only with the exact case as written (ambiguous words such as "R", "Go", "Spark"). */
  caseSensitive?: boolean;
}

export interface PhraseMatch<V> {
  value: V;
  /** UTF-16 offsets into the searched text. */
  start: number;
  end: number;
  /** The phrase as it was registered. */
  phrase: string;
  /** Index of the first and one past the last matched token. */
  firstToken: number;
  lastToken: number;
}

interface Node<V> {
  next: Map<string, Node<V>>;
  /** Phrases ending here; case-sensitive ones carry the raw tokens they need. */
  ends: { value: V; phrase: string; raw: string[] | null }[];
}

const node = <V>(): Node<V> => ({ next: new Map(), ends: [] });

const LIST_BREAK = /[,;]/;

/**
 * A case-sensitive word keeps out its everyday lower-case twin ("redshift", "llama", "pinecone"),
 * not capitals: "RedShift", "LLAMA" and "PINECONE" are still the names. Short words and acronyms
 * ("R", "Go", "BI") match only as written.
 */
function sameCase(want: string, got: string): boolean {
  if (want === got) return true;
  return (
    want.length >= 4 && /[a-z]/.test(want) && /[A-Z]/.test(got.slice(1)) && got.toLowerCase() === want.toLowerCase()
  );
}

/** Marks that start a list item on a new line: "-", "*", "•", "·", "▪", "●", "►", ">". */
const ITEM_MARK = new Set([45, 42, 0x2022, 0xb7, 0x25aa, 0x25cf, 0x25ba, 62]);

/**
 * A comma or semicolon between two tokens: the words belong to different items of a list. So does a
 * line break before a bullet: "tick data\n* Model validation" had been data models. A line break
 * alone may wrap a phrase, and so may a blank line in postings whose markup was stripped (counting
 * it as a break lost 4 gold skills of the tuning sets).
 */
function hasListBreak(text: string, from: number, to: number): boolean {
  let newline = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 59) return true;
    if (newline && ITEM_MARK.has(c)) return true;
    if (c === 10) newline = true;
  }
  return false;
}

/**
 * A trie over token keys: every phrase is tokenised once, and a text is scanned by walking the
 * trie from each token, so the cost is linear in the text times the longest phrase, whatever the
 * number of phrases. Matches are leftmost-longest and do not overlap.
 */
export class PhraseMatcher<V> {
  private readonly root: Node<V> = node();
  private maxDepth = 0;

  constructor(phrases: Iterable<Phrase<V>> = []) {
    for (const p of phrases) this.add(p);
  }

  add({ text, value, caseSensitive = false }: Phrase<V>): void {
    const tokens = tokenize(text);
    if (tokens.length === 0) return;
    let at = this.root;
    for (const t of tokens) {
      let child = at.next.get(t.key);
      if (!child) {
        child = node();
        at.next.set(t.key, child);
      }
      at = child;
    }
    at.ends.push({ value, phrase: text, raw: caseSensitive ? tokens.map((t) => t.raw) : null });
    this.maxDepth = Math.max(this.maxDepth, tokens.length);
  }

  /** All non-overlapping matches in `text`, in order. */
  match(text: string): PhraseMatch<V>[] {
    return this.matchTokens(tokenize(text), text);
  }

  /**
   * Matches over tokens; given the text they came from, a phrase does not run across a comma or
   * semicolon ("time series, forecasting" is not "time series forecasting") unless it is written
   * with one ("extract, transform, load").
   */
  matchTokens(tokens: Token[], text?: string): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const found = this.longestAt(tokens, i, text);
      if (found) {
        out.push(found);
        i = found.lastToken;
      } else i++;
    }
    return out;
  }

  private longestAt(tokens: Token[], i: number, text?: string): PhraseMatch<V> | undefined {
    let at: Node<V> | undefined = this.root;
    let best: PhraseMatch<V> | undefined;
    let crossed = false;
    for (let j = i; j < tokens.length && j - i < this.maxDepth; j++) {
      at = at.next.get((tokens[j] as Token).key);
      if (!at) break;
      if (text !== undefined && j > i && !crossed)
        crossed = hasListBreak(text, (tokens[j - 1] as Token).end, (tokens[j] as Token).start);
      for (const end of at.ends) {
        if (crossed && !LIST_BREAK.test(end.phrase)) continue;
        if (end.raw && !end.raw.every((r, k) => sameCase(r, (tokens[i + k] as Token).raw))) continue;
        best = {
          value: end.value,
          phrase: end.phrase,
          start: (tokens[i] as Token).start,
          end: (tokens[j] as Token).end,
          firstToken: i,
          lastToken: j + 1,
        };
        break;
      }
    }
    return best;
  }
}
