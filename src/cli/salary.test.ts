import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.js";
import { parsePaidIn } from "./salary.js";

describe("--paid-in", () => {
  it("takes a three-letter currency code in any case, as upper case", () => {
    expect(parsePaidIn("USD")).toBe("USD");
    expect(parsePaidIn("gbp")).toBe("GBP");
    expect(parsePaidIn("eUr")).toBe("EUR");
  });

  it("leaves a missing option to the country's usual mix", () => {
    expect(parsePaidIn(undefined)).toBeUndefined();
  });

  // "FOO" and "abc" are three letters that name no currency: they were taken as "not dollars".
  it.each(["dollars", "US", "USDX", "", " usd", "U$D", "840", "FOO", "abc"])(
    "refuses %j, saying what it accepts",
    (value) => {
      let error: unknown;
      try {
        parsePaidIn(value);
      } catch (e) {
        error = e;
      }
      expect(isAppError(error) && error.code).toBe("INVALID_INPUT");
      expect(isAppError(error) && error.message).toBe(`--paid-in "${value}" is not a currency code`);
      expect(isAppError(error) && error.hint).toMatch(/three-letter ISO 4217 currency code, any case: USD, EUR, GBP/);
    },
  );
});
