import { describe, expect, it } from "vitest";
import { estimateSalary, type SalaryRow, trainModel } from "./salary-model.js";

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
      "prompt-engineer / senior / US / remote 100",
      "prompt-engineer / senior / US",
      "prompt-engineer / senior / all countries",
    ]);
  });

  it("returns null from an empty model", () => {
    expect(
      estimateSalary(trainModel([], { trainedOn: "", source: "" }), { role: "x", level: "mid", country: "US" }),
    ).toBeNull();
  });
});
