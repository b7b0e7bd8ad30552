import { describe, expect, it } from "vitest";
import { money } from "./money.js";

describe("money", () => {
  it("writes the currency's symbol, whole units and the period", () => {
    expect(money(140000, "USD", "year")).toBe("$140,000 / year");
    expect(money(45000.6, "GBP")).toBe("£45,001");
  });

  it("still shows the amount of a currency code Intl does not know", () => {
    expect(money(1200, "usd1", "month")).toBe("1,200 usd1 / month");
  });
});
