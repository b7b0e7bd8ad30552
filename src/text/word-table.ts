/**
 * A value per word, looked up by a word's place in a text ([start, end)) rather than by a string:
 * the hash is computed from the text and only a word not seen before is sliced out, so a word
 * occurrence costs no allocation. For hot loops over every word of many texts (the full-text
 * analyser); words repeat across texts (Zipf), so a table is kept between texts and emptied with
 * `trim` when it has grown past a limit.
 */

/** FNV-1a, 32-bit, of text[start, end), as a signed int32 (what the table's slots hold). */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function sameRange(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * A word as a string of its own. V8 cuts a slice of 13 or more characters as a view into the whole
 * text, so a kept word would keep every document it was first seen in alive until the next trim.
 * Only words not seen before are copied.
 */
function ownCopy(text: string, start: number, end: number): string {
  return end - start < 13 ? text.slice(start, end) : Buffer.from(text.slice(start, end), "utf16le").toString("utf16le");
}

const INITIAL_SLOTS = 1 << 17;
/**
 * Probes before a word goes to the spill map. Open addressing is only fast while probes are short;
 * text crafted so that many words share a hash would make them long and the table quadratic, so
 * past this many the word is kept in a Map instead, and every look-up stays bounded.
 */
const MAX_PROBES = 32;

export class WordTable<V> {
  /** Pairs of (hash, entry + 1): a probe reads the hash and the entry from one place. */
  private slots = new Int32Array(2 * INITIAL_SLOTS);
  private words: string[] = [];
  private values: V[] = [];
  private spill = new Map<string, V>();

  /**
   * `hash` must give a signed int32 that depends only on the word's characters, not on where it
   * stands in the text (growing the table hashes each word again on its own).
   */
  constructor(
    private readonly compute: (word: string) => V,
    private readonly hash: (text: string, start: number, end: number) => number = hashRange,
  ) {}

  get size(): number {
    return this.words.length + this.spill.size;
  }

  /** The value of the word text[start, end), computed the first time the word is met. */
  lookup(text: string, start: number, end: number): V {
    const h = this.hash(text, start, end);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let probe = 0, s = h & mask; probe < MAX_PROBES; probe++, s = (s + 1) & mask) {
      const entry = (slots[2 * s + 1] as number) - 1;
      if (entry < 0) return this.insert(s, h, ownCopy(text, start, end));
      if (slots[2 * s] === h && sameRange(this.words[entry] as string, text, start, end))
        return this.values[entry] as V;
    }
    // Entries are never removed, so a word whose probes all found other words is in the spill map.
    const word = ownCopy(text, start, end);
    if (this.spill.has(word)) return this.spill.get(word) as V;
    const value = this.compute(word);
    this.spill.set(word, value);
    return value;
  }

  /** Empties the table when it holds `limit` words or more; says whether it did. */
  trim(limit: number): boolean {
    if (this.size < limit) return false;
    this.slots = new Int32Array(2 * INITIAL_SLOTS);
    this.words = [];
    this.values = [];
    this.spill.clear();
    return true;
  }

  private insert(slot: number, hash: number, word: string): V {
    const value = this.compute(word);
    this.place(slot, hash, word, value);
    // At most half full, so probes stay short; one huge text can outgrow it.
    if (4 * this.words.length > this.slots.length) this.grow();
    return value;
  }

  private place(slot: number, hash: number, word: string, value: V): void {
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = this.words.push(word);
    this.values.push(value);
  }

  /** The first free slot within reach of `hash`, or -1. */
  private freeSlot(hash: number): number {
    const mask = (this.slots.length >> 1) - 1;
    for (let probe = 0, s = hash & mask; probe < MAX_PROBES; probe++, s = (s + 1) & mask)
      if (this.slots[2 * s + 1] === 0) return s;
    return -1;
  }

  /**
   * Twice the slots, every word placed again: a word out of reach goes to the spill map, and a
   * spilled word now in reach comes back, so a word is in the spill map only while every slot in
   * its reach holds another word.
   */
  private grow(): void {
    const { words, values, spill } = this;
    this.slots = new Int32Array(2 * this.slots.length);
    this.words = [];
    this.values = [];
    this.spill = new Map();
    const put = (word: string, value: V) => {
      const hash = this.hash(word, 0, word.length);
      const slot = this.freeSlot(hash);
      if (slot < 0) this.spill.set(word, value);
      else this.place(slot, hash, word, value);
    };
    for (let i = 0; i < words.length; i++) put(words[i] as string, values[i] as V);
    for (const [word, value] of spill) put(word, value);
  }
}
