// Ingest speed end to end (read, extract, dedupe, store) on the shared job-posting sets, into a
// fresh embedded store or the PostgreSQL server in DATABASE_URL, then ranking latency for profiles.
// usage: npx tsx bench/ingest-shared.ts [--postgres]
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createResumeFileReader } from "../src/documents/read-resume.js";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { fitRoles } from "../src/match/fit.js";
import { rankPostings } from "../src/match/rank.js";
import { openDb } from "../src/store/db.js";
import { ingestFiles } from "../src/store/ingest.js";
import { createPostingRepository } from "../src/store/postings.js";
import { similarity } from "../src/text/minhash.js";
import { requireShared } from "./shared-data.js";

const FILES = [
  ["jobs-linkedin-aiml-2024", "ai_ml_jobs_linkedin.csv"],
  ["jobs-linkedin-mle-2023", "MLE_Jobs_LinkedIn.csv"],
  ["jobs-linkedin-ds-da-2019", "DataScientist.csv"],
  ["jobs-linkedin-ds-da-2019", "DataAnalyst.csv"],
  ["jobs-glassdoor-ds-2020", "glassdoor_jobs.csv"],
  ["jobs-glassdoor-ds-uncleaned", "Uncleaned_DS_jobs.csv"],
] as const;

const usePostgres = process.argv.includes("--postgres");
if (usePostgres && !process.env.DATABASE_URL) {
  console.log("skipped: --postgres needs DATABASE_URL");
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), "mlpath-ingest-bench-"));
const db = await openDb(
  usePostgres ? { kind: "postgres", url: process.env.DATABASE_URL as string } : { kind: "pglite", dataDir: dir },
);
if (usePostgres) await db.exec("TRUNCATE postings, companies");
const pack = loadKnowledge();
const extract = createExtractor(pack);
const repo = createPostingRepository(db, similarity);

let peak = process.memoryUsage().rss;
const started = performance.now();
const counts = await ingestFiles(
  repo,
  FILES.map(([folder, name]) => requireShared(folder, name)),
  extract,
  {
    progress: (_, read) => {
      if (read % 200 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    },
  },
);
const seconds = (performance.now() - started) / 1000;

// Ranking: the top 20 for each benchmark profile, warm, several rounds.
const reader = createResumeFileReader(pack);
const profileDir = join(import.meta.dirname, "fit-profiles");
const profiles = await Promise.all(
  readdirSync(profileDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => reader.fromFile(join(profileDir, f), "2026-11")),
);
const { df, total } = await repo.skillFrequencies();
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const profile of profiles) {
    const t = performance.now();
    const fits = fitRoles(profile, pack, "2026-11").map((f) => f.id);
    const rows = await repo.candidates({ skills: profile.skills.map((s) => s.id), limit: 5000 });
    rankPostings(profile, rows, { df, total, fitRoles: fits.slice(0, 5), top: 20 });
    if (round > 0) times.push(performance.now() - t);
  }
}
times.sort((a, b) => a - b);
await db.close();
rmSync(dir, { recursive: true, force: true });

console.log(`| measure (${usePostgres ? "PostgreSQL 15" : "embedded PGlite"}) | value |`);
console.log("|---|---|");
console.log(
  `| rows read / stored / reposts / exact repeats / skipped | ${counts.read} / ${counts.inserted} / ${counts.duplicates} / ${counts.skipped} / ${counts.errors} |`,
);
console.log(`| ingest, end to end | ${(counts.read / seconds).toFixed(0)} postings/s (${seconds.toFixed(1)} s) |`);
console.log(`| peak RSS | ${(peak / 1048576).toFixed(0)} MiB |`);
console.log(
  `| top 20 of ${total} unique postings, p50 / p95 over ${times.length} searches | ${times[Math.floor(times.length / 2)]?.toFixed(1)} / ${times[Math.floor(times.length * 0.95)]?.toFixed(1)} ms |`,
);
