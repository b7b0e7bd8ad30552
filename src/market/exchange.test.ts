import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { convertPay, currencies, exchangeRate } from "./exchange.js";

const rates = [
  { currency: "EUR", year: 2023, usd: 1.08, n: 40, source: "survey" },
  { currency: "EUR", year: 2024, usd: 1.1, n: 50, source: "survey" },
  { currency: "GBP", year: 2023, usd: 1.25, n: 30, source: "survey" },
];

describe("exchange rates", () => {
  it("converts through US dollars with both sides read in the same year", () => {
    expect(exchangeRate(rates, "USD", "EUR", 2024)).toMatchObject({ rate: 1 / 1.1, year: 2024, source: "survey" });
    expect(exchangeRate(rates, "EUR", "USD", 2024)?.rate).toBeCloseTo(1.1);
    // GBP has no 2024 rate, so EUR -> GBP falls back to 2023, where both exist.
    expect(exchangeRate(rates, "EUR", "GBP", 2026)).toMatchObject({ year: 2023 });
    expect(exchangeRate(rates, "EUR", "GBP", 2026)?.rate).toBeCloseTo(1.08 / 1.25);
  });

  it("uses no rate from after the year asked, and says when there is none", () => {
    expect(exchangeRate(rates, "USD", "EUR", 2023)?.year).toBe(2023);
    expect(exchangeRate(rates, "USD", "EUR", 2022)).toBeNull();
    expect(exchangeRate(rates, "USD", "JPY", 2024)).toBeNull();
    expect(currencies(rates)).toEqual(["EUR", "GBP", "USD"]);
  });

  it("converts an estimate and its interval, rounded to hundreds, and says how", () => {
    const c = exchangeRate(rates, "USD", "EUR", 2024);
    if (!c) throw new Error("no rate");
    expect(convertPay({ estimate: 110_000, low: 55_000, high: 220_000, currency: "USD" }, c)).toEqual({
      estimate: 100_000,
      low: 50_000,
      high: 200_000,
      currency: "EUR",
      conversion: c,
    });
  });

  it("ships rates that agree with the survey's own conversions (the euro near 1.05-1.20 USD)", () => {
    const pack = loadKnowledge();
    const eur = pack.exchangeRates.filter((r) => r.currency === "EUR");
    expect(eur.length).toBeGreaterThanOrEqual(4);
    for (const r of eur) expect(r.usd).toBeGreaterThan(1.0);
    for (const r of eur) expect(r.usd).toBeLessThan(1.25);
  });
});
