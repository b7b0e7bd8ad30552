import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { fuzzText } from "../text/test-text.js";
import { extractDegree } from "./degree.js";
import { extractMinYears } from "./experience.js";
import { createExtractor, ExtractResult } from "./index.js";
import { extractSalary } from "./salary.js";

const extract = createExtractor(loadKnowledge());

/** Pieces of postings that readers look for: skills, money, years, degrees, section names. */
const postingText = fuzzText(
  [
    "Python",
    "C++",
    "R",
    "Go",
    "$",
    "£",
    "€",
    "120k",
    "-",
    "–",
    "5+ years",
    "at least five years",
    "BS/MS",
    "PhD",
    "ℝ",
    "Ｐｙｔｈｏｎ",
    "<li>",
    "&amp;",
    "Requirements",
    "Nice to have",
    "salary",
    "per hour",
    "1,000,000",
  ],
  { maxLength: 300, maxPieces: 80 },
);

describe("extraction on random and adversarial text (property)", () => {
  it("never throws, and keeps its invariants", () => {
    fc.assert(
      fc.property(postingText, fc.option(fc.string({ maxLength: 80 }), { nil: undefined }), (text, title) => {
        const r = extract({ text, ...(title !== undefined ? { title } : {}) });
        expect(() => ExtractResult.parse(r)).not.toThrow();
        for (const s of r.skills) {
          for (const m of s.mentions) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(m.start, m.end)).toBe(m.text);
          }
        }
        if (r.salary) expect(r.salary.min).toBeLessThanOrEqual(r.salary.max);
        if (r.minYears !== null) expect(r.minYears).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });

  it("the single-field readers never throw on any string", () => {
    fc.assert(
      fc.property(postingText, (text) => {
        const salary = extractSalary(text);
        if (salary) expect(salary.min).toBeLessThanOrEqual(salary.max);
        const years = extractMinYears(text);
        if (years !== null) expect(years).toBeGreaterThanOrEqual(0);
        expect([null, "bachelor", "master", "phd"]).toContain(extractDegree(text));
      }),
      { numRuns: 400 },
    );
  });

  it("reads a 10 MB single line without a line break in linear time", () => {
    const line = "Python SQL $120k 5+ years BS ".repeat(350_000);
    expect(line.length).toBeGreaterThan(10_000_000);
    expect(extract({ text: line }).skills.map((s) => s.id)).toEqual(expect.arrayContaining(["python", "sql"]));
  }, 60_000);
});
