// The second hand-annotated held-out set (bench/heldout2-gold.md): 40 ML, data-science and analytics
// postings chosen by a fixed rule, so the texts can be re-read from ../shared/data at run time and
// only ids and labels live in the project. Run it to write the texts for annotators:
//   npx tsx bench/heldout2-sample.ts OUT_DIR
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCsv, requireShared } from "./shared-data.js";

export interface SampledPosting {
  id: string;
  title: string;
  company: string;
  text: string;
}

/** Rows at positions 0, k, 2k, ... of the unique, non-empty descriptions (k = floor(n / quota)). */
export function systematic(rows: SampledPosting[], quota: number, exclude: Set<string>): SampledPosting[] {
  const seen = new Set<string>(exclude);
  const unique = rows.filter((r) => {
    const key = r.text.trim();
    if (key === "" || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const step = Math.floor(unique.length / quota);
  return Array.from({ length: quota }, (_, i) => unique[i * step] as SampledPosting);
}

export function selectHeldout2(): SampledPosting[] {
  const devTexts = new Set(
    readFileSync(requireShared("dev-gold", "postings.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text.trim()),
  );
  const aiml = readCsv(requireShared("jobs-linkedin-aiml-2024", "ai_ml_jobs_linkedin.csv")).map((r, i) => ({
    id: `linkedin24-${i}`,
    title: r.title ?? "",
    company: r.companyName ?? "",
    text: r.description ?? "",
  }));
  const ds = readCsv(requireShared("jobs-linkedin-ds-da-2019", "DataScientist.csv")).map((r, i) => ({
    id: `linkedinds19-${i}`,
    title: r.title ?? "",
    company: r.company ?? "",
    text: r.description ?? "",
  }));
  const da = readCsv(requireShared("jobs-linkedin-ds-da-2019", "DataAnalyst.csv")).map((r, i) => ({
    id: `linkedinda19-${i}`,
    title: r.title ?? "",
    company: r.company ?? "",
    text: r.description ?? "",
  }));
  // Offsets keep the sample off the rows the first sets and dev-gold started from (position 0).
  const shift = <T>(rows: T[], by: number): T[] => [...rows.slice(by), ...rows.slice(0, by)];
  return [
    ...systematic(shift(aiml, 7), 14, devTexts),
    ...systematic(shift(ds, 5), 13, devTexts),
    ...systematic(shift(da, 5), 13, devTexts),
  ];
}

/**
 * The command line of a sampling script: writes the sample for two annotators into OUT_DIR, as two
 * alternating batches so that each annotator sees every source.
 */
export function writeAnnotatorBatches(script: string, select: () => SampledPosting[]): void {
  const out = process.argv[2];
  if (!out) throw new Error(`usage: npx tsx bench/${script} OUT_DIR`);
  mkdirSync(out, { recursive: true });
  const rows = select();
  for (const b of [0, 1]) {
    const batch = rows.filter((_, i) => i % 2 === b);
    writeFileSync(join(out, `batch-${b + 1}.jsonl`), `${batch.map((r) => JSON.stringify(r)).join("\n")}\n`);
  }
  console.log(`${rows.length} postings in ${out}/batch-1.jsonl and batch-2.jsonl`);
}

if (process.argv[1]?.endsWith("heldout2-sample.ts")) writeAnnotatorBatches("heldout2-sample.ts", selectHeldout2);
