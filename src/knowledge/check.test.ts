import { describe, expect, it } from "vitest";
import { aliasKey, checkPack, findCycles } from "./check.js";
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
