/** A stored posting that states a yearly pay in the model's currency, with the skills it asks for. */
export interface PaidPosting {
  roleId: string | null;
  skills: string[];
  /** Midpoint of the stated yearly range. */
  pay: number;
}

export interface SkillPremium {
  skill: string;
  /** Multiplicative effect on pay, shrunk toward 1 by how few postings support it. */
  premium: number;
  /** Postings of the role asking for the skill and stating pay. */
  n: number;
}

/** Postings of a skill needed for half its raw premium to count. */
const SHRINK = 20;
/** A role with fewer paid postings borrows every role's postings. */
const MIN_ROLE = 30;
/** However many skills agree, the adjustment stays within this factor either way. */
export const MAX_ADJUSTMENT = 0.15;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * What each skill does to the pay postings of a role state: the median log pay of the role's
 * postings asking for the skill against the median of those that do not, shrunk toward no effect
 * by n / (n + 20) where n is the smaller side. Medians, so one outlier posting cannot make a skill
 * look valuable; a skill every posting asks for has nothing to compare with and no effect.
 */
export function skillPremiums(postings: PaidPosting[], roleId: string): Map<string, SkillPremium> {
  const own = postings.filter((p) => p.roleId === roleId && p.pay > 0);
  const pool = own.length >= MIN_ROLE ? own : postings.filter((p) => p.pay > 0);
  const skills = new Set(pool.flatMap((p) => p.skills));
  const out = new Map<string, SkillPremium>();
  for (const skill of skills) {
    const withIt: number[] = [];
    const without: number[] = [];
    for (const p of pool) (p.skills.includes(skill) ? withIt : without).push(Math.log(p.pay));
    const n = Math.min(withIt.length, without.length);
    const shift = n === 0 ? 0 : ((median(withIt) - median(without)) * n) / (n + SHRINK);
    out.set(skill, { skill, n: withIt.length, premium: Math.exp(shift) });
  }
  return out;
}

/**
 * An estimate moved by a person's skills: the mean of their skills' log premiums (skills with no
 * paid posting count as no effect), capped at ±15%, applied to the point and both ends of the
 * interval. The skills used and their premiums are returned, so the move can be explained.
 */
export function adjustForSkills<E extends { estimate: number; low: number; high: number }>(
  estimate: E,
  premiums: Map<string, SkillPremium>,
  skills: string[],
): E & { skillFactor: number; skills: SkillPremium[] } {
  // A skill named twice ("pytorch,PyTorch") had weighed twice in the mean.
  const used = [...new Set(skills)].map((s) => premiums.get(s) ?? { skill: s, premium: 1, n: 0 });
  const meanLog = used.length ? used.reduce((sum, p) => sum + Math.log(p.premium), 0) / used.length : 0;
  const factor = Math.exp(Math.max(Math.log(1 - MAX_ADJUSTMENT), Math.min(Math.log(1 + MAX_ADJUSTMENT), meanLog)));
  const round = (x: number) => Math.round(x / 100) * 100;
  return {
    ...estimate,
    estimate: round(estimate.estimate * factor),
    low: round(estimate.low * factor),
    high: round(estimate.high * factor),
    skillFactor: Math.round(factor * 1000) / 1000,
    skills: used,
  };
}
