/// <reference path="./wink-porter2-stemmer.d.ts" />
import stem from "wink-porter2-stemmer";
import { afterCodePoint, letterRunEnd } from "./letters.js";
import { WordTable } from "./word-table.js";

/**
 * Full-text search documents and queries, analysed in JavaScript rather than by PostgreSQL's
 * `to_tsvector`. Parsing and stemming 3-4 KB descriptions inside the embedded engine was most of
 * its ingest time, and the engine runs on the main thread; here the work runs on the extraction
 * thread and PostgreSQL only reads a finished `tsvector`. Documents and queries go through the
 * same analyser, so they always agree on what a word's lexeme is, on PGlite and on a server.
 */
export interface TextAnalyser {
  /**
   * The title's lexemes weighted A and the body's B, with positions, as a `tsvector` in
   * PostgreSQL's binary format (what `tsvector_send` writes). Stores take
   * it as a binary parameter: no text to encode on the storing thread, none to parse in the engine.
   */
  document(title: string, body: string): Uint8Array;
  /**
   * A `tsquery` literal from a web-search style query: words must all appear, "quoted words"
   * appear in that order, -word must not appear, `or` between two terms accepts either. Null
   * when nothing searchable is left (only stop words or punctuation).
   */
  query(text: string): string | null;
}

// PostgreSQL's English stop words (the Snowball list it ships as english.stop).
const STOP_WORDS = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
    "herself it its itself they them their theirs themselves what which who whom this that these those am is are " +
    "was were be been being have has had having do does did doing a an the and but if or because as until while " +
    "of at by for with about against between into through during before after above below to from up down in out " +
    "on off over under again further then once here there when where why how all any both each few more most " +
    "other some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/**
 * Words: letters and digits, with inner dots ("node.js", "asp.net") and trailing + or # ("c++",
 * "c#"), exactly what /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*[+#]*\/gu matches, scanned by code (the
 * Unicode pattern was a third of the analyser's time).
 */
function scanWords(text: string, each: (start: number, end: number) => void): void {
  for (let i = 0; i < text.length; ) {
    const start = i;
    i = letterRunEnd(text, start);
    if (i === start) {
      i = afterCodePoint(text, start);
      continue;
    }
    // An inner dot joins the next run ("node.js"); a final one does not ("end.").
    while (text.charCodeAt(i) === 46) {
      const next = letterRunEnd(text, i + 1);
      if (next === i + 1) break;
      i = next;
    }
    while (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 35) i++;
    each(start, i);
  }
}
const LETTERS = /^\p{L}+$/u;
/** PostgreSQL's limits: positions run to 16,383, and a lexeme keeps at most 255 of them. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
const MAX_VECTOR_DATA = (1 << 20) - 1;
/** Longer words are neither indexed nor searched. */
export const MAX_WORD = 64;
const CACHE_LIMIT = 50_000;

const quote = (lexeme: string) =>
  lexeme.includes("'") || lexeme.includes("\\")
    ? `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`
    : `'${lexeme}'`;

/**
 * PostgreSQL's binary `tsvector`: an int32 count of lexemes, then for each its UTF-8 bytes, a NUL,
 * an int16 count of positions and each position as int16 (weight in the top two bits, A = 3,
 * B = 2), all big-endian. The engine sorts lexemes it receives out of order; positions must rise.
 */
const WEIGHT_A = 3 << 14;
const WEIGHT_B = 2 << 14;
const utf8 = new TextEncoder();

/** The UTF-8 length of a string, without encoding it. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c < 0xd800 || c > 0xdfff) n += 2;
    else if (c < 0xdc00) {
      // A surrogate pair: two UTF-16 units, four bytes.
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** A lexeme and, while a document is built, where it occurs in it. */
interface Lexeme {
  text: string;
  /** The document whose positions `at` holds; older positions are stale. */
  stamp: number;
  at: number[];
}

function tsvectorBytes(lexemes: Lexeme[], titleEnd: number): Uint8Array {
  let size = 4;
  // PostgreSQL refuses a vector whose lexemes and positions pass 1 MB (counted as it lays them out:
  // each lexeme's bytes, aligned to two, then its positions and their count); a huge text of
  // distinct words keeps its first words.
  let data = 0;
  let kept = 0;
  for (const { text, at } of lexemes) {
    const length = utf8Length(text);
    const count = Math.min(at.length, MAX_POSITIONS_PER_LEXEME);
    const next = ((data + length + 1) & ~1) + 2 * (count + 1);
    if (next > MAX_VECTOR_DATA) break;
    data = next;
    kept++;
    size += length + 3 + 2 * count;
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, kept);
  let o = 4;
  for (let l = 0; l < kept; l++) {
    const { text, at } = lexemes[l] as Lexeme;
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      bytes[o + i] = c;
    }
    o += ascii ? text.length : utf8.encodeInto(text, bytes.subarray(o)).written;
    bytes[o++] = 0;
    const count = Math.min(at.length, MAX_POSITIONS_PER_LEXEME);
    view.setUint16(o, count);
    o += 2;
    for (let i = 0; i < count; i++) {
      const p = at[i] as number;
      view.setUint16(o, p | (p <= titleEnd ? WEIGHT_A : WEIGHT_B));
      o += 2;
    }
  }
  return bytes;
}

const NO_POSITIONS: number[] = [];

export function createTextAnalyser(): TextAnalyser {
  // Each word's lexeme (null for a stop word); words of one lexeme share its entry, which holds
  // the positions of the document being built.
  const byText = new Map<string, Lexeme>();
  const table = new WordTable<Lexeme | null>((word) => {
    if (word.length > MAX_WORD || STOP_WORDS.has(word)) return null;
    const text = word.length < 3 || !LETTERS.test(word) ? word : stem(word);
    let lexeme = byText.get(text);
    if (!lexeme) {
      lexeme = { text, stamp: -1, at: NO_POSITIONS };
      byText.set(text, lexeme);
    }
    return lexeme;
  });
  const trim = () => {
    if (table.trim(CACHE_LIMIT)) byText.clear();
  };
  let stamp = 0;
  const fold = (text: string) => text.normalize("NFKC").toLowerCase().replaceAll("’", "'");
  /** The lexemes of a text in order, null where a stop word held a position. */
  const lexemes = (text: string): (string | null)[] => {
    // A server only ever asks queries: the table is kept bounded here too.
    trim();
    const folded = fold(text);
    const out: (string | null)[] = [];
    scanWords(folded, (start, end) => out.push(table.lookup(folded, start, end)?.text ?? null));
    return out;
  };

  function document(title: string, body: string): Uint8Array {
    // The table holds fewer than CACHE_LIMIT words plus one document's: a document's entries are
    // never dropped while it is built.
    trim();
    stamp++;
    // Lexemes in the order of their first use; positions rise as words are read, so a lexeme's
    // list is in order and a position repeats only where the count stops at its maximum.
    const used: Lexeme[] = [];
    let position = 0;
    const add = (text: string) => {
      const folded = fold(text);
      scanWords(folded, (start, end) => {
        if (position < MAX_POSITION) position++;
        const lexeme = table.lookup(folded, start, end);
        if (lexeme === null) return;
        if (lexeme.stamp !== stamp) {
          lexeme.stamp = stamp;
          lexeme.at = [position];
          used.push(lexeme);
        } else if (lexeme.at[lexeme.at.length - 1] !== position) lexeme.at.push(position);
      });
    };
    add(title);
    const titleEnd = position;
    add(body);
    const bytes = tsvectorBytes(used, titleEnd);
    // Positions are only needed until the vector is written; a huge document's lists are not kept.
    for (const lexeme of used) lexeme.at = NO_POSITIONS;
    return bytes;
  }

  /** Words in order; a stop word inside a phrase still counts as a step ("head of data" is <2>). */
  function phrase(words: (string | null)[]): string | null {
    let out = "";
    let gap = 0;
    let count = 0;
    for (const word of words) {
      gap++;
      if (word === null) continue;
      // PostgreSQL's phrase distance stops at 16,384.
      const d = Math.min(gap, MAX_POSITION + 1);
      out += count === 0 ? quote(word) : ` ${d === 1 ? "<->" : `<${d}>`} ${quote(word)}`;
      count++;
      gap = 0;
    }
    if (count === 0) return null;
    return count === 1 ? out : `(${out})`;
  }

  function query(text: string): string | null {
    const parts: string[] = [];
    let pendingOr = false;
    // "phrase", -"phrase", -word, word, or
    for (const m of text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
      const negated = m[1] === "-" || (m[3]?.startsWith("-") ?? false);
      const raw = m[2] ?? m[3]?.replace(/^-+/, "") ?? "";
      if (!m[2] && raw.toLowerCase() === "or" && !negated) {
        pendingOr = parts.length > 0;
        continue;
      }
      const term = phrase(lexemes(raw));
      if (term === null) continue;
      const operand = negated ? `!${term}` : term;
      if (parts.length) parts.push(pendingOr ? "|" : "&");
      parts.push(operand);
      pendingOr = false;
    }
    return parts.length ? parts.join(" ") : null;
  }

  return { document, query };
}
