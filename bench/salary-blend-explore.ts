// The exploration behind the salary model's cell blend (bench/RESULTS.md, session 8 of 2026-12-02):
// a shrunk correction toward a group's own median on top of the model, for several groups
// (title x level x country, the same x paid in dollars, title x level, role x level x country),
// statistics (median residual around the fit by count or by weight, or the median pay itself) and
// k, judged on the next-year validation and on two fixed-seed in-year splits (a random quarter of
// the last training year from the rest). The penalties are fixed at the bench's choices for the
// protocol; no drift. The test year is printed only for 2024 (2025 is kept for checks).
// usage: npx tsx bench/salary-blend-explore.ts [--test-year Y] [--buckets | --scan]
//   --buckets: the error by how many training answers the target's group has (first in-year seed)
//   --scan: penalties x blend on the validations
import {
  estimateSalary,
  normalTitle,
  type SalaryModel,
  SURVEY_SOURCE,
  trainModel,
} from "../src/market/salary-model.js";
import type { SurveyRow } from "../src/sources/salary-survey.js";
import { baseline, loadSurvey, testYear, weighted } from "./salary-survey.js";
import { shuffled } from "./seeded.js";

const TEST = testYear();
const { rows, rolePrior } = loadSurvey();
const params =
  TEST === 2024
    ? { lambda: 10, mainPenalty: 0.1, interactionPenalty: 3, delta: 0.2 }
    : { lambda: 15, mainPenalty: 0.3, interactionPenalty: 3, delta: 0.3 };
const wmedian = (xs: { v: number; w: number }[]) => {
  const s = [...xs].sort((a, b) => a.v - b.v);
  const total = s.reduce((a, x) => a + x.w, 0);
  let acc = 0;
  for (const x of s) {
    acc += x.w;
    if (acc >= total / 2) return x.v;
  }
  return Number.NaN;
};
const logEstimate = (m: SalaryModel, r: SurveyRow) => {
  const { currency, ...q } = r;
  return Math.log(estimateSalary(m, { ...q, paidIn: currency })?.estimate ?? r.usd);
};

type Keyer = (r: SurveyRow) => string;
const KEYS: Record<string, Keyer> = {
  tlc: (r) => `${normalTitle(r.title)}|${r.level}|${r.country}`,
  tlcp: (r) => `${normalTitle(r.title)}|${r.level}|${r.country}|${r.currency === "USD"}`,
  tl: (r) => `${normalTitle(r.title)}|${r.level}`,
  rlc: (r) => `${r.role}|${r.level}|${r.country}`,
};

/** For a fit: per cell, n, total weight, weighted median residual and weighted median log pay. */
function cellStats(m: SalaryModel, data: (SurveyRow & { weight: number })[], key: Keyer) {
  const groups = new Map<string, { res: { v: number; w: number }[]; pay: { v: number; w: number }[] }>();
  for (const r of data) {
    const k = key(r);
    const g = groups.get(k) ?? { res: [], pay: [] };
    const y = Math.log(r.usd);
    g.res.push({ v: y - logEstimate(m, r), w: r.weight });
    g.pay.push({ v: y, w: r.weight });
    groups.set(k, g);
  }
  return new Map(
    [...groups].map(([k, g]) => [
      k,
      { n: g.res.length, w: g.res.reduce((a, x) => a + x.w, 0), res: wmedian(g.res), pay: wmedian(g.pay) },
    ]),
  );
}

type Stats = ReturnType<typeof cellStats>;
function score(
  m: SalaryModel,
  stats: Stats,
  key: Keyer,
  target: SurveyRow[],
  k: number,
  mode: "res" | "pay",
  useW: boolean,
) {
  let abs = 0;
  for (const r of target) {
    let y = logEstimate(m, r);
    const c = stats.get(key(r));
    if (c && Number.isFinite(k)) {
      const n = useW ? c.w : c.n;
      const a = n / (n + k);
      y = mode === "res" ? y + a * c.res : (1 - a) * y + a * c.pay;
    }
    abs += Math.abs(Math.exp(y) - r.usd);
  }
  return abs / target.length;
}

const trainOn = (data: (SurveyRow & { weight: number })[]) =>
  trainModel(data, { trainedOn: "bench", source: SURVEY_SOURCE, prior: 8, rolePrior, ...params });

const L = TEST - 1;
const splits: { name: string; fit: (SurveyRow & { weight: number })[]; target: SurveyRow[] }[] = [
  {
    name: `next-year (${L} from <= ${L - 1})`,
    fit: weighted(
      rows.filter((r) => r.year <= L - 1),
      L - 1,
    ),
    target: rows.filter((r) => r.year === L),
  },
];
for (const seed of [1, 2]) {
  const last = shuffled(
    rows.filter((r) => r.year === L),
    seed,
  );
  const cut = Math.round(last.length * 0.25);
  splits.push({
    name: `in-year (25% of ${L} from the rest, seed ${seed})`,
    fit: weighted([...rows.filter((r) => r.year < L), ...last.slice(cut)], L),
    target: last.slice(0, cut),
  });
}
if (TEST === 2024)
  splits.push({
    name: `TEST ${TEST}`,
    fit: weighted(
      rows.filter((r) => r.year <= L),
      L,
    ),
    target: rows.filter((r) => r.year === TEST),
  });

if (process.argv.includes("--buckets")) {
  for (const split of splits.filter((s) => !s.name.startsWith("TEST") && !s.name.includes("seed 2"))) {
    const base = baseline(split.fit);
    const m = trainOn(split.fit);
    const stats = cellStats(m, split.fit, KEYS.tlc as Keyer);
    const counts = new Map<string, number>();
    for (const r of split.fit)
      counts.set(`${r.title}|${r.level}|${r.country}`, (counts.get(`${r.title}|${r.level}|${r.country}`) ?? 0) + 1);
    const buckets = [0, 1, 5, 30, 100, 300];
    const acc = buckets.map(() => ({ n: 0, base: 0, model: 0, blend: 0, own: [] as SurveyRow[] }));
    for (const r of split.target) {
      const n = counts.get(`${r.title}|${r.level}|${r.country}`) ?? 0;
      let b = 0;
      for (let i = 0; i < buckets.length; i++) if (n >= (buckets[i] as number)) b = i;
      const a = acc[b] as (typeof acc)[number];
      a.n++;
      a.base += Math.abs(base(r) - r.usd);
      const y = logEstimate(m, r);
      a.model += Math.abs(Math.exp(y) - r.usd);
      const c = stats.get((KEYS.tlc as Keyer)(r));
      a.blend += Math.abs(Math.exp(c ? y + (c.n / (c.n + 50)) * c.res : y) - r.usd);
      a.own.push(r);
    }
    console.log(`\n## ${split.name}: by training answers in the target's title x level x country cell`);
    console.log(
      "| answers in cell | share of target | baseline MAE | model | model + blend k=50 | the bucket's own cell medians (in-sample) |",
    );
    acc.forEach((a, i) => {
      const own = baseline(a.own);
      const ownMae = a.own.reduce((s, r) => s + Math.abs(own(r) - r.usd), 0);
      console.log(
        `| >= ${buckets[i]} | ${((a.n / split.target.length) * 100).toFixed(0)}% | ${(a.base / a.n).toFixed(0)} | ${((a.model / a.base - 1) * 100).toFixed(1)}% | ${((a.blend / a.base - 1) * 100).toFixed(1)}% | ${((ownMae / a.base - 1) * 100).toFixed(1)}% |`,
      );
    });
  }
  process.exit(0);
}
if (process.argv.includes("--scan")) {
  for (const split of splits.filter((s) => !s.name.startsWith("TEST"))) {
    const base = baseline(split.fit);
    const baseMae = split.target.reduce((a, r) => a + Math.abs(base(r) - r.usd), 0) / split.target.length;
    const own = baseline(split.target);
    const ownMae = split.target.reduce((a, r) => a + Math.abs(own(r) - r.usd), 0) / split.target.length;
    console.log(
      `\n## ${split.name}: baseline ${baseMae.toFixed(0)}; the target's own cell medians ${((ownMae / baseMae - 1) * 100).toFixed(2)}%`,
    );
    for (const lambda of [3, 5, 10, 15, 30])
      for (const interactionPenalty of [1, 3])
        for (const mainPenalty of [0.1, 0.3]) {
          const m = trainModel(split.fit, {
            trainedOn: "bench",
            source: SURVEY_SOURCE,
            prior: 8,
            rolePrior,
            ...params,
            lambda,
            interactionPenalty,
            mainPenalty,
          });
          const stats = cellStats(m, split.fit, KEYS.tlc as Keyer);
          const f = (k: number) =>
            ((score(m, stats, KEYS.tlc as Keyer, split.target, k, "res", false) / baseMae - 1) * 100).toFixed(2);
          console.log(
            `lambda ${lambda} main ${mainPenalty} inter ${interactionPenalty}: no blend ${f(Number.POSITIVE_INFINITY)}, k=30 ${f(30)}`,
          );
        }
  }
  process.exit(0);
}
const KS = [0, 1, 3, 5, 10, 20, 30, 50, 100, 200, Number.POSITIVE_INFINITY];
for (const split of splits) {
  const t0 = performance.now();
  const m = trainOn(split.fit);
  const base = baseline(split.fit);
  const baseMae = split.target.reduce((a, r) => a + Math.abs(base(r) - r.usd), 0) / split.target.length;
  console.log(
    `\n## ${split.name}: fit ${split.fit.length}, target ${split.target.length}, baseline MAE ${baseMae.toFixed(0)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  console.log(`| cell / stat | ${KS.map((k) => `k=${k}`).join(" | ")} |`);
  for (const [kname, key] of Object.entries(KEYS)) {
    const stats = cellStats(m, split.fit, key);
    const hit = split.target.filter((r) => stats.has(key(r))).length / split.target.length;
    for (const mode of ["res", "pay"] as const)
      for (const useW of [false, true]) {
        if (mode === "pay" && useW) continue;
        const cells = KS.map(
          (k) => `${((score(m, stats, key, split.target, k, mode, useW) / baseMae - 1) * 100).toFixed(2)}`,
        );
        console.log(`| ${kname} ${mode}${useW ? " w" : ""} (hit ${(hit * 100).toFixed(0)}%) | ${cells.join(" | ")} |`);
      }
  }
}
