// Extraction on the second hand-annotated held-out set: 40 ML, data-science and analytics postings
// (bench/heldout2-gold.md) annotated for mlpath to the dev-gold guidelines by annotators who never saw
// the extractor, and never tuned on. Texts are re-read from ../shared/data by the selection rule in
// bench/heldout2-sample.ts; only ids and labels live in the project.
// usage: npx tsx bench/extract-heldout2-gold.ts
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { selectHeldout2 } from "./heldout2-sample.js";
import { baselinePredictions, printScores } from "./scoring.js";

const texts = new Map(selectHeldout2().map((p) => [p.id, p.text]));
const gold = readFileSync(join(import.meta.dirname, "heldout2-gold.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; title: string });
const textOf = (id: string): string => {
  const text = texts.get(id);
  if (text === undefined) throw new Error(`${id}: text not found in ../shared/data`);
  return text;
};

const pack = loadKnowledge();
const extract = createExtractor(pack);
const dir = mkdtempSync(join(tmpdir(), "mlpath-heldout2-"));
const goldPath = join(dir, "gold.jsonl");
writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join("\n"));
printScores(goldPath, [
  ["mlpath", gold.map((g) => extract({ id: g.id, title: g.title, text: textOf(g.id) }))],
  [
    "baseline: canonical names",
    baselinePredictions(
      pack,
      gold.map((g) => ({ id: g.id, text: textOf(g.id) })),
    ),
  ],
]);
