-- Market figures per role and month, so "which skills are asked for" sums a few thousand rows
-- instead of unnesting every posting's skills (seconds at 100k postings, more at 1M). Refreshed
-- after each ingest run; months make `--since` and trend splits month-grained.
CREATE MATERIALIZED VIEW market_skill_month AS
  SELECT role_id, date_trunc('month', posted_at)::date AS month, s AS skill, count(*)::int AS n
    FROM postings, unnest(skills) AS s
   WHERE duplicate_of IS NULL
   GROUP BY 1, 2, 3;

CREATE MATERIALIZED VIEW market_month AS
  SELECT role_id, date_trunc('month', posted_at)::date AS month, count(*)::int AS n
    FROM postings
   WHERE duplicate_of IS NULL
   GROUP BY 1, 2;

CREATE INDEX market_skill_month_role ON market_skill_month (role_id, month);
CREATE INDEX market_month_role ON market_month (role_id, month);
