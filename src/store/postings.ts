import type { PreparedPosting } from "../sources/prepare.js";
import type { Db, Queryable } from "./db.js";

export interface PostingRow {
  id: string;
  title: string;
  company: string | null;
  location: string | null;
  country: string | null;
  remote: boolean | null;
  url: string | null;
  role_id: string | null;
  seniority: string | null;
  min_years: number | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
  skills: string[];
  required_skills: string[];
}

export interface SearchFilter {
  skills: string[];
  roleId?: string;
  remote?: boolean;
  country?: string;
  minSalary?: number;
  query?: string;
  limit: number;
}

/** Postings at or above this estimated text similarity, same company and title, are one posting. */
export const NEAR_DUPLICATE = 0.8;

const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The postings table behind one interface; every statement is parameterised. */
export function createPostingRepository(db: Db, similarity: (a: number[], b: number[]) => number) {
  async function companyId(tx: Queryable, name: string | null): Promise<string | null> {
    if (!name) return null;
    const r = await tx.query<{ id: string }>(
      "INSERT INTO companies (name, norm_name) VALUES ($1, $2) ON CONFLICT (norm_name) DO UPDATE SET name = companies.name RETURNING id",
      [name, normName(name)],
    );
    return r.rows[0]?.id ?? null;
  }

  /**
   * Stores a batch in one transaction: a posting already stored (same id) is skipped, a
   * near-duplicate of a stored one is kept but marked as a repost of it. A crash mid-batch leaves
   * none of the batch behind, so running the ingest again neither loses nor doubles anything.
   */
  async function insertBatch(
    batch: PreparedPosting[],
  ): Promise<{ inserted: number; duplicates: number; existing: number }> {
    return db.transaction(async (tx) => {
      let inserted = 0;
      let duplicates = 0;
      let existing = 0;
      for (const p of batch) {
        const seen = await tx.query("SELECT 1 FROM postings WHERE id = $1", [p.id]);
        if (seen.rows.length > 0) {
          existing++;
          continue;
        }
        const company = await companyId(tx, p.company);
        const twins = await tx.query<{ id: string; minhash: number[] }>(
          "SELECT id, minhash FROM postings WHERE company_id IS NOT DISTINCT FROM $1 AND norm_title = $2 AND duplicate_of IS NULL LIMIT 50",
          [company, p.normTitle],
        );
        const twin = twins.rows.find((t) => similarity(t.minhash, p.minhash) >= NEAR_DUPLICATE);
        await tx.query(
          `INSERT INTO postings (id, source, external_id, title, norm_title, company_id, location, country, remote, url, posted_at,
             description, role_id, seniority, min_years, degree, salary_min, salary_max, salary_currency, salary_period,
             skills, required_skills, minhash, duplicate_of, extract)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
           ON CONFLICT (id) DO NOTHING`,
          [
            p.id,
            p.source,
            p.externalId,
            p.title,
            p.normTitle,
            company,
            p.location,
            p.country,
            p.remote,
            p.url,
            p.postedAt,
            p.description,
            p.roleId,
            p.seniority,
            p.minYears,
            p.degree,
            p.salary?.min ?? null,
            p.salary?.max ?? null,
            p.salary?.currency ?? null,
            p.salary?.period ?? null,
            p.skills,
            p.requiredSkills,
            p.minhash,
            twin?.id ?? null,
            JSON.stringify(p.extract),
          ],
        );
        inserted++;
        if (twin) duplicates++;
      }
      return { inserted, duplicates, existing };
    });
  }

  async function counts(): Promise<{ total: number; unique: number }> {
    const r = await db.query<{ total: string; unique: string }>(
      "SELECT count(*) AS total, count(*) FILTER (WHERE duplicate_of IS NULL) AS unique FROM postings",
    );
    return { total: Number(r.rows[0]?.total ?? 0), unique: Number(r.rows[0]?.unique ?? 0) };
  }

  /** How many unique postings ask for each skill: the document frequencies behind rarity (IDF). */
  async function skillFrequencies(): Promise<{ total: number; df: Map<string, number> }> {
    const r = await db.query<{ skill: string; n: string }>(
      "SELECT s AS skill, count(*) AS n FROM postings, unnest(skills) AS s WHERE duplicate_of IS NULL GROUP BY s",
    );
    const { unique } = await counts();
    return { total: unique, df: new Map(r.rows.map((x) => [x.skill, Number(x.n)])) };
  }

  /** Unique postings that ask for any of the skills and pass the filters; full-text search for a query. */
  async function candidates(f: SearchFilter): Promise<PostingRow[]> {
    const where = ["p.duplicate_of IS NULL"];
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.skills.length > 0 && !f.query) where.push(`p.skills && ${param(f.skills)}::text[]`);
    if (f.roleId) where.push(`p.role_id = ${param(f.roleId)}`);
    if (f.remote) where.push("p.remote IS TRUE");
    if (f.country) where.push(`p.country = ${param(f.country.toUpperCase())}`);
    if (f.minSalary !== undefined) where.push(`p.salary_period = 'year' AND p.salary_max >= ${param(f.minSalary)}`);
    if (f.query) where.push(`p.search @@ websearch_to_tsquery('english', ${param(f.query)})`);
    const r = await db.query<PostingRow>(
      `SELECT p.id, p.title, c.name AS company, p.location, p.country, p.remote, p.url, p.role_id, p.seniority, p.min_years,
              p.salary_min, p.salary_max, p.salary_currency, p.salary_period, p.skills, p.required_skills
         FROM postings p LEFT JOIN companies c ON c.id = p.company_id
        WHERE ${where.join(" AND ")}
        LIMIT ${param(f.limit)}`,
      params,
    );
    return r.rows;
  }

  return { insertBatch, counts, skillFrequencies, candidates };
}
export type PostingRepository = ReturnType<typeof createPostingRepository>;
