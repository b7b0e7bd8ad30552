import { z } from "zod";
import type { Profile } from "../documents/profile.js";
import type { Seniority } from "../knowledge/schema.js";
import type { PostingCard } from "../store/postings.js";
import { type SkillCredit, skillCredit } from "./fit.js";

/** What a posting offers to ranking: the stored columns it needs, nothing else. */
export interface RankablePosting {
  id: string;
  title: string;
  company: string | null;
  location: string | null;
  url: string | null;
  role_id: string | null;
  seniority: string | null;
  min_years: number | null;
  skills: string[];
  required_skills: string[];
  /** Shown, not scored: the store's card fills them for the postings a search returns. */
  salary?: PostingCard["salary"];
  posted?: string | null;
}

/** One ranked posting: what `mlpath jobs search --json` prints and the API returns. */
export const RankedPosting = z.object({
  posting: z.object({
    id: z.string(),
    title: z.string(),
    company: z.string().nullable(),
    location: z.string().nullable(),
    url: z.string().nullable(),
    /** The pay the posting states (a single figure is min = max), or null. */
    salary: z.object({ min: z.number(), max: z.number(), currency: z.string(), period: z.string() }).nullable(),
    /** The day it was posted, YYYY-MM-DD, or null. */
    posted: z.string().nullable(),
  }),
  score: z.number(),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  why: z.array(z.string()),
  /** Missing skills the person has a close alternative for (knowledge/alternatives.yaml): the skill they have, by id. */
  alternatives: z.record(z.string(), z.string()),
  /** Missing skills that a skill of the person builds on, so they partly have it (SQL for PostgreSQL): that skill, by id. */
  implied: z.record(z.string(), z.string()),
  /** The names of the matched and missing skills and of the skills in `alternatives` and `implied` by id, so a reader needs no taxonomy to show them. */
  names: z.record(z.string(), z.string()),
});
export type RankedPosting = z.infer<typeof RankedPosting>;

/** The pack's names for skill and role ids (KnowledgeIndex has them); an id stands in for a name it lacks. */
export interface PackNames {
  skill(id: string): string | undefined;
  role(id: string): string | undefined;
}

/** How much each signal counts, out of 100. */
export const RANK_WEIGHTS = { required: 45, preferred: 15, role: 15, seniority: 15, years: 10 } as const;
const PRIOR_SKILLS = 3;
export const PRIOR_SHARE = 0.3;
export const LEVELS: Seniority[] = ["intern", "entry", "mid", "senior", "lead", "executive"];

/** The level a person can apply at from their years of work. */
export function levelOf(years: number): Seniority {
  return years < 1 ? "entry" : years < 4 ? "mid" : years < 8 ? "senior" : "lead";
}

/**
 * The pull toward a low prior: a posting naming two skills is weaker evidence than one naming
 * twelve, so shares are pulled toward PRIOR_SHARE by a few pseudo-skills ("2 of 2" does not beat
 * "9 of 12"), their weight growing with the collection's size.
 */
export const rankPrior = (total: number) => PRIOR_SKILLS * Math.log(1 + total / 10);

/**
 * One posting's score out of 100 from its parts: the IDF-weighted skills it asks for and how many
 * of those the person has (required and preferred apart), whether it is one of the person's
 * best-fitting roles (0-1), and how far its level (index in LEVELS, -1 when unstated) and years
 * asked (NaN when unstated) are from theirs. The one formula behind rankPostings and the
 * in-memory RankIndex; positional so that scoring a million postings allocates nothing.
 */
export function rankScore(
  prior: number,
  gotRequired: number,
  required: number,
  gotPreferred: number,
  preferred: number,
  role: number,
  postingLevel: number,
  level: number,
  minYears: number,
  years: number,
): number {
  const base = PRIOR_SHARE * prior;
  return (
    RANK_WEIGHTS.required * ((gotRequired + base) / (required + prior)) +
    RANK_WEIGHTS.preferred * ((gotPreferred + base) / (preferred + prior)) +
    contextScore(role, postingLevel, level, minYears, years)
  );
}

/** The part of rankScore that is not skills: role, level and years asked. */
export function contextScore(role: number, postingLevel: number, level: number, minYears: number, years: number) {
  const seniority = postingLevel < 0 ? 0.5 : Math.max(0, 1 - Math.abs(postingLevel - level) / 2);
  const fit = Number.isNaN(minYears) || minYears <= years ? 1 : Math.max(0, 1 - (minYears - years) / 4);
  return RANK_WEIGHTS.role * role + RANK_WEIGHTS.seniority * seniority + RANK_WEIGHTS.years * fit;
}

/** The weight of a posting's role: 1 for the person's best-fitting role, less for the next ones. */
export const roleWeight = (rank: number) => (rank < 0 ? 0 : rank === 0 ? 1 : rank < 3 ? 0.7 : 0.3);

/**
 * Scores postings for a profile, best first: the share of the posting's skills the person has,
 * with rare skills (high IDF) counting more; whether the posting is one of the roles the person
 * fits; how far its level and years asked are from theirs. Each result says why.
 */
export function rankPostings(
  profile: Profile,
  postings: RankablePosting[],
  context: {
    df: Map<string, number>;
    total: number;
    fitRoles: string[];
    top: number;
    names?: PackNames;
    /** skillCredit's answer; without it, only the skills the profile has count. */
    credit?: SkillCredit;
  },
): RankedPosting[] {
  const skillName = (id: string) => context.names?.skill(id) ?? id;
  const credit = context.credit ?? skillCredit(profile);
  const idfs = new Map<string, number>();
  const idf = (skill: string) => {
    let v = idfs.get(skill);
    if (v === undefined) {
      v = Math.log(1 + context.total / (1 + (context.df.get(skill) ?? 0)));
      idfs.set(skill, v);
    }
    return v;
  };
  const level = LEVELS.indexOf(levelOf(profile.years));
  const prior = rankPrior(context.total);
  // This runs for every candidate of every API search, so each posting's skills are walked once
  // per sum with no filtered copies; the sums add in the posting's order, as summing filtered
  // copies did, so scores do not move in the last bit.
  const ranked = postings.map((p) => {
    // With no section saying what is required, every skill is required and none preferred.
    const sectioned = p.required_skills.length > 0;
    const required = sectioned ? p.required_skills : p.skills;
    let gotRequired = 0;
    let requiredWeight = 0;
    // The missing skills, commonest first: each goes in after those no rarer than it, so equal
    // weights keep the posting's order, as a stable sort by weight would.
    const missing: string[] = [];
    const missingWeight: number[] = [];
    for (const s of required) {
      const w = idf(s);
      requiredWeight += w;
      // Times 1 leaves a weight as it is, so a profile without alternatives scores bit for bit as before.
      const c = credit.get(s)?.credit ?? 0;
      gotRequired += w * c;
      if (c === 1) continue;
      let at = missing.length;
      for (; at > 0 && (missingWeight[at - 1] as number) > w; at--) {
        missing[at] = missing[at - 1] as string;
        missingWeight[at] = missingWeight[at - 1] as number;
      }
      missing[at] = s;
      missingWeight[at] = w;
    }
    let gotPreferred = 0;
    let preferredWeight = 0;
    const requiredSet = sectioned ? new Set(required) : undefined;
    const matched: string[] = [];
    for (const s of p.skills) {
      const c = credit.get(s)?.credit ?? 0;
      if (c === 1) matched.push(s);
      if (requiredSet && !requiredSet.has(s)) {
        const w = idf(s);
        preferredWeight += w;
        gotPreferred += w * c;
      }
    }
    const roleRank = p.role_id ? context.fitRoles.indexOf(p.role_id) : -1;
    const role = roleWeight(roleRank);
    const score = rankScore(
      prior,
      gotRequired,
      requiredWeight,
      gotPreferred,
      preferredWeight,
      role,
      p.seniority ? LEVELS.indexOf(p.seniority as Seniority) : -1,
      level,
      p.min_years ?? Number.NaN,
      profile.years,
    );
    const why = [`${matched.length} of ${p.skills.length} skills`];
    if (role > 0 && p.role_id)
      why.push(`one of your best-fitting roles: ${context.names?.role(p.role_id) ?? p.role_id}`);
    if (p.min_years !== null && p.min_years > profile.years)
      why.push(`asks ${p.min_years}+ years, you have ${profile.years} ${profile.years === 1 ? "year" : "years"}`);
    if (p.seniority) why.push(`${p.seniority} level`);
    // Filled in place rather than by Object.fromEntries over copied arrays (every result of every
    // search); the keys are skill ids from the knowledge pack, never "__proto__".
    const names: Record<string, string> = {};
    const alternatives: Record<string, string> = {};
    const implied: Record<string, string> = {};
    for (const id of matched) names[id] = skillName(id);
    for (const id of missing) {
      names[id] = skillName(id);
      const c = credit.get(id);
      if (c?.via) {
        (c.kind === "implied" ? implied : alternatives)[id] = c.via;
        names[c.via] = skillName(c.via);
      }
    }
    return {
      posting: {
        id: p.id,
        title: p.title,
        company: p.company,
        location: p.location,
        url: p.url,
        salary: p.salary ?? null,
        posted: p.posted ?? null,
      },
      score: Math.round(score * 10) / 10,
      matched,
      missing,
      why,
      alternatives,
      implied,
      names,
    };
  });
  return ranked.sort((a, b) => b.score - a.score || a.posting.id.localeCompare(b.posting.id)).slice(0, context.top);
}
