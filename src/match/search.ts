import type { Profile } from "../documents/profile.js";
import type { PostingRepository, SearchFilter } from "../store/postings.js";
import { type RankedPosting, rankPostings } from "./rank.js";

/** Candidates fetched from the store before scoring; the skills index keeps this cheap. */
export const CANDIDATES = 5000;

/**
 * Stored postings ranked for a profile: the postings sharing a skill with it (or matching the
 * text query) pass the filters in the store, then rank in memory with skill rarity from the same
 * store. `total` is how many unique postings the store holds, so callers can say it is empty.
 */
export async function searchPostings(
  repo: Pick<PostingRepository, "skillFrequencies" | "candidates">,
  profile: Profile,
  options: { fitRoles: string[]; top: number; filter?: Omit<SearchFilter, "skills" | "limit"> },
): Promise<{ total: number; results: RankedPosting[] }> {
  const { df, total } = await repo.skillFrequencies();
  const rows = await repo.candidates({ ...options.filter, skills: profile.skills.map((s) => s.id), limit: CANDIDATES });
  return {
    total,
    results: rankPostings(profile, rows, { df, total, fitRoles: options.fitRoles.slice(0, 5), top: options.top }),
  };
}
