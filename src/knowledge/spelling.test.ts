import { describe, expect, it } from "vitest";
import { loadKnowledge } from "./load.js";
import { britishSpelling, withBritishSpellings } from "./spelling.js";

describe("britishSpelling", () => {
  it.each([
    ["Data visualization", "Data visualisation"],
    ["constrained optimization", "constrained optimisation"],
    ["Optimizing models", "Optimising models"],
    ["analyze data", "analyse data"],
    ["churn modeling", "churn modelling"],
    ["data labeling", "data labelling"],
    ["data center design", "data centre design"],
    ["behavioral science", "behavioural science"],
    ["data catalog", "data catalogue"],
  ])("spells %s as %s", (american, british) => {
    expect(britishSpelling(american)).toBe(british);
  });

  it("leaves words that only look American, product names and same spellings alone", () => {
    for (const same of [
      "market sizing",
      "Arize",
      "Informatica PowerCenter",
      "Python",
      "prize money",
      "downsizing",
      "seized",
    ])
      expect(britishSpelling(same), same).toBeUndefined();
    expect(britishSpelling("catalogs of")).toBe("catalogues of");
    expect(britishSpelling("emphasize")).toBe("emphasise");
    // A name in capitals is left whole rather than half changed ("MODELlING", "BEHAVIour").
    expect(britishSpelling("MODELING")).toBeUndefined();
    expect(britishSpelling("BEHAVIOR")).toBeUndefined();
    expect(britishSpelling("Unity Catalog")).toBe("Unity Catalogue");
  });
});

describe("withBritishSpellings", () => {
  it("adds a British alias where no skill claims it, matched by its case when the American one is", () => {
    const skill = (id: string, name: string, aliases: string[], caseSensitive: string[] = []) =>
      ({ id, name, aliases, caseSensitive }) as unknown as Parameters<typeof withBritishSpellings>[0][number];
    const [a, b, c] = withBritishSpellings([
      skill("a", "Data visualization", ["dataviz"]),
      skill("b", "Optimization", [], ["Optimization"]),
      skill("c", "Modeling", ["data visualisation"]),
    ]);
    expect(a?.aliases).toEqual(["dataviz"]);
    expect(b).toMatchObject({ aliases: ["Optimisation"], caseSensitive: ["Optimization", "Optimisation"] });
    expect(c?.aliases).toEqual(["data visualisation", "Modelling"]);
  });

  it("is applied to the shipped pack", () => {
    const viz = loadKnowledge().skills.find((s) => s.id === "optimization");
    expect(viz?.aliases).toContain("Optimisation");
  });
});
