import { describe, expect, it } from "vitest";
import { calendarDate } from "./prepare.js";

describe("calendarDate", () => {
  it("keeps the day a date string starts with", () => {
    expect(calendarDate("2026-03-01")).toBe("2026-03-01");
    expect(calendarDate("2024-02-29T10:00:00Z")).toBe("2024-02-29");
    expect(calendarDate("2000-02-29")).toBe("2000-02-29");
  });

  it("drops what is no day of the calendar, which the store would refuse", () => {
    for (const bad of [
      "0000-00-00",
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2025-02-29",
      "1900-02-29",
      "2026-04-31",
    ])
      expect(calendarDate(bad), bad).toBeNull();
    expect(calendarDate("March 2026")).toBeNull();
    expect(calendarDate(undefined)).toBeNull();
  });
});
