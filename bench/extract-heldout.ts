// Extraction on postings the extractor was not tuned on, with labels that need no hand annotation,
// plus throughput and memory. usage: npx tsx bench/extract-heldout.ts
//  - role: titles that plainly name the role ("... Data Scientist ...", "... Data Analyst ...",
//    "Data Engineer") in the 2019 LinkedIn and 2020 Glassdoor sets; hard negatives are the analyst
//    and data-engineer postings whose text mentions machine learning;
//  - seniority: LinkedIn's own level label on the 2024 AI/ML set, rows not in dev-gold (coarse: LinkedIn's
//    "Mid-Senior" accepts mid, senior or lead; "Associate" accepts entry or mid);
//  - salary: Glassdoor's salary strings ("$53K-$91K (Glassdoor est.)", "$17-$24 Per Hour"), read by a strict
//    reference pattern and by the extractor;
//  - throughput on one core and peak RSS over the 2024 descriptions.
import { readFileSync } from "node:fs";
import { createExtractor } from "../src/extract/index.js";
import { extractSalary } from "../src/extract/salary.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { readCsv, requireShared } from "./shared-data.js";

const extract = createExtractor(loadKnowledge());
const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : "-");

// --- role -------------------------------------------------------------------------------------
const roleRows: { title: string; text: string; expect: string; hardNegative: boolean }[] = [];
const labelOf = (title: string) =>
  /\bdata scientist\b/i.test(title) && !/\b(analyst|engineer|manager|director|head)\b/i.test(title)
    ? "data-scientist"
    : /\bdata analyst\b/i.test(title) && !/\b(scientist|engineer|manager)\b/i.test(title)
      ? "data-analyst"
      : /^\s*(senior |sr\.? |lead |junior )?data engineer\b/i.test(title) &&
          !/\b(scien|machine learning|ml)\b/i.test(title)
        ? "data-engineer"
        : undefined;
for (const file of ["DataScientist.csv", "DataAnalyst.csv"]) {
  for (const r of readCsv(requireShared("jobs-linkedin-ds-da-2019", file))) {
    const expect = labelOf(r.title ?? "");
    if (expect) roleRows.push({ title: r.title as string, text: r.description ?? "", expect, hardNegative: false });
  }
}
for (const r of readCsv(requireShared("jobs-glassdoor-ds-2020", "glassdoor_jobs.csv"))) {
  const expect = labelOf(r["Job Title"] ?? "");
  if (expect)
    roleRows.push({ title: r["Job Title"] as string, text: r["Job Description"] ?? "", expect, hardNegative: false });
}
const seen = new Set<string>();
const roles = roleRows.filter((r) => {
  const key = r.text.slice(0, 300);
  if (seen.has(key)) return false;
  seen.add(key);
  r.hardNegative = r.expect !== "data-scientist" && /machine learning|\bML\b/.test(r.text);
  return true;
});
const confusion = new Map<string, number>();
const byRole = new Map<string, [number, number]>();
let roleOk = 0;
let hardOk = 0;
let hardN = 0;
for (const r of roles) {
  const got = extract({ title: r.title, text: r.text }).role?.id ?? "other";
  const ok = got === r.expect;
  roleOk += ok ? 1 : 0;
  const t = byRole.get(r.expect) ?? [0, 0];
  byRole.set(r.expect, [t[0] + (ok ? 1 : 0), t[1] + 1]);
  if (!ok) confusion.set(`${r.expect} -> ${got}`, (confusion.get(`${r.expect} -> ${got}`) ?? 0) + 1);
  if (r.hardNegative) {
    hardN++;
    hardOk += ok ? 1 : 0;
  }
}

// --- seniority --------------------------------------------------------------------------------
const devIds = new Set(
  readFileSync(requireShared("dev-gold", "postings.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id),
);
const ACCEPT: Record<string, string[]> = {
  Internship: ["intern"],
  "Entry level": ["entry"],
  Associate: ["entry", "mid"],
  "Mid-Senior level": ["mid", "senior", "lead"],
  Director: ["lead", "executive"],
  Executive: ["executive"],
};
const aiml = readCsv(requireShared("jobs-linkedin-aiml-2024", "ai_ml_jobs_linkedin.csv"));
let senOk = 0;
let senN = 0;
const senMiss = new Map<string, number>();
aiml.forEach((r, i) => {
  const accept = ACCEPT[r.experienceLevel ?? ""];
  if (!accept || devIds.has(`linkedin24-${i}`)) return;
  const got = extract({ title: r.title ?? "", text: r.description ?? "" }).seniority ?? "none";
  senN++;
  if (accept.includes(got)) senOk++;
  else senMiss.set(`${r.experienceLevel} -> ${got}`, (senMiss.get(`${r.experienceLevel} -> ${got}`) ?? 0) + 1);
});

// --- salary strings ---------------------------------------------------------------------------
let salOk = 0;
let salN = 0;
const REF = /^(?:Employer Provided Salary:)?\$(\d+)(K?)-\$(\d+)(K?)\s*(Per Hour)?/;
for (const r of readCsv(requireShared("jobs-glassdoor-ds-2020", "glassdoor_jobs.csv"))) {
  const s = r["Salary Estimate"] ?? "";
  const m = s.match(REF);
  if (!m) continue;
  salN++;
  const k = (x: string, suffix: string) => Number(x) * (suffix ? 1000 : 1);
  const want = {
    min: k(m[1] as string, m[2] as string),
    max: k(m[3] as string, m[4] as string),
    period: m[5] ? "hour" : "year",
  };
  const got = extractSalary(s.replace(/\(Glassdoor est\.\)/, " salary"));
  if (got && got.min === want.min && got.max === want.max && got.period === want.period && got.currency === "USD")
    salOk++;
}

// --- throughput and memory --------------------------------------------------------------------
const texts = aiml.map((r) => ({ title: r.title ?? "", text: r.description ?? "" })).filter((p) => p.text.length > 500);
const kb = texts.reduce((s, p) => s + p.text.length, 0) / texts.length / 1024;
for (const p of texts.slice(0, 100)) extract(p);
let peak = process.memoryUsage().rss;
const rounds = 5;
const rates: number[] = [];
for (let i = 0; i < rounds; i++) {
  const started = performance.now();
  for (const p of texts) extract(p);
  rates.push(texts.length / ((performance.now() - started) / 1000));
  peak = Math.max(peak, process.memoryUsage().rss);
}
// The median round: one slow round (a GC, another process) should not decide the figure.
const rate = rates.sort((a, b) => a - b)[Math.floor(rounds / 2)] as number;

console.log("| measure | n | score |");
console.log("|---|---|---|");
console.log(`| role accuracy (title-labelled DS/DA/DE postings) | ${roles.length} | ${pct(roleOk, roles.length)} |`);
for (const [role, [ok, n]] of byRole) console.log(`| - ${role} | ${n} | ${pct(ok, n)} |`);
console.log(
  `| role hard negatives (analyst/data-engineer postings that mention ML) | ${hardN} | ${pct(hardOk, hardN)} |`,
);
console.log(`| seniority agreement with LinkedIn's label (coarse) | ${senN} | ${pct(senOk, senN)} |`);
console.log(`| salary strings read exactly | ${salN} | ${pct(salOk, salN)} |`);
console.log(
  `| throughput, one core (median of ${rounds} rounds over ${texts.length} postings, mean ${kb.toFixed(1)} KB) | ${texts.length * rounds} | ${rate.toFixed(0)} postings/s |`,
);
console.log(`| peak RSS | - | ${(peak / 1048576).toFixed(0)} MiB |`);
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
console.log(`\nrole confusions: ${top(confusion)}`);
console.log(`seniority misses: ${top(senMiss)}`);
