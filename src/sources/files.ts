import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { type Options, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { CR, LF, lineDecoder } from "../documents/line-decoder.js";
import { statInputFile, utf16Bom } from "../documents/text.js";
import { AppError } from "../errors.js";
import { readJobPostingsFromHtml } from "./jsonld.js";
import { detectColumns, type SourceItem, toRecord } from "./posting-record.js";

/** A single JSON document larger than this is not read whole; use JSONL for big sets. */
const MAX_JSON_BYTES = 200 * 1024 * 1024;
/** How far the file readers go before they call a record broken or a file hopeless. */
export interface ReadLimits {
  /** One CSV record or JSONL line past this is refused, so a broken quote cannot swallow the file. */
  maxRecordChars: number;
  /** Each time a CSV quote stays open to the end of the file (or past maxRecordChars) costs a reread. */
  maxCsvRestarts: number;
}
const LIMITS: ReadLimits = { maxRecordChars: 2_000_000, maxCsvRestarts: 20 };

/**
 * Reads postings from a CSV, JSON or JSONL file, or a saved web page's schema.org JobPosting
 * JSON-LD, as a stream of records and per-row errors.
 * Columns are mapped by their usual names; UTF-8 (with or without BOM) and Windows-1252 are read.
 */
export async function* readPostingFile(path: string, limits: Partial<ReadLimits> = {}): AsyncGenerator<SourceItem> {
  const { size, kind } = checkPostingFile(path);
  const source = basename(path);
  // An option left undefined keeps its default; a negative count of rereads allows none.
  const all: ReadLimits = {
    maxRecordChars: limits.maxRecordChars ?? LIMITS.maxRecordChars,
    maxCsvRestarts: Math.max(0, limits.maxCsvRestarts ?? LIMITS.maxCsvRestarts),
  };
  if (kind === "jsonl") yield* readJsonl(path, source, all);
  else if (kind === "json") yield* readJson(path, source, size);
  else if (kind === "html") yield* readHtml(path, source, size);
  else yield* readCsv(path, source, kind === "tsv" ? "\t" : ",", all);
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

const CSV_OPTIONS = {
  // No columns: the header is read as a record like any other, so its lines are counted like theirs.
  bom: true,
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  info: true,
  raw: true,
} as const;

interface CsvRecord {
  record: string[];
  raw: string;
}

/** csv-parse's types do not follow `info` and `raw` into on_record's argument and result. */
const recordHook = (hook: (r: CsvRecord) => CsvRow | null) => hook as unknown as Options["on_record"];

/** A record as the column names name it, and the line it starts on. */
interface CsvRow {
  row: Record<string, string>;
  first: number;
  raw: string;
}

/**
 * How a CSV file ends its records, found as csv-parse would: the first line break outside quotes.
 * It is given to every pass, so a reread that starts mid-file does not find another in a file of
 * mixed line ends; and lines are counted by it alone: a CR inside a field of an LF file is text.
 */
type Eol = "\n" | "\r\n" | "\r";
const QUOTE = 0x22;

export async function recordDelimiter(path: string, delimiter: string): Promise<Eol> {
  const sep = delimiter.charCodeAt(0);
  const file = await open(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    // As csv-parse reads with relax_quotes: a quote opens a field only at the field's start (one
    // in mid-field, as in `Size (in")`, is text), and a doubled quote inside a quoted field is one.
    let fieldStart = true;
    let quoted = false;
    let quoteSeen = false;
    for (let pos = 0; pos < MAX_EOL_SCAN; ) {
      const { bytesRead } = await file.read(buf, 0, buf.length, pos);
      const bom = pos === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
      for (let i = bom; i < bytesRead; i++) {
        const c = buf[i];
        if (quoted) {
          if (!quoteSeen) {
            quoteSeen = c === QUOTE;
            continue;
          }
          quoteSeen = false;
          if (c === QUOTE) continue;
          quoted = false;
        }
        if (c === QUOTE && fieldStart) quoted = true;
        else if (c === LF) return "\n";
        else if (c === CR) {
          const next = i + 1 < bytesRead ? buf[i + 1] : (await file.read(buf, 0, 1, pos + i + 1)).bytesRead && buf[0];
          return next === LF ? "\r\n" : "\r";
        }
        fieldStart = c === sep;
      }
      if (bytesRead < buf.length) break;
      pos += bytesRead;
    }
    return "\n";
  } finally {
    await file.close();
  }
}
const MAX_EOL_SCAN = 16 * 1024 * 1024;

/** The character that ends a record: LF, or CR in CRLF and CR files. */
const breakOf = (eol: Eol): string => (eol === "\n" ? "\n" : "\r");

/**
 * Lines are counted as an editor shows them, each CRLF, LF or lone CR ending one, so an error's
 * line number is where the user finds the row. csv-parse's raw text shows a CRLF between records
 * as its CR alone and keeps every other line break, so raw text and bytes count alike.
 */
const lineBreaks = (text: string): number => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Line numbers from the records' raw text, which keeps the blank lines before a record.
 * (csv-parse's own count takes a CRLF inside a field as two lines.) Every record parsed, kept or
 * skipped, must pass through in order; `peek` names a record's first line without counting it.
 */
function lineCounter(lastLine: number) {
  const firstOf = (raw: string): number => {
    let lead = 0;
    while (raw[lead] === "\r" || raw[lead] === "\n") lead++;
    return lastLine + 1 + lineBreaks(raw.slice(0, lead));
  };
  const next = (raw: string): number => {
    const first = firstOf(raw);
    lastLine += lineBreaks(raw);
    return first;
  };
  return Object.assign(next, { peek: firstOf });
}

/**
 * The byte offset where line `line` starts, scanning from `from.at`, the start of line
 * `from.line`. A reread starts there, so each pass scans only the bytes after the previous one's
 * start: a 2 GB file with twenty broken quotes is not read forty times over. CR and LF never occur
 * inside a UTF-8 character, so bytes are counted as the decoded text's characters are.
 */
export async function lineOffset(
  path: string,
  from: { at: number; line: number },
  line: number,
  readSize = 1 << 20,
): Promise<number> {
  const file = await open(path, "r");
  try {
    const chunk = Buffer.alloc(readSize);
    let left = line - from.line;
    let pos = from.at;
    let lastByte = -1;
    while (left > 0) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) return pos;
      const bytes = chunk.subarray(0, bytesRead);
      // A CRLF split across two reads is one line break.
      let i = lastByte === CR && bytes[0] === LF ? 1 : 0;
      lastByte = bytes[bytesRead - 1] as number;
      // The next LF and CR at or after i, found once each and searched again only when passed.
      let lf = bytes.indexOf(LF, i);
      let cr = bytes.indexOf(CR, i);
      while (left > 0 && (lf >= 0 || cr >= 0)) {
        const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        left--;
        i = end + 1;
        if (end === cr && lf === i) i++;
        if (lf >= 0 && lf < i) lf = bytes.indexOf(LF, i);
        if (cr >= 0 && cr < i) cr = bytes.indexOf(CR, i);
      }
      pos += left > 0 ? bytesRead : i;
    }
    // The line found may end in a CR whose LF the read did not reach.
    if (pos > from.at) {
      const pair = Buffer.alloc(2);
      const { bytesRead } = await file.read(pair, 0, 2, pos - 1);
      if (bytesRead === 2 && pair[0] === CR && pair[1] === LF) pos++;
    }
    return pos;
  } finally {
    await file.close();
  }
}

/**
 * Where the record line starting at byte `at` ends, by the file's line ending `eol`, and how many
 * lines (as lineOffset counts them: CRLF, LF or a lone CR) that spans.
 */
export async function afterRecordEnd(path: string, eol: Eol, at: number): Promise<{ at: number; lines: number }> {
  const file = await open(path, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    const one = Buffer.alloc(1);
    let lines = 0;
    for (let pos = at; ; ) {
      const { bytesRead } = await file.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) return { at: pos, lines };
      for (let i = 0; i < bytesRead; i++) {
        const c = buf[i];
        if (c === LF) {
          lines++;
          if (eol === "\n") return { at: pos + i + 1, lines };
        } else if (c === CR) {
          const next = i + 1 < bytesRead ? buf[i + 1] : (await file.read(one, 0, 1, pos + i + 1)).bytesRead && one[0];
          lines++;
          // Every ending stops at a CRLF; an LF file's record ends at its LF, a CR file's at the CR.
          if (next === LF) return { at: pos + i + 2, lines };
          if (eol === "\r") return { at: pos + i + 1, lines };
        }
      }
      pos += bytesRead;
    }
  } finally {
    await file.close();
  }
}

const BROKEN_QUOTE = "a quote opens a field and does not close it";
const tooLong = (chars: number) =>
  `a record runs past ${chars.toLocaleString("en-US")} characters (a quote that does not close?)`;

/**
 * A quote left open to the end of the file, or past maxRecordChars, ends csv-parse's reading
 * of everything after it (the rows it ran into were lost, 8,000 of them in one test). Its first
 * line is skipped as the broken row and the file is read again from the line after it.
 */
async function* readCsv(
  path: string,
  source: string,
  delimiter: string,
  limits: ReadLimits,
): AsyncGenerator<SourceItem> {
  const eol = await recordDelimiter(path, delimiter);
  const state: CsvPass = { from: 1, offset: 0, eol, header: undefined, broken: undefined, reason: BROKEN_QUOTE };
  for (let restarts = 0; ; restarts++) {
    yield* readCsvFrom(path, source, delimiter, state, limits.maxRecordChars);
    const broken = state.broken;
    if (broken === undefined) return;
    if (!state.header)
      throw new AppError("INVALID_INPUT", `${source}: a quote in the header line does not close`, {
        hint: "fix the first line's quotes; it names the columns",
      });
    yield { ok: false, where: `${source}:${broken}`, reason: state.reason };
    if (restarts >= limits.maxCsvRestarts) {
      yield {
        ok: false,
        where: `${source}:${broken + 1}`,
        reason: `not read: more than ${limits.maxCsvRestarts} quotes left open; fix the file's quoting`,
      };
      return;
    }
    // The broken row ends at the file's own line ending: a lone CR or LF inside it is text to csv-parse.
    const start = await lineOffset(path, { at: state.offset, line: state.from }, broken);
    const next = await afterRecordEnd(path, eol, start);
    state.offset = next.at;
    state.from = broken + next.lines;
    state.broken = undefined;
  }
}

interface CsvPass {
  /** The first line this pass reads, and the byte offset where it starts. */
  from: number;
  offset: number;
  eol: Eol;
  header: string[] | undefined;
  /** Set when a quote stays open from this line to the end of the pass, or runs past the size limit. */
  broken: number | undefined;
  reason: string;
}

/** A record's fields under the header's names; a short record leaves the last names out. */
function named(header: string[], values: string[]): Record<string, string> {
  const row: Record<string, string> = {};
  const n = Math.min(header.length, values.length);
  for (let i = 0; i < n; i++) row[header[i] as string] = values[i] as string;
  return row;
}

/**
 * A quote that opens a field and never closes where it should runs the field over the line break
 * into the rows after it ("bad-1,\"Broken title,Acme" swallowed the next posting whole). In
 * relaxed parsing such a field keeps a literal opening quote and a line break; a well-formed field
 * may too ("""Move fast"" is our motto.\nWe use...") but then its record parses strictly as well.
 */
function runaway(r: CsvRow, delimiter: string, eol: Eol): boolean {
  const brk = breakOf(eol);
  if (!Object.values(r.row).some((v) => v.startsWith('"') && v.includes(brk))) return false;
  try {
    parseSync(r.raw, { delimiter, relax_column_count: true });
    return false;
  } catch {
    return true;
  }
}

/**
 * The raw text after a record's first line (and the blank lines before it), its last record
 * ending as the file's do (the raw text shows a CRLF that ends a record as its CR alone), and how
 * many lines that first line spans (a lone CR or LF inside it is a line to an editor).
 */
function afterFirstLine(raw: string, eol: Eol): { rest: string; lines: number } {
  let i = 0;
  while (raw[i] === "\r" || raw[i] === "\n") i++;
  const end = raw.indexOf(breakOf(eol), i);
  if (end < 0) return { rest: "", lines: lineBreaks(raw.slice(i)) };
  const cut = eol === "\r\n" && raw[end + 1] === "\n" ? end + 2 : end + 1;
  const rest = raw.slice(cut);
  return {
    rest: eol === "\r\n" && rest.endsWith("\r") ? `${rest}\n` : rest,
    lines: lineBreaks(raw.slice(i, cut)),
  };
}

async function* readCsvFrom(
  path: string,
  source: string,
  delimiter: string,
  pass: CsvPass,
  maxRecordChars: number,
): AsyncGenerator<SourceItem> {
  const { eol } = pass;
  // Rows skipped, reported in line order among the rows read.
  const skipped: { line: number; item: SourceItem }[] = [];
  const skip = (line: number, reason: string) => {
    skipped.push({ line, item: { ok: false, where: `${source}:${line}`, reason } });
    skipped.sort((a, b) => a.line - b.line);
  };
  const line = lineCounter(pass.from - 1);
  const options = { ...CSV_OPTIONS, delimiter, record_delimiter: eol, max_record_size: maxRecordChars };
  const parser = parse({
    ...options,
    // Lines are counted as csv-parse reads, not as the records are consumed: a broken record must
    // be placed after the records parsed before it even while they wait in the stream's buffer.
    // Nothing after a broken record is kept: the next pass reads it again.
    on_record: recordHook((r) => {
      if (pass.broken !== undefined) return null;
      const first = line(r.raw);
      if (pass.header) return { row: named(pass.header, r.record), first, raw: r.raw };
      pass.header = r.record;
      return null;
    }),
  });
  const file = createReadStream(path, { start: pass.offset });
  parser.on("skip", (e: Error & { code?: string; lines?: number }, raw?: string) => {
    if (pass.broken !== undefined) return;
    if ((e.code === "CSV_QUOTE_NOT_CLOSED" || e.code === "CSV_MAX_RECORD_SIZE") && raw !== undefined) {
      pass.broken = pass.header ? line.peek(raw) : 1;
      pass.reason = e.code === "CSV_MAX_RECORD_SIZE" ? tooLong(maxRecordChars) : BROKEN_QUOTE;
      file.destroy();
      parser.end();
      return;
    }
    skip(raw !== undefined ? line(raw) : (Number(e.lines) || 1) + pass.from - 1, e.message);
  });
  const rows = file.pipe(lineDecoder({ bom: pass.offset === 0 })).pipe(parser);
  let mapping: ReturnType<typeof detectColumns> | undefined;
  // A runaway record is split at its first line break: that line is the broken row, and the rest is
  // parsed again, once, as the rows it swallowed (a runaway inside those is skipped whole, so a
  // hostile file costs one extra parse, not one per line).
  const resplit = function* (r: CsvRow, again: boolean): Generator<CsvRow> {
    if (!runaway(r, delimiter, eol)) {
      yield r;
      return;
    }
    skip(r.first, BROKEN_QUOTE);
    if (!again) return;
    const { rest: text, lines } = afterFirstLine(r.raw, eol);
    // Counted on from the broken row's first line.
    const inner = lineCounter(r.first - 1 + lines);
    const rest = parseSync(text, {
      ...options,
      on_record: recordHook((r2) => ({ row: named(pass.header ?? [], r2.record), first: inner(r2.raw), raw: r2.raw })),
      on_skip: (e, raw) => {
        if (!e) return undefined;
        const at = raw !== undefined ? inner(raw) : r.first + Number(e.lines);
        // A quote left open to the end of the swallowed rows: the line it opens on.
        skip(at, e.code === "CSV_QUOTE_NOT_CLOSED" ? BROKEN_QUOTE : e.message);
        return undefined;
      },
    }) as unknown as CsvRow[];
    for (const r2 of rest) yield* resplit(r2, false);
  };
  const records = async function* () {
    for await (const r of rows as AsyncIterable<CsvRow>) yield* resplit(r, true);
  };
  // Checked before the first row, and after the last when there was none: a file of one headerless
  // posting is a header of no rows, and "no postings" with exit 0 hid that its columns are unnamed.
  const mapped = () => {
    mapping ??= detectColumns(pass.header ?? []);
    if (!mapping.description || !mapping.title) {
      // A header of one column holding the other separator: tab-separated text named .csv (or the
      // reverse) had been told to name columns it did name.
      const [tsv, other] = delimiter === "\t" ? [false, ","] : [true, "\t"];
      const misnamed = pass.header?.length === 1 && pass.header[0]?.includes(other);
      throw new AppError(
        "INVALID_INPUT",
        `${source}: no ${mapping.description ? "title" : "description"} column among: ${(pass.header ?? []).slice(0, 12).join(", ")}`,
        {
          hint: misnamed
            ? `its first line is one column of ${tsv ? "tab" : "comma"}-separated names: name the file .${tsv ? "tsv" : "csv"}`
            : "name the columns title and description (or Job Title, Job Description) in a first line",
        },
      );
    }
    return mapping;
  };
  for await (const { row, first } of records()) {
    mapped();
    while ((skipped[0]?.line ?? first) < first) yield (skipped.shift() as (typeof skipped)[number]).item;
    const { record, reason } = toRecord(row, mapped(), source);
    yield record ? { ok: true, record } : { ok: false, where: `${source}:${first}`, reason: reason ?? "unreadable" };
  }
  if (pass.header && pass.broken === undefined) mapped();
  for (const { item } of skipped) yield item;
}

async function* readJsonl(path: string, source: string, limits: ReadLimits): AsyncGenerator<SourceItem> {
  const lines = createInterface({
    input: createReadStream(path).pipe(lineDecoder()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    if (line.length > limits.maxRecordChars) {
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
  // Blank is no postings, as an empty .jsonl or .csv is, not a JSON syntax error.
  if (!text.trim()) return;
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
  // (null or a number had crashed the run: Object.values(null) throws.)
  const list = Array.isArray(value)
    ? value
    : typeof value === "object" && value !== null
      ? (Object.values(value).find((v) => Array.isArray(v)) as unknown[] | undefined)
      : undefined;
  if (!list)
    throw new AppError("INVALID_INPUT", `${source}: no list of postings found`, {
      hint: 'a .json file holds an array of postings, or an object with one ({"jobs": [...]})',
    });
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
  for await (const chunk of Readable.from(createReadStream(path).pipe(lineDecoder()))) chunks.push(String(chunk));
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
