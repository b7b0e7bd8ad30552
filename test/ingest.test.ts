import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-ingest-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const db = join(tmp, "db");
const mlpath = (args: string[], dbPath = db) => runCli([...args, "--db", dbPath], { home: tmp });
const file = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const body = (topic: string, n: number) =>
  `We are looking for an engineer to work on ${topic}. You will build models in Python and SQL, deploy them with Docker, and work with product teams. Posting number ${n} of our hiring plan, with its own details about team ${n % 7} and project ${n}.`;

describe("mlpath ingest", () => {
  it("ingests a CSV, reports bad rows, and adds nothing on a second run", () => {
    const csv = file(
      "postings.csv",
      Buffer.concat([
        Buffer.from("\uFEFFid,title,company,location,description\r\n"),
        Buffer.from(`1,Data Scientist,Acme,"Austin, TX","${body("churn models", 1)}"\r\n`),
        Buffer.from(`2,ML Engineer,Globex,Remote,"${body("ranking", 2)}"\r\n`),
        Buffer.from("3,Data Analyst,Initech,London,\r\n"),
        Buffer.from(
          "4,Caf\xe9 Analyst,Hooli,Paris,Tableau dashboards and SQL reports for the caf\xe9 chain\r\n",
          "latin1",
        ),
      ]),
    );
    const first = mlpath(["ingest", "--json", csv]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      read: 4,
      inserted: 3,
      duplicates: 0,
      skipped: 0,
      errors: 1,
      undated: 3,
      errorReasons: { "empty description": 1 },
      failedSources: [],
    });
    expect(first.stderr).toContain("1 rows skipped: 1 empty description");
    // The reposts the command names, in its JSON too (only total and unique had been given).
    expect(JSON.parse(mlpath(["jobs", "stats", "--json"]).stdout)).toEqual({ total: 3, unique: 3, reposts: 0 });
    const again = mlpath(["ingest", "--json", csv]);
    expect(JSON.parse(again.stdout)).toEqual({
      read: 4,
      inserted: 0,
      duplicates: 0,
      skipped: 3,
      errors: 1,
      // Nothing new was stored, so nothing new is undated (the re-run had said 3 again).
      undated: 0,
      errorReasons: { "empty description": 1 },
      failedSources: [],
    });
    // A file named twice, the second time by another path, is read once: it had been read twice,
    // every posting counted again as already stored.
    const twice = mlpath(["ingest", "--json", csv, `${tmp}/./postings.csv`]);
    expect(JSON.parse(twice.stdout)).toMatchObject({ read: 4, skipped: 3, errors: 1 });
    // So is a file named once through a symbolic link and once by its own name: compared as
    // spelled, it had been read twice. Its rows are named by the link, the spelling given first.
    symlinkSync(csv, join(tmp, "linked.csv"));
    const linked = mlpath(["ingest", "--json", join(tmp, "linked.csv"), csv]);
    expect(JSON.parse(linked.stdout)).toMatchObject({ read: 4, inserted: 0, errors: 1 });
    expect(linked.stderr).toContain("linked.csv");
    expect(linked.stderr).not.toContain("postings.csv");
    // Named as first given: a missing file given twice had been reported by its second spelling.
    const missing = runCli(["ingest", "missing.csv", "./missing.csv", "--db", db], { home: tmp, cwd: tmp });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^mlpath: missing\.csv[: ]/m);
    expect(missing.stderr).not.toContain("./missing.csv");
    // "-" is stdin, which ingest refuses, even beside a file named "-".
    file("-", "title,description\nAnalyst,SQL\n");
    const dash = runCli(["ingest", "-", "./-", "--db", db], { home: tmp, cwd: tmp });
    expect(dash.stderr).toContain("ingest reads files, not stdin");
  }, 120_000);

  it("reads JSONL and JSON, and refuses HTML posing as JSON or a file without a description column", () => {
    const jsonl = file(
      "p.jsonl",
      [
        JSON.stringify({ title: "NLP Engineer", company: "Acme", description: body("LLM chatbots", 3) }),
        "{oops",
        "[1]",
      ].join("\n"),
    );
    const r = mlpath(["ingest", "--json", jsonl]);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 3, inserted: 1, errors: 2 });
    // An impossible date is dropped, not sent to the store, which refused it and failed the whole
    // batch: before, this file stored nothing and the run ended in "unexpected error".
    const dates = file(
      "dates.jsonl",
      ["2026-01-05", "2026-02-30", "0000-00-00", "2099-01-01"]
        .map((posted, i) => JSON.stringify({ title: "Data Engineer", posted, description: body("Airflow", 10 + i) }))
        .join("\n"),
    );
    const dated = mlpath(["ingest", "--json", dates]);
    expect(dated.code, dated.stderr).toBe(0);
    // Each is kept, and the ones without a usable date (a future one too) are counted and named.
    expect(JSON.parse(dated.stdout)).toMatchObject({ read: 4, inserted: 4, errors: 0, undated: 3 });
    expect(dated.stderr).toContain("3 postings have no usable date");
    const json = file(
      "p.json",
      JSON.stringify({ jobs: [{ title: "CV Engineer", company: "Acme", description: body("vision", 4) }] }),
    );
    expect(JSON.parse(mlpath(["ingest", "--json", json]).stdout)).toMatchObject({ inserted: 1 });
    const html = mlpath(["ingest", file("page.json", "<!doctype html><html><body>Error 500</body></html>")]);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain("HTML, not JSON");
    // A file that cannot be read at all no longer stops the files after it (before: exit 2, nothing
    // stored, no summary); the run still exits 2 and says which file.
    const good = file(
      "good.jsonl",
      JSON.stringify({ title: "MLOps Engineer", company: "Initech", description: body("Kubeflow", 5) }),
    );
    const noDescription = mlpath([
      "ingest",
      "--json",
      file("nodesc.csv", "title,company\nData Scientist,Acme\n"),
      good,
    ]);
    expect(noDescription.code).toBe(2);
    expect(noDescription.stderr).toMatch(/nodesc\.csv: no description column/);
    // --json says which file failed: before, its summary of counts alone looked like a clean run.
    expect(JSON.parse(noDescription.stdout)).toMatchObject({
      read: 1,
      inserted: 1,
      failedSources: [expect.stringMatching(/nodesc\.csv: no description column/)],
    });
    for (const x of [html, noDescription]) expect(hasStack(x.stderr)).toBe(false);
    // A bad line is quoted in its reason: its control characters are shown as escapes.
    const quoted = mlpath(["ingest", file("esc.jsonl", "\x1b[2J\n")]);
    expect(quoted.stderr).toContain("\\u001b[2J");
    expect(quoted.stderr).not.toContain("\x1b");
  }, 120_000);

  it("refuses a malformed board source, a bad thread count and an empty command line", () => {
    const bad = mlpath(["ingest", "--source", "workday:acme"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--source "workday:acme" is not PROVIDER:BOARD');
    const threads = mlpath(["ingest", "--threads", "two", "x.csv"]);
    expect(threads.code).toBe(2);
    expect(threads.stderr).toContain('--threads must be a whole number from 0 to 64 (got "two")');
    const nothing = mlpath(["ingest"]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain("nothing to ingest");
    // "-" had been looked for as a file ("-: no such file", exit 3); a loop of links was "no such file".
    const stdin = mlpath(["ingest", "-"]);
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain("ingest reads files, not stdin");
    symlinkSync(join(tmp, "loop2.csv"), join(tmp, "loop1.csv"));
    symlinkSync(join(tmp, "loop1.csv"), join(tmp, "loop2.csv"));
    const loop = mlpath(["ingest", join(tmp, "loop1.csv")]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain("loop1.csv: a loop of symbolic links");
    // A usage error commander finds (a missing option's value) exits 2 like any bad input, not 1.
    const usage = mlpath(["ingest", "--threads"]);
    expect(usage.code).toBe(2);
    // Options of the other way of ingesting had been passed over without a word.
    const timeout = mlpath(["ingest", "--job-timeout", "60", "x.csv"]);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain("--job-timeout applies only with --queue");
    const queued = mlpath(["ingest", "--queue", "--threads", "1", "x.csv"]);
    expect(queued.code).toBe(2);
    expect(queued.stderr).toContain("--threads has no effect with --queue");
    expect(mlpath(["ingest", "--queue", "--log", "x.csv"]).stderr).toContain("--log has no effect with --queue");
    // A header and no rows stores nothing and says which file held nothing.
    const empty = mlpath(["ingest", file("none.csv", "title,company,description\n")]);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toMatch(/no postings in .*none\.csv: nothing stored/);
    // 1e400 reads as Infinity, which no salary reaches: it gave an empty list and exit 0.
    const infinite = mlpath(["jobs", "search", "--resume", "cv.txt", "--min-salary", "1e400"]);
    expect(infinite.code).toBe(2);
    expect(infinite.stderr).toContain('--min-salary must be a number, 0 or more (got "1e400")');
    // An empty query had been ignored: every posting ranked as if none were given.
    const blank = mlpath(["jobs", "search", "--resume", "cv.txt", "--query", " "]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain("--query is empty");
  });

  it("ranks stored postings for a resume, with matched and missing skills", () => {
    const resume = join(import.meta.dirname, "..", "samples", "resumes", "new-graduate.txt");
    const r = mlpath(["jobs", "search", "--resume", resume, "--json", "--top", "3"]);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]).toMatchObject({
      posting: { title: expect.any(String) },
      score: expect.any(Number),
      matched: expect.arrayContaining(["python"]),
      names: expect.objectContaining({ python: "Python" }),
    });
    // Each result carries the posting's stated pay and day (null when it states none).
    for (const x of results) expect(Object.keys(x.posting)).toEqual(expect.arrayContaining(["salary", "posted"]));
    // Skills are shown by name, as fit shows them; ids ("scikit-learn", "ci-cd") had been printed.
    const text = mlpath(["jobs", "search", "--resume", resume, "--top", "3"]);
    expect(text.stdout).toMatch(/has .*Python/);
    expect(text.stdout).not.toMatch(/has .*python/);
    const remote = JSON.parse(mlpath(["jobs", "search", "--resume", resume, "--json", "--remote"]).stdout);
    expect(remote.map((x: { posting: { title: string } }) => x.posting.title)).toEqual(["ML Engineer"]);
    // "ZZ" names no country: it matched nothing and exited 0, as if the market were empty.
    const nowhere = mlpath(["jobs", "search", "--resume", resume, "--country", "zz"]);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain("--country must be a country's two-letter code");
  }, 120_000);

  it("prints a posting's fields with their control characters escaped", () => {
    // A title's escape codes had reached the terminal: set its window title, cleared its screen.
    const own = join(tmp, "db-escapes");
    const hostile = JSON.stringify({
      title: "ML Engineer \u001b]0;pwned\u0007 \u001b[31mRED",
      company: "Esc\u001b[2JCo",
      description: body("Python, SQL and Docker", 1),
    });
    expect(mlpath(["ingest", file("escapes.jsonl", `${hostile}\n`)], own).code).toBe(0);
    const resume = join(import.meta.dirname, "..", "samples", "resumes", "new-graduate.txt");
    for (const args of [
      ["jobs", "search", "--resume", resume],
      ["market", "industries"],
    ]) {
      const r = mlpath(args, own);
      expect(r.code, r.stderr).toBe(0);
      // Stored as spaces since ingest cleans one-line fields; printing escapes any a store holds from before.
      expect(r.stdout).toContain("Esc [2JCo");
      expect(r.stdout).not.toMatch(/[\u0007\u001b]/);
    }
  }, 120_000);

  it("resumes after kill -9 with no posting lost or doubled, and the full-text index whole", async () => {
    // 7 KB a posting makes the file large enough (42 MB) for a bulk load, which drops the
    // full-text index until the end: the kill leaves the store without it.
    const filler = " Our team values careful work.".repeat(230);
    const lines = Array.from({ length: 6000 }, (_, i) =>
      JSON.stringify({
        id: `job-${i}`,
        title: `Engineer ${i}`,
        company: `Company ${i}`,
        description: body(`topic ${i}`, i) + filler,
      }),
    );
    const big = file("big.jsonl", lines.join("\n"));
    const crashDb = join(tmp, "crash-db");
    const child = spawn(process.execPath, [BIN, "ingest", "--log", big, "--db", crashDb], {
      env: { PATH: process.env.PATH, HOME: tmp },
      stdio: ["ignore", "ignore", "pipe"],
    });
    // Killed as soon as the first batch of 200 is committed: 29 batches are still to come.
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on("data", (d: Buffer) => {
        if (String(d).includes("mlpath: stored ")) resolve();
      });
      child.on("exit", () => reject(new Error("the ingest ended before its first batch was stored")));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    const partial = JSON.parse(mlpath(["jobs", "stats", "--json"], crashDb).stdout);
    expect(partial.total).toBeGreaterThanOrEqual(200);
    expect(partial.total).toBeLessThan(6000);
    // 5,800 postings: at 91 a second on a loaded machine that is over runCli's usual minute (CI, 2026-12-05).
    const rerun = runCli(["ingest", "--json", "--log", big, "--db", crashDb], { home: tmp, timeout: 180_000 });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain("mlpath: building the full-text index");
    const summary = JSON.parse(rerun.stdout);
    expect(summary.inserted + summary.skipped).toBe(6000);
    expect(summary.skipped).toBe(partial.total);
    expect(JSON.parse(mlpath(["jobs", "stats", "--json"], crashDb).stdout)).toEqual({
      total: 6000,
      unique: 6000,
      reposts: 0,
    });
    const resume = join(import.meta.dirname, "..", "samples", "resumes", "new-graduate.txt");
    const found = mlpath(["jobs", "search", "--resume", resume, "--query", "engineer 5999", "--json"], crashDb);
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).map((x: { posting: { title: string } }) => x.posting.title)).toEqual([
      "Engineer 5999",
    ]);
  }, 300_000);
});
