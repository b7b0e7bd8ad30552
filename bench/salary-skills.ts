// Does knowing a posting's skills improve a pay estimate? Postings of the shared job sets that
// state a yearly USD salary, split by a hash of their id (about 70% train, 30% test): the
// baseline predicts the median pay of the posting's role in training; the skill model moves that
// by the skills' premiums learnt from training (src/market/skill-premium.ts), as `mlpath salary
// --skills` does. A posting's own skills stand for the skills of a person applying to it.
// usage: npx tsx bench/salary-skills.ts
import { loadKnowledge } from "../src/knowledge/load.js";
import { adjustForSkills, type PaidPosting, skillPremiums } from "../src/market/skill-premium.js";
import { readPostingFile } from "../src/sources/files.js";
import { createPostingPreparer } from "../src/sources/prepare.js";
import { requireShared } from "./shared-data.js";
import { SHARED_POSTING_FILES } from "./synthetic-postings.js";

const prepare = createPostingPreparer(loadKnowledge());
const seen = new Set<string>();
const train: PaidPosting[] = [];
const test: PaidPosting[] = [];
for (const [folder, name] of SHARED_POSTING_FILES) {
  for await (const item of readPostingFile(requireShared(folder, name))) {
    if (!item.ok) continue;
    const p = prepare(item.record);
    // The same posting in two sets (the Glassdoor copies) counts once.
    const key = `${p.company}|${p.normTitle}|${p.salary?.min}`;
    if (seen.has(key) || !p.salary || p.salary.period !== "year" || p.salary.currency !== "USD") continue;
    seen.add(key);
    const row = { roleId: p.roleId, skills: p.skills, pay: (p.salary.min + p.salary.max) / 2 };
    (Number.parseInt(p.id.slice(0, 2), 16) < 179 ? train : test).push(row);
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const global = median(train.map((p) => p.pay));
const roleMedian = new Map<string, number>();
for (const role of new Set(train.map((p) => p.roleId ?? "other"))) {
  const pays = train.filter((p) => (p.roleId ?? "other") === role).map((p) => p.pay);
  if (pays.length >= 10) roleMedian.set(role, median(pays));
}
const premiumsByRole = new Map<string, ReturnType<typeof skillPremiums>>();
const errors = { baseline: [] as number[], skills: [] as number[] };
const pct = { baseline: [] as number[], skills: [] as number[] };
for (const p of test) {
  const role = p.roleId ?? "other";
  const base = roleMedian.get(role) ?? global;
  if (!premiumsByRole.has(role)) premiumsByRole.set(role, skillPremiums(train, role));
  const adjusted = adjustForSkills(
    { estimate: base, low: base, high: base },
    premiumsByRole.get(role) as never,
    p.skills,
  ).estimate;
  errors.baseline.push(Math.abs(base - p.pay));
  errors.skills.push(Math.abs(adjusted - p.pay));
  pct.baseline.push(Math.abs(base - p.pay) / p.pay);
  pct.skills.push(Math.abs(adjusted - p.pay) / p.pay);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`train ${train.length} postings, test ${test.length} (yearly USD pay stated; split by id hash)\n`);
console.log("| estimator | MAE (USD) | median abs % error |");
console.log("|---|---|---|");
console.log(
  `| role median (baseline) | ${mean(errors.baseline).toFixed(0)} | ${(median(pct.baseline) * 100).toFixed(1)}% |`,
);
console.log(
  `| role median moved by skill premiums | ${mean(errors.skills).toFixed(0)} | ${(median(pct.skills) * 100).toFixed(1)}% |`,
);
console.log(
  `\nchange in MAE: ${(((mean(errors.skills) - mean(errors.baseline)) / mean(errors.baseline)) * 100).toFixed(1)}%`,
);
