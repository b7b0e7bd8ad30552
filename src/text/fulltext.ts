/// <reference path="./wink-porter2-stemmer.d.ts" />
import stem from "wink-porter2-stemmer";
import { afterCodePoint, letterRunEnd } from "./letters.js";
import { WordMemo } from "./tokens.js";

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
function scanWords(text: string): string[] {
  const out: string[] = [];
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
    out.push(text.slice(start, i));
  }
  return out;
}
const LETTERS = /^\p{L}+$/u;
/** PostgreSQL's limits: positions run to 16,383, and a lexeme keeps at most 255 of them. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 255;
const MAX_VECTOR_DATA = (1 << 20) - 1;
const MAX_WORD = 64;
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

function tsvectorBytes(positions: Map<string, number[]>, titleEnd: number): Uint8Array {
  let size = 4;
  // PostgreSQL refuses a vector whose lexemes and positions pass 1 MB (counted as it lays them out:
  // each lexeme's bytes, aligned to two, then its positions and their count); a huge text of
  // distinct words keeps its first words.
  let data = 0;
  let kept = 0;
  for (const [lexeme, at] of positions) {
    const length = utf8Length(lexeme);
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
  for (const [lexeme, all] of positions) {
    if (kept-- === 0) break;
    let ascii = true;
    for (let i = 0; i < lexeme.length; i++) {
      const c = lexeme.charCodeAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      bytes[o + i] = c;
    }
    o += ascii ? lexeme.length : utf8.encodeInto(lexeme, bytes.subarray(o)).written;
    bytes[o++] = 0;
    const count = Math.min(all.length, MAX_POSITIONS_PER_LEXEME);
    view.setUint16(o, count);
    o += 2;
    for (let i = 0; i < count; i++) {
      const at = all[i] as number;
      view.setUint16(o, at | (at <= titleEnd ? WEIGHT_A : WEIGHT_B));
      o += 2;
    }
  }
  return bytes;
}

/** Two rising lists of positions as one, each position once (two words of one lexeme never share one). */
function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x =
      j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
    if (out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

export function createTextAnalyser(): TextAnalyser {
  // Each word's lexeme (null for a stop word) is remembered: words repeat across postings.
  const known = new WordMemo<string | null>((word) => {
    if (word.length > MAX_WORD || STOP_WORDS.has(word)) return null;
    return word.length < 3 || !LETTERS.test(word) ? word : stem(word);
  }, CACHE_LIMIT);
  const lexemeOf = (word: string) => known.get(word);
  const words = (text: string): string[] => scanWords(text.normalize("NFKC").toLowerCase().replaceAll("’", "'"));
  /** The lexemes of a text in order, null where a stop word held a position. */
  const lexemes = (text: string): (string | null)[] => words(text).map(lexemeOf);

  function document(title: string, body: string): Uint8Array {
    // Positions are gathered per word first and looked up as lexemes once per distinct word: a
    // description repeats its words, and the shared lexeme memo is the costly look-up.
    const byWord = new Map<string, number[]>();
    let position = 0;
    const add = (text: string) => {
      for (const word of words(text)) {
        if (position < MAX_POSITION) position++;
        const list = byWord.get(word);
        if (!list) byWord.set(word, [position]);
        else if (list[list.length - 1] !== position) list.push(position);
      }
    };
    add(title);
    const titleEnd = position;
    add(body);
    // Words meet in a lexeme in the order of their first use, as the lexemes' own first uses.
    const positions = new Map<string, number[]>();
    for (const [word, at] of byWord) {
      const lexeme = lexemeOf(word);
      if (lexeme === null) continue;
      const list = positions.get(lexeme);
      positions.set(lexeme, list ? mergeSorted(list, at) : at);
    }
    return tsvectorBytes(positions, titleEnd);
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
