import { AppError } from "../errors.js";
import type { PreparedPosting } from "../sources/prepare.js";
import { createTextAnalyser, MAX_WORD } from "../text/fulltext.js";
import { int4ArrayBytes, textArrayBytes } from "./binary-array.js";
import type { Db, Queryable } from "./db.js";
import { deferSearchIndex } from "./search-index.js";

/** What a search result shows of a posting beyond what the ranking index holds. */
export interface PostingCard {
  id: string;
  title: string;
  company: string | null;
  location: string | null;
  url: string | null;
  /** The pay the posting states, as extracted (a single figure is min = max); null when it states none. */
  salary: { min: number; max: number; currency: string; period: string } | null;
  /** The day it was posted, YYYY-MM-DD, when the source says. */
  posted: string | null;
}

/** A unique posting as the ranking index holds it: what it scores and filters on, and nothing more. */
export interface IndexablePosting {
  id: string;
  seq: number;
  role_id: string | null;
  seniority: string | null;
  min_years: number | null;
  country: string | null;
  remote: boolean | null;
  salary_max: number | null;
  salary_period: string | null;
  salary_currency: string | null;
  skills: string[];
  required_skills: string[];
}

/** The advisory lock of market refreshes: above the int4 range of the twin locks' hashtext keys. */
const REFRESH_LOCK = 7_361_746_001_234;

/** Postings at or above this estimated text similarity, same company and title, are one posting. */
export const NEAR_DUPLICATE = 0.8;

/**
 * The stored postings of these companies and titles ($1/$2 pairwise, $3 titles without a company),
 * reposts included and marked, as text matches are: the caller passes over them. Filtering them out here made the embedded store,
 * which keeps no statistics, guess that 0.5% of the table is unique postings and read all of them
 * through a partial index of them on every batch (56 ms a batch at 30,000 stored, growing with the
 * store) instead of going by company and title (2 ms).
 */
export const TWINS_SQL = `SELECT p.id, p.company_id, p.norm_title, p.minhash, p.duplicate_of IS NOT NULL AS repost
   FROM postings p JOIN unnest($1::bigint[], $2::text[]) AS k (company_id, norm_title)
     ON p.company_id = k.company_id AND p.norm_title = k.norm_title
 UNION ALL
 SELECT id, company_id, norm_title, minhash, duplicate_of IS NOT NULL FROM postings
  WHERE company_id IS NULL AND norm_title = ANY($3::text[])`;

/**
 * The postings matching a full-text query, reposts marked, not filtered out: without statistics
 * the planner ANDed the full-text index with a partial index of every unique posting (20,000
 * entries read to answer a word found in none: 16 ms against 0.3 ms at 20,000 stored).
 */
export const MATCHING_SQL = "SELECT id, duplicate_of IS NOT NULL AS repost FROM postings WHERE search @@ $1::tsquery";

const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The postings table behind one interface; every statement is parameterised. */
export function createPostingRepository(db: Db, similarity: (a: number[], b: number[]) => number) {
  const analyser = createTextAnalyser();
  /** Company ids for these names, creating the missing ones: two statements per batch. */
  async function companyIds(tx: Queryable, names: string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    // Inserted in one order by every writer, so two ingests creating the same companies wait
    // for each other instead of deadlocking.
    // Each name is normalised once: a comparator normalising both sides ran the Unicode
    // pattern n log n times a batch.
    const sorted = names.map((name) => ({ name, norm: normName(name) })).sort((a, b) => (a.norm < b.norm ? -1 : 1));
    const norms = sorted.map((c) => c.norm);
    await tx.query(
      "INSERT INTO companies (name, norm_name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (norm_name) DO NOTHING",
      [sorted.map((c) => c.name), norms],
    );
    const r = await tx.query<{ id: string; norm_name: string }>(
      "SELECT id, norm_name FROM companies WHERE norm_name = ANY($1::text[])",
      [norms],
    );
    const byNorm = new Map(r.rows.map((x) => [x.norm_name, String(x.id)]));
    return new Map(sorted.map((c) => [c.name, byNorm.get(c.norm) as string]));
  }

  /**
   * Stores a batch in one transaction: a posting already stored (same id) is skipped, a
   * near-duplicate of a stored one (or of one earlier in the batch) is kept but marked as a
   * repost of it. A crash mid-batch leaves none of the batch behind, so running the ingest again
   * neither loses nor doubles anything. Look-ups and the insert are one statement each per batch.
   */
  async function insertBatch(
    batch: PreparedPosting[],
  ): Promise<{ inserted: number; duplicates: number; existing: number; undated: number }> {
    if (batch.length === 0) return { inserted: 0, duplicates: 0, existing: 0, undated: 0 };
    return db.transaction(async (tx) => {
      const stored = await tx.query<{ id: string }>("SELECT id FROM postings WHERE id = ANY($1::text[])", [
        batch.map((p) => p.id),
      ]);
      const seen = new Set(stored.rows.map((r) => r.id));
      const fresh: PreparedPosting[] = [];
      for (const p of batch) {
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        fresh.push(p);
      }
      const existing = batch.length - fresh.length;
      if (fresh.length === 0) return { inserted: 0, duplicates: 0, existing, undated: 0 };

      const names = [...new Set(fresh.map((p) => p.company).filter((c): c is string => c !== null))];
      const companies = await companyIds(tx, names);
      // Twins share company and title, so the look-up goes by both (the company_title index): by
      // title alone, a common title such as "senior data scientist" would pull thousands of rows.
      const keys = new Map<string, { company: string | null; title: string }>();
      for (const p of fresh) {
        const company = p.company ? (companies.get(p.company) ?? null) : null;
        keys.set(`${company}\u0000${p.normTitle}`, { company, title: p.normTitle });
      }
      // Two writers storing the same posting at once would each find no twin and both keep it as
      // unique: a transaction-scoped lock per company and title makes the second wait for the
      // first to commit, then see its row. Locks are taken in one order, so writers cannot deadlock.
      await tx.query(
        "SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS locks",
        [[...keys.values()].map((k) => `${k.company ?? ""}/${k.title}`)],
      );
      const withCompany = [...keys.values()].filter((k) => k.company !== null);
      const without = [...keys.values()].filter((k) => k.company === null).map((k) => k.title);
      const twins = await tx.query<{
        id: string;
        company_id: string | null;
        norm_title: string;
        minhash: number[];
        repost: boolean;
      }>(TWINS_SQL, [withCompany.map((k) => k.company), withCompany.map((k) => k.title), without]);
      const byKey = new Map<string, { id: string; minhash: number[] }[]>();
      const keyOf = (company: unknown, title: string) => `${company ?? ""}\u0000${title}`;
      for (const t of twins.rows) {
        if (t.repost) continue;
        const key = keyOf(t.company_id, t.norm_title);
        byKey.set(key, [...(byKey.get(key) ?? []), t]);
      }

      let duplicates = 0;
      const rows = fresh.map((p) => {
        const company = p.company ? (companies.get(p.company) ?? null) : null;
        const key = keyOf(company, p.normTitle);
        const twin = (byKey.get(key) ?? []).find((t) => similarity(t.minhash, p.minhash) >= NEAR_DUPLICATE);
        if (twin) duplicates++;
        else byKey.set(key, [...(byKey.get(key) ?? []), { id: p.id, minhash: p.minhash }]);
        return [
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
          p.descriptionUtf8,
          p.roleId,
          p.seniority,
          p.minYears,
          p.degree,
          p.salary?.min ?? null,
          p.salary?.max ?? null,
          p.salary?.currency ?? null,
          p.salary?.period ?? null,
          textArrayBytes(p.skills),
          textArrayBytes(p.requiredSkills),
          int4ArrayBytes(p.minhash),
          twin?.id ?? null,
          p.extract,
          p.industry,
          p.industryId,
          p.search,
        ];
      });
      rows.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
      // One multi-row INSERT with numbered parameters; the text of the SQL never holds data.
      const width = 28;
      const values = rows.map(
        (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`,
      );
      await tx.query(
        `INSERT INTO postings (id, source, external_id, title, norm_title, company_id, location, country, remote, url, posted_at,
           description, role_id, seniority, min_years, degree, salary_min, salary_max, salary_currency, salary_period,
           skills, required_skills, minhash, duplicate_of, extract, industry, industry_id, search)
         VALUES ${values.join(", ")}
         ON CONFLICT (id) DO NOTHING`,
        rows.flat(),
      );
      // Counted among the stored only: a re-run had counted the already-stored postings again.
      const undated = fresh.filter((p) => p.postedAt === null).length;
      return { inserted: fresh.length, duplicates, existing, undated };
    });
  }

  async function counts(): Promise<{ total: number; unique: number }> {
    const r = await db.query<{ total: string; unique: string }>(
      "SELECT count(*) AS total, count(*) FILTER (WHERE duplicate_of IS NULL) AS unique FROM postings",
    );
    return { total: Number(r.rows[0]?.total ?? 0), unique: Number(r.rows[0]?.unique ?? 0) };
  }

  /** The highest insertion number stored, to tell whether anything is new since it was last asked. */
  async function lastSeq(): Promise<number> {
    const r = await db.query<{ seq: string | null }>("SELECT max(seq) AS seq FROM postings");
    return Number(r.rows[0]?.seq ?? 0);
  }

  /**
   * Unique postings stored after `afterSeq`, in insertion order, with only what ranking scores and
   * filters on; at most `limit` of them, so a million postings are read in pages, not in one result.
   */
  async function indexRows(afterSeq: number, limit = 1_000_000_000): Promise<IndexablePosting[]> {
    const r = await db.query<IndexablePosting & { seq: string }>(
      `SELECT id, seq, role_id, seniority, min_years, country, remote, salary_max, salary_period, salary_currency, skills, required_skills
         FROM postings WHERE seq > $1 AND duplicate_of IS NULL ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return r.rows.map((x) => ({ ...x, seq: Number(x.seq) }));
  }

  /** What a result shows of these postings, for those still open, in no particular order. */
  async function byIds(ids: string[]): Promise<PostingCard[]> {
    if (ids.length === 0) return [];
    const r = await db.query<
      Omit<PostingCard, "salary"> & {
        salary_min: number | null;
        salary_max: number | null;
        salary_currency: string | null;
        salary_period: string | null;
      }
    >(
      `SELECT p.id, p.title, c.name AS company, p.location, p.url, to_char(p.posted_at, 'YYYY-MM-DD') AS posted,
              p.salary_min, p.salary_max, p.salary_currency, p.salary_period
         FROM postings p LEFT JOIN companies c ON c.id = p.company_id
        WHERE p.id = ANY($1::text[]) AND p.closed_at IS NULL`,
      [ids],
    );
    return r.rows.map(({ salary_min, salary_max, salary_currency, salary_period, ...card }) => {
      const min = salary_min ?? salary_max;
      const max = salary_max ?? salary_min;
      return {
        ...card,
        salary:
          min !== null && max !== null && salary_currency && salary_period
            ? { min, max, currency: salary_currency, period: salary_period }
            : null,
      };
    });
  }

  /**
   * After a refresh of one source (a job board), closes the postings it no longer lists and
   * reopens any it lists again; returns how many were closed.
   */
  async function closeMissing(source: string, listedIds: string[]): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.query("UPDATE postings SET closed_at = NULL WHERE id = ANY($1::text[]) AND closed_at IS NOT NULL", [
        listedIds,
      ]);
      const r = await tx.query<{ id: string }>(
        "UPDATE postings SET closed_at = now() WHERE source = $1 AND closed_at IS NULL AND NOT (id = ANY($2::text[])) RETURNING id",
        [source, listedIds],
      );
      return r.rows.length;
    });
  }

  /** Unique postings whose title or description match a web-search style query ("pytorch -senior"). */
  async function matchingIds(query: string): Promise<string[]> {
    const tsquery = analyser.query(query.replaceAll("\u0000", " "));
    // Nothing left to search ("the", "   ", "-"): an empty list had read as "no posting matches".
    if (tsquery === null)
      throw new AppError("INVALID_INPUT", `the query "${query.slice(0, 100)}" has no words to search for`, {
        hint: `common words such as "the" and "and", and words over ${MAX_WORD} characters, are not searched; use the words a posting would contain`,
      });
    const r = await db.query<{ id: string; repost: boolean }>(MATCHING_SQL, [tsquery]);
    return r.rows.filter((x) => !x.repost).map((x) => x.id);
  }

  /** Share of unique postings asking for each skill, optionally for one role and since a date. */
  async function skillDemand(f: {
    roleId?: string;
    since?: string;
    top: number;
  }): Promise<{ total: number; skills: { skill: string; n: number }[] }> {
    const where = ["true"];
    const params: unknown[] = [];
    if (f.roleId) where.push(`role_id = $${params.push(f.roleId)}`);
    if (f.since) where.push(`(month IS NULL OR month >= date_trunc('month', $${params.push(f.since)}::date))`);
    const total = await db.query<{ n: string | null }>(
      `SELECT sum(n) AS n FROM market_month WHERE ${where.join(" AND ")}`,
      params,
    );
    const rows = await db.query<{ skill: string; n: string }>(
      `SELECT skill, sum(n) AS n FROM market_skill_month WHERE ${where.join(" AND ")}
        GROUP BY skill ORDER BY sum(n) DESC, skill LIMIT $${params.push(f.top)}`,
      params,
    );
    return { total: Number(total.rows[0]?.n ?? 0), skills: rows.rows.map((r) => ({ skill: r.skill, n: Number(r.n) })) };
  }

  /**
   * Rebuilds the market aggregates from the stored postings, then merges the full-text index's
   * pending list, unless nothing was stored since the last rebuild (by any process). Rebuilds run
   * one at a time across processes: with `wait: false` a caller that finds another one rebuilding,
   * or a rebuild less than `minIntervalMs` ago, returns "skipped" at once (queue workers while
   * busy); by default it waits its turn, then rebuilds only if postings came after that rebuild.
   * "Nothing new" compares the highest insertion number and the row count: a posting committed
   * late, with a lower number than one already seen, still counts. It reads every posting, so
   * ingest calls it when a run ends, not per batch.
   */
  async function refreshAggregates(
    options: { wait?: boolean; minIntervalMs?: number } = {},
  ): Promise<"rebuilt" | "current" | "skipped"> {
    const outcome = await db.transaction(async (tx) => {
      if (options.wait === false) {
        const r = await tx.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [REFRESH_LOCK]);
        if (!r.rows[0]?.ok) return "skipped" as const;
      } else await tx.query("SELECT pg_advisory_xact_lock($1)", [REFRESH_LOCK]);
      const r = await tx.query<{
        seq: string | null;
        n: string;
        done: { seq?: number; n?: number } | null;
        age: number | null;
      }>(
        `SELECT (SELECT max(seq) FROM postings) AS seq, (SELECT count(*) FROM postings) AS n, m.value AS done,
                extract(epoch FROM now() - m.updated_at) * 1000 AS age
           FROM (SELECT 1) AS one LEFT JOIN app_meta m ON m.key = 'market_refresh'`,
      );
      const row = r.rows[0];
      const state = { seq: Number(row?.seq ?? 0), n: Number(row?.n ?? 0) };
      if (row?.done?.seq === state.seq && row.done.n === state.n) return "current" as const;
      if (options.minIntervalMs !== undefined && row?.age != null && row.age < options.minIntervalMs)
        return "skipped" as const;
      await tx.query("REFRESH MATERIALIZED VIEW market_skill_month");
      await tx.query("REFRESH MATERIALIZED VIEW market_month");
      await tx.query(
        `INSERT INTO app_meta (key, value, updated_at) VALUES ('market_refresh', $1, now())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [JSON.stringify(state)],
      );
      return "rebuilt" as const;
    });
    // After the commit, so the views' locks are not held while it runs: merge what ingest left in
    // the full-text index's pending list, so searches need not scan it.
    if (outcome === "rebuilt") await db.query("SELECT gin_clean_pending_list('postings_search'::regclass)");
    return outcome;
  }

  /**
   * Per skill, how many dated unique postings ask for it before the month of `split` and from it
   * on, with the totals; without a split, the month after the median posting's month divides them.
   */
  async function skillCountsByPeriod(f: { split?: string; roleId?: string }) {
    const where = ["month IS NOT NULL"];
    const params: unknown[] = [];
    if (f.roleId) where.push(`role_id = $${params.push(f.roleId)}`);
    let split = f.split;
    if (!split) {
      const months = await db.query<{ month: string | Date; n: number }>(
        `SELECT month, sum(n)::int AS n FROM market_month WHERE ${where.join(" AND ")} GROUP BY month ORDER BY month`,
        params,
      );
      // The first month after the median posting's month, so a set with two months splits between them.
      const total = months.rows.reduce((sum, r) => sum + r.n, 0);
      let seen = 0;
      const median = months.rows.findIndex((r) => {
        seen += r.n;
        return seen * 2 >= total;
      });
      const next = months.rows[median + 1]?.month;
      split = next ? (next instanceof Date ? next.toISOString().slice(0, 10) : String(next).slice(0, 10)) : undefined;
    }
    if (!split) return { split: null, totals: { before: 0, after: 0 }, counts: [] };
    // Periods are whole months (the aggregates are by month): a split inside a month moves to its first day.
    split = `${split.slice(0, 7)}-01`;
    const at = `$${params.push(split)}::date`;
    const totals = await db.query<{ before: string | null; after: string | null }>(
      `SELECT sum(n) FILTER (WHERE month < ${at}) AS before, sum(n) FILTER (WHERE month >= ${at}) AS after
         FROM market_month WHERE ${where.join(" AND ")}`,
      params,
    );
    const counts = await db.query<{ skill: string; before: string | null; after: string | null }>(
      `SELECT skill, sum(n) FILTER (WHERE month < ${at}) AS before, sum(n) FILTER (WHERE month >= ${at}) AS after
         FROM market_skill_month WHERE ${where.join(" AND ")} GROUP BY skill`,
      params,
    );
    return {
      split,
      totals: { before: Number(totals.rows[0]?.before ?? 0), after: Number(totals.rows[0]?.after ?? 0) },
      counts: counts.rows.map((r) => ({ skill: r.skill, before: Number(r.before ?? 0), after: Number(r.after ?? 0) })),
    };
  }

  /**
   * Skills that appear together with `skill`: for each other skill, how many postings ask for
   * both, and how many ask for it at all, so the caller can compute lift.
   */
  async function coOccurrence(f: { skill: string; roleId?: string; top: number }) {
    const params: unknown[] = [f.skill];
    const role = f.roleId ? ` AND role_id = $${params.push(f.roleId)}` : "";
    const r = await db.query<{ skill: string; both: string; alone: string }>(
      `WITH base AS (SELECT skills FROM postings WHERE duplicate_of IS NULL${role}),
            pairs AS (SELECT s, count(*) AS both FROM base, unnest(skills) AS s WHERE $1 = ANY(skills) AND s <> $1 GROUP BY s),
            singles AS (SELECT s, count(*) AS alone FROM base, unnest(skills) AS s GROUP BY s)
       SELECT pairs.s AS skill, pairs.both, singles.alone FROM pairs JOIN singles USING (s)
        ORDER BY pairs.both DESC, pairs.s LIMIT $${params.push(f.top)}`,
      params,
    );
    const totals = await db.query<{ total: string; with_skill: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE $1 = ANY(skills)) AS with_skill FROM postings WHERE duplicate_of IS NULL${role}`,
      params.slice(0, f.roleId ? 2 : 1),
    );
    return {
      total: Number(totals.rows[0]?.total ?? 0),
      withSkill: Number(totals.rows[0]?.with_skill ?? 0),
      pairs: r.rows.map((x) => ({ skill: x.skill, both: Number(x.both), alone: Number(x.alone) })),
    };
  }

  /**
   * Unique postings by the knowledge pack's industry (null: no label, or none that maps) and by
   * employer, with the median yearly salary midpoint of those stating one, per currency.
   */
  async function industryBreakdown(f: { roleId?: string; top: number }) {
    const where = ["p.duplicate_of IS NULL"];
    const params: unknown[] = [];
    if (f.roleId) where.push(`p.role_id = $${params.push(f.roleId)}`);
    const pay = `percentile_cont(0.5) WITHIN GROUP (ORDER BY (p.salary_min + p.salary_max) / 2)
                   FILTER (WHERE p.salary_period = 'year' AND p.salary_currency = 'USD')`;
    const payN = "count(*) FILTER (WHERE p.salary_period = 'year' AND p.salary_currency = 'USD')";
    const industries = await db.query<{ industry_id: string | null; n: string; paid: string; p50: number | null }>(
      `SELECT p.industry_id, count(*) AS n, ${payN} AS paid, ${pay} AS p50
         FROM postings p WHERE ${where.join(" AND ")} GROUP BY p.industry_id ORDER BY count(*) DESC, p.industry_id`,
      params,
    );
    const employers = await db.query<{
      company: string;
      industry_id: string | null;
      n: string;
      paid: string;
      p50: number | null;
    }>(
      `SELECT c.name AS company, mode() WITHIN GROUP (ORDER BY p.industry_id) AS industry_id, count(*) AS n,
              ${payN} AS paid, ${pay} AS p50
         FROM postings p JOIN companies c ON c.id = p.company_id WHERE ${where.join(" AND ")}
        GROUP BY c.name ORDER BY count(*) DESC, c.name LIMIT $${params.push(f.top)}`,
      params,
    );
    const num = (r: { n: string; paid: string; p50: number | null }) => ({
      postings: Number(r.n),
      withSalary: Number(r.paid),
      medianSalaryUsd: r.p50 === null ? null : Number(r.p50),
    });
    return {
      industries: industries.rows.map((r) => ({ industry: r.industry_id, ...num(r) })),
      employers: employers.rows.map((r) => ({ company: r.company, industry: r.industry_id, ...num(r) })),
    };
  }

  /** Unique postings stating a yearly pay in this currency: role, skills and the range's midpoint. */
  async function paidPostings(currency: string): Promise<{ roleId: string | null; skills: string[]; pay: number }[]> {
    const r = await db.query<{ role_id: string | null; skills: string[]; pay: number }>(
      `SELECT role_id, skills, (salary_min + salary_max) / 2 AS pay FROM postings
        WHERE duplicate_of IS NULL AND salary_period = 'year' AND salary_currency = $1 AND salary_min > 0`,
      [currency],
    );
    return r.rows.map((x) => ({ roleId: x.role_id, skills: x.skills, pay: Number(x.pay) }));
  }

  /** Yearly salary percentiles of unique postings that state one, by role and seniority, per currency. */
  async function salaryPercentiles(f: { roleId?: string; country?: string }) {
    const where = ["duplicate_of IS NULL", "salary_period = 'year'", "salary_min IS NOT NULL"];
    const params: unknown[] = [];
    if (f.roleId) where.push(`role_id = $${params.push(f.roleId)}`);
    if (f.country) where.push(`country = $${params.push(f.country.toUpperCase())}`);
    const r = await db.query<{
      role_id: string | null;
      seniority: string | null;
      currency: string;
      n: string;
      p10: number;
      p25: number;
      p50: number;
      p75: number;
      p90: number;
    }>(
      `SELECT role_id, seniority, salary_currency AS currency, count(*) AS n,
              percentile_cont(0.1) WITHIN GROUP (ORDER BY (salary_min + salary_max) / 2) AS p10,
              percentile_cont(0.25) WITHIN GROUP (ORDER BY (salary_min + salary_max) / 2) AS p25,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (salary_min + salary_max) / 2) AS p50,
              percentile_cont(0.75) WITHIN GROUP (ORDER BY (salary_min + salary_max) / 2) AS p75,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY (salary_min + salary_max) / 2) AS p90
         FROM postings WHERE ${where.join(" AND ")}
        GROUP BY role_id, seniority, salary_currency ORDER BY role_id, seniority, currency`,
      params,
    );
    return r.rows.map(({ role_id, ...x }) => ({
      roleId: role_id,
      ...x,
      n: Number(x.n),
      p10: Number(x.p10),
      p25: Number(x.p25),
      p50: Number(x.p50),
      p75: Number(x.p75),
      p90: Number(x.p90),
    }));
  }

  return {
    insertBatch,
    counts,
    deferSearchIndex: (incoming: number) => deferSearchIndex(db, incoming, async () => (await counts()).total),
    lastSeq,
    indexRows,
    byIds,
    closeMissing,
    matchingIds,
    skillDemand,
    refreshAggregates,
    skillCountsByPeriod,
    coOccurrence,
    industryBreakdown,
    paidPostings,
    salaryPercentiles,
  };
}
export type PostingRepository = ReturnType<typeof createPostingRepository>;
