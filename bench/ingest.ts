// Ingest speed end to end (read, extract, dedupe, store) into a fresh embedded store or the
// PostgreSQL server in DATABASE_URL, then ranking latency for 50 profiles over what was stored.
// usage: npx tsx bench/ingest.ts [--postgres] [--synthetic N] [--keep DIR] [--store DIR|URL]
//   --store DIR: no ingest; time ranking over an embedded store built before (with --keep);
//   --store postgres://...: the same over a PostgreSQL database filled before (e.g. by bench/queue.ts).
//   default: the six shared CSV job sets (~10k rows); --synthetic N: N postings built from them
//   by bench/synthetic-postings.ts into a temporary file.
import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Profile } from "../src/documents/profile.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { fitRoles } from "../src/match/fit.js";
import { createPostingSearch } from "../src/match/search.js";
import { createSkillGraph } from "../src/match/skill-graph.js";
import { createBatchPreparer, INGEST_THREADS } from "../src/sources/prepare-pool.js";
import { openDb } from "../src/store/db.js";
import { ingestFiles } from "../src/store/ingest.js";
import { createPostingRepository } from "../src/store/postings.js";
import { similarity } from "../src/text/minhash.js";
import { benchProfiles } from "./profiles.js";
import { requireShared } from "./shared-data.js";
import { SHARED_POSTING_FILES, writeSyntheticPostings } from "./synthetic-postings.js";

const storeAt = process.argv.indexOf("--store");
const existing = storeAt > 0 ? (process.argv[storeAt + 1] as string) : undefined;
const existingUrl = existing && /^postgres(ql)?:\/\//.test(existing) ? existing : undefined;
const usePostgres = process.argv.includes("--postgres") || existingUrl !== undefined;
const at = process.argv.indexOf("--synthetic");
const synthetic = at > 0 ? Number(process.argv[at + 1]) : 0;
if (usePostgres && !existingUrl && !process.env.DATABASE_URL) {
  console.log("skipped: --postgres needs DATABASE_URL");
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), "mlpath-ingest-bench-"));
let files = existing ? [] : SHARED_POSTING_FILES.map(([folder, name]) => requireShared(folder, name));
if (synthetic > 0 && !existing) {
  const t = performance.now();
  files = [join(dir, "synthetic.jsonl")];
  await writeSyntheticPostings(synthetic, files[0] as string);
  console.log(
    `(built ${synthetic} synthetic postings in ${((performance.now() - t) / 1000).toFixed(1)} s, not timed below)`,
  );
}
const db = await openDb(
  usePostgres
    ? { kind: "postgres", url: existingUrl ?? (process.env.DATABASE_URL as string) }
    : { kind: "pglite", dataDir: existing ?? join(dir, "db") },
);
if (usePostgres && !existing) await db.exec("TRUNCATE postings, companies");
const pack = loadKnowledge();
const repo = createPostingRepository(db, similarity);
const preparer = createBatchPreparer(pack, INGEST_THREADS);

let peak = process.memoryUsage().rss;
const started = performance.now();
const counts = await ingestFiles(repo, files, preparer, {
  progress: (_, read) => {
    if (read % 200 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  },
});
const seconds = (performance.now() - started) / 1000;
await preparer.close();

const profiles = await benchProfiles(pack);
const fits = profiles.map((p) => fitRoles(p, pack, "2026-11").map((f) => f.id));

// As the server and CLI search: skills the person's build on, and close alternatives, earn part.
const search = createPostingSearch(repo, { graph: createSkillGraph(pack) });
const coldStart = performance.now();
const { total } = await search.search(profiles[0] as Profile, { fitRoles: fits[0] as string[], top: 20 });
const cold = performance.now() - coldStart;
const times: number[] = [];
const newQuery: number[] = [];
const repeatedQuery: number[] = [];
// Each profile searches with words of its own (the name of one of its skills), then with the
// same words and another filter, as a person refining a search does (recent queries' matches are
// kept until the store changes).
const words = profiles.map((p, i) => p.skills[i % Math.max(1, p.skills.length)]?.name ?? "python");
for (let round = 0; round < 3; round++) {
  for (const [i, profile] of profiles.entries()) {
    let t = performance.now();
    await search.search(profile, { fitRoles: fits[i] as string[], top: 20 });
    times.push(performance.now() - t);
    if (round > 0) continue;
    const query = words[i] as string;
    t = performance.now();
    await search.search(profile, { fitRoles: fits[i] as string[], top: 20, filter: { query, remote: true } });
    newQuery.push(performance.now() - t);
    t = performance.now();
    await search.search(profile, { fitRoles: fits[i] as string[], top: 20, filter: { query, country: "US" } });
    repeatedQuery.push(performance.now() - t);
  }
}
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]?.toFixed(1);
// Market figures from the aggregates, and what refreshing them after an ingest run costs.
const timed = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
const market = {
  demand: await timed(() => repo.skillDemand({ top: 20 })),
  demandRole: await timed(() => repo.skillDemand({ top: 20, roleId: "data-scientist", since: "2024-01-01" })),
  trends: await timed(() => repo.skillCountsByPeriod({})),
  // The ingest run rebuilt them already: forget that, so this times a full rebuild, not the check.
  refresh: await timed(async () => {
    await db.query("DELETE FROM app_meta WHERE key = 'market_refresh'");
    await repo.refreshAggregates();
  }),
};
await db.close();
// --keep DIR: leave the embedded store there (e.g. for MLPATH_LOAD_DB=DIR npx tsx bench/load.ts).
const keep = process.argv.indexOf("--keep");
if (keep > 0 && !usePostgres && !existing) renameSync(join(dir, "db"), process.argv[keep + 1] as string);
rmSync(dir, { recursive: true, force: true });

const what = existingUrl
  ? "a PostgreSQL database filled before"
  : existing
    ? `the store in ${existing}`
    : synthetic > 0
      ? `${synthetic} synthetic postings`
      : "six shared job sets";
console.log(`| measure (${what}, ${usePostgres ? "PostgreSQL 15" : "embedded PGlite"}) | value |`);
console.log("|---|---|");
if (!existing) {
  console.log(
    `| rows read / stored / reposts / exact repeats / skipped | ${counts.read} / ${counts.inserted} / ${counts.duplicates} / ${counts.skipped} / ${counts.errors} |`,
  );
  console.log(
    `| ingest, end to end (${preparer.parallel} extraction thread${preparer.parallel > 1 ? "s" : ""}) | ${(counts.read / seconds).toFixed(0)} postings/s (${seconds.toFixed(1)} s) |`,
  );
  console.log(`| peak RSS (main thread sampled) | ${(peak / 1048576).toFixed(0)} MiB |`);
}
console.log(`| ranking index built from the store (first search) | ${cold.toFixed(0)} ms |`);
console.log(
  `| top 20 of ${total} unique postings, p50 / p95 over ${times.length} searches (${profiles.length} profiles) | ${pct(times, 0.5)} / ${pct(times, 0.95)} ms |`,
);
console.log(
  `| the same with a full-text query (a skill's name) and remote only: new words, p50 / p95 | ${pct(newQuery, 0.5)} / ${pct(newQuery, 0.95)} ms |`,
);
console.log(
  `| the same words again with another filter, p50 / p95 | ${pct(repeatedQuery, 0.5)} / ${pct(repeatedQuery, 0.95)} ms |`,
);
console.log(
  `| market: skill demand, all / one role since a date / trend counts | ${market.demand.toFixed(0)} / ${market.demandRole.toFixed(0)} / ${market.trends.toFixed(0)} ms |`,
);
console.log(`| market aggregates refreshed (once per ingest run) | ${market.refresh.toFixed(0)} ms |`);
