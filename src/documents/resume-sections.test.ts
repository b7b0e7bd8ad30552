import { describe, expect, it } from "vitest";
import { headingOf, splitSections } from "./resume-sections.js";

describe("headingOf", () => {
  it("knows headings in any case, with decorations, letter-spaced, and in other wordings", () => {
    expect(headingOf("EXPERIENCE")).toBe("experience");
    expect(headingOf("■ Education")).toBe("education");
    expect(headingOf("E D U C AT IO N")).toBe("education");
    expect(headingOf("Educational Qualification:")).toBe("education");
    expect(headingOf("Scholastic Profile")).toBe("education");
    for (const h of [
      "EDUCATION & CREDENTIALS",
      "Education & Licensure",
      "Formal Education and Ongoing Training",
      "GeneralEducation:",
    ])
      expect(headingOf(h), h).toBe("education");
    expect(headingOf("Education & Professional Development")).toBe("education");
    expect(headingOf("Profile")).toBe("summary");
    // A nurse's, an academic's and a researcher's headings.
    for (const h of ["CLINICAL EXPERIENCE", "Research Experience", "ACADEMIC APPOINTMENTS", "Academic Positions"])
      expect(headingOf(h), h).toBe("experience");
    expect(headingOf("Academic History")).toBe("education");
    expect(headingOf("RESEARCH AND TECHNICAL SKILLS")).toBe("skills");
    expect(headingOf("Research summary")).toBe("summary");
    for (const h of ["SELECTED PUBLICATIONS", "Working Papers", "GRANTS"]) expect(headingOf(h), h).toBe("other");
    expect(headingOf("I have experience in Java")).toBeUndefined();
    expect(headingOf("A B")).toBeUndefined();
  });
});

describe("splitSections", () => {
  const text = "Jane Doe\nSkills: Python, SQL\nEducational Qualification: Bachelor's Degree in Marketing\nTools: Git";
  it("starts a section after an inline heading's colon only when asked (text whose line breaks were lost)", () => {
    const inline = splitSections(text, { inline: true });
    expect(inline.map((s) => [s.section, text.slice(s.start, s.end).trim()])).toEqual([
      ["header", "Jane Doe"],
      ["skills", "Python, SQL"],
      ["education", "Bachelor's Degree in Marketing"],
      ["skills", "Git"],
    ]);
    expect(splitSections(text).map((s) => s.section)).toEqual(["header"]);
  });

  it("reads lines with long runs of spaces or symbols in linear time", () => {
    const line = `${"a  ".repeat(10)}${"\t".repeat(50_000)}x`;
    expect(splitSections(`${line}\n${"a".concat("=".repeat(100_000), "a")}`, { inline: true })).toHaveLength(1);
  });
});
