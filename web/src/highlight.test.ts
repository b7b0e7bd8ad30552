import { describe, expect, it } from "vitest";
import { segments } from "./highlight.js";

describe("segments", () => {
  const skill = (id: string, ...spans: [number, number][]) => ({
    id,
    name: id.toUpperCase(),
    mentions: spans.map(([start, end]) => ({ start, end })),
  });

  it("marks each mention and keeps the text between them", () => {
    const text = "Python and SQL daily";
    const out = segments(text, [skill("sql", [11, 14]), skill("python", [0, 6])]);
    expect(out).toEqual([
      { text: "Python", skill: { id: "python", name: "PYTHON" } },
      { text: " and " },
      { text: "SQL", skill: { id: "sql", name: "SQL" } },
      { text: " daily" },
    ]);
    expect(out.map((s) => s.text).join("")).toBe(text);
  });

  it("keeps the first and longer of overlapping mentions, and drops spans outside the text", () => {
    const text = "machine learning engineer";
    const out = segments(text, [skill("ml", [0, 16]), skill("learning", [8, 16]), skill("ghost", [20, 99])]);
    expect(out.filter((s) => s.skill).map((s) => s.skill?.id)).toEqual(["ml"]);
    expect(out.map((s) => s.text).join("")).toBe(text);
  });
});
