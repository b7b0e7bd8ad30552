import { mkdtempSync, rmSync } from "node:fs";
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
    [["market", "skills", "--since", ""], /^mlpath: --since must be YYYY-MM-DD/],
    [["market", "skills", "--trend", ""], /^mlpath: --trend must be YYYY-MM-DD/],
    [
      ["salary", "--role", "ml-engineer", "--level", "mid", "--country", "US", "--currency", " "],
      /^mlpath: --currency is empty/,
    ],
  ])("%j is refused as bad input", (args, message) => {
    const r = mlpath(args, "ML Engineer\nPython and SQL\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(hasStack(r.stderr)).toBe(false);
  });
});
