import { z } from "zod";

/** One survey answer, as the model learns from it. */
export interface SalaryRow {
  role: string;
  title?: string;
  level: "entry" | "mid" | "senior" | "executive";
  country: string;
  remote: 0 | 50 | 100;
  usd: number;
}

/** n records, w their total weight (recent years weigh more), mean and spread of log salary. */
const Cell = z.object({
  n: z.number().int().positive(),
  w: z.number().positive(),
  mean: z.number(),
  m2: z.number().nonnegative(),
});
type Cell = z.infer<typeof Cell>;

/** The model file: summary statistics of log salary per group, nothing that identifies anyone. */
export const SalaryModel = z.object({
  version: z.literal(1),
  trainedOn: z.string(),
  source: z.string(),
  rows: z.number().int(),
  prior: z.number().positive(),
  /** Widens the interval so that 80% of held-out answers fall inside it (calibrated at training). */
  spread: z.number().positive(),
  cells: z.record(z.string(), Cell),
});
export type SalaryModel = z.infer<typeof SalaryModel>;

export interface SalaryQuery {
  role: string;
  level: SalaryRow["level"];
  country: string;
  remote?: 0 | 50 | 100;
  title?: string;
}

export interface SalaryEstimate {
  estimate: number;
  low: number;
  high: number;
  currency: "USD";
  period: "year";
  /** Records in the most specific group that had any. */
  n: number;
  /** That group, e.g. "data-scientist / senior / US / remote 100". */
  cell: string;
  /** Groups that were too small and were widened, most specific first. */
  widened: string[];
}

/** The groups a record belongs to, most specific first; the estimate walks this chain. */
export function chain(q: SalaryQuery): { key: string; label: string }[] {
  const r = q.remote ?? "any";
  const out: { key: string; label: string }[] = [];
  if (q.title) {
    out.push({ key: `t|${q.title}|${q.level}|${q.country}`, label: `${q.title} / ${q.level} / ${q.country}` });
    out.push({ key: `t|${q.title}|${q.level}`, label: `${q.title} / ${q.level}` });
  }
  if (q.remote !== undefined)
    out.push({
      key: `r|${q.role}|${q.level}|${q.country}|${r}`,
      label: `${q.role} / ${q.level} / ${q.country} / remote ${r}`,
    });
  out.push(
    { key: `r|${q.role}|${q.level}|${q.country}`, label: `${q.role} / ${q.level} / ${q.country}` },
    { key: `r|${q.role}|${q.level}`, label: `${q.role} / ${q.level} / all countries` },
    { key: `l|${q.level}|${q.country}`, label: `all roles / ${q.level} / ${q.country}` },
    { key: `l|${q.level}`, label: `all roles / ${q.level}` },
    { key: "all", label: "all records" },
  );
  return out;
}

/**
 * Weighted running mean and variance (West's form of Welford's method) of log salary, per
 * group. `weight` lets recent answers count more, since pay drifts from year to year.
 */
export function trainModel(
  rows: (SalaryRow & { weight?: number })[],
  meta: { trainedOn: string; source: string; prior?: number; spread?: number },
): SalaryModel {
  const cells: Record<string, Cell> = {};
  for (const row of rows) {
    const x = Math.log(row.usd);
    const weight = row.weight ?? 1;
    const keys = new Set(chain({ ...row, remote: row.remote }).map((c) => c.key));
    for (const key of keys) {
      const c = cells[key] ?? { n: 0, w: 0, mean: 0, m2: 0 };
      c.n++;
      c.w += weight;
      const d = x - c.mean;
      c.mean += (weight / c.w) * d;
      c.m2 += weight * d * (x - c.mean);
      cells[key] = c;
    }
  }
  for (const c of Object.values(cells)) {
    c.mean = Math.round(c.mean * 1e5) / 1e5;
    c.m2 = Math.round(c.m2 * 1e4) / 1e4;
    c.w = Math.round(c.w * 1e3) / 1e3;
  }
  return {
    version: 1,
    trainedOn: meta.trainedOn,
    source: meta.source,
    rows: rows.length,
    prior: meta.prior ?? 8,
    spread: meta.spread ?? 1,
    cells,
  };
}

const Z80 = 1.2816;

/**
 * An estimate with an 80% interval, by empirical Bayes on log salary: starting from all records
 * and walking down to the most specific group, each group's mean and spread are pulled toward its
 * parent's by `prior` pseudo-records, so a group of three answers says little and one of three
 * hundred says a lot. Pure: the model and the query in, the estimate out.
 */
export function estimateSalary(model: SalaryModel, q: SalaryQuery): SalaryEstimate | null {
  const steps = chain(q).reverse();
  const root = model.cells[steps[0]?.key ?? "all"];
  if (!root) return null;
  let mean = root.mean;
  const varianceOf = (c: Cell, fallback: number) => (c.n > 1 ? c.m2 / (c.w * (1 - 1 / c.n)) : fallback);
  let variance = varianceOf(root, 0.25);
  let n = root.n;
  let label = steps[0]?.label ?? "all records";
  const widened: string[] = [];
  for (const step of steps.slice(1)) {
    const c = model.cells[step.key];
    if (!c) {
      widened.unshift(step.label);
      continue;
    }
    const k = model.prior;
    const cellVariance = varianceOf(c, variance);
    mean = (c.w * c.mean + k * mean) / (c.w + k);
    variance = (c.w * cellVariance + k * variance) / (c.w + k);
    n = c.n;
    label = step.label;
  }
  const sd = Math.sqrt(variance) * model.spread;
  const round = (x: number) => Math.round(x / 100) * 100;
  return {
    estimate: round(Math.exp(mean)),
    low: round(Math.exp(mean - Z80 * sd)),
    high: round(Math.exp(mean + Z80 * sd)),
    currency: "USD",
    period: "year",
    n,
    cell: label,
    widened,
  };
}
