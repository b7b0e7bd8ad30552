import type { ExtractResult, PostingInput } from "../extract/index.js";
import { readPostingFile } from "../sources/files.js";
import type { SourceItem } from "../sources/posting-record.js";
import { type PreparedPosting, preparePosting } from "../sources/prepare.js";
import type { PostingRepository } from "./postings.js";

export const INGEST_BATCH = 200;

export interface IngestSummary {
  read: number;
  inserted: number;
  duplicates: number;
  skipped: number;
  errors: number;
}

export interface IngestHooks {
  /** Called after each posting with the characters of text read so far (for progress). */
  progress?(chars: number, read: number): void;
  /** Called for each row that could not be read. */
  rowError?(where: string, reason: string): void;
}

/**
 * Reads posting files, extracts each posting once and stores them in batches. Every batch is one
 * transaction and postings have stable ids, so a run that is killed and started again stores
 * each posting exactly once. `inserted` counts new postings, `duplicates` new reposts of stored
 * ones, `skipped` postings that were already stored.
 */
export function ingestFiles(
  repo: PostingRepository,
  paths: string[],
  extract: (input: PostingInput) => ExtractResult,
  hooks: IngestHooks = {},
): Promise<IngestSummary> {
  return ingestItems(
    repo,
    paths.map((p) => () => readPostingFile(p)),
    extract,
    hooks,
  );
}

/** The same for any sources: each is opened only when the one before it is done. */
export async function ingestItems(
  repo: PostingRepository,
  sources: (() => AsyncIterable<SourceItem>)[],
  extract: (input: PostingInput) => ExtractResult,
  hooks: IngestHooks = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, inserted: 0, duplicates: 0, skipped: 0, errors: 0 };
  let chars = 0;
  let batch: PreparedPosting[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const r = await repo.insertBatch(batch);
    summary.inserted += r.inserted - r.duplicates;
    summary.duplicates += r.duplicates;
    summary.skipped += r.existing;
    batch = [];
  };
  for (const open of sources) {
    for await (const item of open()) {
      summary.read++;
      if (!item.ok) {
        summary.errors++;
        hooks.rowError?.(item.where, item.reason);
        continue;
      }
      batch.push(preparePosting(item.record, extract));
      if (batch.length >= INGEST_BATCH) await flush();
      chars += item.record.description.length + item.record.title.length;
      hooks.progress?.(chars, summary.read);
    }
    await flush();
  }
  return summary;
}
