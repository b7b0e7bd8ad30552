// How far two careful annotators agree on this labelling: a second annotator (a helper who read
// only dev-gold's guidelines, its first four records and the conventions of the held-out sets,
// never the extractor, its pack, its output or dev-gold's other labels) labelled dev-gold records
// 5-24 (bench/devgold-annotator2.jsonl, labels only), scored against dev-gold's own labels with
// the maintainers' scorer. The issue puts human agreement at about skill F1 0.85; this measures it
// for the annotators behind mlpath's held-out sets. mlpath's row is a tuning figure (it is tuned on
// dev-gold), printed for scale.
// usage: npx tsx bench/annotator-agreement.ts
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { baselinePredictions, printScores, readGold } from "./scoring.js";
import { requireShared } from "./shared-data.js";

interface Labels {
  id: string;
  title: string;
  text: string;
  skills: string[];
  role: string;
  seniority: string | null;
  min_years: number | null;
  degree: string;
  salary_in_text: unknown;
}

const devGold = readFileSync(requireShared("dev-gold", "postings.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Labels);
const second = readGold("devgold-annotator2.jsonl") as Labels[];
const ids = new Set(second.map((r) => r.id));
const gold = devGold.filter((g) => ids.has(g.id));
if (gold.length !== second.length) throw new Error("devgold-annotator2.jsonl names postings dev-gold does not hold");

const pack = loadKnowledge();
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9+#]/g, "");
const byName = new Map<string, string[]>();
for (const s of pack.skills)
  for (const n of [s.name, ...s.aliases]) if (!byName.has(norm(n))) byName.set(norm(n), [s.name, ...s.aliases]);
/** An annotator's labels in the extractor's output shape; with `aliases`, a name the pack knows carries its aliases, as the extractor's names do. */
const asPrediction = (r: Labels, aliases: boolean) => ({
  id: r.id,
  skills: r.skills.map((name) => ({ name, aliases: aliases ? (byName.get(norm(name)) ?? []) : [] })),
  role: { id: r.role },
  seniority: r.seniority,
  minYears: r.min_years,
  degree: r.degree === "none-stated" ? null : r.degree,
  salary: r.salary_in_text,
});

const goldPath = join(mkdtempSync(join(tmpdir(), "mlpath-agreement-")), "gold.jsonl");
writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join("\n"));
const extract = createExtractor(pack);
printScores(
  goldPath,
  [
    ["second annotator, names as written", second.map((r) => asPrediction(r, false))],
    ["second annotator, names matched through the pack's aliases", second.map((r) => asPrediction(r, true))],
    [
      "mlpath (tuned on dev-gold: a tuning figure)",
      gold.map((g) => extract({ id: g.id, title: g.title, text: g.text })),
    ],
    ["baseline: canonical names", baselinePredictions(pack, gold)],
  ],
  { errors: false },
);
