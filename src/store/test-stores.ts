import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type Db, openDb, type StoreTarget, withDatabase } from "./db.js";

/**
 * The stores every store test runs against: embedded PGlite always, and PostgreSQL when
 * DATABASE_URL names a server. Each gets a fresh, empty database of its own.
 */
export interface TestStore {
  name: "pglite" | "postgres";
  /** Why this store is skipped, or undefined when it runs. */
  skip: string | undefined;
  open(): Promise<{ db: Db; target: StoreTarget; cleanup: () => Promise<void> }>;
}

export const testStores = (env: NodeJS.ProcessEnv = process.env): TestStore[] => [
  {
    name: "pglite",
    skip: undefined,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "mlpath-test-"));
      const target: StoreTarget = { kind: "pglite", dataDir: dir };
      const db = await openDb(target);
      return { db, target, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: "postgres",
    skip: env.DATABASE_URL ? undefined : "DATABASE_URL is not set: PostgreSQL adapter tests skipped",
    async open() {
      const admin = env.DATABASE_URL as string;
      const name = `mlpath_test_${randomBytes(6).toString("hex")}`;
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const target: StoreTarget = { kind: "postgres", url: withDatabase(admin, name) };
      const db = await openDb(target);
      return {
        db,
        target,
        cleanup: async () => {
          const c = new pg.Client({ connectionString: admin });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  },
];

/**
 * Opens `store` before the suite's tests and closes and removes it after them; the getter returns
 * the open database (call it inside tests, not at definition time).
 */
export function useTestStore(store: TestStore): () => Db {
  let db: Db | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, cleanup } = await store.open());
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });
  return () => {
    if (!db) throw new Error("the test store is not open yet");
    return db;
  };
}
