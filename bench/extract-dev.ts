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

const extract = createExtractor(loadKnowledge());
const started = performance.now();
const predictions = gold.map((g) => extract({ id: g.id, title: g.title, text: g.text }));
const ms = performance.now() - started;

const dir = mkdtempSync(join(tmpdir(), "mlpath-bench-"));
const predPath = join(dir, "pred.jsonl");
writeFileSync(predPath, predictions.map((p) => JSON.stringify(p)).join("\n"));
const out = execFileSync(process.execPath, [scorer, goldPath, predPath], { encoding: "utf8" });
process.stdout.write(out);
const scores = JSON.parse(out.trim().split("\n").at(-1) as string) as Record<string, number>;
console.log("\n| set | n | skill P | skill R | skill F1 | role | seniority | years | degree | salary |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
console.log(
  `| dev-gold | ${scores.n} | ${scores.P} | ${scores.R} | ${scores.F1} | ${scores.role} | ${scores.seniority} | ${scores.years} | ${scores.degree} | ${scores.salary} |`,
);
console.log(`\n${gold.length} postings in ${ms.toFixed(0)} ms`);
