// The embedded store's insert cost alone: N synthetic postings are prepared first (extraction,
// signatures, full-text vectors; not timed), then stored into a fresh embedded store in ingest's
// batches with the full-text index deferred as a bulk load does. Prints wall and CPU time of the
// inserts and of the index build; --hash prints an md5 over every stored column, to show that a
// change to how postings are written stores exactly the same rows.
// --rounds R stores the N postings R times under new ids and titles (so none is a repost of an
// earlier round) and prints the CPU of each round: how the insert cost grows with the store.
// usage: npx tsx bench/store-insert.ts [N=20000] [--hash] [--rounds R]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadKnowledge } from "../src/knowledge/load.js";
import { readPostingFile } from "../src/sources/files.js";
import { createPostingPreparer, type PreparedPosting } from "../src/sources/prepare.js";
import { openDb } from "../src/store/db.js";
import { INGEST_BATCH } from "../src/store/ingest.js";
import { createPostingRepository } from "../src/store/postings.js";
import { BULK_LOAD_MIN } from "../src/store/search-index.js";
import { similarity } from "../src/text/minhash.js";
import { writeSyntheticPostings } from "./synthetic-postings.js";

const roundsAt = process.argv.indexOf("--rounds");
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 1;
const n = Number(process.argv.find((a, i) => /^\d+$/.test(a) && i !== roundsAt + 1) ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), "mlpath-store-insert-"));
try {
  const file = join(dir, "synthetic.jsonl");
  await writeSyntheticPostings(n, file);
  const prepare = createPostingPreparer(loadKnowledge());
  const prepared: PreparedPosting[] = [];
  for await (const item of readPostingFile(file)) if (item.ok) prepared.push(prepare(item.record));

  const db = await openDb({ kind: "pglite", dataDir: join(dir, "db") });
  const repo = createPostingRepository(db, similarity);
  const rebuild = await repo.deferSearchIndex(Math.max(prepared.length, BULK_LOAD_MIN));
  const seconds = (us: number) => (us / 1e6).toFixed(1);
  let cpu = process.cpuUsage();
  let wall = performance.now();
  const perRound: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const roundCpu = process.cpuUsage();
    const postings =
      round === 0
        ? prepared
        : prepared.map((p) => ({ ...p, id: `${p.id}-r${round}`, normTitle: `${p.normTitle} r${round}` }));
    for (let i = 0; i < postings.length; i += INGEST_BATCH) await repo.insertBatch(postings.slice(i, i + INGEST_BATCH));
    const used = process.cpuUsage(roundCpu);
    perRound.push(seconds(used.user + used.system));
  }
  const insert = { cpu: process.cpuUsage(cpu), wall: performance.now() - wall };
  cpu = process.cpuUsage();
  wall = performance.now();
  await rebuild?.();
  const build = { cpu: process.cpuUsage(cpu), wall: performance.now() - wall };
  const { total, unique } = await repo.counts();
  console.log(`| measure (${n} synthetic postings, embedded PGlite, store only) | wall | CPU |`);
  console.log("|---|---|---|");
  console.log(
    `| insert ${total} postings (${unique} unique), batches of ${INGEST_BATCH} | ${(insert.wall / 1000).toFixed(1)} s | ${seconds(insert.cpu.user + insert.cpu.system)} s |`,
  );
  if (rounds > 1) console.log(`| CPU of each round of ${prepared.length} | ${perRound.join(" / ")} s | |`);
  console.log(
    `| build the full-text index | ${(build.wall / 1000).toFixed(1)} s | ${seconds(build.cpu.user + build.cpu.system)} s |`,
  );
  if (process.argv.includes("--hash")) {
    const columns =
      "id, source, external_id, title, norm_title, company_id, location, country, remote, url, posted_at, description, role_id, seniority, min_years, degree, salary_min, salary_max, salary_currency, salary_period, skills::text, required_skills::text, minhash::text, duplicate_of, extract::text, industry, industry_id, search::text";
    const r = await db.query<{ h: string }>(
      `SELECT md5(string_agg(concat_ws('|', ${columns}), E'\\n' ORDER BY id)) AS h FROM postings`,
    );
    console.log(`md5 of every stored column: ${r.rows[0]?.h}`);
  }
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
