/**
 * MinHash signatures of word shingles: two texts' signatures agree in about the share of
 * positions that equals the Jaccard similarity of their shingle sets, so near-duplicate postings
 * (a repost with a changed date or location line) are found without comparing whole texts.
 */
export const MINHASH_SIZE = 64;
const SHINGLE = 5;

/** FNV-1a, 32-bit: fast and good enough to spread shingles. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Fixed seeds so signatures stored today compare with signatures computed next year. Kept as
 * int32 (the XOR below reads them as such anyway): as plain numbers above 2^31 they were heap
 * doubles, converted on each of the 64 mixes per shingle.
 */
const SEEDS = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995);

export function minhash(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const signature = new Int32Array(MINHASH_SIZE).fill(0x7fffffff);
  const count = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < count; i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE).join(" "));
    for (let k = 0; k < MINHASH_SIZE; k++) {
      // Mix the shingle hash with each seed; keep 31 bits so values fit a signed int column.
      const v = Math.imul(h ^ (SEEDS[k] as number), 0x85ebca6b) >>> 1;
      if (v < (signature[k] as number)) signature[k] = v;
    }
  }
  return Array.from(signature);
}

/** The estimated Jaccard similarity of the texts behind two signatures. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}
