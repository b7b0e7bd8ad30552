import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-options-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RESUME = join(import.meta.dirname, "..", "samples", "resumes", "new-graduate.txt");
const mlpath = (args: string[], input?: string) =>
  runCli(args, { env: { MLPATH_DB: join(tmp, "db") }, home: tmp, ...(input !== undefined ? { input } : {}) });

describe("an option given an empty value", () => {
  // Each had been taken as left out: the command ran without it and exited 0.
  it.each([
    [["extract", "--jsonl", ""], /^mlpath: --jsonl needs a file/],
    [["plan", RESUME, "--start", ""], /^mlpath: --start must be a date/],
    [["market", "skills", "--since", ""], /^mlpath: --since must be a real date as YYYY-MM-DD/],
    [["market", "skills", "--trend", ""], /^mlpath: --trend must be a real date as YYYY-MM-DD/],
    [
      ["salary", "--role", "ml-engineer", "--level", "mid", "--country", "US", "--currency", " "],
      /^mlpath: --currency is empty/,
    ],
    // A pasted text had been echoed back whole in the estimate's notes.
    [
      ["salary", "--role", "ml-engineer", "--level", "mid", "--country", "US", "--title", "data ".repeat(41)],
      /^mlpath: --title is 205 characters long; a job title has at most 200/,
    ],
  ])("%j is refused as bad input", (args, message) => {
    const r = mlpath(args, "ML Engineer\nPython and SQL\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(hasStack(r.stderr)).toBe(false);
  });
});

describe("text from a resume or posting in the terminal", () => {
  // Escape codes in a resume's name or a posting's line had set the window title and cleared the screen.
  const resume =
    "Jane \u001b]0;pwned\u0007Doe\u001b[2J\nSenior ML Engineer\n\nExperience\nML Engineer, Acme\u001b[5m Corp 2020 - 2023\n- Built Python and PyTorch models\n\nSkills\nPython, SQL, \u001b[1mDocker\n";
  it.each([
    ["resume", "-"],
    ["fit", "-"],
    ["extract", "-"],
  ])("%s shows escape codes as text", (...args) => {
    const r = mlpath(args, resume);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain("\\u001b");
  });
});

describe("a bad option to a command that reads the store", () => {
  it("is refused before the store is made", () => {
    const db = join(tmp, "never-made");
    const r = runCli(["market", "salaries", "--country", "usa"], { env: { MLPATH_DB: db }, home: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mlpath: --country must be a country's two-letter code/);
    expect(existsSync(db)).toBe(false);
  });
});

it("names stdin as stdin when nothing could be read from it", () => {
  const r = mlpath(["fit", "-"], "null\n");
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^mlpath: stdin: no skills or experience could be read/);
});

describe("a usage error", () => {
  // Every one had pointed at `mlpath --help`, which lists none of a command's options.
  it.each([
    [["salary", "--role", "ml-engineer", "--country", "US"], "mlpath salary --help"],
    [["jobs", "search", "--top", "3"], "mlpath jobs search --help"],
    [["plan", RESUME, "--format", "pdf"], "mlpath plan --help"],
    [["no-such-command"], "mlpath --help"],
  ])("%j points at the help of the command it was given to", (args, help) => {
    const r = mlpath(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(run \`${help}\` for usage)`);
  });
});

describe("the help of each command that reads a resume", () => {
  // Each had listed its own subset of the formats they all read: none Markdown, plan and jobs search none.
  it.each(["fit", "plan", "jobs search", "profile save", "resume"])("%s --help names every format", (command) => {
    const help = mlpath([...command.split(" "), "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toContain("PDF, DOCX, text, Markdown, JSON Resume or LinkedIn export ZIP");
  });
});

it("salary --help says which options it cannot do without, and what the others default to", () => {
  const help = mlpath(["salary", "--help"]).stdout.replace(/\s+/g, " ");
  for (const option of ["--role <id>", "--level <level>", "--country <cc>"])
    expect(help).toMatch(new RegExp(`${option} [^-]*\\(required\\)`));
  expect(help).toMatch(/--remote <ratio> share of remote work \(default: any\)/);
  expect(help).toMatch(/\(default: USD\)/);
});

it("ingest --help shows no empty list as the default of --source", () => {
  expect(mlpath(["ingest", "--help"]).stdout).not.toContain("(default: [])");
});

it("an option that filters postings is described alike in every command", () => {
  // market salaries had said "one role" and "one country" where the others say which postings they keep.
  const described = (command: string[], option: string) =>
    mlpath([...command, "--help"])
      .stdout.replace(/\s+/g, " ")
      .match(new RegExp(`${option} (only [^(]*)`))?.[1];
  for (const command of [
    ["market", "skills"],
    ["market", "industries"],
    ["market", "salaries"],
  ])
    expect(described(command, "--role <id>")).toMatch(/^only postings read as this role/);
  expect(described(["market", "salaries"], "--country <cc>")).toMatch(/^only postings in this country /);
});
