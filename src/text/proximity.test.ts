import { describe, expect, it } from "vitest";
import { indexPatterns, matchProximity, parsePattern } from "./proximity.js";
import { tokenize } from "./tokens.js";

const find = (text: string, pattern: string) =>
  matchProximity(text, tokenize(text), indexPatterns([parsePattern(pattern, "x")])).map((m) => [
    m.firstToken,
    m.lastToken,
  ]);

describe("matchProximity", () => {
  it("finds words in order with a few words between", () => {
    expect(find("you will deploy our ranking models to production", "deploy* ... model*")).toEqual([[2, 6]]);
    expect(find("deploying models", "deploy* ... model*")).toEqual([[0, 2]]);
  });

  it("does not reach across a sentence or too far", () => {
    expect(find("We deploy. Models are great", "deploy* ... model*")).toEqual([]);
    expect(find("- we deploy\n- models", "deploy* ... model*")).toEqual([]);
    expect(find("we deploy our\nmodels", "deploy* ... model*")).toEqual([[1, 4]]);
    expect(find("deploy one two three four five models", "deploy* ... model*")).toEqual([]);
    expect(find("models we deploy", "deploy* ... model*")).toEqual([]);
  });

  it("matches exact words when there is no star", () => {
    expect(find("kpi and reports", "kpi ... report*")).toEqual([[0, 3]]);
    expect(find("KPI dashboards and reports", "kpi ... report*")).toEqual([[0, 4]]);
    expect(find("kpiology reports", "kpi ... report*")).toEqual([]);
  });
});
