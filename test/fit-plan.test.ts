import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-fit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const mlpath = (args: string[]) => runCli(args, { home: tmp });
const SAMPLE = join(import.meta.dirname, "..", "samples", "resumes", "senior-data-scientist.pdf");
const EMPTY = join(import.meta.dirname, "fixtures", "encrypted.pdf");

describe("mlpath fit", () => {
  it("ranks every role with evidence as JSON", () => {
    const r = mlpath(["fit", "--json", SAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    const fits = JSON.parse(r.stdout) as { id: string; score: number; evidence: { status: string }[] }[];
    expect(fits).toHaveLength(17);
    expect(fits[0]?.id).toBe("data-scientist");
    expect(fits.map((f) => f.score)).toEqual([...fits.map((f) => f.score)].sort((a, b) => b - a));
    expect(fits[0]?.evidence.some((e) => e.status === "met")).toBe(true);
  });

  it("explains the score in text", () => {
    const r = mlpath(["fit", SAMPLE, "--role", "data-analyst", "--explain"]);
    expect(r.code).toBe(0);
    for (const part of ["Why Data Analyst scores", "✓ met", "How the score is made", "education", "experience"])
      expect(r.stdout).toContain(part);
  });

  it("suggests the nearest role for a typo", () => {
    const r = mlpath(["fit", SAMPLE, "--role", "data-scienist"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('did you mean "data-scientist"');
  });
});

describe("mlpath plan", () => {
  it("writes a dated plan as JSON that adds up", () => {
    const r = mlpath([
      "plan",
      "--json",
      SAMPLE,
      "--role",
      "ml-engineer",
      "--hours-per-week",
      "12",
      "--start",
      "2027-01-04",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({ role: { id: "ml-engineer" }, hoursPerWeek: 12, start: "2027-01-04" });
    expect(plan.weeks).toBe(Math.ceil(plan.totalHours / 12));
    expect(plan.milestones.at(-1).id).toBe("job-search");
  });

  it("writes Markdown and iCalendar", () => {
    const md = mlpath(["plan", SAMPLE, "--role", "ml-engineer", "--format", "md", "--start", "2027-01-04"]);
    expect(md.stdout).toMatch(/^# Plan: Machine Learning Engineer/);
    expect(md.stdout).toContain("- [ ] ");
    const ics = mlpath(["plan", SAMPLE, "--role", "ml-engineer", "--format", "ics", "--start", "2027-01-04"]);
    expect(ics.stdout.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.stdout).toContain("BEGIN:VEVENT");
  });

  it.each([
    ["plan", ["--hours-per-week", "0"], /--hours-per-week must be a number from 1 to 100/],
    // 1e-300 passed as above 0 and crashed on an invalid end date; 0.001 planned 630,000 weeks.
    ["plan", ["--hours-per-week", "1e-300"], /--hours-per-week must be/],
    ["plan", ["--hours-per-week", "0.5"], /--hours-per-week must be/],
    ["plan", ["--start", "9999-12-31"], /--start must be a date as YYYY-MM-DD between 1970 and 2100/],
    ["plan", ["--hours-per-week", "101"], /--hours-per-week must be/],
    ["plan", ["--hours-per-week", "lots"], /--hours-per-week must be/],
    ["plan", ["--start", "2027-02-30"], /--start must be a date/],
    ["plan", ["--role", "astronaut"], /unknown role id "astronaut"/],
    // An empty --role planned for the best fit in plan, and suggested the first role in fit.
    ["plan", ["--role", ""], /the role id is empty/],
    ["fit", ["--role", ""], /the role id is empty/],
    // Hex had been read as a number: 0x2 listed two roles, 0x10 planned at 16 hours a week.
    ["fit", ["--top", "0x2"], /--top must be a whole number/],
    ["plan", ["--hours-per-week", "0x10"], /--hours-per-week must be/],
    // --json had won over the document asked for.
    ["plan", ["--format", "md", "--json"], /--json and --format md ask for two outputs/],
    // fit listed one role for -1 and all of them for "abc", and --json let any --role through.
    ["fit", ["--top", "-1"], /--top must be a whole number from 1 to 500/],
    ["fit", ["--top", "abc"], /--top must be a whole number/],
    ["fit", ["--role", "astronaut", "--json"], /unknown role id "astronaut"/],
  ])("%s refuses %j", (command, args, message) => {
    const r = mlpath([command as string, SAMPLE, ...(args as string[])]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message as RegExp);
    expect(hasStack(r.stderr)).toBe(false);
  });

  it("says what is wrong with a .json path that is missing, a folder or too large", () => {
    const folder = join(tmp, "folder.json");
    mkdirSync(folder);
    const huge = join(tmp, "huge.json");
    writeFileSync(huge, "");
    truncateSync(huge, 64 * 1024 * 1024);
    for (const [path, says, code] of [
      [join(tmp, "missing.json"), "no such file", 3],
      [folder, "folder", 2],
      [huge, "too large", 2],
    ] as const) {
      const r = mlpath(["fit", path]);
      expect(r.code, path).toBe(code);
      expect(r.stderr.toLowerCase()).toContain(says);
      expect(r.stderr).not.toContain("unexpected error");
      expect(hasStack(r.stderr)).toBe(false);
    }
  });

  it("refuses a resume it cannot read anything from", () => {
    const r = mlpath(["plan", EMPTY]);
    expect(r.code).not.toBe(0);
    expect(hasStack(r.stderr)).toBe(false);
  });
});

describe("mlpath demo", () => {
  it("refuses a persona that is not one of the four (9 had shown the fourth, abc the third)", () => {
    for (const persona of ["9", "0", "abc"]) {
      const r = mlpath(["demo", "--persona", persona, "--db", join(tmp, "db-persona")]);
      expect(r.code, persona).toBe(2);
      expect(r.stderr).toContain("--persona must be a whole number from 1 to 4");
    }
  });

  it("reads the samples, ranks roles and plans, on the embedded store", () => {
    const r = mlpath(["demo", "--db", join(tmp, "db")]);
    expect(r.code, r.stderr).toBe(0);
    for (const part of [
      "Best-fitting roles per sample resume",
      "senior-data-scientist.pdf",
      "Evidence for",
      "Plan to become",
      "store: pglite",
    ]) {
      expect(r.stdout).toContain(part);
    }
  }, 120_000);
});
