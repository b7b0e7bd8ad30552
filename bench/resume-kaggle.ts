// The resume reader on the Kaggle resume set (962 CVs in 25 job categories; no licence stated,
// read from ../shared/data at run time, see its SOURCE.md), after removing repeated CVs. The set has
// no per-job annotation, only each CV's category, so the measure is the role mlpath reads for the
// person against the role the category names (categories outside data, ML and software count as
// "other"). Its layout was looked at once to read its "company - / description -" jobs (2026-12-02),
// so it is a tuning set. usage: npx tsx bench/resume-kaggle.ts
import type { Profile } from "../src/documents/profile.js";
import { createResumeReader } from "../src/documents/resume.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { fitRoles } from "../src/match/fit.js";
import { readCsv, requireShared } from "./shared-data.js";

/** Category -> role id, written for this benchmark before it was run. */
const ROLE_OF: Record<string, string> = {
  "Data Science": "data-scientist",
  "Business Analyst": "data-analyst",
  Database: "data-engineer",
  Hadoop: "data-engineer",
  "ETL Developer": "data-engineer",
  "Java Developer": "software-engineer",
  "Python Developer": "software-engineer",
  "DotNet Developer": "software-engineer",
  "SAP Developer": "software-engineer",
  "Web Designing": "software-engineer",
  Blockchain: "software-engineer",
  Testing: "software-engineer",
  "Automation Testing": "software-engineer",
  "DevOps Engineer": "software-engineer",
};

const pack = loadKnowledge();
const read = createResumeReader(pack);
const seen = new Set<string>();
const cvs = readCsv(requireShared("resumes-kaggle-25cat", "UpdatedResumeDataSet.csv"))
  .map((r) => ({ category: r.Category ?? "", text: r.Resume ?? "" }))
  .filter((cv) => {
    const key = cv.text.replace(/\s+/g, " ").trim();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });

/** The role of the person's most recent job that names one, as the resume reader maps job titles. */
const jobRole = (p: Profile) => p.experience.find((e) => e.roleId)?.roleId ?? "other";

const tally = new Map<string, { n: number; job: number; fit: number; entries: number; skills: number }>();
let ms = 0;
for (const cv of cvs) {
  const expected = ROLE_OF[cv.category] ?? "other";
  const started = performance.now();
  const profile = read(cv.text, { now: "2021-12", format: "text" });
  ms += performance.now() - started;
  const best = fitRoles(profile, pack, "2021-12")[0]?.id;
  const group = expected === "other" ? "other (non-data, non-software categories)" : expected;
  const t = tally.get(group) ?? { n: 0, job: 0, fit: 0, entries: 0, skills: 0 };
  t.n++;
  if (jobRole(profile) === expected) t.job++;
  if (expected !== "other" && best === expected) t.fit++;
  if (profile.experience.length > 0) t.entries++;
  t.skills += profile.skills.length;
  tally.set(group, t);
}

const all = [...tally.values()].reduce(
  (a, t) => ({
    n: a.n + t.n,
    job: a.job + t.job,
    fit: a.fit + t.fit,
    entries: a.entries + t.entries,
    skills: a.skills + t.skills,
  }),
  { n: 0, job: 0, fit: 0, entries: 0, skills: 0 },
);
const tech = [...tally].filter(([g]) => !g.startsWith("other"));
const techN = tech.reduce((a, [, t]) => a + t.n, 0);
const techFit = tech.reduce((a, [, t]) => a + t.fit, 0);
const r = (a: number, b: number) => (b ? (a / b).toFixed(3) : "-");
console.log(`## mlpath resume reader on the Kaggle resume set (${cvs.length} distinct CVs of 962)\n`);
console.log(
  "| category group | CVs | most recent job's role = category's | best-fitting role = category's | with job entries | skills per CV |",
);
console.log("|---|---|---|---|---|---|");
for (const [group, t] of [...tally].sort(([a], [b]) => a.localeCompare(b)))
  console.log(
    `| ${group} | ${t.n} | ${r(t.job, t.n)} | ${group.startsWith("other") ? "-" : r(t.fit, t.n)} | ${r(t.entries, t.n)} | ${(t.skills / t.n).toFixed(1)} |`,
  );
console.log(
  `| **all** | ${all.n} | ${r(all.job, all.n)} | ${r(techFit, techN)} (data and software only) | ${r(all.entries, all.n)} | ${(all.skills / all.n).toFixed(1)} |`,
);
console.log(`\nms per CV (mean): ${(ms / cvs.length).toFixed(2)}`);
