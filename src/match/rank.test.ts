import { describe, expect, it } from "vitest";
import { levelOf, type RankablePosting, RankedPosting, rankPostings } from "./rank.js";
import { profileWith } from "./test-profiles.js";

const posting = (id: string, skills: string[], extra: Partial<RankablePosting> = {}): RankablePosting => ({
  id,
  title: id,
  company: null,
  location: null,
  url: null,
  role_id: null,
  seniority: null,
  min_years: null,
  skills,
  required_skills: skills,
  ...extra,
});
const context = {
  df: new Map([
    ["python", 90],
    ["sql", 80],
    ["pytorch", 10],
    ["kubernetes", 5],
  ]),
  total: 100,
  fitRoles: ["ml-engineer", "data-scientist"],
  top: 10,
};

describe("rankPostings", () => {
  const me = profileWith(["python", "sql", "pytorch"], { years: 3 });

  it("ranks a posting whose skills the person has above one they lack, and says what is missing", () => {
    const [first, second] = rankPostings(
      me,
      [posting("far", ["kubernetes", "python"]), posting("near", ["python", "sql", "pytorch"])],
      context,
    );
    expect(first?.posting.id).toBe("near");
    expect(() => RankedPosting.parse(first)).not.toThrow();
    expect(first?.missing).toEqual([]);
    expect(second?.missing).toEqual(["kubernetes"]);
    expect(second?.matched).toEqual(["python"]);
  });

  it("counts rare skills more than common ones", () => {
    const [first] = rankPostings(
      me,
      [posting("common", ["python", "kubernetes"]), posting("rare", ["pytorch", "sql"])],
      context,
    );
    expect(first?.posting.id).toBe("rare");
  });

  it("prefers the person's roles, level and years", () => {
    const same = ["python", "sql"];
    const ranked = rankPostings(
      me,
      [
        posting("too-senior", same, { role_id: "ml-engineer", seniority: "lead", min_years: 10 }),
        posting("fits", same, { role_id: "ml-engineer", seniority: "mid", min_years: 2 }),
        posting("other-role", same, { role_id: "data-analyst", seniority: "mid", min_years: 2 }),
      ],
      context,
    );
    expect(ranked.map((r) => r.posting.id)).toEqual(["fits", "other-role", "too-senior"]);
    expect(ranked[2]?.why).toContain("asks 10+ years, you have 3");
  });

  it("does not let a posting naming two skills beat one naming many", () => {
    const few = posting("few", ["python", "sql"]);
    const many = posting("many", ["python", "sql", "pytorch", "kubernetes", "docker", "git"]);
    const rich = profileWith(["python", "sql", "pytorch", "docker", "git"], { years: 3 });
    expect(rankPostings(rich, [few, many], context)[0]?.posting.id).toBe("many");
  });

  it("keeps only the top N", () => {
    const many = Array.from({ length: 30 }, (_, i) => posting(`p${i}`, ["python"]));
    expect(rankPostings(me, many, { ...context, top: 5 })).toHaveLength(5);
    expect(levelOf(0.5)).toBe("entry");
    expect(levelOf(10)).toBe("lead");
  });
});
