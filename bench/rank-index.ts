// The in-memory ranking index at a million postings: build time, memory, and top-20 latency over
// 50 profiles. Postings are synthetic rows shaped like stored ones (5-20 skills drawn from the
// taxonomy with a Zipf-like popularity, roles, levels, years, countries, remote, pay), so the
// scoring work is the same as on real data; the database read of the 20 winners is not included
// (bench/ingest.ts times the whole search).
// usage: npx tsx bench/rank-index.ts [--postings N]
import type { Profile } from "../src/documents/profile.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { skillCredit } from "../src/match/fit.js";
import { RankIndex } from "../src/match/rank-index.js";
import { createSkillGraph } from "../src/match/skill-graph.js";
import type { IndexablePosting } from "../src/store/postings.js";
import { seeded } from "./seeded.js";

const at = process.argv.indexOf("--postings");
const n = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
const pack = loadKnowledge();
const skills = pack.skills.map((s) => s.id);
const roles = pack.roles.map((r) => r.id);
const levels = ["intern", "entry", "mid", "senior", "lead", null];
const rng = seeded(11);
// Popular skills first: the k-th skill is drawn with weight 1/(k+1).
const zipf = () =>
  skills[Math.min(skills.length - 1, Math.floor(Math.exp(rng() * Math.log(skills.length + 1)) - 1))] as string;

const profile = (k: number): Profile => ({
  contact: { name: null, email: null, phone: null, links: [] },
  headline: null,
  skills: Array.from({ length: 10 + (k % 30) }, () => {
    const id = zipf();
    return { id, name: id, category: "library", source: "skills", sources: ["skills"], mentions: [] };
  }),
  experience: [],
  education: [],
  certifications: [],
  projects: [],
  years: k % 12,
  warnings: [],
  document: { format: "text" },
});
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const index = new RankIndex();
const batch: IndexablePosting[] = [];
for (let i = 0; i < n; i++) {
  const own = new Set(Array.from({ length: 5 + Math.floor(rng() * 16) }, zipf));
  const list = [...own];
  batch.push({
    id: `p${i}`,
    seq: i + 1,
    role_id: roles[Math.floor(rng() * roles.length)] as string,
    seniority: levels[Math.floor(rng() * levels.length)] as string | null,
    min_years: rng() < 0.6 ? Math.floor(rng() * 10) : null,
    country: rng() < 0.7 ? "US" : "GB",
    remote: rng() < 0.3,
    salary_max: rng() < 0.4 ? 60_000 + Math.floor(rng() * 200_000) : null,
    salary_period: "year",
    salary_currency: "USD",
    skills: list,
    required_skills: list.slice(0, Math.ceil(list.length * 0.7)),
  });
  if (batch.length === 10_000) index.add(batch.splice(0));
}
index.add(batch.splice(0));
// The first search seals the appended rows into typed arrays and per-skill lists: part of building.
index.top(profile(0), { fitRoles: [], limit: 1 });
const buildMs = performance.now() - started;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1048576;

const profiles = Array.from({ length: 50 }, (_, k) => profile(k));
const graph = createSkillGraph(pack);
const time = (filter?: Parameters<RankIndex["top"]>[1]["filter"], withAlternatives = false) => {
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const p of profiles) {
      const t = performance.now();
      // As a search does: the partial credit (implied skills, close alternatives) is worked out per search.
      const credit = withAlternatives ? { credit: skillCredit(p, graph) } : {};
      index.top(p, { fitRoles: roles.slice(0, 5), limit: 40, ...credit, ...(filter ? { filter } : {}) });
      if (round > 0) times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return `${times[Math.floor(times.length / 2)]?.toFixed(1)} / ${times[Math.floor(times.length * 0.95)]?.toFixed(1)} ms`;
};
console.log(`| measure (${n.toLocaleString("en-US")} postings in memory) | value |`);
console.log("|---|---|");
console.log(
  `| build (add in batches of 10,000, then seal) | ${(buildMs / 1000).toFixed(1)} s, ${heapMb.toFixed(0)} MiB heap |`,
);
console.log(`| top 20 (+20 margin), p50 / p95 over 100 searches, 50 profiles | ${time()} |`);
console.log(`| the same, remote postings in the US only | ${time({ remote: true, country: "US" })} |`);
console.log(
  `| top 20 with partial credit (skills the person's build on, close alternatives), as searches run | ${time(undefined, true)} |`,
);
