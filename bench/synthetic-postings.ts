// A large synthetic posting set built from the shared job sets, for speed benchmarks at 100k and
// beyond. It is written to a temporary folder at bench time and never kept in the project: the
// source sets carry no licence to republish.
// usage: npx tsx bench/synthetic-postings.ts N OUT.jsonl

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { readPostingFile } from "../src/sources/files.js";
import type { PostingRecord } from "../src/sources/posting-record.js";
import { seeded } from "./seeded.js";
import { requireShared } from "./shared-data.js";

export const SHARED_POSTING_FILES = [
  ["jobs-linkedin-aiml-2024", "ai_ml_jobs_linkedin.csv"],
  ["jobs-linkedin-mle-2023", "MLE_Jobs_LinkedIn.csv"],
  ["jobs-linkedin-ds-da-2019", "DataScientist.csv"],
  ["jobs-linkedin-ds-da-2019", "DataAnalyst.csv"],
  ["jobs-glassdoor-ds-2020", "glassdoor_jobs.csv"],
  ["jobs-glassdoor-ds-uncleaned", "Uncleaned_DS_jobs.csv"],
] as const;

const PLACES: { location: string; currency: string; scale: number }[] = [
  { location: "San Francisco, CA", currency: "$", scale: 1.25 },
  { location: "New York, NY", currency: "$", scale: 1.2 },
  { location: "Seattle, WA", currency: "$", scale: 1.15 },
  { location: "Austin, TX", currency: "$", scale: 1 },
  { location: "Chicago, IL", currency: "$", scale: 0.95 },
  { location: "Remote (US)", currency: "$", scale: 1 },
  { location: "Toronto, ON, Canada", currency: "CA$", scale: 0.8 },
  { location: "London, United Kingdom", currency: "£", scale: 0.55 },
  { location: "Berlin, Germany", currency: "€", scale: 0.6 },
  { location: "Bengaluru, Karnataka, India", currency: "₹", scale: 20 },
  { location: "Remote", currency: "$", scale: 0.9 },
];
const LEVELS = [
  { prefix: "", base: 130_000 },
  { prefix: "Senior ", base: 165_000 },
  { prefix: "Junior ", base: 95_000 },
  { prefix: "Lead ", base: 185_000 },
  { prefix: "Staff ", base: 210_000 },
  { prefix: "Associate ", base: 100_000 },
];
const WORDS_A = [
  "North",
  "Blue",
  "Bright",
  "Quantum",
  "Silver",
  "Open",
  "Deep",
  "Clear",
  "Prime",
  "True",
  "Vector",
  "Cedar",
];
const WORDS_B = [
  "wind",
  "stone",
  "path",
  "field",
  "signal",
  "lake",
  "forge",
  "leaf",
  "bridge",
  "point",
  "harbor",
  "grid",
];
const WORDS_C = ["Analytics", "Labs", "AI", "Health", "Systems", "Robotics", "Bank", "Retail", "Logistics", "Media"];

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const sentences = (text: string) => text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0);

/** One synthetic posting: a shared posting's sentences, lightly reordered and mixed with another's. */
function vary(rng: () => number, base: PostingRecord, donor: PostingRecord, i: number): PostingRecord {
  const level = pick(rng, LEVELS);
  const place = pick(rng, PLACES);
  const company = `${pick(rng, WORDS_A)}${pick(rng, WORDS_B)} ${pick(rng, WORDS_C)} ${Math.floor(rng() * 400)}`;
  const own = sentences(base.description).filter(() => rng() > 0.1);
  // Swap a few neighbouring sentences and splice in some of another posting's, so skill sets vary.
  for (let k = 0; k + 1 < own.length; k += 2 + Math.floor(rng() * 6)) {
    const t = own[k] as string;
    own[k] = own[k + 1] as string;
    own[k + 1] = t;
  }
  const borrowed = sentences(donor.description);
  const start = Math.floor(rng() * Math.max(1, borrowed.length - 3));
  own.splice(Math.floor(rng() * (own.length + 1)), 0, ...borrowed.slice(start, start + 1 + Math.floor(rng() * 3)));
  const title = `${level.prefix}${base.title.replace(/^(senior|sr\.?|junior|jr\.?|lead|staff|associate)\s+/i, "")}`;
  const month = 1 + Math.floor(rng() * 46);
  const postedAt = `${2023 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-${String(1 + Math.floor(rng() * 28)).padStart(2, "0")}`;
  let salaryText: string | undefined;
  if (rng() < 0.4) {
    const mid = level.base * place.scale * (0.85 + rng() * 0.3);
    const low = Math.round((mid * 0.9) / 1000) * 1000;
    const high = Math.round((mid * 1.12) / 1000) * 1000;
    salaryText = `${place.currency}${low.toLocaleString("en-US")} - ${place.currency}${high.toLocaleString("en-US")} a year`;
  }
  return {
    source: "synthetic",
    externalId: `syn-${i}`,
    title,
    company,
    location: place.location,
    description: own.join(" "),
    ...(salaryText ? { salaryText } : {}),
    postedAt,
  };
}

/** Writes `n` synthetic postings as JSONL; about 3% are reposts of an earlier one (same company and title). */
export async function writeSyntheticPostings(n: number, out: string, seed = 20261125): Promise<number> {
  const bases: PostingRecord[] = [];
  for (const [folder, name] of SHARED_POSTING_FILES) {
    for await (const item of readPostingFile(requireShared(folder, name))) if (item.ok) bases.push(item.record);
  }
  const rng = seeded(seed);
  const file = createWriteStream(out);
  const recent: PostingRecord[] = [];
  for (let i = 0; i < n; i++) {
    let posting: PostingRecord;
    const earlier = recent.length > 0 && rng() < 0.03 ? pick(rng, recent) : undefined;
    if (earlier) {
      // A repost: the same posting a few weeks later with a new id and a line of boilerplate.
      posting = {
        ...earlier,
        externalId: `syn-${i}`,
        description: `${earlier.description} Apply by the end of the month.`,
      };
    } else {
      posting = vary(rng, pick(rng, bases), pick(rng, bases), i);
      if (recent.length < 5000) recent.push(posting);
      else recent[Math.floor(rng() * recent.length)] = posting;
    }
    if (!file.write(`${JSON.stringify(posting)}\n`)) await once(file, "drain");
  }
  file.end();
  await once(file, "finish");
  return bases.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 100_000);
  const out = process.argv[3] ?? "/tmp/mlpath-synthetic.jsonl";
  const bases = await writeSyntheticPostings(n, out);
  console.log(`wrote ${n} synthetic postings from ${bases} shared ones to ${out}`);
}
