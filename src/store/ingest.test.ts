import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import type { SourceItem } from "../sources/posting-record.js";
import { inThreadPreparer } from "../sources/prepare-pool.js";
import { INGEST_BATCH, ingestItems } from "./ingest.js";
import type { PostingRepository } from "./postings.js";

const preparer = inThreadPreparer(loadKnowledge());
const source = (n: number, tag: string) =>
  async function* (): AsyncGenerator<SourceItem> {
    for (let i = 0; i < n; i++)
      yield { ok: true, record: { source: tag, externalId: `${tag}-${i}`, title: "Analyst", description: `SQL ${i}` } };
  };

describe("ingestItems", () => {
  it("stores batches in input order, however many are extracted ahead", async () => {
    const seen: string[] = [];
    let refreshed = 0;
    const repo = {
      insertBatch: async (batch: { id: string; externalId: string | null }[]) => {
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        seen.push(...batch.map((p) => p.externalId ?? ""));
        return { inserted: batch.length, duplicates: 0, existing: 0, undated: batch.length };
      },
      refreshAggregates: async () => {
        refreshed++;
      },
    } as unknown as PostingRepository;
    const n = INGEST_BATCH * 3 + 7;
    const summary = await ingestItems(repo, [source(n, "a"), source(5, "b")], { ...preparer, parallel: 3 });
    // The records carry no date, and the summary says so.
    expect(summary).toEqual({ read: n + 5, inserted: n + 5, duplicates: 0, skipped: 0, errors: 0, undated: n + 5 });
    expect(refreshed).toBe(1);
    expect(seen).toEqual([
      ...Array.from({ length: n }, (_, i) => `a-${i}`),
      ...Array.from({ length: 5 }, (_, i) => `b-${i}`),
    ]);
  });

  it("fails with the store's error, after in-flight batches settle, instead of hanging or leaking a rejection", async () => {
    let calls = 0;
    let active = 0;
    const repo = {
      insertBatch: async () => {
        calls++;
        active++;
        await new Promise((r) => setTimeout(r, 10));
        active--;
        if (calls === 1) throw new Error("store refused the batch");
        return { inserted: 1, duplicates: 0, existing: 0, undated: 0 };
      },
    } as unknown as PostingRepository;
    await expect(
      ingestItems(repo, [source(INGEST_BATCH * 2, "a"), source(INGEST_BATCH, "b")], { ...preparer, parallel: 2 }),
    ).rejects.toThrow("store refused the batch");
    expect(active).toBe(0);
  });
});
