import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Profile } from "../documents/profile.js";
import { loadKnowledge } from "../knowledge/load.js";
import type { Seniority } from "../knowledge/schema.js";
import { skillCredit } from "./fit.js";
import {
  LEVELS,
  levelOf,
  type RankablePosting,
  RankedPosting,
  rankPostings,
  rankPrior,
  rankScore,
  roleWeight,
} from "./rank.js";
import { createSkillGraph } from "./skill-graph.js";
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

  it("counts a close alternative for part of a skill, and says which the person has (TensorFlow had read as missing outright for a PyTorch user)", () => {
    const graph = createSkillGraph(loadKnowledge());
    const asks = [posting("tf", ["python", "tensorflow"])];
    const score = (skills: string[]) => {
      const profile = profileWith(skills, { years: 3 });
      return rankPostings(profile, asks, { ...context, credit: skillCredit(profile, graph) })[0];
    };
    const neither = score(["python"]);
    const alternative = score(["python", "pytorch"]);
    const same = score(["python", "tensorflow"]);
    expect(neither?.alternatives).toEqual({});
    expect(alternative?.missing).toEqual(["tensorflow"]);
    expect(alternative?.alternatives).toEqual({ tensorflow: "pytorch" });
    expect(alternative?.names.pytorch).toBeDefined();
    expect(alternative?.score).toBeGreaterThan(neither?.score as number);
    expect(alternative?.score).toBeLessThan(same?.score as number);
    // Without the skill graph only what the person has counts, as before.
    const alone = profileWith(["python", "pytorch"], { years: 3 });
    expect(rankPostings(alone, asks, context)[0]?.score).toBe(neither?.score);
  });

  it("counts a skill the person's skills build on for part of it, and says which (SQL had read as missing outright for a PostgreSQL user)", () => {
    const graph = createSkillGraph(loadKnowledge());
    const asks = [posting("sql", ["python", "sql", "deep-learning"])];
    const rank = (skills: string[]) => {
      const profile = profileWith(skills, { years: 3 });
      return rankPostings(profile, asks, { ...context, credit: skillCredit(profile, graph) })[0];
    };
    const neither = rank(["python"]);
    const implied = rank(["python", "postgresql", "pytorch"]);
    const listed = rank(["python", "sql", "deep-learning"]);
    expect(neither?.implied).toEqual({});
    expect(implied?.missing).toEqual(expect.arrayContaining(["sql", "deep-learning"]));
    expect(implied?.implied).toEqual({ sql: "postgresql", "deep-learning": "pytorch" });
    expect(implied?.alternatives).toEqual({});
    expect(Object.keys(implied?.names ?? {})).toEqual(expect.arrayContaining(["postgresql", "pytorch"]));
    expect(implied?.score).toBeGreaterThan(neither?.score as number);
    expect(implied?.score).toBeLessThan(listed?.score as number);
    expect(() => RankedPosting.parse(implied)).not.toThrow();
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
    expect(ranked[2]?.why).toContain("asks 10+ years, you have 3 years");
    expect(ranked[0]?.why).toContain("one of your best-fitting roles: ml-engineer");
  });

  it("names the skills and the role it shows by the pack's names, where ids had stood", () => {
    const names = {
      skill: (id: string) => ({ python: "Python", kubernetes: "Kubernetes" })[id],
      role: (id: string) => (id === "ml-engineer" ? "Machine Learning Engineer" : undefined),
    };
    const [r] = rankPostings(me, [posting("p", ["python", "kubernetes", "sql"], { role_id: "ml-engineer" })], {
      ...context,
      names,
    });
    // An id the names do not know stands for itself.
    expect(r?.names).toEqual({ python: "Python", sql: "sql", kubernetes: "Kubernetes" });
    expect(r?.why).toContain("one of your best-fitting roles: Machine Learning Engineer");
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

  it("scores, matches and orders missing skills as filtering and sorting copies would", () => {
    // rankPostings walks each posting once per sum; this is the plain formulation it replaced.
    const plain = (profile: Profile, postings: RankablePosting[], ctx: typeof context) => {
      const has = new Set(profile.skills.map((s) => s.id));
      const idf = (x: string) => Math.log(1 + ctx.total / (1 + (ctx.df.get(x) ?? 0)));
      const weigh = (xs: string[]) => xs.reduce((sum, x) => sum + idf(x), 0);
      return postings.map((p) => {
        const required = p.required_skills.length > 0 ? p.required_skills : p.skills;
        const preferred = p.skills.filter((x) => !new Set(required).has(x));
        const role = roleWeight(p.role_id ? ctx.fitRoles.indexOf(p.role_id) : -1);
        const score = rankScore(
          rankPrior(ctx.total),
          weigh(required.filter((x) => has.has(x))),
          weigh(required),
          weigh(preferred.filter((x) => has.has(x))),
          weigh(preferred),
          role,
          p.seniority ? LEVELS.indexOf(p.seniority as Seniority) : -1,
          LEVELS.indexOf(levelOf(profile.years)),
          p.min_years ?? Number.NaN,
          profile.years,
        );
        return {
          id: p.id,
          score: Math.round(score * 10) / 10,
          matched: p.skills.filter((x) => has.has(x)),
          missing: required.filter((x) => !has.has(x)).sort((a, b) => idf(a) - idf(b)),
        };
      });
    };
    const skill = fc.constantFrom("python", "sql", "pytorch", "kubernetes", "docker", "git", "spark");
    const postingArb = fc.record({
      skills: fc.array(skill, { maxLength: 7 }),
      required: fc.array(skill, { maxLength: 4 }),
      role_id: fc.constantFrom("ml-engineer", "data-scientist", "data-analyst", null),
      seniority: fc.constantFrom<Seniority | null>(...LEVELS, null),
      min_years: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(postingArb, { maxLength: 12 }),
        fc.uniqueArray(skill, { maxLength: 5 }),
        fc.integer({ min: 0, max: 12 }),
        (raw, mine, years) => {
          const postings = raw.map((x, i) => posting(`p${i}`, x.skills, { ...x, required_skills: x.required }));
          const profile = profileWith(mine, { years });
          const ranked = rankPostings(profile, postings, { ...context, top: postings.length });
          const expected = new Map(plain(profile, postings, context).map((r) => [r.id, r]));
          for (const r of ranked)
            expect({ id: r.posting.id, score: r.score, matched: r.matched, missing: r.missing }).toEqual(
              expected.get(r.posting.id),
            );
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
