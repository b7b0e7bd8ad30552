// Extraction quality on the hand-annotated dev set, scored by the maintainers' scorer.
// usage: npx tsx bench/extract-dev.ts     (needs ../shared/data/dev-gold and ../shared/tools)
// The dev set is for tuning; held-out figures come from bench/extract-heldout.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { requireShared, SHARED } from "./shared-data.js";

const goldPath = requireShared("dev-gold", "postings.jsonl");
const scorer = join(SHARED, "..", "tools", "score-extract.mjs");
const gold = readFileSync(goldPath, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; title: string; text: string });

const pack = loadKnowledge();
const extract = createExtractor(pack);
const started = performance.now();
const predictions = gold.map((g) => extract({ id: g.id, title: g.title, text: g.text }));
const ms = performance.now() - started;

/** The naive baseline: canonical names only, case-insensitive whole words, nothing else. */
const baseline = gold.map((g) => ({
  id: g.id,
  skills: pack.skills
    .filter((s) =>
      new RegExp(`(?<![\\w+#])${s.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w+#])`, "i").test(g.text),
    )
    .map((s) => ({ id: s.id, name: s.name, category: s.category, aliases: [] })),
  role: null,
}));

const dir = mkdtempSync(join(tmpdir(), "mlpath-bench-"));
const score = (name: string, rows: unknown[]) => {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, rows.map((p) => JSON.stringify(p)).join("\n"));
  const out = execFileSync(process.execPath, [scorer, goldPath, path], { encoding: "utf8" });
  if (name === "mlpath") process.stdout.write(out);
  return JSON.parse(out.trim().split("\n").at(-1) as string) as Record<string, number>;
};
console.log("| extractor | n | skill P | skill R | skill F1 | role | seniority | years | degree | salary |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const [name, rows] of [
  ["mlpath", predictions],
  ["baseline: canonical names", baseline],
] as const) {
  const s = score(name.split(":")[0] as string, rows as unknown[]);
  console.log(
    `| ${name} | ${s.n} | ${s.P} | ${s.R} | ${s.F1} | ${s.role} | ${s.seniority} | ${s.years} | ${s.degree} | ${s.salary} |`,
  );
}
console.log(`\n${gold.length} postings in ${ms.toFixed(0)} ms`);
