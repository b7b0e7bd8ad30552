import fc from "fast-check";

/** Characters that break naive text handling: direction override, zero-width space, NUL, BOM, line ends, a lone surrogate, an emoji, a long number. */
export const TEXT_TRAPS = ["\u202e", "\u200b", "\u0000", "\uFEFF", "\n", "\r\n", "\ud800", "😀", "9".repeat(40)];

/**
 * What fuzz tests feed a reader: any string, or domain pieces (words the reader looks for) mixed
 * with TEXT_TRAPS, joined by spaces.
 */
export function fuzzText(pieces: string[], options: { maxLength: number; maxPieces: number }): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: options.maxLength }),
    fc.array(fc.constantFrom(...pieces, ...TEXT_TRAPS), { maxLength: options.maxPieces }).map((xs) => xs.join(" ")),
  );
}
