// The PostgreSQL job queue: `mlpath ingest --queue` enqueues, `mlpath worker` processes store;
// a worker killed in the middle of a job loses and doubles nothing. Needs DATABASE_URL.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../src/store/db.js";
import { testStores } from "../src/store/test-stores.js";
import { BIN, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-queue-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const pg = testStores().find((s) => s.name === "postgres");
const count = async (db: Db, sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]?.n);

function worker(
  url: string,
  args: string[] = [],
): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, "worker", "--db", url, ...args], {
    env: { PATH: process.env.PATH, HOME: tmp, NO_COLOR: "1" },
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, output: () => out, exited };
}

describe.skipIf(pg?.skip)("ingest queue and workers on PostgreSQL", () => {
  it("stores every queued posting exactly once when a worker is killed mid-job", async () => {
    if (!pg) return;
    const { db, target, cleanup } = await pg.open();
    const url = target.kind === "postgres" ? target.url : "";
    try {
      const n = 3000;
      const lines = Array.from({ length: n }, (_, i) =>
        JSON.stringify({
          id: `q-${i}`,
          title: `ML Engineer ${i}`,
          company: `Queue Co ${i}`,
          description: `Train and deploy models ${i} in Python and PyTorch; MLOps with Docker and Kubernetes for team ${i}.`,
        }),
      );
      const file = join(tmp, "queued.jsonl");
      writeFileSync(file, lines.join("\n"));
      const queued = runCli(["ingest", "--queue", "--json", "--job-timeout", "5", file, "--db", url], { home: tmp });
      expect(queued.code, queued.stderr).toBe(0);
      expect(JSON.parse(queued.stdout)).toMatchObject({ jobs: 6, records: n });
      expect(await count(db, "SELECT count(*) AS n FROM postings")).toBe(0);

      // The first worker dies with SIGKILL as soon as it has stored one job; its next job is in hand.
      const first = worker(url, ["--concurrency", "1"]);
      await new Promise<void>((resolve, reject) => {
        const poll = setInterval(() => {
          if (first.output().includes("rows 1-500")) {
            clearInterval(poll);
            resolve();
          }
        }, 50);
        first.exited.then(() => reject(new Error(`worker exited: ${first.output()}`)));
      });
      first.child.kill("SIGKILL");
      await first.exited;
      const partial = await count(db, "SELECT count(*) AS n FROM postings");
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(n);

      // Two more finish the queue, the killed worker's job included once it expires.
      const [a, b] = [worker(url, ["--once", "--json"]), worker(url, ["--once", "--json"])];
      expect(await a.exited, a.output()).toBe(0);
      expect(await b.exited, b.output()).toBe(0);
      expect(await count(db, "SELECT count(*) AS n FROM postings")).toBe(n);
      expect(await count(db, "SELECT count(DISTINCT id) AS n FROM postings")).toBe(n);
      expect(await count(db, "SELECT count(*) AS n FROM postings WHERE duplicate_of IS NULL")).toBe(n);
    } finally {
      await db.close();
      await cleanup();
    }
  }, 120_000);

  it("names and counts the rows it could not queue, as a run without --queue does", async () => {
    if (!pg) return;
    const { db, target, cleanup } = await pg.open();
    const url = target.kind === "postgres" ? target.url : "";
    try {
      const good = JSON.stringify({ title: "ML Engineer", company: "Acme", description: "Python and PyTorch." });
      const file = join(tmp, "mixed.jsonl");
      writeFileSync(file, [good, "{oops", JSON.stringify({ title: "No text" })].join("\n"));
      const r = runCli(["ingest", "--queue", "--json", file, "--db", url], { home: tmp });
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      // The count alone had been given: no reason, and no row named.
      expect(summary).toMatchObject({ jobs: 1, records: 1, errors: 2 });
      expect(Object.values(summary.errorReasons)).toEqual([1, 1]);
      expect(r.stderr).toContain("mixed.jsonl:2: skipped: not JSON");
      expect(r.stderr).toMatch(/mlpath: 2 rows skipped: 1 .+; 1 /);
      // Nothing readable is a failure, as it is without --queue.
      writeFileSync(file, "{oops\n");
      const none = runCli(["ingest", "--queue", file, "--db", url], { home: tmp });
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("none of the 1 rows read could be queued");
    } finally {
      await db.close();
      await cleanup();
    }
  }, 60_000);

  it("refuses the queue on the embedded store, with what to do", () => {
    const r = runCli(["ingest", "--queue", join(tmp, "x.jsonl"), "--db", join(tmp, "db")], { home: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the ingest queue needs a PostgreSQL store");
  }, 30_000);
});
