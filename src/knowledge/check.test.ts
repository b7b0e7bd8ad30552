import { describe, expect, it } from "vitest";
import { aliasKey, checkPack, findCycles, nameFitsId, parseYears } from "./check.js";
import type { KnowledgePack, Skill } from "./schema.js";

const skill = (id: string, extra: Partial<Skill> = {}): Skill => ({
  id,
  name: id.toUpperCase(),
  category: "library",
  aliases: [],
  caseSensitive: [],
  patterns: [],
  prerequisites: [],
  hours: 10,
  ...extra,
});

const pack = (over: Partial<KnowledgePack>): KnowledgePack => ({
  sources: [],
  skills: [],
  roles: [],
  education: [],
  resources: [],
  communities: [],
  industries: [],
  projects: [],
  exchangeRates: [],
  alternatives: [],
  ...over,
});

const messages = (p: KnowledgePack) => checkPack(p, new Map()).map((x) => `${x.where}: ${x.message}`);

describe("checkPack", () => {
  it("accepts a consistent pack", () => {
    expect(messages(pack({ skills: [skill("a"), skill("b", { prerequisites: ["a"] })] }))).toEqual([]);
  });

  it("reports duplicate ids and unknown prerequisites", () => {
    const out = messages(pack({ skills: [skill("a"), skill("a"), skill("b", { prerequisites: ["zz"] })] }));
    expect(out).toContainEqual(expect.stringMatching(/skill a: duplicate id/));
    expect(out).toContainEqual('skill b.prerequisites: unknown skill id "zz"');
  });

  it("reports a name claimed by two skills, however it is spelt", () => {
    const out = messages(
      pack({
        skills: [
          skill("scikit-learn", { aliases: ["sklearn", "Scikit Learn"] }),
          skill("x", { aliases: ["scikit-learn"] }),
        ],
      }),
    );
    expect(out).toContainEqual(expect.stringContaining('"scikit learn" is also claimed by skill scikit-learn'));
  });

  it("reports a name repeated in one skill, in the same case or another, unless case matters for it", () => {
    const out = messages(
      pack({
        skills: [
          skill("ecs", { name: "Amazon ECS", aliases: ["Fargate", "Jira", "JIRA", "Fargate"] }),
          skill("go", { name: "Go", aliases: ["GO", "Golang"], caseSensitive: ["Go"] }),
        ],
      }),
    );
    expect(out).toEqual(['skill ecs: "JIRA" repeats "Jira"', 'skill ecs: "Fargate" repeats "Fargate"']);
  });

  it("reports a skill of a kind named after one product of that kind", () => {
    expect(messages(pack({ skills: [skill("optimization-solvers", { name: "Gurobi", aliases: ["CPLEX"] })] }))).toEqual(
      ['skill optimization-solvers: name "Gurobi" shares no word with its id: is it one product standing for a kind?'],
    );
    expect(nameFitsId("optimization-solvers", "Optimization solvers")).toBe(true);
    expect(nameFitsId("lda-topic-modeling", "Latent Dirichlet Allocation")).toBe(true);
    expect(nameFitsId("common-table-expressions", "Common table expression")).toBe(true);
    expect(nameFitsId("cpp", "C++")).toBe(true);
    expect(nameFitsId("experimentation-platforms", "Optimizely")).toBe(false);
  });

  it("reports caseSensitive entries that are not names of the skill", () => {
    expect(messages(pack({ skills: [skill("r", { name: "R", caseSensitive: ["Q"] })] }))).toEqual([
      'skill r: caseSensitive entry "Q" is not one of its names',
    ]);
  });

  it("reports prerequisite cycles", () => {
    const skills = [
      skill("a", { prerequisites: ["c"] }),
      skill("b", { prerequisites: ["a"] }),
      skill("c", { prerequisites: ["b"] }),
    ];
    expect(findCycles(skills)).toEqual([["a", "c", "b", "a"]]);
    expect(messages(pack({ skills }))).toContainEqual(expect.stringContaining("prerequisite cycle"));
  });

  it("reports role references to missing skills, routes and sources", () => {
    const role = {
      id: "r1",
      name: "R1",
      summary: "s",
      duties: ["a", "b", "c", "d", "e"],
      skills: { required: [{ skill: "nope", weight: 3 as const }], preferred: [] },
      education: ["no-route"],
      seniority: [],
      related: ["no-role"],
      titles: ["T"],
      codes: { onet: [], esco: [] },
      salary: [
        {
          label: "x",
          region: "US",
          statistic: "median" as const,
          amount: 1,
          currency: "USD",
          period: "year" as const,
          asOf: "2024",
          source: "no-source",
        },
      ],
      outlook: [],
      industries: [],
    };
    const out = messages(pack({ roles: [role] }));
    expect(out).toEqual([
      'role r1.skills.required: unknown skill id "nope"',
      'role r1.education: unknown education route id "no-route"',
      'role r1.related: unknown role id "no-role"',
      'role r1.salary: unknown source id "no-source"',
    ]);
  });

  it("refuses a group of alternatives with an unknown skill, a skill listed twice or a skill of another group", () => {
    const skills = [skill("a"), skill("b"), skill("c")];
    const group = (id: string, ids: string[]) => ({ id, note: "why", skills: ids });
    expect(messages(pack({ skills, alternatives: [group("g1", ["a", "b"]), group("g2", ["c", "a"])] }))).toEqual([
      'alternative group g2.skills: skill "a" is already in group g1',
    ]);
    expect(messages(pack({ skills, alternatives: [group("g1", ["a", "zz", "a"]), group("g1", ["c", "b"])] }))).toEqual([
      expect.stringMatching(/^alternative group g1: duplicate id/),
      'alternative group g1.skills: unknown skill id "zz"',
      'alternative group g1.skills: skill "a" is listed twice',
    ]);
  });
});

describe("career ladders", () => {
  const roleWith = (
    seniority: { level: "intern" | "entry" | "mid" | "senior" | "lead"; title: string; years: string }[],
  ) => ({
    id: "r1",
    name: "R1",
    summary: "s",
    duties: ["a", "b", "c", "d", "e"],
    skills: { required: [], preferred: [] },
    education: [],
    seniority,
    related: [],
    titles: ["T"],
    codes: { onet: [], esco: [] },
    salary: [],
    outlook: [],
    industries: [],
  });

  it("accepts rungs that meet or overlap, as academic ones do", () => {
    const ladder = roleWith([
      { level: "entry", title: "Postdoc", years: "0-3 after PhD" },
      { level: "mid", title: "Assistant Professor", years: "2-8 after PhD" },
      { level: "senior", title: "Associate Professor", years: "6-12 after PhD" },
      { level: "lead", title: "Professor", years: "12+ after PhD" },
    ]);
    expect(messages(pack({ roles: [ladder] }))).toEqual([]);
  });

  it("reports a gap between rungs, a rung that starts earlier, levels out of order and unreadable years", () => {
    const out = messages(
      pack({
        roles: [
          roleWith([
            { level: "entry", title: "Junior", years: "0-2" },
            { level: "mid", title: "Mid", years: "3-6" },
            { level: "intern", title: "Intern", years: "1" },
            { level: "senior", title: "Senior", years: "several" },
          ]),
        ],
      }),
    );
    expect(out).toEqual([
      'role r1.seniority: "Mid" starts at 3 years, but "Junior" ends at 2',
      'role r1.seniority: "Intern" (intern) comes after "Mid" (mid)',
      'role r1.seniority: "Intern" starts at 1 years, before "Mid"',
      'role r1.seniority: "Senior": years "several" is no range such as 0-2 or 8+',
    ]);
  });

  it("reads years as ranges", () => {
    expect(parseYears("0")).toEqual({ min: 0, max: 0 });
    expect(parseYears("2-5")).toEqual({ min: 2, max: 5 });
    expect(parseYears("8+")).toEqual({ min: 8, max: Number.POSITIVE_INFINITY });
    expect(parseYears("12+ after PhD")?.min).toBe(12);
  });
});

describe("aliasKey", () => {
  it("folds case, spacing and separators but keeps symbols that carry meaning", () => {
    expect(aliasKey("Scikit_Learn")).toBe(aliasKey("scikit-learn"));
    expect(aliasKey("C++")).not.toBe(aliasKey("C"));
    expect(aliasKey("C#")).not.toBe(aliasKey("C"));
  });

  it("refuses an exchange rate with an unknown source or stated twice", () => {
    const rate = { currency: "EUR", year: 2024, usd: 1.08, n: 5, source: "nowhere" };
    expect(messages(pack({ exchangeRates: [rate, { ...rate }] }))).toEqual([
      'exchange rate EUR 2024: unknown source id "nowhere"',
      'exchange rate EUR 2024: unknown source id "nowhere"',
      "exchange rate EUR 2024: stated twice",
    ]);
  });
});
