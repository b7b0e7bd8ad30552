import { describe, expect, it } from "vitest";
import { money, payRange } from "./money.js";

describe("money and payRange", () => {
  it("write pay as people read it, a single figure once", () => {
    expect(money(140000, "USD", "year")).toBe("$140,000 / year");
    expect(money(52000, "GBP")).toBe("£52,000");
    expect(money(90000, "XYZ", "year")).toMatch(/^XYZ\s90,000 \/ year$/);
    expect(payRange({ min: 120000, max: 150000, currency: "USD", period: "year" })).toBe("$120,000 - $150,000 / year");
    expect(payRange({ min: 45, max: 45, currency: "USD", period: "hour" })).toBe("$45 / hour");
  });
});
