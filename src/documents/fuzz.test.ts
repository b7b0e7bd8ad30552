import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { fuzzText } from "../text/test-text.js";
import { findDateRanges, findOpenStart } from "./dates.js";
import { Profile } from "./profile.js";
import { createResumeReader } from "./resume.js";

const read = createResumeReader(loadKnowledge());

/** Resume-shaped pieces: headings, jobs in sentences, dates in many forms, degrees, exports' labels. */
const resumeText = fuzzText(
  [
    "Experience",
    "EDUCATION:",
    "E D U C A T I O N",
    "■ Skills",
    "Currently working as a Software Engineer in",
    "worked as",
    "associated with",
    "Acme Pvt Ltd,",
    "from July 2009",
    "since",
    "Jan 2020 - Present",
    "2019-2021",
    "03/2018 to 06/2020",
    "2005  Present",
    "Bachelor of Science",
    "PhD",
    "Python",
    "7 years of experience",
    "company - X",
    "description -",
    "   ",
  ],
  { maxLength: 400, maxPieces: 120 },
);

describe("the resume reader on random and adversarial text (property)", () => {
  it("never throws, and keeps its invariants", () => {
    fc.assert(
      fc.property(resumeText, (text) => {
        const p = read(text, { now: "2026-12", format: "text" });
        expect(Profile.safeParse(p).success).toBe(true);
        expect(p.years).toBeGreaterThanOrEqual(0);
        for (const s of p.skills)
          for (const m of s.mentions) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(text.length + 1);
            expect(m.start).toBeLessThan(m.end);
          }
        for (const e of p.experience) if (e.start && e.end && e.end !== "present") expect(e.end >= e.start).toBe(true);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it("the date readers never throw, and every range ends after it starts", () => {
    fc.assert(
      fc.property(resumeText, (text) => {
        for (const r of findDateRanges(text)) expect(r.end === "present" || r.end >= r.start).toBe(true);
        const start = findOpenStart(text);
        if (start !== undefined) expect(start).toMatch(/^\d{4}-\d{2}$/);
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });

  it("reads 2 MB of one-line text full of half-written jobs in linear time", () => {
    const text = `Experience:${"  Currently working as a Software Engineer in Acme from July 2009 worked as ".repeat(20_000)}${" ".repeat(100_000)}`;
    expect(text.length).toBeGreaterThan(1_500_000);
    // The test's time limit is the guard: a quadratic path takes minutes on this input.
    expect(read(text, { now: "2026-12", format: "text" }).experience.length).toBeGreaterThan(0);
  }, 60_000);

  it("reads 4 MB of repeated jobs under repeated headings in linear time", () => {
    // Each section scanned every line, and each mention every section and line: minutes on this.
    const job = "Experience\nSenior engineer at Acme 2019-2023 using Python, SQL, PyTorch, Kubernetes\n";
    const text = job.repeat(4_000_000 / job.length);
    const profile = read(text, { now: "2026-12", format: "text" });
    expect(profile.experience.length).toBeGreaterThan(40_000);
    expect(profile.skills.find((s) => s.id === "python")?.mentions[0]?.line).toContain("Senior engineer at Acme");
  }, 60_000);
});
