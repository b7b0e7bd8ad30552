import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-market-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const db = join(tmp, "db");
const mlpath = (args: string[]) => runCli([...args, "--db", db], { home: tmp });

describe("mlpath market and salary", () => {
  beforeAll(() => {
    const r = mlpath(["ingest", join(import.meta.dirname, "..", "samples", "postings", "postings.jsonl")]);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it("shows skill demand as shares of unique postings", () => {
    const r = mlpath(["market", "skills", "--json", "--top", "5"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBe(38);
    expect(out.skills).toHaveLength(5);
    expect(out.skills[0]).toMatchObject({ skill: "python", name: "Python" });
    expect(out.skills[0].share).toBeGreaterThan(0.3);
    expect(mlpath(["market", "skills"]).stdout).toContain("█");
    // A selection that matches nothing had been told to ingest postings the store already held.
    const future = mlpath(["market", "skills", "--since", "3000-01-01"]);
    expect(future.stdout).toContain("none of the 38 unique stored postings matches this selection (since 3000-01-01)");
    const empty = runCli(["market", "skills", "--db", join(tmp, "empty")], { home: tmp });
    expect(empty.stdout).toContain("no postings stored yet; run `mlpath ingest FILE...` first");
  });

  it("shows the skills asked for together with one, with lift", () => {
    const r = mlpath(["market", "skills", "--with", "pytorch", "--json", "--top", "5"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.skill).toBe("pytorch");
    expect(out.withSkill).toBeGreaterThan(0);
    for (const s of out.skills) {
      expect(s.skill).not.toBe("pytorch");
      expect(s.both).toBeLessThanOrEqual(out.withSkill);
      expect(s.lift).toBeGreaterThan(0);
    }
    const unknown = mlpath(["market", "skills", "--with", "basket weaving"]);
    expect(unknown.code).toBe(3);
    // Both had printed "0 of N unique postings ask for X; with it they ask for" over an empty table.
    const unasked = mlpath(["market", "skills", "--with", "haskell"]);
    expect(unasked.code, unasked.stderr).toBe(0);
    expect(unasked.stdout.trim()).toBe("none of the 38 unique stored postings asks for Haskell");
    for (const report of [["--with", "pytorch"], ["--trend"]]) {
      const empty = runCli(["market", "skills", ...report, "--db", join(tmp, "empty")], { home: tmp });
      expect(empty.code, empty.stderr).toBe(0);
      expect(empty.stdout.trim()).toBe("no postings stored yet; run `mlpath ingest FILE...` first");
    }
  });

  // Options that had been ignored beside one another, and empty values ignored outright.
  it.each([
    [["market", "skills", "--with", "pytorch", "--trend"], "--with and --trend are two reports"],
    [
      ["market", "skills", "--with", "pytorch", "--since", "2024-01-01"],
      "--since applies to skill shares, not to --with",
    ],
    [["market", "skills", "--with", " "], "--with needs a skill's name"],
    [["salary", "--role", "ml-engineer", "--level", "senior", "--country", "US", "--title", ""], "--title is empty"],
  ])("refuses %j", (args, says) => {
    const r = mlpath(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(says);
  });

  it("finds skills rising and falling between two periods, and only beyond chance", () => {
    // 2019: Hadoop in most postings; 2024: PyTorch in most; SQL and Python steady throughout.
    const lines = Array.from({ length: 240 }, (_, i) => {
      const late = i % 2 === 1;
      const tool = (late ? i % 10 !== 1 : i % 10 === 0) ? "PyTorch" : "Hadoop";
      return JSON.stringify({
        id: `trend-${i}`,
        title: `Data Engineer ${i}`,
        company: `Trend Co ${i}`,
        date: late ? "2024-05-01" : "2019-05-01",
        description: `Build data products ${i} with Python, SQL and ${tool}; team ${i}.`,
      });
    });
    const trendDb = join(tmp, "trend-db");
    writeFileSync(join(tmp, "trend.jsonl"), lines.join("\n"));
    const run = (args: string[]) => runCli([...args, "--db", trendDb], { home: tmp });
    expect(run(["ingest", join(tmp, "trend.jsonl")]).code).toBe(0);
    const r = run(["market", "skills", "--trend", "2022-01-01", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.totals).toEqual({ before: 120, after: 120 });
    expect(out.rising.map((t: { skill: string }) => t.skill)).toEqual(["pytorch"]);
    expect(out.falling.map((t: { skill: string }) => t.skill)).toEqual(["hadoop"]);
    expect(run(["market", "skills", "--trend"]).stdout).toContain("Rising");
    expect(run(["market", "skills", "--trend", "May 2022"]).code).toBe(2);
  }, 120_000);

  it("shows salary percentiles from postings that state pay, beside cited figures", () => {
    const r = mlpath(["market", "salaries", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.postings.length).toBeGreaterThan(0);
    for (const p of out.postings) expect(p.p10).toBeLessThanOrEqual(p.p90);
    expect(out.cited.every((c: { source: string }) => c.source)).toBe(true);
    // A country in lower case had matched nothing, and "zz" answered as if the market were empty.
    const us = (code: string) => JSON.parse(mlpath(["market", "salaries", "--country", code, "--json"]).stdout);
    expect(us("US").postings.length).toBeGreaterThan(0);
    expect(us("us")).toEqual(us("US"));
    expect(us("US").cited.length).toBeGreaterThan(0);
    // The pack's figures are all for the US: they had been listed for GB too, as if about it.
    const gb = mlpath(["market", "salaries", "--country", "GB"]);
    expect(gb.stdout).toContain("none for GB: the pack cites figures for US");
    const nowhere = mlpath(["market", "salaries", "--country", "zz"]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain("--country must be a country's two-letter code");
  }, 180_000); // six runs of the CLI: over a minute on a loaded two-core machine

  it("estimates every role of the survey from its own answers", () => {
    // The shipped model had no group for AI research scientists: they were answered from all roles.
    const r = mlpath(["salary", "--role", "ai-research-scientist", "--level", "senior", "--country", "US", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).cell).toContain("AI Research Scientist");
  });

  it("moves a salary estimate by what stored postings pay for the skills named", () => {
    const args = ["salary", "--role", "ml-engineer", "--level", "senior", "--country", "US"];
    const plain = JSON.parse(mlpath([...args, "--json"]).stdout);
    const r = mlpath([...args, "--skills", "pytorch, sql", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.postingsWithPay).toBeGreaterThan(0);
    expect(e.skills.map((s: { skill: string }) => s.skill)).toEqual(["pytorch", "sql"]);
    expect(e.skillFactor).toBeGreaterThanOrEqual(0.85);
    expect(e.skillFactor).toBeLessThanOrEqual(1.15);
    expect(e.estimate).toBeCloseTo(plain.estimate * e.skillFactor, -3);
    expect(mlpath([...args, "--skills", "pytorch"]).stdout).toContain("skills move it");
    expect(mlpath([...args, "--skills", "basket weaving"]).code).toBe(3);
    // Premiums apply in dollars first; the result is then converted.
    const eur = JSON.parse(mlpath([...args, "--skills", "pytorch, sql", "--currency", "EUR", "--json"]).stdout);
    expect(eur).toMatchObject({ currency: "EUR", conversion: { from: "USD", to: "EUR" } });
    expect(eur.estimate).toBeCloseTo(e.estimate * eur.conversion.rate, -3);
  }, 120_000);

  it("converts an estimate into another currency at a dated rate, and says which", () => {
    const args = ["salary", "--role", "data-scientist", "--level", "senior", "--country", "GB", "--currency", "gbp"];
    const r = mlpath(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^£[\d,]+ \/ year/);
    expect(r.stdout).toMatch(/converted from USD at the survey's 20\d\d average rate: 1 USD = 0\.\d{4} GBP/);
  });

  it("takes the currency the pay is in, and says which it assumed", () => {
    const args = ["salary", "--role", "data-scientist", "--level", "senior", "--country", "GB"];
    const mix = mlpath([...args, "--json"]);
    expect(mix.code, mix.stderr).toBe(0);
    const unsaid = JSON.parse(mix.stdout);
    expect(unsaid.paidIn).toBeNull();
    const usd = mlpath([...args, "--paid-in", "usd", "--json"]);
    expect(usd.code, usd.stderr).toBe(0);
    const dollars = JSON.parse(usd.stdout);
    // Paid in dollars from the UK is mostly a US employer's pay; the amounts stay in USD.
    expect(dollars).toMatchObject({ paidIn: "USD", currency: "USD" });
    expect(dollars.estimate).toBeGreaterThan(unsaid.estimate * 1.2);
    expect(mlpath(args).stdout).toContain("assumed: the usual mix of pay currencies in GB");
    const pounds = mlpath([...args, "--paid-in", "GBP", "--currency", "gbp"]);
    expect(pounds.stdout).toContain("assumed: paid in GBP");
    expect(pounds.stdout).toMatch(/^£[\d,]+ \/ year/);
    expect(mlpath(["salary", "--help"]).stdout).toMatch(/--paid-in <code>\s+currency the pay is in/);
  }, 120_000);

  it("estimates a salary with an interval and the group behind it", () => {
    const r = mlpath(["salary", "--role", "data-scientist", "--level", "senior", "--country", "US", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e).toMatchObject({ currency: "USD", period: "year", cell: "Data Scientist / senior / US" });
    expect(e.low).toBeLessThan(e.estimate);
    expect(e.high).toBeGreaterThan(e.estimate);
    expect(e.n).toBeGreaterThan(100);
  });

  it.each([
    [["--role", "astronaut", "--level", "senior", "--country", "US"], /unknown role id "astronaut"/],
    [["--role", "data-scientist", "--level", "guru", "--country", "US"], /guru/],
    [["--role", "data-scientist", "--level", "senior", "--country", "XX"], /no survey records for country "XX"/],
    [
      ["--role", "data-scientist", "--level", "senior", "--country", "US", "--currency", "XYZ"],
      /no exchange rate for "XYZ"/,
    ],
    [
      ["--role", "data-scientist", "--level", "senior", "--country", "GB", "--paid-in", "dollars"],
      /--paid-in "dollars" is not a currency code\n.*three-letter ISO 4217 currency code, any case: USD, EUR, GBP/,
    ],
  ])("refuses %j with a clear message", (args, message) => {
    const r = mlpath(["salary", ...args]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(hasStack(r.stderr)).toBe(false);
  });
});
