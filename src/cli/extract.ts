import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import pc from "picocolors";
import { z } from "zod";
import { lineDecoder } from "../documents/line-decoder.js";
import { readTextInput, statInputFile } from "../documents/text.js";
import { AppError } from "../errors.js";
import { createExtractor, type ExtractResult, PostingInput } from "../extract/index.js";
import { payRange } from "../text/money.js";
import type { CliContext } from "./context.js";
import { heading, printable, printJson } from "./format.js";
import { progressBar } from "./progress.js";

/** A line's result is found by its id: a line without one could not be told from the others. */
const NEEDS_ID = "each line needs a string id";
const NEEDS_TEXT = "each line needs the posting's text as a string";
const PostingLine = PostingInput.extend({
  id: z
    .string({ error: (issue) => (issue.input === undefined ? `missing: ${NEEDS_ID}` : `not a string: ${NEEDS_ID}`) })
    .min(1, `empty: ${NEEDS_ID}`),
  // As the API and the one-posting form refuse it: blank text had given an empty result.
  text: z
    .string({
      error: (issue) => (issue.input === undefined ? `missing: ${NEEDS_TEXT}` : `not a string: ${NEEDS_TEXT}`),
    })
    .refine((t) => t.trim() !== "", "must not be blank"),
});

/** A line longer than this is not a posting; it is refused rather than read into memory whole. */
const MAX_LINE_CHARS = 2_000_000;

export function registerExtract(program: Command, ctx: CliContext): void {
  program
    .command("extract")
    .description("read a job posting into skills, role, seniority, years, degree and salary, with evidence")
    .argument("[file]", "a text, Markdown or HTML file, or - for stdin", "-")
    .option("--title <title>", "the posting's title, when it is not the first line")
    .option(
      "--jsonl <file>",
      'many postings: lines of {"id","title"?,"text"} (a file, or - for stdin) in, one ExtractResult line out each',
    )
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: { title?: string; jsonl?: string; json?: boolean }) => {
      // The file and the title had been ignored beside --jsonl.
      if (opts.jsonl !== undefined && (file !== "-" || opts.title !== undefined))
        throw new AppError(
          "INVALID_INPUT",
          `--jsonl reads its own file; ${file !== "-" ? `drop ${file}` : "drop --title"}`,
          {
            hint: 'each line carries its own "title"',
          },
        );
      // An empty path had been taken as no --jsonl at all, and stdin read as one posting.
      if (opts.jsonl !== undefined && !opts.jsonl.trim())
        throw new AppError("INVALID_INPUT", "--jsonl needs a file, or - for stdin");
      const extract = createExtractor(ctx.knowledge().pack);
      if (opts.jsonl !== undefined) {
        const errors = await extractJsonl(opts.jsonl, extract);
        if (errors > 0) {
          throw new AppError("INVALID_INPUT", `${opts.jsonl}: ${errors} line(s) could not be read (listed above)`, {
            hint: 'each line must be a JSON object with a string "id" and "text"',
          });
        }
        return;
      }
      const { text, encoding } = await readTextInput(file);
      if (encoding === "windows-1252") process.stderr.write(`mlpath: ${file}: not UTF-8, read as Windows-1252\n`);
      if (!text.trim())
        throw new AppError("INVALID_INPUT", `${file === "-" ? "stdin" : file}: empty`, {
          hint: "pass a posting's text",
        });
      const result = extract({ text, ...(opts.title ? { title: opts.title } : {}) });
      if (opts.json) return printJson(result);
      console.log(renderExtract(text, result));
    });
}

async function extractJsonl(path: string, extract: (p: PostingInput) => ExtractResult): Promise<number> {
  // "-" is stdin, for `... | mlpath extract --jsonl -`; its size is unknown, so it shows no bar.
  const total =
    path === "-"
      ? 0
      : statInputFile(path, {
          missing: "check the path, or pass - to read stdin",
          folder: 'pass one JSONL file of {"id","title"?,"text"} lines',
        });
  const where = path === "-" ? "stdin" : path;
  const bar = progressBar(total, "postings");
  // Decoded as ingest decodes its files: a line that is not UTF-8 is read as Windows-1252, not
  // turned into replacement characters, and a byte order mark is dropped.
  const lines = createInterface({
    input: (path === "-" ? process.stdin : createReadStream(path)).pipe(lineDecoder()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  let bytes = 0;
  let errors = 0;
  let read = 0;
  // The line each id was first given on: results are matched back to their postings by id, and
  // two lines with one id had given two results no caller could tell apart, without a word.
  const firstLine = new Map<string, number>();
  let repeated = 0;
  const fail = (msg: string) => {
    errors++;
    process.stderr.write(`mlpath: ${where}:${n}: ${printable(msg)}\n`);
  };
  for await (const line of lines) {
    n++;
    bytes += Buffer.byteLength(line) + 1;
    if (!line.trim()) continue;
    if (line.includes("\u0000")) {
      // JSON text never holds a NUL byte (inside strings it is written \u0000): this is no text file,
      // or text in UTF-16, where every ASCII character comes with one.
      lines.close();
      bar.stop();
      const utf16 = line.split("\u0000").length > line.length / 3;
      throw new AppError("INVALID_INPUT", `${where}:${n}: ${utf16 ? "UTF-16 text" : "binary data"}, not JSON lines`, {
        hint: utf16 ? "save it as UTF-8" : 'pass a text file of {"id","title"?,"text"} lines, one JSON object a line',
      });
    }
    read++;
    if (line.length > MAX_LINE_CHARS) {
      fail(`line too long (${line.length} characters)`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      fail(`not valid JSON (${(e as Error).message})`);
      continue;
    }
    const input = PostingLine.safeParse(value);
    if (!input.success) {
      const issue = input.error.issues[0];
      // Lines as `mlpath ingest` reads them (the bundled samples among them) hold the text as
      // "description": each had been refused as "expected string, received undefined".
      const ingestLine =
        issue?.path[0] === "text" &&
        typeof value === "object" &&
        value !== null &&
        !("text" in value) &&
        "description" in value;
      fail(
        `${issue?.path.join(".") || "line"}: ${issue?.message}${ingestLine ? ' (this line has "description", as files for `mlpath ingest` do: name it "text")' : ""}`,
      );
      continue;
    }
    const first = firstLine.get(input.data.id);
    if (first === undefined) firstLine.set(input.data.id, n);
    else if (repeated++ < 20)
      process.stderr.write(
        `mlpath: ${where}:${n}: the id "${printable(input.data.id.slice(0, 100))}" was given on line ${first} too; both results carry it\n`,
      );
    const out = `${JSON.stringify(extract(input.data))}\n`;
    if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once("drain", r));
    bar.update(bytes, { items: n });
  }
  bar.stop();
  if (repeated > 20) process.stderr.write(`mlpath: ${where}: ${repeated} lines in all repeat an earlier line's id\n`);
  if (read === 0) process.stderr.write(`mlpath: ${where}: no lines to read, so nothing was extracted\n`);
  return errors;
}

export function renderExtract(text: string, r: ExtractResult): string {
  const out: string[] = [];
  const role = r.role ? `${r.role.name} (${r.role.id}, confidence ${r.role.confidence})` : "-";
  out.push(`${pc.bold("Role")}       ${role}`);
  out.push(`${pc.bold("Seniority")}  ${r.seniority ?? "-"}`);
  out.push(`${pc.bold("Years")}      ${r.minYears === null ? "not stated" : `${r.minYears}+`}`);
  out.push(`${pc.bold("Degree")}     ${r.degree ?? "not stated"}`);
  const s = r.salary;
  out.push(`${pc.bold("Salary")}     ${s ? payRange(s) : "not stated"}`);
  const byCategory = new Map<string, ExtractResult["skills"]>();
  for (const skill of r.skills) byCategory.set(skill.category, [...(byCategory.get(skill.category) ?? []), skill]);
  out.push(heading(`Skills (${r.skills.length})`));
  for (const [category, skills] of [...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`  ${pc.bold(category)}`);
    for (const skill of skills) {
      const m = skill.mentions[0];
      const tag = skill.importance ? pc.yellow(` [${skill.importance}]`) : "";
      const evidence = m ? pc.dim(` "${snippet(text, m.start, m.end)}"`) : "";
      out.push(`    ${skill.name}${tag}${evidence}`);
    }
  }
  return out.join("\n");
}

/** The mention with a few words either side, the mention itself highlighted. */
function snippet(text: string, start: number, end: number): string {
  // A posting is a stranger's text: its escape codes must not reach the terminal.
  const clean = (s: string) => printable(s.replace(/\s+/g, " "));
  const before = clean(text.slice(Math.max(0, start - 30), start)).replace(/^\S*\s/, "…");
  const after = clean(text.slice(end, end + 30)).replace(/\s\S*$/, "…");
  return `${before}${pc.reset(pc.bold(clean(text.slice(start, end))))}${pc.dim(after)}`;
}
