import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import type { IndexablePosting } from "../store/postings.js";
import { skillCredit } from "./fit.js";
import { rankPostings } from "./rank.js";
import { RankIndex } from "./rank-index.js";
import { createSkillGraph } from "./skill-graph.js";
import { profileWith } from "./test-profiles.js";

const SKILLS = [
  "python",
  "sql",
  "pytorch",
  "docker",
  "kubernetes",
  "statistics",
  "tableau",
  "spark",
  "aws",
  "r",
  // Close alternatives of some above (PyTorch, AWS, Tableau), for the credit they earn.
  "tensorflow",
  "gcp",
  "power-bi",
  // Skills some above build on (PyTorch: deep learning; AWS: cloud computing), for the implied credit.
  "deep-learning",
  "cloud-computing",
];
const ROLES = ["ml-engineer", "data-scientist", "data-analyst", "mlops-engineer", null];
const LEVELS = ["intern", "entry", "mid", "senior", "lead", null];

const postingArb = fc.record({
  role_id: fc.constantFrom(...ROLES),
  seniority: fc.constantFrom(...LEVELS),
  min_years: fc.option(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(2.5)), { nil: null }),
  country: fc.constantFrom("US", "GB", null),
  remote: fc.constantFrom(true, false, null),
  salary_max: fc.option(fc.integer({ min: 30_000, max: 300_000 }), { nil: null }),
  skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 8 }),
  requiredCount: fc.nat({ max: 8 }),
});
type Raw = typeof postingArb extends fc.Arbitrary<infer T> ? T : never;
const build = (xs: Raw[]): IndexablePosting[] =>
  xs.map((x, i) => ({
    id: `p${String(i).padStart(3, "0")}`,
    seq: i + 1,
    role_id: x.role_id,
    seniority: x.seniority,
    min_years: x.min_years,
    country: x.country,
    remote: x.remote,
    salary_max: x.salary_max,
    salary_period: x.salary_max === null ? null : "year",
    salary_currency: x.salary_max === null ? null : "USD",
    skills: x.skills,
    required_skills: x.skills.slice(0, x.requiredCount),
  }));
const asRankable = (p: IndexablePosting) => ({ ...p, title: p.id, company: null, location: null, url: null });

describe("RankIndex", () => {
  it("orders postings exactly as rankPostings scores them, over random postings and profiles, with and without partial credit (implied skills, close alternatives)", () => {
    const graph = createSkillGraph(loadKnowledge());
    fc.assert(
      fc.property(
        fc.array(postingArb, { minLength: 1, maxLength: 60 }),
        fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 6 }),
        fc.integer({ min: 0, max: 12 }),
        fc.shuffledSubarray(["ml-engineer", "data-scientist", "data-analyst", "mlops-engineer"]),
        fc.boolean(),
        (raw, has, years, fitRoles, withAlternatives) => {
          const postings = build(raw);
          const index = new RankIndex();
          index.add(postings);
          const profile = profileWith(has, { years });
          // Without the skill graph, neither side is given a credit and each counts what the profile has.
          const credit = withAlternatives ? { credit: skillCredit(profile, graph) } : {};
          const { df, total } = index.frequencies();
          const ranked = rankPostings(profile, postings.map(asRankable), {
            df,
            total,
            fitRoles,
            top: postings.length,
            ...credit,
          });
          const score = new Map(ranked.map((r) => [r.posting.id, r.score]));
          const ids = index.top(profile, { fitRoles, limit: postings.length, ...credit });
          // Only postings sharing a skill (or a close alternative) with a profile that has skills are candidates.
          const counts = credit.credit ?? new Set(has);
          const eligible = postings.filter((p) => has.length === 0 || p.skills.some((s) => counts.has(s)));
          expect(new Set(ids)).toEqual(new Set(eligible.map((p) => p.id)));
          const scores = ids.map((id) => score.get(id) as number);
          for (let i = 1; i < scores.length; i++)
            expect(scores[i]).toBeLessThanOrEqual((scores[i - 1] as number) + 0.1);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("gives back what it scores of each posting, so a search's results match ranking the stored rows", () => {
    fc.assert(
      fc.property(fc.array(postingArb, { minLength: 1, maxLength: 30 }), (raw) => {
        const postings = build(raw);
        const index = new RankIndex();
        index.add(postings);
        const profile = profileWith(["python", "sql", "aws"], { years: 2 });
        const context = { df: index.frequencies().df, total: index.size, fitRoles: ["ml-engineer"], top: 50 };
        const fromIndex = postings.map((p) => ({ ...asRankable(p), ...index.scored(p.id) }));
        expect(rankPostings(profile, fromIndex, context)).toEqual(
          rankPostings(profile, postings.map(asRankable), context),
        );
      }),
      { seed: 7, numRuns: 100 },
    );
    expect(new RankIndex().scored("nope")).toBeUndefined();
  });

  it("applies the filters and keeps only the best `limit`", () => {
    const postings = build(
      Array.from({ length: 40 }, (_, i) => ({
        role_id: i % 2 ? "ml-engineer" : "data-analyst",
        seniority: "mid",
        min_years: null,
        country: i % 3 ? "US" : "GB",
        remote: i % 4 === 0,
        salary_max: i * 5000,
        skills: i % 5 ? ["python", "pytorch"] : ["tableau"],
        requiredCount: 2,
      })),
    );
    const index = new RankIndex();
    index.add(postings.slice(0, 20));
    index.add(postings.slice(20));
    // Re-reading an overlap (the search's late-commit window) adds nothing twice.
    index.add(postings.slice(15, 25));
    expect(index.size).toBe(40);
    const profile = profileWith(["python", "pytorch", "tableau"], { years: 3 });
    const all = index.top(profile, { fitRoles: ["ml-engineer"], limit: 100 });
    expect(all).toHaveLength(40);
    expect(index.top(profile, { fitRoles: [], limit: 5 })).toHaveLength(5);
    const pick = (filter: Parameters<RankIndex["top"]>[1]["filter"]) =>
      index.top(profile, { fitRoles: [], limit: 100, ...(filter ? { filter } : {}) }).map((id) => Number(id.slice(1)));
    expect(pick({ roleId: "ml-engineer" }).every((i) => i % 2 === 1)).toBe(true);
    expect(pick({ country: "gb" }).every((i) => i % 3 === 0)).toBe(true);
    expect(pick({ remote: true }).every((i) => i % 4 === 0)).toBe(true);
    expect(pick({ minSalary: 150_000 }).sort((a, b) => a - b)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
    expect(pick({ ids: new Set(["p001", "p002"]) }).sort()).toEqual([1, 2]);
    expect(index.frequencies().df.get("tableau")).toBe(8);
  });

  it("compares a salary floor in US dollars, converting each posting's currency", () => {
    // The top of a rupee range (2.5M INR, ~$30k) had passed a floor of 100,000 as if in dollars.
    const paid = (id: string, salary_max: number, salary_currency: string) => ({
      ...(build([
        {
          role_id: "ml-engineer",
          seniority: "mid",
          min_years: null,
          country: "US",
          remote: false,
          salary_max,
          skills: ["python"],
          requiredCount: 1,
        },
      ])[0] as IndexablePosting),
      id,
      salary_currency,
    });
    const usdPer = (c: string) => ({ USD: 1, INR: 0.012, EUR: 1.08 })[c] ?? null;
    const index = new RankIndex(usdPer);
    index.add([
      paid("usd", 95_000, "USD"),
      paid("inr", 2_500_000, "INR"),
      paid("eur", 100_000, "EUR"),
      paid("xyz", 900_000, "XYZ"),
    ]);
    const profile = profileWith(["python"], { years: 3 });
    const over = (minSalary: number) => index.top(profile, { fitRoles: [], limit: 10, filter: { minSalary } }).sort();
    expect(over(100_000)).toEqual(["eur"]);
    expect(over(90_000)).toEqual(["eur", "usd"]);
    expect(over(0)).toEqual(["eur", "inr", "usd"]);
    // Without rates only dollars are known: other pay passes no floor rather than a wrong one.
    const dollarsOnly = new RankIndex();
    dollarsOnly.add([paid("usd", 95_000, "USD"), paid("inr", 2_500_000, "INR")]);
    expect(dollarsOnly.top(profile, { fitRoles: [], limit: 10, filter: { minSalary: 1 } })).toEqual(["usd"]);
  });
});
