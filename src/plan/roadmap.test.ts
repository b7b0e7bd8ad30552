import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { profileWith } from "../match/test-profiles.js";
import { findGap } from "./gap.js";
import { buildPlan, Plan, weekEnd } from "./roadmap.js";

const pack = loadKnowledge();
const skillIds = pack.skills.map((s) => s.id);
const roleIds = pack.roles.map((r) => r.id);

describe("buildPlan", () => {
  it("is valid by construction for any profile, role and pace (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...skillIds), { maxLength: 20 }),
        fc.constantFrom(...roleIds),
        fc.integer({ min: 1, max: 100 }),
        (known, roleId, perWeek) => {
          const role = pack.roles.find((r) => r.id === roleId);
          if (!role) return false;
          const plan = buildPlan(profileWith(known), role, pack, { hoursPerWeek: perWeek, start: "2026-12-07" });
          expect(() => Plan.parse(plan)).not.toThrow();
          const order = plan.steps.map((s) => s.skill);
          const knownSet = new Set(known);
          for (const [i, step] of plan.steps.entries()) {
            // Never a skill already known, never before one of its prerequisites in the plan.
            expect(knownSet.has(step.skill)).toBe(false);
            const skill = pack.skills.find((s) => s.id === step.skill);
            for (const p of skill?.prerequisites ?? []) {
              const at = order.indexOf(p);
              expect(at).toBeLessThan(i);
            }
          }
          const hours =
            plan.steps.reduce((s, x) => s + x.hours, 0) + plan.projects.reduce((s, x) => s + x.hours, 0) + 20;
          expect(plan.totalHours).toBe(hours);
          expect(plan.weeks).toBe(Math.ceil(hours / perWeek));
          expect(plan.end).toBe(weekEnd("2026-12-07", plan.weeks));
          for (const s of plan.steps) expect(s.endWeek).toBeLessThanOrEqual(plan.weeks);
          return true;
        },
      ),
      { numRuns: 120 },
    );
  });

  it("starts a career changer from the foundations and keeps the five milestones in order", () => {
    const role = pack.roles.find((r) => r.id === "ml-engineer");
    if (!role) throw new Error("no ml-engineer");
    const plan = buildPlan(profileWith(["communication", "excel"]), role, pack, {
      hoursPerWeek: 10,
      start: "2026-12-07",
    });
    expect(plan.steps[0]?.milestone).toBe("foundations");
    expect(plan.steps.map((s) => s.skill)).toEqual(
      expect.arrayContaining(["python", "linear-algebra", "machine-learning"]),
    );
    const weeks = plan.milestones.map((m) => m.week);
    expect(weeks).toEqual([...weeks].sort((a, b) => a - b));
    expect(plan.milestones.at(-1)?.id).toBe("job-search");
    expect(plan.jobSearch.titles.length).toBeGreaterThan(0);
    for (const s of plan.steps.filter((x) => x.reason.includes("required")))
      expect(s.resources.length).toBeGreaterThan(0);
  });

  it("teaches nothing to someone who has every skill of the role", () => {
    const role = pack.roles.find((r) => r.id === "data-analyst");
    if (!role) throw new Error("no data-analyst");
    const all = [...role.skills.required, ...role.skills.preferred].map((r) => r.skill);
    expect(findGap(profileWith(all), role, pack)).toEqual([]);
  });
});
