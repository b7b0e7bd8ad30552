// Extraction quality on the hand-annotated dev set, scored by the maintainers' scorer.
// usage: npx tsx bench/extract-dev.ts     (needs ../shared/data/dev-gold and ../shared/tools)
// The dev set is for tuning; held-out figures come from bench/extract-heldout.ts.
import { readFileSync } from "node:fs";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { baselinePredictions, printScores } from "./scoring.js";
import { requireShared } from "./shared-data.js";

const goldPath = requireShared("dev-gold", "postings.jsonl");
const gold = readFileSync(goldPath, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; title: string; text: string });

const pack = loadKnowledge();
const extract = createExtractor(pack);
const started = performance.now();
const predictions = gold.map((g) => extract({ id: g.id, title: g.title, text: g.text }));
const ms = performance.now() - started;

printScores(goldPath, [
  ["mlpath", predictions],
  ["baseline: canonical names", baselinePredictions(pack, gold)],
]);
console.log(`\n${gold.length} postings in ${ms.toFixed(0)} ms`);
