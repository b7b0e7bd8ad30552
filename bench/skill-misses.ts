// Where the skill recall goes: every gold skill the extractor misses on the tuning sets, sorted into
// (a) skills the pack knows by that name or an alias, found written in the text or not, and
// (b) phrases no skill of the pack is called, with how many postings name each. The scorer's own
// matching (canonical name or alias, case, punctuation and a final "s" ignored) decides both.
// usage: MLPATH_SHARED_DATA=../shared/data npx tsx bench/skill-misses.ts [--top N]
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { tuningSets } from "./tuning-sets.js";

const top = Number(process.argv[process.argv.indexOf("--top") + 1]) || 25;
const pack = loadKnowledge();
const extract = createExtractor(pack);
// As ../shared/tools/score-extract.mjs compares names.
const norm = (s: string) => {
  const x = s.toLowerCase().replace(/[^a-z0-9+#]/g, "");
  return x.length > 3 && x.endsWith("s") ? x.slice(0, -1) : x;
};
const soft = (category: string) => /soft|transversal|interpersonal/i.test(category);
const known = new Set(pack.skills.flatMap((s) => [s.name, ...s.aliases].map(norm)));

let found = 0;
const missed = { knownInText: new Map<string, number>(), knownNotInText: new Map<string, number>() };
const unknown = new Map<string, number>();
const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const postings = tuningSets();
for (const g of postings) {
  const predicted = extract({ title: g.title, text: g.text })
    .skills.filter((s) => !soft(s.category))
    .map((s) => new Set([s.name, ...s.aliases].map(norm)));
  const used = new Set<number>();
  const text = g.text.toLowerCase();
  for (const skill of g.skills) {
    const i = predicted.findIndex((names, j) => !used.has(j) && names.has(norm(skill)));
    if (i >= 0) {
      used.add(i);
      found++;
    } else if (!known.has(norm(skill))) add(unknown, skill.toLowerCase());
    else add(text.includes(skill.toLowerCase()) ? missed.knownInText : missed.knownNotInText, skill.toLowerCase());
  }
}
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const gold = found + sum(missed.knownInText) + sum(missed.knownNotInText) + sum(unknown);
const share = (n: number) => `${n} (${((100 * n) / gold).toFixed(1)}%)`;
const list = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
console.log(`${postings.length} tuning postings, ${gold} gold skills (soft skills are scored apart)\n`);
console.log("| gold skills | count (share of gold) | distinct | named by one posting only |");
console.log("|---|---|---|---|");
const row = (label: string, m: Map<string, number>) =>
  console.log(`| ${label} | ${share(sum(m))} | ${m.size} | ${[...m.values()].filter((n) => n === 1).length} |`);
console.log(`| found | ${share(found)} | | |`);
row("missed: a pack skill, its words in the text", missed.knownInText);
row("missed: a pack skill, not written as such (inferred by the annotator)", missed.knownNotInText);
row("missed: no pack skill has this name or alias", unknown);
console.log(`\nmissed pack skills in the text: ${list(missed.knownInText)}`);
console.log(`\nmissed pack skills not written as such: ${list(missed.knownNotInText)}`);
console.log(`\nphrases outside the pack: ${list(unknown)}`);
