import { statSync } from "node:fs";
import { AppError } from "../errors.js";
import { type FetchOptions, parseBoardSpec, readBoard } from "../sources/boards.js";
import { readPostingFile } from "../sources/files.js";
import type { PostingRecord, SourceItem } from "../sources/posting-record.js";
import { postingId, sourcePostingId } from "../sources/prepare.js";
import type { BatchPreparer } from "../sources/prepare-pool.js";
import type { PostingRepository } from "./postings.js";

export const INGEST_BATCH = 200;

/** Roughly how many postings files of this many bytes hold: 3-5 KB of text and fields each. */
export const postingsInBytes = (bytes: number): number => Math.floor(bytes / 4_000);

/** The files' total size in bytes; one that cannot be read counts 0 (its reader reports why). */
export const bytesOf = (paths: string[]): number =>
  paths.reduce((sum, path) => {
    try {
      return sum + statSync(path).size;
    } catch {
      return sum;
    }
  }, 0);

/** The counts of `mlpath ingest --json`, named as ../shared/DESIGN.md names them. */
export interface IngestSummary {
  read: number;
  /** New postings stored. */
  inserted: number;
  /** New reposts of stored postings (kept, and counted as reposts). */
  duplicates: number;
  /** Postings an earlier run already stored: what makes a re-run add nothing. */
  skipped: number;
  /** Rows that could not be read, each reported through `rowError`. */
  errors: number;
  /**
   * Postings this run stored with no date, or none that can be a posting's (unreadable, before
   * 1990, after tomorrow): kept, and left out of market trends, which a user should know of.
   */
  undated: number;
}

export interface IngestHooks {
  /** Called after each posting with the characters of text read so far (for progress). */
  progress?(chars: number, read: number): void;
  /** Called for each row that could not be read. */
  rowError?(where: string, reason: string): void;
  /** Called after each batch is committed, with the running totals. */
  stored?(summary: IngestSummary): void;
  /** Called when the postings are stored and a longer closing step starts, naming it. */
  finishing?(step: string): void;
}

export interface IngestOptions {
  /** False leaves the market aggregates to the caller (queue workers refresh them when the queue runs dry). */
  refreshAggregates?: boolean;
  /** Roughly how many postings the sources hold, when known: a large load builds the full-text index once at the end. */
  expected?: number;
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
  preparer: BatchPreparer,
  hooks: IngestHooks = {},
  options: IngestOptions = {},
): Promise<IngestSummary> {
  return ingestItems(
    repo,
    paths.map((p) => () => readPostingFile(p)),
    preparer,
    hooks,
    { expected: postingsInBytes(bytesOf(paths)), ...options },
  );
}

/**
 * The same for any sources: each is opened only when the one before it is done. Batches are
 * extracted ahead (as many as the preparer runs at once) while earlier ones are stored, but are
 * stored strictly in order, so a crash still leaves a prefix of the input behind.
 */
export async function ingestItems(
  repo: PostingRepository,
  sources: (() => AsyncIterable<SourceItem>)[],
  preparer: BatchPreparer,
  hooks: IngestHooks = {},
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, inserted: 0, duplicates: 0, skipped: 0, errors: 0, undated: 0 };
  let rebuildIndex = options.expected !== undefined ? await repo.deferSearchIndex(options.expected) : null;
  let chars = 0;
  let batch: PostingRecord[] = [];
  let stored: Promise<void> = Promise.resolve();
  const inFlight: Promise<void>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const prepared = preparer.prepare(batch);
    batch = [];
    const previous = stored;
    stored = (async () => {
      const postings = await prepared;
      await previous;
      const r = await repo.insertBatch(postings);
      summary.undated += r.undated;
      summary.inserted += r.inserted - r.duplicates;
      summary.duplicates += r.duplicates;
      summary.skipped += r.existing;
      hooks.stored?.({ ...summary });
    })();
    // A failed batch must stop the run, not surface later as an unhandled rejection.
    stored.catch(() => {});
    inFlight.push(stored);
    // Reading stays at most `parallel` batches ahead of the store: memory is bounded by that.
    while (inFlight.length > preparer.parallel) await inFlight.shift();
  };
  try {
    for (const open of sources) {
      for await (const item of open()) {
        summary.read++;
        if (!item.ok) {
          summary.errors++;
          hooks.rowError?.(item.where, item.reason);
          continue;
        }
        batch.push(item.record);
        if (batch.length >= INGEST_BATCH) await flush();
        chars += item.record.description.length + item.record.title.length;
        hooks.progress?.(chars, summary.read);
      }
      await flush();
    }
    await stored;
    if (rebuildIndex) {
      hooks.finishing?.("building the full-text index");
      const rebuild = rebuildIndex;
      rebuildIndex = null;
      await rebuild();
    }
    // The market aggregates, once per run; queue workers do it when the queue runs dry instead.
    if (options.refreshAggregates !== false && summary.inserted + summary.duplicates > 0) {
      hooks.finishing?.("refreshing the market figures");
      await repo.refreshAggregates();
    }
  } catch (e) {
    // Nothing may still be writing when the caller closes the store after this error.
    await Promise.allSettled(inFlight);
    await stored.catch(() => {});
    // Left undone, the next open of the store would build it; done here, the store is whole now.
    await rebuildIndex?.().catch(() => {});
    throw e;
  }
  return summary;
}

/**
 * One queued chunk of records, stored as an ingest of its own (idempotent, so safe to repeat).
 * The market aggregates are left to the worker, which refreshes them when the queue runs dry.
 */
export function ingestRecords(
  repo: PostingRepository,
  records: PostingRecord[],
  preparer: BatchPreparer,
): Promise<IngestSummary> {
  return ingestItems(
    repo,
    [
      async function* () {
        for (const record of records) yield { ok: true, record } as const;
      },
    ],
    preparer,
    {},
    { refreshAggregates: false },
  );
}

/**
 * Fetches a job board again and stores what is new; postings it no longer lists are closed (kept
 * for the market's history, no longer offered), and any it lists again are reopened.
 */
export async function refreshBoard(
  repo: PostingRepository,
  spec: string,
  preparer: BatchPreparer,
  options: FetchOptions = {},
): Promise<IngestSummary & { closed: number }> {
  const { provider, board } = parseBoardSpec(spec);
  const source = `${provider}:${board}`;
  const records: PostingRecord[] = [];
  const listedUnread: string[] = [];
  const reasons = new Map<string, number>();
  let errors = 0;
  for await (const item of readBoard(spec, options)) {
    if (item.ok) records.push(item.record);
    else {
      errors++;
      reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
      if (item.listedAs) listedUnread.push(sourcePostingId(source, item.listedAs));
    }
  }
  // Jobs listed and not one readable is the board's format changing (a field renamed), not every
  // posting being withdrawn: closing them all had emptied the board until the next good answer.
  if (records.length === 0 && errors > 0) {
    const why = [...reasons].map(([reason, n]) => `${n} ${reason}`).join("; ");
    throw new AppError("STORE_ERROR", `${spec}: none of its ${errors} jobs could be read (${why}); nothing closed`, {
      hint: "the board's API may have changed; the postings stored from it stay open",
    });
  }
  const summary = await ingestRecords(repo, records, preparer);
  const closed = await repo.closeMissing(source, [...records.map(postingId), ...listedUnread]);
  return { ...summary, read: summary.read + errors, errors, closed };
}
