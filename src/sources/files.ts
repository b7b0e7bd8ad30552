import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { Readable, Transform } from "node:stream";
import { TextDecoder } from "node:util";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { statInputFile, utf16Bom } from "../documents/text.js";
import { AppError } from "../errors.js";
import { readJobPostingsFromHtml } from "./jsonld.js";
import { detectColumns, type SourceItem, toRecord } from "./posting-record.js";

/** A single JSON document larger than this is not read whole; use JSONL for big sets. */
const MAX_JSON_BYTES = 200 * 1024 * 1024;
/** One CSV record or JSONL line past this is refused, so a broken quote cannot swallow the file. */
const MAX_RECORD_CHARS = 2_000_000;

/**
 * Reads postings from a CSV, JSON or JSONL file, or a saved web page's schema.org JobPosting
 * JSON-LD, as a stream of records and per-row errors.
 * Columns are mapped by their usual names; UTF-8 (with or without BOM) and Windows-1252 are read.
 */
export async function* readPostingFile(path: string): AsyncGenerator<SourceItem> {
  const { size, kind } = checkPostingFile(path);
  const source = basename(path);
  if (kind === "jsonl") yield* readJsonl(path, source);
  else if (kind === "json") yield* readJson(path, source, size);
  else if (kind === "html") yield* readHtml(path, source, size);
  else yield* readCsv(path, source, kind === "tsv" ? "\t" : ",");
}

type FileKind = "jsonl" | "json" | "html" | "csv" | "tsv";
const KINDS: [RegExp, FileKind][] = [
  [/\.(?:jsonl|ndjson)$/i, "jsonl"],
  [/\.json$/i, "json"],
  [/\.html?$/i, "html"],
  [/\.csv$/i, "csv"],
  [/\.tsv$/i, "tsv"],
];

/**
 * What kind of posting file a path is, or a clear error: missing, a folder, an unknown type, or
 * compressed or binary bytes behind a text name (a gzip renamed .jsonl read as 36 lines of noise).
 * Cheap enough to run on every path before an ingest starts.
 */
export function checkPostingFile(path: string): { size: number; kind: FileKind } {
  const size = statInputFile(path, { missing: "check the path", folder: "pass the posting files in it" });
  const kind = KINDS.find(([re]) => re.test(path))?.[1];
  if (!kind)
    throw new AppError("UNSUPPORTED", `${path}: unknown file type`, {
      hint: "pass .csv, .tsv, .json or .jsonl files, or saved .html pages with schema.org JobPosting data",
    });
  const head = Buffer.alloc(Math.min(4096, size));
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const utf16 = utf16Bom(head) !== undefined;
  const what =
    head[0] === 0x1f && head[1] === 0x8b
      ? "gzip-compressed data"
      : head.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))
        ? "a zip archive"
        : utf16
          ? "UTF-16 text"
          : head.includes(0)
            ? "binary data"
            : undefined;
  if (what)
    throw new AppError("INVALID_INPUT", `${path}: ${what}${utf16 ? "" : `, not ${kind.toUpperCase()} text`}`, {
      hint: utf16
        ? "save it as UTF-8 (the posting reader takes UTF-8 and Windows-1252)"
        : what === "binary data"
          ? "pass the text export of the postings"
          : "unpack it first and pass the file inside",
    });
  return { size, kind };
}

/** Decodes bytes as UTF-8, switching to Windows-1252 for the whole file at the first invalid sequence. */
function decoder(): Transform {
  let utf8 = new TextDecoder("utf-8", { fatal: true });
  let fallback: TextDecoder | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!fallback) {
        try {
          done(null, utf8.decode(chunk, { stream: true }));
          return;
        } catch {
          fallback = new TextDecoder("windows-1252");
          utf8 = new TextDecoder("utf-8");
        }
      }
      done(null, fallback.decode(chunk, { stream: true }));
    },
  });
}

const CSV_OPTIONS = {
  bom: true,
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  max_record_size: MAX_RECORD_CHARS,
  skip_records_with_error: true,
  info: true,
  raw: true,
} as const;

interface CsvRecord {
  record: Record<string, string>;
  info: { lines: number };
  raw: string;
}

/**
 * A quote that opens a field and never closes where it should runs the field over the line break
 * into the rows after it ("bad-1,\"Broken title,Acme" swallowed the next posting whole). In
 * relaxed parsing such a field keeps a literal opening quote and a line break; a well-formed field
 * may too ("""Move fast"" is our motto.\nWe use...") but then its record parses strictly as well.
 */
function runaway(r: CsvRecord, delimiter: string): boolean {
  if (!Object.values(r.record).some((v) => typeof v === "string" && v.startsWith('"') && v.includes("\n")))
    return false;
  try {
    parseSync(r.raw, { delimiter, relax_column_count: true });
    return false;
  } catch {
    return true;
  }
}

/**
 * Line numbers from the records' raw text, which keeps the blank lines before a record and each
 * line break, a CRLF between records showing as its CR alone. (csv-parse's own count takes a CRLF
 * inside a field as two lines.)
 */
function lineCounter(lastLine: number) {
  return (raw: string): number => {
    let lead = 0;
    while (lead < raw.length && (raw[lead] === "\r" || raw[lead] === "\n"))
      lead += raw.startsWith("\r\n", lead) ? 2 : 1;
    const first = lastLine + 1 + lineBreaks(raw.slice(0, lead));
    lastLine += lineBreaks(raw);
    return first;
  };
}

const lineBreaks = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

async function* readCsv(path: string, source: string, delimiter: string): AsyncGenerator<SourceItem> {
  const skipped: SourceItem[] = [];
  let header: string[] = [];
  const parser = parse({
    ...CSV_OPTIONS,
    columns: (names: string[]) => {
      header = names;
      return names;
    },
    delimiter,
  });
  parser.on("skip", (e: Error & { lines?: number }) =>
    skipped.push({ ok: false, where: `${source}:${e.lines ?? "?"}`, reason: e.message }),
  );
  const rows = createReadStream(path).pipe(decoder()).pipe(parser);
  let mapping: ReturnType<typeof detectColumns> | undefined;
  // A runaway record is split at its first line break: that line is the broken row, and the rest is
  // parsed again, once, as the rows it swallowed (a runaway inside those is skipped whole, so a
  // hostile file costs one extra parse, not one per line).
  const resplit = function* (r: CsvRecord, first: number, again: boolean): Generator<CsvRecord & { first: number }> {
    if (!runaway(r, delimiter)) {
      yield { ...r, first };
      return;
    }
    skipped.push({ ok: false, where: `${source}:${first}`, reason: "a quote opens a field and does not close it" });
    if (!again) return;
    const line = lineCounter(first);
    const rest = parseSync(r.raw.slice(r.raw.indexOf("\n") + 1), {
      ...CSV_OPTIONS,
      columns: header,
      delimiter,
      on_skip: (e) => {
        if (e) skipped.push({ ok: false, where: `${source}:${first + Number(e.lines)}`, reason: e.message });
        return undefined;
      },
    }) as CsvRecord[];
    for (const inner of rest) yield* resplit(inner, line(inner.raw), false);
  };
  const records = async function* () {
    // The header is line 1.
    const line = lineCounter(1);
    for await (const r of rows as AsyncIterable<CsvRecord>) yield* resplit(r, line(r.raw), true);
  };
  for await (const { record: row, first } of records()) {
    mapping ??= detectColumns(header);
    if (!mapping.description || !mapping.title) {
      throw new AppError(
        "INVALID_INPUT",
        `${source}: no ${mapping.description ? "title" : "description"} column among: ${header.slice(0, 12).join(", ")}`,
        {
          hint: "name the columns title and description (or Job Title, Job Description)",
        },
      );
    }
    while (skipped.length) yield skipped.shift() as SourceItem;
    const { record, reason } = toRecord(row, mapping, source);
    yield record ? { ok: true, record } : { ok: false, where: `${source}:${first}`, reason: reason ?? "unreadable" };
  }
  while (skipped.length) yield skipped.shift() as SourceItem;
}

async function* readJsonl(path: string, source: string): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: createReadStream(path).pipe(decoder()), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    if (line.length > MAX_RECORD_CHARS) {
      yield { ok: false, where: `${source}:${n}`, reason: "line too long" };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield { ok: false, where: `${source}:${n}`, reason: `not JSON (${(e as Error).message})` };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { ok: false, where: `${source}:${n}`, reason: "not a JSON object" };
      continue;
    }
    const row = value as Record<string, unknown>;
    const { record, reason } = toRecord(row, detectColumns(Object.keys(row)), source);
    yield record ? { ok: true, record } : { ok: false, where: `${source}:${n}`, reason: reason ?? "unreadable" };
  }
}

async function* readJson(path: string, source: string, size: number): AsyncGenerator<SourceItem> {
  if (size > MAX_JSON_BYTES) {
    throw new AppError(
      "INVALID_INPUT",
      `${source}: ${(size / 1048576).toFixed(0)} MB is too large for one JSON document (limit 200 MB)`,
      {
        hint: "convert it to JSONL, one posting per line",
      },
    );
  }
  const text = await readWhole(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const looksHtml = /^\s*</.test(text);
    throw new AppError(
      "INVALID_INPUT",
      `${source}: ${looksHtml ? "HTML, not JSON" : `not valid JSON (${(e as Error).message})`}`,
    );
  }
  // An array of postings, or an object holding one under a usual key ({"jobs": [...]}).
  const list = Array.isArray(value)
    ? value
    : (Object.values(value as Record<string, unknown>).find((v) => Array.isArray(v)) as unknown[] | undefined);
  if (!list) throw new AppError("INVALID_INPUT", `${source}: no list of postings found`);
  for (const [i, row] of list.entries()) {
    if (typeof row !== "object" || row === null) {
      yield { ok: false, where: `${source}[${i}]`, reason: "not an object" };
      continue;
    }
    const { record, reason } = toRecord(row as Record<string, unknown>, detectColumns(Object.keys(row)), source);
    yield record ? { ok: true, record } : { ok: false, where: `${source}[${i}]`, reason: reason ?? "unreadable" };
  }
}

async function readWhole(path: string): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of Readable.from(createReadStream(path).pipe(decoder()))) chunks.push(String(chunk));
  return chunks.join("").replace(/^\uFEFF/, "");
}

async function* readHtml(path: string, source: string, size: number): AsyncGenerator<SourceItem> {
  if (size > MAX_JSON_BYTES) {
    throw new AppError("INVALID_INPUT", `${source}: ${(size / 1048576).toFixed(0)} MB is too large for a web page`);
  }
  const items = readJobPostingsFromHtml(await readWhole(path), source);
  if (items.length === 0) {
    throw new AppError("INVALID_INPUT", `${source}: no schema.org JobPosting found in the page`, {
      hint: "save the posting's own page (job boards embed its data as JSON-LD), or export postings as CSV or JSONL",
    });
  }
  yield* items;
}
