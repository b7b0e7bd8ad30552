// The third hand-annotated held-out set (bench/heldout3-gold.md): 40 ML and data postings chosen by a
// fixed rule from the sets closest to the maintainers' hidden set (AI/ML and data-science postings),
// leaving out every posting of dev-gold and the two earlier held-out sets. Only ids and labels live
// in the project; the texts are re-read from ../shared/data. Run it to write the texts for annotators:
//   npx tsx bench/heldout3-sample.ts OUT_DIR
import { readFileSync } from "node:fs";
import { type SampledPosting, selectHeldout2, systematic, writeAnnotatorBatches } from "./heldout2-sample.js";
import { readGold } from "./scoring.js";
import { readCsv, requireShared } from "./shared-data.js";

/** The three posting sets the later held-out sets sample from, with the ids the gold files use. */
export function readSampleSources() {
  const aiml = readCsv(requireShared("jobs-linkedin-aiml-2024", "ai_ml_jobs_linkedin.csv")).map((r, i) => ({
    id: `linkedin24-${i}`,
    title: r.title ?? "",
    company: r.companyName ?? "",
    text: r.description ?? "",
  }));
  const mle = readCsv(requireShared("jobs-linkedin-mle-2023", "MLE_Jobs_LinkedIn.csv")).map((r) => ({
    id: `linkedin23-${r[""]}`,
    title: r["Job Title"] ?? "",
    company: r["Company Name"] ?? "",
    text: r.JD ?? "",
  }));
  const glassdoor = readCsv(requireShared("jobs-glassdoor-ds-2020", "glassdoor_jobs.csv")).map((r) => ({
    id: `glassdoor20-${r[""]}`,
    title: r["Job Title"] ?? "",
    company: (r["Company Name"] ?? "").split("\n")[0] ?? "",
    text: r["Job Description"] ?? "",
  }));
  return { aiml, mle, glassdoor };
}

/** Whitespace aside: a repost with other line breaks is the same text. */
export const normText = (text: string) => text.replace(/\s+/g, " ").trim();

/** Rows moved from the front to the back: offsets keep a sample off the rows earlier sets started from. */
export const shift = <T>(rows: T[], by: number): T[] => [...rows.slice(by), ...rows.slice(0, by)];

/**
 * The texts (whitespace aside) a new sample must leave out: dev-gold's, heldout-gold's (found among
 * `rows` by id), heldout2's and the `also` samples'.
 */
export function usedTexts(rows: SampledPosting[], also: SampledPosting[]): Set<string> {
  const byId = new Map(rows.map((p) => [p.id, p.text]));
  return new Set<string>([
    ...readFileSync(requireShared("dev-gold", "postings.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => normText((JSON.parse(l) as { text: string }).text)),
    ...readGold("heldout-gold.jsonl").map((g) => normText(byId.get(g.id) ?? "")),
    ...[...selectHeldout2(), ...also].map((p) => normText(p.text)),
  ]);
}

/**
 * 20 LinkedIn AI/ML, 10 LinkedIn MLE and 10 Glassdoor postings: the three sets rotated by `by`, then
 * every position k = floor(n / quota) of the rows whose text is none of dev-gold, heldout-gold,
 * heldout2 or the `also` samples.
 */
export function sampleFresh(by: [number, number, number], also: SampledPosting[] = []): SampledPosting[] {
  const { aiml, mle, glassdoor } = readSampleSources();
  const used = usedTexts([...aiml, ...mle, ...glassdoor], also);
  const fresh = (rows: SampledPosting[]) => rows.filter((r) => !used.has(normText(r.text)));
  return [
    ...systematic(fresh(shift(aiml, by[0])), 20, new Set()),
    ...systematic(fresh(shift(mle, by[1])), 10, new Set()),
    ...systematic(fresh(shift(glassdoor, by[2])), 10, new Set()),
  ];
}

export const selectHeldout3 = (): SampledPosting[] => sampleFresh([17, 23, 31]);

if (process.argv[1]?.endsWith("heldout3-sample.ts")) writeAnnotatorBatches("heldout3-sample.ts", selectHeldout3);
