import type { Industries, SalaryEstimate, SalaryPercentiles, SkillDemand } from "./api.js";
import { money, percent, plural } from "./format.js";

/**
 * A chart's numbers as a table, for those who cannot hover its canvas (keyboard, screen reader):
 * built from the data the chart's option is built from, each cell written with its unit.
 */
export interface NumberTable {
  /** Names the table to screen readers, as the chart's label names the chart. */
  label: string;
  columns: string[];
  /** The first cell names the row (a row header); the rest are its numbers, as text. */
  rows: { key: string; cells: string[] }[];
}

/** Skill demand: each skill's share of the postings and how many of them ask for it. */
export const demandTable = (demand: SkillDemand): NumberTable => ({
  label: "Skill demand",
  columns: ["Skill", "Share of postings", "Postings"],
  rows: demand.skills.map((s) => ({
    key: s.name,
    cells: [s.name, percent(s.share), `${s.n} of ${plural(demand.total, "posting")}`],
  })),
});

/** Salary percentiles, one row a group (role and level) in the currency the chart shows. */
export const percentileTable = (
  rows: SalaryPercentiles[],
  group: (r: SalaryPercentiles) => string,
  currency: string,
): NumberTable => ({
  label: `Salary percentiles by level (${currency} a year)`,
  columns: ["Group", "Postings", "10th", "25th", "Median", "75th", "90th"],
  rows: rows.map((r) => ({
    key: `${r.roleId ?? ""}:${r.seniority ?? ""}`,
    cells: [group(r), String(r.n), ...[r.p10, r.p25, r.p50, r.p75, r.p90].map((v) => money(v, currency))],
  })),
});

/** Postings by industry with the median yearly USD pay the postings that state one state. */
export const industryTable = (rows: Industries["industries"]): NumberTable => ({
  label: "Postings by industry",
  columns: ["Industry", "Postings", "Median stated pay (USD a year)"],
  rows: rows.map((r) => ({
    key: r.industry ?? r.name,
    cells: [
      r.naics ? `${r.name} (NAICS ${r.naics})` : r.name,
      String(r.postings),
      r.medianSalaryUsd === null
        ? "not stated"
        : `${money(r.medianSalaryUsd, "USD")}${r.withSalary < r.postings ? ` (${r.withSalary} stating)` : ""}`,
    ],
  })),
});

/** The salary estimate and the ends of its 80% interval. */
export const estimateTable = (e: SalaryEstimate): NumberTable => ({
  label: "Salary estimate range",
  columns: ["Figure", `Amount (${e.currency})`],
  rows: [
    { key: "low", cells: ["80% interval, low end", money(e.low, e.currency, e.period)] },
    { key: "estimate", cells: ["Estimate", money(e.estimate, e.currency, e.period)] },
    { key: "high", cells: ["80% interval, high end", money(e.high, e.currency, e.period)] },
  ],
});
