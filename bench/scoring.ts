import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExtractor } from "../src/extract/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { KnowledgePack } from "../src/knowledge/schema.js";
import { SHARED } from "./shared-data.js";

/** The naive baseline every extraction run is compared with: canonical names only, whole words, any case. */
export function baselinePredictions(pack: KnowledgePack, postings: { id: string; text: string }[]) {
  const patterns = pack.skills.map((s) => ({
    skill: { id: s.id, name: s.name, category: s.category, aliases: [] },
    re: new RegExp(`(?<![\\w+#])${s.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w+#])`, "i"),
  }));
  return postings.map((p) => ({
    id: p.id,
    skills: patterns.filter((x) => x.re.test(p.text)).map((x) => x.skill),
    role: null,
  }));
}

/**
 * Scores each named set of predictions against the gold file with the maintainers' scorer
 * (../shared/tools/score-extract.mjs) and prints one Markdown row each; the first set's error
 * lists are printed too.
 */
export function printScores(goldPath: string, runs: [string, unknown[]][], options = { errors: true }): void {
  const scorer = join(SHARED, "..", "tools", "score-extract.mjs");
  const dir = mkdtempSync(join(tmpdir(), "mlpath-bench-"));
  console.log("| extractor | n | skill P | skill R | skill F1 | role | seniority | years | degree | salary |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  const notes: string[] = [];
  for (const [i, [name, rows]] of runs.entries()) {
    const path = join(dir, `run-${i}.jsonl`);
    writeFileSync(path, rows.map((p) => JSON.stringify(p)).join("\n"));
    const out = execFileSync(process.execPath, [scorer, goldPath, path], { encoding: "utf8" }).trim().split("\n");
    if (i === 0) notes.push(...out.slice(0, -1));
    const s = JSON.parse(out.at(-1) as string) as Record<string, number>;
    console.log(
      `| ${name} | ${s.n} | ${s.P} | ${s.R} | ${s.F1} | ${s.role} | ${s.seniority} | ${s.years} | ${s.degree} | ${s.salary} |`,
    );
  }
  if (options.errors) console.log(`\n${notes.join("\n")}`);
  else console.log("\n(the scorer's missed and extra lists are not shown: pass --errors to see them)");
}

/**
 * Scores the extractor and the canonical-name baseline on a hand-annotated set whose texts live in
 * ../shared/data: `textOf` finds each gold id's text, and a missing one stops the run.
 */
export function scoreHeldOut(
  gold: { id: string; title: string }[],
  textOf: (id: string) => string | undefined,
  options = { errors: true },
): void {
  const text = (id: string): string => {
    const found = textOf(id);
    if (found === undefined) throw new Error(`${id}: text not found in ../shared/data`);
    return found;
  };
  const pack = loadKnowledge();
  const extract = createExtractor(pack);
  const goldPath = join(mkdtempSync(join(tmpdir(), "mlpath-heldout-")), "gold.jsonl");
  writeFileSync(goldPath, gold.map((g) => JSON.stringify(g)).join("\n"));
  printScores(
    goldPath,
    [
      ["mlpath", gold.map((g) => extract({ id: g.id, title: g.title, text: text(g.id) }))],
      [
        "baseline: canonical names",
        baselinePredictions(
          pack,
          gold.map((g) => ({ id: g.id, text: text(g.id) })),
        ),
      ],
    ],
    options,
  );
}

/** The records of a gold JSONL file beside the benchmarks. */
export function readGold(file: string): { id: string; title: string }[] {
  return readFileSync(join(import.meta.dirname, file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; title: string });
}
