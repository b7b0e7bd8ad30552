import type { Profile } from "../documents/profile.js";
import type { PostingRepository } from "../store/postings.js";
import { type RankedPosting, rankPostings } from "./rank.js";
import { type IndexFilter, RankIndex } from "./rank-index.js";

export interface SearchOptions {
  fitRoles: string[];
  top: number;
  filter?: Omit<IndexFilter, "ids"> & { query?: string };
}

/**
 * Postings stored after a posting already indexed but committed before it (two writers at once)
 * would be missed by "seq after the last one seen"; re-reading this many insertion numbers back
 * whenever something is new catches them, and the ids already indexed are skipped.
 */
const LATE_COMMIT_WINDOW = 2000;

/**
 * Ranked search over the stored postings, holding an in-memory RankIndex for its life: the index
 * scores every unique posting for the profile, and only the best few are read back in full and
 * explained by rankPostings with the same formula. Before each search one cheap query tells
 * whether postings were stored since; only those are loaded.
 */
export function createPostingSearch(repo: Pick<PostingRepository, "lastSeq" | "indexRows" | "byIds" | "matchingIds">) {
  const index = new RankIndex();
  const known = new Set<string>();
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = () => {
    // One refresh at a time: two searches at once must not add the same postings twice.
    refreshing = refreshing.then(async () => {
      if ((await repo.lastSeq()) <= index.lastSeq) return;
      const rows = await repo.indexRows(index.size === 0 ? 0 : Math.max(0, index.lastSeq - LATE_COMMIT_WINDOW));
      const fresh = rows.filter((r) => !known.has(r.id));
      for (const r of fresh) known.add(r.id);
      index.add(fresh);
    });
    return refreshing;
  };

  return {
    /** `total` is how many unique postings the store holds, so callers can say it is empty. */
    async search(profile: Profile, options: SearchOptions): Promise<{ total: number; results: RankedPosting[] }> {
      await refresh();
      const { query, ...filter } = options.filter ?? {};
      const ids = query ? new Set(await repo.matchingIds(query)) : undefined;
      const fitRoles = options.fitRoles.slice(0, 5);
      // A margin past `top`: rankPostings rounds scores, which may reorder near-equal neighbours.
      const best = index.top(profile, {
        fitRoles,
        limit: options.top + 20,
        filter: { ...filter, ...(ids ? { ids } : {}) },
      });
      const rows = await repo.byIds(best);
      const { df, total } = index.frequencies();
      return { total, results: rankPostings(profile, rows, { df, total, fitRoles, top: options.top }) };
    },
  };
}
export type PostingSearch = ReturnType<typeof createPostingSearch>;

/** A one-off search (the CLI): builds the index, searches once. */
export function searchPostings(
  repo: Parameters<typeof createPostingSearch>[0],
  profile: Profile,
  options: SearchOptions,
): Promise<{ total: number; results: RankedPosting[] }> {
  return createPostingSearch(repo).search(profile, options);
}
