import type { Profile } from "../documents/profile.js";
import type { KnowledgePack, Role, Skill } from "../knowledge/schema.js";
import { CREDIT, skillCredit } from "../match/fit.js";
import { createSkillGraph } from "../match/skill-graph.js";

/** The five steps of the career guides' plan; skills fall into the first three. */
export const MILESTONES = [
  { id: "foundations", name: "Foundations: maths and programming" },
  { id: "core-ml", name: "Core machine learning" },
  { id: "specialisation", name: "Specialisation for the role" },
  { id: "portfolio", name: "Portfolio projects" },
  { id: "job-search", name: "Job search" },
] as const;
export type MilestoneId = (typeof MILESTONES)[number]["id"];

const PHASE_OF: Record<Skill["category"], MilestoneId> = {
  math: "foundations",
  "programming-language": "foundations",
  "engineering-practice": "foundations",
  "spoken-language": "foundations",
  "ml-concept": "core-ml",
  algorithm: "core-ml",
  library: "specialisation",
  "data-engineering": "specialisation",
  database: "specialisation",
  mlops: "specialisation",
  cloud: "specialisation",
  genai: "specialisation",
  domain: "specialisation",
  visualization: "specialisation",
  analytics: "specialisation",
  product: "specialisation",
  governance: "specialisation",
  "soft-skill": "specialisation",
};
/** Core data libraries come with core ML, not after it. */
const CORE_LIBRARIES = new Set(["numpy", "pandas", "scikit-learn", "matplotlib"]);
const PHASE_RANK: Record<MilestoneId, number> = {
  foundations: 0,
  "core-ml": 1,
  specialisation: 2,
  portfolio: 3,
  "job-search": 4,
};

export interface GapSkill {
  skill: Skill;
  /** Why it is in the plan: the role asks for it, or a skill the role asks for builds on it. */
  reason: "required" | "preferred" | "prerequisite";
  neededFor: string[];
  weight: number;
  milestone: MilestoneId;
  /** Hours to learn it: the skill's own, or fewer after a close alternative the profile has or the plan teaches first. */
  hours: number;
  /**
   * A skill in the same curated group of alternatives (knowledge/alternatives.yaml): the profile's,
   * or, with `alternativeEarlier`, one taught earlier in the plan.
   */
  alternative?: Skill;
  /** The alternative is not the profile's but a step earlier in the plan. */
  alternativeEarlier?: boolean;
}

/**
 * A skill learnt from a close alternative takes the share of its hours that fit does not already
 * credit: fit counts TensorFlow as half of PyTorch, so the plan gives PyTorch half its 80 hours
 * to someone who knows TensorFlow, as a change of API rather than a new subject.
 */
const BRIDGE_SHARE = 1 - CREDIT.alternative;
const bridgedHours = (skill: Skill) => Math.ceil(skill.hours * BRIDGE_SHARE);

/** A preferred skill left out of the plan because what it needs first would cost far more than it. */
export interface LaterSkill {
  skill: Skill;
  weight: number;
  /** The missing prerequisites it would bring into the plan, foundations first, and their hours. */
  needsFirst: Skill[];
  needsFirstHours: number;
}

/**
 * A preferred skill is planned when the prerequisites it would add cost at most twice its own
 * hours, or about three months at ten hours a week: "System design" (80 h) is not worth 360 h of
 * C, operating systems, networking and concurrency to an engineer who lacks only the formal course,
 * while gradient boosting (15 h) is worth the 70 h of trees and ensembles beneath it.
 */
const PREFERRED_PREREQUISITE_RATIO = 2;
const PREFERRED_PREREQUISITE_FLOOR = 120;

/**
 * The soft skills any job exercises. After a few years of work, a resume that does not name them
 * lacks the words, not the skill: the plan asks for a line that shows each instead of a course
 * (a backend engineer of six years had been given 40 h of technical writing for "Communication").
 * Those a role builds on and a career may not have exercised, such as leadership or stakeholder
 * management, are still planned.
 */
const EVERYDAY_SOFT_SKILLS = new Set([
  "communication",
  "written-communication",
  "verbal-communication",
  "problem-solving",
  "critical-thinking",
  "analytical-thinking",
  "teamwork",
  "collaboration",
  "cross-functional-collaboration",
  "time-management",
  "organizational-skills",
  "attention-to-detail",
]);
/** Years of work after which the everyday soft skills are taken as exercised. */
const EXERCISED_YEARS = 3;
/** An everyday soft skill that years of work have exercised: to be named on the resume, not taught. */
export const exercisedAtWork = (profile: Profile, id: string): boolean =>
  profile.years >= EXERCISED_YEARS && EVERYDAY_SOFT_SKILLS.has(id);

/**
 * What a profile lacks for a role, in learning order: the role's required and preferred skills
 * the profile does not have (nor implies through a more advanced skill), plus their missing
 * prerequisites, sorted so that no skill comes before its prerequisites, foundations first.
 * Preferred skills whose missing prerequisites would cost far more than they do are `later`.
 * `known`: the skills the profile shows or implies.
 */
export function findGap(
  profile: Profile,
  role: Role,
  pack: KnowledgePack,
  options: { allPreferred?: boolean } = {},
): { steps: GapSkill[]; later: LaterSkill[]; toShow: Skill[]; known: ReadonlySet<string> } {
  const graph = createSkillGraph(pack);
  const toShow: Skill[] = [];
  // An everyday soft skill of a working life is asked to be named on the resume, not taught.
  const toName = (id: string) => exercisedAtWork(profile, id);
  const known = new Set(profile.skills.map((s) => s.id));
  const credit = skillCredit(profile, graph);
  // Knowing an advanced skill implies its prerequisites: they are not taught again.
  for (const id of [...known]) for (const a of graph.ancestors(id)) known.add(a);

  const wanted = new Map<string, GapSkill>();
  const add = (id: string, reason: GapSkill["reason"], weight: number, neededFor?: string) => {
    const skill = graph.skill(id);
    if (!skill || known.has(id)) return;
    if (toName(id)) {
      // Only one the role asks for is worth naming: one that a skill it asks for builds on (Written
      // communication beneath Technical writing) had been named as asked for by the role.
      if (reason !== "prerequisite" && !toShow.includes(skill)) toShow.push(skill);
      return;
    }
    const existing = wanted.get(id);
    if (existing) {
      if (neededFor && !existing.neededFor.includes(neededFor)) existing.neededFor.push(neededFor);
      // The role asks for it, though a skill listed before it brought it in first: Statistics had
      // read "prerequisite of Data visualization" in a data analyst's plan.
      if (reason === "required" && existing.reason === "prerequisite") Object.assign(existing, { reason, weight });
      return;
    }
    // Implied skills are known already; only a close alternative shortens a step.
    const c = credit.get(id);
    const via = c?.kind === "alternative" ? c.via : undefined;
    const alternative = via ? graph.skill(via) : undefined;
    wanted.set(id, {
      skill,
      reason,
      neededFor: neededFor ? [neededFor] : [],
      weight,
      milestone: phaseOf(skill),
      hours: alternative ? bridgedHours(skill) : skill.hours,
      ...(alternative ? { alternative } : {}),
    });
    for (const p of skill.prerequisites) add(p, "prerequisite", 1, id);
  };
  for (const r of role.skills.required) add(r.skill, "required", r.weight);
  // Preferred skills that matter (weight 2+) are worth the time; the "useful" ones are left to the job.
  const minPreferred = options.allPreferred ? 1 : 2;
  const later: LaterSkill[] = [];
  /** The skill's prerequisites, transitively, that neither the profile nor the plan has yet. */
  const missingBelow = (id: string, into = new Set<string>()): Set<string> => {
    for (const p of graph.skill(id)?.prerequisites ?? [])
      if (!known.has(p) && !toName(p) && !wanted.has(p) && !into.has(p)) missingBelow(p, into.add(p));
    return into;
  };
  const cost = (skill: Skill) => {
    const needsFirst = [...missingBelow(skill.id)].map((id) => graph.skill(id) as Skill);
    return { needsFirst, needsFirstHours: needsFirst.reduce((sum, p) => sum + p.hours, 0) };
  };
  const tooDear = (skill: Skill, hours: number) =>
    hours > Math.max(PREFERRED_PREREQUISITE_RATIO * skill.hours, PREFERRED_PREREQUISITE_FLOOR);
  let waiting = role.skills.preferred
    .filter((r) => r.weight >= minPreferred)
    .sort((a, b) => b.weight - a.weight)
    .flatMap((r) => {
      const skill = graph.skill(r.skill);
      if (!skill || known.has(r.skill)) return [];
      // Named, never planned, it waits for nothing: it had stayed in the queue, and the loop below
      // had added it again for ever (a pack preferring Communication at weight 2 hung the plan).
      if (toName(r.skill)) {
        add(r.skill, "preferred", r.weight);
        return [];
      }
      return [{ skill, weight: r.weight }];
    });
  // Each planned skill can make another's prerequisites free, so decide again until nothing moves.
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of waiting) {
      if (wanted.has(w.skill.id) || tooDear(w.skill, cost(w.skill).needsFirstHours)) continue;
      add(w.skill.id, "preferred", w.weight);
      changed = true;
    }
    waiting = waiting.filter((w) => !wanted.has(w.skill.id));
  }
  for (const { skill, weight } of waiting) {
    const { needsFirst, needsFirstHours } = cost(skill);
    needsFirst.sort((a, b) => PHASE_RANK[phaseOf(a)] - PHASE_RANK[phaseOf(b)] || a.id.localeCompare(b.id));
    later.push({ skill, weight, needsFirst, needsFirstHours });
  }

  // A skill is learnt no earlier than the phase of anything it builds on.
  const phase = new Map<string, number>();
  const phaseRank = (id: string): number => {
    const cached = phase.get(id);
    if (cached !== undefined) return cached;
    const own = wanted.get(id) as GapSkill;
    const rank = Math.max(
      PHASE_RANK[own.milestone],
      ...own.skill.prerequisites.filter((p) => wanted.has(p)).map(phaseRank),
    );
    phase.set(id, rank);
    own.milestone = (Object.keys(PHASE_RANK) as MilestoneId[]).find((k) => PHASE_RANK[k] === rank) as MilestoneId;
    return rank;
  };
  for (const id of wanted.keys()) phaseRank(id);

  // Kahn's algorithm, choosing among ready skills by phase, then required before preferred, then weight.
  const order: GapSkill[] = [];
  const remaining = new Map(
    [...wanted].map(([id, g]) => [id, g.skill.prerequisites.filter((p) => wanted.has(p)).length]),
  );
  const importance = { required: 0, prerequisite: 0, preferred: 1 } as const;
  while (remaining.size > 0) {
    const ready = [...remaining].filter(([, n]) => n === 0).map(([id]) => wanted.get(id) as GapSkill);
    ready.sort(
      (a, b) =>
        (phase.get(a.skill.id) as number) - (phase.get(b.skill.id) as number) ||
        importance[a.reason] - importance[b.reason] ||
        b.weight - a.weight ||
        a.skill.id.localeCompare(b.skill.id),
    );
    const next = ready[0] as GapSkill;
    order.push(next);
    remaining.delete(next.skill.id);
    for (const [id] of remaining)
      if (wanted.get(id)?.skill.prerequisites.includes(next.skill.id))
        remaining.set(id, (remaining.get(id) as number) - 1);
  }
  // A close alternative learnt earlier in the plan makes the later skill the same change of API as
  // one the profile has: an ML-engineer plan had taught PyTorch (80 h) and then TensorFlow in full.
  for (const [i, g] of order.entries()) {
    if (g.alternative) continue;
    const earlier = order.slice(0, i).find((o) => graph.alternatives(g.skill.id).has(o.skill.id));
    if (earlier)
      Object.assign(g, {
        hours: bridgedHours(g.skill),
        alternative: earlier.skill,
        alternativeEarlier: true,
      });
  }
  return { steps: order, later, toShow, known };
}

function phaseOf(skill: Skill): MilestoneId {
  if (CORE_LIBRARIES.has(skill.id)) return "core-ml";
  return PHASE_OF[skill.category];
}
