import { describe, expect, it } from "vitest";
import { filtered } from "./job-filters.js";

describe("filtered", () => {
  const none = { role: "", remote: false, country: "", minSalary: "", query: "" };

  it("is false with no filter set, blanks included, and true with any one", () => {
    expect(filtered(none)).toBe(false);
    expect(filtered({ ...none, country: "  ", query: " " })).toBe(false);
    for (const one of [
      { role: "ml-engineer" },
      { remote: true },
      { country: "US" },
      { minSalary: "0" },
      { query: "nlp" },
    ])
      expect(filtered({ ...none, ...one }), JSON.stringify(one)).toBe(true);
  });
});
