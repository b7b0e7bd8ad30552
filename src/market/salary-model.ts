import { z } from "zod";
import { AppError } from "../errors.js";
import type { Role } from "../knowledge/schema.js";
import { countryCode } from "../sources/location.js";
import { fitMedianRidge, type MedianRidgeOptions, predictLinear } from "./median-regression.js";

/** The source id of the CC0 aijobs.net survey the shipped model learns from. */
export const SURVEY_SOURCE = "aijobs-salary-survey";

/** One survey answer, as the model learns from it. */
export interface SalaryRow {
  role: string;
  title?: string;
  level: "entry" | "mid" | "senior" | "executive";
  country: string;
  remote: 0 | 50 | 100;
  usd: number;
  /** The currency the answer was paid in (ISO code), when known; a query names it `paidIn`. */
  currency?: string;
}

/**
 * n records, w their total weight (recent years weigh more), and the spread of log salary around
 * the model's fit; in a title x level x country group also `shift`, the weighted median of log
 * salary around the fit, which the estimate blends in (see `SalaryModel.blend`).
 */
const Cell = z.object({
  n: z.number().int().positive(),
  w: z.number().positive(),
  variance: z.number().nonnegative(),
  shift: z.number().optional(),
});
type Cell = z.infer<typeof Cell>;

/**
 * The model file: weights of a linear model of log salary and, per group, how many answers it has
 * and how far they spread around the fit. Nothing in it identifies anyone.
 */
export const SalaryModel = z.object({
  version: z.literal(2),
  trainedOn: z.string(),
  source: z.string(),
  rows: z.number().int(),
  /** Median regression of log salary on level, country, role and remote work (see `featuresOf`). */
  coefficients: z.record(z.string(), z.number()),
  /** The same features plus the job title and its words, fitted on the answers with a title: used when a query's title has a word it knows. */
  titleCoefficients: z.record(z.string(), z.number()),
  /**
   * Where each role's pay sits before the survey speaks, in log pay relative to the other roles,
   * from the figures the knowledge pack cites (BLS medians). A role with few answers stays near
   * it instead of near the average of all roles; a role with many answers leaves it behind.
   */
  rolePrior: z.record(z.string(), z.number()),
  /** Log pay growth over one year, added once: an estimate speaks for the year after the data. */
  drift: z.number(),
  /** Pseudo-records pulling a group's spread toward its parent's. */
  prior: z.number().positive(),
  /** Widens the interval so that 80% of held-out answers fall inside it (calibrated at training). */
  spread: z.number().positive(),
  /**
   * Pseudo-answers of the empirical-Bayes blend with the query's own title x level x country group:
   * the estimate moves by n / (n + blend) of the group's `shift`, so a group of 300 answers pulls
   * it most of the way to its own median and one of 5 barely. Absent: no blend.
   */
  blend: z.number().positive().optional(),
  cells: z.record(z.string(), Cell),
});
export type SalaryModel = z.infer<typeof SalaryModel>;

export interface SalaryQuery {
  role: string;
  level: SalaryRow["level"];
  country: string;
  remote?: 0 | 50 | 100;
  title?: string;
  /**
   * The currency the pay is in (ISO code): a job abroad paid in US dollars pays like a US one.
   * Without it the query takes its country's usual mix of pay currencies.
   */
  paidIn?: string;
  /**
   * Never set: "currency" elsewhere is the currency an answer is shown in (`SalaryEstimate`,
   * `--currency`) or was paid in (`SalaryRow`). Forbidding it here makes passing a survey row or a
   * display currency as a query a type error instead of a silent "usual mix" (see `queryOf`).
   */
  currency?: never;
}

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const NOT_A_CODE = "must be a three-letter ISO 4217 currency code, any case: USD, EUR, GBP, INR...";
/** A currency code as a person gives it for `paidIn`: three letters, any case. */
export const PaidIn = z
  .string()
  .regex(/^[A-Za-z]{3}$/, NOT_A_CODE)
  .transform((code) => code.toUpperCase())
  // Three letters that name no currency ("FOO") were taken as a currency other than the dollar.
  .refine((code) => ISO_CURRENCIES.has(code), NOT_A_CODE);

export interface SalaryEstimate {
  estimate: number;
  low: number;
  high: number;
  currency: string;
  period: "year";
  /** Records in the most specific group that had any. */
  n: number;
  /** That group in words, e.g. "Data Scientist / senior / US / fully remote". */
  cell: string;
  /** Groups that were too small and were widened, most specific first. */
  widened: string[];
  /** The currency the pay was taken to be in (upper case); null: the usual mix of the country's answers. */
  paidIn: string | null;
}

const REMOTE_WORDS = { 0: "on site", 50: "hybrid", 100: "fully remote" } as const;

/**
 * The groups a record belongs to, most specific first; the estimate walks this chain. Each has a
 * key (the model's) and a label in words for people, naming the role by `roleName` when given.
 */
export function chain(q: SalaryQuery, roleName = q.role): { key: string; label: string }[] {
  const r = q.remote ?? "any";
  const out: { key: string; label: string }[] = [];
  const title = q.title ? normalTitle(q.title) : "";
  if (title) {
    out.push({ key: `t|${title}|${q.level}|${q.country}`, label: `${title} / ${q.level} / ${q.country}` });
    out.push({ key: `t|${title}|${q.level}`, label: `${title} / ${q.level}` });
  }
  if (q.remote !== undefined)
    out.push({
      key: `r|${q.role}|${q.level}|${q.country}|${r}`,
      label: `${roleName} / ${q.level} / ${q.country} / ${REMOTE_WORDS[q.remote]}`,
    });
  out.push(
    { key: `r|${q.role}|${q.level}|${q.country}`, label: `${roleName} / ${q.level} / ${q.country}` },
    { key: `r|${q.role}|${q.level}`, label: `${roleName} / ${q.level} / all countries` },
    { key: `l|${q.level}|${q.country}`, label: `all roles / ${q.level} / ${q.country}` },
    { key: `l|${q.level}`, label: `all roles / ${q.level}` },
    { key: "all", label: "all records" },
  );
  return out;
}

const REMOTE_ANY = "rem:any";
/** Prefix of the per-country average of the paid-in-dollars effect, for a query without a currency. */
const PAID_ANY = "usd:any|";

/**
 * Whether pay is in US dollars. Outside the US an answer paid in dollars is mostly a US employer's
 * pay (in 2023 the survey's UK answers paid in dollars had twice the median of those paid in
 * pounds, Canada's 1.7 times those paid in Canadian dollars); inside the US pay in another
 * currency is the reverse. One effect for all countries, so a country with few such answers
 * borrows it from the others.
 */
const paidFeature = (currency: string) => `usd:${currency.toUpperCase() === "USD" ? "yes" : "no"}`;

/**
 * What the linear model sees of a query. Level x country and role x level interactions let the
 * model price a senior in Portugal differently from a senior in the US; ridge shrinkage sends a
 * pair with three answers back toward its main effects.
 */
export function featuresOf(q: SalaryQuery): string[] {
  const out = [
    `l:${q.level}`,
    `c:${q.country}`,
    `lc:${q.level}|${q.country}`,
    `r:${q.role}`,
    `rl:${q.role}|${q.level}`,
  ];
  // Without a remote share the query gets the training answers' average remote effect, not the
  // plain mean of the three shares (half-remote answers are few and paid less).
  out.push(q.remote === undefined ? REMOTE_ANY : `rem:${q.remote}`);
  // Without a currency the query gets its country's answers' average, since the mix differs
  // (most of Canada's answers are paid in dollars, most of the UK's in pounds).
  out.push(q.paidIn ? paidFeature(q.paidIn) : `${PAID_ANY}${q.country}`);
  return out;
}

/** A training answer asked as a query: the currency it was paid in is the query's `paidIn`. */
function queryOf(r: SalaryRow): SalaryQuery {
  const { currency, usd: _, ...q } = r;
  return currency ? { ...q, paidIn: currency } : q;
}

const MAIN_EFFECT = /^(l|c|rem|usd):/;
const INTERACTION = /^(lc|rl):/;

const TITLE_STOP = new Set(["of", "and", "the", "in", "for", "to"]);

const titleWords = (title: string) =>
  title
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((w) => w && !TITLE_STOP.has(w));

/** The longest job title a query may give, in characters: a title, not a posting pasted in. */
export const MAX_TITLE = 200;

/** A title as the model's groups know it: "Senior  Data-Scientist" and "senior data scientist" are one. */
export const normalTitle = (title: string) => titleWords(title).join(" ");

/** The title's words and word pairs: "senior software engineer" prices an unseen title by its parts. */
export function titleFeaturesOf(title: string): string[] {
  const words = titleWords(title);
  const out = [`T:${words.join(" ")}`, ...words.map((w) => `t:${w}`)];
  for (let i = 0; i + 1 < words.length; i++) out.push(`bg:${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * The role prior from cited pay: each role's US yearly median (the mean of logs when a role cites
 * several occupations) relative to the mean over the roles that cite one. Figures distilled from
 * the survey the model learns from (`surveySource`) are left out: the prior must come from
 * elsewhere. Roles citing none get no prior and start from the average.
 */
export function rolePriorFrom(
  roles: readonly Pick<Role, "id" | "salary">[],
  surveySource: string,
): Record<string, number> {
  const logs = new Map<string, number>();
  for (const role of roles) {
    const figures = role.salary.filter(
      (f) =>
        f.source !== surveySource &&
        f.region === "US" &&
        f.currency === "USD" &&
        f.period === "year" &&
        f.statistic === "median" &&
        !f.level,
    );
    if (figures.length) logs.set(role.id, figures.reduce((a, f) => a + Math.log(f.amount), 0) / figures.length);
  }
  const center = [...logs.values()].reduce((a, x) => a + x, 0) / Math.max(1, logs.size);
  return Object.fromEntries([...logs].map(([id, x]) => [id, Math.round((x - center) * 1e5) / 1e5]));
}

export interface TrainOptions {
  trainedOn: string;
  source: string;
  /** Ridge penalty of the linear model, in weighted records. */
  lambda?: number;
  /** The median regression's residual floor (see `fitMedianRidge`). */
  delta?: number;
  /** Multiplies the penalty of the main effects of level, country and remote share: few, and each backed by many answers. */
  mainPenalty?: number;
  /** Multiplies the penalty of the level x country and role x level interactions. */
  interactionPenalty?: number;
  rolePrior?: Record<string, number>;
  prior?: number;
  spread?: number;
  drift?: number;
  /** Pseudo-answers of the blend with a title x level x country group's own median (see `SalaryModel.blend`); absent: none. */
  blend?: number;
}

/**
 * Fits the two linear models (query features; the same plus the title's words), then records
 * per group of the estimate's chain the weighted spread of log salary around the fit. `weight`
 * lets recent answers count more, since pay drifts from year to year.
 */
export function trainModel(rows: (SalaryRow & { weight?: number })[], meta: TrainOptions): SalaryModel {
  const main = meta.mainPenalty ?? 1;
  const interaction = meta.interactionPenalty ?? 1;
  const fitOptions: MedianRidgeOptions = {
    lambda: meta.lambda ?? 10,
    ...(meta.delta !== undefined ? { delta: meta.delta } : {}),
    penalty: (f) => (MAIN_EFFECT.test(f) ? main : INTERACTION.test(f) ? interaction : 1),
    // Pay is judged in dollars: a miss on a high salary weighs more than the same share of a low one.
    amountLoss: true,
  };
  const rolePrior = meta.rolePrior ?? {};
  const logPay = (r: SalaryRow) => Math.log(r.usd) - (rolePrior[r.role] ?? 0);
  // An answer without a currency says nothing about it: the averages are set after the fit, from the answers that do.
  const trainingFeatures = (r: SalaryRow) =>
    r.currency ? featuresOf(queryOf(r)) : featuresOf(queryOf(r)).filter((f) => !f.startsWith(PAID_ANY));
  const coefficients = fitMedianRidge(
    rows.map((r) => ({ features: trainingFeatures(r), y: logPay(r), weight: r.weight ?? 1 })),
    fitOptions,
  );
  const titled = rows.filter((r) => r.title);
  const titleCoefficients = fitMedianRidge(
    titled.map((r) => ({
      features: [...trainingFeatures(r), ...titleFeaturesOf(r.title as string)],
      y: logPay(r),
      weight: r.weight ?? 1,
    })),
    fitOptions,
  );
  addRemoteAverage(coefficients, rows);
  addRemoteAverage(titleCoefficients, titled);
  addPaidAverage(coefficients, rows);
  addPaidAverage(titleCoefficients, titled);
  const sums: Record<string, { n: number; w: number; s2: number }> = {};
  const residuals = new Map<string, { r: number; w: number }[]>();
  for (const row of rows) {
    const weight = row.weight ?? 1;
    const q = queryOf(row);
    const base = predictLinear(coefficients, featuresOf(q));
    const withTitle = row.title
      ? predictLinear(titleCoefficients, [...featuresOf(q), ...titleFeaturesOf(row.title)])
      : base;
    for (const { key } of chain(q)) {
      const residual = logPay(row) - (key.startsWith("t|") ? withTitle : base);
      const c = sums[key] ?? { n: 0, w: 0, s2: 0 };
      c.n++;
      c.w += weight;
      c.s2 += weight * residual * residual;
      sums[key] = c;
      if (isTitleCell(key)) {
        const list = residuals.get(key) ?? [];
        list.push({ r: residual, w: weight });
        residuals.set(key, list);
      }
    }
  }
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  const cells: Record<string, Cell> = {};
  for (const [key, c] of Object.entries(sums)) {
    const list = residuals.get(key);
    cells[key] = {
      n: c.n,
      w: round(c.w, 3),
      variance: round(c.s2 / c.w, 5),
      ...(list ? { shift: round(weightedMedian(list), 5) } : {}),
    };
  }
  const compact = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, 5)]));
  return {
    version: 2,
    trainedOn: meta.trainedOn,
    source: meta.source,
    rows: rows.length,
    coefficients: compact(coefficients),
    titleCoefficients: compact(titleCoefficients),
    rolePrior,
    drift: meta.drift ?? 0,
    prior: meta.prior ?? 8,
    spread: meta.spread ?? 1,
    ...(meta.blend !== undefined ? { blend: meta.blend } : {}),
    cells,
  };
}

/** A title x level x country group's key (`t|title|level|country`), the group the estimate blends with. */
const isTitleCell = (key: string) => key.startsWith("t|") && key.split("|").length === 4;

/** The value below and above which half the weight lies (the lower one on a tie). */
function weightedMedian(list: { r: number; w: number }[]): number {
  const sorted = [...list].sort((a, b) => a.r - b.r);
  const half = sorted.reduce((a, x) => a + x.w, 0) / 2;
  let acc = 0;
  for (const x of sorted) {
    acc += x.w;
    if (acc >= half) return x.r;
  }
  return 0;
}

/** `rem:any`: the remote effects averaged over the training answers, each weighing what it weighs. */
function addRemoteAverage(coefficients: Record<string, number>, rows: (SalaryRow & { weight?: number })[]): void {
  let sum = 0;
  let weight = 0;
  for (const r of rows) {
    sum += (r.weight ?? 1) * (coefficients[`rem:${r.remote}`] ?? 0);
    weight += r.weight ?? 1;
  }
  coefficients[REMOTE_ANY] = weight > 0 ? sum / weight : 0;
}

/** `usd:any|CC`: the paid-in-dollars effect averaged over each country's answers that name a currency. */
function addPaidAverage(coefficients: Record<string, number>, rows: (SalaryRow & { weight?: number })[]): void {
  const sums = new Map<string, { sum: number; weight: number }>();
  for (const r of rows) {
    if (!r.currency) continue;
    const s = sums.get(r.country) ?? { sum: 0, weight: 0 };
    s.sum += (r.weight ?? 1) * (coefficients[paidFeature(r.currency)] ?? 0);
    s.weight += r.weight ?? 1;
    sums.set(r.country, s);
  }
  for (const [country, s] of sums) if (s.sum !== 0) coefficients[`${PAID_ANY}${country}`] = s.sum / s.weight;
}

/** The countries the model has answers from (its "all roles / level / country" groups). */
function knownCountries(model: SalaryModel): Set<string> {
  return new Set(
    Object.keys(model.cells)
      .filter((k) => k.startsWith("l|"))
      .map((k) => k.split("|")[2] as string)
      .filter(Boolean),
  );
}

/**
 * The survey's code for a country as the user typed it ("uk" is GB, as in job search), or a refusal
 * of a country the model has no answers from, listing the ones it has (an empty model refuses none).
 */
export function surveyCountry(model: SalaryModel, country: string): string {
  const code = countryCode(country) ?? country.trim().toUpperCase();
  const known = knownCountries(model);
  if (known.size > 0 && !known.has(code))
    throw new AppError("INVALID_INPUT", `no survey records for country "${country}"`, {
      hint: `known: ${[...known].sort().join(", ")}`,
    });
  return code;
}

const Z80 = 1.2816;

/**
 * An estimate with an 80% interval. The point is the linear model's median of log salary (with
 * the title's words when a title is given), moved by one year of drift and, when the model blends
 * and the query's title x level x country group has answers, toward that group's own median. The interval's spread is
 * found by empirical Bayes: starting from all records and walking down to the most specific group,
 * each group's spread around the fit is pulled toward its parent's by `prior` pseudo-records, so a
 * group of three answers says little and one of three hundred says a lot. Pure: the model and the
 * query in, the estimate out; `roleName` names the role in the groups' labels.
 */
export function estimateSalary(model: SalaryModel, q: SalaryQuery, roleName?: string): SalaryEstimate | null {
  const groups = chain(q, roleName);
  const steps = [...groups].reverse();
  const root = model.cells[steps[0]?.key ?? "all"];
  if (!root) return null;
  // A title none of whose words the title model knows says nothing: the role's model answers.
  const titleWords = q.title ? titleFeaturesOf(q.title) : [];
  const knownTitle = titleWords.some((f) => f in model.titleCoefficients);
  const mean =
    (knownTitle
      ? predictLinear(model.titleCoefficients, [...featuresOf(q), ...titleWords])
      : predictLinear(model.coefficients, featuresOf(q))) +
    (model.rolePrior[q.role] ?? 0) +
    model.drift;
  // The blend with the query's own title x level x country group, when the model has one: the
  // linear model prices a title, a level and a country each on its own, the group knows their mix.
  // That group is the chain's most specific; only a title group carries a `shift`.
  const own = model.blend ? model.cells[groups[0]?.key ?? ""] : undefined;
  const blended = own?.shift !== undefined ? mean + (own.n / (own.n + (model.blend as number))) * own.shift : mean;
  let variance = root.variance;
  let n = root.n;
  let label = steps[0]?.label ?? "all records";
  const widened: string[] = [];
  for (const step of steps.slice(1)) {
    const c = model.cells[step.key];
    if (!c) {
      widened.unshift(step.label);
      continue;
    }
    variance = (c.w * c.variance + model.prior * variance) / (c.w + model.prior);
    n = c.n;
    label = step.label;
  }
  const sd = Math.sqrt(variance) * model.spread;
  const round = (x: number) => Math.round(x / 100) * 100;
  return {
    estimate: round(Math.exp(blended)),
    low: round(Math.exp(blended - Z80 * sd)),
    high: round(Math.exp(blended + Z80 * sd)),
    currency: "USD",
    period: "year",
    n,
    cell: label,
    widened,
    paidIn: q.paidIn ? q.paidIn.toUpperCase() : null,
  };
}

/** What an estimate assumed about the pay's currency, in words: "paid in USD" or "the usual mix of pay currencies in GB". */
export function paidInText(paidIn: string | null, country: string): string {
  return paidIn ? `paid in ${paidIn}` : `the usual mix of pay currencies in ${country.toUpperCase()}`;
}
