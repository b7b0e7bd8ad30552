import type PgBoss from "pg-boss";
import { AppError } from "../errors.js";
import type { PostingRecord } from "../sources/posting-record.js";
import type { StoreTarget } from "./db.js";

/** The queues ingest workers pull from. */
export const QUEUES = {
  /** A chunk of posting records read from a file, carried in the job itself. */
  chunk: "ingest-chunk",
  /** One job board to fetch again, closing the postings it no longer lists. */
  board: "refresh-board",
} as const;

export interface ChunkJob {
  records: PostingRecord[];
  /** Where the chunk came from, for messages: "postings.csv rows 1-500". */
  where: string;
}
export interface BoardJob {
  spec: string;
}

/**
 * Jobs are retried with exponential backoff; a job whose worker died (kill -9, a lost machine) is
 * handed out again after its expiry. Storing is idempotent, so a job done twice stores nothing twice.
 */
export const JOB_DEFAULTS = { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 } as const;

/**
 * The ingest queue: pg-boss in its own schema of the PostgreSQL store. The embedded store is one
 * process by design, so the queue (several workers) needs a PostgreSQL server.
 */
export async function openQueue(
  target: StoreTarget,
  options: { maintenanceIntervalSeconds?: number; schedule?: boolean } = {},
): Promise<PgBoss> {
  if (target.kind !== "postgres") {
    throw new AppError("INVALID_INPUT", "the ingest queue needs a PostgreSQL store", {
      hint: "set DATABASE_URL=postgres://... (or --db postgres://...); the embedded store ingests directly without --queue",
    });
  }
  // Loaded here: pg-boss and the PostgreSQL client are ~0.1 s of a command's start, and only
  // `--queue` and `mlpath worker` use them.
  const { default: Boss } = await import("pg-boss");
  const boss = new Boss({
    connectionString: target.url,
    schema: "mlpath_queue",
    application_name: "mlpath",
    max: 4,
    schedule: options.schedule ?? false,
    // Expired jobs (their worker died) go back to the queue at the next maintenance pass.
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  // pg-boss reports background errors as events; an unhandled 'error' event would end the process.
  boss.on("error", (e) => process.stderr.write(`mlpath: queue: ${e.message}\n`));
  try {
    await boss.start();
    for (const name of Object.values(QUEUES)) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...JOB_DEFAULTS });
    }
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw new AppError("STORE_ERROR", `could not open the ingest queue: ${(e as Error).message}`, { cause: e });
  }
  return boss;
}

/** Jobs not finished yet, in both queues: created, retrying or being worked on. */
export async function pendingJobs(boss: PgBoss): Promise<number> {
  let n = 0;
  for (const name of Object.values(QUEUES)) n += await boss.getQueueSize(name, { before: "completed" });
  return n;
}
