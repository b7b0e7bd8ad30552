import { describe, expect, it } from "vitest";
import { extractDegree } from "./degree.js";

describe("extractDegree", () => {
  it.each([
    ["BS/MS in Computer Science or related field", "bachelor"],
    ["MS or PhD in Machine Learning", "master"],
    ["PhD or equivalent experience preferred", "phd"],
    ["Master's degree required, or Bachelor's plus 5 years", "bachelor"],
    ["Degree in Statistics, Mathematics or similar", "bachelor"],
    ["Bachelor's degree in a quantitative field", "bachelor"],
    ["M.S. in Computer Science preferred", "master"],
    ["Ph.D. in CS, EE or related", "phd"],
    ["A 4-year degree", "bachelor"],
    ["Masters in Data Science", "master"],
    ["Master's degree in Computer Science, Engineering, or related field", "master"],
    ["Master’s or Ph.D. degree in Computer Science or Statistics", "master"],
    ["Have a graduate degree in artificial intelligence or equivalent", "master"],
    ["An advanced degree in a quantitative field", "master"],
  ])("reads %s", (text, level) => {
    expect(extractDegree(text)).toBe(level);
  });

  it("returns null when no degree is stated, and ignores look-alikes", () => {
    for (const text of [
      "Proficiency in MS Excel and MS Office",
      "a high degree of autonomy",
      "360 degree feedback",
      "Boston, MA, or remote",
      "",
    ]) {
      expect(extractDegree(text), text).toBeNull();
    }
  });

  it("reads plural and misspelt advanced degrees, glued words, and an associate's degree as none", () => {
    expect(extractDegree("Advanced degrees will be favored")).toBe("master");
    expect(extractDegree("Advance degree in CS, Math or related subject is preferred")).toBe("master");
    expect(extractDegree("Educational QualificationBachelors/Master degree in Computer Science")).toBe("bachelor");
    expect(extractDegree("Associate’s degree in business or accounting or equivalent")).toBeNull();
    expect(extractDegree("Certified ScrumMaster (CSM) a plus")).toBeNull();
    expect(extractDegree("Certified Scrum Master a plus")).toBeNull();
    expect(extractDegree("Education requirementMS in Statistics")).toBe("master");
    // A glued degree word that starts inside another one is still read.
    expect(extractDegree("Required: PhDoctoral training")).toBe("phd");
  });
});
