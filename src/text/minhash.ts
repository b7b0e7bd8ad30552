/**
 * MinHash signatures of word shingles: two texts' signatures agree in about the share of
 * positions that equals the Jaccard similarity of their shingle sets, so near-duplicate postings
 * (a repost with a changed date or location line) are found without comparing whole texts.
 */
import { afterCodePoint, letterRunEnd } from "./letters.js";

export const MINHASH_SIZE = 64;
const SHINGLE = 5;

/**
 * The words of a text as they were always cut (runs of letters and digits, as the pattern
 * /[\p{L}\p{N}]+/gu finds them), as [start, end) offsets into it: shingles are hashed straight
 * from the text, where slicing out words and joining them into shingle strings was most of the cost.
 */
function wordBounds(text: string): Int32Array {
  const bounds = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; ) {
    const end = letterRunEnd(text, i);
    if (end === i) {
      i = afterCodePoint(text, i);
      continue;
    }
    bounds[count++] = i;
    bounds[count++] = end;
    i = end;
  }
  return bounds.subarray(0, count);
}

/**
 * FNV-1a, 32-bit (fast and good enough to spread shingles), of the words from..to joined by single
 * spaces: the same value as hashing that joined string.
 */
function shingleHash(text: string, bounds: Int32Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < to; w++) {
    if (w > from) h = Math.imul(h ^ 32, 0x01000193);
    const end = bounds[2 * w + 1] as number;
    for (let i = bounds[2 * w] as number; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h;
}

/**
 * Fixed seeds so signatures stored today compare with signatures computed next year. Kept as
 * int32 (the XOR below reads them as such anyway): as plain numbers above 2^31 they were heap
 * doubles, converted on each of the 64 mixes per shingle.
 */
const SEEDS = Int32Array.from({ length: MINHASH_SIZE }, (_, i) => Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995);

export function minhash(text: string): number[] {
  const lower = text.toLowerCase();
  const bounds = wordBounds(lower);
  const words = bounds.length / 2;
  const count = Math.max(1, words - SHINGLE + 1);
  const hashes = new Int32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = shingleHash(lower, bounds, i, Math.min(words, i + SHINGLE));
  // Four seeds at a time over all shingles, so the running minima stay in registers instead of
  // being read and written back in the signature once per shingle and seed, and each shingle hash
  // is loaded once per four seeds.
  const signature = new Array<number>(MINHASH_SIZE);
  for (let k = 0; k < MINHASH_SIZE; k += 4) {
    const s0 = SEEDS[k] as number;
    const s1 = SEEDS[k + 1] as number;
    const s2 = SEEDS[k + 2] as number;
    const s3 = SEEDS[k + 3] as number;
    let m0 = 0x7fffffff;
    let m1 = 0x7fffffff;
    let m2 = 0x7fffffff;
    let m3 = 0x7fffffff;
    for (let i = 0; i < count; i++) {
      const h = hashes[i] as number;
      // Mix the shingle hash with each seed; keep 31 bits so values fit a signed int column.
      const v0 = Math.imul(h ^ s0, 0x85ebca6b) >>> 1;
      const v1 = Math.imul(h ^ s1, 0x85ebca6b) >>> 1;
      const v2 = Math.imul(h ^ s2, 0x85ebca6b) >>> 1;
      const v3 = Math.imul(h ^ s3, 0x85ebca6b) >>> 1;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
    }
    signature[k] = m0;
    signature[k + 1] = m1;
    signature[k + 2] = m2;
    signature[k + 3] = m3;
  }
  return signature;
}

/** The estimated Jaccard similarity of the texts behind two signatures. */
export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}
