import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { createIndustryClassifier } from "./industry.js";

const classify = createIndustryClassifier(loadKnowledge());

describe("industry classifier", () => {
  it.each([
    ["Biotech & Pharmaceuticals", "pharma-biotech"],
    ["IT Services and IT Consulting", "computer-systems-design"],
    ["Information,Technology,Services,Computer,Software,Internet", "computer-systems-design"],
    ["Enterprise Software & Network Solutions", "software-publishers"],
    ["Insurance Carriers", "finance-insurance"],
    ["Health Care Services & Hospitals", "healthcare"],
    ["Colleges & Universities", "higher-education"],
    ["Oil & Gas Exploration", "energy-utilities"],
  ])("%s -> %s", (label, id) => {
    expect(classify(label)).toBe(id);
  });

  it("matches whole words only, and says null for nothing it knows", () => {
    expect(classify("Las Vegas Hospitality")).toBeNull();
    expect(classify("None")).toBeNull();
    expect(classify("")).toBeNull();
    expect(classify(undefined)).toBeNull();
  });
});
