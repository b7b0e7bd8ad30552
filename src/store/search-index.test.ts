import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import type { SourceItem } from "../sources/posting-record.js";
import { inThreadPreparer } from "../sources/prepare-pool.js";
import { similarity } from "../text/minhash.js";
import { type Db, openDb } from "./db.js";
import { ingestItems } from "./ingest.js";
import { createPostingRepository } from "./postings.js";
import { BULK_LOAD_MIN, shouldDeferSearchIndex } from "./search-index.js";
import { testStores } from "./test-stores.js";

const preparer = inThreadPreparer(loadKnowledge());
const source = (n: number) =>
  async function* (): AsyncGenerator<SourceItem> {
    for (let i = 0; i < n; i++)
      yield {
        ok: true,
        record: {
          source: "test",
          externalId: `p${i}`,
          title: `Data Engineer ${i}`,
          company: `Company ${i}`,
          description: `Build ${i % 2 ? "Kafka" : "Airflow"} pipelines in Python and SQL for posting number ${i}.`,
        },
      };
  };
const hasIndex = async (db: Db) =>
  (await db.query<{ present: boolean }>("SELECT to_regclass('postings_search') IS NOT NULL AS present")).rows[0]
    ?.present;

describe("shouldDeferSearchIndex", () => {
  it("defers only for a large load at least as big as the store", () => {
    expect(shouldDeferSearchIndex(0, BULK_LOAD_MIN - 1)).toBe(false);
    expect(shouldDeferSearchIndex(0, BULK_LOAD_MIN)).toBe(true);
    expect(shouldDeferSearchIndex(50_000, 40_000)).toBe(false);
    expect(shouldDeferSearchIndex(40_000, 40_000)).toBe(true);
  });
});

for (const store of testStores()) {
  describe.skipIf(store.skip)(`a bulk load on ${store.name}`, () => {
    it(store.name === "pglite"
      ? "stores without the full-text index and builds it once at the end"
      : "keeps the full-text index on a server, where others may be searching", async () => {
      const { db, cleanup } = await store.open();
      try {
        const repo = createPostingRepository(db, similarity);
        const indexed: boolean[] = [];
        const watched = {
          ...repo,
          insertBatch: async (batch: Parameters<typeof repo.insertBatch>[0]) => {
            indexed.push(Boolean(await hasIndex(db)));
            return repo.insertBatch(batch);
          },
        };
        const steps: string[] = [];
        const summary = await ingestItems(
          watched,
          [source(450)],
          preparer,
          { finishing: (step) => steps.push(step) },
          { expected: BULK_LOAD_MIN },
        );
        expect(summary.inserted).toBe(450);
        expect(indexed).toEqual([1, 2, 3].map(() => store.name !== "pglite"));
        expect(await hasIndex(db)).toBe(true);
        expect((await repo.matchingIds("kafka pipelines")).length).toBe(225);
        expect(steps[0]).toBe(
          store.name === "pglite" ? "building the full-text index" : "refreshing the market figures",
        );
      } finally {
        await db.close();
        await cleanup();
      }
    }, 60_000);

    it.skipIf(store.name !== "pglite")(
      "builds the index again when the store is opened after a load that died before it could",
      async () => {
        const { db, target, cleanup } = await store.open();
        try {
          const repo = createPostingRepository(db, similarity);
          await ingestItems(repo, [source(10)], preparer);
          expect(await repo.deferSearchIndex(BULK_LOAD_MIN - 1)).toBeNull();
          expect(await hasIndex(db)).toBe(true);
          // What a load killed half way leaves: the index dropped, never rebuilt.
          expect(await repo.deferSearchIndex(BULK_LOAD_MIN)).not.toBeNull();
          expect(await hasIndex(db)).toBe(false);
          await db.close();
          const again = await openDb(target);
          try {
            expect(await hasIndex(again)).toBe(true);
            expect((await createPostingRepository(again, similarity).matchingIds("airflow")).length).toBe(5);
          } finally {
            await again.close();
          }
        } finally {
          await cleanup();
        }
      },
      60_000,
    );
  });
}
