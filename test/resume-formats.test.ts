import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createResumeFileReader } from "../src/documents/read-resume.js";
import { loadKnowledge } from "../src/knowledge/load.js";

/**
 * The sample resumes are one source rendered five ways (scripts/build-samples.ts); whichever
 * format a person has, mlpath must read the same skills and the same jobs from it.
 */
const SAMPLES = join(import.meta.dirname, "..", "samples", "resumes");
const PERSONAS = ["career-changer", "new-graduate", "software-engineer", "senior-data-scientist"];
const FORMATS = [".txt", ".md", ".docx", ".pdf", "-two-column.pdf"];
const reader = createResumeFileReader(loadKnowledge());

describe.each(PERSONAS)("sample resume %s", (persona) => {
  it("gives the same name, headline, skills, jobs, education, projects and years in every format", async () => {
    const profiles = await Promise.all(FORMATS.map((f) => reader.fromFile(join(SAMPLES, `${persona}${f}`), "2026-11")));
    const [first, ...rest] = profiles.map((p) => ({
      name: p.contact.name,
      email: p.contact.email,
      // The two-column PDFs' narrow columns wrap organisations and institutions onto a second
      // line, and set the headline across both columns.
      headline: p.headline,
      skills: p.skills.map((s) => s.id).sort(),
      jobs: p.experience.map((e) => [e.title, e.organisation, e.start, e.end]),
      years: p.years,
      degrees: p.education.map((e) => [e.level, e.field, e.institution]),
      // A PDF loses its bullets: a lone project's duties had each started a project.
      projects: p.projects.map((x) => [x.name, x.description]),
      certifications: p.certifications,
    }));
    expect(first?.jobs.length).toBeGreaterThan(0);
    for (const [i, other] of rest.entries()) expect(other, FORMATS[i + 1]).toEqual(first);
    expect(profiles[4]?.document.columns).toContain(2);
    expect(profiles[3]?.document.columns).not.toContain(2);
  });

  it("reads the JSON Resume source into the same jobs", async () => {
    const fromJson = await reader.fromBytes(
      readFileSync(join(SAMPLES, "source", `${persona}.json`)),
      persona,
      "2026-11",
    );
    const fromText = await reader.fromFile(join(SAMPLES, `${persona}.txt`), "2026-11");
    expect(fromJson.document.format).toBe("jsonresume");
    expect(fromJson.experience.map((e) => [e.title, e.start, e.end])).toEqual(
      fromText.experience.map((e) => [e.title, e.start, e.end]),
    );
    expect(fromJson.years).toBe(fromText.years);
  });
});

it("counts the senior data scientist's overlapping part-time job once", async () => {
  const p = await reader.fromFile(join(SAMPLES, "senior-data-scientist.pdf"), "2026-11");
  expect(p.experience).toHaveLength(5);
  // Aug 2014 to Nov 2026 without a gap, although the jobs add up to about 16 years.
  expect(p.years).toBe(12.3);
  expect(p.experience[0]?.roleId).toBe("data-scientist");
});
