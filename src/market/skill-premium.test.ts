import { describe, expect, it } from "vitest";
import { adjustForSkills, MAX_ADJUSTMENT, type PaidPosting, skillPremiums } from "./skill-premium.js";

const postings: PaidPosting[] = [
  ...Array.from({ length: 40 }, (_, i) => ({
    roleId: "ml-engineer",
    skills: ["python", "pytorch"],
    pay: 180_000 + i * 100,
  })),
  ...Array.from({ length: 40 }, (_, i) => ({ roleId: "ml-engineer", skills: ["python"], pay: 140_000 + i * 100 })),
  { roleId: "ml-engineer", skills: ["python", "cobol"], pay: 900_000 },
  ...Array.from({ length: 10 }, () => ({ roleId: "data-analyst", skills: ["excel"], pay: 70_000 })),
];

describe("skill premiums", () => {
  it("finds the premium of a skill within a role, shrinking one-off evidence toward none", () => {
    const p = skillPremiums(postings, "ml-engineer");
    // 40 postings at ~180k with it, 41 at ~140k without: +28% raw, shrunk by 40/60.
    expect(p.get("pytorch")?.premium).toBeCloseTo(Math.exp((Math.log(181_950 / 142_000) * 40) / 60), 2);
    expect(p.get("pytorch")?.n).toBe(40);
    // One posting at 900k: a median of one, shrunk by 1/21, moves little.
    expect(p.get("cobol")?.premium).toBeLessThan(1.1);
    // Every posting asks for Python: nothing to compare with.
    expect(p.get("python")?.premium).toBe(1);
  });

  it("borrows all roles' postings when a role has too few, and says nothing without data", () => {
    expect(skillPremiums(postings, "data-analyst").get("excel")?.n).toBe(10);
    expect(skillPremiums(postings, "data-analyst").get("excel")?.premium).toBeLessThan(1);
    expect(skillPremiums([], "ml-engineer").size).toBe(0);
  });

  it("moves an estimate and its interval by the skills' mean premium, within the cap", () => {
    const premiums = skillPremiums(postings, "ml-engineer");
    const base = { estimate: 150_000, low: 100_000, high: 220_000, cell: "x" };
    const up = adjustForSkills(base, premiums, ["pytorch"]);
    expect(up.estimate).toBeGreaterThan(base.estimate);
    expect(up.low / base.low).toBeCloseTo(up.high / base.high, 2);
    expect(up.cell).toBe("x");
    const unknown = adjustForSkills(base, premiums, ["basket-weaving"]);
    expect(unknown).toMatchObject({ estimate: 150_000, skillFactor: 1 });
    const huge = adjustForSkills(base, new Map([["x", { skill: "x", premium: 3, n: 999 }]]), ["x"]);
    expect(huge.skillFactor).toBeCloseTo(1 + MAX_ADJUSTMENT, 3);
  });

  it("counts a skill named twice once", () => {
    const premiums = skillPremiums(postings, "ml-engineer");
    const base = { estimate: 150_000, low: 100_000, high: 220_000 };
    const once = adjustForSkills(base, premiums, ["python", "pytorch"]);
    const twice = adjustForSkills(base, premiums, ["python", "pytorch", "pytorch", "pytorch"]);
    expect(twice.estimate).toBe(once.estimate);
    expect(twice.skills.map((s) => s.skill)).toEqual(["python", "pytorch"]);
  });
});
