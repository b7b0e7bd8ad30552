import { describe, expect, it } from "vitest";
import type { ExtractResult, RoleDetail } from "./api.js";
import { MAX_SKILLS, reviewPosting, roleReading } from "./jd-review.js";

const skill = (id: string) => ({ id, name: id, category: "library" as const, aliases: [], mentions: [] });
const base = {
  skills: [skill("python")],
  role: { id: "data-scientist", name: "Data Scientist", confidence: 0.9 },
  seniority: "mid",
  minYears: 3,
  degree: null,
  salary: { min: 100_000, max: 120_000, currency: "USD", period: "year" },
} as unknown as ExtractResult;
const role = {
  name: "Data Scientist",
  skills: {
    required: [
      { skill: "python", weight: 3, name: "Python" },
      { skill: "sql", weight: 3, name: "SQL" },
      { skill: "excel", weight: 1, name: "Excel" },
    ],
    preferred: [],
  },
} as unknown as RoleDetail;

describe("reviewPosting", () => {
  it("names the role's core skills the posting leaves out, not the merely useful ones", () => {
    const out = reviewPosting(base, role);
    expect(out).toEqual([
      { kind: "missing-skills", text: "Data Scientist roles usually ask for SQL; this posting does not mention it." },
    ]);
  });

  it("flags junior postings asking for many years or a PhD, long skill lists and a missing salary", () => {
    const many = Array.from({ length: MAX_SKILLS + 1 }, (_, i) => skill(`s${i}`));
    const out = reviewPosting(
      {
        ...base,
        seniority: "entry",
        minYears: 5,
        degree: "phd",
        skills: many,
        salary: null,
      } as unknown as ExtractResult,
      null,
    );
    expect(out.map((s) => s.kind)).toEqual(["unrealistic", "unrealistic", "unrealistic", "salary"]);
    expect(out[0]?.text).toContain("5+ years");
    expect(out[1]?.text).toContain("PhD");
    expect(out[2]?.text).toContain(`${MAX_SKILLS + 1} distinct skills`);
  });

  it("says when the posting reads as no known role", () => {
    expect(reviewPosting({ ...base, role: null }, null).map((s) => s.kind)).toEqual(["role"]);
  });
});

describe("roleReading", () => {
  it('says a posting outside the known roles is that, with no share (it had read "Other 0% sure")', () => {
    expect(roleReading({ id: "other", name: "Other", confidence: 0 })).toEqual({
      name: "none of the known roles",
      sure: null,
    });
    expect(roleReading({ id: "data-scientist", name: "Data Scientist", confidence: 0.9 })).toEqual({
      name: "Data Scientist",
      sure: 0.9,
    });
    expect(roleReading(null)).toEqual({ name: "not recognised", sure: null });
  });
});
