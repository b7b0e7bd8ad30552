const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * How many UTF-16 units the letter or digit at `i` takes (1, or 2 for one outside the Basic
 * Multilingual Plane), or 0 when it is neither: what /[\p{L}\p{N}]/u matches there. ASCII is
 * decided by code, so scanning English text never runs the Unicode pattern. Word scanners built
 * on it cut words exactly as the /[\p{L}\p{N}]+/gu patterns they replace, at a fraction of the cost.
 */
export function letterOrDigitWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0;
  const point = text.codePointAt(i) as number;
  if (!LETTER_OR_DIGIT.test(String.fromCodePoint(point))) return 0;
  return point > 0xffff ? 2 : 1;
}

/** Where the run of letters and digits starting at `from` ends: `from` itself when none starts there. */
export function letterRunEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const width = letterOrDigitWidth(text, i);
    if (width === 0) break;
    i += width;
  }
  return i;
}

/** The index after the code point at `i` (two units for a surrogate pair). */
export const afterCodePoint = (text: string, i: number): number =>
  i + ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);
