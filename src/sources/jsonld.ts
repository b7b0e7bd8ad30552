import { Parser } from "htmlparser2";
import { htmlToText } from "./html-text.js";
import { PostingRecord, type SourceItem } from "./posting-record.js";

type Json = Record<string, unknown>;
const SYMBOLS: Record<string, string> = { USD: "$", GBP: "£", EUR: "€" };
const UNITS: Record<string, string> = {
  YEAR: "a year",
  MONTH: "a month",
  WEEK: "a week",
  DAY: "a day",
  HOUR: "an hour",
};

const obj = (v: unknown): Json | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const nameOf = (v: unknown) => str(v) ?? str(obj(v)?.name);

/** The text of every `<script type="application/ld+json">` block, found by a real HTML parser. */
function jsonLdBlocks(html: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === "script" && attrs.type?.trim().toLowerCase() === "application/ld+json") current = [];
    },
    ontext(text) {
      current?.push(text);
    },
    onclosetag(name) {
      if (name === "script" && current) {
        blocks.push(current.join(""));
        current = undefined;
      }
    },
  });
  parser.write(html);
  parser.end();
  return blocks;
}

/** JobPosting nodes anywhere in a JSON-LD value: top level, in arrays, or in an @graph. */
function* jobPostings(value: unknown, depth = 0): Generator<Json> {
  if (depth > 8) return;
  for (const item of list(value)) {
    const node = obj(item);
    if (!node) continue;
    if (list(node["@type"]).some((t) => t === "JobPosting")) yield node;
    if (node["@graph"]) yield* jobPostings(node["@graph"], depth + 1);
  }
}

function locationOf(j: Json): string | undefined {
  const places = list(j.jobLocation).map((place) => {
    const a = obj(obj(place)?.address) ?? {};
    return [str(a.addressLocality), str(a.addressRegion), nameOf(a.addressCountry)].filter(Boolean).join(", ");
  });
  const remote = list(j.jobLocationType).some((t) => typeof t === "string" && t.toUpperCase() === "TELECOMMUTE");
  const where = places.filter(Boolean).join("; ");
  return remote ? (where ? `Remote; ${where}` : "Remote") : where || undefined;
}

/** schema.org MonetaryAmount as the words a posting would use ("$120,000 - $150,000 a year"). */
function salaryOf(j: Json): string | undefined {
  const salary = obj(j.baseSalary);
  if (!salary) return str(j.baseSalary);
  const currency = str(salary.currency)?.toUpperCase() ?? "";
  const value = obj(salary.value) ?? { value: salary.value };
  const amounts = [value.minValue, value.maxValue, value.value]
    .map((v) => (typeof v === "string" ? Number(v.replace(/,/g, "")) : v))
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0);
  if (amounts.length === 0) return undefined;
  const money = (n: number) =>
    SYMBOLS[currency] ? `${SYMBOLS[currency]}${n.toLocaleString("en-US")}` : `${currency} ${n.toLocaleString("en-US")}`;
  const unit = UNITS[str(value.unitText)?.toUpperCase() ?? str(salary.unitText)?.toUpperCase() ?? "YEAR"] ?? "a year";
  const low = Math.min(...amounts);
  const high = Math.max(...amounts);
  return `${low === high ? money(low) : `${money(low)} - ${money(high)}`} ${unit}`;
}

/** Job-board HTML often double-escapes descriptions: markup left after one pass gets a second. */
function descriptionOf(v: unknown): string {
  const once = htmlToText(str(v) ?? "");
  return /<\/?(p|li|ul|br|div|strong|b|h\d)\b[^>]*>/i.test(once) ? htmlToText(once) : once;
}

/**
 * Postings from a saved web page: every schema.org `JobPosting` in its JSON-LD blocks, as
 * records (descriptions as sanitised text), or the reason one block or posting was skipped.
 */
export function readJobPostingsFromHtml(html: string, source: string): SourceItem[] {
  const items: SourceItem[] = [];
  for (const [b, block] of jsonLdBlocks(html).entries()) {
    let value: unknown;
    try {
      value = JSON.parse(block);
    } catch (e) {
      items.push({
        ok: false,
        where: `${source}: JSON-LD block ${b + 1}`,
        reason: `not JSON (${(e as Error).message})`,
      });
      continue;
    }
    for (const j of jobPostings(value)) {
      const salaryText = salaryOf(j);
      const parsed = PostingRecord.safeParse({
        source,
        externalId: str(obj(j.identifier)?.value) ?? str(j.identifier),
        title: str(j.title) ?? str(j.name),
        company: nameOf(j.hiringOrganization),
        location: locationOf(j),
        description: descriptionOf(j.description),
        salaryText,
        postedAt: str(j.datePosted),
        url: str(j.url),
      });
      items.push(
        parsed.success
          ? { ok: true, record: parsed.data }
          : {
              ok: false,
              where: `${source}: JSON-LD block ${b + 1}`,
              reason: `JobPosting without ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`,
            },
      );
    }
  }
  return items;
}
