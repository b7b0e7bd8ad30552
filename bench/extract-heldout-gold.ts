// Extraction on 30 postings annotated by hand for mlpath to the dev-gold guidelines, never tuned on
// (bench/heldout-gold.md says how they were chosen). Texts are re-read from ../shared/data at run
// time; only ids and labels live in the project. usage: npx tsx bench/extract-heldout-gold.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { requireShared, SHARED } from "./shared-data.js";

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
const baseline = gold.map((g) => {
  const text = textOf(g.id) as string;
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    id: g.id,
    skills: pack.skills
      .filter((s) => new RegExp(`(?<![\\w+#])${escapeRe(s.name)}(?![\\w+#])`, "i").test(text))
      .map((s) => ({ id: s.id, name: s.name, category: s.category, aliases: [] })),
    role: null,
  };
});
const scorer = join(SHARED, "..", "tools", "score-extract.mjs");
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
