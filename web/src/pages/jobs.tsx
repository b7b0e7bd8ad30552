import { type FormEvent, useEffect, useRef, useState } from "react";
import { call, client } from "../api.js";
import { payRange, safeUrl } from "../format.js";
import { type Filters, filtered } from "../job-filters.js";
import { profileKey, useProfile } from "../profile.js";
import { useLocation } from "../router.js";
import { Chip, ErrorNote, FocusedErrorNote, Loading, NeedProfile, PageHeader, RoleSelect, ScoreBar } from "../ui.js";
import { useApi } from "../use-api.js";

/** How many postings a search shows at first, and how many more each "Show more" adds. */
const PAGE = 20;
/** The most the API ranks in one search (`top`). */
const MOST = 200;

export function JobsPage() {
  const { profile } = useProfile();
  const { query } = useLocation();
  const roles = useApi("roles", () => call(client.api.roles.$get()));
  const [draft, setDraft] = useState<Filters>(() => ({
    role: query.get("role") ?? "",
    remote: false,
    country: "",
    minSalary: "",
    query: "",
  }));
  const [filters, setFilters] = useState(draft);
  // Ranking is cheap and each search is ranked afresh, so more results are the same search with a larger top.
  const [top, setTop] = useState(PAGE);
  const results = useApi(profile ? `jobs:${JSON.stringify(filters)}:${top}:${profileKey(profile)}` : null, () =>
    call(
      client.api.jobs.search.$post({
        json: {
          profile: profile as NonNullable<typeof profile>,
          top,
          ...(filters.role ? { role: filters.role } : {}),
          ...(filters.remote ? { remote: true } : {}),
          ...(filters.country.trim() ? { country: filters.country.trim() } : {}),
          ...(filters.minSalary ? { minSalary: Number(filters.minSalary) } : {}),
          ...(filters.query.trim() ? { query: filters.query.trim() } : {}),
        },
      }),
    ),
  );
  // After "Show more", focus goes to the first posting added: the button is disabled while ranking and
  // gone after the last page, and focus had fallen to the top of the page, 20 postings back.
  // The answer shown when asked stays until the larger one arrives, or after asking failed; while it is set,
  // more are on the way or to be asked for again.
  const [shownFrom, setShownFrom] = useState<{ index: number; before: typeof results.data } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!shownFrom || results.loading || results.data === shownFrom.before || !results.data?.length) return;
    const items = list.current?.querySelectorAll<HTMLElement>(":scope > li");
    items?.[Math.min(shownFrom.index, items.length - 1)]?.focus();
    setShownFrom(null);
  }, [shownFrom, results.loading, results.data]);
  if (!profile) return <NeedProfile what="Ranking postings" />;
  // A failed "Show more" keeps the postings shown and its button, to try again; both had gone until the next search.
  const failedMore = shownFrom !== null && results.error !== undefined;
  const postings = results.data ?? shownFrom?.before;
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilters(draft);
    setTop(PAGE);
    setShownFrom(null);
  };

  return (
    <>
      <PageHeader title="Postings ranked for you">
        The postings in this server's store, best first: how many of their skills you have (rare ones count more),
        whether the role fits you, and how far the level and years asked are from yours.
      </PageHeader>
      <form className="card toolbar filters" onSubmit={submit} aria-label="Filters">
        <RoleSelect roles={roles.data} value={draft.role} onChange={(id) => set("role", id)} blank="Any role" />
        <label>
          Words
          <input
            type="search"
            value={draft.query}
            onChange={(e) => set("query", e.target.value)}
            placeholder="e.g. computer vision"
          />
        </label>
        <label>
          Country
          <input
            value={draft.country}
            onChange={(e) => set("country", e.target.value)}
            placeholder="US"
            maxLength={2}
            size={3}
          />
        </label>
        <label>
          Min. yearly salary
          <input
            type="number"
            min={0}
            // Any amount: with a step of 5000 the browser refused to search for 72500.
            step="any"
            value={draft.minSalary}
            onChange={(e) => set("minSalary", e.target.value)}
            placeholder="any"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.remote} onChange={(e) => set("remote", e.target.checked)} />
          Remote only
        </label>
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ErrorNote error={failedMore ? undefined : results.error} title="Could not search the postings" />
      {results.loading && !postings ? <Loading label="Ranking postings" /> : null}
      {results.data && results.data.length === 0 ? (
        <div className="card empty">
          <p>
            {filtered(filters)
              ? "No stored posting matches. Loosen the filters, or add"
              : "The store holds no postings yet. Add"}{" "}
            postings to the store with <code>mlpath ingest FILE</code>.
          </p>
        </div>
      ) : null}
      {/* A full page of results had looked like every posting stored. */}
      {results.data?.length === top ? (
        <p className="muted small">
          The {top} best matches; there may be more. {top < MOST ? "Show more at the end of the list, or set" : "Set"} a
          role, words or other filters to see others.
        </p>
      ) : null}
      <ol className={`postings${results.loading ? " stale" : ""}`} ref={list}>
        {postings?.map((r) => {
          const href = safeUrl(r.posting.url);
          return (
            <li key={r.posting.id} className="card posting" tabIndex={-1}>
              <div className="posting-head">
                <div>
                  <h2>
                    {href ? (
                      <a href={href} target="_blank" rel="noreferrer">
                        {r.posting.title}
                      </a>
                    ) : (
                      r.posting.title
                    )}
                  </h2>
                  <p className="muted posting-where">
                    {[r.posting.company, r.posting.location].filter(Boolean).join(" · ")}
                  </p>
                  {r.posting.salary || r.posting.posted ? (
                    <p className="small" data-testid="posting-facts">
                      {[
                        r.posting.salary ? payRange(r.posting.salary) : "",
                        r.posting.posted ? `posted ${r.posting.posted}` : "",
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  ) : null}
                </div>
                <ScoreBar value={r.score} label={`Match for ${r.posting.title}`} />
              </div>
              <div className="skills-split">
                <div>
                  <h3 className="small">You have ({r.matched.length})</h3>
                  <div className="chips" data-testid="matched">
                    {r.matched.map((s) => (
                      <Chip key={s} tone="met">
                        ✓ {r.names[s] ?? s}
                      </Chip>
                    ))}
                  </div>
                </div>
                <div>
                  {/* Only the required skills: "Missing (0)" had stood over a posting whose preferred skills the person lacked. */}
                  <h3 className="small">Required, missing ({r.missing.length})</h3>
                  <div className="chips" data-testid="missing">
                    {r.missing.map((s) => {
                      const via = r.alternatives[s] ?? r.implied[s];
                      return via ? (
                        <Chip
                          key={s}
                          tone="partly"
                          title={
                            r.alternatives[s]
                              ? "a close alternative counts for part of it"
                              : `${r.names[via] ?? via} builds on it, which counts for part of it`
                          }
                        >
                          {r.names[s] ?? s} (you know {r.names[via] ?? via})
                        </Chip>
                      ) : (
                        <Chip key={s} tone="missing">
                          {r.names[s] ?? s}
                        </Chip>
                      );
                    })}
                  </div>
                </div>
              </div>
              {r.why.length ? (
                <ul className="why small muted">
                  {r.why.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
      {/* Past the first page there had been no way to see more than 20 postings but narrowing the search. */}
      {failedMore ? <FocusedErrorNote error={results.error} title="Could not show more postings" /> : null}
      {failedMore || (top < MOST && (results.data?.length === top || (shownFrom !== null && results.loading))) ? (
        <button
          type="button"
          className="more"
          disabled={results.loading}
          onClick={() => {
            if (failedMore) results.retry();
            else {
              setShownFrom({ index: top, before: results.data });
              setTop((t) => Math.min(MOST, t + PAGE));
            }
          }}
        >
          {results.loading
            ? "Ranking more postings..."
            : `Show ${shownFrom ? top - shownFrom.index : Math.min(PAGE, MOST - top)} more`}
        </button>
      ) : null}
    </>
  );
}
