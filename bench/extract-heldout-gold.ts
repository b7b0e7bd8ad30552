// Extraction on 30 postings annotated by hand for mlpath to the dev-gold guidelines, never tuned on
// (bench/heldout-gold.md says how they were chosen). Texts are re-read from ../shared/data at run
// time; only ids and labels live in the project. usage: npx tsx bench/extract-heldout-gold.ts
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { baselinePredictions, printScores } from "./scoring.js";
import { requireShared } from "./shared-data.js";

type Row = Record<string, string>;
const csv = (path: string): Row[] =>
  parse(readFileSync(path), { columns: true, bom: true, relax_quotes: true }) as Row[];
const glassdoor = new Map(csv(requireShared("jobs-glassdoor-ds-2020", "glassdoor_jobs.csv")).map((r) => [r[""], r]));
const linkedin = new Map(csv(requireShared("jobs-linkedin-mle-2023", "MLE_Jobs_LinkedIn.csv")).map((r) => [r[""], r]));
const textOf = (id: string): string | undefined => {
  const [source, row] = id.split("-") as [string, string];
  if (source === "glassdoor20") return glassdoor.get(row)?.["Job Description"];
  if (source === "linkedin23") return linkedin.get(row)?.JD;
  return undefined;
};

// linkedin23-313 repeats a dev-gold posting (whitespace aside), so it is not held out.
const NOT_HELD_OUT = new Set(["linkedin23-313"]);
const gold = readFileSync(join(import.meta.dirname, "heldout-gold.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; title: string })
  .filter((g) => !NOT_HELD_OUT.has(g.id));

const pack = loadKnowledge();
const extract = createExtractor(pack);
const dir = mkdtempSync(join(tmpdir(), "mlpath-heldout-"));
const goldPath = join(dir, "gold.jsonl");
writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join("\n"));
const predictions = gold.map((g) => {
  const text = textOf(g.id);
  if (text === undefined) throw new Error(`${g.id}: text not found in ../shared/data`);
  return extract({ id: g.id, title: g.title, text });
});
printScores(goldPath, [
  ["mlpath", predictions],
  [
    "baseline: canonical names",
    baselinePredictions(
      pack,
      gold.map((g) => ({ id: g.id, text: textOf(g.id) as string })),
    ),
  ],
]);
