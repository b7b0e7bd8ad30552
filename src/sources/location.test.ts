import { describe, expect, it } from "vitest";
import { countryCode, readLocation } from "./location.js";

describe("countryCode", () => {
  it("reads a country's code in any case, UK as GB, and refuses codes that name no country", () => {
    expect(countryCode("us")).toBe("US");
    expect(countryCode(" de ")).toBe("DE");
    expect(countryCode("UK")).toBe("GB");
    for (const bad of ["ZZ", "XX", "EU", "USA", "", "1A"]) expect(countryCode(bad)).toBeUndefined();
  });

  it("agrees with the codes locations are stored under", () => {
    expect(readLocation("Remote - UK", "Data Analyst", "").country).toBe(countryCode("uk"));
  });
});
