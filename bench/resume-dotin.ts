// The resume reader on the dotin resume NER data set (CC0, 310 annotated CVs, mostly Indian IT CVs
// from Indeed, see ../shared/data/resumes-dotin-ner/SOURCE.md). The annotations are entity spans,
// not profiles, so each measure turns them into a document-level gold value; the rules are below,
// beside each measure. Its error lists were read to tune the one-line repair and the years rule
// (2026-12-01), so it is a tuning set; the maintainers score other CVs.
// usage: npx tsx bench/resume-dotin.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Profile } from "../src/documents/profile.js";
import { createResumeReader } from "../src/documents/resume.js";
import { extractDegree } from "../src/extract/degree.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { requireShared } from "./shared-data.js";

/** The data set was published in July 2022: "Present" in a CV ends there. */
const NOW = "2022-07";

interface Label {
  type: string;
  text: string;
}
interface Cv {
  id: string;
  text: string;
  labels: Label[];
  /** 229 of the 310 CVs come from a CSV export with the line breaks turned into runs of spaces. */
  oneLine: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] as string);
const LABEL = /<label type="([^"]+)">([\s\S]*?)<\/label>/g;

/** The CV text the reader sees: the wrapper and label tags gone (their words kept), entities decoded. */
function parseCv(id: string, xml: string): Cv {
  const body = xml
    .replace(/^\s*<\?xml[^>]*\?>\s*/, "")
    .replace(/^\s*<cv>\n?/, "")
    .replace(/\n?<\/cv>\s*$/, "");
  const labels = [...body.matchAll(LABEL)].map((m) => ({ type: m[1] as string, text: decode(m[2] as string).trim() }));
  const text = decode(body.replace(LABEL, "$2"));
  return { id, text, labels, oneLine: text.trim().split("\n").length <= 2 };
}

/** Unzips the archive into a temporary folder with the system unzip; only the CV folder is read (no `__MACOSX/`). */
function loadCvs(zip: string): Cv[] {
  const dir = mkdtempSync(join(tmpdir(), "mlpath-dotin-"));
  try {
    execFileSync("unzip", ["-qq", zip, "-d", dir]);
    const folder = join(dir, "545_cvs_train_v2");
    return readdirSync(folder)
      .filter((f) => f.endsWith(".xml"))
      .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
      .map((f) => parseCv(f.replace(/\.xml$/, ""), readFileSync(join(folder, f), "utf8")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cvs = loadCvs(requireShared("resumes-dotin-ner", "545_cvs_train_v2.zip"));
const pack = loadKnowledge();
const read = createResumeReader(pack);
const readCv = (text: string, now = NOW): Profile => read(text, { now, format: "text" });

// --- Skills -------------------------------------------------------------------------------------

/** The maintainers' scorer's normalisation (../shared/tools/score-extract.mjs): plural- and punctuation-blind. */
const norm = (s: string) => {
  const x = s.toLowerCase().replace(/[^a-z0-9+#]/g, "");
  return x.length > 3 && x.endsWith("s") ? x.slice(0, -1) : x;
};
/** Soft skills and spoken languages are neither predicted nor asked for: the labels here are technical. */
const EXCLUDED_CATEGORIES = new Set(["soft-skill", "spoken-language"]);
/** Every spelling of each skill, normalised. */
const spellings = new Map(
  pack.skills.map((s) => [s.id, new Set([s.name, ...s.aliases, ...s.caseSensitive].map(norm))] as const),
);
/** A label is "in the taxonomy" when it equals a spelling of a skill that can be predicted. */
const known = new Set(
  pack.skills.filter((s) => !EXCLUDED_CATEGORIES.has(s.category)).flatMap((s) => [...(spellings.get(s.id) ?? [])]),
);
const SKILL_TYPES = new Set(["Tech Tools", "Job Specific Skills"]);

interface SkillCounts {
  tp: number;
  predicted: number;
  gold: number;
  found: number;
  labels: number;
  inTaxonomy: number;
}

/**
 * Precision is strict: a predicted skill counts only when some Tech Tools or Job Specific Skills
 * label of the CV names it, so skills the annotators left unlabelled count against the reader.
 * Recall is fair: only labels the taxonomy can name are asked for.
 */
function scoreSkills(cv: Cv, profile: Profile, c: SkillCounts, errors: Errors): void {
  const labels = new Set(cv.labels.filter((l) => SKILL_TYPES.has(l.type)).map((l) => norm(l.text)));
  labels.delete("");
  const gold = [...labels].filter((l) => known.has(l));
  const kept = profile.skills.filter((s) => !EXCLUDED_CATEGORIES.has(s.category));
  const predicted = kept.map((s) => spellings.get(s.id) ?? new Set([norm(s.name)]));
  c.predicted += predicted.length;
  for (const [i, names] of predicted.entries()) {
    if ([...names].some((n) => labels.has(n))) c.tp++;
    else count(errors.unlabelled, kept[i]?.name ?? "");
  }
  c.labels += labels.size;
  c.inTaxonomy += gold.length;
  c.gold += gold.length;
  for (const g of gold) {
    if (predicted.some((names) => names.has(g))) c.found++;
    else count(errors.missed, g);
  }
}

// --- Degree -------------------------------------------------------------------------------------

const LEVELS = ["associate", "bachelor", "master", "phd"] as const;
type Level = (typeof LEVELS)[number];
const highest = (levels: (Level | null)[]): Level | null =>
  levels.reduce<Level | null>((top, l) => (l && (!top || LEVELS.indexOf(l) > LEVELS.indexOf(top)) ? l : top), null);

/**
 * The highest level among the CV's Degree labels, read with mlpath's own degree patterns (so the
 * measure tests finding the degree in the CV, not naming it). A trailing space lets "B.E." end a
 * label the way it ends a phrase in running text. Associate degrees and diplomas are left out.
 */
function goldDegree(cv: Cv): Level | null {
  return highest(
    cv.labels
      .filter((l) => l.type === "Degree" && !/\b(associate|diploma)\b/i.test(l.text))
      .map((l) => extractDegree(`${l.text} `)),
  );
}

// --- Designation to role ------------------------------------------------------------------------

/** A reference mapping of designations to role ids, written for this bench; first rule wins. */
const ROLE_RULES: [RegExp, string][] = [
  [/data scien/i, "data-scientist"],
  [/machine learning|\bml engineer|\bai engineer/i, "ml-engineer"],
  [/data engineer|\betl\b|big data/i, "data-engineer"],
  [/data analyst|business analyst|\bbi\b|analytics/i, "data-analyst"],
  [
    /software|developer|programmer|\bjava\b|\.net\b|\bweb\b|full.?stack|\bfront|back.?end|\bsde\b|engineer/i,
    "software-engineer",
  ],
];
const goldRole = (designation: string): string | null => ROLE_RULES.find(([re]) => re.test(designation))?.[1] ?? null;

/**
 * The role of the entry whose title holds the designation, else of the first entry: the reader's
 * guess for it. A missing guess says why, since "no entries" and "no role" have different causes.
 */
function predictedRole(designation: string, profile: Profile): string {
  const d = designation.toLowerCase().replace(/\s+/g, " ");
  const entry = profile.experience.find((e) => e.title.toLowerCase().includes(d)) ?? profile.experience[0];
  if (!entry) return "none (no entries)";
  return entry.roleId ?? "none (entry without role)";
}

// --- Years --------------------------------------------------------------------------------------

/** A stated total such as "11 years of experience" or "2 years 10 months"; date ranges do not match. */
const STATED_YEARS = /(\d+(?:\.\d+)?)\s*\+?\s*(?:years|yrs)(?:\s*(?:and\s*)?(\d{1,2})\s*months?)?/i;
function goldYears(cv: Cv): number | null {
  for (const l of cv.labels) {
    if (l.type !== "Years of Experience") continue;
    const m = l.text.match(STATED_YEARS);
    if (m) return Number(m[1]) + (m[2] ? Number(m[2]) / 12 : 0);
  }
  return null;
}

// --- Evaluation ---------------------------------------------------------------------------------

/**
 * Most CVs were written around 2014-2018 (their latest dates), so "Present" read as the data set's
 * date adds years no CV states. Years are also scored against this earlier "now" to show how much.
 */
const WRITTEN = "2018-12";

/** One CV as read: the profile scored, and the same text read with "now" = WRITTEN for years. */
interface Reading {
  cv: Cv;
  profile: Profile;
  written: Profile;
}
interface Tally {
  ok: number;
  n: number;
}
interface Scores {
  cvs: number;
  sections: number;
  withExperience: number;
  skills: SkillCounts;
  degree: Tally;
  role: Tally;
  years: Tally;
  yearsWritten: Tally;
  yearsWithExperience: number;
  /** Of CVs with a Name (Email Address) label: the one read matches one of them, or another was read. */
  name: Tally & { wrong: number };
  email: Tally & { wrong: number };
}
type Confusions = Map<string, { count: number; examples: string[] }>;
interface Errors {
  /** In-taxonomy labels the reader did not find, and skills it found that no label names. */
  missed: Map<string, number>;
  unlabelled: Map<string, number>;
  degree: Confusions;
  role: Confusions;
  years: Confusions;
}
const newErrors = (): Errors => ({
  missed: new Map(),
  unlabelled: new Map(),
  degree: new Map(),
  role: new Map(),
  years: new Map(),
});
const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

function bump(m: Confusions, key: string, example: string): void {
  const e = m.get(key) ?? { count: 0, examples: [] };
  e.count++;
  if (e.examples.length < 3 && !e.examples.includes(example)) e.examples.push(example);
  m.set(key, e);
}

function evaluate(readings: Reading[], errors: Errors = newErrors()): Scores {
  const s: Scores = {
    cvs: readings.length,
    sections: 0,
    withExperience: 0,
    skills: { tp: 0, predicted: 0, gold: 0, found: 0, labels: 0, inTaxonomy: 0 },
    degree: { ok: 0, n: 0 },
    role: { ok: 0, n: 0 },
    years: { ok: 0, n: 0 },
    yearsWritten: { ok: 0, n: 0 },
    yearsWithExperience: 0,
    name: { ok: 0, n: 0, wrong: 0 },
    email: { ok: 0, n: 0, wrong: 0 },
  };
  for (const { cv, profile, written } of readings) {
    if (!profile.warnings.some((w) => w.startsWith("no section headings"))) s.sections++;
    if (profile.experience.length > 0) s.withExperience++;
    scoreSkills(cv, profile, s.skills, errors);

    const contact = (type: string, read: string | null, t: Tally & { wrong: number }) => {
      const gold = cv.labels.filter((l) => l.type === type).map((l) => squash(l.text));
      if (gold.length === 0) return;
      t.n++;
      if (read && gold.includes(squash(read))) t.ok++;
      else if (read) t.wrong++;
    };
    contact("Name", profile.contact.name, s.name);
    contact("Email Address", profile.contact.email, s.email);

    const degree = goldDegree(cv);
    if (degree) {
      const predicted = highest(profile.education.map((e) => e.level));
      s.degree.n++;
      if (predicted === degree) s.degree.ok++;
      else bump(errors.degree, `${degree} → ${predicted ?? "none"}`, `#${cv.id}`);
    }

    const designation = cv.labels.find((l) => l.type === "Designation")?.text;
    const role = designation ? goldRole(designation) : null;
    if (designation && role) {
      const predicted = predictedRole(designation, profile);
      s.role.n++;
      if (predicted === role) s.role.ok++;
      else bump(errors.role, `${role} → ${predicted}`, designation.replace(/\s+/g, " "));
    }

    const years = goldYears(cv);
    if (years !== null) {
      s.years.n++;
      s.yearsWritten.n++;
      if (profile.experience.length > 0) s.yearsWithExperience++;
      if (Math.abs(profile.years - years) <= 1) s.years.ok++;
      else
        bump(
          errors.years,
          profile.experience.length === 0 ? "no entries (0)" : profile.years > years ? "over" : "under",
          `#${cv.id} ${years.toFixed(1)}→${profile.years}`,
        );
      if (Math.abs(written.years - years) <= 1) s.yearsWritten.ok++;
    }
  }
  return s;
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
const ratio = (a: number, b: number) => (b === 0 ? "–" : (a / b).toFixed(3));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** One row per measure; `n` is how many CVs (or skills, for precision and recall) it is over. */
function rows(s: Scores): [string, number, string][] {
  const k = s.skills;
  const p = k.tp / Math.max(1, k.predicted);
  const r = k.found / Math.max(1, k.gold);
  return [
    ["section headings found", s.cvs, ratio(s.sections, s.cvs)],
    ["experience entries found", s.cvs, ratio(s.withExperience, s.cvs)],
    ["skill labels in taxonomy (coverage)", k.labels, ratio(k.inTaxonomy, k.labels)],
    ["skill precision (vs all skill labels)", k.predicted, ratio(k.tp, k.predicted)],
    ["skill recall (vs in-taxonomy labels)", k.gold, ratio(k.found, k.gold)],
    ["skill F1", k.gold, f1(p, r).toFixed(3)],
    ["degree level accuracy", s.degree.n, ratio(s.degree.ok, s.degree.n)],
    ["designation → role accuracy", s.role.n, ratio(s.role.ok, s.role.n)],
    [`years within ±1 (now = ${NOW})`, s.years.n, ratio(s.years.ok, s.years.n)],
    ["… of those CVs, share with experience entries", s.years.n, ratio(s.yearsWithExperience, s.years.n)],
    [`years within ±1 (now = ${WRITTEN}, diagnostic)`, s.yearsWritten.n, ratio(s.yearsWritten.ok, s.yearsWritten.n)],
    ["name read as labelled", s.name.n, ratio(s.name.ok, s.name.n)],
    ["… another name read instead (wrong)", s.name.n, ratio(s.name.wrong, s.name.n)],
    ["email read as labelled", s.email.n, ratio(s.email.ok, s.email.n)],
  ];
}

/**
 * Diagnostic only, never the score: the text with its layout repaired, to show what layout costs
 * the reader. The one-line CVs get their line breaks back (a run of two or more spaces was a line
 * break, except between two dates, where it was a dropped dash: "2005  Present"), and blank lines
 * go, since Indeed CVs put one between a job's title, its employer and its dates (the column for
 * multi-line CVs shows whether the reader still loses anything to them).
 */
const DROPPED_DASH =
  /((?:19|20)\d\d) {2,}(?=(?:present|current|now|till date|[a-z]{3,9}\.? (?:19|20)\d\d|(?:19|20)\d\d)\b)/gi;
function repair(cv: Cv): Cv {
  const text = cv.oneLine ? cv.text.replace(DROPPED_DASH, "$1 - ").replace(/ {2,}/g, "\n") : cv.text;
  return { ...cv, text: text.replace(/\n[ \t]*(?=\n)/g, "").replace(/\n{2,}/g, "\n") };
}
const readAll = (set: Cv[]): Reading[] =>
  set.map((cv) => ({ cv, profile: readCv(cv.text), written: readCv(cv.text, WRITTEN) }));

// Warm-up pass first (JIT, regex caches), then the timed pass.
for (const cv of cvs) readCv(cv.text);
const started = performance.now();
for (const cv of cvs) readCv(cv.text);
const msPerCv = (performance.now() - started) / cvs.length;

const given = readAll(cvs);
const repaired = readAll(cvs.map(repair));
const errors = newErrors();
const all = evaluate(given, errors);
const repairedErrors = newErrors();
evaluate(repaired, repairedErrors);

const oneLineCount = cvs.filter((cv) => cv.oneLine).length;
console.log(`## mlpath resume reader on dotin resume NER (train, ${cvs.length} CVs, now = ${NOW})\n`);
console.log("| measure | n | value |");
console.log("|---|---|---|");
for (const [name, n, value] of rows(all)) console.log(`| ${name} | ${n} | ${value} |`);
console.log(`| ms per CV (mean, after warm-up) | ${cvs.length} | ${msPerCv.toFixed(2)} |`);

const columns: [string, Scores][] = [
  ["multi-line, as given", evaluate(given.filter((r) => !r.cv.oneLine))],
  ["multi-line, blank lines removed", evaluate(repaired.filter((r) => !r.cv.oneLine))],
  ["one-line, as given", evaluate(given.filter((r) => r.cv.oneLine))],
  ["one-line, line breaks restored", evaluate(repaired.filter((r) => r.cv.oneLine))],
  ["all, repaired", evaluate(repaired)],
];
console.log(`\n### By layout, and with the layout repaired (diagnostic; value (n))\n`);
console.log(`${oneLineCount} of ${cvs.length} CVs are one line (line breaks turned into runs of spaces).\n`);
console.log(`| measure | ${columns.map(([name, s]) => `${name} (${s.cvs})`).join(" | ")} |`);
console.log(`|---|${columns.map(() => "---|").join("")}`);
const table = columns.map(([, s]) => rows(s));
for (const [i, [name]] of (table[0] ?? []).entries())
  console.log(`| ${name} | ${table.map((t) => `${t[i]?.[2]} (${t[i]?.[1]})`).join(" | ")} |`);

function printConfusions(title: string, m: Confusions, k = 8): void {
  console.log(`\n| ${title} | count | examples |`);
  console.log("|---|---|---|");
  for (const [key, e] of [...m].sort((a, b) => b[1].count - a[1].count).slice(0, k))
    console.log(`| ${key} | ${e.count} | ${e.examples.join("; ")} |`);
}
console.log("\n### Top confusions (as given)");
printConfusions("designation → role: gold → predicted", errors.role);
printConfusions("degree: gold → predicted", errors.degree);
printConfusions(`years off by more than 1 (now = ${NOW})`, errors.years);
console.log("\n### Top confusions (all, repaired)");
printConfusions("designation → role: gold → predicted", repairedErrors.role);
printConfusions("degree: gold → predicted", repairedErrors.degree);
const most = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
console.log(`\nIn-taxonomy skill labels missed most (as given, normalised): ${most(errors.missed)}`);
console.log(`\nSkills found that no skill label names, most often (as given): ${most(errors.unlabelled)}`);
