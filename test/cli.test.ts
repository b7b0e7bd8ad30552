import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CORE_ROLE_IDS } from "../src/knowledge/schema.js";
import { hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const mlpath = (args: string[], env: Record<string, string> = {}) => runCli(args, { env, home: tmp });

const noStack = (stderr: string) => expect(hasStack(stderr)).toBe(false);

describe("mlpath CLI", () => {
  it("prints help and version", () => {
    const help = mlpath(["--help"]);
    expect(help.code).toBe(0);
    for (const cmd of ["roles", "role", "skills", "store"]) expect(help.stdout).toContain(cmd);
    expect(mlpath(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("lists every design role id with --json", () => {
    const r = mlpath(["roles", "--json"]);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining([...CORE_ROLE_IDS]));
  });

  it("lists the roles' pay with the survey's and the occupation's medians apart", () => {
    const r = mlpath(["roles"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/survey median\s+occupation median\s+growth/);
    // One column had mixed the two sources, so a survey figure stood beside official ones.
    expect(r.stdout).toMatch(/^data-engineer\s+Data Engineer\s+\$[\d,]+\s+-\s+-$/m);
    expect(r.stdout).toMatch(/^data-scientist\s+Data Scientist\s+\$[\d,]+\s+\$[\d,]+\s+\+\d+%/m);
    expect(r.stdout).toContain("U.S. Bureau of Labor Statistics");
  });

  it("shows a readable role card with sources", () => {
    const r = mlpath(["role", "data-scientist"]);
    expect(r.code).toBe(0);
    for (const part of ["Duties", "Required skills", "Education routes", "Pay", "source:"])
      expect(r.stdout).toContain(part);
  });

  it("returns one role as JSON", () => {
    const r = mlpath(["role", "ml-engineer", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: "ml-engineer", skills: { required: expect.any(Array) } });
  });

  it("fails on an unknown role with one line and a hint, no stack", () => {
    const r = mlpath(["role", "astronaut"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe('mlpath: unknown role id "astronaut"');
    noStack(r.stderr);
  });

  it("returns at least 400 skills, each with aliases and a category", () => {
    const r = mlpath(["skills", "--json"]);
    const skills = JSON.parse(r.stdout) as { id: string; category: string; aliases: string[] }[];
    expect(skills.length).toBeGreaterThanOrEqual(400);
    for (const s of skills) {
      expect(typeof s.category).toBe("string");
      expect(Array.isArray(s.aliases)).toBe(true);
    }
  });

  it("searches skills by alias", () => {
    const r = mlpath(["skills", "sklearn"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toMatch(/^scikit-learn\s/);
    expect(JSON.parse(mlpath(["skills", "k8s", "--json"]).stdout)[0].id).toBe("kubernetes");
  });

  it("rejects an unknown category through the CLI parser", () => {
    const r = mlpath(["skills", "--category", "astrology"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("astrology");
  });

  it("names the file and field of a malformed knowledge pack, with a non-zero exit", () => {
    const dir = join(tmp, "knowledge");
    cpSync(join(import.meta.dirname, "..", "knowledge"), dir, { recursive: true });
    writeFileSync(join(dir, "skills", "zz-broken.yaml"), "skills:\n  - id: Bad Id\n    name: x\n");
    const r = mlpath(["--knowledge", dir, "roles"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/zz-broken\.yaml: skills\[0\]\.id: must be kebab-case/);
    noStack(r.stderr);
    const viaEnv = mlpath(["skills"], { MLPATH_KNOWLEDGE: dir });
    expect(viaEnv.code).toBe(4);
  });

  it("creates, migrates and reports the embedded store", () => {
    const db = join(tmp, "db");
    const r = mlpath(["store", "status", "--json", "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout);
    expect(status).toMatchObject({ kind: "pglite", location: db });
    expect(status.migrations[0]).toMatchObject({ version: "0001", name: "init" });
    expect(mlpath(["store", "status"], { MLPATH_DB: db }).stdout).toContain(`pglite at ${db}`);
  }, 120_000);

  it("reports an unreachable PostgreSQL server in one line", () => {
    const r = mlpath(["store", "status"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^mlpath: could not connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
    noStack(r.stderr);
  });

  it("rejects a malformed DATABASE_URL", () => {
    const r = mlpath(["roles"], { DATABASE_URL: "mysql://x" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DATABASE_URL");
  });
});
