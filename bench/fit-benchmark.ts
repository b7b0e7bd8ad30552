// Role fit against a counsellor's first choice, written down before the ranker was run on these
// resumes (bench/fit-profiles/README.md), and the time to fit and plan a parsed profile.
// usage: npx tsx bench/fit-benchmark.ts
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createResumeFileReader } from "../src/documents/read-resume.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { fitRoles } from "../src/match/fit.js";
import { buildPlan } from "../src/plan/roadmap.js";

const root = join(import.meta.dirname, "..");
const expected = JSON.parse(readFileSync(join(root, "bench", "fit-profiles", "expected.json"), "utf8")) as {
  file: string;
  first: string;
  acceptable: string[];
}[];
const pack = loadKnowledge();
const reader = createResumeFileReader(pack);
const NOW = "2026-11";

let top1 = 0;
let top1Acceptable = 0;
let top3 = 0;
console.log("| resume | counsellor's first | mlpath top 3 | first in top 1 / top 3 |");
console.log("|---|---|---|---|");
const profiles = [];
for (const e of expected) {
  const profile = await reader.fromFile(join(root, e.file), NOW);
  profiles.push(profile);
  const ranked = fitRoles(profile, pack, NOW).map((f) => `${f.id} ${f.score.toFixed(0)}`);
  const ids = ranked.map((r) => r.split(" ")[0]);
  const hit1 = ids[0] === e.first;
  const hit3 = ids.slice(0, 3).includes(e.first);
  top1 += hit1 ? 1 : 0;
  top3 += hit3 ? 1 : 0;
  top1Acceptable += hit1 || e.acceptable.includes(ids[0] as string) ? 1 : 0;
  console.log(
    `| ${e.file.split("/").at(-1)} | ${e.first} | ${ranked.slice(0, 3).join(", ")} | ${hit1 ? "yes" : "no"} / ${hit3 ? "yes" : "no"} |`,
  );
}
const n = expected.length;
console.log(`\n| measure | n | value |\n|---|---|---|`);
console.log(`| top-1 agreement | ${n} | ${(top1 / n).toFixed(2)} |`);
console.log(`| top-1 is the first or an acceptable choice | ${n} | ${(top1Acceptable / n).toFixed(2)} |`);
console.log(`| top-3 contains the first choice | ${n} | ${(top3 / n).toFixed(2)} |`);

// Speed: fit every role and build the plan for the best one, per parsed profile.
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const profile of profiles) {
    const started = performance.now();
    const best = fitRoles(profile, pack, NOW)[0];
    const role = pack.roles.find((r) => r.id === best?.id);
    if (role) buildPlan(profile, role, pack, { hoursPerWeek: 10, start: "2026-12-07" });
    if (round > 0) times.push(performance.now() - started);
  }
}
times.sort((a, b) => a - b);
console.log(
  `| fit all roles + plan, median ms per profile | ${times.length} | ${(times[Math.floor(times.length / 2)] as number).toFixed(1)} |`,
);
console.log(
  `| fit all roles + plan, worst ms per profile | ${times.length} | ${(times.at(-1) as number).toFixed(1)} |`,
);
