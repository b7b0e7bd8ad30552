import { describe, expect, it } from "vitest";
import { hashRange, WordTable } from "./word-table.js";

describe("word table", () => {
  it("computes a word's value once and finds it again from any text it appears in", () => {
    const computed: string[] = [];
    const table = new WordTable((w) => {
      computed.push(w);
      return w.toUpperCase();
    });
    const text = "data, more data";
    expect(table.lookup(text, 0, 4)).toBe("DATA");
    expect(table.lookup(text, 6, 10)).toBe("MORE");
    expect(table.lookup(text, 11, 15)).toBe("DATA");
    expect(table.lookup("big data", 4, 8)).toBe("DATA");
    // The empty word too: its hash is FNV's offset basis, which must be stored as the int32 it is compared as.
    expect(table.lookup(text, 4, 4)).toBe("");
    expect(table.lookup(text, 5, 5)).toBe("");
    expect(table.size).toBe(3);
    expect(computed).toEqual(["data", "more", ""]);
    expect(hashRange(text, 11, 15)).toBe(hashRange("data", 0, 4));
  });

  it("grows past its first size and empties on trim", () => {
    const table = new WordTable((w) => w.length);
    const words = Array.from({ length: 300_000 }, (_, i) => `w${i}`);
    for (const w of words) table.lookup(w, 0, w.length);
    expect(table.size).toBe(300_000);
    expect(words.filter((w) => table.lookup(` ${w} `, 1, w.length + 1) !== w.length)).toEqual([]);
    expect(table.size).toBe(300_000);
    expect(table.trim(1_000_000)).toBe(false);
    expect(table.trim(300_000)).toBe(true);
    expect(table.size).toBe(0);
  });

  it("stays linear when many words share a hash (crafted text), through growth too", () => {
    let computed = 0;
    const table = new WordTable(
      (w) => {
        computed++;
        return `${w}!`;
      },
      // Half the words collide; the other half make the table grow twice.
      (text, start, end) => (text.charCodeAt(end - 1) % 2 ? 7 : hashRange(text, start, end)),
    );
    const words = Array.from({ length: 300_000 }, (_, i) => `x${i}`);
    const started = performance.now();
    let wrong = 0;
    for (let round = 0; round < 2; round++)
      for (const w of words) if (table.lookup(w, 0, w.length) !== `${w}!`) wrong++;
    // Probing 150,000 colliding words one after another would take minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(wrong).toBe(0);
    expect(computed).toBe(300_000);
    expect(table.size).toBe(300_000);
  });
});
