import type { Profile } from "../documents/profile.js";
import type { Seniority } from "../knowledge/schema.js";
import type { IndexablePosting } from "../store/postings.js";
import { LEVELS, levelOf, rankPrior, rankScore, roleWeight } from "./rank.js";

export interface IndexFilter {
  roleId?: string;
  remote?: boolean;
  country?: string;
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
  private readonly skillIds = new Map<string, number>();
  private skillNames: string[] = [];
  private df: number[] = [];
  private ids: string[] = [];
  private readonly known = new Set<string>();
  private readonly roleIds = new Map<string, number>();
  private readonly countryIds = new Map<string, number>();
  // Appended rows, as plain arrays; `seal` turns them into the typed arrays `top` reads.
  private pending = {
    roles: [] as number[],
    levels: [] as number[],
    years: [] as number[],
    countries: [] as number[],
    remote: [] as number[],
    pay: [] as number[],
    skills: [] as number[],
    starts: [] as number[],
  };
  private sealed = {
    roles: new Int16Array(0),
    levels: new Int8Array(0),
    years: new Float64Array(0),
    countries: new Int16Array(0),
    remote: new Int8Array(0),
    pay: new Float64Array(0),
    /** Skills of posting i are skills[start[i] .. start[i+1]); k+1 for a required skill k, -(k+1) for a preferred one. */
    skills: new Int32Array(0),
    starts: new Int32Array([0]),
    idf: new Float64Array(0),
    /** Per posting, the IDF weight of its required and of its preferred skills. */
    requiredWeight: new Float64Array(0),
    preferredWeight: new Float64Array(0),
    /** Postings asking for skill k: byPosting[bySkill[k] .. bySkill[k+1]), as 2i+1 if required, 2i if preferred. */
    bySkill: new Int32Array([0]),
    byPosting: new Int32Array(0),
  };
  // Per-search scratch, reused: searches run one at a time on the event loop.
  private gotRequired = new Float64Array(0);
  private gotPreferred = new Float64Array(0);
  private shared = new Uint8Array(0);

  get size(): number {
    return this.ids.length;
  }

  /** Adds postings not indexed yet; one already in is skipped, so re-reading an overlap is harmless. */
  add(postings: IndexablePosting[]): void {
    const p = this.pending;
    for (const x of postings) {
      if (this.known.has(x.id)) continue;
      this.known.add(x.id);
      this.ids.push(x.id);
      p.roles.push(x.role_id ? code(this.roleIds, x.role_id) : -1);
      p.levels.push(x.seniority ? LEVELS.indexOf(x.seniority as Seniority) : -1);
      p.years.push(x.min_years ?? Number.NaN);
      p.countries.push(x.country ? code(this.countryIds, x.country) : -1);
      p.remote.push(x.remote === null ? -1 : x.remote ? 1 : 0);
      p.pay.push(x.salary_period === "year" && x.salary_max !== null ? x.salary_max : Number.NaN);
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

  /** How many indexed postings ask for each skill, for rarity. */
  frequencies(): { total: number; df: Map<string, number> } {
    return { total: this.size, df: new Map(this.skillNames.map((s, k) => [s, this.df[k] ?? 0])) };
  }

  /**
   * The ids of the `limit` best postings for the profile, best first, scored exactly as
   * rankPostings scores them. Without a text query only postings sharing a skill with the profile
   * are considered (a person with no skill in common has no evidence of fit).
   */
  top(profile: Profile, options: { fitRoles: string[]; limit: number; filter?: IndexFilter }): string[] {
    const { roles, levels, years, countries, remote, pay, idf, requiredWeight, preferredWeight, bySkill, byPosting } =
      this.seal();
    const f = options.filter ?? {};
    const total = this.size;
    if (this.shared.length !== total) {
      this.gotRequired = new Float64Array(total);
      this.gotPreferred = new Float64Array(total);
      this.shared = new Uint8Array(total);
    } else {
      this.gotRequired.fill(0);
      this.gotPreferred.fill(0);
      this.shared.fill(0);
    }
    const { gotRequired, gotPreferred, shared } = this;
    // Only the person's skills are walked, through the postings that ask for each: the work is
    // the postings of those skills, not every skill of every posting.
    const mine = new Set<number>();
    for (const s of profile.skills) {
      const k = this.skillIds.get(s.id);
      if (k !== undefined) mine.add(k);
    }
    for (const k of mine) {
      const w = idf[k] as number;
      const end = bySkill[k + 1] as number;
      for (let j = bySkill[k] as number; j < end; j++) {
        const entry = byPosting[j] as number;
        const i = entry >> 1;
        if (entry & 1) gotRequired[i] = (gotRequired[i] as number) + w;
        else gotPreferred[i] = (gotPreferred[i] as number) + w;
        shared[i] = 1;
      }
    }
    const roleWeights = new Float64Array(this.roleIds.size);
    for (const [i, r] of options.fitRoles.slice(0, 5).entries()) {
      const c = this.roleIds.get(r);
      if (c !== undefined) roleWeights[c] = roleWeight(i);
    }
    // A filter on an unknown role or country matches nothing; -2 never equals a stored code.
    const roleFilter = f.roleId === undefined ? -1 : (this.roleIds.get(f.roleId) ?? -2);
    const countryFilter = f.country === undefined ? -1 : (this.countryIds.get(f.country.toUpperCase()) ?? -2);
    const minSalary = f.minSalary ?? Number.NEGATIVE_INFINITY;
    const level = LEVELS.indexOf(levelOf(profile.years));
    const prior = rankPrior(total);
    const anyShared = profile.skills.length > 0 && !f.ids;
    const limit = Math.max(1, options.limit);
    const bestIndex = new Int32Array(limit);
    const bestScore = new Float64Array(limit).fill(Number.NEGATIVE_INFINITY);
    let found = 0;
    for (let i = 0; i < total; i++) {
      if (anyShared && shared[i] === 0) continue;
      if (roleFilter !== -1 && roles[i] !== roleFilter) continue;
      if (f.remote && remote[i] !== 1) continue;
      if (countryFilter !== -1 && countries[i] !== countryFilter) continue;
      if (f.minSalary !== undefined && !((pay[i] as number) >= minSalary)) continue;
      if (f.ids && !f.ids.has(this.ids[i] as string)) continue;
      const role = roles[i] as number;
      const score = rankScore(
        prior,
        gotRequired[i] as number,
        requiredWeight[i] as number,
        gotPreferred[i] as number,
        preferredWeight[i] as number,
        role < 0 ? 0 : (roleWeights[role] as number),
        levels[i] as number,
        level,
        years[i] as number,
        profile.years,
      );
      if (score <= (bestScore[limit - 1] as number)) continue;
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
    }
    return Array.from(bestIndex.subarray(0, found), (i) => this.ids[i] as string);
  }

  /** The typed arrays with every added posting in them, rebuilt only when postings were added. */
  private seal() {
    const p = this.pending;
    if (p.roles.length === 0) return this.sealed;
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
    this.sealed = {
      roles: grow(s.roles, p.roles),
      levels: grow(s.levels, p.levels),
      years: grow(s.years, p.years),
      countries: grow(s.countries, p.countries),
      remote: grow(s.remote, p.remote),
      pay: grow(s.pay, p.pay),
      skills,
      starts,
      idf,
      requiredWeight,
      preferredWeight,
      bySkill,
      byPosting,
    };
    this.pending = { roles: [], levels: [], years: [], countries: [], remote: [], pay: [], skills: [], starts: [] };
    return this.sealed;
  }
}

/** The small integer standing for a name, assigned on first sight. */
function code(codes: Map<string, number>, name: string, names?: string[]): number {
  let k = codes.get(name);
  if (k === undefined) {
    k = codes.size;
    codes.set(name, k);
    names?.push(name);
  }
  return k;
}
