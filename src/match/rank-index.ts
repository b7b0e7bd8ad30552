import type { Profile } from "../documents/profile.js";
import type { Seniority } from "../knowledge/schema.js";
import type { IndexablePosting } from "../store/postings.js";
import { LEVELS, levelOf, rankScore, roleWeight } from "./rank.js";

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
 * flat arrays: scoring 100k postings for a profile is then one pass over typed arrays (a few
 * milliseconds) instead of a query that returns thousands of rows. Document frequencies for skill
 * rarity come from the same arrays. Postings are appended as they are stored (`add`).
 */
export class RankIndex {
  private readonly skillIds = new Map<string, number>();
  private skillNames: string[] = [];
  private df: number[] = [];
  private ids: string[] = [];
  private roles: (string | null)[] = [];
  private levels: number[] = [];
  private years: number[] = [];
  private countries: (string | null)[] = [];
  private remote: (boolean | null)[] = [];
  private yearlyMax: number[] = [];
  /** Skills of posting i are skills[start[i] .. start[i+1]); negative entries are preferred ones. */
  private skills: number[] = [];
  private start: number[] = [0];
  /** The highest `seq` added: the store is asked only for postings after it. */
  lastSeq = 0;

  get size(): number {
    return this.ids.length;
  }

  add(postings: IndexablePosting[]): void {
    for (const p of postings) {
      this.lastSeq = Math.max(this.lastSeq, p.seq);
      this.ids.push(p.id);
      this.roles.push(p.role_id);
      this.levels.push(p.seniority ? LEVELS.indexOf(p.seniority as Seniority) : -1);
      this.years.push(p.min_years ?? Number.NaN);
      this.countries.push(p.country);
      this.remote.push(p.remote);
      this.yearlyMax.push(p.salary_period === "year" && p.salary_max !== null ? p.salary_max : Number.NaN);
      // With no section saying what is required, every skill counts as required (as in rankPostings).
      const required = new Set(p.required_skills.length > 0 ? p.required_skills : p.skills);
      for (const name of p.skills) {
        const k = this.skillId(name);
        this.df[k] = (this.df[k] ?? 0) + 1;
        this.skills.push(required.has(name) ? k + 1 : -(k + 1));
      }
      this.start.push(this.skills.length);
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
    const f = options.filter ?? {};
    const total = this.size;
    const idf = this.df.map((d) => Math.log(1 + total / (1 + d)));
    const has = new Uint8Array(this.skillNames.length);
    for (const s of profile.skills) {
      const k = this.skillIds.get(s.id);
      if (k !== undefined) has[k] = 1;
    }
    const roleWeights = new Map(options.fitRoles.slice(0, 5).map((r, i) => [r, roleWeight(i)]));
    const level = LEVELS.indexOf(levelOf(profile.years));
    const country = f.country?.toUpperCase();
    const anyShared = profile.skills.length > 0 && !f.ids;
    const best: { i: number; score: number }[] = [];
    for (let i = 0; i < total; i++) {
      if (f.roleId !== undefined && this.roles[i] !== f.roleId) continue;
      if (f.remote && this.remote[i] !== true) continue;
      if (country !== undefined && this.countries[i] !== country) continue;
      if (f.minSalary !== undefined && !((this.yearlyMax[i] as number) >= f.minSalary)) continue;
      if (f.ids && !f.ids.has(this.ids[i] as string)) continue;
      let gotRequired = 0;
      let required = 0;
      let gotPreferred = 0;
      let preferred = 0;
      let shared = false;
      for (let j = this.start[i] as number; j < (this.start[i + 1] as number); j++) {
        const entry = this.skills[j] as number;
        const k = Math.abs(entry) - 1;
        const w = idf[k] as number;
        const got = has[k] === 1;
        shared ||= got;
        if (entry > 0) {
          required += w;
          if (got) gotRequired += w;
        } else {
          preferred += w;
          if (got) gotPreferred += w;
        }
      }
      if (anyShared && !shared) continue;
      const role = this.roles[i];
      const years = this.years[i] as number;
      const score = rankScore({
        total,
        gotRequired,
        required,
        gotPreferred,
        preferred,
        role: role ? (roleWeights.get(role) ?? 0) : 0,
        postingLevel: this.levels[i] as number,
        level,
        minYears: Number.isNaN(years) ? null : years,
        years: profile.years,
      });
      if (best.length < options.limit || score > (best[best.length - 1] as { score: number }).score) {
        let at = best.length;
        while (at > 0 && (best[at - 1] as { score: number }).score < score) at--;
        best.splice(at, 0, { i, score });
        if (best.length > options.limit) best.pop();
      }
    }
    return best.map((b) => this.ids[b.i] as string);
  }

  private skillId(name: string): number {
    let k = this.skillIds.get(name);
    if (k === undefined) {
      k = this.skillNames.length;
      this.skillIds.set(name, k);
      this.skillNames.push(name);
    }
    return k;
  }
}
