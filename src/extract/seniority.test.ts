import { describe, expect, it } from "vitest";
import { extractSeniority } from "./seniority.js";

describe("extractSeniority", () => {
  it.each([
    ["Machine Learning Engineer Intern - NLU", null, "intern"],
    ["Head of AI", 5, "executive"],
    ["Director of Machine Learning", null, "executive"],
    // A grade under the director, and managers of work rather than people (both read as higher before).
    ["Associate Director, Data & Analysis", 8, "lead"],
    ["Product Manager", 2, "mid"],
    ["Senior Product Manager, AI Platform", 6, "senior"],
    ["Data Engineering Manager", 5, "lead"],
    ["Distinguished ML Engineer (Director-level)", 10, "lead"],
    ["Staff Software Engineers", 3, "lead"],
    ["Principal Data Scientist", null, "lead"],
    ["Sr. Data Scientist, Analytics", 7, "senior"],
    ["Senior Software Engineer", null, "senior"],
    ["Jr. ML Engineer", null, "entry"],
    ["Machine Learning Engineer", 2, "mid"],
    ["Machine Learning Engineer", 5, "senior"],
    ["Machine Learning Engineer", 1, "entry"],
    ["Data Engineer I", 3, "mid"],
    ["Data Engineer II", null, "mid"],
    ["Data Engineer I", null, "entry"],
    ["Machine Learning Engineer", null, "mid"],
  ] as const)("reads %s with %s years as %s", (title, years, level) => {
    expect(extractSeniority(title, "", years)).toBe(level);
  });

  it("reads junior signals in the text when the title and years say nothing", () => {
    expect(extractSeniority("Computer Vision Engineer", "Open to new grads with personal projects.", null)).toBe(
      "entry",
    );
  });
});
