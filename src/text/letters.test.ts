import { describe, expect, it } from "vitest";
import { letterOrDigitWidth } from "./letters.js";

describe("letterOrDigitWidth", () => {
  it("agrees with /[\\p{L}\\p{N}]/u, counting UTF-16 units", () => {
    const cases: [string, number][] = [
      ["a", 1],
      ["Z", 1],
      ["7", 1],
      ["-", 0],
      [" ", 0],
      ["é", 1],
      ["東", 1],
      ["٣", 1],
      ["\u0301", 0], // a combining mark is not a letter
      ["𝐀", 2], // a letter outside the BMP is two units
      ["😀", 0],
      ["\ud800", 0], // a lone surrogate is nothing
    ];
    for (const [text, width] of cases) expect(letterOrDigitWidth(`${text}x`, 0), JSON.stringify(text)).toBe(width);
  });
});
