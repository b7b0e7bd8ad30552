import { describe, expect, it } from "vitest";
import { extractSalary } from "./salary.js";

const year = (min: number, max: number, currency = "USD") => ({ min, max, currency, period: "year" });

describe("extractSalary", () => {
  it.each([
    ["The base salary range is $120k-$150k.", year(120000, 150000)],
    ["Pay: $120K - $150K per year", year(120000, 150000)],
    ["Salary range: $110- $120,000", year(110000, 120000)],
    ["Compensation: $130,000 - $140,000 annually", year(130000, 140000)],
    ["£45,000 - £55,000 per annum", year(45000, 55000, "GBP")],
    ["Salary: €60K", year(60000, 60000, "EUR")],
    ["Salary 60.000 € - 75.000 €", year(60000, 75000, "EUR")],
    ["The range for this role is $73,770.80 - $122,215.09.", year(73770.8, 122215.09)],
    ["USD 120,000 to 150,000 base", year(120000, 150000)],
    ["$200,000 - $500,000 + bonus", year(200000, 500000)],
    ["Base pay: $120.8K-$275.75K", year(120800, 275750)],
    ["$150K–$190K + equity", year(150000, 190000)],
    // A UK starting salary and what it rises to is the range of pay; it was read as 30,000 alone.
    ["Starting salary £30,000 rising to £35,000 after probation", year(30000, 35000, "GBP")],
    ["£28,500 per annum, increasing to £31,000 after 12 months", year(28500, 31000, "GBP")],
    // What a figure "rises to" is pay only when it is a rise of pay.
    ["Salary £28,000 rising to £2,000 bonus after year one", year(28000, 28000, "GBP")],
    ["Salary £30,000 rising to £300,000 equity", year(30000, 30000, "GBP")],
    ["Salary £30,000 per annum, rising to £3.5m turnover next year", year(30000, 30000, "GBP")],
  ])("reads %s", (text, expected) => {
    expect(extractSalary(text)).toEqual(expected);
  });

  it("reads the period after a figure's rise", () => {
    expect(extractSalary("Salary £2,000 rising to £2,500 per month")).toEqual({
      min: 2000,
      max: 2500,
      currency: "GBP",
      period: "month",
    });
  });

  it("reads hourly and monthly rates", () => {
    expect(extractSalary("Pay rate: $65 to $75/hour")).toEqual({ min: 65, max: 75, currency: "USD", period: "hour" });
    expect(extractSalary("$50/hr, 1099 contract")).toEqual({ min: 50, max: 50, currency: "USD", period: "hour" });
    expect(extractSalary("Stipend of $5,000 per month")).toEqual({
      min: 5000,
      max: 5000,
      currency: "USD",
      period: "month",
    });
  });

  it("reads day and weekly rates, the periods contractors and the gold's guidelines use", () => {
    // All four had been read as no salary at all.
    const rate = (min: number, max: number, currency: string, period: string) => ({ min, max, currency, period });
    expect(extractSalary("Rate: £450 - £550 per day (outside IR35)")).toEqual(rate(450, 550, "GBP", "day"));
    expect(extractSalary("£500/day inside IR35")).toEqual(rate(500, 500, "GBP", "day"));
    expect(extractSalary("£450/day - £550/day DOE")).toEqual(rate(450, 550, "GBP", "day"));
    expect(extractSalary("Day rate: £600, 6 month contract")).toEqual(rate(600, 600, "GBP", "day"));
    expect(extractSalary("€700 p/d, remote")).toEqual(rate(700, 700, "EUR", "day"));
    expect(extractSalary("Pay: $2,000 per week")).toEqual(rate(2000, 2000, "USD", "week"));
    expect(extractSalary("$1,500 - $2,000 weekly")).toEqual(rate(1500, 2000, "USD", "week"));
  });

  it("does not read an allowance by the day as pay", () => {
    expect(extractSalary("A $50 per day meal allowance while travelling.")).toBeNull();
    expect(extractSalary("Per diem of $75 per day when on site.")).toBeNull();
  });

  it("ignores money that is not pay", () => {
    for (const text of [
      "We raised $25M in Series B funding.",
      "backed by $1.2B in investment",
      "a $500 annual learning budget for conferences",
      "We have 120,000 customers",
      "Over 5 years of experience",
      "",
    ]) {
      expect(extractSalary(text), text).toBeNull();
    }
  });

  it("vetoes pay only on whole funding words, not inside other words", () => {
    // "investigations" and "fundamentals" held "invest" and "fund", and the salary was dropped.
    expect(extractSalary("Fraud investigations analyst, pay $90,000 - $110,000 per year.")).toMatchObject({
      min: 90000,
      max: 110000,
      currency: "USD",
    });
    expect(extractSalary("Strong fundamentals; salary $95,000 - $120,000.")).toMatchObject({ min: 95000, max: 120000 });
    expect(extractSalary("We raised $25M in funding.")).toBeNull();
  });

  it.each([
    // Read as 12 an hour before: the lakh grouping's first comma was taken for a decimal point.
    ["INR 12,00,000 - 18,00,000 per annum", year(1200000, 1800000, "INR")],
    ["₹12 LPA - ₹18 LPA", year(1200000, 1800000, "INR")],
    ["INR 12-18 lakhs per annum", year(1200000, 1800000, "INR")],
    ["Rs. 8,50,000 per annum", year(850000, 850000, "INR")],
    ["CTC: ₹45,00,000 - ₹60,00,000", year(4500000, 6000000, "INR")],
    ["CHF 120'000 - 140'000", year(120000, 140000, "CHF")],
    ["Salary: CHF 120’000 – 140’000", year(120000, 140000, "CHF")],
  ])("reads Indian and Swiss digit grouping: %s", (text, expected) => {
    expect(extractSalary(text)).toEqual(expected);
  });

  it.each([
    ["AUD $100,000 to $170,000 + Stock Options", year(100000, 170000, "AUD")],
    ["Mid and Sr Engineers (50-100k gbp)", year(50000, 100000, "GBP")],
    ["* Region 1 $137,250 - $157,750 * Region 2 $130,388 - $149,363", year(137250, 157750)],
    ["Up to €78k + equipment of your choice", year(78000, 78000, "EUR")],
    ["Senior Engineer | $130k + equity | Remote", year(130000, 130000)],
    ["$125k to $200k (USD) We are a Series B, fully remote team", year(125000, 200000)],
    ["Salary: $90,000 - $110,000 A bit about us: $500 Million revenue company", year(90000, 110000)],
    // The budget's sentence had vetoed the next one's range.
    ["Benefits: £1,000 annual training budget. Salary: £45,000-£55,000", year(45000, 55000, "GBP")],
  ])("reads %s", (text, expected) => {
    expect(extractSalary(text)).toEqual(expected);
  });

  it("reads a rate's unit on both ends, or glued to the next word", () => {
    const hour = (min: number, max: number) => ({ min, max, currency: "USD", period: "hour" });
    expect(extractSalary("Contract – Remote – $52hr-$110hr. The final salary")).toEqual(hour(52, 110));
    expect(extractSalary("range between $25/hr - $30/hr.")).toEqual(hour(25, 30));
    expect(extractSalary("(remote work ok)$28.00/hourPlease include your resume")).toEqual(hour(28, 28));
  });

  it("keeps a rate with its unit one figure when no money follows", () => {
    const hour = (min: number, max: number) => ({ min, max, currency: "USD", period: "hour" });
    expect(extractSalary("Pay: $45/hour and 401k matching")).toEqual(hour(45, 45));
    expect(extractSalary("$120k/year and 401k match")).toEqual(year(120000, 120000));
    expect(extractSalary("Rate: $30/hr - 40 hours per week")).toEqual(hour(30, 30));
    expect(extractSalary("$65/hour - 1099 contract")).toEqual(hour(65, 65));
  });

  it("does not read a budget or an equity grant as pay", () => {
    expect(extractSalary("$10,000-$20,000 budget per hire for equipment")).toBeNull();
    expect(extractSalary("We offer $10,000 in equity")).toBeNull();
  });

  it("stays linear on long runs of digits and comma lists", () => {
    const started = performance.now();
    extractSalary(`$ ${"1".repeat(100_000)}`);
    extractSalary(`$ ${"12,".repeat(30_000)}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("needs pay words as whole words", () => {
    // "remote" once counted as OTE, "database" as base, "learn" as earn.
    expect(extractSalary("we spend over $12,500 per person on healthcare for our remote team")).toBeNull();
    expect(extractSalary("learn about our $20,000 database migration")).toBeNull();
  });

  it("reads lakhs only in rupees", () => {
    expect(extractSalary("Budget $12 L for the team")).toBeNull();
  });

  it("takes the first range when several are listed", () => {
    expect(extractSalary("US: $150,000-$180,000. UK: £90,000-£110,000.")).toEqual(year(150000, 180000));
  });

  it("reads a currency written twice on each end of a range", () => {
    expect(extractSalary("Combined Salary Range\r\n\r\nUSD $100,000.00 - USD $110,000.00 /Yr.")).toEqual(
      year(100000, 110000),
    );
  });
});
