import { z } from "zod";

/** A posting as a source gives it, before extraction: the one shape every source produces. */
export const PostingRecord = z.object({
  source: z.string().min(1),
  externalId: z.string().optional(),
  title: z.string().min(1),
  company: z.string().optional(),
  location: z.string().optional(),
  description: z.string().min(1),
  salaryText: z.string().optional(),
  postedAt: z.string().optional(),
  url: z.string().optional(),
  /** The source's industry or sector label for the employer, as written. */
  industry: z.string().optional(),
});
export type PostingRecord = z.infer<typeof PostingRecord>;

/**
 * The longest title, and the longest name (company, location, industry, id) a posting keeps: both
 * land in btree indexes, whose rows PostgreSQL caps at 8191 bytes.
 */
export const MAX_TITLE_CHARS = 300;
export const MAX_NAME_CHARS = 200;

/** What a source yields per row: a record, or the reason the row was skipped and where. */
/**
 * One record read, or why not. A board's unreadable job keeps its id (`listedAs`): it is still
 * listed, so a refresh must not close the version stored from an earlier answer.
 */
export type SourceItem =
  | { ok: true; record: PostingRecord }
  | { ok: false; where: string; reason: string; listedAs?: string };

const FIELDS: Record<keyof Omit<PostingRecord, "source">, string[]> = {
  externalId: ["id", "jobid", "postingid", "jobpostingid", "reqid"],
  title: ["title", "jobtitle", "position", "positiontitle", "role", "jobname"],
  company: ["company", "companyname", "employer", "organization", "organisation", "hiringorganization"],
  location: ["location", "joblocation", "city", "locations"],
  description: ["description", "jobdescription", "jd", "text", "body", "content", "descriptionplain", "summary"],
  salaryText: ["salary", "salaryestimate", "salaryrange", "compensation", "pay", "payrange"],
  postedAt: ["date", "posted", "postedat", "dateposted", "publishedat", "postingdate", "created", "createdat"],
  url: ["url", "link", "joburl", "applyurl", "hostedurl", "absoluteurl"],
  // Industry before sector: where a source has both (Glassdoor), the industry is the finer one.
  industry: ["industry", "companyindustry", "industries", "sector"],
};
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Maps a source's column names to record fields by their common spellings ("Job Title", "job_title"). */
export function detectColumns(columns: string[]): Partial<Record<keyof typeof FIELDS, string>> {
  const byKey = new Map(columns.map((c) => [squash(c), c]));
  const mapping: Partial<Record<keyof typeof FIELDS, string>> = {};
  for (const [field, names] of Object.entries(FIELDS) as [keyof typeof FIELDS, string[]][]) {
    const hit = names.map((n) => byKey.get(n)).find((c) => c !== undefined);
    if (hit !== undefined) mapping[field] = hit;
  }
  return mapping;
}

/** "a list", "an object", "a number": what a value that should have been text is. */
export const kindOf = (v: unknown) =>
  Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`;
const plain = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** A schema.org thing's name ({"@type": "Organization", "name": "Acme"}), looked at one level deep. */
const nameOf = (v: unknown): string | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as { name?: unknown }).name === "string"
    ? (v as { name: string }).name
    : undefined;

/**
 * A field's value as text: plain values as written, a flat list of them joined ("NYC, SF"), a
 * schema.org thing by its name (a list of them by their names), and an object of plain values
 * ({"min": 100000, "currency": "USD"}) as its JSON, as it always was. Anything deeper is not text
 * and is never walked: a hostile file can nest a list 400,000 deep, and JSON.stringify over that
 * overflowed the stack and ended the whole run.
 */
const asText = (v: unknown): string | undefined => {
  if (plain(v)) return String(v);
  if (Array.isArray(v)) {
    if (v.every(plain)) return v.join(", ");
    const names = v.map(nameOf);
    return names.every((n) => n !== undefined) ? names.join(", ") : undefined;
  }
  const name = nameOf(v);
  if (name !== undefined) return name;
  if (typeof v === "object" && v !== null) {
    const values = Object.values(v);
    if (values.length <= 50 && values.every((x) => x === null || plain(x))) return JSON.stringify(v);
  }
  return undefined;
};

/** Turns one row into a record with the mapping, or says which required field is missing. */
export function toRecord(
  row: Record<string, unknown>,
  mapping: Partial<Record<keyof typeof FIELDS, string>>,
  source: string,
): { record?: PostingRecord; reason?: string } {
  const raw = (field: keyof typeof FIELDS) => {
    const column = mapping[field];
    const v = column === undefined ? undefined : row[column];
    return v === null ? undefined : v;
  };
  // A posting's title and text are text; a number or a list there means the columns are not what they seem.
  for (const field of ["title", "description"] as const) {
    const v = raw(field);
    if (v !== undefined && typeof v !== "string") return { reason: `${field} is ${kindOf(v)}, not text` };
  }
  // Another field that is no text (an id that is an object, a location nested deep) is left out,
  // not the posting: schema.org exports nest company, place and pay, and had lost every row.
  const get = (field: keyof typeof FIELDS) => {
    const s = asText(raw(field))?.trim();
    return s && s !== "-1" && s.toLowerCase() !== "nan" ? s : undefined;
  };
  const title = get("title");
  const description = get("description");
  if (!description) return { reason: mapping.description ? "empty description" : "no description column" };
  if (!title) return { reason: mapping.title ? "empty title" : "no title column" };
  // Glassdoor appends the rating after a newline: "Acme Corp\n3.8".
  const company = get("company")?.split("\n")[0]?.trim();
  const record: PostingRecord = { source, title: title.slice(0, MAX_TITLE_CHARS), description };
  const optional = {
    externalId: get("externalId"),
    company,
    location: get("location"),
    salaryText: get("salaryText"),
    postedAt: get("postedAt"),
    url: get("url"),
    industry: /^(none|null|n\/a|unknown)$/i.test(get("industry") ?? "")
      ? undefined
      : get("industry")?.slice(0, MAX_NAME_CHARS),
  };
  for (const [k, v] of Object.entries(optional)) if (v) (record as Record<string, string>)[k] = v;
  return { record };
}
