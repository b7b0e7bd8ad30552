import { describe, expect, it } from "vitest";
import { countryCode, readLocation } from "./location.js";

describe("countryCode", () => {
  it("reads a country's code in any case, UK as GB, and refuses codes that name no country", () => {
    expect(countryCode("us")).toBe("US");
    expect(countryCode(" de ")).toBe("DE");
    expect(countryCode("UK")).toBe("GB");
    for (const bad of ["ZZ", "XX", "EU", "USA", "", "1A"]) expect(countryCode(bad)).toBeUndefined();
  });

  it("takes the 249 ISO 3166-1 codes and Kosovo's XK, not test locales, reserved or withdrawn codes", () => {
    const letters = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
    const accepted = letters.flatMap((a) => letters.map((b) => a + b)).filter((c) => countryCode(c) === c);
    expect(accepted).toHaveLength(250);
    expect(accepted).toContain("XK");
    // Before, each of these was taken as a country and a search under it found nothing.
    for (const bad of ["XA", "XB", "AC", "TA", "IC", "EA", "CP", "DG", "CQ", "AN", "SU", "YU", "DD"])
      expect(countryCode(bad)).toBeUndefined();
  });

  it("agrees with the codes locations are stored under", () => {
    expect(readLocation("Remote - UK", "Data Analyst", "").country).toBe(countryCode("uk"));
  });
});
