import { describe, expect, it } from "vitest";
import { fitMedianRidge, INTERCEPT, predictLinear } from "./median-regression.js";

/** A deterministic spread of offsets around zero: -0.2, -0.1, 0, 0.1, 0.2, ... */
const noise = (i: number) => ((i % 5) - 2) / 10;

describe("median ridge regression", () => {
  it("recovers additive effects from plenty of data", () => {
    const examples = [];
    for (let i = 0; i < 1000; i++) {
      const a = i % 2 === 0;
      const b = i % 3 === 0;
      examples.push({
        features: [...(a ? ["a"] : []), ...(b ? ["b"] : [])],
        y: 10 + (a ? 1 : 0) - (b ? 0.5 : 0) + noise(i),
        weight: 1,
      });
    }
    const beta = fitMedianRidge(examples, { lambda: 0.01 });
    expect(beta[INTERCEPT]).toBeCloseTo(10, 1);
    expect(beta.a).toBeCloseTo(1, 1);
    expect(beta.b).toBeCloseTo(-0.5, 1);
    expect(predictLinear(beta, ["a", "b", "unseen"])).toBeCloseTo(10.5, 1);
  });

  it("follows the median, not the mean, when a few answers are wildly off", () => {
    const examples = Array.from({ length: 200 }, (_, i) => ({
      features: [],
      y: i % 10 === 0 ? 20 : 10 + noise(i) / 10,
      weight: 1,
    }));
    const beta = fitMedianRidge(examples, { lambda: 1, iterations: 8 });
    expect(Math.abs((beta[INTERCEPT] ?? 0) - 10)).toBeLessThan(0.1);
    // least squares alone would land near the mean, 11
    const mean = examples.reduce((s, e) => s + e.y, 0) / examples.length;
    expect(mean).toBeGreaterThan(10.9);
  });

  it("lets a feature seen three times move the fit a little and one seen three hundred times a lot", () => {
    const examples = [
      ...Array.from({ length: 600 }, (_, i) => ({ features: [], y: 10 + noise(i), weight: 1 })),
      ...Array.from({ length: 3 }, () => ({ features: ["rare"], y: 12, weight: 1 })),
      ...Array.from({ length: 300 }, () => ({ features: ["common"], y: 12, weight: 1 })),
    ];
    const beta = fitMedianRidge(examples, { lambda: 10 });
    expect(beta.rare).toBeGreaterThan(0);
    expect(beta.rare).toBeLessThan(1);
    expect(beta.common).toBeGreaterThan(1.8);
  });

  it("weighs examples by their weight", () => {
    const examples = [
      { features: [], y: 1, weight: 9 },
      { features: [], y: 5, weight: 1 },
      { features: [], y: 1.1, weight: 9 },
    ];
    expect(fitMedianRidge(examples, { lambda: 1 })[INTERCEPT]).toBeLessThan(1.3);
  });

  it("penalises a feature by its own share of lambda", () => {
    const examples = [
      ...Array.from({ length: 100 }, (_, i) => ({ features: [], y: 10 + noise(i), weight: 1 })),
      ...Array.from({ length: 5 }, () => ({ features: ["light"], y: 12, weight: 1 })),
      ...Array.from({ length: 5 }, () => ({ features: ["heavy"], y: 12, weight: 1 })),
    ];
    const beta = fitMedianRidge(examples, { lambda: 10, penalty: (f) => (f === "light" ? 0.1 : 1) });
    expect(beta.heavy).toBeGreaterThan(0);
    expect(beta.light as number).toBeGreaterThan(2 * (beta.heavy as number));
  });

  it("with amountLoss lets the high-paid group pull a shared effect harder than the low-paid one", () => {
    // one shared feature, two groups that disagree about it: low pay says +0, high pay says +0.4
    const examples = [
      ...Array.from({ length: 50 }, (_, i) => ({ features: ["low"], y: 10 + noise(i) / 10, weight: 1 })),
      ...Array.from({ length: 50 }, (_, i) => ({ features: ["low", "x"], y: 10 + noise(i) / 10, weight: 1 })),
      ...Array.from({ length: 50 }, (_, i) => ({ features: ["high"], y: 12 + noise(i) / 10, weight: 1 })),
      ...Array.from({ length: 50 }, (_, i) => ({ features: ["high", "x"], y: 12.4 + noise(i) / 10, weight: 1 })),
    ];
    const plain = fitMedianRidge(examples, { lambda: 1, iterations: 6 });
    const amount = fitMedianRidge(examples, { lambda: 1, iterations: 6, amountLoss: true });
    expect(amount.x as number).toBeGreaterThan((plain.x as number) + 0.1);
  });
});
