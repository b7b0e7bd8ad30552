import { describe, expect, it } from "vitest";
import { splitGlued, tokenize } from "./tokens.js";

describe("splitGlued", () => {
  const split = (text: string, keep: string[] = []) =>
    splitGlued(tokenize(text), (k) => keep.includes(k)).map((t) => [t.raw, text.slice(t.start, t.end)]);

  it("splits words glued by lost line breaks, with offsets into the text", () => {
    expect(split("SQL and PythonUnix")).toEqual([
      ["SQL", "SQL"],
      ["and", "and"],
      ["Python", "Python"],
      ["Unix", "Unix"],
    ]);
    expect(split("Python or RProficient").map(([raw]) => raw)).toEqual(["Python", "or", "R", "Proficient"]);
    expect(split("SQLServer").map(([raw]) => raw)).toEqual(["SQL", "Server"]);
  });

  it("keeps names it is told about, one-letter prefixes and short words whole", () => {
    expect(split("JavaScript iPhone PhD eBay", ["javascript"]).map(([raw]) => raw)).toEqual([
      "JavaScript",
      "iPhone",
      "PhD",
      "eBay",
    ]);
  });

  it("keeps a camel-case proper name with a surname prefix whole", () => {
    expect(split("McLean, VA; MacArthur DeVry LaSalle").map(([raw]) => raw)).toEqual([
      "McLean",
      "VA",
      "MacArthur",
      "DeVry",
      "LaSalle",
    ]);
    expect(split("What You'll DoBuild").map(([raw]) => raw)).toEqual(["What", "You", "ll", "Do", "Build"]);
  });

  it("keeps a product name ending in a name word whole", () => {
    expect(split("WordPress GitOps GitLab").map(([raw]) => raw)).toEqual(["WordPress", "GitOps", "GitLab"]);
  });
});
