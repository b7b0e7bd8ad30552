// Crash safety: a process killed with SIGKILL in the middle of a profile save, a migration or an
// ingest leaves a store that opens, holds nothing half-written, and completes on the next run.
// Runs on the embedded store, and on PostgreSQL when DATABASE_URL is set.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDb, type StoreTarget } from "../src/store/db.js";
import { testStores } from "../src/store/test-stores.js";
import { runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-crash-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dist = (path: string) => JSON.stringify(pathToFileURL(join(import.meta.dirname, "..", "dist", path)).href);
const where = (t: StoreTarget) => (t.kind === "postgres" ? t.url : t.dataDir);

/** Runs a module in a child process with the built code; resolves when it prints `marker`. */
function child(code: string, marker: string): Promise<ChildProcess> {
  const p = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    p.stdout?.on("data", (d) => {
      out += String(d);
      if (out.includes(marker)) resolve(p);
    });
    p.on("exit", (c) => reject(new Error(`child exited (${c}) before "${marker}": ${out}`)));
  });
}
const kill = async (p: ChildProcess) => {
  const exited = new Promise((resolve) => p.once("exit", resolve));
  p.kill("SIGKILL");
  await exited;
};
const count = async (db: Db, sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]?.n);

for (const store of testStores()) {
  describe.skipIf(store.skip)(`kill -9 on ${store.name}`, () => {
    it("during profile saves: every saved profile has all its skills, and the store keeps working", async () => {
      const { db, target, cleanup } = await store.open();
      await db.close();
      const saver = await child(
        `import { openDb } from ${dist("store/db.js")};
         import { createProfileRepository } from ${dist("store/profiles.js")};
         const db = await openDb(${JSON.stringify(target)});
         const repo = createProfileRepository(db);
         const skill = (id) => ({ id, name: id, category: "library", source: "skills", sources: ["skills"], mentions: [] });
         const profile = { contact: { name: null, email: null, phone: null, links: [] }, headline: null,
           skills: Array.from({ length: 200 }, (_, i) => skill("skill-" + i)), experience: [], education: [],
           certifications: [], projects: [], years: 1, warnings: [], document: { format: "text" } };
         for (let i = 0; ; i++) { await repo.save(profile, "p" + i); if (i === 20) console.log("saving"); }`,
        "saving",
      );
      await kill(saver);
      const after = await openDb(target);
      try {
        const profiles = await count(after, "SELECT count(*) AS n FROM profiles");
        expect(profiles).toBeGreaterThan(20);
        // None half-written: each saved profile has its 200 skill rows, and no skill row is orphaned.
        expect(await count(after, "SELECT count(*) AS n FROM profile_skills")).toBe(profiles * 200);
      } finally {
        await after.close();
      }
      const list = runCli(["profile", "list", "--json", "--db", where(target)], { home: tmp });
      expect(list.code, list.stderr).toBe(0);
      expect(JSON.parse(list.stdout).length).toBeGreaterThan(20);
      await cleanup();
    }, 90_000);

    it("during a migration: the migration is not half applied, and the next open applies the rest", async () => {
      const { db, target, cleanup } = await store.open();
      await db.close();
      const migrating = await child(
        `import { openDb, migrate, readMigrations } from ${dist("store/db.js")};
         const db = await openDb(${JSON.stringify(target)});
         console.log("migrating");
         await migrate(db, [...readMigrations(), { version: "9999", name: "slow", sql: "CREATE TABLE half_done (x int); SELECT pg_sleep(6);" }]);`,
        "migrating",
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await kill(migrating);
      const after = await openDb(target);
      try {
        expect(await count(after, "SELECT count(*) AS n FROM schema_migrations WHERE version = '9999'")).toBe(0);
        expect(await count(after, "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'half_done'")).toBe(0);
        expect(await count(after, "SELECT count(*) AS n FROM schema_migrations")).toBeGreaterThanOrEqual(4);
      } finally {
        await after.close();
      }
      await cleanup();
    }, 90_000);
  });
}

describe.skipIf(!process.env.DATABASE_URL)("two ingest processes on one PostgreSQL database", () => {
  it("store every posting once when they ingest the same and overlapping files at the same time", async () => {
    const pg = testStores().find((s) => s.name === "postgres");
    if (!pg) return;
    const { db, target, cleanup } = await pg.open();
    try {
      const line = (i: number) =>
        JSON.stringify({
          id: `job-${i}`,
          title: `Data Engineer ${i}`,
          company: `Company ${i % 50}`,
          description: `Build pipelines ${i} in Python, SQL and Spark for team ${i}; on call one week in six.`,
        });
      const a = join(tmp, "a.jsonl");
      const b = join(tmp, "b.jsonl");
      writeFileSync(a, Array.from({ length: 1500 }, (_, i) => line(i)).join("\n"));
      writeFileSync(b, Array.from({ length: 1500 }, (_, i) => line(i + 500)).join("\n"));
      const run = (file: string) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const p = spawn(
            process.execPath,
            [join(import.meta.dirname, "..", "bin", "mlpath.js"), "ingest", "--json", file, "--db", where(target)],
            {
              env: { PATH: process.env.PATH, HOME: tmp },
            },
          );
          let out = "";
          p.stdout.on("data", (d) => {
            out += String(d);
          });
          p.stderr.on("data", (d) => {
            out += String(d);
          });
          p.on("exit", (code) => resolve({ code, out }));
        });
      const [ra, rb] = await Promise.all([run(a), run(b)]);
      expect(ra.code, ra.out).toBe(0);
      expect(rb.code, rb.out).toBe(0);
      // The 1,000 postings in both files are stored from each (their source differs) but only
      // once as unique postings: the second copy is a repost of the first, however they interleave.
      expect(await count(db, "SELECT count(*) AS n FROM postings")).toBe(3000);
      expect(await count(db, "SELECT count(*) AS n FROM postings WHERE duplicate_of IS NULL")).toBe(2000);
    } finally {
      await db.close();
      await cleanup();
    }
  }, 120_000);
});
