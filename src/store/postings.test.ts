import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { createPostingPreparer } from "../sources/prepare.js";
import { similarity } from "../text/minhash.js";
import { createPostingRepository, MATCHING_SQL, NEAR_DUPLICATE, TWINS_SQL } from "./postings.js";
import { testStores, useTestStore } from "./test-stores.js";

const prepare = createPostingPreparer(loadKnowledge());
const posting = (title: string, company: string, description: string, externalId?: string) =>
  prepare({
    source: "test",
    title,
    company,
    description,
    location: "Austin, TX",
    ...(externalId ? { externalId } : {}),
  });

const BASE = [
  "We are hiring a data scientist to build churn models in Python and SQL, run A/B tests, and present results to product teams.",
  "You will own forecasting and experimentation end to end, from framing the question with stakeholders to shipping the model.",
  "You have three or more years of experience with statistics, pandas and scikit-learn, and you write clear documentation.",
  "Our team is small, remote-friendly and values careful analysis over speed; we review each other's work every week.",
].join(" ");

for (const store of testStores()) {
  describe.skipIf(store.skip)(`postings on ${store.name}`, () => {
    const open = useTestStore(store);

    it("stores a batch once, however often it is ingested", async () => {
      const repo = createPostingRepository(open(), similarity);
      const batch = [
        posting("Data Scientist", "Acme", BASE),
        posting("Data Engineer", "Acme", "Airflow, dbt and Snowflake pipelines for analytics."),
      ];
      // Neither is dated; a batch already stored stores nothing undated.
      expect(await repo.insertBatch(batch)).toEqual({ inserted: 2, duplicates: 0, existing: 0, undated: 2 });
      expect(await repo.insertBatch(batch)).toEqual({ inserted: 0, duplicates: 0, existing: 2, undated: 0 });
      expect(await repo.counts()).toEqual({ total: 2, unique: 2 });
    });

    it("stores postings whose text holds NUL bytes (PostgreSQL text cannot), with spans that still fit", async () => {
      const repo = createPostingRepository(open(), similarity);
      const p = posting("Data\u0000 Analyst", "Nul\u0000 Corp", "SQL\u0000 and Python\u0000 for dashboards.", "nul-1");
      expect(p.skills).toEqual(expect.arrayContaining(["sql", "python"]));
      expect(await repo.insertBatch([p])).toMatchObject({ inserted: 1 });
      const [row] = await repo.byIds([p.id]);
      expect(row).toMatchObject({ title: "Data Analyst", company: "Nul Corp" });
      // Description, extract and full-text vector go to the store as bytes (binary parameters).
      const stored = await open().query<{ description: string; skill: string; search: string; found: boolean }>(
        `SELECT description, json_extract_path(extract, 'skills', '0', 'id') #>> '{}' AS skill, search::text AS search,
                search @@ to_tsquery('simple', 'dashboard') AS found
           FROM postings WHERE id = $1`,
        [p.id],
      );
      expect(stored.rows[0]).toEqual({
        description: "SQL and Python for dashboards.",
        skill: "sql",
        search: "'analyst':2A 'dashboard':7B 'data':1A 'python':5B 'sql':3B",
        found: true,
      });
      await open().query("DELETE FROM postings WHERE id = $1", [p.id]);
    });

    it("shows a result's stated pay and posting day, and null for a posting that states neither", async () => {
      const repo = createPostingRepository(open(), similarity);
      const paid = prepare({
        source: "test",
        title: "Data Scientist",
        company: "Paycard",
        description: `${BASE} The salary is $120,000 - $150,000 per year.`,
        postedAt: "2025-03-02",
        externalId: "paid-card",
      });
      const plain = posting("Data Engineer", "Paycard", "Airflow, dbt and Snowflake pipelines.", "plain-card");
      await repo.insertBatch([paid, plain]);
      const cards = new Map((await repo.byIds([paid.id, plain.id])).map((c) => [c.id, c]));
      expect(cards.get(paid.id)).toMatchObject({
        salary: { min: 120000, max: 150000, currency: "USD", period: "year" },
        posted: "2025-03-02",
      });
      expect(cards.get(plain.id)).toMatchObject({ salary: null, posted: null });
      await open().query("DELETE FROM postings WHERE id = ANY($1)", [[paid.id, plain.id]]);
    });

    it("stores a posting whose company and title are huge or hold escape codes, beside the rest of its batch", async () => {
      // A 20,000-letter company name had failed the whole batch ("index row requires 20016 bytes").
      const repo = createPostingRepository(open(), similarity);
      const huge = posting("x".repeat(50_000), "Y".repeat(20_000), BASE, "huge-company");
      const escaped = posting("ML Engineer \u001b]0;pwned\u0007 \u001b[31mRED", "Esc\u001b[2JCo\n", BASE, "escapes");
      const good = posting("Data Engineer", "Acme", "Airflow and dbt pipelines.", "good-row");
      expect(await repo.insertBatch([huge, escaped, good])).toMatchObject({ inserted: 3 });
      const rows = await repo.byIds([huge.id, escaped.id]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(huge.id)?.company).toHaveLength(200);
      expect(byId.get(huge.id)?.title).toHaveLength(300);
      const emoji = posting(`${"x".repeat(299)}🚀 Engineer`, "Acme", BASE, "emoji-cut");
      expect(emoji.title).toBe("x".repeat(299));
      expect(byId.get(escaped.id)).toMatchObject({ title: "ML Engineer  ]0;pwned   [31mRED", company: "Esc [2JCo" });
      await open().query("DELETE FROM postings WHERE id = ANY($1)", [[huge.id, escaped.id, good.id]]);
    });

    it("stores a posting of 2 MB of distinct words, its full-text vector cut to what PostgreSQL holds", async () => {
      const repo = createPostingRepository(open(), similarity);
      const words = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36).padStart(8, "q")}`).join(" ");
      const p = posting("Data Analyst", "Huge Corp", `SQL dashboards. ${words}`, "huge-1");
      expect(await repo.insertBatch([p])).toMatchObject({ inserted: 1 });
      expect(await repo.matchingIds("dashboards")).toContain(p.id);
      await open().query("DELETE FROM postings WHERE id = $1", [p.id]);
    }, 60_000);

    it("looks twins and text matches up by their own indexes, not by reading every unique posting", async () => {
      const db = open();
      try {
        // 5,000 rows as wide as stored postings' (a 64-number signature, a skill list), as a bulk
        // load leaves them: no statistics gathered yet.
        await db.exec(
          "INSERT INTO companies (name, norm_name) SELECT 'plan ' || g, 'plan ' || g FROM generate_series(1, 500) g",
        );
        await db.exec(
          `INSERT INTO postings (id, source, title, norm_title, company_id, description, role_id, industry_id, minhash, extract, search)
           SELECT 'plan-' || g, 'plan', 'T', 't' || g, c.id, 'd', 'data-scientist', 'tech', s.minhash, '{}',
                  to_tsvector('simple', 'word' || (g % 50))
             FROM generate_series(1, 5000) g JOIN companies c ON c.norm_name = 'plan ' || (g % 500 + 1),
                  (SELECT array_agg(x * 7919) AS minhash FROM generate_series(1, 64) x) s`,
        );
        // A batch's worth of keys: with a few, reading by company and title is the cheaper plan anyway.
        const keys = Array.from({ length: 200 }, (_, i) => i + 1);
        const plan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${TWINS_SQL}`, [
          keys.map((i) => i % 500),
          keys.map((i) => `t${i}`),
          ["t1"],
        ]);
        const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
        // A table this small may be read whole (the planner counts its pages right); what must not
        // happen is a read of every unique posting through a partial index, on a guess about them.
        expect(text).not.toMatch(/postings_role|postings_industry/);
        const textPlan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${MATCHING_SQL}`, ["'word7'"]);
        expect(textPlan.rows.map((r) => r["QUERY PLAN"]).join("\n")).not.toMatch(/postings_role|postings_industry/);
      } finally {
        // The suite shares one store: later tests count its rows.
        await db.exec("DELETE FROM postings WHERE source = 'plan'");
        await db.exec("DELETE FROM companies WHERE norm_name LIKE 'plan %'");
      }
    });

    it("compares a new posting with the unique postings of its company and title, not with their reposts", async () => {
      const db = open();
      const repo = createPostingRepository(db, similarity);
      // Signatures made to chain: the repost is near the original, the newcomer near the repost
      // (54 of 64 equal each) but not near the original (44 of 64).
      const original = {
        ...posting("ML Engineer", "Chain Co", BASE, "chain-1"),
        minhash: Array.from({ length: 64 }, (_, k) => k),
      };
      const repost = {
        ...posting("ML Engineer", "Chain Co", BASE, "chain-2"),
        minhash: original.minhash.map((v, k) => (k < 10 ? v + 1000 : v)),
      };
      const newcomer = {
        ...posting("ML Engineer", "Chain Co", BASE, "chain-3"),
        minhash: repost.minhash.map((v, k) => (k >= 10 && k < 20 ? v + 2000 : v)),
      };
      expect([similarity(original.minhash, repost.minhash), similarity(repost.minhash, newcomer.minhash)]).toEqual([
        54 / 64,
        54 / 64,
      ]);
      expect(similarity(original.minhash, newcomer.minhash)).toBeLessThan(NEAR_DUPLICATE);
      try {
        expect(await repo.insertBatch([original])).toMatchObject({ inserted: 1, duplicates: 0 });
        expect(await repo.insertBatch([repost])).toMatchObject({ inserted: 1, duplicates: 1 });
        expect(await repo.insertBatch([newcomer])).toMatchObject({ inserted: 1, duplicates: 0 });
      } finally {
        await db.exec(
          "DELETE FROM postings WHERE company_id IN (SELECT id FROM companies WHERE norm_name = 'chain co')",
        );
      }
    });

    it("marks a near-identical repost of the same company and title, and keeps it countable", async () => {
      const repo = createPostingRepository(open(), similarity);
      const repost = posting("Data Scientist (Remote)", "ACME", `${BASE} Apply by March 1.`, "repost-1");
      const other = posting("Data Scientist", "Globex", BASE, "other-company");
      const r = await repo.insertBatch([repost, other]);
      expect(r).toEqual({ inserted: 2, duplicates: 1, existing: 0, undated: 2 });
      expect(await repo.counts()).toEqual({ total: 4, unique: 3 });
    });

    it("reads index rows in insertion order, rows by id, and full-text matches, with injection strings kept as data", async () => {
      const repo = createPostingRepository(open(), similarity);
      const before = await repo.lastSeq();
      const nasty = posting(
        "'; DROP TABLE postings; --",
        "Robert'); DELETE FROM companies;--",
        "Python and SQL for reporting. ' OR 1=1 --",
        "nasty",
      );
      await repo.insertBatch([nasty]);
      expect(await repo.lastSeq()).toBeGreaterThan(before);
      const rows = await repo.indexRows(0);
      // The repost is not a posting of its own: four unique of five stored.
      expect(rows).toHaveLength(4);
      expect(rows.map((r) => r.seq)).toEqual([...rows.map((r) => r.seq)].sort((a, b) => a - b));
      expect((await repo.indexRows(before)).map((r) => r.id)).toEqual([nasty.id]);
      expect(rows.find((r) => r.id === nasty.id)?.skills).toEqual(expect.arrayContaining(["python", "sql"]));
      const [byId] = await repo.byIds([nasty.id]);
      expect(byId?.company).toBe("Robert'); DELETE FROM companies;--");
      const byText = await repo.byIds(await repo.matchingIds("churn forecasting"));
      expect(byText.map((p) => p.company).sort()).toEqual(["Acme", "Globex"]);
      const injected = await repo.byIds(await repo.matchingIds("'; DROP TABLE postings; --"));
      expect(injected.map((p) => p.title)).toContain("'; DROP TABLE postings; --");
      expect((await repo.counts()).total).toBe(5);
    });

    it("searches text by stems, phrases with stop words, exclusions, either-or and symbols like C++", async () => {
      const repo = createPostingRepository(open(), similarity);
      const cpp = posting("Head of Data", "Initech", "Lead engineers building C++ and Node.js services.", "fts-1");
      const ml = posting("ML Engineer", "Hooli", "Deploying machine learning models; no C experience needed.", "fts-2");
      await repo.insertBatch([cpp, ml]);
      const find = async (q: string) =>
        (await repo.byIds(await repo.matchingIds(q)))
          .map((p) => p.id)
          .filter((id) => id === cpp.id || id === ml.id)
          .sort();
      expect(await find("deploy model")).toEqual([ml.id]);
      expect(await find("c++")).toEqual([cpp.id]);
      expect(await find("node.js")).toEqual([cpp.id]);
      expect(await find('"head of data"')).toEqual([cpp.id]);
      expect(await find('"data of head"')).toEqual([]);
      expect(await find("engineer -c++")).toEqual([ml.id]);
      expect(await find("hooli or initech")).toEqual([]);
      expect(await find("services or deploying")).toEqual([cpp.id, ml.id].sort());
      // Nothing to search is said, not answered as "no posting matches".
      await expect(repo.matchingIds("the of and")).rejects.toThrow('the query "the of and" has no words to search for');
      await expect(repo.matchingIds('"')).rejects.toThrow("has no words to search for");
      await expect(repo.matchingIds("   ")).rejects.toThrow("has no words to search for");
      // A word too long to index is named as the reason, not only common words.
      await expect(repo.matchingIds("x".repeat(65))).rejects.toMatchObject({
        hint: expect.stringContaining("words over 64 characters"),
      });
    });
    it("rebuilds the market aggregates only when something was stored since, one rebuild at a time", async () => {
      const db = open();
      const repo = createPostingRepository(db, similarity);
      const store = (n: number, text: string) =>
        repo.insertBatch([posting("Analytics Engineer", "Refresh Co", text, `refresh-${n}`)]);
      await store(1, "dbt and SQL models for the finance team.");
      expect(await repo.refreshAggregates()).toBe("rebuilt");
      expect(await repo.refreshAggregates()).toBe("current");
      await store(2, "Looker dashboards and SQL for the sales team.");
      // A rebuild less than a minute ago: a busy worker leaves it for later, the end of a run does not.
      expect(await repo.refreshAggregates({ wait: false, minIntervalMs: 60_000 })).toBe("skipped");
      expect(await repo.refreshAggregates({ wait: false })).toBe("rebuilt");
      await store(3, "Airflow and SQL pipelines for the marketing team.");
      // Two workers at once: one rebuilds; the other finds it under way, or nothing new after it.
      const other = createPostingRepository(db, similarity);
      const both = await Promise.all([
        repo.refreshAggregates({ wait: false }),
        other.refreshAggregates({ wait: false }),
      ]);
      expect(both.filter((x) => x === "rebuilt")).toHaveLength(1);
      // Rows that change without a higher insertion number (a late commit, a deletion) still count as new.
      await db.query("UPDATE postings SET seq = 1 WHERE external_id = 'refresh-3'");
      await db.query("DELETE FROM postings WHERE external_id = 'refresh-1'");
      expect(await repo.refreshAggregates()).toBe("rebuilt");
      const counted = await db.query<{ n: string }>(
        "SELECT sum(n) AS n FROM market_month WHERE role_id IS NOT DISTINCT FROM (SELECT role_id FROM postings WHERE external_id = 'refresh-3')",
      );
      expect(Number(counted.rows[0]?.n)).toBeGreaterThanOrEqual(1);
    });
  });
}
