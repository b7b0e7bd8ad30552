import { type SampledPosting, systematic, writeAnnotatorBatches } from "./heldout2-sample.js";
import { normText, readSampleSources, selectHeldout3, usedTexts } from "./heldout3-sample.js";
import { selectHeldout4 } from "./heldout4-sample.js";
import { selectHeldout5 } from "./heldout5-sample.js";
import { selectHeldout6 } from "./heldout6-sample.js";
import { readCsv, requireShared } from "./shared-data.js";

/** Title buckets, checked in order (dev-gold's rule, with data architects and analytics engineers as data engineers). */
const BUCKETS: [string, RegExp, number][] = [
  ["product manager", /product manager/i, 1],
  ["manager", /manager|director|head\b|\bvp\b|chief/i, 4],
  ["intern", /intern\b|internship/i, 1],
  ["mlops", /mlops|ml ops|machine learning operations|ml infra|ml platform/i, 1],
  ["nlp", /nlp|llm|language|gen ?ai|generative|conversation|nlu/i, 1],
  ["research", /research|(?<!data )scientist/i, 2],
  ["data scientist", /data scien/i, 5],
  ["data engineer", /data engineer|etl|big data|data architect|analytics engineer|data warehouse/i, 9],
  ["data analyst", /analyst|analytics|business intelligence|\bbi\b/i, 9],
  ["ml engineer", /machine learning|\bml\b|\bai\b|artificial intelligence|deep learning/i, 4],
  ["software", /software|developer|engineer|full stack|backend/i, 2],
  ["other", /^/, 1],
];

/** FNV-1a: a fixed order that mixes the source files, so each bucket draws from all of them. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * Each bucket's quota times `scale` from the fresh postings of the five sets (none in dev-gold, the
 * earlier held-out sets or `also`), in the order of the FNV-1a hash of `salt` + id.
 */
export function sampleMix(scale: number, salt: string, also: SampledPosting[] = []): SampledPosting[] {
  const { aiml, mle, glassdoor } = readSampleSources();
  const fromLinkedin19 = (file: string, prefix: string) =>
    readCsv(requireShared("jobs-linkedin-ds-da-2019", file)).map((r, i) => ({
      id: `${prefix}-${i}`,
      title: r.title ?? "",
      company: r.company ?? "",
      text: r.description ?? "",
    }));
  const ds = fromLinkedin19("DataScientist.csv", "linkedinds19");
  const da = fromLinkedin19("DataAnalyst.csv", "linkedinda19");
  const all = [...aiml, ...mle, ...glassdoor, ...ds, ...da];
  const used = usedTexts(all, [
    ...selectHeldout3(),
    ...selectHeldout4(),
    ...selectHeldout5(),
    ...selectHeldout6(),
    ...also,
  ]);
  const fresh = all.filter((p) => !used.has(normText(p.text))).sort((a, b) => fnv(salt + a.id) - fnv(salt + b.id));
  const bucketOf = (title: string) => BUCKETS.findIndex(([, re]) => re.test(title));
  return BUCKETS.flatMap(([, , quota], b) =>
    systematic(
      fresh.filter((p) => bucketOf(p.title) === b),
      quota * scale,
      new Set(),
    ),
  );
}

export const selectHeldout7 = (): SampledPosting[] => sampleMix(1, "");

if (process.argv[1]?.endsWith("heldout7-sample.ts")) writeAnnotatorBatches("heldout7-sample.ts", selectHeldout7);
