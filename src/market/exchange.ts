import { AppError } from "../errors.js";
import type { ExchangeRate } from "../knowledge/schema.js";

/** How an amount was converted: the rate, the year it is the average of, and where it comes from. */
export interface Conversion {
  from: string;
  to: string;
  /** Units of `to` per unit of `from`. */
  rate: number;
  year: number;
  source: string;
}

/** The currencies the rate table can convert between (US dollars always among them). */
export function currencies(rates: readonly ExchangeRate[]): string[] {
  return [...new Set(["USD", ...rates.map((r) => r.currency)])].sort();
}

/**
 * The rate from one currency to another for a year: both sides read in the same year, the latest
 * one at or before `year` that has them (a rate table ends where its data ends). Null when no
 * year has both.
 */
export function exchangeRate(
  rates: readonly ExchangeRate[],
  from: string,
  to: string,
  year: number,
): Conversion | null {
  if (from === to) return { from, to, rate: 1, year, source: "identity" };
  const usdPer = (currency: string, y: number) =>
    currency === "USD" ? { usd: 1, source: "" } : rates.find((r) => r.currency === currency && r.year === y);
  const years = [...new Set(rates.map((r) => r.year))].filter((y) => y <= year).sort((a, b) => b - a);
  for (const y of years) {
    const a = usdPer(from, y);
    const b = usdPer(to, y);
    if (a && b) return { from, to, rate: a.usd / b.usd, year: y, source: a.source || b.source };
  }
  return null;
}

/**
 * The conversion out of US dollars a person asked for by currency code, for a year; null for
 * dollars or no code. A code the table cannot convert to is refused, listing the ones it can.
 */
export function conversionFromUsd(
  rates: readonly ExchangeRate[],
  code: string | undefined,
  year: number,
): Conversion | null {
  const to = code?.trim().toUpperCase();
  if (!to || to === "USD") return null;
  const conversion = exchangeRate(rates, "USD", to, year);
  if (!conversion)
    throw new AppError("INVALID_INPUT", `no exchange rate for "${code}"`, {
      hint: `known: ${currencies(rates).join(", ")}`,
    });
  return conversion;
}

/** US dollars per unit of a currency, null where the rates do not know it. */
export type UsdPer = (currency: string) => number | null;

/**
 * US dollars per unit of each currency the table knows, at its latest year: how postings stating
 * pay in euros, pounds or rupees are compared with a floor in dollars.
 */
export function usdPerUnit(rates: readonly ExchangeRate[]): UsdPer {
  const latest = new Map<string, ExchangeRate>();
  for (const r of rates) if ((latest.get(r.currency)?.year ?? 0) < r.year) latest.set(r.currency, r);
  return (currency) => (currency === "USD" ? 1 : (latest.get(currency)?.usd ?? null));
}

/** Amounts of pay in another currency, rounded to hundreds as estimates are. */
export function convertPay<T extends { estimate: number; low: number; high: number }>(
  pay: T,
  conversion: Conversion,
): T & { currency: string; conversion: Conversion } {
  const round = (x: number) => Math.round((x * conversion.rate) / 100) * 100;
  return {
    ...pay,
    estimate: round(pay.estimate),
    low: round(pay.low),
    high: round(pay.high),
    currency: conversion.to,
    conversion,
  };
}
