import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-profile-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const mlpath = (args: string[]) => runCli([...args, "--db", join(tmp, "db")], { home: tmp });
const resume = join(import.meta.dirname, "..", "samples", "resumes", "new-graduate.pdf");

describe("mlpath profile", () => {
  it("saves a resume's profile, uses it as profile:ID, and deletes it", () => {
    const saved = mlpath(["profile", "save", resume, "--name", "my cv", "--json"]);
    expect(saved.code, saved.stderr).toBe(0);
    const { id } = JSON.parse(saved.stdout);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    const list = JSON.parse(mlpath(["profile", "list", "--json"]).stdout);
    expect(list).toEqual([expect.objectContaining({ id, name: "my cv" })]);
    const fromFile = JSON.parse(runCli(["fit", resume, "--json"], { home: tmp }).stdout);
    const fromSaved = mlpath(["fit", `profile:${id}`, "--json"]);
    expect(fromSaved.code, fromSaved.stderr).toBe(0);
    expect(JSON.parse(fromSaved.stdout).map((f: { id: string }) => f.id)).toEqual(
      fromFile.map((f: { id: string }) => f.id),
    );
    expect(mlpath(["profile", "show", id]).stdout).toContain("years of professional experience");
    expect(mlpath(["profile", "delete", `profile:${id}`]).code).toBe(0);
    expect(JSON.parse(mlpath(["profile", "list", "--json"]).stdout)).toEqual([]);
    const gone = mlpath(["fit", `profile:${id}`]);
    expect(gone.code).toBe(3);
    expect(gone.stderr).toContain(`no saved profile "${id}"`);
    expect(hasStack(gone.stderr)).toBe(false);
    expect(mlpath(["profile", "delete", id]).code).toBe(3);
  }, 90_000);

  it('names a profile read from stdin by the name on the resume, not "-"', () => {
    const fromStdin = (input: string) =>
      runCli(["profile", "save", "-", "--json", "--db", join(tmp, "stdin-db")], { home: tmp, input });
    const named = fromStdin("Jane Doe\n\nSkills\nPython, SQL\n");
    expect(named.code, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout).name).toBe("Jane Doe");
    const unnamed = fromStdin("Skills\nPython, SQL\n");
    expect(unnamed.code, unnamed.stderr).toBe(0);
    expect(JSON.parse(unnamed.stdout).name).toBe("resume read from stdin");
  }, 60_000);

  it("names a saved profile as the API does, and prints the name as one plain line", () => {
    // "" had been saved, 5,000 characters cut to 200 without a word, and escape codes printed raw.
    for (const [name, says] of [
      ["", "--name must not be empty"],
      ["x".repeat(5000), "--name is 5000 characters; at most 200"],
    ]) {
      const r = mlpath(["profile", "save", resume, "--name", name as string]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(says);
    }
    const saved = mlpath(["profile", "save", resume, "--name", "\u001b[31mred\nline\u0007"]);
    expect(saved.code, saved.stderr).toBe(0);
    const list = mlpath(["profile", "list"]);
    expect(list.stdout).not.toContain("\u001b");
    expect(list.stdout).toContain("\\u001b[31mred line\\u0007");
  }, 90_000);
});
