// The API under load: the built `mlpath serve` on a loopback port, driven by autocannon (50
// connections, 30 s per endpoint by default) on ranked job search (50 different profiles in turn)
// and on extraction.
// usage: npm run build && npx tsx bench/load.ts [--postings N] [--duration S] [--connections C]
//          [--processes P]
//   --postings N: a fresh embedded store with N synthetic postings (default 100000; built first,
//   not timed); MLPATH_LOAD_DB=DIR reuses a store built before, MLPATH_LOAD_DATABASE_URL=postgres://...
//   a PostgreSQL database filled before (e.g. by bench/ingest.ts --postgres --synthetic 100000).
//   --processes P: `mlpath serve --processes P` (PostgreSQL only).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { loadKnowledge } from "../src/knowledge/load.js";
import { benchProfiles } from "./profiles.js";
import { writeSyntheticPostings } from "./synthetic-postings.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const postings = arg("--postings", 100_000);
const duration = arg("--duration", 30);
const connections = arg("--connections", 50);
const processes = arg("--processes", 1);
const databaseUrl = process.env.MLPATH_LOAD_DATABASE_URL;
const root = join(import.meta.dirname, "..");
const bin = join(root, "bin", "mlpath.js");
if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.log("skipped: run `npm run build` first (the benchmark drives the built CLI)");
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), "mlpath-load-"));
const db = process.env.MLPATH_LOAD_DB ?? join(tmp, "db");
const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, NO_COLOR: "1" };
delete env.DATABASE_URL;
if (databaseUrl) env.DATABASE_URL = databaseUrl;
else if (!process.env.MLPATH_LOAD_DB) {
  const file = join(tmp, "postings.jsonl");
  await writeSyntheticPostings(postings, file);
  const t = performance.now();
  execFileSync(process.execPath, [bin, "ingest", file, "--db", db, "--json"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(
    `(stored ${postings} synthetic postings in ${((performance.now() - t) / 1000).toFixed(0)} s, not timed below)`,
  );
}
const profiles = await benchProfiles(loadKnowledge());
const first = JSON.parse(
  readFileSync(join(root, "samples", "postings", "postings.jsonl"), "utf8").split("\n")[0] as string,
);
const posting = { title: first.title, text: first.description };

const server: ChildProcess = spawn(
  process.execPath,
  [bin, "serve", "--port", "0", "--processes", String(processes), ...(databaseUrl ? [] : ["--db", db])],
  { env },
);
const base = await new Promise<string>((resolve, reject) => {
  let out = "";
  server.stdout?.on("data", (d) => {
    out += String(d);
    const m = out.match(/http:\/\/[\d.]+:\d+/);
    if (m) resolve(m[0]);
  });
  server.on("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
});

async function load(title: string, path: string, bodies: unknown[]) {
  const headers = { "content-type": "application/json" };
  // Each body once first, so every process's ranking index is built before the clock starts (warm, as asked).
  for (let i = 0; i < processes * 2; i++) {
    const res = await fetch(`${base}${path}`, { method: "POST", headers, body: JSON.stringify(bodies[0]) });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  }
  const r = await autocannon({
    url: `${base}${path}`,
    // Every connection goes through the bodies in turn.
    requests: bodies.map((body) => ({ method: "POST", headers, body: JSON.stringify(body) })),
    connections,
    duration,
  });
  return `| ${title} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.timeouts} | ${r.non2xx} |`;
}

try {
  const rows = [
    await load(
      `POST /api/jobs/search (top 20 of ${postings}, ${profiles.length} profiles)`,
      "/api/jobs/search",
      profiles.map((profile) => ({ profile, top: 20 })),
    ),
    await load("POST /api/extract (one posting)", "/api/extract", [posting]),
  ];
  const store = databaseUrl ? "PostgreSQL" : "embedded store";
  console.log(
    `| endpoint (${store}, ${processes} process${processes > 1 ? "es" : ""}, ${connections} connections, ${duration} s) | requests/s | p50 ms | p99 ms | errors | non-2xx |`,
  );
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  server.kill("SIGTERM");
  rmSync(tmp, { recursive: true, force: true });
}
