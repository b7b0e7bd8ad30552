/** One training example: the names of its (binary) features, its target and its weight. */
export interface Example {
  features: readonly string[];
  y: number;
  weight: number;
}

/** The intercept: always present, never penalised. */
export const INTERCEPT = "(intercept)";

/**
 * A linear model of the conditional median with a ridge penalty: iteratively reweighted least
 * squares (each example weighted by 1/|residual|, floored at `delta`), each step solved by
 * conjugate gradients over sparse binary features. The median, not the mean, because the figure
 * it serves is judged by absolute error; the ridge so that a feature seen in three examples
 * moves the prediction a little and one seen in three thousand moves it a lot.
 */
export interface MedianRidgeOptions {
  lambda: number;
  iterations?: number;
  /** Residuals smaller than this count as this: near zero the loss is squared, not absolute (Huber-like). */
  delta?: number;
  /** Scales the penalty of a feature by its name (1 when absent): main effects can be penalised less than interactions. */
  penalty?: (feature: string) => number;
  /**
   * When y is a log amount: weigh each example also by exp(fit), so the loss approximates the
   * absolute error in the amount itself (a 10% miss on a high salary costs more than on a low
   * one) rather than in its log. The fit stays a median: the weight follows the fit, not y.
   */
  amountLoss?: boolean;
}

export function fitMedianRidge(examples: readonly Example[], options: MedianRidgeOptions): Record<string, number> {
  const index = new Map<string, number>([[INTERCEPT, 0]]);
  const rows = examples.map((e) => {
    const ids = [0];
    for (const f of new Set(e.features)) {
      let id = index.get(f);
      if (id === undefined) {
        id = index.size;
        index.set(f, id);
      }
      if (id !== 0) ids.push(id);
    }
    return Int32Array.from(ids);
  });
  const penalty = new Float64Array(index.size).fill(options.lambda);
  penalty[0] = 0;
  if (options.penalty)
    for (const [name, id] of index) if (id !== 0) penalty[id] = options.lambda * options.penalty(name);
  const y = Float64Array.from(examples, (e) => e.y);
  const base = Float64Array.from(examples, (e) => e.weight);
  const total = base.reduce((a, w) => a + w, 0);
  const delta = options.delta ?? 0.05;
  let weights: Float64Array = base;
  let beta: Float64Array = new Float64Array(index.size);
  for (let step = 0; ; step++) {
    beta = solveRidge(rows, y, weights, penalty, beta);
    if (step >= (options.iterations ?? 3)) break;
    // Reweight toward absolute loss, keeping the total weight so that lambda means the same.
    const shift = beta[0] as number;
    const next = new Float64Array(rows.length);
    let sum = 0;
    rows.forEach((ids, i) => {
      let fit = 0;
      for (const j of ids) fit += beta[j] as number;
      const scale = options.amountLoss ? Math.exp(fit - shift) : 1;
      next[i] = ((base[i] as number) * scale) / Math.max(Math.abs((y[i] as number) - fit), delta);
      sum += next[i] as number;
    });
    for (let i = 0; i < next.length; i++) next[i] = ((next[i] as number) * total) / sum;
    weights = next;
  }
  const out: Record<string, number> = {};
  for (const [name, id] of index) if (beta[id] !== 0) out[name] = beta[id] as number;
  return out;
}

/** Solves (X'WX + diag(penalty)) beta = X'Wy by conjugate gradients (the intercept's penalty is 0). */
function solveRidge(
  rows: readonly Int32Array[],
  y: Float64Array,
  w: Float64Array,
  penalty: Float64Array,
  start: Float64Array,
): Float64Array {
  const p = start.length;
  const apply = (v: Float64Array) => {
    const out = new Float64Array(p);
    rows.forEach((ids, i) => {
      let s = 0;
      for (const j of ids) s += v[j] as number;
      s *= w[i] as number;
      for (const j of ids) out[j] = (out[j] as number) + s;
    });
    for (let j = 1; j < p; j++) out[j] = (out[j] as number) + (penalty[j] as number) * (v[j] as number);
    return out;
  };
  const x = Float64Array.from(start);
  const ax = apply(x);
  const r = new Float64Array(p);
  rows.forEach((ids, i) => {
    for (const j of ids) r[j] = (r[j] as number) + (w[i] as number) * (y[i] as number);
  });
  for (let j = 0; j < p; j++) r[j] = (r[j] as number) - (ax[j] as number);
  const d = Float64Array.from(r);
  let rs = dot(r, r);
  const tolerance = 1e-12 * Math.max(1, dot(y, y));
  for (let it = 0; it < 1000 && rs > tolerance; it++) {
    const ad = apply(d);
    const alpha = rs / dot(d, ad);
    for (let j = 0; j < p; j++) {
      x[j] = (x[j] as number) + alpha * (d[j] as number);
      r[j] = (r[j] as number) - alpha * (ad[j] as number);
    }
    const next = dot(r, r);
    for (let j = 0; j < p; j++) d[j] = (r[j] as number) + (next / rs) * (d[j] as number);
    rs = next;
  }
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** The model's prediction for a set of features: the intercept plus each known feature's weight. */
export function predictLinear(coefficients: Readonly<Record<string, number>>, features: readonly string[]): number {
  let s = coefficients[INTERCEPT] ?? 0;
  for (const f of new Set(features)) s += coefficients[f] ?? 0;
  return s;
}
