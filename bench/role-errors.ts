// Role confusions over the six tuning sets (dev and heldout1-5; never heldout6, the blind set):
// per set the role count, then every posting whose predicted role differs from the gold one.
// usage: npx tsx bench/role-errors.ts [--all]     (--all prints the correct ones too)
import { readFileSync } from "node:fs";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { selectHeldout2 } from "./heldout2-sample.js";
import { selectHeldout3 } from "./heldout3-sample.js";
import { selectHeldout4 } from "./heldout4-sample.js";
import { selectHeldout5 } from "./heldout5-sample.js";
import { heldoutGoldTexts, requireShared } from "./shared-data.js";

type Gold = { id: string; title: string; role: string; text?: string };
const goldOf = (file: string): Gold[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Gold);
const here = (f: string) => `${import.meta.dirname}/${f}`;

const heldout1 = heldoutGoldTexts();
const fromSample = (sample: { id: string; text: string }[]) => {
  const texts = new Map(sample.map((p) => [p.id, p.text]));
  return (id: string) => texts.get(id);
};

const sets: [string, Gold[], (id: string) => string | undefined][] = [
  ["dev", goldOf(requireShared("dev-gold", "postings.jsonl")), () => undefined],
  ["heldout", goldOf(here("heldout-gold.jsonl")).filter((g) => g.id !== "linkedin23-313"), heldout1],
  ["heldout2", goldOf(here("heldout2-gold.jsonl")), fromSample(selectHeldout2())],
  ["heldout3", goldOf(here("heldout3-gold.jsonl")), fromSample(selectHeldout3())],
  ["heldout4", goldOf(here("heldout4-gold.jsonl")), fromSample(selectHeldout4())],
  ["heldout5", goldOf(here("heldout5-gold.jsonl")), fromSample(selectHeldout5())],
];

const all = process.argv.includes("--all");
const extract = createExtractor(loadKnowledge());
let right = 0;
let n = 0;
const counts: string[] = [];
for (const [name, gold, textOf] of sets) {
  let ok = 0;
  for (const g of gold) {
    const text = g.text ?? textOf(g.id);
    if (text === undefined) throw new Error(`${g.id}: text not found`);
    const got = extract({ id: g.id, title: g.title, text }).role?.id ?? "other";
    if (got === g.role) ok++;
    if (got !== g.role || all) console.log(`${name}\t${g.id}\t${g.role} -> ${got}\t${g.title}`);
  }
  counts.push(`${name} ${ok}/${gold.length}`);
  right += ok;
  n += gold.length;
}
console.log(`\n${counts.join(", ")}; pooled ${right}/${n}`);
