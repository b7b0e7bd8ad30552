// Role confusions over the tuning sets (dev, heldout1-6 and heldout8; never heldout7, the blind set):
// per set the role count, then every posting whose predicted role differs from the gold one.
// usage: npx tsx bench/role-errors.ts [--all]     (--all prints the correct ones too)
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { tuningSets } from "./tuning-sets.js";

const all = process.argv.includes("--all");
const extract = createExtractor(loadKnowledge());
const tally = new Map<string, [number, number]>();
for (const g of tuningSets()) {
  const got = extract({ id: g.id, title: g.title, text: g.text }).role?.id ?? "other";
  const t = tally.get(g.set) ?? [0, 0];
  tally.set(g.set, [t[0] + (got === g.role ? 1 : 0), t[1] + 1]);
  if (got !== g.role || all) console.log(`${g.set}\t${g.id}\t${g.role} -> ${got}\t${g.title}`);
}
const pooled = [...tally.values()].reduce((a, t) => [a[0] + t[0], a[1] + t[1]], [0, 0]);
console.log(`\n${[...tally].map(([s, [ok, n]]) => `${s} ${ok}/${n}`).join(", ")}; pooled ${pooled[0]}/${pooled[1]}`);
