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
});
