import { createHash } from "node:crypto";
import { createExtractor, type ExtractResult, type PostingInput } from "../extract/index.js";
import { createIndustryClassifier } from "../extract/industry.js";
import type { KnowledgePack } from "../knowledge/schema.js";
import { createTextAnalyser, type TextAnalyser } from "../text/fulltext.js";
import { minhash } from "../text/minhash.js";
import { readLocation } from "./location.js";
import { MAX_NAME_CHARS, MAX_TITLE_CHARS, type PostingRecord } from "./posting-record.js";

/** A posting ready to store: the source's fields, what extraction read, and its signature. */
export interface PreparedPosting {
  id: string;
  source: string;
  externalId: string | null;
  title: string;
  normTitle: string;
  company: string | null;
  location: string | null;
  country: string | null;
  remote: boolean | null;
  url: string | null;
  postedAt: string | null;
  /** The description as UTF-8, encoded on the extraction thread so the storing thread need not. */
  descriptionUtf8: Uint8Array;
  /** The source's industry label, and the knowledge pack's industry it maps to. */
  industry: string | null;
  industryId: string | null;
  roleId: string | null;
  seniority: string | null;
  minYears: number | null;
  degree: string | null;
  salary: { min: number; max: number; currency: string; period: string } | null;
  skills: string[];
  requiredSkills: string[];
  minhash: number[];
  /** The title and description as a full-text `tsvector`, in binary form (see text/fulltext.ts). */
  search: Uint8Array;
  /** What extraction read (`storedExtract`) as UTF-8 JSON, written on the extraction thread. */
  extract: Uint8Array;
}

const utf8 = new TextEncoder();
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

/**
 * The YYYY-MM-DD a date string starts with, when it is a day of the calendar; null otherwise.
 * Exports write "0000-00-00" or "2026-02-30" for an unknown date, and the store refuses such a
 * day, which would fail the whole batch the posting is in: the posting is kept, undated.
 */
export function calendarDate(text: string | undefined): string | null {
  const t = text?.trim() ?? "";
  let m = t.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  // "12/31/2025" or "31.12.2025": read when only one order makes a day. "05/06/2025" is May or
  // June by the writer's country, which one posting cannot tell, so it stays undated.
  m = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a > 12 && b <= 12) return day(year, b, a);
    if (b > 12 && a <= 12) return day(year, a, b);
    return null;
  }
  // Unix time in seconds or milliseconds, as job-board exports write it.
  m = t.match(/^(\d{10}|\d{13})$/);
  if (m) {
    const d = new Date(Number(m[1]) * (m[1]?.length === 10 ? 1000 : 1));
    return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}

/**
 * A day of the calendar as YYYY-MM-DD, or null. Before 1990 no job was posted online: "0001-01-01"
 * and "1900-01-01" are exports' stand-ins for no date, and had been counted in trends.
 */
function day(year: number, month: number, date: number): string | null {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (year < 1990 || year > 2100 || days === undefined || date < 1 || date > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/** "Sr. Data Scientist (Remote) - NYC" and "senior data scientist" compare equal. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, " ")
    .replace(/\s[-–|@].*$/, " ")
    .replace(/\bsr\b\.?/g, "senior")
    .replace(/\bjr\b\.?/g, "junior")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A posting's stable key: the source's own id when it has one, else a hash of company, title and
 * text, so the same posting ingested twice gets the same key.
 */
export function postingId(record: PostingRecord): string {
  const key =
    record.externalId ??
    sha1(`${record.company ?? ""}\u0000${normaliseTitle(record.title)}\u0000${record.description}`);
  return sourcePostingId(record.source, key);
}

/** The key of a posting a source names by its own id, whether or not the posting could be read. */
export const sourcePostingId = (source: string, externalId: string) => sha1(`${source}\u0000${externalId}`);

/**
 * preparePosting with the pack's extractor and industry classifier, built once. Dates after the
 * day following `now` are no date: a day's slack covers boards a time zone ahead.
 */
export function createPostingPreparer(
  pack: KnowledgePack,
  now = new Date(),
): (record: PostingRecord) => PreparedPosting {
  const extract = createExtractor(pack);
  const industryOf = createIndustryClassifier(pack);
  const analyser = createTextAnalyser();
  const latestDate = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  return (record) => preparePosting(record, { extract, industryOf, analyser, latestDate });
}

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;
const oneLine = (text: string | undefined, max: number): string | undefined => {
  const line = text?.replace(CONTROLS, " ").trim();
  // Cut before a pair's first half rather than between its halves: no half emoji is stored.
  const cut =
    line && line.length > max ? line.slice(0, /[\ud800-\udbff]/.test(line[max - 1] as string) ? max - 1 : max) : line;
  return cut || undefined;
};

/**
 * A source record with what extraction read from it, ready to store. Its id is stable: the
 * source's own id when it has one, else a hash of company, title and text, so the same posting
 * ingested twice gets the same key.
 */
export function preparePosting(
  raw: PostingRecord,
  readers: {
    extract: (input: PostingInput) => ExtractResult;
    industryOf: (label: string | undefined) => string | null;
    analyser: TextAnalyser;
    /**
     * The last day a posting can have been posted (YYYY-MM-DD). A date past it is an export's
     * stand-in or a typo (2099-01-01): stored, it led every trend's last month.
     */
    latestDate?: string;
  },
): PreparedPosting {
  const { extract, industryOf, analyser, latestDate } = readers;
  // PostgreSQL text cannot hold NUL; removed before extraction so every span still fits the text.
  const record = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v.replaceAll("\u0000", "") : v]),
  ) as PostingRecord;
  // One-line fields are shown on terminals and pages and the company is a unique key: control
  // characters (escape codes) become spaces, and lengths are capped. A 20,000-letter company name
  // had failed its whole batch ("index row requires 20016 bytes"). The id is taken from the
  // record as read, so postings stored before keep theirs.
  const title = oneLine(record.title, MAX_TITLE_CHARS) ?? record.title.slice(0, MAX_TITLE_CHARS);
  const company = oneLine(record.company, MAX_NAME_CHARS);
  const location = oneLine(record.location, MAX_NAME_CHARS);
  const industry = oneLine(record.industry, MAX_NAME_CHARS);
  const result = extract({
    title,
    text: [record.description, record.salaryText ? `Salary: ${record.salaryText}` : ""].join("\n"),
  });
  const normTitle = normaliseTitle(title);
  const { country, remote } = readLocation(location, title, record.description);
  const date = calendarDate(record.postedAt);
  const posted = date && latestDate && date > latestDate ? null : date;
  return {
    id: postingId(record),
    source: record.source,
    externalId: oneLine(record.externalId, MAX_NAME_CHARS) ?? null,
    title,
    normTitle,
    company: company ?? null,
    location: location ?? null,
    country,
    remote,
    url: oneLine(record.url, 2048) ?? null,
    postedAt: posted,
    descriptionUtf8: utf8.encode(record.description),
    industry: industry ?? null,
    industryId: industryOf(industry),
    roleId: result.role?.id ?? null,
    seniority: result.seniority,
    minYears: result.minYears,
    degree: result.degree,
    salary: result.salary,
    skills: result.skills.map((s) => s.id),
    requiredSkills: result.skills.filter((s) => s.importance === "required").map((s) => s.id),
    minhash: minhash(record.description),
    search: analyser.document(title, record.description),
    extract: utf8.encode(JSON.stringify(storedExtract(result))),
  };
}

/**
 * What extraction read, as the store keeps it: skill ids with their section and mention spans,
 * without the names, categories and aliases the knowledge pack already holds, nor the mention
 * texts the stored description already holds. A fifth of the size, and the store writes it faster.
 */
export function storedExtract(result: ExtractResult) {
  return {
    skills: result.skills.map((s) => ({
      id: s.id,
      importance: s.importance,
      spans: s.mentions.map((m) => [m.start, m.end]),
    })),
    role: result.role ? { id: result.role.id, confidence: result.role.confidence } : null,
    seniority: result.seniority,
    minYears: result.minYears,
    degree: result.degree,
    salary: result.salary,
  };
}
