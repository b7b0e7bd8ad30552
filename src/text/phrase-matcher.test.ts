import { describe, expect, it } from "vitest";
import { PhraseMatcher } from "./phrase-matcher.js";
import { keyOf, tokenize } from "./tokens.js";

describe("tokenize", () => {
  it("keeps C++, C#, .NET and splits on separators", () => {
    expect(tokenize("C++, C# and .NET; Python/R/SQL; scikit-learn; Node.js").map((t) => t.raw)).toEqual([
      "C++",
      "C#",
      "and",
      ".NET",
      "Python",
      "R",
      "SQL",
      "scikit",
      "learn",
      "Node",
      "js",
    ]);
  });

  it("reports offsets into the original text", () => {
    const text = "<li>PyTorch</li>";
    const [t] = tokenize(text).filter((x) => x.raw === "PyTorch");
    expect(text.slice(t?.start, t?.end)).toBe("PyTorch");
  });

  it("folds plurals but not words that only end in s", () => {
    expect(keyOf("LLMs")).toBe("llm");
    expect(keyOf("Transformers")).toBe("transformer");
    expect(keyOf("libraries")).toBe("library");
    expect(keyOf("AWS")).toBe("aws");
    expect(keyOf("analysis")).toBe("analysis");
    expect(keyOf("class")).toBe("class");
  });
});

describe("PhraseMatcher", () => {
  const m = new PhraseMatcher<string>([
    { text: "scikit-learn", value: "scikit-learn" },
    { text: "sklearn", value: "scikit-learn" },
    { text: "machine learning", value: "machine-learning" },
    { text: "machine learning engineering", value: "ml-eng" },
    { text: "R", value: "r", caseSensitive: true },
    { text: "Spark", value: "spark", caseSensitive: true },
    { text: "C++", value: "cpp" },
    { text: "C", value: "c", caseSensitive: true },
    { text: "large language model", value: "llm" },
  ]);
  const found = (text: string) => m.match(text).map((x) => [x.value, text.slice(x.start, x.end)]);

  it("matches hyphen and space spellings, longest first", () => {
    expect(found("Scikit Learn and machine-learning engineering")).toEqual([
      ["scikit-learn", "Scikit Learn"],
      ["ml-eng", "machine-learning engineering"],
    ]);
  });

  it("honours case-sensitive phrases", () => {
    expect(found("R, Spark, C++ and C")).toEqual([
      ["r", "R"],
      ["spark", "Spark"],
      ["cpp", "C++"],
      ["c", "C"],
    ]);
    expect(found("sparks of joy in our r&d")).toEqual([]);
  });

  it("reads a case-sensitive name in capitals, not in lower case, and short ones only as written", () => {
    expect(found("SPARK and SPark")).toEqual([
      ["spark", "SPARK"],
      ["spark", "SPark"],
    ]);
    expect(found("spark")).toEqual([]);
    const short = new PhraseMatcher<string>([{ text: "BI", value: "bi", caseSensitive: true }]);
    expect(short.match("Bi-weekly").length).toBe(0);
  });

  it("does not run a phrase across a comma or semicolon unless the phrase is written with one", () => {
    const list = new PhraseMatcher<string>([
      { text: "time series", value: "ts" },
      { text: "time series forecasting", value: "tsf" },
      { text: "forecasting", value: "f" },
      { text: "extract, transform, load", value: "etl" },
    ]);
    expect(list.match("regression, time series, forecasting").map((x) => x.value)).toEqual(["ts", "f"]);
    expect(list.match("time series forecasting").map((x) => x.value)).toEqual(["tsf"]);
    expect(list.match("extract, transform, load").map((x) => x.value)).toEqual(["etl"]);
  });

  it("does not run a phrase from one bullet into the next, but does across a wrapped line", () => {
    const lines = new PhraseMatcher<string>([
      { text: "data models", value: "dm" },
      { text: "machine learning", value: "ml" },
    ]);
    expect(lines.match("queries for tick data\n* Model validation for regulators")).toEqual([]);
    expect(lines.match("sales data\n  • models of churn")).toEqual([]);
    expect(lines.match("built machine\nlearning pipelines").map((x) => x.value)).toEqual(["ml"]);
  });

  it("matches plurals", () => {
    expect(found("experience with Large Language Models")).toEqual([["llm", "Large Language Models"]]);
  });

  it("returns nothing for empty text and is linear on long text", () => {
    expect(m.match("")).toEqual([]);
    const long = "machine learning ".repeat(50_000);
    expect(m.match(long)).toHaveLength(50_000);
  });
});
