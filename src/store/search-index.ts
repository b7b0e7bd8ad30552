import type { Db, Queryable } from "./db.js";

/**
 * The postings' full-text index as migrations 0002 and 0008 left it. A bulk load into the
 * embedded store drops it and builds it again at the end (`deferSearchIndex`); this is the one
 * definition both that and the repair at open (`restoreSearchIndex`) use.
 */
const CREATE_SEARCH_INDEX =
  "CREATE INDEX IF NOT EXISTS postings_search ON postings USING gin (search) WITH (gin_pending_list_limit = 65536)";

/** Below this many incoming postings the index is kept: building it again would cost more than it saves. */
export const BULK_LOAD_MIN = 10_000;

/**
 * Whether a load of `incoming` postings into a store holding `stored` should build the full-text
 * index once at the end instead of posting by posting. Adding a posting to the index costs
 * about as much CPU as indexing 1.2 stored ones from scratch (measured on 30,000 postings:
 * 28.3 + 1.6 s with the index kept, 18.9 + 5.1 s dropped and built again), so deferring pays when
 * the load is large and at least as big as what is stored; the margin covers the index growing
 * costlier per posting as it grows.
 */
export const shouldDeferSearchIndex = (stored: number, incoming: number): boolean =>
  incoming >= BULK_LOAD_MIN && incoming >= stored;

/**
 * For a load of about `incoming` postings into a store holding `storedCount()`: drops the
 * full-text index when it pays (see `shouldDeferSearchIndex`) and returns what builds it again,
 * else null. Only on the embedded store, whose lock keeps every other process out while the load runs: on a server, searches and
 * other ingest workers would meanwhile find no index. If the load dies before the rebuild,
 * `restoreSearchIndex` rebuilds it when the store is next opened.
 */
export async function deferSearchIndex(
  db: Db,
  incoming: number,
  storedCount: () => Promise<number>,
): Promise<(() => Promise<void>) | null> {
  // Small loads and servers are decided before counting what is stored (a scan at a million rows).
  if (db.kind !== "pglite" || incoming < BULK_LOAD_MIN) return null;
  if (!shouldDeferSearchIndex(await storedCount(), incoming)) return null;
  await db.exec("DROP INDEX IF EXISTS postings_search");
  // The default maintenance_work_mem (64 MB) builds it as fast as 256 MB did on 30,000 postings.
  return () => db.exec(CREATE_SEARCH_INDEX);
}

/** Builds the full-text index if a bulk load was interrupted before it could; true when it had to. */
export async function restoreSearchIndex(db: Queryable): Promise<boolean> {
  const r = await db.query<{ present: boolean }>("SELECT to_regclass('postings_search') IS NOT NULL AS present");
  if (r.rows[0]?.present !== false) return false;
  await db.exec(CREATE_SEARCH_INDEX);
  return true;
}
