import type { Command } from "commander";
import { AppError } from "../errors.js";
import { createBatchPreparer } from "../sources/prepare-pool.js";
import { ingestRecords, refreshBoard } from "../store/ingest.js";
import { createPostingRepository } from "../store/postings.js";
import { type BoardJob, type ChunkJob, openQueue, pendingJobs, QUEUES } from "../store/queue.js";
import { similarity } from "../text/minhash.js";
import type { CliContext } from "./context.js";
import { printJson, wholeNumberOption } from "./format.js";

/** Every day at 04:00 UTC: boards change during working hours, and a quiet hour spares them. */
const DAILY = "0 4 * * *";
const REFRESH_ALL = "refresh-all-boards";

export function registerWorker(program: Command, ctx: CliContext): void {
  program
    .command("worker")
    .description(
      "store postings from the PostgreSQL job queue (`mlpath ingest --queue`); run one or more, on one or more machines",
    )
    .option("--concurrency <n>", "jobs this process works on at once", "2")
    .option("--once", "exit when the queue is empty instead of waiting for more")
    .option("--schedule", "also re-poll the boards in MLPATH_BOARDS every day, closing postings they no longer list")
    .option("--json", "print a summary as JSON when it stops")
    .action(async (opts: { concurrency: string; once?: boolean; schedule?: boolean; json?: boolean }) => {
      const concurrency = wholeNumberOption("concurrency", opts.concurrency, 1, 32);
      const boards = ctx.config.MLPATH_BOARDS?.split(",") ?? [];
      if (opts.schedule && boards.length === 0)
        throw new AppError("INVALID_INPUT", "--schedule needs MLPATH_BOARDS, e.g. greenhouse:acme,lever:globex");
      // The queue first: it refuses the embedded store before anything is opened or created.
      // Short maintenance passes, so a job whose worker died is retried within a minute of expiring.
      const boss = await openQueue(ctx.storeTarget(), { maintenanceIntervalSeconds: 10, schedule: !!opts.schedule });
      const db = await ctx.openStore().catch(async (e) => {
        await boss.stop({ graceful: false, wait: true });
        throw e;
      });
      const preparer = createBatchPreparer(ctx.knowledge().pack);
      let refresh: () => Promise<void> = async () => {};
      const totals = { jobs: 0, failed: 0, inserted: 0, duplicates: 0, skipped: 0, closed: 0 };
      try {
        const repo = createPostingRepository(db, similarity);
        const log = (line: string) => {
          if (!opts.json) process.stdout.write(`${line}\n`);
        };
        const count = (s: { inserted: number; duplicates: number; skipped: number }) => {
          totals.jobs++;
          totals.inserted += s.inserted;
          totals.duplicates += s.duplicates;
          totals.skipped += s.skipped;
        };
        const work = async <T extends object>(name: string, handle: (data: T) => Promise<void>) => {
          for (let i = 0; i < concurrency; i++) {
            await boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
              if (!job) return;
              try {
                await handle(job.data);
              } catch (e) {
                totals.failed++;
                process.stderr.write(
                  `mlpath: worker: ${name} job ${job.id} failed (will retry): ${(e as Error).message}\n`,
                );
                throw e;
              }
            });
          }
        };
        await work<ChunkJob>(QUEUES.chunk, async (job) => {
          const s = await ingestRecords(repo, job.records, preparer);
          count(s);
          log(`${job.where}: ${s.inserted} new, ${s.duplicates} reposts, ${s.skipped} already stored`);
        });
        await work<BoardJob>(QUEUES.board, async (job) => {
          const s = await refreshBoard(repo, job.spec, preparer);
          count(s);
          totals.closed += s.closed;
          log(`${job.spec}: ${s.inserted} new, ${s.skipped} still listed, ${s.closed} closed`);
        });
        if (opts.schedule) {
          if (!(await boss.getQueue(REFRESH_ALL))) await boss.createQueue(REFRESH_ALL, { name: REFRESH_ALL });
          await boss.schedule(REFRESH_ALL, DAILY, {});
          await boss.work(REFRESH_ALL, async () => {
            for (const spec of boards) await boss.send(QUEUES.board, { spec });
          });
          log(`scheduled a daily refresh of ${boards.join(", ")} (${DAILY} UTC)`);
        }
        // Market aggregates: rebuilt when the queue runs dry, and at most once a minute while it
        // does not, so the market pages lag the store by a minute at most. Workers share the
        // schedule through the store: one rebuilds, the others skip (a rebuild of a million
        // postings takes seconds, and four workers each doing it every minute starved ingest).
        let lastRefresh = Date.now();
        let storedSince = 0;
        let running: Promise<void> | undefined;
        const refreshNow = async (options: Parameters<typeof repo.refreshAggregates>[0]) => {
          if (running || totals.inserted + totals.duplicates === storedSince) return;
          lastRefresh = Date.now();
          const stored = totals.inserted + totals.duplicates;
          running = repo.refreshAggregates(options).then((outcome) => {
            // Rebuilt here or by another process after these postings: nothing left to do.
            if (outcome !== "skipped") storedSince = stored;
          });
          try {
            await running;
          } finally {
            running = undefined;
          }
        };
        // At the end: let a rebuild under way finish, then wait for the lock; it rebuilds again
        // only if postings were stored after the last rebuild.
        refresh = async () => {
          await running?.catch(() => {});
          await refreshNow({});
        };
        await new Promise<void>((resolve) => {
          const stop = () => {
            clearInterval(poll);
            resolve();
          };
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
          const poll = setInterval(async () => {
            const pending = await pendingJobs(boss).catch(() => 1);
            if (pending === 0) await refreshNow({ wait: false }).catch(() => {});
            else if (Date.now() - lastRefresh > 60_000)
              await refreshNow({ wait: false, minIntervalMs: 60_000 }).catch(() => {});
            if (opts.once && pending === 0) stop();
          }, 1000);
        });
      } finally {
        await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => {});
        // Whatever the last jobs stored counts in the market figures.
        await refresh().catch((e) => process.stderr.write(`mlpath: worker: market refresh failed: ${e.message}\n`));
        await preparer.close();
        await db.close();
      }
      if (opts.json) printJson(totals);
      else
        console.log(
          `worker done: ${totals.jobs} jobs, ${totals.inserted} new postings, ${totals.duplicates} reposts, ${totals.skipped} already stored, ${totals.closed} closed, ${totals.failed} failed tries`,
        );
    });
}
