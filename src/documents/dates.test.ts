import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDateRanges, findOpenStart, isIsoDate, isMonthWord, monthsCovered, restoreRangeDashes } from "./dates.js";

const ranges = (text: string) => findDateRanges(text).map((r) => [r.start, r.end]);

describe("findDateRanges", () => {
  it.each([
    ["Jan 2020 - Present", [["2020-01", "present"]]],
    ["2019-2021", [["2019-01", "2021-12"]]],
    ["03/2018 to 06/2020", [["2018-03", "2020-06"]]],
    ["January 2020 – March 2022", [["2020-01", "2022-03"]]],
    ["Sept. 2015 — Aug. 2017", [["2015-09", "2017-08"]]],
    ["2021-04 - 2023-10", [["2021-04", "2023-10"]]],
    ["mars 2019 - aujourd'hui", [["2019-03", "present"]]],
    ["Oct 2019 – current", [["2019-10", "present"]]],
  ])("reads %s", (text, expected) => {
    expect(ranges(text)).toEqual(expected);
  });

  it("ignores ranges that run backwards and numbers that are not dates", () => {
    expect(ranges("2021 - 2019")).toEqual([]);
    // Asked for, a backwards range is found and marked, for a reader to say what it left out.
    expect(findDateRanges("Analyst 2021 - 2019", { backwards: true })).toEqual([
      { start: "2021-01", end: "2019-12", text: "2021 - 2019", index: 8, backwards: true },
    ]);
    expect(ranges("salary 120-150k, team of 5-10")).toEqual([]);
  });
});

describe("restoreRangeDashes", () => {
  it("gives a range whose dash was lost in a flattened export its dash back", () => {
    expect(restoreRangeDashes("EXPERIENCE  2015  Present Associate Professor  2009  2015  Assistant")).toBe(
      "EXPERIENCE  2015 - Present Associate Professor  2009 - 2015  Assistant",
    );
    expect(restoreRangeDashes("Jan 2015   Mar 2017  Analyst")).toBe("Jan 2015 - Mar 2017  Analyst");
    expect(restoreRangeDashes("Team Lead  (March 2008  To date)  Duties")).toBe(
      "Team Lead  (March 2008 To date)  Duties",
    );
    expect(findDateRanges(restoreRangeDashes("2001  2005: Assistant Producer"))[0]).toMatchObject({
      start: "2001-01",
      end: "2005-12",
    });
  });

  it("stays linear on long runs of spaces after a month", () => {
    const text = `Experience  May${" ".repeat(200_000)}x`;
    const started = performance.now();
    expect(restoreRangeDashes(text)).toBe(text);
    expect(findDateRanges(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("leaves years that are not a range alone", () => {
    for (const text of [
      "Graduated  2018  Date of Birth",
      "Passing Year  2019  Current Location",
      "2001    Ph.D., University of Texas",
      "Class of 2019  20 students",
      "2019 2020",
      "20150  2016",
    ])
      expect(restoreRangeDashes(text)).toBe(text);
  });
});

describe("findOpenStart", () => {
  it("reads the start of a job that has no end: from or since a date", () => {
    expect(findOpenStart(" in Acme from July 2009.")).toBe("2009-07");
    expect(findOpenStart("since 2019")).toBe("2019-01");
    expect(findOpenStart("for two years")).toBeUndefined();
  });
});

describe("monthsCovered", () => {
  it("counts overlapping months once and stops open ranges at now", () => {
    const r = [
      { start: "2020-01", end: "2020-12" },
      { start: "2020-07", end: "2021-06" },
      { start: "2022-01", end: "present" as const },
    ];
    expect(monthsCovered(r, "2022-12")).toBe(18 + 12);
  });

  it("counts what a set of months counts, for any ranges (property)", () => {
    const bySet = (rs: { start: string; end: string }[], now: string) => {
      const months = new Set<number>();
      const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
      for (const r of rs) {
        const from = index(r.start);
        const to = index(r.end === "present" ? now : r.end < now ? r.end : now);
        for (let i = from; i <= to && i - from < 12 * 60; i++) months.add(i);
      }
      return months.size;
    };
    const ym = fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
    const range = fc.record({ start: ym, end: fc.oneof(ym, fc.constant("present")) });
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), ym, (rs, now) => monthsCovered(rs, now) === bySet(rs, now)),
      { seed: 20261205, numRuns: 2000 },
    );
  });

  it("counts thousands of identical ranges once", () => {
    const many = Array.from({ length: 8300 }, () => ({ start: "1970-01", end: "present" as const }));
    expect(monthsCovered(many, "2026-12")).toBe(12 * 57);
  });
});

describe("isIsoDate", () => {
  it("takes real days and refuses year 0000, which PostgreSQL lacks (it had been a 500)", () => {
    expect(["2026-02-28", "0001-01-01", "2024-02-29"].every(isIsoDate)).toBe(true);
    expect(["0000-01-01", "2026-02-30", "2026-13-01", "26-01-01", ""].some(isIsoDate)).toBe(false);
  });
});

describe("isMonthWord", () => {
  it("knows a month in the forms date ranges read, and nothing longer", () => {
    for (const w of ["Jan", "january", "Sept", "SEPTEMBER", "mars", "Dez", "juin"])
      expect(isMonthWord(w), w).toBe(true);
    for (const w of ["Marketing", "Mayor", "Decade", "Junior", "Augustine", "an"])
      expect(isMonthWord(w), w).toBe(false);
  });
});
