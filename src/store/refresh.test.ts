import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { inThreadPreparer } from "../sources/prepare-pool.js";
import { similarity } from "../text/minhash.js";
import { refreshBoard } from "./ingest.js";
import { createPostingRepository } from "./postings.js";
import { type TestStore, testStores, useTestStore } from "./test-stores.js";

const job = (id: number, title: string) => ({
  id,
  title,
  absolute_url: `https://boards.greenhouse.io/acme/jobs/${id}`,
  content: `&lt;p&gt;${title}: Python, SQL and statistics for team ${id}.&lt;/p&gt;`,
});
/** What the board lists at each refresh: one posting disappears, then comes back. */
const LISTINGS = [
  [job(1, "Data Scientist"), job(2, "ML Engineer")],
  [job(2, "ML Engineer"), job(3, "Data Analyst")],
  [job(1, "Data Scientist"), job(2, "ML Engineer"), job(3, "Data Analyst")],
];
/** Answers that must close nothing: an error in place of the list, and jobs none of which can be read. */
const UNREADABLE = [
  { error: "temporarily unavailable" },
  { jobs: [1, 2, 3].map((id) => ({ ...job(id, "x"), title: undefined, name: "Data Analyst" })) },
];
let answer: unknown;

let server: Server;
let origin: string;
let refresh = 0;
beforeAll(async () => {
  server = createServer((_, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer ?? { jobs: LISTINGS[refresh] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("refreshBoard", () => {
  const store = useTestStore(testStores()[0] as TestStore);

  it("stores new postings, closes the ones no longer listed, reopens any listed again, and keeps history", async () => {
    const db = store();
    const repo = createPostingRepository(db, similarity);
    const preparer = inThreadPreparer(loadKnowledge());
    const open = async () =>
      (await db.query<{ title: string }>("SELECT title FROM postings WHERE closed_at IS NULL ORDER BY title")).rows.map(
        (r) => r.title,
      );
    const options = { origins: { greenhouse: origin }, sleep: async () => {} };

    expect(await refreshBoard(repo, "greenhouse:acme", preparer, options)).toMatchObject({ inserted: 2, closed: 0 });
    refresh = 1;
    expect(await refreshBoard(repo, "greenhouse:acme", preparer, options)).toMatchObject({
      inserted: 1,
      skipped: 1,
      closed: 1,
    });
    expect(await open()).toEqual(["Data Analyst", "ML Engineer"]);
    // A closed posting stays for the market's history, and is not offered in search results.
    expect((await repo.counts()).total).toBe(3);
    const closed = await db.query<{ id: string }>("SELECT id FROM postings WHERE closed_at IS NOT NULL");
    expect(await repo.byIds(closed.rows.map((r) => r.id))).toEqual([]);
    refresh = 2;
    expect(await refreshBoard(repo, "greenhouse:acme", preparer, options)).toMatchObject({ inserted: 0, closed: 0 });
    expect(await open()).toEqual(["Data Analyst", "Data Scientist", "ML Engineer"]);
    answer = UNREADABLE[0];
    await expect(refreshBoard(repo, "greenhouse:acme", preparer, options)).rejects.toThrow(
      "greenhouse:acme answered 200 with no jobs list",
    );
    answer = UNREADABLE[1];
    await expect(refreshBoard(repo, "greenhouse:acme", preparer, options)).rejects.toThrow(
      "greenhouse:acme: none of its 3 jobs could be read (3 job without a title); nothing closed",
    );
    expect(await open()).toEqual(["Data Analyst", "Data Scientist", "ML Engineer"]);
    // One job listed but unreadable this time: it is still on the board, so its stored version stays open.
    answer = { jobs: [{ ...job(1, "x"), title: undefined }, job(2, "ML Engineer"), job(3, "Data Analyst")] };
    expect(await refreshBoard(repo, "greenhouse:acme", preparer, options)).toMatchObject({ errors: 1, closed: 0 });
    expect(await open()).toEqual(["Data Analyst", "Data Scientist", "ML Engineer"]);
    // A job without an id that cannot be read names nothing; job 1 is gone from the list, so it closes.
    answer = { jobs: [{ title: "No id" }, job(2, "ML Engineer"), job(3, "Data Analyst")] };
    expect(await refreshBoard(repo, "greenhouse:acme", preparer, options)).toMatchObject({ errors: 1, closed: 1 });
    expect(await open()).toEqual(["Data Analyst", "ML Engineer"]);
    answer = undefined;
  });
});
