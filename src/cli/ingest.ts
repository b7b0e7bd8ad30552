import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { AppError } from "../errors.js";
import { parseBoardSpec, readBoard } from "../sources/boards.js";
import { checkPostingFile, readPostingFile } from "../sources/files.js";
import type { SourceItem } from "../sources/posting-record.js";
import { type BatchPreparer, createBatchPreparer, INGEST_THREADS } from "../sources/prepare-pool.js";
import { bytesOf, type IngestSummary, ingestItems, postingsInBytes } from "../store/ingest.js";
import { createPostingRepository } from "../store/postings.js";
import { type ChunkJob, openQueue, QUEUES } from "../store/queue.js";
import { similarity } from "../text/minhash.js";
import type { CliContext } from "./context.js";
import { printable, printJson, wholeNumberOption } from "./format.js";
import { progressBar } from "./progress.js";

/**
 * Files first, then boards, each opened when the one before is done. A source that cannot be read
 * at all (a file without a description column, a board that is down or does not exist) is noted
 * in `failed` and the rest go on: one board's typo had cost every board after it.
 */
const sourcesOf = (paths: string[], boards: string[], failed: AppError[]) => [
  ...paths.map((p) => () => wholeSourceErrorsNoted(readPostingFile(p), failed)),
  ...boards.map((spec) => () => wholeSourceErrorsNoted(emptyBoardNamed(spec, readBoard(spec)), failed)),
];

/**
 * What a named file is, for reading it once: the file itself, through any symbolic links (compared
 * by spelling, a link and its target had each been read). A path that cannot be followed (missing,
 * a loop of links, unreadable) is compared by spelling and left to the check that names what is
 * wrong with it; "-" is no path at all.
 */
function fileIdentity(path: string): string {
  if (path === "-") return path;
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A board that answers with no jobs is not an empty file: it is said so, naming the board. */
async function* emptyBoardNamed(spec: string, items: AsyncGenerator<SourceItem>) {
  let n = 0;
  for await (const item of items) {
    n++;
    yield item;
  }
  if (n === 0) process.stderr.write(`mlpath: ${spec} lists no jobs\n`);
}

async function* wholeSourceErrorsNoted(items: AsyncGenerator<SourceItem>, failed: AppError[]) {
  try {
    yield* items;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    failed.push(e);
  }
}

/**
 * Rows that could not be read: the first 20 named as they come, all counted by reason at the end
 * ("N rows skipped: reason"), whether the rows are stored here or queued for workers.
 */
function rowErrorReport() {
  const reasons = new Map<string, number>();
  let shown = 0;
  return {
    reasons,
    add(where: string, reason: string) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      if (shown++ < 20) process.stderr.write(`mlpath: ${where}: skipped: ${printable(reason)}\n`);
    },
    close(errors: number) {
      if (errors === 0) return;
      const list = [...reasons].map(([r, n]) => `${n} ${printable(r)}`).join("; ");
      process.stderr.write(`mlpath: ${errors} rows skipped: ${list}\n`);
    },
  };
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command("ingest")
    .description(
      "read postings from CSV, TSV, JSON, JSONL or saved HTML job pages, or public job boards; extract each once and store them (idempotent, resumable)",
    )
    .argument(
      "[paths...]",
      "posting files (.csv, .tsv, .json, .jsonl) or saved job pages (.html with schema.org JobPosting JSON-LD)",
    )
    .option(
      "--source <provider:board>",
      "a public job board to fetch: greenhouse:BOARD, lever:SITE or ashby:ORG (repeatable)",
      // No default: commander would show "(default: [])".
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option("--queue", "enqueue the work for `mlpath worker` processes instead of doing it here (PostgreSQL store)")
    .option("--job-timeout <s>", "with --queue: seconds before a job whose worker died is handed out again", "300")
    .option(
      "--threads <n>",
      "extraction threads beside the store (0: extract on the store's own thread)",
      String(INGEST_THREADS),
    )
    .option("--log", "print a line to stderr after each batch is stored (for logs, where there is no progress bar)")
    .option(
      "--json",
      "print the final summary as JSON: read, inserted, duplicates (reposts), skipped (already stored), errors (rows skipped), undated (postings this run stored without a usable date), errorReasons, and failedSources (files and boards that could not be read)",
    )
    .action(
      async (
        named: string[],
        opts: {
          json?: boolean;
          log?: boolean;
          source?: string[];
          queue?: boolean;
          jobTimeout: string;
          threads: string;
        },
        command: Command,
      ) => {
        // A file or board named twice is read once: the second reading had only counted each of its
        // postings again as already stored, and fetched the board again. The first spelling is kept,
        // as given (a Map's value had been the last, so "a.csv ./a.csv" was reported as "./a.csv"),
        // and "-" is no path: merged with "./-", it had slipped past the refusal of stdin below.
        const seen = new Set<string>();
        const paths = named.filter((p) => {
          const key = fileIdentity(p);
          return !seen.has(key) && Boolean(seen.add(key));
        });
        // Options of the other way of ingesting had been taken and passed over without a word.
        const given = (name: string) => command.getOptionValueSource(name) === "cli";
        if (!opts.queue && given("jobTimeout"))
          throw new AppError("INVALID_INPUT", "--job-timeout applies only with --queue", {
            hint: "drop it, or add --queue to enqueue the work for `mlpath worker` processes",
          });
        if (opts.queue && (given("threads") || opts.log))
          throw new AppError("INVALID_INPUT", `--${given("threads") ? "threads" : "log"} has no effect with --queue`, {
            hint: "with --queue the workers extract and store: `mlpath worker --concurrency N` (see docs/scaling.md)",
          });
        const threads = wholeNumberOption("threads", opts.threads, 0, 64);
        const boards = [...new Set(opts.source ?? [])];
        if (paths.length === 0 && boards.length === 0) {
          throw new AppError("INVALID_INPUT", "nothing to ingest", {
            hint: "pass posting files, or --source greenhouse:BOARD",
          });
        }
        // Other commands read stdin from "-"; ingest needs a file's name for its type and its size.
        if (paths.includes("-"))
          throw new AppError("INVALID_INPUT", "ingest reads files, not stdin", {
            hint: "save the postings to a file (.csv, .tsv, .json or .jsonl) and pass its path",
          });
        for (const spec of boards) parseBoardSpec(spec);
        if (opts.queue)
          return enqueue(ctx, paths, boards, wholeNumberOption("job-timeout", opts.jobTimeout, 5, 86_400), opts.json);
        // Every path is checked before the store opens, so a typo in the last one costs nothing.
        for (const path of paths) checkPostingFile(path);
        const rows = rowErrorReport();
        // Progress by characters read: each posting's text stands for its share of the files.
        const total = bytesOf(paths);
        const bar = progressBar(total, "postings");
        const started = Date.now();
        let preparer: BatchPreparer | undefined;
        const failed: AppError[] = [];
        const summary = await ctx
          .withStore((db) => {
            // The extraction threads start once the store is open: creating a new store briefly
            // takes most of a gigabyte, and the two together would add up.
            preparer = createBatchPreparer(ctx.knowledge().pack, threads);
            return ingestItems(
              createPostingRepository(db, similarity),
              sourcesOf(paths, boards, failed),
              preparer,
              {
                progress: (chars, read) => bar.update(Math.min(chars, total), { items: read }),
                ...(opts.log
                  ? {
                      stored: (s: IngestSummary) => {
                        const done = s.inserted + s.duplicates + s.skipped;
                        const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
                        process.stderr.write(
                          `mlpath: stored ${done} of ${s.read} read (${s.inserted} new, ${s.duplicates} reposts, ${s.skipped} already stored; ${rate}/s)\n`,
                        );
                      },
                    }
                  : {}),
                rowError: rows.add,
                finishing: (step) => {
                  bar.stop();
                  if (opts.log || process.stderr.isTTY) process.stderr.write(`mlpath: ${step}\n`);
                },
              },
              { expected: postingsInBytes(total) },
            );
          })
          .finally(() => {
            bar.stop();
            return preparer?.close();
          });
        if (summary.undated > 0)
          process.stderr.write(
            `mlpath: ${summary.undated} postings have no usable date (none, unreadable, before 1990 or after tomorrow): kept, but left out of market trends\n`,
          );
        rows.close(summary.errors);
        // The reasons ride along with the contract's counts, as the summary line on stderr gives them,
        // and so do the files that could not be read at all, which no count shows.
        if (opts.json)
          printJson({
            ...summary,
            errorReasons: Object.fromEntries(rows.reasons),
            failedSources: failed.map((e) => printable(e.message)),
          });
        else
          console.log(
            `read ${summary.read}, stored ${summary.inserted} new, ${summary.duplicates} reposts of stored postings, ${summary.skipped} already stored, ${summary.errors} skipped`,
          );
        // The summary stands; the exit code says whether the run did what was asked.
        if (failed.length > 0) {
          for (const e of failed.slice(1)) process.stderr.write(`mlpath: ${e.message}\n`);
          throw failed[0];
        }
        if (summary.errors > 0 && summary.inserted + summary.duplicates + summary.skipped === 0)
          throw new AppError("INVALID_INPUT", `none of the ${summary.read} rows read could be stored`, {
            hint: "the reasons are listed above",
          });
        // Each board that listed nothing has said so as it was read.
        if (summary.read === 0 && paths.length > 0) {
          process.stderr.write(
            `mlpath: no postings in ${paths.join(", ")}: nothing stored (an empty file, or a header and no rows?)\n`,
          );
        }
      },
    );
}

/** Records per queued job: a few seconds of work, so a dead worker loses little. */
export const CHUNK = 500;

async function enqueue(ctx: CliContext, paths: string[], boards: string[], timeout: number, json?: boolean) {
  const boss = await openQueue(ctx.storeTarget());
  // The store's schema too, so workers started before any ingest find their tables; and every
  // path checked first, so no job is queued from a run that stops at a typo in the last one.
  await ctx
    .withStore(async () => {
      for (const path of paths) checkPostingFile(path);
    })
    .catch(async (e) => {
      await boss.stop({ graceful: false, wait: true });
      throw e;
    });
  const summary = { jobs: 0, records: 0, boards: 0, errors: 0 };
  const rows = rowErrorReport();
  try {
    const send = (name: string, data: object) => boss.send(name, data, { expireInSeconds: timeout });
    for (const path of paths) {
      let chunk: ChunkJob["records"] = [];
      let first = 1;
      let row = 0;
      const flush = async () => {
        if (!chunk.length) return;
        await send(QUEUES.chunk, { records: chunk, where: `${path} rows ${first}-${row}` } satisfies ChunkJob);
        summary.jobs++;
        summary.records += chunk.length;
        chunk = [];
        first = row + 1;
      };
      for await (const item of readPostingFile(path)) {
        row++;
        if (!item.ok) {
          // Counted and named, as a run without --queue does: the reasons had not been given.
          summary.errors++;
          rows.add(item.where, item.reason);
          continue;
        }
        chunk.push(item.record);
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
    }
    for (const spec of boards) {
      await send(QUEUES.board, { spec });
      summary.jobs++;
      summary.boards++;
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  rows.close(summary.errors);
  if (json) printJson({ ...summary, errorReasons: Object.fromEntries(rows.reasons) });
  else
    console.log(
      `queued ${summary.jobs} jobs (${summary.records} postings in chunks of ${CHUNK}, ${summary.boards} boards); ${summary.errors} rows skipped. Start workers with: mlpath worker`,
    );
  if (summary.errors > 0 && summary.jobs === 0)
    throw new AppError("INVALID_INPUT", `none of the ${summary.errors} rows read could be queued`, {
      hint: "the reasons are listed above",
    });
}
