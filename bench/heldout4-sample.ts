// The fourth hand-annotated held-out set (bench/heldout4-gold.md): 40 ML and data postings from the
// same three sets as heldout3, by the same kind of fixed rule, leaving out every posting of dev-gold
// and the three earlier held-out sets. Only ids and labels live in the project; the texts are
// re-read from ../shared/data. Run it to write the texts for annotators:
//   npx tsx bench/heldout4-sample.ts OUT_DIR
import { readFileSync } from "node:fs";
import { type SampledPosting, selectHeldout2, systematic, writeAnnotatorBatches } from "./heldout2-sample.js";
import { normText, readSampleSources, selectHeldout3, shift } from "./heldout3-sample.js";
import { readGold } from "./scoring.js";
import { requireShared } from "./shared-data.js";

export function selectHeldout4(): SampledPosting[] {
  const { aiml, mle, glassdoor } = readSampleSources();
  const byId = new Map([...aiml, ...mle, ...glassdoor].map((p) => [p.id, p.text]));
  const used = new Set<string>([
    ...readFileSync(requireShared("dev-gold", "postings.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => normText((JSON.parse(l) as { text: string }).text)),
    ...readGold("heldout-gold.jsonl").map((g) => normText(byId.get(g.id) ?? "")),
    ...selectHeldout2().map((p) => normText(p.text)),
    ...selectHeldout3().map((p) => normText(p.text)),
  ]);
  const fresh = (rows: SampledPosting[]) => rows.filter((r) => !used.has(normText(r.text)));
  return [
    ...systematic(fresh(shift(aiml, 41)), 20, new Set()),
    ...systematic(fresh(shift(mle, 47)), 10, new Set()),
    ...systematic(fresh(shift(glassdoor, 53)), 10, new Set()),
  ];
}

if (process.argv[1]?.endsWith("heldout4-sample.ts")) writeAnnotatorBatches("heldout4-sample.ts", selectHeldout4);
