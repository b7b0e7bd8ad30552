import type { Profile } from "../documents/profile.js";
import type { Seniority } from "../knowledge/schema.js";
import type { UsdPer } from "../market/exchange.js";
import type { IndexablePosting, PostingCard } from "../store/postings.js";
import { type SkillCredit, skillCredit } from "./fit.js";
import {
  contextScore,
  LEVELS,
  levelOf,
  PRIOR_SHARE,
  RANK_WEIGHTS,
  type RankablePosting,
  rankPrior,
  roleWeight,
} from "./rank.js";

export interface IndexFilter {
  roleId?: string;
  remote?: boolean;
  country?: string;
  /** Postings stating a yearly pay whose top reaches this many US dollars (converted from their currency). */
  minSalary?: number;
  /** Only these postings (e.g. the ones a full-text query matched). */
  ids?: ReadonlySet<string>;
}

/**
 * Every unique posting's skills as small integers, with its level, years and filter fields in
 * flat typed arrays: scoring 100k postings for a profile is then one pass over memory (a few
 * milliseconds) instead of a query that returns thousands of rows. Document frequencies for skill
 * rarity come from the same arrays. Postings are appended as they are stored (`add`); the typed
 * arrays are rebuilt from the appended rows before the next search.
 */
export class RankIndex {
  /** US dollars per unit of a currency, null where unknown (such pay passes no salary floor). */
  constructor(private readonly usdPer: UsdPer = (c) => (c === "USD" ? 1 : null)) {}
  private readonly skillIds = new Map<string, number>();
  private skillNames: string[] = [];
  private df: number[] = [];
  private ids: string[] = [];
  /** Each indexed posting's position. */
  private readonly at = new Map<string, number>();
  private readonly roleIds = new Map<string, number>();
  private readonly roleNames: string[] = [];
  private readonly countryIds = new Map<string, number>();
  // Years asked, as codes into their distinct values (a few dozen), so scoring reads a per-search table.
  private readonly yearCodes = new Map<number, number>();
  private readonly yearValues: number[] = [];
  // Postings share a few thousand (role, level, years asked) combinations at most: scoring reads one
  // per-search score per combination instead of three fields per posting.
  private readonly kindCodes = new Map<string, number>();
  private readonly kindOf: { role: number; level: number; asked: number }[] = [];
  private counted: { total: number; df: Map<string, number> } | undefined;
  // Appended rows, as plain arrays; `seal` turns them into the typed arrays `top` reads.
  private pending = {
    kinds: [] as number[],
    countries: [] as number[],
    remote: [] as number[],
    pay: [] as number[],
    skills: [] as number[],
    starts: [] as number[],
  };
  private sealed = {
    /** Per posting, its kind: the code of its role, level and years asked together (kindOf). */
    kinds: new Int32Array(0),
    countries: new Int16Array(0),
    remote: new Int8Array(0),
    pay: new Float64Array(0),
    /** Skills of posting i are skills[start[i] .. start[i+1]); k+1 for a required skill k, -(k+1) for a preferred one. */
    skills: new Int32Array(0),
    starts: new Int32Array([0]),
    idf: new Float64Array(0),
    /** Per posting, 1 / (the IDF weight of its required skills + the prior), and of its preferred ones. */
    invRequired: new Float64Array(0),
    invPreferred: new Float64Array(0),
    /** Postings asking for skill k: byPosting[bySkill[k] .. bySkill[k+1]), as 2i+1 if required, 2i if preferred. */
    bySkill: new Int32Array([0]),
    byPosting: new Int32Array(0),
  };
  // Per-search scratch, reused: searches run one at a time on the event loop.
  /** The IDF weight of the person's skills each posting asks for: [2i] preferred, [2i + 1] required (byPosting's entries). */
  private got = new Float64Array(0);
  /** Per kind, everything but the skills for the current search. */
  private kindScore = new Float64Array(0);

  get size(): number {
    return this.ids.length;
  }

  /** Adds postings not indexed yet; one already in is skipped, so re-reading an overlap is harmless. */
  add(postings: IndexablePosting[]): void {
    const p = this.pending;
    for (const x of postings) {
      if (this.at.has(x.id)) continue;
      this.at.set(x.id, this.ids.length);
      this.ids.push(x.id);
      const role = x.role_id ? code(this.roleIds, x.role_id, this.roleNames) : -1;
      const level = x.seniority ? LEVELS.indexOf(x.seniority as Seniority) : -1;
      const asked = x.min_years === null ? -1 : code(this.yearCodes, x.min_years, this.yearValues);
      const kind = code(this.kindCodes, `${role} ${level} ${asked}`);
      if (kind === this.kindOf.length) this.kindOf.push({ role, level, asked });
      p.kinds.push(kind);
      p.countries.push(x.country ? code(this.countryIds, x.country) : -1);
      p.remote.push(x.remote === null ? -1 : x.remote ? 1 : 0);
      // In US dollars, so one floor serves every currency: the top of a rupee range had passed a
      // floor of 100,000 as if it were dollars, and a yen range too.
      const usd = x.salary_currency === null ? null : this.usdPer(x.salary_currency);
      p.pay.push(x.salary_period === "year" && x.salary_max !== null && usd !== null ? x.salary_max * usd : Number.NaN);
      // With no section saying what is required, every skill counts as required (as in rankPostings).
      const required = new Set(x.required_skills.length > 0 ? x.required_skills : x.skills);
      for (const name of x.skills) {
        const k = code(this.skillIds, name, this.skillNames);
        this.df[k] = (this.df[k] ?? 0) + 1;
        p.skills.push(required.has(name) ? k + 1 : -(k + 1));
      }
      p.starts.push(p.skills.length);
    }
  }

  /** How many indexed postings ask for each skill, for rarity (kept until postings are added; do not change it). */
  frequencies(): { total: number; df: Map<string, number> } {
    if (this.counted?.total !== this.size) {
      this.counted = { total: this.size, df: new Map(this.skillNames.map((s, k) => [s, this.df[k] ?? 0])) };
    }
    return this.counted;
  }

  /**
   * The ids of the `limit` best postings for the profile, best first, scored exactly as
   * rankPostings scores them. Without a text query only postings sharing a skill with the profile
   * are considered (a person with no skill in common has no evidence of fit).
   */
  top(
    profile: Profile,
    options: { fitRoles: string[]; limit: number; filter?: IndexFilter; credit?: SkillCredit },
  ): string[] {
    const { kinds, countries, remote, pay, idf, invRequired, invPreferred, bySkill, byPosting } = this.seal();
    const f = options.filter ?? {};
    const total = this.size;
    if (this.got.length !== 2 * total) this.got = new Float64Array(2 * total);
    else this.got.fill(0);
    const got = this.got;
    // Only the person's skills and those credited in part (skills theirs build on, close
    // alternatives) are walked, through the postings that ask for each: the work is the postings
    // of those skills, not every skill of every posting.
    const mine = new Map<number, number>();
    for (const [id, { credit }] of options.credit ?? skillCredit(profile)) {
      const k = this.skillIds.get(id);
      if (k !== undefined) mine.set(k, credit);
    }
    for (const [k, credit] of mine) {
      // Times 1 leaves a weight as it is, so a profile without alternatives scores bit for bit as before.
      const w = (idf[k] as number) * credit;
      const end = bySkill[k + 1] as number;
      for (let j = bySkill[k] as number; j < end; j++) {
        const entry = byPosting[j] as number;
        got[entry] = (got[entry] as number) + w;
      }
    }
    // A filter on an unknown role or country matches nothing; -2 never equals a stored code.
    const roleFilter = f.roleId === undefined ? -1 : (this.roleIds.get(f.roleId) ?? -2);
    const countryFilter = f.country === undefined ? -1 : (this.countryIds.get(f.country.toUpperCase()) ?? -2);
    const minSalary = f.minSalary ?? Number.NEGATIVE_INFINITY;
    const level = LEVELS.indexOf(levelOf(profile.years));
    const base = PRIOR_SHARE * rankPrior(total);
    const { required: wRequired, preferred: wPreferred } = RANK_WEIGHTS;
    // Everything but the skills, per kind, once per search; a kind the role filter excludes scores -Infinity.
    // A role listed twice keeps its first rank, as rankPostings's indexOf does.
    const fitRank = new Map<number | undefined, number>();
    for (const [i, r] of options.fitRoles.slice(0, 5).entries())
      if (!fitRank.has(this.roleIds.get(r))) fitRank.set(this.roleIds.get(r), i);
    // A plain loop into reused scratch: Float64Array.from with a mapping function was a tenth of a search.
    if (this.kindScore.length !== this.kindOf.length) this.kindScore = new Float64Array(this.kindOf.length);
    const kindScore = this.kindScore;
    for (let k = 0; k < this.kindOf.length; k++) {
      const { role, level: at, asked } = this.kindOf[k] as { role: number; level: number; asked: number };
      kindScore[k] =
        roleFilter !== -1 && role !== roleFilter
          ? Number.NEGATIVE_INFINITY
          : contextScore(
              roleWeight(fitRank.get(role) ?? -1),
              at,
              level,
              asked < 0 ? Number.NaN : (this.yearValues[asked] as number),
              profile.years,
            );
    }
    const anyShared = profile.skills.length > 0 && !f.ids;
    const remoteOnly = f.remote === true;
    const paidOnly = f.minSalary !== undefined;
    const idFilter = f.ids;
    const limit = Math.max(1, options.limit);
    const bestIndex = new Int32Array(limit);
    const bestScore = new Float64Array(limit).fill(Number.NEGATIVE_INFINITY);
    let floor = Number.NEGATIVE_INFINITY;
    let found = 0;
    for (let i = 0; i < total; i++) {
      const gotR = got[2 * i + 1] as number;
      const gotP = got[2 * i] as number;
      // IDF weights are positive, so a posting sharing no skill has nothing accumulated.
      if (anyShared && gotR === 0 && gotP === 0) continue;
      if (remoteOnly && remote[i] !== 1) continue;
      if (countryFilter !== -1 && countries[i] !== countryFilter) continue;
      if (paidOnly && !((pay[i] as number) >= minSalary)) continue;
      if (idFilter && !idFilter.has(this.ids[i] as string)) continue;
      // rankScore's formula, unrolled (the test holds the two equal).
      const score =
        wRequired * (gotR + base) * (invRequired[i] as number) +
        wPreferred * (gotP + base) * (invPreferred[i] as number) +
        (kindScore[kinds[i] as number] as number);
      if (score <= floor) continue;
      // Insertion into the small sorted list of the best so far.
      let at = Math.min(found, limit - 1);
      while (at > 0 && (bestScore[at - 1] as number) < score) {
        bestScore[at] = bestScore[at - 1] as number;
        bestIndex[at] = bestIndex[at - 1] as number;
        at--;
      }
      bestScore[at] = score;
      bestIndex[at] = i;
      found = Math.min(limit, found + 1);
      floor = bestScore[limit - 1] as number;
    }
    return Array.from(bestIndex.subarray(0, found), (i) => this.ids[i] as string);
  }

  /**
   * What the index holds of a posting that rankPostings scores, as names, so a search reads only
   * what it shows from the store. Skills with no required section are all required, as in `add`.
   */
  scored(id: string): Omit<RankablePosting, keyof PostingCard> | undefined {
    const i = this.at.get(id);
    if (i === undefined) return undefined;
    const { kinds, skills, starts } = this.seal();
    const { role, level, asked } = this.kindOf[kinds[i] as number] as { role: number; level: number; asked: number };
    const names: string[] = [];
    const required: string[] = [];
    for (let j = starts[i] as number; j < (starts[i + 1] as number); j++) {
      const entry = skills[j] as number;
      const name = this.skillNames[Math.abs(entry) - 1] as string;
      names.push(name);
      if (entry > 0) required.push(name);
    }
    return {
      role_id: role < 0 ? null : (this.roleNames[role] as string),
      seniority: level < 0 ? null : (LEVELS[level] as Seniority),
      min_years: asked < 0 ? null : (this.yearValues[asked] as number),
      skills: names,
      // Every skill required reads as no section, which rankPostings scores the same way without
      // building a set of the required ones to find the preferred.
      required_skills: required.length === names.length ? [] : required,
    };
  }

  /** The typed arrays with every added posting in them, rebuilt only when postings were added. */
  private seal() {
    const p = this.pending;
    if (p.kinds.length === 0) return this.sealed;
    const s = this.sealed;
    const offset = s.skills.length;
    const grow = <T extends Int8Array | Int16Array | Int32Array | Float64Array>(old: T, extra: number[]): T => {
      const next = new (old.constructor as new (n: number) => T)(old.length + extra.length);
      next.set(old);
      next.set(extra, old.length);
      return next;
    };
    const skills = grow(s.skills, p.skills);
    const starts = grow(
      s.starts,
      p.starts.map((x) => x + offset),
    );
    const total = this.size;
    // Rarity changes with every posting added, so the weights and the lists per skill are rebuilt.
    const idf = Float64Array.from(this.df, (d) => Math.log(1 + total / (1 + d)));
    const requiredWeight = new Float64Array(total);
    const preferredWeight = new Float64Array(total);
    const bySkill = new Int32Array(this.skillNames.length + 1);
    for (const entry of skills) {
      const slot = (entry > 0 ? entry - 1 : -entry - 1) + 1;
      bySkill[slot] = (bySkill[slot] as number) + 1;
    }
    for (let k = 0; k < this.skillNames.length; k++)
      bySkill[k + 1] = (bySkill[k + 1] as number) + (bySkill[k] as number);
    const fill = bySkill.slice(0, -1);
    const byPosting = new Int32Array(skills.length);
    for (let i = 0; i < total; i++) {
      for (let j = starts[i] as number; j < (starts[i + 1] as number); j++) {
        const entry = skills[j] as number;
        const k = entry > 0 ? entry - 1 : -entry - 1;
        if (entry > 0) requiredWeight[i] = (requiredWeight[i] as number) + (idf[k] as number);
        else preferredWeight[i] = (preferredWeight[i] as number) + (idf[k] as number);
        const at = fill[k] as number;
        byPosting[at] = 2 * i + (entry > 0 ? 1 : 0);
        fill[k] = at + 1;
      }
    }
    const prior = rankPrior(total);
    const invRequired = requiredWeight.map((w) => 1 / (w + prior));
    const invPreferred = preferredWeight.map((w) => 1 / (w + prior));
    this.sealed = {
      kinds: grow(s.kinds, p.kinds),
      countries: grow(s.countries, p.countries),
      remote: grow(s.remote, p.remote),
      pay: grow(s.pay, p.pay),
      skills,
      starts,
      idf,
      invRequired,
      invPreferred,
      bySkill,
      byPosting,
    };
    this.pending = { kinds: [], countries: [], remote: [], pay: [], skills: [], starts: [] };
    return this.sealed;
  }
}

/** The small integer standing for a key, assigned on first sight (and the key appended to `keys`). */
function code<K>(codes: Map<K, number>, key: K, keys?: K[]): number {
  let k = codes.get(key);
  if (k === undefined) {
    k = codes.size;
    codes.set(key, k);
    keys?.push(key);
  }
  return k;
}
