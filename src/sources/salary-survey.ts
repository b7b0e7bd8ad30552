import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { createRoleClassifier } from "../extract/role.js";
import type { KnowledgePack } from "../knowledge/schema.js";
import { tokenize } from "../text/tokens.js";

/** One survey answer; the salary model reads rows of this shape. */
export interface SurveyRow {
  year: number;
  role: string;
  title: string;
  level: "entry" | "mid" | "senior" | "executive";
  country: string;
  remote: 0 | 50 | 100;
  usd: number;
  /** The currency the answer was paid in (ISO code); `usd` is the survey's conversion of it. */
  currency: string;
}

const LEVELS: Record<string, SurveyRow["level"]> = { EN: "entry", MI: "mid", SE: "senior", EX: "executive" };
/**
 * What every answer's job is about: the survey asks people in AI, ML and data jobs, so a "Research
 * Scientist" or a "Product Manager" there works on AI, as a posting naming machine learning would say.
 */
const SURVEY_CONTEXT = ["machine-learning"];

/**
 * The aijobs.net salary survey (CC0) as model rows: full-time answers only, exact duplicate rows
 * dropped (the file repeats many answers verbatim), free-text job titles mapped to role ids by
 * the extraction engine's title classifier ("other" when a title names no role).
 */
export function readSalarySurvey(path: string, pack: KnowledgePack): SurveyRow[] {
  const classify = createRoleClassifier(pack);
  const roleOf = new Map<string, string>();
  const seen = new Set<string>();
  const out: SurveyRow[] = [];
  const lines = readFileSync(path, "utf8");
  for (const r of parse(lines, { columns: true, bom: true }) as Record<string, string>[]) {
    const key = Object.values(r).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    const level = LEVELS[r.experience_level ?? ""];
    const usd = Number(r.salary_in_usd);
    const remote = Number(r.remote_ratio);
    if (r.employment_type !== "FT" || !level || !(usd >= 5000 && usd <= 2_000_000) || ![0, 50, 100].includes(remote))
      continue;
    const title = (r.job_title ?? "").trim();
    let role = roleOf.get(title);
    if (role === undefined) {
      role = classify(title, tokenize(title), SURVEY_CONTEXT, { requireTitle: true })?.id ?? "other";
      roleOf.set(title, role);
    }
    out.push({
      year: Number(r.work_year),
      role,
      title: title.toLowerCase(),
      level,
      country: (r.employee_residence ?? "").toUpperCase(),
      remote: remote as 0 | 50 | 100,
      usd,
      currency: (r.salary_currency ?? "").toUpperCase(),
    });
  }
  return out;
}

/** The year and smallest group the role cards' survey medians are distilled with. */
export const SURVEY_MEDIANS = { year: 2024, minN: 30 } as const;

/** The nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
const toHundred = (x: number) => Math.round(x / 100) * 100;

/** The answers the role cards' medians are drawn from: one year's US residents with a role. */
export const medianRows = (rows: SurveyRow[], year: number = SURVEY_MEDIANS.year): SurveyRow[] =>
  rows.filter((r) => r.year === year && r.country === "US" && r.role !== "other");

/**
 * Per-role US medians and percentiles of one survey year, all levels and per level, for groups
 * of at least `minN` answers: the figures knowledge/salaries/aijobs-survey.yaml ships.
 */
export function surveyMedians(rows: SurveyRow[], { year, minN }: { year: number; minN: number } = SURVEY_MEDIANS) {
  const cells = new Map<string, number[]>();
  for (const r of medianRows(rows, year)) {
    for (const key of [`${r.role}|all`, `${r.role}|${r.level}`]) cells.set(key, [...(cells.get(key) ?? []), r.usd]);
  }
  return [...cells.entries()]
    .filter(([, v]) => v.length >= minN)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, values]) => {
      const [role, level] = key.split("|") as [string, string];
      const s = values.sort((a, b) => a - b);
      return {
        role,
        label: `aijobs.net survey, full-time, US residents, ${year}${level === "all" ? ", all levels" : `, ${level}`}`,
        region: "US",
        ...(level === "all" ? {} : { level }),
        statistic: "median",
        amount: toHundred(percentile(s, 50)),
        p10: toHundred(percentile(s, 10)),
        p25: toHundred(percentile(s, 25)),
        p75: toHundred(percentile(s, 75)),
        p90: toHundred(percentile(s, 90)),
        currency: "USD",
        period: "year",
        n: s.length,
        asOf: String(year),
        source: "aijobs-salary-survey",
      };
    });
}
