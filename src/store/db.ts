import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AppError } from "../errors.js";
import { lockDataDir } from "./lock.js";
import { restoreSearchIndex } from "./search-index.js";

export interface QueryResult<T> {
  rows: T[];
}

/**
 * What repositories need: parameterised queries, nothing else. A `Uint8Array` parameter of a
 * `text`, `json` or `tsvector` column is sent in PostgreSQL's binary format for that type (UTF-8
 * bytes for text and json), which spares the storing thread encoding it and the engine parsing it.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The store port. One interface, two adapters: embedded PGlite and a PostgreSQL server via `pg`. */
export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, for messages: a folder, "memory" or the server URL without its password. */
  readonly location: string;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreTarget = { kind: "pglite"; dataDir: string | "memory" } | { kind: "postgres"; url: string };

export const defaultDataDir = (): string => join(homedir(), ".mlpath", "db");

/**
 * Picks the store from flags and environment: an explicit `--db` wins, then DATABASE_URL (a
 * server), then MLPATH_DB, then the embedded default under the home folder.
 */
export function resolveStoreTarget(options: { db?: string | undefined }, env: NodeJS.ProcessEnv): StoreTarget {
  const fromFlag = options.db;
  // An empty --db (an unset shell variable: --db "$DIR") had fallen through to the user's default store.
  if (fromFlag?.trim() === "")
    throw new AppError("INVALID_INPUT", "--db is empty", { hint: "pass a folder, or a postgres:// URL" });
  if (fromFlag) return targetOf(fromFlag);
  if (env.DATABASE_URL) return targetOf(env.DATABASE_URL);
  if (env.MLPATH_DB) return targetOf(env.MLPATH_DB);
  return { kind: "pglite", dataDir: defaultDataDir() };
}

function targetOf(value: string): StoreTarget {
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value === "memory" || value === "memory://") return { kind: "pglite", dataDir: "memory" };
  // "mysql://x" had become a folder "mysql:/x" in the current folder.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new AppError("INVALID_INPUT", `store "${value}" is neither a folder nor a postgres:// URL`, {
      hint: "pass a folder for the embedded store, or postgres://USER:PASSWORD@HOST/DB for a server",
    });
  }
  return { kind: "pglite", dataDir: value };
}

/** What a store folder may hold besides PG_VERSION: the engine's files and mlpath's own. */
const STORE_ENTRY =
  /^(?:base|global|pg_[a-z_]+|postgresql(?:\.auto)?\.conf|postmaster\.(?:pid|opts)|mlpath\.lock|\.mlpath-new-store)$/;

/**
 * A folder with other files and no store in it is someone else's: making a store there would
 * scatter the engine's files among them (`--db ~/Documents`). A folder holding only what a
 * creation killed half way leaves is made again.
 */
function refuseForeignFolder(dataDir: string): void {
  if (existsSync(join(dataDir, "PG_VERSION"))) return;
  let entries: string[];
  try {
    entries = readdirSync(dataDir);
  } catch {
    return; // missing (it is made next) or no folder (making it says so)
  }
  const foreign = entries.filter((name) => !STORE_ENTRY.test(name));
  if (foreign.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `${dataDir} holds other files (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""}) and no store`,
      {
        hint: "pass a new or empty folder for the store, or the folder of an existing one",
      },
    );
  }
}

/**
 * `mkdirSync(dir, { recursive: true })`, one level at a time from the nearest folder that exists.
 * Node's own loops for ever where the system answers ENOENT for a child of a folder that exists
 * (`--db /proc/nope/x` hung); here that is an error naming the level that could not be made.
 */
function makeFolders(dir: string, mode: number): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (!existsSync(at)) {
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (!statSync(at).isDirectory()) {
    throw new AppError("INVALID_INPUT", `${at} is a file, not a folder: the store cannot be made in it`, {
      hint: "pass --db a folder path",
    });
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level, { mode });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && statSync(level).isDirectory()) continue;
      throw new AppError("STORE_ERROR", `could not make the folder ${level}: ${(e as Error).message}`, {
        cause: e,
        hint: "pass --db a folder you can write to",
      });
    }
  }
}

/**
 * Opens the store and brings its schema up to date before anything else touches it, including the
 * full-text index an interrupted bulk load may have left dropped.
 */
export async function openDb(target: StoreTarget): Promise<Db> {
  const db = target.kind === "postgres" ? await openPostgres(target.url) : await openPglite(target.dataDir);
  try {
    await migrate(db);
    await restoreSearchIndex(db);
  } catch (e) {
    await db.close().catch(() => {});
    if (e instanceof AppError) throw e;
    throw new AppError("STORE_ERROR", `could not migrate the store at ${db.location}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  return db;
}

async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  let pg: InstanceType<typeof PGlite>;
  let unlock = () => {};
  try {
    if (dataDir !== "memory") {
      refuseForeignFolder(dataDir);
      // Only its owner may enter: the engine writes its files readable by all (0666), and the store
      // keeps saved profiles. A folder that already exists keeps the mode its owner gave it.
      makeFolders(dataDir, 0o700);
      unlock = lockDataDir(dataDir);
    }
    // The engine's own page cache: 64 MB instead of PostgreSQL's 128. Its files stay in the
    // system's cache beneath it, so the store loses little speed (100,000 postings: within the
    // run-to-run spread, at most ~5%) and the process holds ~75 MB less, which keeps an ingest
    // with two extraction threads under 1 GB.
    const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=64MB"];
    if (dataDir !== "memory" && !existsSync(join(dataDir, "PG_VERSION"))) {
      // One compiled engine for both threads: the optimised code the engine's first run on the
      // thread builds (initdb runs much of it) is then already there for this one (~2 s less).
      const pgliteWasmModule = await compileEngine();
      await createStoreFolder(dataDir, pgliteWasmModule, storeTemplate());
      pg = await PGlite.create({ dataDir, pgliteWasmModule, startParams });
    } else pg = await PGlite.create({ ...(dataDir === "memory" ? {} : { dataDir }), startParams });
  } catch (e) {
    unlock();
    if (e instanceof AppError) throw e;
    throw new AppError("STORE_ERROR", `could not open the embedded store at ${dataDir}: ${(e as Error).message}`, {
      cause: e,
      hint: "check the folder is writable, or pass --db PATH",
    });
  }
  passBinaryParameters(pg.serializers);
  return {
    kind: "pglite",
    location: dataDir,
    ...pgliteQueryable(pg),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => fn(pgliteQueryable(tx))),
    close: () => pg.close().finally(unlock),
  };
}

/**
 * A new store's data folder as initdb leaves it, packed by the build (scripts/store-template.mjs)
 * beside the compiled module; undefined when running from source, where initdb makes it.
 */
function storeTemplate(): Uint8Array | undefined {
  const file = new URL("./empty-store.tar.gz", import.meta.url);
  const bytes = existsSync(file) ? readFileSync(file) : undefined;
  return bytes?.length ? bytes : undefined;
}

/**
 * Makes a new store's data folder: in a staging folder inside it first, from the template or, when
 * there is none or it is damaged, by initdb; then moved into place with PG_VERSION last. A creation
 * killed half way leaves no PG_VERSION, so the next open makes the folder again instead of finding
 * a store that cannot start.
 */
export async function createStoreFolder(
  dataDir: string,
  pgliteWasmModule: object,
  template: Uint8Array | undefined,
): Promise<void> {
  const staging = join(dataDir, ".mlpath-new-store");
  const attempt = (from: Uint8Array | undefined) => {
    rmSync(staging, { recursive: true, force: true });
    return initialiseInThread(staging, pgliteWasmModule, from);
  };
  try {
    await attempt(template);
  } catch (e) {
    if (!template) throw e;
    await attempt(undefined);
  }
  for (const name of readdirSync(staging).filter((n) => n !== "PG_VERSION")) {
    // Only the engine's own names: what a creation killed while moving had left.
    rmSync(join(dataDir, name), { recursive: true, force: true });
    renameSync(join(staging, name), join(dataDir, name));
  }
  renameSync(join(staging, "PG_VERSION"), join(dataDir, "PG_VERSION"));
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Creates a new embedded store on a thread of its own, unpacking the build's template (about 1 s)
 * or running initdb (about 3 s). Initdb leaves ~400 MB of memory behind that the process would
 * hold for as long as it runs (a whole ingest); a thread's memory is all given back when it ends,
 * and opening the store it made takes about a third of that.
 */
async function initialiseInThread(dataDir: string, pgliteWasmModule: object, template?: Uint8Array): Promise<void> {
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const { PGlite } = require(${JSON.stringify(fileURLToPath(pgliteEntry()))});
     const { template, ...options } = workerData;
     const loadDataDir = template ? new Blob([template]) : undefined;
     PGlite.create(${JSON.stringify(dataDir)}, { ...options, loadDataDir }).then((pg) => pg.close());`,
    { eval: true, workerData: { pgliteWasmModule, template } },
  );
  await new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`initialising the store stopped with exit code ${code}`)),
    );
  });
}

/** text, json, tsvector, int4[] and text[]: the types whose values the repositories may pass as bytes. */
const BINARY_PARAMETER_TYPES = [25, 114, 3614, 1007, 1009];

/**
 * PGlite serialises every parameter to text by its type (a Uint8Array for a text column would
 * become "104,105"); bytes are let through as they are, which its protocol writer sends in binary
 * format. node-postgres does the same with bytes by itself.
 */
function passBinaryParameters(serializers: Record<number | string, (value: unknown) => string>): void {
  for (const oid of BINARY_PARAMETER_TYPES) {
    const base = serializers[oid];
    serializers[oid] = (value) =>
      value instanceof Uint8Array ? (value as unknown as string) : base ? base(value) : String(value);
  }
}

// The one WebAssembly call used here: the ES2023 and Node type libraries do not declare the API.
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<object> };

/** The embedded engine, compiled once to be shared by the threads that run it. */
export const compileEngine = (): Promise<object> =>
  WebAssembly.compile(readFileSync(new URL("./pglite.wasm", pgliteEntry())));

/** The embedded engine's CommonJS entry, beside which its WebAssembly files lie. */
const pgliteEntry = (): URL => pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite"));

type PgliteLike = {
  query: <R>(sql: string, params?: unknown[]) => Promise<{ rows: R[] }>;
  exec: (sql: string) => Promise<unknown>;
};

const pgliteQueryable = (q: PgliteLike): Queryable => ({
  query: <R>(sql: string, params?: unknown[]) => q.query<R>(sql, params).then((r) => ({ rows: r.rows })),
  exec: (sql: string) => q.exec(sql).then(() => undefined),
});

type PgLike = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[] }> };

const pgQueryable = (q: PgLike): Queryable => ({
  query: <R>(sql: string, params?: unknown[]) => q.query(sql, params).then((r) => ({ rows: r.rows as R[] })),
  // Without parameters pg uses the simple protocol, which accepts several statements.
  exec: (sql: string) => q.query(sql).then(() => undefined),
});

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import("pg");
  const shown = redact(url);
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new AppError("STORE_ERROR", `could not connect to PostgreSQL at ${shown}: ${(e as Error).message}`, {
      cause: e,
      hint: "check DATABASE_URL and that the server is running, or unset it to use the embedded store",
    });
  }
  return {
    kind: "postgres",
    location: shown,
    ...pgQueryable(pool),
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(pgQueryable(client));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

const migrationsDir = (): string => fileURLToPath(new URL("../../src/store/migrations/", import.meta.url));

/** Migrations are `NNNN_name.sql`, applied in file-name order, each exactly once. */
export function readMigrations(dir: string = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.slice(0, 4), name: f.slice(5, -4), sql: readFileSync(join(dir, f), "utf8") }));
}

/**
 * Applies pending migrations, each in its own transaction together with its bookkeeping row, so a
 * crash leaves a migration either fully applied or not at all. An advisory lock makes concurrent
 * openers (several workers on one server) wait instead of racing.
 */
/** An arbitrary constant all mlpath processes agree on. */
const MIGRATION_LOCK = 7431001;

export async function migrate(db: Db, migrations: Migration[] = readMigrations()): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
  });
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const seen = await tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", [m.version]);
      if (seen.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

export async function appliedMigrations(db: Queryable): Promise<{ version: string; name: string; applied_at: Date }[]> {
  const r = await db.query<{ version: string; name: string; applied_at: Date }>(
    "SELECT version, name, applied_at FROM schema_migrations ORDER BY version",
  );
  return r.rows;
}

/** Swaps the database name in a connection URL, keeping host, socket and options. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
