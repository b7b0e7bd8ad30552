import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { calendarDate, createPostingPreparer } from "./prepare.js";

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

  it("reads a day written in one order only, and Unix time; keeps no stand-in for a missing date", () => {
    // Each had been dropped without a word, or kept and counted in trends ("0001-01-01").
    expect(calendarDate("12/31/2025")).toBe("2025-12-31");
    expect(calendarDate("31/12/2025")).toBe("2025-12-31");
    expect(calendarDate("31.12.2025")).toBe("2025-12-31");
    expect(calendarDate(" 7/13/2024 ")).toBe("2024-07-13");
    expect(calendarDate("1733356800")).toBe("2024-12-05");
    expect(calendarDate("1733356800000")).toBe("2024-12-05");
    for (const none of [
      "05/06/2025",
      "31/31/2025",
      "0001-01-01",
      "1900-01-01",
      "2101-01-01",
      "yesterday",
      "99999999999",
    ])
      expect(calendarDate(none), none).toBeNull();
  });
});

describe("createPostingPreparer", () => {
  const prepare = createPostingPreparer(loadKnowledge(), new Date("2026-12-05T23:00:00Z"));
  const postedOn = (postedAt: string) =>
    prepare({ source: "t", title: "Data Analyst", description: "SQL and Tableau.", postedAt }).postedAt;

  it("keeps dates up to the day after today, and reads a later one as no date", () => {
    expect(postedOn("2026-12-05")).toBe("2026-12-05");
    // A board a time zone ahead is already on the next day.
    expect(postedOn("2026-12-06T08:00:00+14:00")).toBe("2026-12-06");
    expect(postedOn("2026-12-07")).toBeNull();
    expect(postedOn("2099-01-01")).toBeNull();
  });
});
