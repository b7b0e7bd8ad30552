import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { minhash, similarity } from "./minhash.js";

const text = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `word${i + offset}`).join(" ");

describe("minhash", () => {
  it("estimates Jaccard similarity of word shingles", () => {
    const a = minhash(text(400));
    expect(similarity(a, minhash(text(400)))).toBe(1);
    // Sharing 360 of 400 words in order: most shingles agree.
    const near = similarity(a, minhash(`${text(360)} ${text(40, 9000)}`));
    expect(near).toBeGreaterThan(0.7);
    expect(similarity(a, minhash(text(400, 5000)))).toBeLessThan(0.1);
  });

  it("is stable: the same text always gives the same signature, in 31-bit integers", () => {
    const s = minhash("Python and SQL for analytics teams");
    expect(minhash("Python and SQL for analytics teams")).toEqual(s);
    expect(s.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31)).toBe(true);
    expect(minhash("")).toHaveLength(64);
  });

  it("gives the signatures stored by earlier versions (they are compared with new ones)", () => {
    const s = minhash(
      "Senior Machine Learning Engineer: Python, PyTorch and SQL; build, train and deploy models for the ranking team in São Paulo (remote).",
    );
    expect(s.slice(0, 8)).toEqual([361607610, 10469053, 83343451, 159069846, 234166554, 8903822, 19490847, 37055689]);
    expect(createHash("sha1").update(s.join(",")).digest("hex")).toBe("e6c0e34b7afd87c1069d750a4aa9f06d871493ff");
    expect(Array.isArray(s)).toBe(true);
  });
});
