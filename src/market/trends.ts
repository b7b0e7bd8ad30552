import { z } from "zod";

export const SkillTrend = z.object({
  skill: z.string(),
  before: z.number().int().nonnegative(),
  after: z.number().int().nonnegative(),
  shareBefore: z.number(),
  shareAfter: z.number(),
  /** Change in share, in percentage points. */
  change: z.number(),
  /** Two-proportion z statistic. */
  z: z.number(),
  /**
   * Benjamini-Hochberg adjusted p-value over all skills compared: with hundreds of skills, some
   * move by chance alone, so a change counts as real when q < 0.05, not when |z| >= 2.
   */
  q: z.number(),
});
export type SkillTrend = z.infer<typeof SkillTrend>;

/**
 * Rising and falling skills between two periods: each skill's share of postings before and after
 * the split, the change in points, and a two-proportion z statistic so that a skill moving from
 * 1 posting to 3 is not reported beside one moving from 100 to 300. Skills asked for by fewer than
 * `minCount` postings in both periods together are left out. Sorted by z, rising first, each with
 * a false-discovery-rate q-value.
 */
/** Standard normal upper tail, by the Abramowitz-Stegun 7.1.26 erf approximation (error < 1.5e-7). */
function upperTail(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}

export function skillTrends(
  counts: { skill: string; before: number; after: number }[],
  totals: { before: number; after: number },
  minCount = 10,
): SkillTrend[] {
  if (totals.before === 0 || totals.after === 0) return [];
  const rows: SkillTrend[] = counts
    .filter((c) => c.before + c.after >= minCount)
    .map((c) => {
      const p1 = c.before / totals.before;
      const p2 = c.after / totals.after;
      const pooled = (c.before + c.after) / (totals.before + totals.after);
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / totals.before + 1 / totals.after));
      return {
        skill: c.skill,
        before: c.before,
        after: c.after,
        shareBefore: p1,
        shareAfter: p2,
        change: (p2 - p1) * 100,
        z: se > 0 ? (p2 - p1) / se : 0,
        q: 1,
      };
    });
  // q-values: rank p-values ascending, q_i = min over j >= i of p_j * m / j.
  const byP = rows.map((r) => ({ r, p: 2 * upperTail(Math.abs(r.z)) })).sort((a, b) => a.p - b.p);
  let running = 1;
  for (let i = byP.length - 1; i >= 0; i--) {
    const x = byP[i] as { r: SkillTrend; p: number };
    running = Math.min(running, (x.p * byP.length) / (i + 1));
    x.r.q = running;
  }
  return rows.sort((a, b) => b.z - a.z || a.skill.localeCompare(b.skill));
}

/** Rising and falling skills beyond chance (q < 0.05), the strongest first, as the CLI and API report them. */
export function trendReport(
  periods: {
    split: string | null;
    totals: { before: number; after: number };
    counts: { skill: string; before: number; after: number }[];
  },
  top: number,
  nameOf: (skill: string) => string,
) {
  const real = skillTrends(periods.counts, periods.totals)
    .filter((t) => t.q < 0.05)
    .map((t) => ({ ...t, name: nameOf(t.skill) }));
  return {
    split: periods.split,
    totals: periods.totals,
    rising: real.filter((t) => t.z > 0).slice(0, top),
    falling: real
      .filter((t) => t.z < 0)
      .reverse()
      .slice(0, top),
  };
}
