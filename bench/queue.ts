// Scale-out on one machine: N synthetic postings queued in PostgreSQL (`mlpath ingest --queue`),
// then 1, 2 and 4 `mlpath worker --once` processes draining the queue; postings/s and the ratio
// to one worker, with the stored count checked each time.
// usage: npm run build && DATABASE_URL=postgres://... npx tsx bench/queue.ts [--postings N] [--workers 1,2,4]
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { withDatabase } from "../src/store/db.js";
import { writeSyntheticPostings } from "./synthetic-postings.js";

const admin = process.env.DATABASE_URL;
if (!admin) {
  console.log("skipped: the queue needs PostgreSQL; set DATABASE_URL");
  process.exit(0);
}
const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "mlpath.js");
if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.log("skipped: run `npm run build` first (the benchmark drives the built CLI)");
  process.exit(0);
}
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? (process.argv[i + 1] as string) : fallback;
};
const postings = Number(arg("--postings", "20000"));
const counts = arg("--workers", "1,2,4").split(",").map(Number);

const tmp = mkdtempSync(join(tmpdir(), "mlpath-queue-bench-"));
const file = join(tmp, "postings.jsonl");
await writeSyntheticPostings(postings, file);
const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, NO_COLOR: "1" };
delete env.DATABASE_URL;

const sql = async (url: string, text: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
};

const rows: string[] = [];
let base = 0;
for (const workers of counts) {
  const name = `mlpath_queue_bench_${workers}`;
  await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await sql(admin, `CREATE DATABASE ${name}`);
  const url = withDatabase(admin, name);
  execFileSync(process.execPath, [bin, "ingest", "--queue", file, "--db", url, "--json"], { env, stdio: "ignore" });
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: workers },
      () =>
        new Promise<void>((resolve, reject) => {
          const p = spawn(process.execPath, [bin, "worker", "--once", "--json", "--concurrency", "1", "--db", url], {
            env,
            stdio: "ignore",
          });
          p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited ${code}`))));
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const [stored] = await sql(url, "SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM postings");
  await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const rate = postings / seconds;
  base ||= rate;
  rows.push(
    `| ${workers} | ${rate.toFixed(0)} postings/s (${seconds.toFixed(1)} s) | ${(rate / base).toFixed(2)} | ${stored.n} stored, ${stored.ids} distinct ids |`,
  );
}
rmSync(tmp, { recursive: true, force: true });
console.log(`| workers (${postings} synthetic postings, PostgreSQL 15, 2 cores) | drain rate | vs 1 worker | check |`);
console.log("|---|---|---|---|");
for (const row of rows) console.log(row);
