import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-extract-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const mlpath = (args: string[], input?: string | Buffer) => runCli(args, { home: tmp, ...(input ? { input } : {}) });

const POSTING = `Senior NLP Engineer
Requirements
- 5+ years of experience with Python and PyTorch
- MS or PhD in Computer Science
Nice to have
- Kubernetes
Salary: $180,000 - $220,000 per year`;

describe("mlpath extract", () => {
  it("reads a posting on stdin into the ExtractResult contract", () => {
    const r = mlpath(["extract", "--json"], POSTING);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      role: { id: "nlp-engineer" },
      seniority: "senior",
      minYears: 5,
      degree: "master",
      salary: { min: 180000, max: 220000, currency: "USD", period: "year" },
    });
    const python = out.skills.find((s: { id: string }) => s.id === "python");
    expect(python).toMatchObject({ name: "Python", category: "programming-language", importance: "required" });
    expect(POSTING.slice(python.mentions[0].start, python.mentions[0].end)).toBe("Python");
  });

  it("prints a readable summary from a file", () => {
    const file = join(tmp, "posting.txt");
    writeFileSync(file, POSTING);
    const r = mlpath(["extract", file]);
    expect(r.code).toBe(0);
    for (const part of ["NLP Engineer", "senior", "5+", "master", "$180,000", "PyTorch", "[preferred]"]) {
      expect(r.stdout).toContain(part);
    }
  });

  it("streams JSONL, keeps ids, and names the bad lines without stopping", () => {
    const file = join(tmp, "in.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({ id: "a", title: "Data Engineer", text: "Airflow, dbt and Snowflake pipelines." }),
        "{not json",
        JSON.stringify({ id: "c", text: 42 }),
        "",
        JSON.stringify({ id: "d", text: "Tableau dashboards and SQL reports" }),
      ].join("\n"),
    );
    const r = mlpath(["extract", "--jsonl", file]);
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["a", "d"]);
    expect(lines[0].role.id).toBe("data-engineer");
    expect(r.stderr).toContain("in.jsonl:2: not valid JSON");
    expect(r.stderr).toContain("in.jsonl:3: text: not a string: each line needs the posting's text as a string");
    expect(hasStack(r.stderr)).toBe(false);
  });

  it("says a line without text needs it, and names the description an ingest file gives instead", () => {
    // The bundled postings are lines for `mlpath ingest`: each had been refused as "text: Invalid
    // input: expected string, received undefined".
    const samples = join(import.meta.dirname, "..", "samples", "postings", "postings.jsonl");
    const r = mlpath(["extract", "--jsonl", samples]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'postings.jsonl:1: text: missing: each line needs the posting\'s text as a string (this line has "description", as files for `mlpath ingest` do: name it "text")',
    );
    expect(r.stderr).not.toContain("received undefined");
  });

  it("reads JSONL after a byte order mark and from stdin, and refuses binary data once", () => {
    const line = JSON.stringify({ id: "a", text: "Airflow, dbt and Snowflake pipelines." });
    const bom = join(tmp, "bom.jsonl");
    writeFileSync(bom, `\uFEFF${line}\r\n`);
    const withBom = mlpath(["extract", "--jsonl", bom]);
    expect(withBom.code, withBom.stderr).toBe(0);
    expect(JSON.parse(withBom.stdout).id).toBe("a");
    const piped = mlpath(["extract", "--jsonl", "-"], `${line}\n`);
    expect(piped.code, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout).id).toBe("a");
    // Two lines with one id give two results, and a warning that they cannot be told apart.
    const twice = mlpath(["extract", "--jsonl", "-"], `${line}\n${line}\n`);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stdout.trim().split("\n")).toHaveLength(2);
    expect(twice.stderr).toContain('stdin:2: the id "a" was given on line 1 too; both results carry it');
    const binary = join(tmp, "ls.jsonl");
    writeFileSync(
      binary,
      Buffer.concat([Buffer.from("\x7fELF\x02\x01\x01\x00\x00\n\x1b[2J\x03\n"), Buffer.alloc(4096, 1)]),
    );
    const bin = mlpath(["extract", "--jsonl", binary]);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain("ls.jsonl:1: binary data, not JSON lines");
    expect(bin.stderr.split("\n").filter(Boolean)).toHaveLength(2);
    // A bad line's message shows its control characters as escapes, not raw to the terminal.
    writeFileSync(binary, "\x1b[2J\n");
    const escaped = mlpath(["extract", "--jsonl", binary]);
    expect(escaped.stderr).not.toContain("\x1b");
    expect(escaped.stderr).toContain("\\u001b");
  });

  it("needs an id on every JSONL line, reads Windows-1252 lines as such and says UTF-16 is UTF-16", () => {
    const file = join(tmp, "ids.jsonl");
    writeFileSync(
      file,
      Buffer.concat([
        // Before, a line without an id gave a result without one, which nothing could be matched to.
        Buffer.from(`${JSON.stringify({ text: "Python and SQL" })}\n`),
        Buffer.from(`${JSON.stringify({ id: "blank", text: " \n " })}\n`),
        // Before, the ï became a replacement character and Naïve Bayes was not found.
        Buffer.from('{"id":"b","text":"Na\xefve Bayes and SQL"}\n', "latin1"),
      ]),
    );
    const r = mlpath(["extract", "--jsonl", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ids.jsonl:1: id: missing: each line needs a string id");
    expect(r.stderr).toContain("ids.jsonl:2: text: must not be blank");
    // A file beside --jsonl had been ignored.
    const both = mlpath(["extract", "posting.txt", "--jsonl", file]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--jsonl reads its own file; drop posting.txt");
    const out = JSON.parse(r.stdout);
    expect(out.id).toBe("b");
    const naive = out.skills.find((s: { name: string }) => /Bayes/.test(s.name));
    expect(naive?.mentions[0]).toMatchObject({ start: 0, end: 11, text: "Na\u00efve Bayes" });
    const utf16 = join(tmp, "utf16.jsonl");
    writeFileSync(utf16, Buffer.from(`\uFEFF${JSON.stringify({ id: "a", text: "SQL" })}\n`, "utf16le"));
    const wide = mlpath(["extract", "--jsonl", utf16]);
    expect(wide.code).toBe(2);
    expect(wide.stderr).toContain("utf16.jsonl:1: UTF-16 text, not JSON lines");
    expect(wide.stderr).toContain("save it as UTF-8");
  });

  it("refuses binary, empty and missing input with a clear error", () => {
    const pdf = join(tmp, "cv.pdf");
    writeFileSync(pdf, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(64)]));
    const bin = mlpath(["extract", pdf]);
    expect(bin.code).toBe(6);
    expect(bin.stderr).toMatch(/binary data \(a PDF\)/);
    const empty = mlpath(["extract", "-"], "   \n");
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("stdin: empty");
    const missing = mlpath(["extract", join(tmp, "nope.txt")]);
    expect(missing.code).toBe(3);
    for (const r of [bin, empty, missing]) expect(hasStack(r.stderr)).toBe(false);
  });

  it("refuses a 10 MB file with the limit named", () => {
    const file = join(tmp, "huge.txt");
    writeFileSync(file, "Python and SQL. ".repeat(700_000));
    const r = mlpath(["extract", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too large \(10\.7 MB; the limit is 5 MB\)/);
  });

  it("reads Windows-1252 text with a warning instead of mojibake", () => {
    const file = join(tmp, "cp1252.txt");
    writeFileSync(file, Buffer.from("Caf\xe9 team \x96 Python and SQL required", "latin1"));
    const r = mlpath(["extract", "--json", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("read as Windows-1252");
    expect(JSON.parse(r.stdout).skills.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(["python", "sql"]),
    );
  });
});
