// What the salary benchmarks share: the de-duplicated survey, the test year from the command line,
// the baseline and the weighting of answers by year.
import { loadKnowledge } from "../src/knowledge/load.js";
import { rolePriorFrom, SURVEY_SOURCE } from "../src/market/salary-model.js";
import { readSalarySurvey, type SurveyRow } from "../src/sources/salary-survey.js";
import { requireShared } from "./shared-data.js";

/** `--test-year Y` (default 2024): the whole protocol moves by Y - 2024 years. */
export function testYear(argv: string[] = process.argv): number {
  const at = argv.indexOf("--test-year");
  return at > 0 ? Number(argv[at + 1]) : 2024;
}

/** The survey's answers (exact duplicates removed) and the BLS role prior the model shrinks toward. */
export function loadSurvey() {
  const pack = loadKnowledge();
  return {
    rows: readSalarySurvey(requireShared("aijobs-salaries", "salaries.csv"), pack),
    rolePrior: rolePriorFrom(pack.roles, SURVEY_SOURCE),
  };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? ((s[Math.floor((s.length - 1) / 2)] as number) + (s[Math.ceil((s.length - 1) / 2)] as number)) / 2
    : Number.NaN;
};

/** The baseline of the issue: median of title x level x country in training, else title, else global. */
export function baseline(train: SurveyRow[]): (r: SurveyRow) => number {
  const groups = new Map<string, number[]>();
  const add = (k: string, v: number) => {
    const g = groups.get(k);
    if (g) g.push(v);
    else groups.set(k, [v]);
  };
  for (const r of train) {
    add(`${r.title}|${r.level}|${r.country}`, r.usd);
    add(`${r.title}`, r.usd);
    add("all", r.usd);
  }
  const medians = new Map([...groups].map(([k, v]) => [k, median(v)]));
  return (r) =>
    medians.get(`${r.title}|${r.level}|${r.country}`) ?? medians.get(r.title ?? "") ?? (medians.get("all") as number);
}

/** Recent answers count more: each year back halves an answer's weight. */
export const weighted = (xs: SurveyRow[], last: number) => xs.map((r) => ({ ...r, weight: 0.5 ** (last - r.year) }));
