import { describe, expect, it } from "vitest";
import { skillTrends } from "./trends.js";

describe("skillTrends", () => {
  it("ranks a large, well-supported rise above a small noisy one, and falls last", () => {
    const trends = skillTrends(
      [
        { skill: "llm", before: 50, after: 300 },
        { skill: "rare", before: 1, after: 10 },
        { skill: "steady", before: 200, after: 200 },
        { skill: "hadoop", before: 300, after: 60 },
        { skill: "tiny", before: 1, after: 2 },
      ],
      { before: 1000, after: 1000 },
    );
    expect(trends.map((t) => t.skill)).toEqual(["llm", "rare", "steady", "hadoop"]);
    const llm = trends[0];
    expect(llm?.change).toBeCloseTo(25);
    expect(llm?.z).toBeGreaterThan(10);
    expect(trends.find((t) => t.skill === "steady")?.z).toBe(0);
    expect(trends.at(-1)?.z).toBeLessThan(-10);
    expect(llm?.q).toBeLessThan(1e-6);
    expect(trends.find((t) => t.skill === "steady")?.q).toBeCloseTo(1, 6);
  });

  it("finds no real change among many skills that only vary by chance", () => {
    // 300 skills, each asked by 5% of postings in both periods, with binomial-like noise.
    let seed = 1;
    const noise = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const counts = Array.from({ length: 300 }, (_, i) => {
      const draw = () => Array.from({ length: 2000 }, noise).filter((u) => u < 0.05).length;
      return { skill: `s${i}`, before: draw(), after: draw() };
    });
    const trends = skillTrends(counts, { before: 2000, after: 2000 });
    // Some pass |z| >= 2 by chance alone; none survives the false-discovery-rate correction.
    expect(trends.filter((t) => Math.abs(t.z) >= 2).length).toBeGreaterThan(0);
    expect(trends.filter((t) => t.q < 0.05)).toEqual([]);
  });

  it("says nothing when a period is empty", () => {
    expect(skillTrends([{ skill: "python", before: 0, after: 40 }], { before: 0, after: 100 })).toEqual([]);
  });
});
