import { describe, expect, it } from "vitest";
import { byLevel, categoryName, clampedNumber, levelNote, payRange, plural, titleList, yearsText } from "./format.js";

describe("clampedNumber", () => {
  it("keeps an address's number within the control's range, whole (?hours=200 had asked the API for 200)", () => {
    expect(clampedNumber("200", 2, 40, 10)).toBe(40);
    expect(clampedNumber("-5", 2, 40, 10)).toBe(2);
    expect(clampedNumber("0", 2, 40, 10)).toBe(2);
    expect(clampedNumber("2.5", 2, 40, 10)).toBe(3);
    expect(clampedNumber("12", 2, 40, 10)).toBe(12);
  });

  it("falls back when there is no number", () => {
    for (const raw of [null, "", " ", "abc", "Infinity"]) expect(clampedNumber(raw, 2, 40, 10)).toBe(10);
  });
});

describe("plural", () => {
  it("writes thousands as people read them (a plan had read 1395 hours, an estimate 1006 survey records)", () => {
    expect(plural(1395, "hour")).toBe("1,395 hours");
    expect(plural(1006, "survey record")).toBe("1,006 survey records");
    expect(plural(1, "week")).toBe("1 week");
    expect(plural(8.3, "year")).toBe("8.3 years");
  });
});

describe("role facts", () => {
  it("says years once, and not after words that already say what they count", () => {
    expect(yearsText("2-5")).toBe("2-5 years");
    expect(yearsText("0-3 after PhD")).toBe("0-3 after PhD");
    expect(yearsText("12+ after PhD")).toBe("12+ after PhD");
  });

  it("keeps a title with a comma in it one title", () => {
    expect(titleList(["ML Engineer", "Software Engineer, Machine Learning"])).toBe(
      "ML Engineer · Software Engineer, Machine Learning",
    );
  });

  it("orders pay figures by level and names a level its label does not", () => {
    const figures = [
      { label: "BLS" },
      { label: "survey, all levels" },
      { label: "survey, entry", level: "entry" },
      { label: "survey, executive", level: "executive" },
      { label: "survey, mid", level: "mid" },
      { label: "survey, senior", level: "senior" },
    ];
    expect(byLevel([...figures].reverse()).map((f) => f.label)).toEqual([
      "survey, all levels",
      "BLS",
      "survey, entry",
      "survey, mid",
      "survey, senior",
      "survey, executive",
    ]);
    expect(levelNote("aijobs.net survey, full-time, US residents, 2024, entry", "entry")).toBeNull();
    expect(levelNote("Some other figure", "senior")).toBe("senior");
    expect(levelNote("BLS", undefined)).toBeNull();
  });
});

describe("categoryName", () => {
  it("names a skill's category in words, not by its id", () => {
    expect(categoryName("ml-concept")).toBe("machine learning concept");
    expect(categoryName("programming-language")).toBe("programming language");
    expect(categoryName("soft-skill")).toBe("soft skill");
    expect(categoryName("something-new")).toBe("something-new");
  });
});

describe("payRange", () => {
  it("writes a posting's stated pay, a single figure once", () => {
    expect(payRange({ min: 120000, max: 150000, currency: "USD", period: "year" })).toBe("$120,000 - $150,000 / year");
    expect(payRange({ min: 45, max: 45, currency: "USD", period: "hour" })).toBe("$45 / hour");
  });
});
