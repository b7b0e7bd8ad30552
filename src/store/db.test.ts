import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { int4ArrayBytes, textArrayBytes } from "./binary-array.js";
import {
  appliedMigrations,
  compileEngine,
  createStoreFolder,
  type Db,
  migrate,
  openDb,
  readMigrations,
  resolveStoreTarget,
  type StoreTarget,
} from "./db.js";
import { testStores } from "./test-stores.js";

describe("resolveStoreTarget", () => {
  it("prefers --db, then DATABASE_URL, then MLPATH_DB, then the home folder", () => {
    const env = { DATABASE_URL: "postgres://u@h/db", MLPATH_DB: "/data/x" };
    expect(resolveStoreTarget({ db: "/flag" }, env)).toEqual({ kind: "pglite", dataDir: "/flag" });
    expect(resolveStoreTarget({}, env)).toEqual({ kind: "postgres", url: "postgres://u@h/db" });
    expect(resolveStoreTarget({}, { MLPATH_DB: "/data/x" })).toEqual({ kind: "pglite", dataDir: "/data/x" });
    expect(resolveStoreTarget({}, {})).toMatchObject({ kind: "pglite", dataDir: expect.stringMatching(/\.mlpath/) });
    expect(resolveStoreTarget({ db: "memory" }, {})).toEqual({ kind: "pglite", dataDir: "memory" });
  });

  it("refuses an empty --db and a URL of another database, which had become the default store and a folder", () => {
    expect(() => resolveStoreTarget({ db: "" }, {})).toThrow("--db is empty");
    expect(() => resolveStoreTarget({ db: " " }, { MLPATH_DB: "/data/x" })).toThrow("--db is empty");
    expect(() => resolveStoreTarget({ db: "mysql://x" }, {})).toThrow(
      'store "mysql://x" is neither a folder nor a postgres:// URL',
    );
  });
});

describe("an embedded store's folder", () => {
  it("is not made among someone else's files, but is made again after a creation killed half way", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlpath-foreign-"));
    try {
      writeFileSync(join(dir, "notes.txt"), "mine");
      await expect(openDb({ kind: "pglite", dataDir: dir })).rejects.toThrow(
        /holds other files \(notes\.txt\) and no store/,
      );
      expect(readdirSync(dir)).toEqual(["notes.txt"]);
      rmSync(join(dir, "notes.txt"));
      // What a creation killed while moving leaves: engine folders, no PG_VERSION.
      mkdirSync(join(dir, "base"));
      mkdirSync(join(dir, ".mlpath-new-store"));
      const db = await openDb({ kind: "pglite", dataDir: dir });
      await db.close();
      expect(readdirSync(dir)).toContain("PG_VERSION");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("an embedded store's folder that cannot be made", () => {
  it("is an error naming the level, where Node's recursive mkdir looped for ever under /proc", async () => {
    if (!existsSync("/proc/self")) return; // no /proc: the system answers differently
    await expect(openDb({ kind: "pglite", dataDir: "/proc/nope/x" })).rejects.toThrow(
      /could not make the folder \/proc\/nope/,
    );
  }, 10_000);

  it("is an error when a level on the way is a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mlpath-file-"));
    try {
      writeFileSync(join(dir, "f"), "x");
      await expect(openDb({ kind: "pglite", dataDir: join(dir, "f", "db") })).rejects.toThrow(
        /f is a file, not a folder/,
      );
      await expect(openDb({ kind: "pglite", dataDir: join(dir, "f") })).rejects.toThrow(/f is a file, not a folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("readMigrations", () => {
  it("lists numbered migrations in order", () => {
    const ms = readMigrations();
    expect(ms.length).toBeGreaterThan(0);
    expect(ms.map((m) => m.version)).toEqual([...ms.map((m) => m.version)].sort());
    expect(ms[0]).toMatchObject({ version: "0001", name: "init" });
  });
});

for (const store of testStores()) {
  describe.skipIf(store.skip)(`store on ${store.name}`, () => {
    if (store.skip) console.warn(store.skip);
    let db: Db;
    let target: StoreTarget;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      ({ db, target, cleanup } = await store.open());
    }, 30_000);
    afterAll(async () => {
      await db?.close();
      await cleanup?.();
    });

    it("stores the large posting columns uncompressed, out of line (no pglz on the storing thread)", async () => {
      const r = await db.query<{ attname: string; attstorage: string }>(
        `SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'postings'::regclass
          AND attname IN ('description', 'extract', 'search') ORDER BY attname`,
      );
      expect(r.rows).toEqual([
        { attname: "description", attstorage: "e" },
        { attname: "extract", attstorage: "e" },
        { attname: "search", attstorage: "e" },
      ]);
    });

    it("applies every migration on open, once", async () => {
      const applied = await appliedMigrations(db);
      expect(applied.map((m) => m.version)).toEqual(readMigrations().map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
    });

    it("keeps text exactly, injection strings included, through parameters", async () => {
      const nasty = ["'; DROP TABLE app_meta; --", "Robert'); DELETE FROM schema_migrations;--", "ünïcødé ✓ \u202e"];
      for (const [i, text] of nasty.entries()) {
        await db.query("INSERT INTO app_meta (key, value) VALUES ($1, $2)", [`k${i}`, JSON.stringify({ text })]);
      }
      const rows = await db.query<{ value: { text: string } }>(
        "SELECT value FROM app_meta WHERE key LIKE 'k%' ORDER BY key",
      );
      expect(rows.rows.map((r) => r.value.text)).toEqual(nasty);
      expect((await appliedMigrations(db)).length).toBe(readMigrations().length);
    });

    it("reads int4[] and text[] parameters sent as bytes in the binary array format, empty ones too", async () => {
      const numbers = [-2147483648, -1, 0, 7, 2147483647];
      const words = ["c++", "ünïcødé ✓", "", "a,b", '"quoted"', "{braces}", "NULL"];
      const r = await db.query<{ numbers: number[]; words: string[]; none: number[]; empty: string[] }>(
        "SELECT $1::int4[] AS numbers, $2::text[] AS words, $3::int4[] AS none, $4::text[] AS empty",
        [int4ArrayBytes(numbers), textArrayBytes(words), int4ArrayBytes([]), textArrayBytes([])],
      );
      expect(r.rows[0]).toEqual({ numbers, words, none: [], empty: [] });
      for (const bad of [2 ** 31, 1.5, Number.NaN]) expect(() => int4ArrayBytes([bad])).toThrow(RangeError);
    });

    it("commits a transaction that resolves and rolls back one that throws", async () => {
      await db.transaction((tx) => tx.query("INSERT INTO app_meta (key, value) VALUES ('tx-ok', '1')"));
      await expect(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO app_meta (key, value) VALUES ('tx-bad', '1')");
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      const keys = await db.query<{ key: string }>("SELECT key FROM app_meta WHERE key LIKE 'tx-%' ORDER BY key");
      expect(keys.rows.map((r) => r.key)).toEqual(["tx-ok"]);
    });

    it("applies a failing migration not at all", async () => {
      const bad = { version: "9999", name: "bad", sql: "CREATE TABLE half_done (x int); SELECT 1/0;" };
      await expect(migrate(db, [...readMigrations(), bad])).rejects.toThrow();
      const t = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
      expect(t.rows).toEqual([]);
      expect((await appliedMigrations(db)).map((m) => m.version)).not.toContain("9999");
    });

    it("reopens with its data and nothing left to migrate", async () => {
      await db.close();
      db = await openDb(target);
      const keys = await db.query<{ key: string }>("SELECT key FROM app_meta WHERE key = 'tx-ok'");
      expect(keys.rows).toHaveLength(1);
    }, 30_000);

    it.skipIf(store.name !== "postgres")("lets two processes open and migrate at once", async () => {
      const [a, b] = await Promise.all([openDb(target), openDb(target)]);
      await Promise.all([a.close(), b.close()]);
    });
  });
}

describe("createStoreFolder", () => {
  const dir = mkdtempSync(join(tmpdir(), "mlpath-store-folder-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes the folder by initdb when the template is damaged, and the store opens", async () => {
    const dataDir = join(dir, "damaged");
    mkdirSync(dataDir);
    // Bytes that are no gzip: the store had failed to start, with a hint about permissions.
    await createStoreFolder(dataDir, await compileEngine(), new Uint8Array([1, 2, 3, 4]));
    expect(readdirSync(dataDir)).toContain("PG_VERSION");
    expect(readdirSync(dataDir)).not.toContain(".mlpath-new-store");
    const db = await openDb({ kind: "pglite", dataDir });
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM postings")).rows[0]?.n).toBe(0);
    await db.close();
  }, 60_000);

  it("makes a new store's folder for its owner alone: the engine writes files readable by all", async () => {
    const dataDir = join(dir, "home", ".mlpath", "db");
    const db = await openDb({ kind: "pglite", dataDir });
    await db.close();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, "home", ".mlpath")).mode & 0o777).toBe(0o700);
  }, 60_000);

  it("makes the folder again over what a creation killed half way left", async () => {
    const dataDir = join(dir, "killed");
    mkdirSync(join(dataDir, ".mlpath-new-store", "base"), { recursive: true });
    mkdirSync(join(dataDir, "global"));
    writeFileSync(join(dataDir, "global", "1262"), "half written");
    const db = await openDb({ kind: "pglite", dataDir });
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM postings")).rows[0]?.n).toBe(0);
    await db.close();
  }, 60_000);
});
