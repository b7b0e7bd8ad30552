/**
 * One-dimensional arrays in PostgreSQL's binary wire format (what `array_send` writes and
 * `array_recv` reads). The storing thread sends a posting's signature and skill lists this way:
 * as text, PGlite's writer quoted and escaped every element with two regular expressions and the
 * engine parsed them back, 64 numbers and a dozen skills a posting.
 */

const INT4 = 23;
const TEXT = 25;
const utf8 = new TextEncoder();

/** An empty array has no dimensions, so its header stops before the one dimension's size and lower bound. */
const headerBytes = (length: number): number => (length === 0 ? 12 : 20);

/** Writes the header and returns where the elements start. */
function header(view: DataView, elementType: number, length: number): number {
  view.setInt32(0, length === 0 ? 0 : 1); // dimensions
  view.setInt32(4, 0); // no nulls
  view.setInt32(8, elementType);
  if (length > 0) {
    view.setInt32(12, length);
    view.setInt32(16, 1); // lower bound
  }
  return headerBytes(length);
}

/** An `int4[]` of these numbers, each a 32-bit integer. */
export function int4ArrayBytes(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(headerBytes(values.length) + values.length * 8);
  const view = new DataView(bytes.buffer);
  let at = header(view, INT4, values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    // The engine refused such a value in text; written as bytes it would wrap without a word.
    if ((v | 0) !== v) throw new RangeError(`${v} is not a 32-bit integer (int4[] element ${i})`);
    view.setInt32(at, 4);
    view.setInt32(at + 4, v);
    at += 8;
  }
  return bytes;
}

/** A `text[]` of these strings (none of them null). */
export function textArrayBytes(values: readonly string[]): Uint8Array {
  const encoded = values.map((v) => utf8.encode(v));
  const size = encoded.reduce((sum, e) => sum + 4 + e.length, headerBytes(values.length));
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = header(view, TEXT, values.length);
  for (const e of encoded) {
    view.setInt32(at, e.length);
    bytes.set(e, at + 4);
    at += 4 + e.length;
  }
  return bytes;
}
