import { z } from "zod";
import { monthsCovered } from "../documents/dates.js";
import { type Profile, type ProfileSkill, SkillSource } from "../documents/profile.js";
import type { EducationRoute, KnowledgePack, Role } from "../knowledge/schema.js";
import { createSkillGraph, type SkillGraph } from "./skill-graph.js";

/** How much each part of a role counts toward the fit score; printed by `mlpath fit --explain`. */
export const FIT_WEIGHTS = { required: 0.6, preferred: 0.15, education: 0.1, experience: 0.15 } as const;
/** Credit for a requirement met only indirectly. */
export const CREDIT = { met: 1, implied: 0.6, alternative: 0.5, prerequisite: 0.25, missing: 0 } as const;
/**
 * What the person brings to each skill: 1 for one they have; for one they lack, the credit fit
 * gives it, with the skill of theirs that earns it (`via`): a skill they have builds on it
 * (`implied`: PostgreSQL shows SQL, PyTorch shows deep learning), or it is in a curated group
 * with one they have (`alternative`, the first listed of its group). Job ranking weighs a
 * posting's skills by it (a posting asking for TensorFlow had ranked a PyTorch user as if they
 * had neither, and one asking for SQL a PostgreSQL user), and the plan shortens a skill learnt
 * from its alternative.
 */
export type SkillCredit = ReadonlyMap<string, { credit: number; via?: string; kind?: "implied" | "alternative" }>;

export function skillCredit(profile: Profile, graph?: Pick<SkillGraph, "ancestors" | "alternatives">): SkillCredit {
  const credit = new Map<string, { credit: number; via?: string; kind?: "implied" | "alternative" }>();
  for (const s of profile.skills) credit.set(s.id, { credit: 1 });
  if (!graph) return credit;
  // Implied before alternative: it earns more, as in fit.
  for (const s of profile.skills)
    for (const a of graph.ancestors(s.id))
      if (!credit.has(a)) credit.set(a, { credit: CREDIT.implied, via: s.id, kind: "implied" });
  for (const s of profile.skills)
    for (const other of graph.alternatives(s.id))
      if (!credit.has(other)) credit.set(other, { credit: CREDIT.alternative, via: s.id, kind: "alternative" });
  return credit;
}

/**
 * How strongly a resume shows a skill, by where it appears: used in a job or a project is proof,
 * a list or a summary is a claim.
 */
export const SOURCE_STRENGTH: Record<ProfileSkill["source"], number> = {
  experience: 1,
  project: 1,
  certification: 0.9,
  skills: 0.85,
  education: 0.8,
  summary: 0.7,
  other: 0.7,
};
/** Years in the role or a related one at which experience counts in full. */
const FULL_EXPERIENCE_YEARS = 3;
/** Years in a related role count half; in unrelated jobs a little: they still show a working professional. */
export const RELATED_YEARS_FACTOR = 0.5;
export const UNRELATED_YEARS_FACTOR = 0.15;

export const Status = z.enum(["met", "partly", "missing"]);
export type Status = z.infer<typeof Status>;

export const SkillEvidence = z.object({
  kind: z.literal("skill"),
  skill: z.string(),
  name: z.string(),
  importance: z.enum(["required", "preferred"]),
  weight: z.number(),
  status: Status,
  credit: z.number(),
  /** The resume line that proves it, and where in the resume it was. */
  line: z.string().optional(),
  source: SkillSource.optional(),
  /** The skill of the profile that earns partial or implied credit. */
  via: z.string().optional(),
  reason: z.string(),
});
export type SkillEvidence = z.infer<typeof SkillEvidence>;

export const OtherEvidence = z.object({
  kind: z.enum(["education", "experience"]),
  status: Status,
  credit: z.number(),
  detail: z.string(),
});
export type OtherEvidence = z.infer<typeof OtherEvidence>;

/** One role's fit for a profile: what `mlpath fit --json` prints per role and the API returns. */
export const RoleFit = z.object({
  id: z.string(),
  name: z.string(),
  /** 0-100. */
  score: z.number(),
  parts: z.object({ required: z.number(), preferred: z.number(), education: z.number(), experience: z.number() }),
  evidence: z.array(z.union([SkillEvidence, OtherEvidence])),
  counts: z.object({ met: z.number(), partly: z.number(), missing: z.number() }),
});
export type RoleFit = z.infer<typeof RoleFit>;

const LEVELS = ["associate", "bachelor", "master", "phd"] as const;
const levelRank = (l: string | null | undefined) => (l ? LEVELS.indexOf(l as (typeof LEVELS)[number]) : -1);

/**
 * Scores every role for a profile, best first. Pure: the profile, the pack and today's month in,
 * scores with their evidence out. Adding a skill to a profile never lowers a score, because each
 * requirement takes the best credit any of the profile's skills gives it.
 */
export function fitRoles(profile: Profile, pack: KnowledgePack, now: string): RoleFit[] {
  const graph = createSkillGraph(pack);
  const routes = new Map(pack.education.map((r) => [r.id, r]));
  return pack.roles
    .map((role) => fitRole(profile, role, graph, routes, now))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

export function fitRole(
  profile: Profile,
  role: Role,
  graph: SkillGraph,
  routes: Map<string, EducationRoute>,
  now: string,
): RoleFit {
  const has = new Map(profile.skills.map((s) => [s.id, s]));
  const skillEvidence = (importance: "required" | "preferred") =>
    role.skills[importance].map((r) => judgeSkill(r.skill, r.weight, importance, has, graph));
  const required = skillEvidence("required");
  const preferred = skillEvidence("preferred");
  const education = judgeEducation(profile, role, routes);
  const experience = judgeExperience(profile, role, now);
  const share = (xs: SkillEvidence[]) => {
    const total = xs.reduce((s, x) => s + x.weight, 0);
    return total ? xs.reduce((s, x) => s + x.weight * x.credit, 0) / total : 1;
  };
  const parts = {
    required: share(required),
    preferred: share(preferred),
    education: education.credit,
    experience: experience.credit,
  };
  const score =
    100 *
    (FIT_WEIGHTS.required * parts.required +
      FIT_WEIGHTS.preferred * parts.preferred +
      FIT_WEIGHTS.education * parts.education +
      FIT_WEIGHTS.experience * parts.experience);
  const evidence = [...required, ...preferred, education, experience];
  const count = (s: Status) => evidence.filter((e) => e.status === s).length;
  return {
    id: role.id,
    name: role.name,
    score: Math.round(score * 10) / 10,
    parts,
    evidence,
    counts: { met: count("met"), partly: count("partly"), missing: count("missing") },
  };
}

function judgeSkill(
  id: string,
  weight: number,
  importance: "required" | "preferred",
  has: Map<string, ProfileSkill>,
  graph: SkillGraph,
): SkillEvidence {
  const name = graph.skill(id)?.name ?? id;
  const base = { kind: "skill" as const, skill: id, name, importance, weight };
  const proof = (s: ProfileSkill) => {
    const m = s.mentions.find((x) => x.source === s.source) ?? s.mentions[0];
    return { ...(m ? { line: m.line } : {}), source: s.source };
  };
  const own = has.get(id);
  if (own) {
    const credit = CREDIT.met * SOURCE_STRENGTH[own.source];
    return { ...base, status: "met", credit, ...proof(own), reason: `on the resume (${own.source})` };
  }

  let best: SkillEvidence | undefined;
  let bestIndirect = false;
  // At equal credit a skill the resume lists wins over one shown through another skill: Airflow
  // had read "has the prerequisite Python through Machine Learning" for a resume listing Python.
  const consider = (e: SkillEvidence, indirect = false) => {
    if (!best || e.credit > best.credit || (e.credit === best.credit && bestIndirect && !indirect)) {
      best = e;
      bestIndirect = indirect;
    }
  };
  const target = graph.skill(id);
  const targetPrereqs = new Set(target?.prerequisites ?? []);
  for (const [otherId, other] of has) {
    const otherSkill = graph.skill(otherId);
    if (!otherSkill) continue;
    if (graph.ancestors(otherId).has(id)) {
      consider({
        ...base,
        status: "partly",
        credit: CREDIT.implied,
        ...proof(other),
        via: otherId,
        reason: `implied by ${otherSkill.name}, which builds on it`,
      });
    } else if (graph.alternatives(id).has(otherId)) {
      // Only a curated group makes two skills alternatives: a shared category and prerequisite
      // also hold for any two AWS services (SageMaker and EKS) and for Airflow and Kafka.
      consider({
        ...base,
        status: "partly",
        credit: CREDIT.alternative,
        ...proof(other),
        via: otherId,
        reason: `${otherSkill.name} is a close alternative`,
      });
    } else {
      // A prerequisite shown through a skill built on it counts as one listed: PySpark shows
      // Apache Spark, Databricks's prerequisite, as the plan already takes it to. The most
      // specific one shown is named: Kafka shows Data Pipelines and, beneath it, Python.
      const shown = targetPrereqs.has(otherId)
        ? otherId
        : [...targetPrereqs]
            .filter((p) => graph.ancestors(otherId).has(p))
            .sort((a, b) => graph.ancestors(b).size - graph.ancestors(a).size)[0];
      if (shown)
        consider(
          {
            ...base,
            status: "partly",
            credit: CREDIT.prerequisite,
            ...proof(other),
            via: otherId,
            reason:
              shown === otherId
                ? `has the prerequisite ${otherSkill.name}`
                : `has the prerequisite ${graph.skill(shown)?.name ?? shown} through ${otherSkill.name}`,
          },
          shown !== otherId,
        );
    }
  }
  return best ?? { ...base, status: "missing", credit: CREDIT.missing, reason: "not on the resume" };
}

function judgeEducation(profile: Profile, role: Role, routes: Map<string, EducationRoute>): OtherEvidence {
  const roleRoutes = role.education.map((id) => routes.get(id)).filter((r): r is EducationRoute => r !== undefined);
  const degreeLevels = roleRoutes.filter((r) => r.kind === "degree" && r.level).map((r) => levelRank(r.level));
  const needed = degreeLevels.length ? Math.min(...degreeLevels) : -1;
  const openRoutes = roleRoutes.some((r) => r.kind !== "degree");
  const best = profile.education.reduce((m, e) => Math.max(m, levelRank(e.level)), -1);
  const bestName = best >= 0 ? LEVELS[best] : "no degree";
  if (needed < 0 || best >= needed) {
    return { kind: "education", status: "met", credit: 1, detail: `${bestName} meets the usual routes into the role` };
  }
  const neededName = LEVELS[needed];
  if (best === needed - 1) {
    return {
      kind: "education",
      status: "partly",
      credit: 0.5,
      detail: `${bestName}; the usual route is a ${neededName}`,
    };
  }
  if (openRoutes) {
    return {
      kind: "education",
      status: "partly",
      credit: 0.4,
      detail: `${bestName}; a ${neededName} is usual, but certificates, courses or self-study also lead in`,
    };
  }
  return {
    kind: "education",
    status: "missing",
    credit: 0,
    detail: `${bestName}; the role usually asks for a ${neededName}`,
  };
}

function judgeExperience(profile: Profile, role: Role, now: string): OtherEvidence {
  const related = new Set([role.id, ...role.related]);
  const dated = profile.experience.filter((e) => e.start);
  const span = (xs: typeof dated) =>
    monthsCovered(
      xs.map((e) => ({ start: e.start as string, end: e.end ?? (e.start as string) })),
      now,
    ) / 12;
  const relatedJobs = dated.filter((e) => e.roleId && related.has(e.roleId));
  const sameYears = span(dated.filter((e) => e.roleId === role.id));
  const relatedYears = span(relatedJobs);
  const otherYears = Math.max(0, span(dated) - relatedYears);
  const credit = Math.min(
    1,
    (sameYears + RELATED_YEARS_FACTOR * (relatedYears - sameYears) + UNRELATED_YEARS_FACTOR * otherYears) /
      FULL_EXPERIENCE_YEARS,
  );
  const detail =
    relatedJobs.length > 0
      ? `${relatedYears.toFixed(1)} years in this or related roles (${[...new Set(relatedJobs.map((e) => e.title))].slice(0, 3).join(", ")})` +
        (otherYears >= 0.5 ? ` and ${otherYears.toFixed(1)} in others` : "")
      : otherYears > 0
        ? `${otherYears.toFixed(1)} years of work in other roles, none in this one yet`
        : "no dated work experience";
  const status: Status = credit >= 1 ? "met" : credit > 0 ? "partly" : "missing";
  return { kind: "experience", status, credit: Math.round(credit * 100) / 100, detail };
}
