import { Transform } from "node:stream";

/** Line break bytes: neither occurs inside a UTF-8 character, so text splits safely on them as bytes. */
export const CR = 0x0d;
export const LF = 0x0a;

/**
 * Decodes bytes as UTF-8, line by line falling back to Windows-1252 for a line that is not valid
 * UTF-8: a file put together from two exports has rows of each, and switching the whole rest of
 * the file at the first bad byte had turned every later UTF-8 row into mojibake ("CafÃ©").
 * A line break byte never occurs inside a UTF-8 sequence, so lines split safely on bytes.
 */
export function lineDecoder({ bom = true } = {}): Transform {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const cp1252 = new TextDecoder("windows-1252");
  let first = bom;
  const decode = (chunk: Buffer): string => {
    // The BOM belongs to the file, not to its first line, which may be Windows-1252.
    const bytes = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
    first = false;
    try {
      return utf8.decode(bytes);
    } catch {
      const parts: string[] = [];
      for (let from = 0; from < bytes.length; ) {
        // A lone CR ends a line too (old Mac files); CR, like LF, never occurs inside a UTF-8 character.
        let to = from;
        while (to < bytes.length && bytes[to] !== LF && bytes[to] !== CR) to++;
        to = Math.min(bytes.length, to + 1);
        const line = bytes.subarray(from, to);
        try {
          parts.push(utf8.decode(line));
        } catch {
          parts.push(cp1252.decode(line));
        }
        from = to;
      }
      return parts.join("");
    }
  };
  // Bytes after the last line break, waiting for the rest of their line.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const lf = chunk.lastIndexOf(LF);
      if (lf < 0) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        // A line longer than this is passed on in pieces cut between characters (the readers cap
        // a record's length themselves), so one huge line costs no more memory than that.
        if (pendingBytes < LONG_LINE_BYTES) return done();
        const bytes = Buffer.concat(pending);
        const cut = utf8Boundary(bytes);
        pending = [bytes.subarray(cut)];
        pendingBytes = bytes.length - cut;
        return done(null, decode(bytes.subarray(0, cut)));
      }
      const bytes = pending.length ? Buffer.concat([...pending, chunk.subarray(0, lf + 1)]) : chunk.subarray(0, lf + 1);
      pending = [chunk.subarray(lf + 1)];
      pendingBytes = chunk.length - lf - 1;
      done(null, decode(bytes));
    },
    flush(done) {
      done(null, pendingBytes ? decode(Buffer.concat(pending)) : undefined);
    },
  });
}

const LONG_LINE_BYTES = 8 * 1024 * 1024;

/** Where `bytes` can be cut without splitting a UTF-8 character: before an unfinished last one. */
function utf8Boundary(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0x80) return bytes.length;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return i + size <= bytes.length ? bytes.length : i;
  }
  return bytes.length;
}
