// Posting de-duplication on 200 hand-labelled pairs from the shared job-posting sets (how they were
// chosen and labelled: bench/dedupe-pairs.md). Each side is read the way mlpath reads a CSV row
// (column mapping, trimming, company cut at the first newline) and the pair is judged the way
// insertBatch in src/store/postings.ts judges it: the same stored id, or the same normalised company
// name, the same normalised title and MinHash similarity of the descriptions >= NEAR_DUPLICATE.
// usage: npx tsx bench/dedupe.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { detectColumns, type PostingRecord, toRecord } from "../src/sources/posting-record.js";
import { normaliseTitle } from "../src/sources/prepare.js";
import { NEAR_DUPLICATE } from "../src/store/postings.js";
import { minhash, similarity } from "../src/text/minhash.js";
import { requireShared } from "./shared-data.js";

type Kind = "exact" | "repost" | "same-title-other-company" | "other-title-same-company";
interface Ref {
  file: string;
  row: number;
}
interface Pair {
  a: Ref;
  b: Ref;
  kind: Kind;
  duplicate: boolean;
}
const KINDS: Kind[] = ["exact", "repost", "same-title-other-company", "other-title-same-company"];

const pairs: Pair[] = readFileSync(join(import.meta.dirname, "dedupe-pairs.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Pair);

// Copied from src/store/postings.ts (not exported there): the companies table's norm_name.
const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

interface Side {
  record: PostingRecord;
  /** insertBatch's company key: null when the posting has no company. */
  company: string | null;
  normTitle: string;
  signature: number[];
  /** The postings table's primary key, as preparePosting computes it. */
  id: string;
}

const files = new Map<string, Record<string, string>[]>();
function rowsOf(file: string): Record<string, string>[] {
  let rows = files.get(file);
  if (!rows) {
    rows = parse(readFileSync(requireShared(...file.split("/"))), {
      columns: true,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    files.set(file, rows);
  }
  return rows;
}

function side(ref: Ref): Side {
  const rows = rowsOf(ref.file);
  const row = rows[ref.row];
  if (!row) throw new Error(`${ref.file}: no data row ${ref.row}`);
  const source = basename(ref.file);
  const { record, reason } = toRecord(row, detectColumns(Object.keys(row)), source);
  if (!record) throw new Error(`${ref.file} row ${ref.row}: ${reason}`);
  const normTitle = normaliseTitle(record.title);
  const key = record.externalId ?? sha1(`${record.company ?? ""}\u0000${normTitle}\u0000${record.description}`);
  return {
    record,
    company: record.company ? normName(record.company) : null,
    normTitle,
    signature: minhash(record.description),
    id: sha1(`${source}\u0000${key}`),
  };
}

interface Judged {
  pair: Pair;
  a: Side;
  b: Side;
  sim: number;
  sameId: boolean;
  sameCompany: boolean;
  sameTitle: boolean;
}
const judged: Judged[] = pairs.map((pair) => {
  const a = side(pair.a);
  const b = side(pair.b);
  return {
    pair,
    a,
    b,
    sim: similarity(a.signature, b.signature),
    sameId: a.id === b.id,
    sameCompany: a.company === b.company,
    sameTitle: a.normTitle === b.normTitle,
  };
});
const predict = (j: Judged, threshold: number) => j.sameId || (j.sameCompany && j.sameTitle && j.sim >= threshold);

interface Score {
  perKind: Map<Kind, { n: number; ok: number }>;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}
function score(threshold: number): Score {
  const perKind = new Map<Kind, { n: number; ok: number }>(KINDS.map((k) => [k, { n: 0, ok: 0 }]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const j of judged) {
    const got = predict(j, threshold);
    const want = j.pair.duplicate;
    const k = perKind.get(j.pair.kind) as { n: number; ok: number };
    k.n++;
    if (got === want) k.ok++;
    if (got && want) tp++;
    else if (got) fp++;
    else if (want) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { perKind, tp, fp, fn, tn, precision, recall, f1 };
}

const f3 = (x: number) => x.toFixed(3);
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, 70);
const main = score(NEAR_DUPLICATE);
const positives = judged.filter((j) => j.pair.duplicate).length;

console.log(
  `## Dedupe on ${judged.length} labelled pairs (${positives} duplicates), threshold NEAR_DUPLICATE = ${NEAR_DUPLICATE}\n`,
);
console.log("| kind | n | duplicates (label) | accuracy |");
console.log("|---|---|---|---|");
for (const kind of KINDS) {
  const k = main.perKind.get(kind) as { n: number; ok: number };
  const dup = judged.filter((j) => j.pair.kind === kind && j.pair.duplicate).length;
  console.log(`| ${kind} | ${k.n} | ${dup} | ${f3(k.ok / k.n)} |`);
}
console.log(`| **all** | ${judged.length} | ${positives} | ${f3((main.tp + main.tn) / judged.length)} |`);
console.log("\n| duplicate | value |");
console.log("|---|---|");
console.log(`| TP / FP / FN / TN | ${main.tp} / ${main.fp} / ${main.fn} / ${main.tn} |`);
console.log(`| precision | ${f3(main.precision)} |`);
console.log(`| recall | ${f3(main.recall)} |`);
console.log(`| F1 | ${f3(main.f1)} |`);

const sameStore = judged.filter((j) => j.sameCompany && j.sameTitle);
const sameStoreDup = sameStore.filter((j) => j.pair.duplicate).length;
const sameStoreFound = sameStore.filter((j) => j.pair.duplicate && predict(j, NEAR_DUPLICATE)).length;
console.log(
  `\nRecall within reach of the rule (pairs with the same normalised company and title): ${sameStoreFound}/${sameStoreDup} = ${f3(sameStoreDup ? sameStoreFound / sameStoreDup : 0)}; ` +
    `duplicates whose company or normalised title differ: ${positives - sameStoreDup}.`,
);
const byId = judged.filter((j) => j.sameId).length;
if (byId) console.log(`Pairs with the same stored id (the second is skipped as already stored): ${byId}.`);

console.log("\n### Misclassified\n");
console.log("| kind | label | predicted | why | similarity | title A | title B |");
console.log("|---|---|---|---|---|---|---|");
for (const j of judged) {
  const got = predict(j, NEAR_DUPLICATE);
  if (got === j.pair.duplicate) continue;
  const why = !j.sameCompany
    ? `company differs (${cell(j.a.record.company ?? "-")} / ${cell(j.b.record.company ?? "-")})`
    : !j.sameTitle
      ? `title differs (${cell(j.a.normTitle)} / ${cell(j.b.normTitle)})`
      : j.sim >= NEAR_DUPLICATE
        ? "same company, title, similar text"
        : "similarity below threshold";
  console.log(
    `| ${j.pair.kind} | ${j.pair.duplicate} | ${got} | ${why} | ${f3(j.sim)} | ${cell(j.a.record.title)} | ${cell(j.b.record.title)} |`,
  );
}

console.log("\n### Threshold diagnostic\n");
console.log(`| threshold | ${KINDS.join(" | ")} | precision | recall | F1 | TP / FP / FN |`);
console.log(`|---|${KINDS.map(() => "---").join("|")}|---|---|---|---|`);
for (const t of [0.6, 0.7, 0.8, 0.9]) {
  const s = score(t);
  const acc = KINDS.map((k) => {
    const v = s.perKind.get(k) as { n: number; ok: number };
    return f3(v.ok / v.n);
  });
  console.log(
    `| ${t}${t === NEAR_DUPLICATE ? " (current)" : ""} | ${acc.join(" | ")} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${s.tp} / ${s.fp} / ${s.fn} |`,
  );
}
