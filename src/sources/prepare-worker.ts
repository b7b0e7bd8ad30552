// One extraction thread of the prepare pool: receives batches of source records, answers with
// the prepared postings in the same order.
import { parentPort, workerData } from "node:worker_threads";
import type { KnowledgePack } from "../knowledge/schema.js";
import type { PostingRecord } from "./posting-record.js";
import { createPostingPreparer } from "./prepare.js";

const prepare = createPostingPreparer(workerData.pack as KnowledgePack);
parentPort?.on("message", (job: { id: number; records: PostingRecord[] }) => {
  try {
    const prepared = job.records.map(prepare);
    // The encoded texts move to the storing thread instead of being copied there.
    const buffers = prepared.flatMap((p) => [p.descriptionUtf8.buffer, p.extract.buffer, p.search.buffer]);
    parentPort?.postMessage({ id: job.id, prepared }, buffers as ArrayBuffer[]);
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
