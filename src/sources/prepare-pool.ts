import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import type { KnowledgePack } from "../knowledge/schema.js";
import { workerScript } from "../worker-script.js";
import type { PostingRecord } from "./posting-record.js";
import { createPostingPreparer, type PreparedPosting } from "./prepare.js";

/** Turns a batch of source records into postings ready to store, in the same order. */
export interface BatchPreparer {
  prepare(records: PostingRecord[]): Promise<PreparedPosting[]>;
  /** How many batches it can work on at once; the ingest keeps that many in flight. */
  readonly parallel: number;
  close(): Promise<void>;
}

/**
 * The extraction threads of an ingest: one per core, up to four, and the store's own thread
 * shares the cores with them. On two cores, two threads stored 100,000 postings in ~126-131 s
 * against ~145 s with one (the system balances three busy threads better than the pipeline
 * balances two, as the store's share of the work grows with the store); each costs ~100 MB.
 */
export const INGEST_THREADS = Math.min(4, availableParallelism());

/** Extraction on the calling thread: for small inputs, tests, and where threads are unavailable. */
export function inThreadPreparer(pack: KnowledgePack): BatchPreparer {
  const prepare = createPostingPreparer(pack);
  return {
    prepare: async (records) => records.map(prepare),
    parallel: 1,
    close: async () => {},
  };
}

/**
 * Extraction on worker threads, so it runs beside the store's own work (PGlite's WASM engine
 * runs on the main thread) instead of before it: on two cores, ingest takes about as long as
 * storing alone. Falls back to the calling thread when the compiled worker is not there (running
 * from TypeScript sources) or when the machine has one core.
 */
export function createBatchPreparer(pack: KnowledgePack, threads = availableParallelism() - 1): BatchPreparer {
  const script = workerScript(import.meta.url, "prepare-worker");
  if (threads < 1 || !script.exists()) return inThreadPreparer(pack);
  const spawn = () => script.spawn({ workerData: { pack } });
  const workers = Array.from({ length: threads }, spawn);
  const waiting = new Map<number, { resolve(p: PreparedPosting[]): void; reject(e: Error): void }>();
  let next = 0;
  const fail = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    for (const w of workers) w.unref();
  };
  for (const worker of workers) {
    worker.on("message", (m: { id: number; prepared?: PreparedPosting[]; error?: string }) => {
      const job = waiting.get(m.id);
      waiting.delete(m.id);
      if (waiting.size === 0) for (const w of workers) w.unref();
      if (m.prepared) job?.resolve(m.prepared);
      else job?.reject(new Error(`extraction failed: ${m.error}`));
    });
    worker.on("error", (e) => fail(new Error(`extraction thread stopped: ${e.message}`)));
    // An idle pool must not keep the process alive after the ingest returns; a busy one must.
    worker.unref();
  }
  return {
    parallel: threads,
    prepare(records) {
      const id = next++;
      const worker = workers[id % workers.length] as Worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, records });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
