import { describe, expect, it } from "vitest";
import type { Industries, SalaryEstimate, SalaryPercentiles, SkillDemand } from "./api.js";
import { demandTable, estimateTable, industryTable, percentileTable } from "./chart-table.js";

describe("chart tables", () => {
  it("writes skill demand as shares in percent and counts of the postings", () => {
    const demand = {
      total: 40,
      skills: [{ skill: "python", name: "Python", n: 30, share: 0.75 }],
    } as unknown as SkillDemand;
    const t = demandTable(demand);
    expect(t.columns).toEqual(["Skill", "Share of postings", "Postings"]);
    expect(t.rows).toEqual([{ key: "Python", cells: ["Python", "75%", "30 of 40 postings"] }]);
  });

  it("writes salary percentiles as money in the chart's currency, in the order the chart draws top down", () => {
    const row = (seniority: string, p50: number) =>
      ({
        roleId: "ds",
        seniority,
        currency: "EUR",
        n: 3,
        p10: 1000,
        p25: 2000,
        p50,
        p75: 4000,
        p90: 125000,
      }) as SalaryPercentiles;
    const t = percentileTable([row("mid", 3000), row("senior", 3500)], (r) => `DS · ${r.seniority}`, "EUR");
    expect(t.label).toBe("Salary percentiles by level (EUR a year)");
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["DS · mid", "3", "€1,000", "€2,000", "€3,000", "€4,000", "€125,000"],
      ["DS · senior", "3", "€1,000", "€2,000", "€3,500", "€4,000", "€125,000"],
    ]);
    expect(new Set(t.rows.map((r) => r.key)).size).toBe(2);
  });

  it("writes industries' counts and stated pay, and says when none is stated", () => {
    const rows = [
      {
        industry: "software",
        name: "Software publishers",
        naics: "5132",
        postings: 5,
        withSalary: 2,
        medianSalaryUsd: 150000,
      },
      { industry: null, name: "not stated", naics: null, postings: 3, withSalary: 0, medianSalaryUsd: null },
    ] as Industries["industries"];
    expect(industryTable(rows).rows.map((r) => r.cells)).toEqual([
      ["Software publishers (NAICS 5132)", "5", "$150,000 (2 stating)"],
      ["not stated", "3", "not stated"],
    ]);
  });

  it("writes the estimate between the ends of its interval, with its period", () => {
    const e = { estimate: 120000, low: 90000, high: 160000, currency: "USD", period: "year" } as SalaryEstimate;
    expect(estimateTable(e).rows.map((r) => r.cells)).toEqual([
      ["80% interval, low end", "$90,000 / year"],
      ["Estimate", "$120,000 / year"],
      ["80% interval, high end", "$160,000 / year"],
    ]);
  });
});
