import type { Profile } from "../documents/profile.js";
import type { UsdPer } from "../market/exchange.js";
import type { IndexablePosting, PostingRepository } from "../store/postings.js";
import { skillCredit } from "./fit.js";
import { type PackNames, type RankablePosting, type RankedPosting, rankPostings } from "./rank.js";
import { type IndexFilter, RankIndex } from "./rank-index.js";
import type { SkillGraph } from "./skill-graph.js";

/** What a search needs of the skill graph to credit skills the person partly has. */
type CreditGraph = Pick<SkillGraph, "ancestors" | "alternatives">;

export interface SearchOptions {
  fitRoles: string[];
  top: number;
  filter?: Omit<IndexFilter, "ids"> & { query?: string };
}

/**
 * Postings stored after a posting already indexed but committed before it (two writers at once)
 * would be missed by "seq after the last one seen"; re-reading this many insertion numbers back
 * whenever something is new catches them; the index skips the postings it already holds.
 */
const LATE_COMMIT_WINDOW = 2000;
/** Text queries whose matching postings are kept, most recent first out last. */
const QUERY_CACHE = 16;

/**
 * Ranked search over the stored postings, holding an in-memory RankIndex for its life: the index
 * scores every unique posting for the profile, and only the best few are read back in full and
 * explained by rankPostings with the same formula. Before each search one cheap query tells
 * whether postings were stored since; only those are loaded.
 */
export function createPostingSearch(
  repo: Pick<PostingRepository, "lastSeq" | "indexRows" | "byIds" | "matchingIds">,
  options: {
    page?: number;
    /**
     * How old (ms) a check of the store for new postings may be and still serve a search. 0, the
     * default, checks before every search; a server under load shares one check between the
     * searches of that moment instead of queueing a round trip per search behind the last.
     */
    freshMs?: number;
    /** US dollars per unit of a currency, for the salary floor (`usdPerUnit` of the pack's rates). */
    usdPer?: UsdPer;
    /** Names for the skills and roles a result shows; without them, ids stand in. */
    names?: PackNames;
    /** The skill graph: a skill the person's skills build on, or a close alternative of theirs, earns part of its weight. */
    graph?: CreditGraph;
  } = {},
) {
  const index = new RankIndex(options.usdPer);
  const { names, graph } = options;
  // Rows are read in pages: one result of a million rows holds gigabytes of objects at once.
  const page = Math.max(1, options.page ?? 50_000);
  // The store's highest insertion number when it was last read: reposts are stored but not
  // indexed, so the index's own highest number can stay below it.
  let seen = 0;
  let refreshing: Promise<void> = Promise.resolve();
  const freshMs = Math.max(0, options.freshMs ?? 0);
  let checkedAt = Number.NEGATIVE_INFINITY;
  let failed = false;
  const refresh = () => {
    if (freshMs > 0 && !failed && performance.now() - checkedAt < freshMs) return refreshing;
    checkedAt = performance.now();
    // One refresh at a time, so `seen` moves in order. A failed refresh fails its own search
    // only; the next one tries again.
    refreshing = refreshing
      .catch(() => {})
      .then(async () => {
        const latest = await repo.lastSeq();
        if (latest <= seen) return;
        let from = seen === 0 ? 0 : Math.max(0, seen - LATE_COMMIT_WINDOW);
        for (;;) {
          const rows = await repo.indexRows(from, page);
          index.add(rows);
          if (rows.length < page) break;
          from = (rows.at(-1) as IndexablePosting).seq;
        }
        seen = latest;
      });
    failed = false;
    refreshing.catch(() => {
      failed = true;
    });
    return refreshing;
  };

  // A broad query ("python") matches most postings, and reading their ids is the slow part of a
  // text search; a person refining filters repeats the same words, so the last few are kept until
  // the store changes.
  const queries = new Map<string, { seen: number; ids: Set<string> }>();
  const matching = async (query: string) => {
    const hit = queries.get(query);
    if (hit && hit.seen === seen) return hit.ids;
    const ids = new Set(await repo.matchingIds(query));
    queries.delete(query);
    queries.set(query, { seen, ids });
    if (queries.size > QUERY_CACHE) queries.delete(queries.keys().next().value as string);
    return ids;
  };

  return {
    /** `total` is how many unique postings the store holds, so callers can say it is empty. */
    async search(profile: Profile, options: SearchOptions): Promise<{ total: number; results: RankedPosting[] }> {
      await refresh();
      const { query, ...filter } = options.filter ?? {};
      const ids = query ? await matching(query) : undefined;
      const fitRoles = options.fitRoles.slice(0, 5);
      const credit = skillCredit(profile, graph);
      // A margin past `top`: rankPostings rounds scores, which may reorder near-equal neighbours.
      const best = index.top(profile, {
        fitRoles,
        credit,
        limit: options.top + 20,
        filter: { ...filter, ...(ids ? { ids } : {}) },
      });
      // The index holds everything a score needs, so the candidates are ranked first and only the
      // postings shown are read from the store (each row read costs, PGlite's most). A posting
      // closed since it was indexed is not shown: the next best takes its place, as when every
      // candidate was read first.
      const rows: RankablePosting[] = [];
      for (const id of best) {
        const s = index.scored(id);
        // One literal of one shape: spreading the index's part into a new object cost more than
        // scoring it. The card's fields are filled from the store below; ranking does not read them.
        if (s) {
          rows.push({
            id,
            title: "",
            company: null,
            location: null,
            url: null,
            role_id: s.role_id,
            seniority: s.seniority,
            min_years: s.min_years,
            skills: s.skills,
            required_skills: s.required_skills,
          });
        }
      }
      const { df, total } = index.frequencies();
      const ranked = rankPostings(profile, rows, {
        df,
        total,
        fitRoles,
        top: rows.length,
        credit,
        ...(names && { names }),
      });
      const results: RankedPosting[] = [];
      // At most two reads: the best `top`, then, when some of them closed, the rest of the margin.
      for (let from = 0; results.length < options.top && from < ranked.length; ) {
        const next = ranked.slice(from, from === 0 ? options.top : ranked.length);
        from += next.length;
        const cards = new Map((await repo.byIds(next.map((r) => r.posting.id))).map((card) => [card.id, card]));
        for (const r of next) {
          const card = cards.get(r.posting.id);
          if (card && results.length < options.top) {
            const { id, title, company, location, url, salary, posted } = card;
            results.push({ ...r, posting: { id, title, company, location, url, salary, posted } });
          }
        }
      }
      return { total, results };
    },
  };
}
export type PostingSearch = ReturnType<typeof createPostingSearch>;

/** A one-off search (the CLI): builds the index, searches once. */
export function searchPostings(
  repo: Parameters<typeof createPostingSearch>[0],
  profile: Profile,
  options: SearchOptions & {
    usdPer?: UsdPer;
    names?: PackNames;
    graph?: CreditGraph;
  },
): Promise<{ total: number; results: RankedPosting[] }> {
  const { usdPer, names, graph, ...search } = options;
  return createPostingSearch(repo, {
    ...(usdPer && { usdPer }),
    ...(names && { names }),
    ...(graph && { graph }),
  }).search(profile, search);
}
