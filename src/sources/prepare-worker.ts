// One extraction thread of the prepare pool: receives batches of source records, answers with
// the prepared postings in the same order.
import { parentPort, workerData } from "node:worker_threads";
import { createExtractor } from "../extract/index.js";
import type { KnowledgePack } from "../knowledge/schema.js";
import type { PostingRecord } from "./posting-record.js";
import { preparePosting } from "./prepare.js";

const extract = createExtractor(workerData.pack as KnowledgePack);
parentPort?.on("message", (job: { id: number; records: PostingRecord[] }) => {
  try {
    parentPort?.postMessage({ id: job.id, prepared: job.records.map((r) => preparePosting(r, extract)) });
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
