import { describe, expect, it } from "vitest";
import { estimateSalary, paidInText, rolePriorFrom, type SalaryRow, trainModel } from "./salary-model.js";

const rows = (n: number, usd: number, extra: Partial<SalaryRow> = {}): SalaryRow[] =>
  Array.from({ length: n }, (_, i) => ({
    role: "data-scientist",
    level: "senior",
    country: "US",
    remote: 0,
    usd: usd * (1 + ((i % 5) - 2) / 20),
    ...extra,
  }));

describe("salary model", () => {
  const model = trainModel(
    [
      ...rows(400, 150_000),
      ...rows(3, 60_000, { country: "PT" }),
      ...rows(200, 90_000, { role: "data-analyst" }),
      ...rows(300, 70_000, { role: "data-analyst", country: "DE", level: "mid" }),
    ],
    { trainedOn: "test", source: "test", prior: 8 },
  );

  it("estimates a well-populated group close to its own median, inside an interval", () => {
    const e = estimateSalary(model, { role: "data-scientist", level: "senior", country: "US" });
    expect(e?.estimate).toBeGreaterThan(140_000);
    expect(e?.estimate).toBeLessThan(160_000);
    expect(e && e.low < e.estimate && e.estimate < e.high).toBe(true);
    expect(e).toMatchObject({
      n: 400,
      cell: "data-scientist / senior / US",
      currency: "USD",
      period: "year",
      widened: [],
    });
  });

  it("pulls a sparse group toward its parent instead of trusting three answers", () => {
    const e = estimateSalary(model, { role: "data-scientist", level: "senior", country: "PT" });
    expect(e?.n).toBe(3);
    expect(e?.estimate).toBeGreaterThan(60_000 * 1.2);
    expect(e?.estimate).toBeLessThan(150_000);
  });

  it("widens to the parent group and says so when a group has no answers", () => {
    const e = estimateSalary(model, { role: "prompt-engineer", level: "senior", country: "US", remote: 100 });
    expect(e?.cell).toBe("all roles / senior / US");
    expect(e?.widened).toEqual([
      "prompt-engineer / senior / US / fully remote",
      "prompt-engineer / senior / US",
      "prompt-engineer / senior / all countries",
    ]);
  });

  it("names the groups in words when given the role's name (the CLI printed ids and remote shares)", () => {
    const e = estimateSalary(
      model,
      { role: "prompt-engineer", level: "senior", country: "US", remote: 50 },
      "Prompt Engineer",
    );
    expect(e?.widened).toEqual([
      "Prompt Engineer / senior / US / hybrid",
      "Prompt Engineer / senior / US",
      "Prompt Engineer / senior / all countries",
    ]);
    const ds = estimateSalary(model, { role: "data-scientist", level: "senior", country: "US" }, "Data Scientist");
    expect(ds?.cell).toBe("Data Scientist / senior / US");
  });

  it("returns null from an empty model", () => {
    expect(
      estimateSalary(trainModel([], { trainedOn: "", source: "" }), { role: "x", level: "mid", country: "US" }),
    ).toBeNull();
  });

  it("prices an unseen job title by its words", () => {
    const titled = trainModel(
      [
        ...rows(300, 150_000, { title: "data scientist" }),
        ...rows(300, 220_000, { role: "other", title: "software engineer" }),
        ...rows(300, 100_000, { role: "other", title: "office manager" }),
      ],
      { trainedOn: "test", source: "test" },
    );
    const q = { role: "other", level: "senior", country: "US" } as const;
    const byRole = estimateSalary(titled, q)?.estimate ?? 0;
    const byTitle = estimateSalary(titled, { ...q, title: "Staff Software Engineer" })?.estimate ?? 0;
    expect(byTitle).toBeGreaterThan(180_000);
    expect(byTitle).toBeGreaterThan(byRole * 1.2);
  });

  it("keeps a role with few answers near the pay its cited figures give it", () => {
    const data = [...rows(400, 100_000), ...rows(2, 100_000, { role: "software-engineer" })];
    const plain = trainModel(data, { trainedOn: "test", source: "test" });
    const primed = trainModel(data, {
      trainedOn: "test",
      source: "test",
      rolePrior: { "software-engineer": Math.log(1.3), "data-scientist": 0 },
    });
    const q = { role: "software-engineer", level: "senior", country: "US" } as const;
    expect(estimateSalary(plain, q)?.estimate).toBeLessThan(110_000);
    expect(estimateSalary(primed, q)?.estimate).toBeGreaterThan(115_000);
    // with plenty of answers the data win over the prior
    const many = trainModel([...rows(400, 100_000), ...rows(400, 100_000, { role: "software-engineer" })], {
      trainedOn: "test",
      source: "test",
      rolePrior: { "software-engineer": Math.log(1.3) },
    });
    expect(estimateSalary(many, q)?.estimate).toBeLessThan(106_000);
  });

  it("builds the role prior from cited figures, never from the survey the model learns from", () => {
    const fact = (amount: number, source: string) => ({
      label: "x",
      region: "US",
      statistic: "median" as const,
      amount,
      currency: "USD",
      period: "year" as const,
      asOf: "2024-05",
      source,
    });
    const prior = rolePriorFrom(
      [
        { id: "a", salary: [fact(100_000, "bls-a")] },
        { id: "b", salary: [fact(200_000, "bls-b"), fact(900_000, "aijobs-salary-survey")] },
        { id: "c", salary: [fact(900_000, "aijobs-salary-survey")] },
      ],
      "aijobs-salary-survey",
    );
    expect(Object.keys(prior).sort()).toEqual(["a", "b"]);
    expect((prior.b ?? 0) - (prior.a ?? 0)).toBeCloseTo(Math.log(2), 4);
  });

  it("moves the estimate by one year of drift", () => {
    const data = rows(100, 100_000);
    const q = { role: "data-scientist", level: "senior", country: "US" } as const;
    const flat = estimateSalary(trainModel(data, { trainedOn: "t", source: "t" }), q)?.estimate ?? 0;
    const drifted = estimateSalary(trainModel(data, { trainedOn: "t", source: "t", drift: Math.log(1.1) }), q);
    expect((drifted?.estimate ?? 0) / flat).toBeCloseTo(1.1, 2);
  });

  it("prices a query without a remote share at the answers' average remote effect", () => {
    const data = [
      ...rows(300, 200_000, { remote: 0 }),
      ...rows(300, 180_000, { remote: 100 }),
      ...rows(10, 60_000, { remote: 50 }),
    ];
    const m = trainModel(data, { trainedOn: "t", source: "t", lambda: 1 });
    const q = { role: "data-scientist", level: "senior", country: "US" } as const;
    const any = estimateSalary(m, q)?.estimate ?? 0;
    expect(any).toBeGreaterThan(180_000);
    expect(any).toBeLessThan(200_000);
  });

  it("answers from the role when no word of the title is known", () => {
    const m = trainModel(
      [...rows(300, 150_000, { title: "data scientist" }), ...rows(300, 90_000, { title: "data analyst" })],
      { trainedOn: "t", source: "t" },
    );
    const q = { role: "data-scientist", level: "senior", country: "US" } as const;
    expect(estimateSalary(m, { ...q, title: "zzzz qqqq" })?.estimate).toBe(estimateSalary(m, q)?.estimate);
  });

  it("prices pay in US dollars abroad above pay in the local currency, and a query without a currency at its country's mix", () => {
    const data = [
      ...rows(400, 150_000, { currency: "USD" }),
      ...rows(300, 70_000, { country: "GB", currency: "GBP" }),
      ...rows(100, 140_000, { country: "GB", currency: "USD" }),
      ...rows(200, 60_000, { country: "DE", currency: "EUR" }),
    ];
    const m = trainModel(data, { trainedOn: "t", source: "t", lambda: 1 });
    const q = { role: "data-scientist", level: "senior", country: "GB" } as const;
    const pounds = estimateSalary(m, { ...q, paidIn: "GBP" })?.estimate ?? 0;
    const dollars = estimateSalary(m, { ...q, paidIn: "usd" })?.estimate ?? 0;
    const unsaid = estimateSalary(m, q)?.estimate ?? 0;
    expect(pounds).toBeLessThan(85_000);
    expect(dollars).toBeGreaterThan(120_000);
    // three answers in four are paid in pounds: closer to them than to the dollar answers
    expect(unsaid).toBeGreaterThan(pounds);
    expect(unsaid).toBeLessThan((pounds + dollars) / 2);
    // a US query is paid in dollars either way
    const us = { ...q, country: "US" };
    expect(estimateSalary(m, us)?.estimate).toBe(estimateSalary(m, { ...us, paidIn: "USD" })?.estimate);
  });

  it("says which pay currency an estimate assumed", () => {
    const q = { role: "data-scientist", level: "senior", country: "gb" } as const;
    expect(estimateSalary(model, q)?.paidIn).toBeNull();
    expect(estimateSalary(model, { ...q, paidIn: "usd" })?.paidIn).toBe("USD");
    expect(paidInText(null, "gb")).toBe("the usual mix of pay currencies in GB");
    expect(paidInText("USD", "GB")).toBe("paid in USD");
  });

  describe("blend with the query's own title x level x country group", () => {
    // Two titles of one role in two countries: "research scientist" pays like "data scientist" in
    // the US but far more in DE. Title and country effects add up, so the linear model alone must
    // split the difference; only the DE research scientists' own group knows.
    const data = [
      ...rows(200, 150_000, { title: "data scientist" }),
      ...rows(200, 150_000, { title: "research scientist" }),
      ...rows(200, 90_000, { title: "data scientist", country: "DE" }),
      ...rows(200, 130_000, { title: "research scientist", country: "DE" }),
      ...rows(4, 200_000, { title: "research scientist", country: "FR" }),
      ...rows(200, 80_000, { title: "data scientist", country: "FR" }),
    ];
    const options = { trainedOn: "t", source: "t", lambda: 1 };
    const plain = trainModel(data, options);
    const blended = trainModel(data, { ...options, blend: 50 });
    const q = { role: "data-scientist", level: "senior", country: "DE", title: "Research Scientist" } as const;

    it("moves a well-filled group's estimate most of the way to its own median", () => {
      const without = estimateSalary(plain, q)?.estimate ?? 0;
      const withBlend = estimateSalary(blended, q)?.estimate ?? 0;
      expect(without).toBeLessThan(122_000);
      // 200 answers against 50 pseudo-answers: four fifths of the way to 130,000
      expect(withBlend).toBeGreaterThan(124_000);
      expect(withBlend).toBeLessThan(132_000);
      expect(blended.cells["t|research scientist|senior|DE"]?.shift).toBeGreaterThan(0.05);
      // the interval moves with the estimate
      const e = estimateSalary(blended, q);
      expect(e && e.low < e.estimate && e.estimate < e.high).toBe(true);
      expect(e).toMatchObject({ n: 200, cell: "research scientist / senior / DE" });
    });

    it("lets a group of four answers move the estimate only a little", () => {
      const fr = { ...q, country: "FR" };
      const without = estimateSalary(plain, fr)?.estimate ?? 0;
      const withBlend = estimateSalary(blended, fr)?.estimate ?? 0;
      expect(withBlend).toBeGreaterThan(without);
      expect(withBlend / without).toBeLessThan(1.1);
    });

    it("leaves queries without a title, and models without a blend, as they were", () => {
      const { title: _, ...untitled } = q;
      expect(estimateSalary(blended, untitled)?.estimate).toBe(estimateSalary(plain, untitled)?.estimate);
      expect(plain.blend).toBeUndefined();
      // only the title x level x country groups carry a shift
      expect(
        Object.keys(blended.cells)
          .filter((k) => blended.cells[k]?.shift !== undefined)
          .sort(),
      ).toEqual([
        "t|data scientist|senior|DE",
        "t|data scientist|senior|FR",
        "t|data scientist|senior|US",
        "t|research scientist|senior|DE",
        "t|research scientist|senior|FR",
        "t|research scientist|senior|US",
      ]);
    });
  });
});
