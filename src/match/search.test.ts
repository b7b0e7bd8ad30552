import { describe, expect, it } from "vitest";
import type { IndexablePosting, PostingCard } from "../store/postings.js";
import { createPostingSearch } from "./search.js";
import { profileWith } from "./test-profiles.js";

const posting = (i: number): IndexablePosting & PostingCard => ({
  id: `p${i}`,
  seq: i,
  title: `Data Engineer ${i}`,
  company: null,
  location: null,
  country: "US",
  remote: false,
  url: null,
  role_id: "data-engineer",
  seniority: "mid",
  min_years: null,
  salary_max: null,
  salary_period: null,
  salary_currency: null,
  skills: ["python", "sql"],
  required_skills: [],
  salary: null,
  posted: null,
});

/** A store of unique postings 1..n whose last stored row (n + 1) is a repost, so it is not indexed. */
function fakeStore(n: number) {
  const rows = Array.from({ length: n }, (_, i) => posting(i + 1));
  const calls = { indexRows: 0, matchingIds: 0, lastSeq: 0 };
  return {
    calls,
    rows,
    repo: {
      lastSeq: async () => {
        calls.lastSeq++;
        return rows.length + 1;
      },
      indexRows: async (after: number, limit = Number.POSITIVE_INFINITY) => {
        calls.indexRows++;
        return rows.filter((r) => r.seq > after).slice(0, limit);
      },
      byIds: async (ids: string[]) => rows.filter((r) => ids.includes(r.id)),
      matchingIds: async () => {
        calls.matchingIds++;
        return rows.filter((r) => r.seq % 2 === 0).map((r) => r.id);
      },
    },
  };
}

describe("createPostingSearch", () => {
  it("with freshMs, searches of one moment share one check of the store; without, each checks", async () => {
    const store = fakeStore(20);
    const profile = profileWith(["python"]);
    const shared = createPostingSearch(store.repo, { freshMs: 60_000 });
    await Promise.all(Array.from({ length: 5 }, () => shared.search(profile, { fitRoles: [], top: 3 })));
    await shared.search(profile, { fitRoles: [], top: 3 });
    expect(store.calls.lastSeq).toBe(1);
    // Within the window a posting stored since is not seen yet; that is the price of sharing.
    store.rows.push(posting(21));
    expect((await shared.search(profile, { fitRoles: [], top: 3 })).total).toBe(20);

    const eager = createPostingSearch(store.repo);
    store.calls.lastSeq = 0;
    await Promise.all(Array.from({ length: 5 }, () => eager.search(profile, { fitRoles: [], top: 3 })));
    expect(store.calls.lastSeq).toBe(5);
    expect((await eager.search(profile, { fitRoles: [], top: 3 })).total).toBe(21);
  });

  it("with freshMs, a failed check is not shared: the next search checks again", async () => {
    const store = fakeStore(3);
    let fail = true;
    const repo = {
      ...store.repo,
      lastSeq: async () => {
        if (fail) throw new Error("store down");
        return store.repo.lastSeq();
      },
    };
    const search = createPostingSearch(repo, { freshMs: 60_000 });
    const profile = profileWith(["python"]);
    await expect(search.search(profile, { fitRoles: [], top: 3 })).rejects.toThrow("store down");
    fail = false;
    expect((await search.search(profile, { fitRoles: [], top: 3 })).total).toBe(3);
  });

  it("reads the store in pages, and indexes every posting across them", async () => {
    const store = fakeStore(25);
    const search = createPostingSearch(store.repo, { page: 10 });
    const result = await search.search(profileWith(["python"]), { fitRoles: [], top: 5 });
    expect(result.total).toBe(25);
    // 10 + 10 + 5: the short page ends the read
    expect(store.calls.indexRows).toBe(3);
  });

  it("reads the store once, then only when something new is stored, even when the newest row is a repost", async () => {
    const store = fakeStore(30);
    const search = createPostingSearch(store.repo);
    const profile = profileWith(["python"]);
    const first = await search.search(profile, { fitRoles: [], top: 5 });
    expect(first.total).toBe(30);
    await search.search(profile, { fitRoles: [], top: 5 });
    await search.search(profile, { fitRoles: [], top: 5 });
    expect(store.calls.indexRows).toBe(1);
    store.rows.push(posting(32));
    const after = await search.search(profile, { fitRoles: [], top: 50 });
    expect(after.total).toBe(31);
    expect(store.calls.indexRows).toBe(2);
  });

  it("reads a text query's matches once per store state", async () => {
    const store = fakeStore(20);
    const search = createPostingSearch(store.repo);
    const profile = profileWith(["python"]);
    const run = () => search.search(profile, { fitRoles: [], top: 50, filter: { query: "python" } });
    expect((await run()).results).toHaveLength(10);
    await run();
    expect(store.calls.matchingIds).toBe(1);
    store.rows.push(posting(22));
    expect((await run()).results).toHaveLength(11);
    expect(store.calls.matchingIds).toBe(2);
  });

  it("recovers when one refresh fails: the next search reads the store again", async () => {
    const store = fakeStore(5);
    let fail = true;
    const repo = {
      ...store.repo,
      lastSeq: async () => {
        if (fail) throw new Error("store unavailable");
        return store.rows.length + 1;
      },
    };
    const search = createPostingSearch(repo);
    await expect(search.search(profileWith(["sql"]), { fitRoles: [], top: 5 })).rejects.toThrow("store unavailable");
    fail = false;
    expect((await search.search(profileWith(["sql"]), { fitRoles: [], top: 5 })).total).toBe(5);
  });

  it("adds each posting once when searches run at the same time", async () => {
    const store = fakeStore(10);
    const search = createPostingSearch(store.repo);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => search.search(profileWith(["sql"]), { fitRoles: [], top: 50 })),
    );
    for (const r of results) expect(r.total).toBe(10);
  });

  it("reads only the postings it shows; one closed since it was indexed gives its place to the next best", async () => {
    const open = fakeStore(30);
    const profile = profileWith(["python"]);
    const all = (await createPostingSearch(open.repo).search(profile, { fitRoles: [], top: 30 })).results;
    const closing = fakeStore(30);
    const closed = new Set([all[1], all[4], all[5]].map((r) => r?.posting.id));
    const asked: string[][] = [];
    const repo = {
      ...closing.repo,
      byIds: async (ids: string[]) => {
        asked.push(ids);
        return closing.rows.filter((r) => ids.includes(r.id) && !closed.has(r.id));
      },
    };
    const { results } = await createPostingSearch(repo).search(profile, { fitRoles: [], top: 5 });
    expect(results).toEqual(all.filter((r) => !closed.has(r.posting.id)).slice(0, 5));
    // The best five, then, as two of them closed, the rest of the 25 candidates (top + a margin of 20).
    expect(asked.map((ids) => ids.length)).toEqual([5, 20]);
  });
});
