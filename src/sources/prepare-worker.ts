// One extraction thread of the prepare pool: receives batches of source records, answers with
// the prepared postings in the same order.
import { parentPort, workerData } from "node:worker_threads";
import type { KnowledgePack } from "../knowledge/schema.js";
import type { PostingRecord } from "./posting-record.js";
import { createPostingPreparer } from "./prepare.js";

const prepare = createPostingPreparer(workerData.pack as KnowledgePack);
parentPort?.on("message", (job: { id: number; records: PostingRecord[] }) => {
  try {
    parentPort?.postMessage({ id: job.id, prepared: job.records.map(prepare) });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
